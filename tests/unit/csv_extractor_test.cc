#include "extract/csv_extractor.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "extract/csv_cell_reference.h"

namespace tamis {
namespace {

struct RecordedSegment {
  CellLocation cell;
  std::vector<std::string> keywords;
  std::string text;
  std::size_t pieces = 0;
  std::size_t largest_piece = 0;
};

// Keeps every segment; optionally stops after a number of segments.
class RecordingSink final : public SegmentSink {
 public:
  explicit RecordingSink(std::size_t stop_after = 0) : stop_after_(stop_after) {}

  bool begin_segment(const SegmentLocation& location) override {
    EXPECT_FALSE(open_) << "begin_segment inside a segment";
    open_ = true;
    RecordedSegment segment;
    const auto* cell = std::get_if<CellLocation>(&location.where);
    EXPECT_NE(cell, nullptr) << "a CSV segment must carry a cell location";
    if (cell != nullptr) segment.cell = *cell;
    // The extractor leaves the plain A1 reference to the engine (segment.h); the engine's rule is
    // applied here so that the tests read references.
    EXPECT_TRUE(segment.cell.cell_reference.empty()) << "a CSV cell's reference is derived later";
    segment.cell.cell_reference = a1_cell_reference(segment.cell.row, segment.cell.column);
    segment.keywords = location.context_keywords;
    segments.push_back(std::move(segment));
    return true;
  }
  bool segment_text(std::string_view utf8) override {
    EXPECT_TRUE(open_) << "segment_text outside a segment";
    segments.back().text.append(utf8);
    ++segments.back().pieces;
    segments.back().largest_piece = std::max(segments.back().largest_piece, utf8.size());
    return true;
  }
  bool end_segment() override {
    EXPECT_TRUE(open_) << "end_segment without begin_segment";
    open_ = false;
    return stop_after_ == 0 || segments.size() < stop_after_;
  }

  std::vector<RecordedSegment> segments;

 private:
  std::size_t stop_after_;
  bool open_ = false;
};

// One line per segment: "B3 [r3 c2] name=ssn kw=ssn: text", easy to compare and to read on failure.
std::string describe(const std::vector<RecordedSegment>& segments) {
  std::string out;
  for (const auto& s : segments) {
    out += s.cell.cell_reference + " [r" + std::to_string(s.cell.row) + " c" +
           std::to_string(s.cell.column) + "] name=" + s.cell.column_name + " kw=";
    for (const auto& k : s.keywords) out += k + ",";
    out += ": " + s.text + "\n";
  }
  return out;
}

struct Extraction {
  std::vector<RecordedSegment> segments;
  ObjectStatus status;
  char delimiter = 0;
  bool header = false;
  bool plausible = true;
};

Extraction extract(std::string_view input, std::size_t chunk_size = 0, CsvOptions options = {}) {
  RecordingSink sink;
  CsvExtractor csv(sink, options);
  if (chunk_size == 0) chunk_size = input.size() + 1;
  for (std::size_t i = 0; i < input.size(); i += chunk_size) {
    if (!csv.feed(input.substr(i, chunk_size))) break;
  }
  Extraction result;
  result.status = csv.finish();
  result.segments = std::move(sink.segments);
  result.delimiter = csv.delimiter();
  result.header = csv.has_header();
  result.plausible = csv.plausible();
  return result;
}

TEST(CsvExtractorCellReference, ColumnsPastZ) {
  EXPECT_EQ(a1_cell_reference(1, 1), "A1");
  EXPECT_EQ(a1_cell_reference(7, 3), "C7");
  EXPECT_EQ(a1_cell_reference(12, 26), "Z12");
  EXPECT_EQ(a1_cell_reference(12, 27), "AA12");
  EXPECT_EQ(a1_cell_reference(2, 28), "AB2");
  EXPECT_EQ(a1_cell_reference(2, 52), "AZ2");
  EXPECT_EQ(a1_cell_reference(2, 53), "BA2");
  EXPECT_EQ(a1_cell_reference(2, 702), "ZZ2");
  EXPECT_EQ(a1_cell_reference(2, 703), "AAA2");
  EXPECT_EQ(a1_cell_reference(1048576, 16384), "XFD1048576");  // Excel's last cell
}

TEST(CsvExtractor, HeaderAndRowsWithExactLocations) {
  const auto result = extract("name,ssn,card\nAlice,123-45-6789,4111111111111111\nBob,,42\n");
  EXPECT_EQ(result.delimiter, ',');
  EXPECT_TRUE(result.header);
  EXPECT_EQ(describe(result.segments),
            "A1 [r1 c1] name= kw=: name\n"
            "B1 [r1 c2] name= kw=: ssn\n"
            "C1 [r1 c3] name= kw=: card\n"
            "A2 [r2 c1] name=name kw=name,: Alice\n"
            "B2 [r2 c2] name=ssn kw=ssn,: 123-45-6789\n"
            "C2 [r2 c3] name=card kw=card,: 4111111111111111\n"
            "A3 [r3 c1] name=name kw=name,: Bob\n"
            "C3 [r3 c3] name=card kw=card,: 42\n");
  EXPECT_EQ(result.status.code, "COMPLETE");
  EXPECT_EQ(result.status.detail, "");
  for (const auto& s : result.segments) EXPECT_TRUE(s.cell.sheet.empty());
}

TEST(CsvExtractor, EveryChunkSizeGivesTheSameSegments) {
  const std::string input =
      "\xEF\xBB\xBF"
      "id,comment,amount\r\n"
      "1,\"multi\r\nline, with \"\"quotes\"\"\",12.50\r\n"
      "2,caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80,7\r"
      "3,\"\",\"x\"\n"
      "\n"
      "4,last,no newline";
  const auto whole = extract(input);
  ASSERT_EQ(whole.segments.size(), 14u) << describe(whole.segments);
  for (std::size_t chunk = 1; chunk <= 9; ++chunk) {
    const auto chunked = extract(input, chunk);
    EXPECT_EQ(describe(chunked.segments), describe(whole.segments)) << "chunk size " << chunk;
    EXPECT_EQ(chunked.status.detail, whole.status.detail) << "chunk size " << chunk;
  }
}

TEST(CsvExtractor, QuotedDelimitersNewlinesAndDoubledQuotes) {
  const auto result = extract(
      "a,b,c\n"
      "\"x,y\",\"line1\nline2\",\"say \"\"hi\"\"\"\n"
      "next,row,here\n");
  EXPECT_EQ(describe(result.segments),
            "A1 [r1 c1] name= kw=: a\n"
            "B1 [r1 c2] name= kw=: b\n"
            "C1 [r1 c3] name= kw=: c\n"
            "A2 [r2 c1] name=a kw=a,: x,y\n"
            "B2 [r2 c2] name=b kw=b,: line1\nline2\n"
            "C2 [r2 c3] name=c kw=c,: say \"hi\"\n"
            "A3 [r3 c1] name=a kw=a,: next\n"
            "B3 [r3 c2] name=b kw=b,: row\n"
            "C3 [r3 c3] name=c kw=c,: here\n");
  EXPECT_EQ(result.status.detail, "");
}

TEST(CsvExtractor, CrLfSplitAcrossChunksIsOneLineEnd) {
  RecordingSink sink;
  CsvExtractor csv(sink, {.header = CsvOptions::Header::kAbsent});
  ASSERT_TRUE(csv.feed("1,2\r"));
  ASSERT_TRUE(csv.feed("\n3,4\r"));
  ASSERT_TRUE(csv.feed("\n"));
  EXPECT_EQ(csv.finish().code, "COMPLETE");
  EXPECT_EQ(describe(sink.segments),
            "A1 [r1 c1] name= kw=: 1\n"
            "B1 [r1 c2] name= kw=: 2\n"
            "A2 [r2 c1] name= kw=: 3\n"
            "B2 [r2 c2] name= kw=: 4\n");
}

TEST(CsvExtractor, LoneCarriageReturnsEndLines) {
  const auto result = extract("1,2\r3,4\r", 0, {.header = CsvOptions::Header::kAbsent});
  EXPECT_EQ(describe(result.segments),
            "A1 [r1 c1] name= kw=: 1\n"
            "B1 [r1 c2] name= kw=: 2\n"
            "A2 [r2 c1] name= kw=: 3\n"
            "B2 [r2 c2] name= kw=: 4\n");
}

TEST(CsvExtractor, SniffsSemicolons) {
  // Commas appear as decimal separators; semicolons give the consistent field count.
  const auto result = extract("name;amount;iban\nAnna;1,5;DE89370400440532013000\nBen;2,25;x\n");
  EXPECT_EQ(result.delimiter, ';');
  EXPECT_TRUE(result.header);
  ASSERT_EQ(result.segments.size(), 9u);
  EXPECT_EQ(result.segments[4].text, "1,5");
  EXPECT_EQ(result.segments[4].cell.column_name, "amount");
}

TEST(CsvExtractor, SniffsTabs) {
  const auto result = extract(
      "email\tphone\tnote\na@b.org\t555-0100\thello, world\n"
      "c@d.org\t555-0101\tfine, thanks\n");
  EXPECT_EQ(result.delimiter, '\t');
  ASSERT_EQ(result.segments.size(), 9u);
  EXPECT_EQ(result.segments[5].text, "hello, world");
  EXPECT_EQ(result.segments[5].cell.cell_reference, "C2");
}

TEST(CsvExtractor, SniffsPipes) {
  const auto result = extract("a|b\n1|2\n3|4\n");
  EXPECT_EQ(result.delimiter, '|');
}

TEST(CsvExtractor, TsvHintWinsATie) {
  // Tab and comma both give two consistent fields per line.
  const std::string input = "k\tv,w\n1\t2,3\n";
  EXPECT_EQ(extract(input).delimiter, ',');
  EXPECT_EQ(extract(input, 0, {.tsv_hint = true}).delimiter, '\t');
}

TEST(CsvExtractor, ForcedDelimiter) {
  const auto result = extract("a;b,c\n1;2,3\n", 0, {.delimiter = ';'});
  EXPECT_EQ(result.delimiter, ';');
  ASSERT_EQ(result.segments.size(), 4u);
  EXPECT_EQ(result.segments[1].text, "b,c");
}

TEST(CsvExtractor, NoHeaderWhenFirstRowHoldsNumbers) {
  const auto result = extract("Alice,30,4111111111111111\nBob,25,5500000000000004\n");
  EXPECT_FALSE(result.header);
  ASSERT_EQ(result.segments.size(), 6u);
  EXPECT_EQ(result.segments[3].cell.column_name, "");
  EXPECT_TRUE(result.segments[3].keywords.empty());
}

TEST(CsvExtractor, NoHeaderWhenFirstRowValueRepeatsBelow) {
  const auto result = extract("red,small\nblue,large\nred,medium\n");
  EXPECT_FALSE(result.header);
}

TEST(CsvExtractor, NoHeaderWhenRowsHaveTheSameShape) {
  // Every value of each column has the same length as the first row's: nothing marks a header.
  const auto result = extract("abcd,xy\nefgh,zw\nijkl,uv\n");
  EXPECT_FALSE(result.header);
}

TEST(CsvExtractor, HeaderWhenDataHasMoreDigits) {
  const auto result = extract("customer,passport\nJane,X1234567\nJohn,Y7654321\n");
  EXPECT_TRUE(result.header);
  EXPECT_EQ(result.segments[3].cell.column_name, "passport");
  EXPECT_EQ(result.segments[3].keywords, std::vector<std::string>{"passport"});
}

TEST(CsvExtractor, HeaderOptionOverridesDetection) {
  const std::string input = "Alice,30\nBob,25\n";
  const auto forced = extract(input, 0, {.header = CsvOptions::Header::kPresent});
  EXPECT_TRUE(forced.header);
  EXPECT_EQ(forced.segments[2].cell.column_name, "Alice");
  const auto absent =
      extract("name,ssn\nA,123-45-6789\n", 0, {.header = CsvOptions::Header::kAbsent});
  EXPECT_FALSE(absent.header);
  EXPECT_EQ(absent.segments[3].cell.column_name, "");
}

TEST(CsvExtractor, ColumnNamesAreTrimmedAndEmptyNamesGiveNoKeyword) {
  const auto result =
      extract(" name , ssn ,\nA,123-45-6789,9\n", 0, {.header = CsvOptions::Header::kPresent});
  ASSERT_EQ(result.segments.size(), 5u) << describe(result.segments);
  EXPECT_EQ(result.segments[2].cell.column_name, "name");
  EXPECT_EQ(result.segments[3].cell.column_name, "ssn");
  EXPECT_EQ(result.segments[4].cell.column_name, "");
  EXPECT_TRUE(result.segments[4].keywords.empty());
}

TEST(CsvExtractor, Utf8BomIsDropped) {
  const auto result = extract("\xEF\xBB\xBFname,ssn\nA,123-45-6789\n", 2);
  ASSERT_FALSE(result.segments.empty());
  EXPECT_EQ(result.segments[0].text, "name");
  EXPECT_EQ(result.segments[3].cell.column_name, "ssn");
}

TEST(CsvExtractor, ExcelSeparatorLineNamesTheDelimiter) {
  const std::string input = "\xEF\xBB\xBFsep=|\r\nname|note\nAnn|a;b,c\nBo|d;e,f\n";
  for (std::size_t chunk = 1; chunk <= 4; ++chunk) {
    const auto result = extract(input, chunk);
    EXPECT_EQ(result.delimiter, '|');
    ASSERT_EQ(result.segments.size(), 6u) << describe(result.segments);
    EXPECT_EQ(result.segments[0].text, "name");
    EXPECT_EQ(result.segments[0].cell.cell_reference, "A1");  // the marker line is not a row
    EXPECT_EQ(result.segments[3].text, "a;b,c");
  }
  // Without the marker the comma would win this tie.
  EXPECT_EQ(extract("name;a,b\nx;1,2\n").delimiter, ',');
  const auto named = extract("sep=;\nname;a,b\nx;1,2\n");
  EXPECT_EQ(named.delimiter, ';');
  ASSERT_EQ(named.segments.size(), 4u);
  EXPECT_EQ(named.segments[3].text, "1,2");
  EXPECT_EQ(named.segments[3].cell.cell_reference, "B2");
  // Only a line holding nothing but the marker counts.
  const auto not_marker = extract("sep=,x,y\n1,2,3\n", 0, {.header = CsvOptions::Header::kAbsent});
  EXPECT_EQ(not_marker.segments.front().text, "sep=");
}

TEST(CsvExtractor, ManyColumnsGetReferencesPastZ) {
  std::string header;
  std::string row;
  for (int c = 1; c <= 60; ++c) {
    if (c > 1) {
      header.push_back(',');
      row.push_back(',');
    }
    header.append("col");
    header.push_back(static_cast<char>('a' + c % 26));
    header.push_back(static_cast<char>('a' + c / 26));
    row.append(std::to_string(1000 + c));
  }
  const auto result = extract(header + "\n" + row + "\n");
  EXPECT_TRUE(result.header);
  ASSERT_EQ(result.segments.size(), 120u);
  EXPECT_EQ(result.segments[60 + 25].cell.cell_reference, "Z2");
  EXPECT_EQ(result.segments[60 + 26].cell.cell_reference, "AA2");
  EXPECT_EQ(result.segments[60 + 51].cell.cell_reference, "AZ2");
  EXPECT_EQ(result.segments[60 + 52].cell.cell_reference, "BA2");
  EXPECT_EQ(result.segments[60 + 52].cell.column, 53u);
  EXPECT_EQ(result.segments[60 + 52].text, "1053");
}

TEST(CsvExtractor, HugeCellIsStreamedInBoundedPieces) {
  constexpr std::size_t kLimit = 4096;
  // Multi-byte characters so that a fixed cut would split one; pieces must end on boundaries.
  std::string big;
  while (big.size() < 10 * kLimit) big += "ab\xC3\xA9\xE2\x82\xAC";
  const std::string input = "id,blob\n1,\"" + big + "\"\n2,small\n";
  RecordingSink sink;
  CsvExtractor csv(sink, {.max_cell_bytes = kLimit});
  for (std::size_t i = 0; i < input.size(); i += 1000)
    csv.feed(std::string_view(input).substr(i, 1000));
  EXPECT_EQ(csv.finish().code, "COMPLETE");
  ASSERT_EQ(sink.segments.size(), 6u);
  const RecordedSegment& blob = sink.segments[3];
  EXPECT_EQ(blob.cell.cell_reference, "B2");
  EXPECT_EQ(blob.text, big);
  EXPECT_GE(blob.pieces, 10u);
  EXPECT_LE(blob.largest_piece, kLimit);
  EXPECT_EQ(sink.segments[5].text, "small");
}

TEST(CsvExtractor, HugeCellPiecesEndOnCharacterBoundaries) {
  constexpr std::size_t kLimit = 1024;
  std::string big;
  while (big.size() < 5 * kLimit) big += "\xE2\x82\xAC";  // three bytes each: 1024 % 3 != 0
  class PieceChecker final : public SegmentSink {
   public:
    bool begin_segment(const SegmentLocation&) override { return true; }
    bool segment_text(std::string_view piece) override {
      const auto first = static_cast<unsigned char>(piece.front());
      if ((first & 0xC0) == 0x80) ++pieces_starting_mid_character;
      return true;
    }
    bool end_segment() override { return true; }
    int pieces_starting_mid_character = 0;
  } checker;
  CsvExtractor csv(checker, {.header = CsvOptions::Header::kAbsent, .max_cell_bytes = kLimit});
  csv.feed(big);
  csv.finish();
  EXPECT_EQ(checker.pieces_starting_mid_character, 0);
}

TEST(CsvExtractor, ProseIsNotPlausibleCsv) {
  const std::string prose =
      "It was the best of times, it was the worst of times, it was the age of wisdom,\n"
      "it was the age of foolishness, it was the epoch of belief, it was the epoch of\n"
      "incredulity, it was the season of Light, it was the season of Darkness, it was\n"
      "the spring of hope, it was the winter of despair, we had everything before us,\n"
      "we had nothing before us, we were all going direct to Heaven, we were all going\n"
      "direct the other way. My social security number is 123-45-6789 by the way.\n";
  RecordingSink sink;
  CsvExtractor csv(sink);
  EXPECT_TRUE(csv.feed(prose));  // below the sniff window: still collecting
  const ObjectStatus status = csv.finish();
  EXPECT_TRUE(csv.sniffed());
  EXPECT_FALSE(csv.plausible());
  EXPECT_TRUE(sink.segments.empty());
  EXPECT_EQ(status.code, "SKIPPED");
  EXPECT_EQ(status.reason, "UNSUPPORTED_FILE_TYPE");
  EXPECT_NE(status.detail.find("not plausibly CSV"), std::string::npos) << status.detail;
  EXPECT_EQ(csv.buffered_input(), prose);  // the caller scans these bytes as text instead
}

TEST(CsvExtractor, OneColumnOfSentencesIsNotPlausible) {
  const auto result = extract(
      "Dear customer we are writing to tell you about changes\n"
      "Please read the enclosed terms before the end of the month\n"
      "Thank you for being with us for so many years now\n");
  EXPECT_FALSE(result.plausible);
  EXPECT_TRUE(result.segments.empty());
}

TEST(CsvExtractor, OneColumnOfValuesIsPlausible) {
  const auto result = extract("email\nann@example.org\nbob@example.org\n");
  EXPECT_TRUE(result.plausible);
  EXPECT_TRUE(result.header);
  ASSERT_EQ(result.segments.size(), 3u);
  EXPECT_EQ(result.segments[2].cell.column_name, "email");
}

TEST(CsvExtractor, ImplausibleDecisionStopsFeedingOnceTheWindowIsFull) {
  std::string prose;
  while (prose.size() < 70 * 1024) {
    prose += "this is a long line of ordinary prose that goes on, and on, without any table\n";
    prose += "shape at all; it is text that people write. Some lines, like this one, differ\n";
  }
  RecordingSink sink;
  CsvExtractor csv(sink);
  bool kept_going = true;
  std::size_t fed = 0;
  while (kept_going && fed < prose.size()) {
    kept_going = csv.feed(std::string_view(prose).substr(fed, 8192));
    fed += 8192;
  }
  EXPECT_FALSE(kept_going);
  EXPECT_TRUE(csv.sniffed());
  EXPECT_FALSE(csv.plausible());
  EXPECT_EQ(csv.buffered_input(), std::string_view(prose).substr(0, fed));
  EXPECT_TRUE(sink.segments.empty());
}

TEST(CsvExtractor, ImplausibleContentCanBeExtractedAnyway) {
  const auto result = extract(
      "one two three four five six seven eight\nnine ten eleven twelve thirteen fourteen\nx\n", 0,
      {.stop_if_implausible = false});
  EXPECT_FALSE(result.plausible);
  EXPECT_EQ(result.status.code, "COMPLETE");
  EXPECT_EQ(result.segments.size(), 3u);
}

TEST(CsvExtractor, BinaryContentIsNotPlausible) {
  const auto result = extract(std::string("a,b\n1,\0\x01\x02,3\n", 13));
  EXPECT_FALSE(result.plausible);
}

TEST(CsvExtractor, UnterminatedQuoteIsToleratedAndReported) {
  const auto result = extract("a,b\n1,\"open\n2,3\n", 0, {.header = CsvOptions::Header::kPresent});
  EXPECT_EQ(describe(result.segments),
            "A1 [r1 c1] name= kw=: a\n"
            "B1 [r1 c2] name= kw=: b\n"
            "A2 [r2 c1] name=a kw=a,: 1\n"
            "B2 [r2 c2] name=b kw=b,: open\n2,3\n\n");
  EXPECT_EQ(result.status.code, "COMPLETE");
  EXPECT_NE(result.status.detail.find("B2 is never closed"), std::string::npos)
      << result.status.detail;
}

TEST(CsvExtractor, StrayQuotesAreKeptAsText) {
  const auto result =
      extract("a,b\nsay \"hi,x\n\"ab\"cd,y\n", 0, {.header = CsvOptions::Header::kPresent});
  ASSERT_EQ(result.segments.size(), 6u) << describe(result.segments);
  EXPECT_EQ(result.segments[2].text, "say \"hi");
  EXPECT_EQ(result.segments[4].text, "abcd");
  EXPECT_EQ(result.status.code, "COMPLETE");
  EXPECT_NE(result.status.detail.find("2 stray quote(s)"), std::string::npos)
      << result.status.detail;
  EXPECT_NE(result.status.detail.find("first in A2"), std::string::npos) << result.status.detail;
}

TEST(CsvExtractor, SinkStopEndsExtraction) {
  std::string rows;
  for (int r = 0; r < 400; ++r) rows += std::to_string(r) + ",x,y\n";  // beyond the sniff window
  RecordingSink sink(/*stop_after=*/2);
  CsvExtractor csv(sink, {.header = CsvOptions::Header::kAbsent, .sniff_bytes = 1024});
  EXPECT_FALSE(csv.feed(rows));
  EXPECT_FALSE(csv.feed("7,8,9\n"));
  const ObjectStatus status = csv.finish();
  EXPECT_EQ(sink.segments.size(), 2u);
  EXPECT_EQ(status.code, "PARTIAL");
  EXPECT_NE(status.detail.find("stopped by the segment sink"), std::string::npos);
}

TEST(CsvExtractor, SinkStopDuringFinish) {
  RecordingSink sink(/*stop_after=*/1);
  CsvExtractor csv(sink, {.header = CsvOptions::Header::kAbsent});
  EXPECT_TRUE(csv.feed("1,2,3\n4,5,6\n"));  // still inside the sniff window: nothing emitted yet
  EXPECT_EQ(csv.finish().code, "PARTIAL");
  EXPECT_EQ(sink.segments.size(), 1u);
}

// Random tables written the RFC 4180 way must come back cell for cell, wherever the chunks split.
TEST(CsvExtractor, RandomTablesRoundTripThroughAnyChunking) {
  std::mt19937 random(20261123);  // fixed seed: the same tables on every run
  const std::vector<std::string> alphabet = {"a",
                                             "Z",
                                             "7",
                                             " ",
                                             ",",
                                             ";",
                                             "\"",
                                             "\n",
                                             "\r\n",
                                             "\r",
                                             "\t",
                                             "|",
                                             "\xC3\xA9",
                                             "\xE2\x82\xAC",
                                             "\xF0\x9F\x98\x80"};
  for (int table = 0; table < 40; ++table) {
    const int rows = 1 + static_cast<int>(random() % 30);
    const int columns = 2 + static_cast<int>(random() % 6);
    std::string input = "h1";
    std::vector<std::string> expected = {"h1"};
    for (int c = 2; c <= columns; ++c) {
      std::string name = std::to_string(c);
      name.insert(name.begin(), 'h');
      input.push_back(',');
      input.append(name);
      expected.push_back(name);
    }
    input += "\r\n";
    std::vector<std::string> reference = {"A1"};
    for (int c = 2; c <= columns; ++c) reference.push_back(a1_cell_reference(1, c));
    for (int r = 2; r <= rows + 1; ++r) {
      for (int c = 1; c <= columns; ++c) {
        std::string cell;
        const int length = 1 + static_cast<int>(random() % 12);
        for (int i = 0; i < length; ++i) cell += alphabet[random() % alphabet.size()];
        if (c > 1) input.push_back(',');
        input.push_back('"');
        for (char ch : cell) {
          if (ch == '"') input.push_back('"');  // doubled, as RFC 4180 writes it
          input.push_back(ch);
        }
        input.push_back('"');
        expected.push_back(cell);
        reference.push_back(a1_cell_reference(r, c));
      }
      input += table % 2 == 0 ? "\n" : "\r\n";
    }
    const std::size_t chunk = 1 + random() % 9;
    const auto result =
        extract(input, chunk, {.header = CsvOptions::Header::kPresent, .delimiter = ','});
    ASSERT_EQ(result.segments.size(), expected.size()) << "table " << table;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(result.segments[i].text, expected[i]) << "table " << table << " cell " << i;
      EXPECT_EQ(result.segments[i].cell.cell_reference, reference[i]) << "table " << table;
    }
    EXPECT_EQ(result.status.detail, "") << "table " << table;
  }
}

// Past the sniff window the input is no longer replayed from the buffer but tokenized as it
// arrives: both paths, and the cut between them, must give the same cells for every chunking.
TEST(CsvExtractor, ChunkingDoesNotMatterAcrossTheSniffWindow) {
  std::string input = "id,name,note\r\n";
  for (int r = 0; r < 120; ++r) {
    const std::string number = std::to_string(r);
    input.append(number);
    input.append(",\"n\xC3\xA9");
    input.append(number);
    input.append("\r\nx\",plain text ");
    input.append(static_cast<std::size_t>(r % 17), 'z');
    input.append("\r\n");
  }
  ASSERT_GT(input.size(), 3000u);
  const CsvOptions options{.sniff_bytes = 1024, .max_cell_bytes = 16};
  const auto whole = extract(input, 0, options);
  ASSERT_TRUE(whole.header);
  ASSERT_EQ(whole.segments.size(), 363u);
  for (std::size_t chunk = 1; chunk <= 9; ++chunk) {
    const auto chunked = extract(input, chunk, options);
    ASSERT_EQ(describe(chunked.segments), describe(whole.segments)) << "chunk size " << chunk;
    for (const auto& s : chunked.segments) EXPECT_LE(s.largest_piece, 16u);
  }
}

// The sniff must judge the same bytes whatever the chunking, BOM or not: here a comma just past
// sniff_bytes - 3 decides between ';' (only the semicolon seen) and ',' (both seen: comma wins).
TEST(CsvExtractor, SniffJudgesTheSameBytesForEveryChunkingAfterABom) {
  std::string input = "\xEF\xBB\xBF";
  input.append(1000, 'x');
  input.push_back(';');
  input.append(21, 'y');
  input.push_back(',');  // content byte 1022
  input.append(2000, 'z');
  const CsvOptions options{.sniff_bytes = 1024};
  const char expected = extract(input, 0, options).delimiter;
  EXPECT_EQ(expected, ',');
  for (std::size_t chunk = 1; chunk <= 9; ++chunk) {
    EXPECT_EQ(extract(input, chunk, options).delimiter, expected) << "chunk size " << chunk;
  }
}

TEST(CsvExtractor, HostileBytesNeverCrash) {
  std::mt19937 random(7);
  for (int round = 0; round < 200; ++round) {
    std::string input(random() % 3000, '\0');
    for (char& c : input) {
      // Mostly the bytes that matter to the tokenizer, some arbitrary ones.
      constexpr std::string_view kInteresting = "\",;\t|\r\n a1\xEF\xBB\xBF\xC3";
      c = random() % 4 == 0 ? static_cast<char>(random() % 256)
                            : kInteresting[random() % kInteresting.size()];
    }
    RecordingSink sink;
    CsvExtractor csv(
        sink, {.sniff_bytes = 1024, .max_cell_bytes = 64, .stop_if_implausible = round % 2 == 0});
    const std::size_t chunk = 1 + random() % 700;
    for (std::size_t i = 0; i < input.size(); i += chunk) {
      if (!csv.feed(std::string_view(input).substr(i, chunk))) break;
    }
    const ObjectStatus status = csv.finish();
    EXPECT_TRUE(status.code == "COMPLETE" || status.code == "SKIPPED") << status.detail;
    for (const auto& s : sink.segments) {
      EXPECT_GE(s.cell.row, 1u);
      EXPECT_GE(s.cell.column, 1u);
      EXPECT_LE(s.largest_piece, 64u);
    }
  }
}

TEST(CsvExtractor, FinishIsFinal) {
  RecordingSink sink;
  CsvExtractor csv(sink, {.header = CsvOptions::Header::kAbsent});
  EXPECT_TRUE(csv.feed("1,\"open"));
  const ObjectStatus first = csv.finish();
  EXPECT_FALSE(csv.feed("2,3\n"));
  const ObjectStatus second = csv.finish();
  EXPECT_EQ(second.code, first.code);
  EXPECT_EQ(second.detail, first.detail);
  EXPECT_EQ(sink.segments.size(), 2u);
  ASSERT_EQ(csv.diagnostics().size(), 1u);
  EXPECT_EQ(csv.diagnostics()[0].code, "CSV_UNTERMINATED_QUOTE");
}

TEST(CsvExtractor, EmptyAndBlankInputs) {
  EXPECT_TRUE(extract("").segments.empty());
  EXPECT_EQ(extract("").status.code, "COMPLETE");
  EXPECT_TRUE(extract("\n\n\r\n").segments.empty());
  // Blank lines count as rows, as they do in a spreadsheet.
  const auto result = extract("x,1\n\ny,2\n", 0, {.header = CsvOptions::Header::kAbsent});
  ASSERT_EQ(result.segments.size(), 4u);
  EXPECT_EQ(result.segments[2].cell.cell_reference, "A3");
}

}  // namespace
}  // namespace tamis
