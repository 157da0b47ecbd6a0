// The whole object path: archives walked, encodings decoded, CSV and JSON scanned value by value.
#include "engine/object_scanner.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "archive/file_byte_source.h"
#include "engine_test_support.h"

namespace tamis {
namespace {

namespace fs = std::filesystem;
using testing_support::find_detection;

class ObjectScannerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("tamis-object-scanner-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Config config;
    config.selector = ManagedSelector::kInclude;
    config.managed_ids = {"USA_SOCIAL_SECURITY_NUMBER", "CREDIT_CARD_NUMBER"};
    config.reveal_values = true;
    engine_ = testing_support::build_or_die(config);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& bytes) {
    const fs::path path = dir_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  std::vector<ObjectResult> scan(const fs::path& path, const std::string& name) {
    Scanner scanner(engine_);
    ObjectScanner objects(scanner);
    FileByteSource source(path.string());
    std::vector<ObjectResult> results;
    objects.scan(source, name, [&](ObjectResult r) { results.push_back(std::move(r)); });
    return results;
  }

  fs::path dir_;
  std::shared_ptr<const Engine> engine_;
};

TEST_F(ObjectScannerTest, CsvCellsUseTheColumnNameAsKeyword) {
  const auto path = write("hr.csv", "name,ssn\nJordan,536-22-1849\nSam,412-67-3390\n");
  const auto results = scan(path, "hr.csv");
  ASSERT_EQ(results.size(), 1U);
  EXPECT_EQ(results[0].mime_type, "text/csv");
  const Detection* d = find_detection(results[0], "USA_SOCIAL_SECURITY_NUMBER");
  ASSERT_NE(d, nullptr);
  ASSERT_EQ(d->count, 2U);
  const auto& cell = std::get<CellLocation>(d->occurrences[1].where);
  EXPECT_EQ(cell.row, 3U);
  EXPECT_EQ(cell.column_name, "ssn");
  EXPECT_EQ(cell.cell_reference, "B3");
}

TEST_F(ObjectScannerTest, JsonValuesUseTheirPathAsKeywords) {
  const auto path =
      write("people.json", R"({"people": [{"name": "Jordan", "ssn": "536-22-1849"}]})");
  const auto results = scan(path, "people.json");
  ASSERT_EQ(results.size(), 1U);
  EXPECT_EQ(results[0].mime_type, "application/json");
  const Detection* d = find_detection(results[0], "USA_SOCIAL_SECURITY_NUMBER");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(std::get<RecordLocation>(d->occurrences[0].where).json_path, "$.people[0].ssn");
}

TEST_F(ObjectScannerTest, Utf16TextIsDecoded) {
  const std::string text = "SSN: 536-22-1849\n";
  std::string utf16 = "\xff\xfe";
  for (char c : text) {
    utf16 += c;
    utf16 += '\0';
  }
  const auto results = scan(write("note.txt", utf16), "note.txt");
  ASSERT_EQ(results.size(), 1U);
  const Detection* d = find_detection(results[0], "USA_SOCIAL_SECURITY_NUMBER");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->occurrences[0].text, "536-22-1849");
  ASSERT_FALSE(results[0].diagnostics.empty());
  EXPECT_EQ(results[0].diagnostics[0].code, "ENCODING");
}

TEST_F(ObjectScannerTest, FullWidthDigitsAreNormalised) {
  const auto results = scan(write("fw.txt", "SSN: ５３６-２２-１８４９\n"), "fw.txt");
  const Detection* d = find_detection(results.at(0), "USA_SOCIAL_SECURITY_NUMBER");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->occurrences[0].text, "536-22-1849");
}

TEST_F(ObjectScannerTest, MembersOfANestedArchiveAreResultsOfTheirOwn) {
  if (std::system("command -v tar >/dev/null && command -v gzip >/dev/null") != 0) {
    GTEST_SKIP() << "tar and gzip are needed (scripts/install-deps.sh)";
  }
  write("in/data/hr.csv", "name,ssn\nJordan,536-22-1849\n");
  write("in/data/clean.txt", "nothing here\n");
  const fs::path tgz = dir_ / "bundle.tar.gz";
  const std::string command =
      "tar -C '" + (dir_ / "in").string() + "' -czf '" + tgz.string() + "' data";
  ASSERT_EQ(std::system(command.c_str()), 0);
  const auto results = scan(tgz, "bundle.tar.gz");
  const ObjectResult* hr = nullptr;
  for (const auto& r : results) {
    if (r.path == "bundle.tar.gz/data/hr.csv") hr = &r;
  }
  ASSERT_NE(hr, nullptr) << results.size() << " results";
  EXPECT_EQ(find_detection(*hr, "USA_SOCIAL_SECURITY_NUMBER")->count, 1U);
  EXPECT_EQ(hr->mime_type, "text/csv");
}

TEST_F(ObjectScannerTest, CorruptArchiveGivesAStatusNotACrash) {
  std::string bytes = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03";
  bytes += std::string(40, '\x55');
  const auto results = scan(write("broken.gz", bytes), "broken.gz");
  ASSERT_FALSE(results.empty());
  bool flagged = false;
  for (const auto& r : results) flagged = flagged || r.status.code != "COMPLETE";
  EXPECT_TRUE(flagged);
}

TEST(ContentFormat, ChosenByNameAndContent) {
  EXPECT_EQ(detect_content_format("a.csv", "x,y\n1,2\n"), ContentFormat::kCsv);
  EXPECT_EQ(detect_content_format("a.TSV", "x\ty\n"), ContentFormat::kTsv);
  EXPECT_EQ(detect_content_format("a.txt", R"({"a": 1, "b": [1, 2]})"), ContentFormat::kJson);
  EXPECT_EQ(detect_content_format("a.log", "hello world\n"), ContentFormat::kText);
  EXPECT_EQ(detect_content_format("a.bin", std::string("\x7f"
                                                       "ELF\0\x01\x02\0\0\x05",
                                                       10)),
            ContentFormat::kBinary);
}

}  // namespace
}  // namespace tamis

namespace tamis {
namespace {

TEST_F(ObjectScannerTest, ProseNamedCsvIsScannedAsText) {
  std::string prose;
  for (int i = 0; i < 20; ++i) prose += "This is a sentence about nothing in particular, really.\n";
  prose += "Employee SSN: 536-22-1849 was filed.\n";
  const auto results = scan(write("notes.csv", prose), "notes.csv");
  ASSERT_EQ(results.size(), 1U);
  EXPECT_EQ(results[0].mime_type, "text/plain");
  const Detection* d = find_detection(results[0], "USA_SOCIAL_SECURITY_NUMBER");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->occurrences[0].line, 21U);
}

}  // namespace
}  // namespace tamis
