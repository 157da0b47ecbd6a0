#include "source/file_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include "archive/byte_source.h"
#include "engine/object_scanner.h"

namespace tamis {
namespace {

std::string os_error_text(int error_number) {
  // strerror_r's GNU flavour may return a static string instead of filling the buffer.
  char buffer[256];
  const char* text = strerror_r(error_number, buffer, sizeof buffer);
  return text != nullptr ? std::string(text) : std::string("error ") + std::to_string(error_number);
}

// What a failed open or stat means for the object: it vanished, we may not read it, or something
// else is wrong with it (then only the OS text tells the user more).
ObjectStatus status_for_open_error(int error_number) {
  ObjectStatus status;
  status.code = "SKIPPED";
  switch (error_number) {
    case ENOENT:
    case ENOTDIR:
      status.reason = "SOURCE_OBJECT_NO_LONGER_AVAILABLE";
      break;
    case EACCES:
    case EPERM:
      status.reason = "PERMISSION_DENIED";
      break;
    default:
      status.reason = "UNABLE_TO_PARSE_FILE";
      break;
  }
  status.detail = os_error_text(error_number);
  return status;
}

std::string_view file_type_name(mode_t mode) {
  if (S_ISDIR(mode)) return "directory";
  if (S_ISFIFO(mode)) return "FIFO";
  if (S_ISSOCK(mode)) return "socket";
  if (S_ISCHR(mode)) return "character device";
  if (S_ISBLK(mode)) return "block device";
  return "not a regular file";
}

// A result for an object that was never read: nothing classified, content type unknown.
ObjectResult unread_object(const std::string& path, std::uint64_t size, ObjectStatus status) {
  ObjectResult result;
  result.path = path;
  result.size = size;
  result.size_classified = 0;
  result.mime_type.clear();
  result.status = std::move(status);
  return result;
}

ObjectStatus unsupported_type(mode_t mode) {
  return {"SKIPPED", "UNSUPPORTED_FILE_TYPE", std::string(file_type_name(mode))};
}

// Closes the descriptor on every path out of scan_file.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

// A regular file's descriptor as a ByteSource; seekable, so 7z (index at the end) works.
class DescriptorSource final : public ByteSource {
 public:
  DescriptorSource(int fd, std::uint64_t size, std::size_t chunk_size)
      : fd_(fd), size_(size), buffer_(chunk_size) {}

  Pull pull(std::string_view& chunk) override {
    for (;;) {
      const ssize_t got = ::read(fd_, buffer_.data(), buffer_.size());
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) {
        status_ = {"PARTIAL", "UNABLE_TO_PARSE_FILE",
                   os_error_text(errno) + " at byte " + std::to_string(offset_)};
        return Pull::kEnd;
      }
      if (got == 0) return Pull::kEnd;
      offset_ += static_cast<std::uint64_t>(got);
      chunk = std::string_view(buffer_.data(), static_cast<std::size_t>(got));
      return Pull::kData;
    }
  }
  const ObjectStatus& status() const override { return status_; }
  bool can_seek() const override { return true; }
  std::uint64_t seekable_size() const override { return size_; }
  bool seek_to(std::uint64_t offset) override {
    if (::lseek(fd_, static_cast<off_t>(offset), SEEK_SET) < 0) return false;
    offset_ = offset;
    return true;
  }

 private:
  int fd_;
  std::uint64_t size_;
  std::uint64_t offset_ = 0;
  std::vector<char> buffer_;
  ObjectStatus status_;
};

void scan_file_objects(Scanner& scanner, const std::string& path,
                       const std::function<void(ObjectResult)>& emit, std::size_t chunk_size) {
  if (chunk_size == 0) chunk_size = kDefaultReadChunk;
  const std::uint64_t max_bytes = scanner.engine().config().limits.max_object_bytes;
  struct stat before {};
  if (::stat(path.c_str(), &before) != 0) {
    return emit(unread_object(path, 0, status_for_open_error(errno)));
  }
  if (!S_ISREG(before.st_mode))
    return emit(unread_object(path, 0, unsupported_type(before.st_mode)));
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (fd.get() < 0) return emit(unread_object(path, 0, status_for_open_error(errno)));
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0)
    return emit(unread_object(path, 0, status_for_open_error(errno)));
  if (!S_ISREG(info.st_mode)) return emit(unread_object(path, 0, unsupported_type(info.st_mode)));
  const auto size = static_cast<std::uint64_t>(info.st_size);
  if (size > max_bytes) {
    return emit(
        unread_object(path, size,
                      {"SKIPPED", "FILE_EXCEEDS_SIZE_LIMIT",
                       std::to_string(size) + " bytes, limit is " + std::to_string(max_bytes)}));
  }
  (void)::posix_fadvise(fd.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
  DescriptorSource source(fd.get(), size, chunk_size);
  ObjectScanner objects(scanner);
  objects.scan(source, path, [&](ObjectResult result) {
    // The object itself (not a member) has the file's size, as scan_file reports it.
    if (result.path == path) result.size = std::max(result.size, size);
    emit(std::move(result));
  });
}

ObjectResult scan_file(Scanner& scanner, const std::string& path, std::size_t chunk_size) {
  if (chunk_size == 0) chunk_size = kDefaultReadChunk;
  const std::uint64_t max_bytes = scanner.engine().config().limits.max_object_bytes;

  // A stat before opening keeps us from opening devices (which can have side effects) and FIFOs
  // (where open() would wait for a writer).
  struct stat before {};
  if (::stat(path.c_str(), &before) != 0) {
    return unread_object(path, 0, status_for_open_error(errno));
  }
  if (!S_ISREG(before.st_mode)) return unread_object(path, 0, unsupported_type(before.st_mode));

  // O_NONBLOCK only matters if the path was swapped for a FIFO since the stat; it is a no-op for
  // regular files.
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (fd.get() < 0) return unread_object(path, 0, status_for_open_error(errno));

  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) return unread_object(path, 0, status_for_open_error(errno));
  if (!S_ISREG(info.st_mode)) return unread_object(path, 0, unsupported_type(info.st_mode));
  const auto size = static_cast<std::uint64_t>(info.st_size);
  if (size > max_bytes) {
    return unread_object(path, size,
                         {"SKIPPED", "FILE_EXCEEDS_SIZE_LIMIT",
                          std::to_string(size) + " bytes, limit is " + std::to_string(max_bytes)});
  }
  // Advice only: a failure changes nothing about correctness.
  (void)::posix_fadvise(fd.get(), 0, 0, POSIX_FADV_SEQUENTIAL);

  scanner.begin(path);
  std::vector<char> buffer(chunk_size);
  std::uint64_t offset = 0;
  for (;;) {
    const ssize_t got = ::read(fd.get(), buffer.data(), buffer.size());
    if (got < 0) {
      if (errno == EINTR) continue;
      scanner.fail({"PARTIAL", "UNABLE_TO_PARSE_FILE",
                    os_error_text(errno) + " at byte " + std::to_string(offset)});
      break;
    }
    if (got == 0) break;
    auto length = static_cast<std::uint64_t>(got);
    // The file may grow while we read it; the limit holds for what we classify, not only the stat.
    bool over_limit = false;
    if (offset + length > max_bytes) {
      length = max_bytes - offset;
      over_limit = true;
    }
    scanner.feed(std::string_view(buffer.data(), static_cast<std::size_t>(length)));
    offset += length;
    if (over_limit) {
      scanner.fail(
          {"PARTIAL", "FILE_EXCEEDS_SIZE_LIMIT",
           "file grew past the limit of " + std::to_string(max_bytes) + " bytes while being read"});
      break;
    }
  }
  ObjectResult result = scanner.finish();
  result.size = size;
  return result;
}

}  // namespace tamis
