// Helpers for the archive walker tests: a visitor that records what it is given, in-memory and
// shell-built inputs, and a scratch folder that is removed afterwards.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "archive/archive_walker.h"
#include "archive/byte_source.h"
#include "archive/file_byte_source.h"
#include "config/config.h"

namespace tamis::archive_test {

// What the visitor saw for one member: its content is kept up to `keep` bytes, all are counted.
struct SeenMember {
  MemberInfo info;
  std::string content;
  std::uint64_t bytes = 0;
  ObjectStatus status;
  bool readable = true;  // false: reported through on_unreadable
};

class RecordingVisitor final : public MemberVisitor {
 public:
  explicit RecordingVisitor(std::size_t keep = 1 << 20) : keep_(keep) {}

  void on_member(const MemberInfo& member, ByteSource& content) override {
    SeenMember seen{member, {}, 0, {}, true};
    std::string_view chunk;
    while (content.pull(chunk) == Pull::kData) {
      seen.bytes += chunk.size();
      if (seen.content.size() < keep_) {
        seen.content.append(chunk.substr(0, keep_ - seen.content.size()));
      }
    }
    seen.status = content.status();
    members.push_back(std::move(seen));
  }
  void on_unreadable(const MemberInfo& member, const ObjectStatus& status) override {
    members.push_back(SeenMember{member, {}, 0, status, false});
  }

  const SeenMember* find(std::string_view path) const {
    for (const auto& member : members) {
      if (member.info.path == path) return &member;
    }
    return nullptr;
  }
  std::vector<std::string> paths() const {
    std::vector<std::string> out;
    for (const auto& member : members) out.push_back(member.info.path);
    return out;
  }

  std::vector<SeenMember> members;

 private:
  std::size_t keep_;
};

// An in-memory object delivered in chunks of `chunk` bytes, to exercise chunk boundaries.
class StringSource final : public ByteSource {
 public:
  explicit StringSource(std::string data, std::size_t chunk = 4096)
      : data_(std::move(data)), chunk_(chunk) {}
  Pull pull(std::string_view& chunk) override {
    if (offset_ >= data_.size()) return Pull::kEnd;
    chunk = std::string_view(data_).substr(offset_, chunk_);
    offset_ += chunk.size();
    return Pull::kData;
  }
  const ObjectStatus& status() const override { return status_; }

 private:
  std::string data_;
  std::size_t chunk_;
  std::size_t offset_ = 0;
  ObjectStatus status_;
};

class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "tamis_archive_XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string file(std::string_view name) const { return (path_ / name).string(); }

  // Runs `script` with bash in this folder; true when it exits 0.
  bool run(const std::string& script) const {
    const std::string command = "cd '" + path_.string() + "' && bash -euo pipefail -c '" +
                                escape_quotes(script) + "' >/dev/null 2>&1";
    return std::system(command.c_str()) == 0;
  }

 private:
  static std::string escape_quotes(const std::string& s) {
    std::string out;
    for (char c : s) {
      if (c == '\'') {
        out += "'\\''";
      } else {
        out += c;
      }
    }
    return out;
  }
  std::filesystem::path path_;
};

inline bool have_tool(const std::string& tool) {
  return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0;
}

#define TAMIS_REQUIRE_TOOLS(...)                                                              \
  do {                                                                                        \
    for (const char* tool : {__VA_ARGS__}) {                                                  \
      if (!::tamis::archive_test::have_tool(tool)) {                                          \
        GTEST_SKIP() << "'" << tool                                                           \
                     << "' is not installed (Debian packages: zip unzip "                     \
                        "p7zip-full tar gzip bzip2 xz-utils zstd lz4 cpio binutils python3)"; \
      }                                                                                       \
    }                                                                                         \
  } while (false)

inline WalkSummary walk_file(const std::string& path, std::string_view name,
                             RecordingVisitor& visitor, const Limits& limits = Limits{}) {
  FileByteSource source(path);
  return walk_archive(source, name, limits, visitor);
}

}  // namespace tamis::archive_test
