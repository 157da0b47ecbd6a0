// Recognises compressed streams and archives by their magic bytes, so that plain text (or any
// other content) is never handed to libarchive, whose permissive bidders would otherwise accept
// almost anything as a "raw" stream.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace tamis {

enum class ContainerKind : std::uint8_t {
  kNone,              // not something the walker opens: scanned as it is
  kCompressedStream,  // one compressed stream (gzip, bzip2, xz, zstd, lz4, compress)
  kArchive,           // members with names (zip, tar, 7z, cpio, ar, ISO 9660)
};

struct SniffResult {
  ContainerKind kind = ContainerKind::kNone;
  std::string_view format;     // short name: "gzip", "zip", "tar", ... ; empty for kNone
  std::string_view mime_type;  // e.g. "application/gzip"; empty for kNone
  int libarchive_filter = 0;   // ARCHIVE_FILTER_* for kCompressedStream, else 0
};

// Enough bytes for every magic this sniffer knows, the deepest being ISO 9660's volume
// descriptor at 32769.
inline constexpr std::size_t kSniffBytes = 36 * 1024;

// `head` is the start of the content: up to kSniffBytes, less only when the content is shorter.
SniffResult sniff_container(std::string_view head);

}  // namespace tamis
