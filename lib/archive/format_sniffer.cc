#include "archive/format_sniffer.h"

#include <archive.h>

#include <cstdint>

namespace tamis {
namespace {

constexpr std::size_t kTarBlock = 512;
constexpr std::size_t kTarChecksumOffset = 148;
constexpr std::size_t kTarChecksumLength = 8;
constexpr std::size_t kTarMagicOffset = 257;
constexpr std::size_t kIsoDescriptorOffset = 32769;

bool starts_with_at(std::string_view head, std::size_t offset, std::string_view magic) {
  return head.size() >= offset + magic.size() && head.substr(offset, magic.size()) == magic;
}

unsigned char byte_at(std::string_view head, std::size_t i) {
  return static_cast<unsigned char>(head[i]);
}

// Pre-POSIX (v7) tar headers carry no magic: the header checksum is the only evidence, so it must
// add up and the header must name something.
bool is_valid_tar_header(std::string_view head) {
  if (head.size() < kTarBlock || head[0] == '\0') return false;
  std::uint64_t stored = 0;
  bool saw_digit = false;
  for (std::size_t i = kTarChecksumOffset; i < kTarChecksumOffset + kTarChecksumLength; ++i) {
    const char c = head[i];
    if (c >= '0' && c <= '7') {
      stored = stored * 8 + static_cast<std::uint64_t>(c - '0');
      saw_digit = true;
    } else if (c == ' ' || c == '\0') {
      if (saw_digit) break;  // trailing terminator; leading spaces are allowed
    } else {
      return false;
    }
  }
  if (!saw_digit) return false;
  std::uint64_t unsigned_sum = 0;
  for (std::size_t i = 0; i < kTarBlock; ++i) {
    const bool in_checksum = i >= kTarChecksumOffset && i < kTarChecksumOffset + kTarChecksumLength;
    unsigned_sum += in_checksum ? static_cast<unsigned char>(' ') : byte_at(head, i);
  }
  return unsigned_sum == stored;
}

bool is_bzip2(std::string_view head) {
  if (!starts_with_at(head, 0, "BZh") || head.size() < 4) return false;
  if (head[3] < '1' || head[3] > '9') return false;
  // A block header or the end-of-stream marker must follow, so text starting "BZh9" is not taken.
  return starts_with_at(head, 4, "\x31\x41\x59\x26\x53\x59") ||
         starts_with_at(head, 4, "\x17\x72\x45\x38\x50\x90");
}

SniffResult compressed(std::string_view format, std::string_view mime, int filter) {
  return SniffResult{ContainerKind::kCompressedStream, format, mime, filter};
}

SniffResult archive(std::string_view format, std::string_view mime) {
  return SniffResult{ContainerKind::kArchive, format, mime, 0};
}

}  // namespace

SniffResult sniff_container(std::string_view head) {
  using namespace std::string_view_literals;
  if (starts_with_at(head, 0, "\x1f\x8b\x08"sv)) {
    return compressed("gzip", "application/gzip", ARCHIVE_FILTER_GZIP);
  }
  if (is_bzip2(head)) return compressed("bzip2", "application/x-bzip2", ARCHIVE_FILTER_BZIP2);
  if (starts_with_at(head, 0, "\xfd\x37\x7a\x58\x5a\x00"sv)) {
    return compressed("xz", "application/x-xz", ARCHIVE_FILTER_XZ);
  }
  if (starts_with_at(head, 0, "\x28\xb5\x2f\xfd"sv)) {
    return compressed("zstd", "application/zstd", ARCHIVE_FILTER_ZSTD);
  }
  if (starts_with_at(head, 0, "\x04\x22\x4d\x18"sv)) {
    return compressed("lz4", "application/x-lz4", ARCHIVE_FILTER_LZ4);
  }
  if (starts_with_at(head, 0, "\x1f\x9d"sv)) {
    return compressed("compress", "application/x-compress", ARCHIVE_FILTER_COMPRESS);
  }
  if (starts_with_at(head, 0, "LZIP"sv)) {
    return compressed("lzip", "application/x-lzip", ARCHIVE_FILTER_LZIP);
  }
  if (starts_with_at(head, 0, "PK\x03\x04"sv) || starts_with_at(head, 0, "PK\x05\x06"sv) ||
      starts_with_at(head, 0, "PK\x07\x08PK\x03\x04"sv)) {
    return archive("zip", "application/zip");
  }
  if (starts_with_at(head, 0, "7z\xbc\xaf\x27\x1c"sv)) {
    return archive("7z", "application/x-7z-compressed");
  }
  if (starts_with_at(head, 0, "!<arch>\n"sv)) return archive("ar", "application/x-archive");
  if (starts_with_at(head, 0, "070707"sv) || starts_with_at(head, 0, "070701"sv) ||
      starts_with_at(head, 0, "070702"sv) || starts_with_at(head, 0, "\xc7\x71"sv) ||
      starts_with_at(head, 0, "\x71\xc7"sv)) {
    return archive("cpio", "application/x-cpio");
  }
  if (starts_with_at(head, kTarMagicOffset, "ustar"sv) || is_valid_tar_header(head)) {
    return archive("tar", "application/x-tar");
  }
  if (starts_with_at(head, kIsoDescriptorOffset, "CD001"sv)) {
    return archive("iso9660", "application/x-iso9660-image");
  }
  return SniffResult{};
}

}  // namespace tamis
