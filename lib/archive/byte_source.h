// A pull-based stream of bytes: the shape in which archive members (and whole objects) reach the
// walker and leave it, so nothing ever has to be held whole in memory.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "report/result.h"

namespace tamis {

enum class Pull : std::uint8_t { kData, kEnd };

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // kData: `chunk` holds the next bytes (possibly empty), valid until the next call. kEnd: no more
  // bytes; status() then says whether everything was delivered or why it stopped early.
  virtual Pull pull(std::string_view& chunk) = 0;
  // COMPLETE while reading and after a full read; PARTIAL or SKIPPED with a reason and a detail
  // naming the fault once the stream ended early (corrupt data, encryption, a limit).
  virtual const ObjectStatus& status() const = 0;

  // Random access, for the formats that need it (7z keeps its index at the end). Only a source
  // backed by a file offers it; archive members never do, so a 7z nested in another archive is
  // reported as unreadable instead of being spooled anywhere.
  virtual bool can_seek() const { return false; }
  // The total size, when can_seek().
  virtual std::uint64_t seekable_size() const { return 0; }
  // Continues reading at `offset` from the start of the stream; false when that is impossible.
  virtual bool seek_to(std::uint64_t /*offset*/) { return false; }
};

// A status that is not COMPLETE.
inline ObjectStatus make_status(std::string code, std::string reason, std::string detail) {
  return ObjectStatus{std::move(code), std::move(reason), std::move(detail)};
}

inline bool is_complete(const ObjectStatus& status) { return status.code == "COMPLETE"; }

}  // namespace tamis
