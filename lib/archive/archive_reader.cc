#include "archive/archive_reader.h"

#include <archive.h>

#include <algorithm>
#include <cstdio>

namespace tamis {
namespace {

// libarchive is handed at most this much at a time: it copies whatever straddles two slices, so
// slices stay large, but bounded whatever chunk size the source uses.
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
    // Except compress (.Z): appending it crashes libarchive up to 3.8 (its bidder reads input
    // before there is any; libarchive issue #2514), so it is registered as a bidder instead. A .Z
    // inside a .Z is then opened in one go: the one place where a layer escapes the depth count.
    const int status = sniff_.libarchive_filter == ARCHIVE_FILTER_COMPRESS
                           ? archive_read_support_filter_compress(archive_)
                           : archive_read_append_filter(archive_, sniff_.libarchive_filter);
    if (status != ARCHIVE_OK) return false;
    // A compressed stream that holds no archive is one member: libarchive's raw format, which is
    // only ever enabled here, never for content that was not sniffed as compressed.
    archive_read_support_format_raw(archive_);
  }
  archive_read_set_callback_data(archive_, this);
  archive_read_set_read_callback(archive_, &ArchiveReader::read_callback);
  if (source_.can_seek()) archive_read_set_seek_callback(archive_, &ArchiveReader::seek_callback);
  return archive_read_open1(archive_) == ARCHIVE_OK;
}

std::uint64_t ArchiveReader::input_bytes_consumed() const {
  const la_int64_t consumed = archive_ == nullptr ? 0 : archive_filter_bytes(archive_, -1);
  return consumed < 0 ? 0 : static_cast<std::uint64_t>(consumed);
}

bool ArchiveReader::lacks_random_access() const {
  return archive_ != nullptr && !source_.can_seek() &&
         archive_format(archive_) == ARCHIVE_FORMAT_7ZIP;
}

std::string ArchiveReader::error() const {
  const char* message = archive_ == nullptr ? nullptr : archive_error_string(archive_);
  if (message != nullptr && *message != '\0') return message;
  return archive_ == nullptr ? "libarchive could not allocate a reader"
                             : "libarchive reported a failure without a message";
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
  reader.position_ += size;
  return static_cast<ssize_t>(size);
}

std::int64_t ArchiveReader::seek_callback(struct archive* /*archive*/, void* self,
                                          std::int64_t offset, int whence) {
  auto& reader = *static_cast<ArchiveReader*>(self);
  const auto size = static_cast<std::int64_t>(reader.source_.seekable_size());
  std::int64_t target = offset;
  if (whence == SEEK_CUR) target += static_cast<std::int64_t>(reader.position_);
  if (whence == SEEK_END) target += size;
  if (target < 0 || target > size) return ARCHIVE_FATAL;
  if (!reader.source_.seek_to(static_cast<std::uint64_t>(target))) return ARCHIVE_FATAL;
  reader.pending_ = {};
  reader.position_ = static_cast<std::uint64_t>(target);
  return target;
}

}  // namespace tamis
