// A file read in fixed chunks as a ByteSource: the convenience for walking an archive on disk.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include "archive/byte_source.h"

namespace tamis {

class FileByteSource final : public ByteSource {
 public:
  static constexpr std::size_t kChunkBytes = 256 * 1024;

  // A file that cannot be opened gives an empty stream whose status is SKIPPED with the OS error.
  explicit FileByteSource(const std::string& path);
  ~FileByteSource() override;
  FileByteSource(const FileByteSource&) = delete;
  FileByteSource& operator=(const FileByteSource&) = delete;

  Pull pull(std::string_view& chunk) override;
  const ObjectStatus& status() const override { return status_; }
  bool can_seek() const override { return file_ != nullptr && size_known_; }
  std::uint64_t seekable_size() const override { return size_; }
  bool seek_to(std::uint64_t offset) override;

 private:
  std::FILE* file_ = nullptr;
  std::unique_ptr<char[]> buffer_;
  std::uint64_t offset_ = 0;
  std::uint64_t size_ = 0;
  bool size_known_ = false;
  ObjectStatus status_;
};

}  // namespace tamis
