#include "source/file_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <utility>
#include <variant>
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

// Closes the descriptor on every path out of the scan.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }
  // Hands the descriptor over to another owner.
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

// The checks before any byte is read, shared by scan_file and scan_file_objects: on success the
// open descriptor (the caller owns it) and the file's size, otherwise the result for an object
// that cannot be read.
struct OpenFile {
  int fd = -1;
  std::uint64_t size = 0;
};

std::variant<OpenFile, ObjectResult> open_for_scan(const std::string& path,
                                                   std::uint64_t max_bytes) {
  // A stat before opening keeps us from opening devices (which can have side effects) and FIFOs
  // (where open() would wait for a writer).
  struct stat before {};
  if (::stat(path.c_str(), &before) != 0) {
    return unread_object(path, 0, status_for_open_error(errno));
  }
  if (!S_ISREG(before.st_mode)) return unread_object(path, 0, unsupported_type(before.st_mode));

  // O_NONBLOCK only matters if the path was swapped for a FIFO since the stat; it is a no-op for
  // regular files.
  const int raw_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (raw_fd < 0) return unread_object(path, 0, status_for_open_error(errno));
  FileDescriptor fd(raw_fd);

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
  return OpenFile{fd.release(), size};
}

// A regular file's descriptor as a ByteSource: reads in fixed chunks, maps read errors to the
// status, and holds the size limit for what is read even if the file grows meanwhile. Seekable,
// so 7z (index at the end) works.
class DescriptorSource final : public ByteSource {
 public:
  DescriptorSource(int fd, std::uint64_t size, std::uint64_t max_bytes, std::size_t chunk_size)
      : fd_(fd), size_(size), max_bytes_(max_bytes), buffer_(chunk_size) {}

  Pull pull(std::string_view& chunk) override {
    if (ended_) return Pull::kEnd;
    for (;;) {
      const ssize_t got = ::read(fd_, buffer_.data(), buffer_.size());
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) {
        status_ = {"PARTIAL", "UNABLE_TO_PARSE_FILE",
                   os_error_text(errno) + " at byte " + std::to_string(offset_)};
        ended_ = true;
        return Pull::kEnd;
      }
      if (got == 0) {
        ended_ = true;
        return Pull::kEnd;
      }
      auto length = static_cast<std::uint64_t>(got);
      if (offset_ + length > max_bytes_) {
        length = max_bytes_ - offset_;
        status_ = {"PARTIAL", "FILE_EXCEEDS_SIZE_LIMIT",
                   "file grew past the limit of " + std::to_string(max_bytes_) +
                       " bytes while being read"};
        ended_ = true;  // the bytes up to the limit are the last ones delivered
      }
      offset_ += length;
      chunk = std::string_view(buffer_.data(), static_cast<std::size_t>(length));
      return Pull::kData;
    }
  }
  const ObjectStatus& status() const override { return status_; }
  bool can_seek() const override { return true; }
  std::uint64_t seekable_size() const override { return size_; }
  bool seek_to(std::uint64_t offset) override {
    if (::lseek(fd_, static_cast<off_t>(offset), SEEK_SET) < 0) return false;
    offset_ = offset;
    ended_ = false;
    status_ = {};
    return true;
  }

 private:
  int fd_;
  std::uint64_t size_;
  std::uint64_t max_bytes_;
  std::uint64_t offset_ = 0;
  bool ended_ = false;
  std::vector<char> buffer_;
  ObjectStatus status_;
};

}  // namespace

void scan_file_objects(Scanner& scanner, const std::string& path,
                       const std::function<void(ObjectResult)>& emit, std::size_t chunk_size) {
  if (chunk_size == 0) chunk_size = kDefaultReadChunk;
  const std::uint64_t max_bytes = scanner.engine().config().limits.max_object_bytes;
  auto opened = open_for_scan(path, max_bytes);
  if (auto* unread = std::get_if<ObjectResult>(&opened)) return emit(std::move(*unread));
  const OpenFile file = std::get<OpenFile>(opened);
  const FileDescriptor fd(file.fd);
  DescriptorSource source(fd.get(), file.size, max_bytes, chunk_size);
  ObjectScanner objects(scanner);
  objects.scan(source, path, [&](ObjectResult result) {
    // The object itself (not a member) has the file's size, as scan_file reports it.
    if (result.path == path) result.size = std::max(result.size, file.size);
    emit(std::move(result));
  });
}

ObjectResult scan_file(Scanner& scanner, const std::string& path, std::size_t chunk_size) {
  if (chunk_size == 0) chunk_size = kDefaultReadChunk;
  const std::uint64_t max_bytes = scanner.engine().config().limits.max_object_bytes;
  auto opened = open_for_scan(path, max_bytes);
  if (auto* unread = std::get_if<ObjectResult>(&opened)) return std::move(*unread);
  const OpenFile file = std::get<OpenFile>(opened);
  const FileDescriptor fd(file.fd);
  DescriptorSource source(fd.get(), file.size, max_bytes, chunk_size);
  scanner.begin(path);
  std::string_view chunk;
  while (source.pull(chunk) == Pull::kData) scanner.feed(chunk);
  if (!is_complete(source.status())) scanner.fail(source.status());
  ObjectResult result = scanner.finish();
  result.size = file.size;
  return result;
}

}  // namespace tamis
