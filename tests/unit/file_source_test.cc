// scan_file: every I/O outcome becomes the object's status, and the chunk size never changes what
// is found.
#include "source/file_source.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "config/config.h"
#include "engine/engine.h"
#include "engine/scanner.h"

namespace tamis {
namespace {

namespace fs = std::filesystem;

// Text USA_SOCIAL_SECURITY_NUMBER surely detects: an SSN next to its keyword, twice.
constexpr std::string_view kSensitiveText =
    "Employee record\n"
    "Name: Jane Doe\n"
    "SSN: 536-22-4871\n"
    "Notes: nothing else here, just padding to cross chunk boundaries.\n"
    "Backup SSN: 536-22-4871\n";

class FileSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/tamis_file_source_XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    std::error_code ignored;
    // Restore permissions first so the removal cannot fail on the unreadable file.
    for (const auto& entry : fs::recursive_directory_iterator(dir_, ignored)) {
      fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add, ignored);
    }
    fs::remove_all(dir_, ignored);
  }

  std::string write_file(const std::string& name, std::string_view content) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  static std::shared_ptr<const Engine> engine_with(const Config& config) {
    auto built = Engine::build(config);
    EXPECT_TRUE(built.ok()) << (built.ok() ? "" : built.error().message);
    return built.ok() ? std::move(built).value() : nullptr;
  }

  // Only the identifier the test text holds: compiling the whole catalogue takes seconds, and
  // these tests are about reading files, not about identifiers.
  static Config ssn_only_config() {
    Config config;
    config.selector = ManagedSelector::kInclude;
    config.managed_ids = {"USA_SOCIAL_SECURITY_NUMBER"};
    config.include_tamis_secrets = false;
    return config;
  }

  static std::shared_ptr<const Engine> default_engine() { return engine_with(ssn_only_config()); }

  fs::path dir_;
};

TEST_F(FileSourceTest, MissingFileIsNoLongerAvailable) {
  auto engine = default_engine();
  ASSERT_NE(engine, nullptr);
  Scanner scanner(engine);
  const std::string path = (dir_ / "does-not-exist.txt").string();
  const ObjectResult result = scan_file(scanner, path);
  EXPECT_EQ(result.path, path);
  EXPECT_EQ(result.status.code, "SKIPPED");
  EXPECT_EQ(result.status.reason, "SOURCE_OBJECT_NO_LONGER_AVAILABLE");
  EXPECT_FALSE(result.status.detail.empty());
  EXPECT_EQ(result.size_classified, 0U);
  EXPECT_TRUE(result.detections.empty());
}

TEST_F(FileSourceTest, UnreadableFileIsPermissionDenied) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads any file, so permissions cannot be tested";
  auto engine = default_engine();
  ASSERT_NE(engine, nullptr);
  Scanner scanner(engine);
  const std::string path = write_file("secret.txt", kSensitiveText);
  ASSERT_EQ(::chmod(path.c_str(), 0), 0);
  const ObjectResult result = scan_file(scanner, path);
  EXPECT_EQ(result.status.code, "SKIPPED");
  EXPECT_EQ(result.status.reason, "PERMISSION_DENIED");
  EXPECT_TRUE(result.detections.empty());
}

TEST_F(FileSourceTest, DirectoryIsUnsupported) {
  auto engine = default_engine();
  ASSERT_NE(engine, nullptr);
  Scanner scanner(engine);
  const ObjectResult result = scan_file(scanner, dir_.string());
  EXPECT_EQ(result.status.code, "SKIPPED");
  EXPECT_EQ(result.status.reason, "UNSUPPORTED_FILE_TYPE");
  EXPECT_EQ(result.status.detail, "directory");
}

TEST_F(FileSourceTest, FifoIsUnsupportedAndNeverOpened) {
  auto engine = default_engine();
  ASSERT_NE(engine, nullptr);
  Scanner scanner(engine);
  const std::string path = (dir_ / "pipe").string();
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  // Opening a FIFO for reading blocks until a writer comes; returning at all shows it was not.
  const ObjectResult result = scan_file(scanner, path);
  EXPECT_EQ(result.status.code, "SKIPPED");
  EXPECT_EQ(result.status.reason, "UNSUPPORTED_FILE_TYPE");
  EXPECT_EQ(result.status.detail, "FIFO");
}

TEST_F(FileSourceTest, EmptyFileIsCompleteWithNothingFound) {
  auto engine = default_engine();
  ASSERT_NE(engine, nullptr);
  Scanner scanner(engine);
  const ObjectResult result = scan_file(scanner, write_file("empty.txt", ""));
  EXPECT_EQ(result.status.code, "COMPLETE");
  EXPECT_EQ(result.size, 0U);
  EXPECT_TRUE(result.detections.empty());
}

TEST_F(FileSourceTest, FileOverTheSizeLimitIsSkippedUnread) {
  Config config = ssn_only_config();
  config.limits.max_object_bytes = 10;
  auto engine = engine_with(config);
  ASSERT_NE(engine, nullptr);
  Scanner scanner(engine);
  const ObjectResult result = scan_file(scanner, write_file("big.txt", kSensitiveText));
  EXPECT_EQ(result.status.code, "SKIPPED");
  EXPECT_EQ(result.status.reason, "FILE_EXCEEDS_SIZE_LIMIT");
  EXPECT_EQ(result.size, kSensitiveText.size());
  EXPECT_EQ(result.size_classified, 0U);
  EXPECT_TRUE(result.detections.empty());
}

TEST_F(FileSourceTest, FileExactlyAtTheSizeLimitIsScanned) {
  Config config = ssn_only_config();
  config.limits.max_object_bytes = kSensitiveText.size();
  auto engine = engine_with(config);
  ASSERT_NE(engine, nullptr);
  Scanner scanner(engine);
  const ObjectResult result = scan_file(scanner, write_file("exact.txt", kSensitiveText));
  EXPECT_EQ(result.status.code, "COMPLETE");
  EXPECT_GT(result.total_count(), 0U);
}

TEST_F(FileSourceTest, SizeIsTheFileSize) {
  auto engine = default_engine();
  ASSERT_NE(engine, nullptr);
  Scanner scanner(engine);
  const ObjectResult result = scan_file(scanner, write_file("record.txt", kSensitiveText));
  EXPECT_EQ(result.status.code, "COMPLETE");
  EXPECT_EQ(result.size, kSensitiveText.size());
  EXPECT_EQ(result.size_classified, kSensitiveText.size());
}

void expect_same_findings(const ObjectResult& expected, const ObjectResult& actual) {
  EXPECT_EQ(actual.status.code, expected.status.code);
  EXPECT_EQ(actual.size, expected.size);
  EXPECT_EQ(actual.severity, expected.severity);
  ASSERT_EQ(actual.detections.size(), expected.detections.size());
  for (std::size_t d = 0; d < expected.detections.size(); ++d) {
    const Detection& want = expected.detections[d];
    const Detection& got = actual.detections[d];
    EXPECT_EQ(got.type, want.type);
    EXPECT_EQ(got.count, want.count);
    ASSERT_EQ(got.occurrences.size(), want.occurrences.size()) << want.type;
    for (std::size_t o = 0; o < want.occurrences.size(); ++o) {
      EXPECT_EQ(got.occurrences[o].start, want.occurrences[o].start);
      EXPECT_EQ(got.occurrences[o].end, want.occurrences[o].end);
      EXPECT_EQ(got.occurrences[o].line, want.occurrences[o].line);
      EXPECT_EQ(got.occurrences[o].column, want.occurrences[o].column);
      EXPECT_EQ(got.occurrences[o].text, want.occurrences[o].text);
    }
  }
}

TEST_F(FileSourceTest, ChunkSizeDoesNotChangeTheResult) {
  auto engine = default_engine();
  ASSERT_NE(engine, nullptr);
  Scanner scanner(engine);
  const std::string path = write_file("record.txt", kSensitiveText);

  const ObjectResult whole = scan_file(scanner, path, 1 << 20);
  ASSERT_EQ(whole.status.code, "COMPLETE");
  // The test is only meaningful if something is found: two SSNs with their keyword.
  ASSERT_EQ(whole.total_count(), 2U);

  for (const std::size_t chunk : {std::size_t{1}, std::size_t{7}}) {
    SCOPED_TRACE("chunk size " + std::to_string(chunk));
    expect_same_findings(whole, scan_file(scanner, path, chunk));
  }
}

}  // namespace
}  // namespace tamis
