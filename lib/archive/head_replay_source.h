// A ByteSource that first hands out bytes already read from a stream (to choose its format) and
// then the rest of that stream, so a reader chosen by the first bytes still gets every byte.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "archive/byte_source.h"

namespace tamis {

class HeadReplaySource final : public ByteSource {
 public:
  // `rest_ended`: the inner stream already returned kEnd while the head was read.
  HeadReplaySource(std::string_view head, ByteSource& rest, bool rest_ended)
      : head_(head), rest_(rest), rest_ended_(rest_ended) {}

  Pull pull(std::string_view& chunk) override {
    if (!head_done_) {
      head_done_ = true;
      if (!head_.empty()) {
        chunk = head_;
        return Pull::kData;
      }
    }
    if (rest_ended_) return Pull::kEnd;
    const Pull pulled = rest_.pull(chunk);
    if (pulled == Pull::kEnd) rest_ended_ = true;
    return pulled;
  }
  const ObjectStatus& status() const override { return rest_.status(); }
  // Positions are absolute in both streams: the head is the stream's first bytes.
  bool can_seek() const override { return rest_.can_seek(); }
  std::uint64_t seekable_size() const override { return rest_.seekable_size(); }
  bool seek_to(std::uint64_t offset) override {
    if (!rest_.seek_to(offset)) return false;
    head_done_ = true;
    rest_ended_ = false;
    return true;
  }

 private:
  std::string_view head_;
  ByteSource& rest_;
  bool rest_ended_;
  bool head_done_ = false;
};

}  // namespace tamis
