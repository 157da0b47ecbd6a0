// One libarchive read handle over a ByteSource, set up for what the sniffer found. Owns the
// handle; tells how much input libarchive has consumed (for the expansion ratio).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "archive/byte_source.h"
#include "archive/format_sniffer.h"

struct archive;

namespace tamis {

class ArchiveReader {
 public:
  ArchiveReader(ByteSource& source, const SniffResult& sniff);
  ~ArchiveReader();
  ArchiveReader(const ArchiveReader&) = delete;
  ArchiveReader& operator=(const ArchiveReader&) = delete;

  // False when libarchive could not start reading; error() says why.
  bool open();
  struct archive* handle() {
    return archive_;
  }
  // Input bytes libarchive has consumed (not merely read ahead) at the bottom of its filter
  // chain: compressed bytes for a compressed stream, archive bytes otherwise. Jumps back when 7z
  // seeks.
  std::uint64_t input_bytes_consumed() const;
  // libarchive's message for the last failure, or a fallback naming the failure.
  std::string error() const;
  // A 7z read from a stream without random access: its data cannot be reached (docs/archives.md).
  bool lacks_random_access() const;

 private:
  static ssize_t read_callback(struct archive* archive, void* self, const void** buffer);
  static std::int64_t seek_callback(struct archive* archive, void* self, std::int64_t offset,
                                    int whence);

  ByteSource& source_;
  SniffResult sniff_;
  struct archive* archive_ = nullptr;
  std::string_view pending_;    // rest of the source's current chunk, handed out in slices
  std::uint64_t position_ = 0;  // offset in the source of the next byte handed to libarchive
};

}  // namespace tamis
