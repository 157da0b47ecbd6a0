#include "archive/file_byte_source.h"

#include <cerrno>
#include <cstring>

namespace tamis {

FileByteSource::FileByteSource(const std::string& path)
    : file_(std::fopen(path.c_str(), "rb")), buffer_(std::make_unique<char[]>(kChunkBytes)) {
  if (file_ == nullptr) {
    status_ = ObjectStatus{"SKIPPED", "UNABLE_TO_PARSE_FILE",
                           "cannot open " + path + ": " + std::strerror(errno)};
  }
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
    std::fclose(file_);
    file_ = nullptr;
    return Pull::kEnd;
  }
  offset_ += got;
  chunk = std::string_view(buffer_.get(), got);
  return Pull::kData;
}

}  // namespace tamis
