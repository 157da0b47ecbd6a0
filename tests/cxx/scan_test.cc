// Scanning buffers and files: occurrences through the callback, result documents, stops,
// archives, raw mode and the errors a scan can throw.
#include <gtest/gtest.h>

#include <cstddef>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "test_support.h"

namespace {

using namespace tamis_cxx_test;

std::vector<std::byte> read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  std::vector<char> chars((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto* first = reinterpret_cast<const std::byte*>(chars.data());
  return std::vector<std::byte>(first, first + chars.size());
}

class CxxScan : public SsnAndCardScannerTest {};

TEST_F(CxxScan, TextGivesTheSsnAndTheCardThroughTheCallback) {
  std::vector<Seen> seen;
  const tamis::Results results = scanner_.scan(kRecord, "hr/record.txt", {collect_into(seen)});
  EXPECT_FALSE(results.stopped());
  ASSERT_EQ(seen.size(), 2u);
  const Seen& ssn = seen[0].type == kSsn ? seen[0] : seen[1];
  const Seen& card = seen[0].type == kSsn ? seen[1] : seen[0];
  EXPECT_EQ(ssn.type, kSsn);
  EXPECT_EQ(ssn.object_path, "hr/record.txt");
  EXPECT_EQ(ssn.category, tamis::Category::personal_information);
  EXPECT_EQ(ssn.location, tamis::Location::text);
  EXPECT_EQ(ssn.line, 2u);
  EXPECT_EQ(ssn.column, 6u);
  EXPECT_EQ(ssn.start, kRecord.find("536-22-4871"));
  EXPECT_EQ(ssn.end, ssn.start + 11);
  EXPECT_NE(ssn.text, "536-22-4871");  // masked unless the configuration reveals values
  EXPECT_EQ(card.type, kCard);
  EXPECT_EQ(card.category, tamis::Category::financial_information);
  EXPECT_EQ(card.line, 3u);
  EXPECT_EQ(card.start, kRecord.find("4329"));
}

TEST_F(CxxScan, ResultsHoldOneMacieDocumentPerObject) {
  const tamis::Results results = scanner_.scan(kRecord, "hr/record.txt");
  ASSERT_EQ(results.size(), 1u);
  const std::string_view json = results.json(0);
  EXPECT_EQ(json.front(), '{');
  EXPECT_EQ(json.back(), '}');
  EXPECT_TRUE(contains(json, "hr/record.txt"));
  EXPECT_TRUE(contains(json, "\"COMPLETE\""));
  EXPECT_TRUE(contains(json, kSsn));
  EXPECT_TRUE(contains(json, kCard));
  EXPECT_EQ(results[0], json);
  EXPECT_EQ(results.jsonl(), std::string(json) + "\n");
  std::size_t documents = 0;
  for (std::string_view document : results) {
    EXPECT_EQ(document, json);
    ++documents;
  }
  EXPECT_EQ(documents, 1u);
}

TEST_F(CxxScan, IndexOutOfRangeThrowsInvalidArgument) {
  const tamis::Results results = scanner_.scan(kRecord);
  try {
    (void)results.json(1);
    FAIL() << "index 1 of 1 document";
  } catch (const tamis::InvalidArgumentError& e) {
    EXPECT_EQ(e.status(), TAMIS_E_INVALID_ARG);
    EXPECT_TRUE(contains(e.what(), "out of range")) << e.what();
  }
}

TEST_F(CxxScan, CallbackReturningFalseStopsAndKeepsThePartialResult) {
  int calls = 0;
  const tamis::Results results = scanner_.scan(kRecord, "t.txt", {[&](const tamis::Occurrence&) {
                                                 ++calls;
                                                 return false;
                                               }});
  EXPECT_EQ(calls, 1);
  EXPECT_TRUE(results.stopped());
  ASSERT_EQ(results.size(), 1u);
  EXPECT_TRUE(contains(results.json(0), "PARTIAL"));
  EXPECT_TRUE(contains(results.json(0), "STOPPED_BY_CALLER"));
  // The next scan on the same scanner starts afresh.
  std::vector<Seen> seen;
  EXPECT_FALSE(scanner_.scan(kRecord, "t.txt", {collect_into(seen)}).stopped());
  EXPECT_EQ(seen.size(), 2u);
}

TEST_F(CxxScan, ExceptionFromTheCallbackStopsTheScanAndIsRethrown) {
  int calls = 0;
  const tamis::ScanOptions options{[&](const tamis::Occurrence&) -> bool {
    ++calls;
    throw std::logic_error("callback failed");
  }};
  EXPECT_THROW(
      {
        try {
          (void)scanner_.scan(kRecord, "t.txt", options);
        } catch (const std::logic_error& e) {
          EXPECT_STREQ(e.what(), "callback failed");
          throw;
        }
      },
      std::logic_error);
  EXPECT_EQ(calls, 1);                           // no more calls once it threw
  EXPECT_EQ(scanner_.scan(kRecord).size(), 1u);  // the scanner is still usable
}

TEST_F(CxxScan, ZipBufferGivesOneResultPerMember) {
  const std::vector<std::byte> zip = read_bytes(corpus_dir() / "formats" / "traversal_names.zip");
  std::vector<Seen> seen;
  const tamis::Results results = scanner_.scan(zip, "names.zip", {collect_into(seen)});
  // Five members (corpus/expected/formats/traversal_names.zip.expected), each with findings.
  EXPECT_EQ(results.size(), 5u);
  ASSERT_FALSE(seen.empty());
  bool saw_member = false;
  for (const Seen& s : seen) {
    EXPECT_EQ(s.object_path.rfind("names.zip/", 0), 0u) << s.object_path;
    saw_member |= s.object_path == "names.zip/C:/Windows/System32/evil.txt" && s.type == kCard;
  }
  EXPECT_TRUE(saw_member);
  for (std::string_view document : results) EXPECT_TRUE(contains(document, "names.zip/"));
}

TEST_F(CxxScan, RawScansTheArchiveAsOneOpaqueObject) {
  const std::vector<std::byte> zip = read_bytes(corpus_dir() / "formats" / "traversal_names.zip");
  tamis::ScanOptions options;
  options.raw = true;
  const tamis::Results results = scanner_.scan(zip.data(), zip.size(), "names.zip", options);
  EXPECT_EQ(results.size(), 1u);
}

TEST_F(CxxScan, ScanFileNamesTheObjectByItsPath) {
  const std::filesystem::path path = corpus_dir() / "samples" / "hr_export.csv";
  std::vector<Seen> seen;
  const tamis::Results results = scanner_.scan_file(path, {collect_into(seen)});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_TRUE(contains(results.json(0), kSsn));
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.front().object_path, path.string());
  EXPECT_EQ(seen.front().location, tamis::Location::cell);
  EXPECT_FALSE(seen.front().cell_reference.empty());
}

TEST_F(CxxScan, MissingFileThrowsIoError) {
  const std::filesystem::path missing = corpus_dir() / "no_such_file.txt";
  try {
    (void)scanner_.scan_file(missing);
    FAIL() << "scanned a missing file";
  } catch (const tamis::IoError& e) {
    EXPECT_EQ(e.status(), TAMIS_E_IO);
    EXPECT_TRUE(contains(e.what(), "no_such_file.txt")) << e.what();
  }
}

TEST_F(CxxScan, EmptyBufferIsOneCleanObject) {
  const tamis::Results results = scanner_.scan(std::string_view(), "empty.txt");
  ASSERT_EQ(results.size(), 1u);
  EXPECT_FALSE(contains(results.json(0), kSsn));
}

TEST_F(CxxScan, MovedScannerScansAndTheSourceThrows) {
  tamis::Scanner moved(std::move(scanner_));
  EXPECT_EQ(moved.scan(kRecord).size(), 1u);
  EXPECT_EQ(scanner_.native_handle(), nullptr);  // NOLINT(bugprone-use-after-move)
  EXPECT_THROW((void)scanner_.scan(kRecord), tamis::InvalidArgumentError);
}

TEST_F(CxxScan, MovedResultsKeepTheirDocuments) {
  tamis::Results first = scanner_.scan(kRecord, "a.txt");
  const std::string document(first.json(0));
  tamis::Results second(std::move(first));
  EXPECT_EQ(second.json(0), document);
  EXPECT_EQ(first.size(), 0u);  // NOLINT(bugprone-use-after-move)
  first = scanner_.scan(kRecord, "b.txt");
  second = std::move(first);
  EXPECT_TRUE(contains(second.json(0), "b.txt"));
}

}  // namespace
