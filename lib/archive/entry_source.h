// The bytes of the current archive entry, read with archive_read_data into one fixed buffer, with
// the per-member limits (maxMemberBytes, maxExpansionRatio) applied as they are decoded.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "archive/archive_reader.h"
#include "archive/byte_source.h"
#include "config/config.h"

namespace tamis {

class EntrySource final : public ByteSource {
 public:
  EntrySource(ArchiveReader& reader, const Limits& limits);

  Pull pull(std::string_view& chunk) override;
  const ObjectStatus& status() const override { return status_; }

  // libarchive cannot go on to the next entry after this one.
  bool archive_unusable() const { return archive_unusable_; }
  // The member was cut by maxExpansionRatio: the archive around it is treated as a bomb.
  bool expansion_limit_hit() const { return expansion_limit_hit_; }
  // The member was cut by maxMemberBytes.
  bool member_limit_hit() const { return member_limit_hit_; }
  std::uint64_t bytes_read() const { return delivered_; }

 private:
  void fail(int code);

  ArchiveReader& reader_;
  const Limits& limits_;
  std::unique_ptr<char[]> buffer_;
  std::uint64_t input_at_start_;
  std::uint64_t delivered_ = 0;
  ObjectStatus status_;
  bool ended_ = false;
  bool archive_unusable_ = false;
  bool expansion_limit_hit_ = false;
  bool member_limit_hit_ = false;
};

}  // namespace tamis
