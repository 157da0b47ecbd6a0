// The statuses the walker gives when one of Limits' archive limits stops it, each naming the
// configuration key, its value and what was scanned before it, plus the expansion-ratio test.
#pragma once

#include <cstdint>
#include <string_view>

#include "config/config.h"
#include "report/result.h"

namespace tamis {

// Status reasons of our own, next to Macie's (docs/archives.md lists them all).
inline constexpr std::string_view kReasonDepthLimit = "ARCHIVE_DEPTH_LIMIT";
inline constexpr std::string_view kReasonMemberLimit = "ARCHIVE_MEMBER_LIMIT";
inline constexpr std::string_view kReasonExpansionLimit = "EXPANSION_RATIO_LIMIT";
inline constexpr std::string_view kReasonSizeLimit = "FILE_EXCEEDS_SIZE_LIMIT";
inline constexpr std::string_view kReasonEncrypted = "ENCRYPTED";
inline constexpr std::string_view kReasonUnparsable = "UNABLE_TO_PARSE_FILE";
inline constexpr std::string_view kReasonUnsupportedType = "UNSUPPORTED_FILE_TYPE";

// Small members of repetitive text legitimately compress a thousandfold; the ratio is judged only
// once a member has produced this much, which is where a bomb starts to cost anything.
inline constexpr std::uint64_t kExpansionCheckFloor = 1ULL << 20;

// libarchive has no error code for "encrypted": its messages say "Encrypted file is
// unsupported", "Passphrase required", "Decryption is unsupported" and the like.
bool mentions_encryption(std::string_view libarchive_message);

// True when `decoded` bytes came out of `compressed` input bytes at more than `max_ratio`.
bool exceeds_expansion_ratio(std::uint64_t decoded, std::uint64_t compressed,
                             std::uint32_t max_ratio);

ObjectStatus depth_limit_status(std::uint32_t max_depth, std::string_view format);
ObjectStatus members_limit_status(std::uint64_t max_members);
ObjectStatus member_bytes_limit_status(std::uint64_t max_member_bytes);
ObjectStatus decoded_bytes_limit_status(std::uint64_t max_decoded_bytes);
ObjectStatus expansion_ratio_status(std::uint32_t max_ratio, std::uint64_t decoded,
                                    std::uint64_t compressed);

}  // namespace tamis
