// Lets the walker look at the first bytes of a stream (to sniff its format) and then hand the
// whole stream on, first bytes included, without rewinding anything.
#pragma once

#include <string>
#include <string_view>

#include "archive/byte_source.h"

namespace tamis {

class PeekSource final : public ByteSource {
 public:
  explicit PeekSource(ByteSource& inner) : inner_(inner) {}

  // The first kSniffBytes bytes (fewer when the stream is shorter). Reading them copies at most
  // kSniffBytes: the rest of the chunk they came from is replayed by reference.
  std::string_view head();

  Pull pull(std::string_view& chunk) override;
  const ObjectStatus& status() const override { return inner_.status(); }
  bool can_seek() const override { return inner_.can_seek(); }
  std::uint64_t seekable_size() const override { return inner_.seekable_size(); }
  // Drops whatever was still to be replayed: positions are absolute in both streams.
  bool seek_to(std::uint64_t offset) override;

 private:
  ByteSource& inner_;
  std::string head_;
  std::string_view leftover_;  // points into the inner stream's current chunk
  bool head_read_ = false;
  bool head_sent_ = false;
  bool inner_ended_ = false;
};

}  // namespace tamis
