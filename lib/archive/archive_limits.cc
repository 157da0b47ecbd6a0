#include "archive/archive_limits.h"

#include <limits>
#include <string>

namespace tamis {
namespace {

ObjectStatus status(std::string code, std::string_view reason, std::string detail) {
  return ObjectStatus{std::move(code), std::string(reason), std::move(detail)};
}

}  // namespace

bool mentions_encryption(std::string_view libarchive_message) {
  for (const std::string_view word : {"ncrypt", "assphrase", "ecrypt"}) {
    if (libarchive_message.find(word) != std::string_view::npos) return true;
  }
  return false;
}

bool exceeds_expansion_ratio(std::uint64_t decoded, std::uint64_t compressed,
                             std::uint32_t max_ratio) {
  if (decoded < kExpansionCheckFloor) return false;
  const std::uint64_t input = compressed == 0 ? 1 : compressed;
  const std::uint64_t ratio = max_ratio;
  if (input > std::numeric_limits<std::uint64_t>::max() / ratio) return false;
  return decoded > input * ratio;
}

ObjectStatus depth_limit_status(std::uint32_t max_depth, std::string_view format) {
  return status("SKIPPED", kReasonDepthLimit,
                "maxArchiveDepth (" + std::to_string(max_depth) + ") reached: this " +
                    std::string(format) + " is nested deeper and was not opened");
}

ObjectStatus members_limit_status(std::uint64_t max_members) {
  return status("PARTIAL", kReasonMemberLimit,
                "maxArchiveMembers (" + std::to_string(max_members) + ") reached: the first " +
                    std::to_string(max_members) + " members were walked, the rest were not");
}

ObjectStatus member_bytes_limit_status(std::uint64_t max_member_bytes) {
  return status("PARTIAL", kReasonSizeLimit,
                "maxMemberBytes (" + std::to_string(max_member_bytes) + ") reached: the first " +
                    std::to_string(max_member_bytes) +
                    " decoded bytes were scanned, the rest "
                    "was not");
}

ObjectStatus decoded_bytes_limit_status(std::uint64_t max_decoded_bytes) {
  return status("PARTIAL", kReasonSizeLimit,
                "maxDecodedBytes (" + std::to_string(max_decoded_bytes) +
                    ") reached: " + std::to_string(max_decoded_bytes) +
                    " decoded bytes of this object were "
                    "scanned, the rest was not");
}

ObjectStatus expansion_ratio_status(std::uint32_t max_ratio, std::uint64_t decoded,
                                    std::uint64_t compressed) {
  return status("PARTIAL", kReasonExpansionLimit,
                "maxExpansionRatio (" + std::to_string(max_ratio) +
                    ") exceeded: " + std::to_string(decoded) + " bytes decoded from " +
                    std::to_string(compressed) + " input bytes; those " + std::to_string(decoded) +
                    " bytes were scanned, the rest was not (likely a decompression bomb)");
}

}  // namespace tamis
