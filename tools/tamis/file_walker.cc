#include "file_walker.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <utility>

namespace tamis::cli {
namespace {

std::string join_path(const std::string& base, std::string_view name) {
  if (!base.empty() && base.back() == '/') return base + std::string(name);
  return base + "/" + std::string(name);
}

std::string special_file_kind(mode_t mode) {
  if (S_ISFIFO(mode)) return "FIFO";
  if (S_ISSOCK(mode)) return "socket";
  if (S_ISCHR(mode)) return "character device";
  if (S_ISBLK(mode)) return "block device";
  return "special file";
}

ObjectStatus status_for_errno(int error_number, std::string_view what) {
  ObjectStatus status;
  status.code = "SKIPPED";
  if (error_number == ENOENT || error_number == ENOTDIR) {
    status.reason = "SOURCE_OBJECT_NO_LONGER_AVAILABLE";
  } else if (error_number == EACCES || error_number == EPERM) {
    status.reason = "PERMISSION_DENIED";
  } else {
    status.reason = "UNABLE_TO_PARSE_FILE";
  }
  status.detail = std::string(what) + ": " + std::strerror(error_number);
  return status;
}

class Walker {
 public:
  WalkResult take() { return std::move(result_); }

  // `follow_links` is true for a path the user named: naming a link is asking for what it points
  // at. Inside a tree it is false, so a link to a directory can neither loop nor leave the tree.
  void visit(const std::string& path, bool follow_links) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0) {
      // Let scan_file report the object: it maps the error the same way with the OS text.
      add_file(path, 0);
      return;
    }
    if (S_ISLNK(info.st_mode)) {
      struct stat target {};
      if (::stat(path.c_str(), &target) != 0) {
        add_file(path, 0);  // dangling link: scan_file reports it as gone
        return;
      }
      if (S_ISDIR(target.st_mode) && !follow_links) {
        add_skipped(path, {"SKIPPED", "UNSUPPORTED_FILE_TYPE",
                           "symbolic link to a directory, not followed"});
        return;
      }
      info = target;
    }
    if (S_ISDIR(info.st_mode)) {
      visit_directory(path);
    } else if (S_ISREG(info.st_mode)) {
      add_file(path, static_cast<std::uint64_t>(info.st_size));
    } else {
      add_skipped(path, {"SKIPPED", "UNSUPPORTED_FILE_TYPE", special_file_kind(info.st_mode)});
    }
  }

 private:
  void visit_directory(const std::string& path) {
    DIR* dir = ::opendir(path.c_str());
    if (dir == nullptr) {
      add_skipped(path, status_for_errno(errno, "cannot open directory"));
      return;
    }
    std::vector<std::string> names;
    errno = 0;
    while (const dirent* entry = ::readdir(dir)) {
      const std::string_view name = entry->d_name;
      if (name != "." && name != "..") names.emplace_back(name);
    }
    const int read_error = errno;
    ::closedir(dir);
    if (read_error != 0) {
      add_skipped(path, status_for_errno(read_error, "cannot list directory"));
      return;
    }
    std::sort(names.begin(), names.end());
    for (const auto& name : names) visit(join_path(path, name), /*follow_links=*/false);
  }

  void add_file(const std::string& path, std::uint64_t size) {
    result_.items.push_back({path, size, std::nullopt});
    result_.total_bytes += size;
  }

  void add_skipped(const std::string& path, ObjectStatus status) {
    result_.items.push_back({path, 0, std::move(status)});
  }

  WalkResult result_;
};

}  // namespace

WalkResult walk_paths(const std::vector<std::string>& paths) {
  Walker walker;
  for (const auto& path : paths) walker.visit(path, /*follow_links=*/true);
  return walker.take();
}

}  // namespace tamis::cli
