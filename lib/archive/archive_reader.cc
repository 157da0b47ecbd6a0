#include "archive/archive_reader.h"

#include <archive.h>

#include <algorithm>

namespace tamis {
namespace {

// libarchive is handed at most this much at a time, so the input counted against a member (for
// the expansion ratio) overshoots what it really consumed by at most one slice.
constexpr std::size_t kMaxSlice = 64 * 1024;

// The archive formats the walker opens. Not archive_read_support_format_all(): mtree, warc and
// friends bid on ordinary text, and the sniffer has already decided this is an archive.
void support_archive_formats(struct archive* a) {
  archive_read_support_format_tar(a);
  archive_read_support_format_zip(a);
  archive_read_support_format_7zip(a);
  archive_read_support_format_cpio(a);
  archive_read_support_format_ar(a);
  archive_read_support_format_iso9660(a);
}

}  // namespace

ArchiveReader::ArchiveReader(ByteSource& source, const SniffResult& sniff)
    : source_(source), sniff_(sniff), archive_(archive_read_new()) {}

ArchiveReader::~ArchiveReader() {
  if (archive_ != nullptr) archive_read_free(archive_);
}

bool ArchiveReader::open() {
  if (archive_ == nullptr) return false;
  support_archive_formats(archive_);
  if (sniff_.kind == ContainerKind::kCompressedStream) {
    // Exactly one filter, appended by hand: libarchive would otherwise strip every layer of a
    // gzip-in-gzip at once (up to 25), and each layer must count against maxArchiveDepth.
    if (archive_read_append_filter(archive_, sniff_.libarchive_filter) != ARCHIVE_OK) return false;
    // A compressed stream that holds no archive is one member: libarchive's raw format, which is
    // only ever enabled here, never for content that was not sniffed as compressed.
    archive_read_support_format_raw(archive_);
  }
  return archive_read_open(archive_, this, nullptr, &ArchiveReader::read_callback, nullptr) ==
         ARCHIVE_OK;
}

std::string ArchiveReader::error() const {
  const char* message = archive_ == nullptr ? nullptr : archive_error_string(archive_);
  if (message != nullptr && *message != '\0') return message;
  return archive_ == nullptr ? "libarchive could not allocate a reader"
                             : "unknown libarchive error";
}

ssize_t ArchiveReader::read_callback(struct archive* /*archive*/, void* self, const void** buffer) {
  auto& reader = *static_cast<ArchiveReader*>(self);
  while (reader.pending_.empty()) {
    std::string_view chunk;
    if (reader.source_.pull(chunk) == Pull::kEnd) return 0;
    reader.pending_ = chunk;
  }
  const std::size_t size = std::min(reader.pending_.size(), kMaxSlice);
  *buffer = reader.pending_.data();
  reader.pending_.remove_prefix(size);
  reader.input_bytes_ += size;
  return static_cast<ssize_t>(size);
}

}  // namespace tamis
