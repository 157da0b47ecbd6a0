// JsonExtractor: exact paths, keywords and decoded text, whatever the chunking; faults become
// statuses with what was extracted before them kept.
#include "extract/json_extractor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "extract/json_detect.h"
#include "extract/json_path.h"
#include "extract/json_text.h"

namespace tamis {
namespace {

struct Recorded {
  std::uint64_t record_index = 0;
  std::string path;
  std::vector<std::string> keywords;
  std::string text;
  std::vector<std::size_t> piece_sizes;

  bool operator==(const Recorded&) const = default;
};

// Keeps every segment and checks the begin / text / end protocol as it goes.
class RecordingSink final : public SegmentSink {
 public:
  // Returns false from the begin_segment call of segment number `stop_at` (0-based).
  explicit RecordingSink(std::size_t stop_at = static_cast<std::size_t>(-1)) : stop_at_(stop_at) {}

  bool begin_segment(const SegmentLocation& location) override {
    EXPECT_FALSE(open_) << "begin_segment while a segment is open";
    if (segments.size() == stop_at_) return false;
    open_ = true;
    Recorded recorded;
    const auto* record = std::get_if<RecordLocation>(&location.where);
    EXPECT_NE(record, nullptr) << "JSON segments carry a RecordLocation";
    if (record != nullptr) {
      recorded.record_index = record->record_index;
      recorded.path = record->json_path;
    }
    recorded.keywords = location.context_keywords;
    segments.push_back(std::move(recorded));
    return true;
  }
  bool segment_text(std::string_view utf8) override {
    EXPECT_TRUE(open_) << "segment_text outside a segment";
    if (!open_) return false;
    segments.back().text.append(utf8);
    segments.back().piece_sizes.push_back(utf8.size());
    return true;
  }
  bool end_segment() override {
    EXPECT_TRUE(open_) << "end_segment without begin_segment";
    open_ = false;
    return true;
  }

  bool open() const { return open_; }
  std::vector<Recorded> segments;

 private:
  std::size_t stop_at_;
  bool open_ = false;
};

struct Extraction {
  std::vector<Recorded> segments;
  ObjectStatus status;
};

Extraction extract(std::string_view input, JsonOptions options = {}, std::size_t chunk_size = 0) {
  RecordingSink sink;
  JsonExtractor extractor(sink, options);
  if (chunk_size == 0) chunk_size = std::max<std::size_t>(input.size(), 1);
  for (std::size_t at = 0; at < input.size(); at += chunk_size) {
    extractor.feed(input.substr(at, chunk_size));
  }
  Extraction result;
  result.status = extractor.finish();
  EXPECT_FALSE(sink.open()) << "finish() left a segment open";
  result.segments = std::move(sink.segments);
  return result;
}

JsonOptions lines_options() {
  JsonOptions options;
  options.lines = true;
  return options;
}

// (path, text) pairs, the shape most expectations are written in.
std::vector<std::pair<std::string, std::string>> paths_and_texts(const Extraction& e) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& s : e.segments) out.emplace_back(s.path, s.text);
  return out;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;
using Words = std::vector<std::string>;

TEST(JsonExtractor, NestedObjectsAndArraysGiveExactPathsKeysAndKeywords) {
  const auto e = extract(
      R"({"customers": [{"name": "Ann", "ssn": "123-45-6789"},
                        {"name": "Bob", "tags": ["x", 7, true, null]}],
          "ok": false, "n": 1})");
  EXPECT_EQ(e.status.code, "COMPLETE");
  EXPECT_EQ(paths_and_texts(e), (Pairs{
                                    {"$.customers", "customers"},
                                    {"$.customers[0].name", "name"},
                                    {"$.customers[0].name", "Ann"},
                                    {"$.customers[0].ssn", "ssn"},
                                    {"$.customers[0].ssn", "123-45-6789"},
                                    {"$.customers[1].name", "name"},
                                    {"$.customers[1].name", "Bob"},
                                    {"$.customers[1].tags", "tags"},
                                    {"$.customers[1].tags[0]", "x"},
                                    {"$.customers[1].tags[1]", "7"},
                                    {"$.ok", "ok"},
                                    {"$.n", "n"},
                                    {"$.n", "1"},
                                }));
  ASSERT_EQ(e.segments.size(), 13u);
  // A key's own name is its text, not a keyword for itself; a value has every key on its path.
  EXPECT_EQ(e.segments[0].keywords, Words{});
  EXPECT_EQ(e.segments[3].keywords, Words{"customers"});
  EXPECT_EQ(e.segments[4].keywords, (Words{"customers", "ssn"}));
  EXPECT_EQ(e.segments[9].keywords, (Words{"customers", "tags"}));
  for (const auto& s : e.segments) EXPECT_EQ(s.record_index, 0u);
}

TEST(JsonExtractor, KeysThatAreNotIdentifiersUseBracketNotation) {
  const auto e = extract(
      R"({"first name": "Ann", "a.b": {"it's": "y", "back\\slash": "z"}, "_ok1": "v", "1x": "w",)"
      R"( "": "e", "café": "c"})");
  EXPECT_EQ(e.status.code, "COMPLETE");
  Pairs values;
  for (std::size_t i = 1; i < e.segments.size(); ++i) {
    if (e.segments[i].path == e.segments[i - 1].path) {
      values.emplace_back(e.segments[i].path, e.segments[i].text);
    }
  }
  EXPECT_EQ(values, (Pairs{
                        {"$['first name']", "Ann"},
                        {R"($['a.b']['it\'s'])", "y"},
                        {R"($['a.b']['back\\slash'])", "z"},
                        {"$._ok1", "v"},
                        {"$['1x']", "w"},
                        {"$['']", "e"},
                        {"$['café']", "c"},
                    }));
  // The decoded key (one backslash) is the keyword, not its path spelling.
  const auto backslash = std::find_if(e.segments.begin(), e.segments.end(),
                                      [](const Recorded& s) { return s.text == "z"; });
  ASSERT_NE(backslash, e.segments.end());
  EXPECT_EQ(backslash->keywords, (Words{"a.b", "back\\slash"}));
}

TEST(JsonExtractor, EscapesAndSurrogatePairsAreDecoded) {
  const auto e =
      extract(R"(["a\"b\\c\/d\b\f\n\r\t|\u0041\u00e9\u20AC\uD83D\uDE00!",)"
              R"( "lone \uD800x", "low \uDC00", "high then other \uD800\u0041", "end \uD83D"])");
  EXPECT_EQ(e.status.code, "COMPLETE");
  ASSERT_EQ(e.segments.size(), 5u);
  EXPECT_EQ(e.segments[0].text, "a\"b\\c/d\b\f\n\r\t|A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80!");
  EXPECT_EQ(e.segments[1].text, "lone \xEF\xBF\xBDx");
  EXPECT_EQ(e.segments[2].text, "low \xEF\xBF\xBD");
  EXPECT_EQ(e.segments[3].text,
            "high then other \xEF\xBF\xBD"
            "A");
  EXPECT_EQ(e.segments[4].text, "end \xEF\xBF\xBD");
}

// String contents are skipped eight bytes at a time: a quote, an escape or a raw control byte at
// any position of those words must end the plain run exactly there.
TEST(JsonExtractor, StringStopsAtEveryPositionOfAWord) {
  for (std::size_t before = 0; before <= 17; ++before) {
    const std::string head(before, 'a');
    const auto escaped = extract("[\"" + head + "\\\"b\\\\c\", \"" + head + "\xC3\xA9\"]");
    EXPECT_EQ(escaped.status.code, "COMPLETE") << before;
    ASSERT_EQ(escaped.segments.size(), 2u) << before;
    EXPECT_EQ(escaped.segments[0].text, head + "\"b\\c") << before;
    EXPECT_EQ(escaped.segments[1].text, head + "\xC3\xA9") << before;

    const auto control = extract("[\"" + head + "\x01tail\"]");
    EXPECT_EQ(control.status.code, "PARTIAL") << before;
  }
}

TEST(JsonExtractor, NumbersAreTheirLiteralText) {
  const auto e = extract("[0, -1, 3.25, -0.5e+10, 1E3, 2e-7, 12345678901234567890123]");
  EXPECT_EQ(e.status.code, "COMPLETE");
  std::vector<std::string> texts;
  for (const auto& s : e.segments) texts.push_back(s.text);
  EXPECT_EQ(texts,
            (Words{"0", "-1", "3.25", "-0.5e+10", "1E3", "2e-7", "12345678901234567890123"}));
  // A bare top-level number ends with the input.
  const auto top = extract("  4111111111111111 ");
  EXPECT_EQ(top.status.code, "COMPLETE");
  EXPECT_EQ(paths_and_texts(top), (Pairs{{"$", "4111111111111111"}}));
  EXPECT_EQ(paths_and_texts(extract("-12.5e3")), (Pairs{{"$", "-12.5e3"}}));
}

TEST(JsonExtractor, MalformedNumbersAreSyntaxErrors) {
  for (const std::string_view bad :
       {"[01]", "[-]", "[1.]", "[.5]", "[1e]", "[1e+]", "[+1]", "[-x]"}) {
    const auto e = extract(bad);
    EXPECT_EQ(e.status.code, "PARTIAL") << bad;
    EXPECT_EQ(e.status.reason, "UNABLE_TO_PARSE_FILE") << bad;
  }
}

// A document exercising every place a chunk boundary can fall.
constexpr std::string_view kTrickyDocument =
    "\xEF\xBB\xBF{\"r\xC3\xA9sum\xC3\xA9\": \"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\",\n"
    " \"esc\": \"\\uD83D\\uDE00 \\u00e9\\n\\\"q\\\"\", \"nums\": [-12.5e+3, 0, 42],\n"
    " \"deep\": {\"a b\": [[\"x\"], {\"k\": true, \"z\": null}]}, \"last\": \"\"}\n";

TEST(JsonExtractor, EveryChunkSizeGivesTheSameSegments) {
  const auto whole = extract(kTrickyDocument);
  ASSERT_EQ(whole.status.code, "COMPLETE") << whole.status.detail;
  ASSERT_EQ(whole.segments.size(), 15u);
  EXPECT_EQ(whole.segments[1].path, "$['r\xC3\xA9sum\xC3\xA9']");
  EXPECT_EQ(whole.segments[1].text, "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");
  EXPECT_EQ(whole.segments[3].text, "\xF0\x9F\x98\x80 \xC3\xA9\n\"q\"");
  for (std::size_t chunk = 1; chunk <= 9; ++chunk) {
    const auto chunked = extract(kTrickyDocument, {}, chunk);
    EXPECT_EQ(chunked.status.code, whole.status.code) << "chunk size " << chunk;
    EXPECT_EQ(chunked.segments, whole.segments) << "chunk size " << chunk;
  }
}

TEST(JsonExtractor, EveryChunkSizeGivesTheSameFaults) {
  constexpr std::string_view kLines = "{\"a\": \"1\"}\n{\"b\": 2x}\n[\"\\u00e9\", 3]\n{\"c\"";
  const auto whole = extract(kLines, lines_options());
  constexpr std::string_view kTruncated = "{\"a\": [\"x\\u00";
  const auto truncated = extract(kTruncated);
  for (std::size_t chunk = 1; chunk <= 9; ++chunk) {
    const auto lines = extract(kLines, lines_options(), chunk);
    EXPECT_EQ(lines.segments, whole.segments) << "chunk size " << chunk;
    EXPECT_EQ(lines.status.detail, whole.status.detail) << "chunk size " << chunk;
    const auto cut = extract(kTruncated, {}, chunk);
    EXPECT_EQ(cut.segments, truncated.segments) << "chunk size " << chunk;
    EXPECT_EQ(cut.status.detail, truncated.status.detail) << "chunk size " << chunk;
  }
}

TEST(JsonExtractor, JsonLinesSkipsABadLineAndCarriesOn) {
  const auto e = extract(
      "{\"a\": \"one\"}\n"
      "{\"b\": \"two\", oops}\n"
      "\n"
      "{\"c\": \"three\"}\r\n"
      "[\"four\", 4]\n"
      "{\"d\" \"x\"}\n"
      "{\"e\": \"last line without newline\"}",
      lines_options());
  EXPECT_EQ(e.status.code, "PARTIAL");
  EXPECT_EQ(e.status.reason, "UNABLE_TO_PARSE_FILE");
  EXPECT_NE(e.status.detail.find("2 of 6 JSON Lines records"), std::string::npos)
      << e.status.detail;
  EXPECT_NE(e.status.detail.find("line 2, column 14"), std::string::npos) << e.status.detail;

  std::vector<std::tuple<std::uint64_t, std::string, std::string>> got;
  for (const auto& s : e.segments) got.emplace_back(s.record_index, s.path, s.text);
  const std::vector<std::tuple<std::uint64_t, std::string, std::string>> expected = {
      {0, "$.a", "a"},
      {0, "$.a", "one"},
      {1, "$.b", "b"},
      {1, "$.b", "two"},  // kept: it precedes the fault on its line
      {3, "$.c", "c"},
      {3, "$.c", "three"},
      {4, "$[0]", "four"},
      {4, "$[1]", "4"},
      {5, "$.d", "d"},
      {6, "$.e", "e"},
      {6, "$.e", "last line without newline"},
  };
  EXPECT_EQ(got, expected);
}

TEST(JsonExtractor, JsonLinesRecordCannotSpanLines) {
  const auto e = extract("{\"a\":\n\"b\"}\n{\"ok\": 1}\n", lines_options());
  EXPECT_EQ(e.status.code, "PARTIAL");
  EXPECT_NE(e.status.detail.find("2 of 3"), std::string::npos) << e.status.detail;
  EXPECT_EQ(e.segments.back().record_index, 2u);
  EXPECT_EQ(e.segments.back().text, "1");
  const auto clean = extract("{\"a\": 1}\n\n  \n{\"b\": 2}\n", lines_options());
  EXPECT_EQ(clean.status.code, "COMPLETE") << clean.status.detail;
  EXPECT_EQ(clean.segments.back().record_index, 3u);
}

TEST(JsonExtractor, JsonLinesBadLineDeepInsideContainersLeavesNoPathBehind) {
  const auto e = extract("{\"a\": {\"b\": [1, {\"c\": x\n{\"d\": \"fresh\"}\n", lines_options());
  ASSERT_FALSE(e.segments.empty());
  const Recorded& last = e.segments.back();
  EXPECT_EQ(last.record_index, 1u);
  EXPECT_EQ(last.path, "$.d");
  EXPECT_EQ(last.keywords, Words{"d"});
  EXPECT_EQ(last.text, "fresh");
}

TEST(JsonExtractor, RepeatedKeyNamesAreOneKeyword) {
  const auto e = extract(R"({"a": {"a": {"b": ["x"]}}, "c": "y"})");
  ASSERT_EQ(e.segments.size(), 6u);
  EXPECT_EQ(e.segments[3].path, "$.a.a.b[0]");
  EXPECT_EQ(e.segments[3].keywords, (Words{"a", "b"}));
  EXPECT_EQ(e.segments[5].path, "$.c");
  EXPECT_EQ(e.segments[5].keywords, Words{"c"});
}

std::string nested_arrays(std::size_t depth) {
  return std::string(depth, '[') + "\"inside\"" + std::string(depth, ']');
}

TEST(JsonExtractor, DepthLimitStopsWithNestingStatus) {
  const auto at_limit = extract(nested_arrays(256));
  EXPECT_EQ(at_limit.status.code, "COMPLETE") << at_limit.status.detail;
  ASSERT_EQ(at_limit.segments.size(), 1u);
  EXPECT_EQ(at_limit.segments[0].text, "inside");

  const auto over = extract("{\"before\": \"kept\", \"deep\": " + nested_arrays(257) + "}");
  EXPECT_EQ(over.status.code, "PARTIAL");
  EXPECT_EQ(over.status.reason, "JSON_NESTING_LEVEL_OVER_LIMIT");
  EXPECT_NE(over.status.detail.find("256 levels"), std::string::npos) << over.status.detail;
  EXPECT_EQ(paths_and_texts(over),
            (Pairs{{"$.before", "before"}, {"$.before", "kept"}, {"$.deep", "deep"}}));

  JsonOptions shallow;
  shallow.max_depth = 2;
  EXPECT_EQ(extract("[[1]]", shallow).status.code, "COMPLETE");
  EXPECT_EQ(extract("[[[1]]]", shallow).status.reason, "JSON_NESTING_LEVEL_OVER_LIMIT");
}

TEST(JsonExtractor, HugeStringArrivesInWholeCharacterPieces) {
  // Two-byte characters after one ASCII byte: a 1000-byte cut would fall inside a character.
  std::string text = "x";
  while (text.size() < 10'000) text += "\xC3\xA9";
  JsonOptions options;
  options.max_piece = 1000;
  const auto e = extract("{\"big\": \"" + text + "\"}", options, 333);
  ASSERT_EQ(e.segments.size(), 2u);
  const Recorded& big = e.segments[1];
  EXPECT_EQ(big.text, text);
  EXPECT_GE(big.piece_sizes.size(), 10u);
  std::size_t at = 0;
  for (const std::size_t size : big.piece_sizes) {
    EXPECT_LE(size, 1000u);
    const std::string_view piece = std::string_view(big.text).substr(at, size);
    EXPECT_EQ(utf8_whole_prefix(piece), piece.size()) << "piece at " << at << " cuts a character";
    at += size;
  }
}

TEST(JsonExtractor, DefaultPieceLimitSplitsAMultiMegabyteString) {
  const std::string text(3 * (1 << 20) + 17, '7');
  const auto e = extract("[\"" + text + "\"]", {}, 64 * 1024);
  ASSERT_EQ(e.segments.size(), 1u);
  EXPECT_EQ(e.segments[0].text.size(), text.size());
  EXPECT_EQ(e.segments[0].piece_sizes.size(), 4u);
  for (const std::size_t size : e.segments[0].piece_sizes) EXPECT_LE(size, std::size_t{1} << 20);
}

TEST(JsonExtractor, LongKeyIsEmittedWholeButKeptShortOnThePath) {
  const std::string key(5000, 'k');
  JsonOptions options;
  options.max_key_bytes = 100;
  const auto e = extract("{\"" + key + "\": \"v\"}", options, 7);
  ASSERT_EQ(e.segments.size(), 2u);
  EXPECT_EQ(e.segments[0].text, key);
  EXPECT_EQ(e.segments[0].path, "$." + key.substr(0, 100));
  EXPECT_EQ(e.segments[1].keywords, Words{key.substr(0, 100)});
}

TEST(JsonExtractor, TruncatedDocumentIsPartialAndKeepsWhatWasEmitted) {
  const auto e = extract("{\"a\": \"x\", \"b\": [\"yy");
  EXPECT_EQ(e.status.code, "PARTIAL");
  EXPECT_EQ(e.status.reason, "UNABLE_TO_PARSE_FILE");
  EXPECT_NE(e.status.detail.find("truncated"), std::string::npos) << e.status.detail;
  EXPECT_NE(e.status.detail.find("inside a string (nesting depth 2)"), std::string::npos)
      << e.status.detail;
  EXPECT_EQ(paths_and_texts(e),
            (Pairs{{"$.a", "a"}, {"$.a", "x"}, {"$.b", "b"}, {"$.b[0]", "yy"}}));

  const auto in_object = extract("{\"a\": 1,");
  EXPECT_EQ(in_object.status.code, "PARTIAL");
  EXPECT_NE(in_object.status.detail.find("inside an object"), std::string::npos);
}

TEST(JsonExtractor, SyntaxErrorNamesItsPlace) {
  const auto e = extract("{\"a\": \"x\",\n \"b\": 1,}");
  EXPECT_EQ(e.status.code, "PARTIAL");
  EXPECT_EQ(e.status.reason, "UNABLE_TO_PARSE_FILE");
  EXPECT_NE(e.status.detail.find("line 2, column 9 (byte offset 19)"), std::string::npos)
      << e.status.detail;
  EXPECT_NE(e.status.detail.find("'}'"), std::string::npos) << e.status.detail;
  EXPECT_EQ(e.segments.size(), 4u);
  EXPECT_NE(e.status.detail.find("the 4 segments before it were extracted"), std::string::npos)
      << e.status.detail;

  EXPECT_EQ(extract("[\"tab\there\"]").status.reason, "UNABLE_TO_PARSE_FILE");
  EXPECT_EQ(extract("[\"bad \\x escape\"]").status.reason, "UNABLE_TO_PARSE_FILE");
  EXPECT_EQ(extract("[\"\\u12G4\"]").status.reason, "UNABLE_TO_PARSE_FILE");
  EXPECT_EQ(extract("[tru]").status.reason, "UNABLE_TO_PARSE_FILE");
  EXPECT_EQ(extract("{\"a\" 1}").status.reason, "UNABLE_TO_PARSE_FILE");
  EXPECT_EQ(extract("[1] [2]").status.reason, "UNABLE_TO_PARSE_FILE");
  EXPECT_EQ(extract("{'a': 1}").status.reason, "UNABLE_TO_PARSE_FILE");
  EXPECT_EQ(extract("[1,]").status.reason, "UNABLE_TO_PARSE_FILE");
}

TEST(JsonExtractor, Utf16InputIsNamedInTheStatus) {
  const std::string utf16le("\xFF\xFE{\0\"\0a\0\"\0:\0", 12);
  const auto e = extract(utf16le);
  EXPECT_EQ(e.status.code, "PARTIAL");
  EXPECT_NE(e.status.detail.find("UTF-16"), std::string::npos) << e.status.detail;
  EXPECT_NE(e.status.detail.find("nothing before it was extracted"), std::string::npos)
      << e.status.detail;
  EXPECT_TRUE(e.segments.empty());
}

TEST(JsonExtractor, EmptyInputIsCompleteAndEmpty) {
  for (const std::string_view empty : {"", "  \n\t ", "\xEF\xBB\xBF"}) {
    const auto single = extract(empty);
    EXPECT_EQ(single.status.code, "COMPLETE") << single.status.detail;
    EXPECT_TRUE(single.segments.empty());
    EXPECT_EQ(extract(empty, lines_options()).status.code, "COMPLETE");
  }
}

TEST(JsonExtractor, SinkCanStopExtraction) {
  RecordingSink sink(/*stop_at=*/2);
  JsonExtractor extractor(sink, JsonOptions{});
  EXPECT_FALSE(extractor.feed("{\"a\": \"x\", \"b\": \"y\"}"));
  EXPECT_FALSE(extractor.feed("more"));
  const ObjectStatus status = extractor.finish();
  EXPECT_EQ(status.code, "PARTIAL");
  EXPECT_EQ(status.reason, "EXTRACTION_STOPPED");
  EXPECT_EQ(sink.segments.size(), 2u);
  EXPECT_EQ(extractor.finish().reason, "EXTRACTION_STOPPED");  // finish() is final and repeatable
}

// An independent oracle: nlohmann-json builds random documents, dumps them (with \u escapes,
// surrogate pairs included, when ensure_ascii is set) and walks them in the same order.
nlohmann::json random_value(std::mt19937& random, int depth) {
  const auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  static constexpr std::string_view kPieces[] = {"a",
                                                 "Z9",
                                                 " ",
                                                 "\"",
                                                 "\\",
                                                 "\n",
                                                 "\t",
                                                 "\x01",
                                                 "\xC3\xA9",
                                                 "\xE2\x82\xAC",
                                                 "\xF0\x9F\x98\x80",
                                                 "key",
                                                 "'",
                                                 "4111 1111",
                                                 "."};
  const auto random_text = [&] {
    std::string text;
    for (int i = pick(6); i > 0; --i) text += kPieces[pick(std::size(kPieces))];
    return text;
  };
  switch (depth > 4 ? pick(4) : pick(6)) {
    case 0:
      return random_text();
    case 1:
      return static_cast<std::int64_t>(random()) - (1LL << 31);
    case 2:
      return static_cast<double>(random()) / 977.0;
    case 3:
      return pick(3) == 0 ? nlohmann::json(nullptr) : nlohmann::json(pick(2) == 0);
    case 4: {
      auto array = nlohmann::json::array();
      for (int i = pick(4); i > 0; --i) array.push_back(random_value(random, depth + 1));
      return array;
    }
    default: {
      auto object = nlohmann::json::object();
      for (int i = pick(4); i > 0; --i) object[random_text()] = random_value(random, depth + 1);
      return object;
    }
  }
}

void expected_segments(const nlohmann::json& value, const std::string& path,
                       std::vector<std::string>& keywords, std::vector<Recorded>& out) {
  if (value.is_object()) {
    for (const auto& [key, member] : value.items()) {
      std::string member_path = path;
      append_json_path_member(member_path, key);
      out.push_back(Recorded{0, member_path, keywords, key, {}});
      const bool new_keyword =
          !key.empty() && std::find(keywords.begin(), keywords.end(), key) == keywords.end();
      if (new_keyword) keywords.push_back(key);
      expected_segments(member, member_path, keywords, out);
      if (new_keyword) keywords.pop_back();
    }
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      std::string element_path = path;
      append_json_path_index(element_path, i);
      expected_segments(value[i], element_path, keywords, out);
    }
  } else if (value.is_string()) {
    out.push_back(Recorded{0, path, keywords, value.get<std::string>(), {}});
  } else if (value.is_number()) {
    out.push_back(Recorded{0, path, keywords, value.dump(), {}});
  }
}

TEST(JsonExtractor, AgreesWithNlohmannOnRandomDocuments) {
  std::mt19937 random(20261123);
  for (int round = 0; round < 300; ++round) {
    const nlohmann::json document = random_value(random, 0);
    const std::string text = document.dump(round % 3 == 0 ? 2 : -1, ' ', round % 2 == 0);
    std::vector<Recorded> expected;
    std::vector<std::string> keywords;
    expected_segments(document, "$", keywords, expected);
    const auto got = extract(text, {}, 1 + random() % 11);
    ASSERT_EQ(got.status.code, "COMPLETE") << text << "\n" << got.status.detail;
    ASSERT_EQ(got.segments.size(), expected.size()) << text;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(got.segments[i].path, expected[i].path) << text;
      EXPECT_EQ(got.segments[i].text, expected[i].text) << text;
      EXPECT_EQ(got.segments[i].keywords, expected[i].keywords) << text;
    }
  }
}

TEST(JsonExtractor, HostileBytesNeverBreakTheSinkProtocol) {
  // Random corruptions of a valid document, in random chunks: any status, never a crash, never a
  // segment left open (RecordingSink and extract() check the protocol).
  std::mt19937 random(7);
  const std::string original(kTrickyDocument);
  for (int round = 0; round < 2000; ++round) {
    std::string text = original;
    for (int edits = 1 + static_cast<int>(random() % 4); edits > 0; --edits) {
      const std::size_t at = random() % text.size();
      switch (random() % 3) {
        case 0:
          text[at] = static_cast<char>(random());
          break;
        case 1:
          text.erase(at, 1 + random() % 5);
          break;
        default:
          text.insert(at, 1, "{}[]\",:\\u\n"[random() % 10]);
          break;
      }
      if (text.empty()) text.push_back('x');
    }
    JsonOptions options;
    options.lines = round % 2 == 1;
    options.max_piece = 4 + random() % 8;
    const auto e = extract(text, options, 1 + random() % 13);
    EXPECT_TRUE(e.status.code == "COMPLETE" || e.status.code == "PARTIAL") << e.status.code;
    if (e.status.code == "PARTIAL") {
      EXPECT_FALSE(e.status.detail.empty());
    }
    for (const auto& segment : e.segments) {
      for (const std::size_t size : segment.piece_sizes) EXPECT_LE(size, options.max_piece);
    }
  }
}

TEST(JsonExtractorDetection, TellsJsonJsonLinesAndProseApart) {
  EXPECT_TRUE(looks_like_json("{\"a\": 1}"));
  EXPECT_TRUE(looks_like_json("\xEF\xBB\xBF  [1, 2]"));
  EXPECT_TRUE(looks_like_json("{\n  \"name\": \"Ann\",\n  \"ssn\": \"123-45-6789\"\n}\n"));
  EXPECT_TRUE(looks_like_json("{\"a\": [\"cut in the midd"));  // a prefix may end anywhere
  EXPECT_FALSE(looks_like_json("Hello, this is prose."));
  EXPECT_FALSE(looks_like_json("[citation needed] says the page"));
  EXPECT_FALSE(looks_like_json("{not json}"));
  EXPECT_FALSE(looks_like_json("42"));
  EXPECT_FALSE(looks_like_json(""));
  EXPECT_FALSE(looks_like_json("{\"a\": 1}\n{\"b\": 2}\n"));  // JSON Lines, not one document

  EXPECT_TRUE(looks_like_json_lines("{\"a\": 1}\n{\"b\": 2}\n{\"c\": [3"));
  EXPECT_TRUE(looks_like_json_lines("[1, 2]\n\n[\"x\"]\r\n"));
  EXPECT_TRUE(looks_like_json_lines("{\"only\": \"one\"}\n"));
  EXPECT_FALSE(looks_like_json_lines("{\"only\": \"one\"}"));  // not a whole line yet
  EXPECT_FALSE(looks_like_json_lines("{\n  \"name\": \"Ann\"\n}\n"));
  EXPECT_FALSE(looks_like_json_lines("1\n2\n3\n"));
  EXPECT_FALSE(looks_like_json_lines("Dear customer,\nyour card...\n"));
  EXPECT_FALSE(looks_like_json_lines("{\"a\": 1}\n{broken}\n"));
}

}  // namespace
}  // namespace tamis
