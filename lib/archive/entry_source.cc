#include "archive/entry_source.h"

#include <archive.h>

#include <algorithm>
#include <string>

#include "archive/archive_limits.h"

namespace tamis {
namespace {

constexpr std::size_t kBufferBytes = 64 * 1024;

}  // namespace

EntrySource::EntrySource(ArchiveReader& reader, const Limits& limits)
    : reader_(reader),
      limits_(limits),
      buffer_(std::make_unique<char[]>(kBufferBytes)),
      input_at_start_(reader.input_bytes_consumed()) {}

Pull EntrySource::pull(std::string_view& chunk) {
  if (ended_) return Pull::kEnd;
  if (delivered_ >= limits_.max_member_bytes) {
    ended_ = true;
    member_limit_hit_ = true;
    status_ = member_bytes_limit_status(limits_.max_member_bytes);
    return Pull::kEnd;
  }
  const std::size_t want = static_cast<std::size_t>(
      std::min<std::uint64_t>(kBufferBytes, limits_.max_member_bytes - delivered_));
  const la_ssize_t got = archive_read_data(reader_.handle(), buffer_.get(), want);
  if (got == 0) {
    ended_ = true;
    return Pull::kEnd;
  }
  if (got < 0) {
    fail(static_cast<int>(got));
    return Pull::kEnd;
  }
  delivered_ += static_cast<std::uint64_t>(got);
  const std::uint64_t consumed = reader_.input_bytes_consumed();
  if (consumed < input_at_start_) input_at_start_ = consumed;  // a seek back (7z): count anew
  const std::uint64_t input = consumed - input_at_start_;
  if (exceeds_expansion_ratio(delivered_, input, limits_.max_expansion_ratio)) {
    // These bytes are decoded already and are delivered; nothing more is decoded.
    ended_ = true;
    expansion_limit_hit_ = true;
    status_ = expansion_ratio_status(limits_.max_expansion_ratio, delivered_, input);
  }
  chunk = std::string_view(buffer_.get(), static_cast<std::size_t>(got));
  return Pull::kData;
}

void EntrySource::fail(int code) {
  ended_ = true;
  archive_unusable_ = code == ARCHIVE_FATAL;
  const std::string message =
      reader_.lacks_random_access()
          ? "a 7z archive needs random access, which a 7z inside another archive or compressed "
            "stream does not have; it is not spooled anywhere to get it (libarchive: " +
                reader_.error() + ")"
          : reader_.error();
  const std::string code_text = delivered_ == 0 ? "SKIPPED" : "PARTIAL";
  const std::string where = " (after " + std::to_string(delivered_) + " bytes of this member)";
  if (mentions_encryption(message)) {
    status_ = ObjectStatus{code_text, std::string(kReasonEncrypted),
                           "encrypted, not scanned: " + message + where};
  } else {
    status_ = ObjectStatus{code_text, std::string(kReasonUnparsable), message + where};
  }
}

}  // namespace tamis
