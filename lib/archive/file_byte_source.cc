#include "archive/file_byte_source.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

namespace tamis {

FileByteSource::FileByteSource(const std::string& path)
    : file_(std::fopen(path.c_str(), "rb")), buffer_(std::make_unique<char[]>(kChunkBytes)) {
  if (file_ == nullptr) {
    status_ = ObjectStatus{"SKIPPED", "UNABLE_TO_PARSE_FILE",
                           "cannot open " + path + ": " + std::strerror(errno)};
    return;
  }
  struct stat info {};
  if (fstat(fileno(file_), &info) == 0 && S_ISREG(info.st_mode)) {
    size_ = static_cast<std::uint64_t>(info.st_size);
    size_known_ = true;
  }
}

bool FileByteSource::seek_to(std::uint64_t offset) {
  if (file_ == nullptr || offset > size_) return false;
  if (fseeko(file_, static_cast<off_t>(offset), SEEK_SET) != 0) return false;
  std::clearerr(file_);
  offset_ = offset;
  return true;
}

FileByteSource::~FileByteSource() {
  if (file_ != nullptr) std::fclose(file_);
}

Pull FileByteSource::pull(std::string_view& chunk) {
  if (file_ == nullptr) return Pull::kEnd;
  const std::size_t got = std::fread(buffer_.get(), 1, kChunkBytes, file_);
  if (got == 0) {
    if (std::ferror(file_) != 0) {
      status_ = ObjectStatus{
          offset_ == 0 ? "SKIPPED" : "PARTIAL", "UNABLE_TO_PARSE_FILE",
          "read error after " + std::to_string(offset_) + " bytes: " + std::strerror(errno)};
    }
    return Pull::kEnd;  // the file stays open: a seek may follow
  }
  offset_ += got;
  chunk = std::string_view(buffer_.get(), got);
  return Pull::kData;
}

}  // namespace tamis
