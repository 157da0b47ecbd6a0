// libarchive's own reference archives (../shared/vectors/archives/libarchive/, described row by
// row in its expected.tsv) through the walker: five kinds of encryption, zip64, malformed input,
// nesting, CP932 and UTF-8 names, LZMA and Zstandard zipx. Every row of expected.tsv must have a
// check here, so a vector added there without one fails instead of passing silently.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "archive/archive_walker.h"
#include "archive_test_support.h"

namespace tamis {
namespace {

using archive_test::RecordingVisitor;
using archive_test::SeenMember;

std::filesystem::path vectors_dir() {
  const char* env = std::getenv("TAMIS_SOURCE_DIR");
  const std::filesystem::path source = env != nullptr && *env != '\0' ? env : TAMIS_SOURCE_DIR;
  return source / ".." / "shared" / "vectors" / "archives" / "libarchive";
}

struct Walked {
  WalkSummary summary;
  RecordingVisitor visitor;
};

using Check = std::function<void(const std::string& name, const Walked&)>;

const SeenMember& member(const Walked& walked, const std::string& path) {
  const SeenMember* found = walked.visitor.find(path);
  if (found == nullptr) {
    ADD_FAILURE() << "no member " << path << " in "
                  << ::testing::PrintToString(walked.visitor.paths());
    static const SeenMember kMissing{};
    return kMissing;
  }
  return *found;
}

void expect_read(const Walked& walked, const std::string& path, std::uint64_t bytes) {
  const SeenMember& seen = member(walked, path);
  EXPECT_TRUE(seen.readable) << path;
  EXPECT_EQ(seen.bytes, bytes) << path;
  EXPECT_EQ(seen.status.code, "COMPLETE") << path << ": " << seen.status.detail;
}

void expect_encrypted(const Walked& walked, const std::string& path) {
  const SeenMember& seen = member(walked, path);
  EXPECT_EQ(seen.status.code, "SKIPPED") << path;
  EXPECT_EQ(seen.status.reason, "ENCRYPTED") << path << ": " << seen.status.detail;
  EXPECT_EQ(seen.bytes, 0u) << path;
}

void expect_paths(const Walked& walked, std::vector<std::string> paths) {
  EXPECT_EQ(walked.visitor.paths(), paths);
}

// One check per row of expected.tsv, keyed by file name; `n` is the file name, which is also the
// object name and so the first component of every member path.
std::map<std::string, Check> checks() {
  std::map<std::string, Check> c;
  c["test_read_format_zip_traditional_encryption_data.zip"] = [](const auto& n, const auto& w) {
    expect_paths(w, {n + "/bar.txt", n + "/foo.txt"});
    expect_encrypted(w, n + "/bar.txt");
    expect_encrypted(w, n + "/foo.txt");
    EXPECT_EQ(w.summary.status.code, "COMPLETE");
  };
  c["test_read_format_zip_encryption_data.zip"] = [](const auto& n, const auto& w) {
    expect_paths(w, {n + "/bar.txt", n + "/foo.txt"});
    expect_encrypted(w, n + "/bar.txt");
    expect_encrypted(w, n + "/foo.txt");
  };
  c["test_read_format_zip_encryption_partially.zip"] = [](const auto& n, const auto& w) {
    expect_paths(w, {n + "/bar.txt", n + "/foo.txt"});
    expect_read(w, n + "/bar.txt", 20);
    expect_encrypted(w, n + "/foo.txt");
  };
  c["test_read_format_zip_encryption_header.zip"] = [](const auto&, const auto& w) {
    EXPECT_TRUE(w.visitor.members.empty());
    EXPECT_EQ(w.summary.status.code, "SKIPPED");
    EXPECT_EQ(w.summary.status.reason, "ENCRYPTED") << w.summary.status.detail;
  };
  for (const char* aes :
       {"test_read_format_zip_winzip_aes128.zip", "test_read_format_zip_winzip_aes256.zip"}) {
    c[aes] = [](const auto& n, const auto& w) {
      expect_paths(w, {n + "/README"});
      expect_encrypted(w, n + "/README");
      const SeenMember& readme = member(w, n + "/README");
      ASSERT_TRUE(readme.info.size.has_value());
      EXPECT_EQ(*readme.info.size, 6818u);
    };
  }
  c["test_read_format_zip_nested.zip"] = [](const auto& n, const auto& w) {
    expect_paths(w, {n + "/small.zip/another_file.txt", n + "/file.txt"});
    expect_read(w, n + "/small.zip/another_file.txt", 29);
    expect_read(w, n + "/file.txt", 53);
    EXPECT_EQ(member(w, n + "/small.zip/another_file.txt").info.depth, 2u);
    EXPECT_EQ(w.summary.members, 3u);  // small.zip, its member, file.txt
  };
  c["test_read_format_zip_malformed1.zip"] = [](const auto&, const auto& w) {
    // libarchive finds one nonsensical entry; what matters is a status, not a crash or a hang.
    EXPECT_EQ(w.summary.status.code, "PARTIAL");
    EXPECT_EQ(w.summary.status.reason, "UNABLE_TO_PARSE_FILE");
    EXPECT_NE(w.summary.status.detail.find("zip: "), std::string::npos);
    EXPECT_EQ(w.summary.bytes_delivered, 0u);
  };
  c["test_read_format_zip_with_invalid_traditional_eocd.zip"] = [](const auto& n, const auto& w) {
    expect_paths(w, {n + "/test1.txt", n + "/test2.txt"});
    expect_read(w, n + "/test1.txt", 0);
    expect_read(w, n + "/test2.txt", 0);
  };
  for (const char* zip64 : {"test_read_format_zip_zip64a.zip", "test_read_format_zip_zip64b.zip"}) {
    c[zip64] = [](const auto& n, const auto& w) {
      expect_paths(w, {n + "/-"});
      expect_read(w, n + "/-", 6);
      EXPECT_EQ(member(w, n + "/-").content, "file0\n");
    };
  }
  c["test_read_format_zip_filename_utf8_jp.zip"] = [](const auto& n, const auto& w) {
    // The directory entry 表だよ/ is skipped silently.
    expect_paths(w, {n + "/表だよ/一覧表.txt", n + "/表だよ/漢字.txt"});
    expect_read(w, n + "/表だよ/一覧表.txt", 5);
    expect_read(w, n + "/表だよ/漢字.txt", 5);
  };
  c["test_read_format_zip_filename_cp932.zip"] = [](const auto& n, const auto& w) {
    // No UTF-8 flag and no way to know the charset: the CP932 bytes are reported escaped, the
    // same for both entries' folder, never as mojibake.
    const auto paths = w.visitor.paths();
    ASSERT_EQ(paths.size(), 2u);
    const std::string folder = n + "/\\x95\\x5c\\x82\\xbe\\x82\\xe6/";
    EXPECT_EQ(paths[0], folder + "\\x88\\xea\\x97\\x97\\x95\\x5c.txt");
    EXPECT_EQ(paths[1], folder + "\\x8a\\xbf\\x8e\\x9a.txt");
    for (const auto& path : paths) expect_read(w, path, 5);
  };
  c["test_read_format_zip_7075_utf8_paths.zip"] = [](const auto& n, const auto& w) {
    const auto paths = w.visitor.paths();
    ASSERT_EQ(paths.size(), 4u);
    EXPECT_EQ(paths[0], n + "/File 1.txt");
    EXPECT_EQ(paths[1], n + "/File 2 - \xc3\xb6.txt");
    EXPECT_EQ(paths[2], n + "/File 3 - \xc3\xa4.txt");
    // Readers disagree on the fourth (its 0x7075 CRC does not match): either name is right.
    EXPECT_TRUE(paths[3] == n + "/File 4 - xx.txt" || paths[3] == n + "/File 4 - \xc3\xa5.txt")
        << paths[3];
    for (const auto& path : paths) expect_read(w, path, 9);
  };
  for (const char* zipx : {"test_read_format_zip_lzma.zipx", "test_read_format_zip_zstd.zipx"}) {
    c[zipx] = [](const auto& n, const auto& w) {
      expect_paths(w, {n + "/vimrc"});
      expect_read(w, n + "/vimrc", 912);
    };
  }
  c["test_read_format_7zip_encryption.7z"] = [](const auto& n, const auto& w) {
    expect_paths(w, {n + "/bar.txt"});
    expect_encrypted(w, n + "/bar.txt");
    EXPECT_EQ(w.summary.members, 1u);
  };
  return c;
}

std::vector<std::string> files_in_expected_tsv(const std::filesystem::path& tsv) {
  std::ifstream in(tsv);
  std::vector<std::string> files;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    files.push_back(line.substr(0, line.find('\t')));
  }
  return files;
}

TEST(ArchiveLibarchiveVectors, EveryReferenceArchiveGivesWhatExpectedTsvSays) {
  const auto dir = vectors_dir();
  if (!std::filesystem::exists(dir / "expected.tsv")) {
    GTEST_SKIP() << "reference archives not found at " << dir;
  }
  const auto files = files_in_expected_tsv(dir / "expected.tsv");
  EXPECT_EQ(files.size(), 17u);
  const auto table = checks();
  for (const auto& file : files) {
    SCOPED_TRACE(file);
    const auto check = table.find(file);
    ASSERT_NE(check, table.end()) << "expected.tsv row without a check in this test";
    const auto path = dir / "decoded" / file;
    ASSERT_TRUE(std::filesystem::exists(path)) << path;
    Walked walked;
    walked.summary = archive_test::walk_file(path.string(), file, walked.visitor);
    check->second(file, walked);
  }
}

}  // namespace
}  // namespace tamis
