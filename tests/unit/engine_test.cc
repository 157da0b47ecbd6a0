#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "engine/engine_cache.h"
#include "engine_test_support.h"
#include "match/compiled_rules.h"

namespace tamis {
namespace {

using testing_support::build_or_die;
using testing_support::custom;
using testing_support::custom_only;
using testing_support::find_detection;
using testing_support::found_texts;
using testing_support::scan_in_chunks;

TEST(Engine, ReportsExactOffsetsLinesAndColumns) {
  auto engine = build_or_die(custom_only({custom("Emp", "EMP-[0-9]{6}")}));
  Scanner scanner(engine);
  // "é" is two bytes but one character: the column counts characters.
  const std::string text = "first line\nnom: é EMP-123456 and EMP-654321\n";
  ObjectResult result = scanner.scan("mem", text);
  const Detection* d = find_detection(result, "Emp");
  ASSERT_NE(d, nullptr);
  ASSERT_EQ(d->count, 2U);
  ASSERT_EQ(d->occurrences.size(), 2U);
  EXPECT_EQ(d->occurrences[0].start, text.find("EMP-123456"));
  EXPECT_EQ(d->occurrences[0].end, text.find("EMP-123456") + 10);
  EXPECT_EQ(d->occurrences[0].line, 2U);
  EXPECT_EQ(d->occurrences[0].column, 8U);
  EXPECT_EQ(d->occurrences[0].end_line, 2U);
  EXPECT_EQ(d->occurrences[0].text, "EMP-123456");
  EXPECT_EQ(d->occurrences[1].start, text.find("EMP-654321"));
  EXPECT_EQ(result.status.code, "COMPLETE");
  EXPECT_TRUE(result.diagnostics.empty());
  EXPECT_EQ(result.size, text.size());
}

TEST(Engine, EveryChunkingGivesTheSameResult) {
  auto engine = build_or_die(
      custom_only({custom("Emp", "EMP-[0-9]{6}"), custom("Mail", "[a-z]+@example\\.com"),
                   custom("Kw", "K[0-9]{4}", {"badge id"}, 20)}));
  Scanner scanner(engine);
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text += "line " + std::to_string(i) + " EMP-" + std::to_string(100000 + i * 7) +
            " alice@example.com badge_id K" + std::to_string(1000 + i) + "\n";
  }
  const ObjectResult whole = scanner.scan("mem", text);
  ASSERT_EQ(find_detection(whole, "Emp")->count, 40U);
  ASSERT_EQ(find_detection(whole, "Mail")->count, 40U);
  ASSERT_EQ(find_detection(whole, "Kw")->count, 40U);
  for (std::size_t chunk : {1, 2, 3, 7, 13, 64, 1000}) {
    const ObjectResult split = scan_in_chunks(scanner, text, chunk);
    ASSERT_EQ(split.detections.size(), whole.detections.size()) << "chunk " << chunk;
    for (std::size_t i = 0; i < whole.detections.size(); ++i) {
      const auto& a = whole.detections[i];
      const auto& b = split.detections[i];
      ASSERT_EQ(a.count, b.count) << a.type << " chunk " << chunk;
      for (std::size_t j = 0; j < a.occurrences.size(); ++j) {
        EXPECT_EQ(a.occurrences[j].start, b.occurrences[j].start) << a.type << " chunk " << chunk;
        EXPECT_EQ(a.occurrences[j].end, b.occurrences[j].end);
        EXPECT_EQ(a.occurrences[j].line, b.occurrences[j].line);
        EXPECT_EQ(a.occurrences[j].column, b.occurrences[j].column);
      }
    }
  }
}

// A base64 run reports a Hyperscan end at every byte; the ends that fail the end boundary are
// dropped before start recovery. Only the whole value may come out, however the text is fed: an
// end at the edge of a feed cannot be judged yet and must survive until it can. Both with the
// pattern in the stream database and searched around its anchor ("authorization"), whose region
// search reports every end too.
class RepeatedEnds : public ::testing::TestWithParam<bool> {};

TEST_P(RepeatedEnds, KeepOnlyTheWholeValueForEveryChunking) {
  Config config;
  config.selector = ManagedSelector::kInclude;
  config.managed_ids = {"HTTP_BASIC_AUTH_HEADER"};
  config.reveal_values = true;
  auto built = Engine::build(config, BuildOptions{.use_anchors = GetParam()});
  ASSERT_TRUE(built.ok()) << built.error().message;
  const std::shared_ptr<const Engine> engine = *built;
  ASSERT_EQ(engine->rules().rules.at(0).anchored, GetParam());
  Scanner scanner(engine);
  // "bob:pa??word~~" and "carol:>>>???<<<": '+', '/' and '=' end word runs inside the value.
  const std::string text =
      "GET / HTTP/1.1\nAuthorization: Basic Ym9iOnBhPz93b3Jkfn4=\nHost: x\n"
      "proxy-authorization: basic Y2Fyb2w6Pj4+Pz8/PDw8 trailing\n"
      "Authorization: Basic Y2Fyb2w6Pj4+Pz8/PDw8";
  const std::vector<std::string> expected = {"Authorization: Basic Ym9iOnBhPz93b3Jkfn4=",
                                             "proxy-authorization: basic Y2Fyb2w6Pj4+Pz8/PDw8",
                                             "Authorization: Basic Y2Fyb2w6Pj4+Pz8/PDw8"};
  EXPECT_EQ(found_texts(scanner.scan("mem", text), "HTTP_BASIC_AUTH_HEADER"), expected);
  for (std::size_t chunk = 1; chunk <= 64; ++chunk) {
    EXPECT_EQ(found_texts(scan_in_chunks(scanner, text, chunk), "HTTP_BASIC_AUTH_HEADER"), expected)
        << "chunk " << chunk;
  }
}

// Named "Anchored" and "Streamed": the bool's own names would be "true" and "false".
std::string anchoring_name(const ::testing::TestParamInfo<bool>& param) {
  return param.param ? "Anchored" : "Streamed";
}
INSTANTIATE_TEST_SUITE_P(Engine, RepeatedEnds, ::testing::Bool(), anchoring_name);

TEST(Engine, UnboundedRegexGetsItsExactStart) {
  auto engine = build_or_die(custom_only({custom("Mail", "[a-z.]+@example\\.com")}));
  Scanner scanner(engine);
  const std::string text = "contact: john.smith@example.com, x";
  const ObjectResult result = scanner.scan("mem", text);
  ASSERT_EQ(found_texts(result, "Mail"), std::vector<std::string>{"john.smith@example.com"});
  EXPECT_EQ(find_detection(result, "Mail")->occurrences[0].start, text.find("john"));
}

TEST(Engine, MatchesDoNotOverlapAndPreferLeftmostLongest) {
  auto engine = build_or_die(custom_only({custom("Digits", "[0-9]{3,6}")}));
  Scanner scanner(engine);
  EXPECT_EQ(found_texts(scanner.scan("mem", "12345678"), "Digits"),
            std::vector<std::string>{"123456"});
  EXPECT_EQ(found_texts(scanner.scan("mem", "123456789"), "Digits"),
            (std::vector<std::string>{"123456", "789"}));
}

TEST(Engine, CaretAndDollarMeanStartAndEndOfTheObject) {
  auto engine =
      build_or_die(custom_only({custom("Head", "^ID[0-9]{3}"), custom("Tail", "END[0-9]{2}$")}));
  Scanner scanner(engine);
  ObjectResult result = scanner.scan("mem", "ID123 ID456\nID789 END01\nEND02");
  EXPECT_EQ(found_texts(result, "Head"), std::vector<std::string>{"ID123"});
  EXPECT_EQ(found_texts(result, "Tail"), std::vector<std::string>{"END02"});
  result = scan_in_chunks(scanner, "ID123 ID456\nID789 END01\nEND02", 1);
  EXPECT_EQ(found_texts(result, "Head"), std::vector<std::string>{"ID123"});
  EXPECT_EQ(found_texts(result, "Tail"), std::vector<std::string>{"END02"});
}

TEST(Engine, CustomKeywordMustPrecedeWithinTheDistance) {
  // Distance is counted from the keyword's end to the match's end (reference/macie.md §2).
  auto engine = build_or_die(custom_only({custom("Code", "X[0-9]{4}", {"secret"}, 10)}));
  Scanner scanner(engine);
  // keyword end -> match end: " X1234" is 6 characters.
  EXPECT_EQ(find_detection(scanner.scan("mem", "secret X1234"), "Code")->count, 1U);
  // 10 characters exactly: found.
  EXPECT_EQ(find_detection(scanner.scan("mem", "secret:    X1234"), "Code")->count, 1U);
  // 11 characters: too far.
  EXPECT_EQ(find_detection(scanner.scan("mem", "secret:     X1234"), "Code"), nullptr);
  // After the match does not count.
  EXPECT_EQ(find_detection(scanner.scan("mem", "X1234 secret"), "Code"), nullptr);
  // No keyword at all.
  EXPECT_EQ(find_detection(scanner.scan("mem", "code X1234"), "Code"), nullptr);
}

TEST(Engine, DistanceCountsCharactersNotBytes) {
  auto engine = build_or_die(custom_only({custom("Code", "X[0-9]{4}", {"secret"}, 10)}));
  Scanner scanner(engine);
  // "éééé" is 8 bytes but 4 characters: 4 + " " + "X1234" = 10 characters.
  EXPECT_EQ(find_detection(scanner.scan("mem", "secretéééé X1234"), "Code")->count, 1U);
  EXPECT_EQ(find_detection(scanner.scan("mem", "secretééééé X1234"), "Code"), nullptr);
}

TEST(Engine, KeywordsAreCaseInsensitiveAndSpacesMatchSeparators) {
  auto engine =
      build_or_die(custom_only({custom("Code", "X[0-9]{4}", {"badge id", "número"}, 20)}));
  Scanner scanner(engine);
  for (const char* text : {"BADGE ID X1234", "badge_id X1234", "Badge-Id X1234", "badgeid X1234",
                           "NÚMERO X1234", "Número: X1234"}) {
    const ObjectResult result = scanner.scan("mem", text);
    const Detection* d = find_detection(result, "Code");
    ASSERT_NE(d, nullptr) << text;
    EXPECT_EQ(d->count, 1U) << text;
  }
  EXPECT_EQ(find_detection(scanner.scan("mem", "badge  id X1234"), "Code"), nullptr);
}

TEST(Engine, IgnoreWordsAreCaseSensitiveSubstrings) {
  CustomIdentifierSpec spec = custom("Emp", "EMP-[0-9]{6}");
  spec.ignore_words = {"0000"};
  auto engine = build_or_die(custom_only({spec}));
  Scanner scanner(engine);
  EXPECT_EQ(found_texts(scanner.scan("mem", "EMP-000012 EMP-123456 EMP-100101"), "Emp"),
            (std::vector<std::string>{"EMP-123456", "EMP-100101"}));

  spec.ignore_words = {"emp-1"};
  auto engine2 = build_or_die(custom_only({spec}));
  Scanner scanner2(engine2);
  EXPECT_EQ(find_detection(scanner2.scan("mem", "EMP-123456"), "Emp")->count, 1U);
}

TEST(Engine, AllowListLiteralsMatchTheWholeTextCaseInsensitively) {
  Config config = custom_only({custom("Word", "[A-Za-z]{4}-[0-9]{2}")});
  config.allow_lists.push_back({"known", {"ABCD-12"}, std::nullopt});
  auto engine = build_or_die(config);
  Scanner scanner(engine);
  EXPECT_EQ(found_texts(scanner.scan("mem", "abcd-12 ABCD-12 wxyz-12 bcde-12"), "Word"),
            (std::vector<std::string>{"wxyz-12", "bcde-12"}));
}

TEST(Engine, AllowListRegexMustMatchTheWholeText) {
  Config config = custom_only({custom("Word", "[A-Za-z]{4}-[0-9]{2}")});
  config.allow_lists.push_back({"tests", {}, std::string("test-[0-9]+")});
  config.allow_lists.push_back({"partial", {}, std::string("zz")});
  auto engine = build_or_die(config);
  Scanner scanner(engine);
  // "zzzz-11" only contains a match of "zz": not allowed.
  EXPECT_EQ(found_texts(scanner.scan("mem", "test-12 zzzz-11 Test-12"), "Word"),
            (std::vector<std::string>{"zzzz-11", "Test-12"}));
}

TEST(Engine, CustomSeverityFollowsThresholds) {
  CustomIdentifierSpec spec = custom("Emp", "EMP-[0-9]{2}");
  spec.severity_levels = {{2, Severity::kLow}, {3, Severity::kMedium}, {5, Severity::kHigh}};
  auto engine = build_or_die(custom_only({spec}));
  Scanner scanner(engine);
  const Severity expected[] = {Severity::kNone,   Severity::kLow,  Severity::kMedium,
                               Severity::kMedium, Severity::kHigh, Severity::kHigh};
  std::string text;
  for (int n = 1; n <= 6; ++n) {
    text += "EMP-1" + std::to_string(n) + " ";
    const ObjectResult result = scanner.scan("mem", text);
    const Detection* d = find_detection(result, "Emp");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->count, static_cast<std::uint64_t>(n));
    EXPECT_EQ(d->severity, expected[n - 1]) << n;
    EXPECT_EQ(result.severity, expected[n - 1]) << n;
  }
}

TEST(Engine, DefaultCustomSeverityIsMedium) {
  auto engine = build_or_die(custom_only({custom("Emp", "EMP-[0-9]{2}")}));
  Scanner scanner(engine);
  EXPECT_EQ(find_detection(scanner.scan("mem", "EMP-12"), "Emp")->severity, Severity::kMedium);
}

TEST(Engine, OccurrencesAreCappedButAllCounted) {
  Config config = custom_only({custom("Emp", "EMP-[0-9]{2}")});
  config.limits.max_occurrences_per_type = 3;
  auto engine = build_or_die(config);
  Scanner scanner(engine);
  std::string text;
  for (int i = 10; i < 20; ++i) text += "EMP-" + std::to_string(i) + "\n";
  const ObjectResult result = scanner.scan("mem", text);
  const Detection* d = find_detection(result, "Emp");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->count, 10U);
  ASSERT_EQ(d->occurrences.size(), 3U);
  EXPECT_EQ(d->occurrences[2].line, 3U);
  EXPECT_TRUE(result.additional_occurrences);
}

TEST(Engine, ValuesAreMaskedUnlessRevealed) {
  Config config = custom_only({custom("Emp", "EMP-[0-9]{6}")});
  config.reveal_values = false;
  auto engine = build_or_die(config);
  Scanner scanner(engine);
  EXPECT_EQ(found_texts(scanner.scan("mem", "EMP-123456"), "Emp"),
            std::vector<std::string>{"******3456"});
}

TEST(Engine, CallbackSeesEveryOccurrenceAndCanStop) {
  Config config = custom_only({custom("Emp", "EMP-[0-9]{2}")});
  config.limits.max_occurrences_per_type = 2;
  auto engine = build_or_die(config);
  Scanner scanner(engine);
  int seen = 0;
  scanner.set_occurrence_callback(
      [&](const std::string& path, const Detection& d, const Occurrence& o) {
        EXPECT_EQ(path, "mem");
        EXPECT_EQ(d.type, "Emp");
        EXPECT_GT(o.line, 0U);
        ++seen;
        return true;
      });
  std::string text;
  for (int i = 10; i < 15; ++i) text += "EMP-" + std::to_string(i) + "\n";
  EXPECT_EQ(find_detection(scanner.scan("mem", text), "Emp")->count, 5U);
  EXPECT_EQ(seen, 5);

  scanner.set_occurrence_callback(
      [](const std::string&, const Detection&, const Occurrence&) { return false; });
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "EMP-42 filler filler filler filler\n";
  scanner.begin("big");
  for (std::size_t i = 0; i < big.size(); i += 4096)
    scanner.feed(std::string_view(big).substr(i, 4096));
  const ObjectResult stopped = scanner.finish();
  EXPECT_EQ(stopped.status.code, "PARTIAL");
  EXPECT_EQ(stopped.status.reason, "STOPPED_BY_CALLER");
  EXPECT_LT(stopped.size_classified, big.size());

  // A short object's matches are decided only at its end: a stop there is a stop too.
  const ObjectResult short_stop = scanner.scan("short", "EMP-42\n");
  EXPECT_EQ(short_stop.status.code, "PARTIAL");
  EXPECT_EQ(short_stop.status.reason, "STOPPED_BY_CALLER");
}

TEST(Engine, BinaryContentIsScannedButFlagged) {
  auto engine = build_or_die(custom_only({custom("Emp", "EMP-[0-9]{6}")}));
  Scanner scanner(engine);
  const std::string text(
      "\x7f"
      "ELF\0\0\0 EMP-123456",
      18);
  const ObjectResult result = scanner.scan("mem", text);
  EXPECT_EQ(result.status.code, "PARTIAL");
  EXPECT_EQ(result.status.reason, "UNSUPPORTED_FILE_TYPE");
  EXPECT_EQ(result.mime_type, "application/octet-stream");
  EXPECT_EQ(find_detection(result, "Emp")->count, 1U);
}

TEST(Engine, InvalidUtf8IsADiagnosticNotAFailure) {
  auto engine = build_or_die(custom_only({custom("Emp", "EMP-[0-9]{6}")}));
  Scanner scanner(engine);
  const ObjectResult result = scanner.scan("mem", "caf\xe9 EMP-123456");
  EXPECT_EQ(result.status.code, "COMPLETE");
  ASSERT_EQ(result.diagnostics.size(), 1U);
  EXPECT_EQ(result.diagnostics[0].code, "INVALID_UTF8");
  EXPECT_NE(result.diagnostics[0].detail.find("byte 3"), std::string::npos);
  EXPECT_EQ(find_detection(result, "Emp")->count, 1U);
}

TEST(Engine, FailAndEmptyObjects) {
  auto engine = build_or_die(custom_only({custom("Emp", "EMP-[0-9]{6}")}));
  Scanner scanner(engine);
  ObjectResult empty = scanner.scan("empty", "");
  EXPECT_EQ(empty.status.code, "COMPLETE");
  EXPECT_TRUE(empty.detections.empty());
  EXPECT_EQ(empty.severity, Severity::kNone);

  scanner.begin("cut");
  scanner.feed("EMP-123456 ");
  scanner.fail({"PARTIAL", "UNABLE_TO_PARSE_FILE", "read error"});
  scanner.feed("EMP-654321");
  ObjectResult cut = scanner.finish();
  EXPECT_EQ(cut.status.reason, "UNABLE_TO_PARSE_FILE");
  EXPECT_EQ(find_detection(cut, "Emp")->count, 1U);
}

TEST(Engine, BadRegexIsReportedWithNameAndExpression) {
  auto built = Engine::build(custom_only({custom("Broken", "EMP-[0-9")}));
  ASSERT_FALSE(built.ok());
  EXPECT_NE(built.error().message.find("custom data identifier \"Broken\""), std::string::npos)
      << built.error().message;
  EXPECT_NE(built.error().message.find("EMP-[0-9"), std::string::npos) << built.error().message;

  auto empty = Engine::build(custom_only({custom("Empty", "x?")}));
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.error().message.find("\"Empty\""), std::string::npos) << empty.error().message;

  Config allow = custom_only({custom("Emp", "EMP")});
  allow.allow_lists.push_back({"bad list", {}, std::string("(")});
  auto bad_allow = Engine::build(allow);
  ASSERT_FALSE(bad_allow.ok());
  EXPECT_NE(bad_allow.error().message.find("allow list \"bad list\""), std::string::npos);
}

TEST(Engine, UnknownManagedIdIsAnError) {
  Config config;
  config.selector = ManagedSelector::kInclude;
  config.managed_ids = {"NOT_A_REAL_IDENTIFIER"};
  auto built = Engine::build(config);
  ASSERT_FALSE(built.ok());
  EXPECT_NE(built.error().message.find("NOT_A_REAL_IDENTIFIER"), std::string::npos);
}

TEST(Engine, SomLeftmostModeFindsTheSameMatches) {
  Config config =
      custom_only({custom("Emp", "EMP-[0-9]{6}"), custom("Mail", "[a-z.]+@example\\.com"),
                   custom("Code", "X[0-9]{4}", {"secret"}, 10)});
  auto recover = build_or_die(config);
  config.start_offset_mode = StartOffsetMode::kSomLeftmost;
  auto som = build_or_die(config);
  std::string text;
  for (int i = 0; i < 30; ++i) {
    text += "EMP-" + std::to_string(123456 + i) + " a.b@example.com secret X" +
            std::to_string(1000 + i) + " X9999\n";
  }
  Scanner a(recover);
  Scanner b(som);
  const ObjectResult ra = scan_in_chunks(a, text, 17);
  const ObjectResult rb = scan_in_chunks(b, text, 17);
  ASSERT_EQ(ra.detections.size(), rb.detections.size());
  for (std::size_t i = 0; i < ra.detections.size(); ++i) {
    ASSERT_EQ(ra.detections[i].count, rb.detections[i].count) << ra.detections[i].type;
    for (std::size_t j = 0; j < ra.detections[i].occurrences.size(); ++j) {
      EXPECT_EQ(ra.detections[i].occurrences[j].start, rb.detections[i].occurrences[j].start);
    }
  }
  EXPECT_EQ(find_detection(ra, "Code")->count, 30U);
}

TEST(Engine, ScannersShareOneEngineAcrossThreads) {
  auto engine = build_or_die(custom_only({custom("Emp", "EMP-[0-9]{6}")}));
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "id EMP-" + std::to_string(100000 + i) + "\n";
  std::vector<std::thread> threads;
  std::vector<std::uint64_t> counts(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      Scanner scanner(engine);
      for (int rep = 0; rep < 5; ++rep)
        counts[t] += find_detection(scanner.scan("m", text), "Emp")->count;
    });
  }
  for (auto& th : threads) th.join();
  for (std::uint64_t c : counts) EXPECT_EQ(c, 5000U);
}

}  // namespace
}  // namespace tamis

namespace tamis {
namespace {

TEST(EngineCache, SecondBuildLoadsAndCorruptCacheIsIgnored) {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("tamis-cache-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const Config config =
      testing_support::custom_only({testing_support::custom("Emp", "EMP-[0-9]{6}")});
  auto first = build_engine_cached(config, dir.string());
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(first->loaded);
  ASSERT_FALSE(fs::is_empty(dir));
  auto second = build_engine_cached(config, dir.string());
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second->loaded);
  Scanner scanner(second->engine);
  EXPECT_EQ(testing_support::find_detection(scanner.scan("m", "x EMP-123456"), "Emp")->count, 1U);

  // Another configuration gets its own image; the first one is still served.
  Config other = config;
  other.custom_identifiers[0].regex = "EMP-[0-9]{5}";
  auto third = build_engine_cached(other, dir.string());
  ASSERT_TRUE(third.ok());
  EXPECT_FALSE(third->loaded);
  EXPECT_TRUE(build_engine_cached(config, dir.string())->loaded);

  // A damaged image is compiled over, and replaced.
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::ofstream(entry.path(), std::ios::binary | std::ios::trunc) << "garbage";
  }
  auto fourth = build_engine_cached(config, dir.string());
  ASSERT_TRUE(fourth.ok());
  EXPECT_FALSE(fourth->loaded);
  Scanner scanner4(fourth->engine);
  EXPECT_EQ(testing_support::find_detection(scanner4.scan("m", "x EMP-123456"), "Emp")->count, 1U);
  EXPECT_TRUE(build_engine_cached(config, dir.string())->loaded);

  // A configuration error is an error, cache or not.
  other.custom_identifiers[0].regex = "EMP-(";
  EXPECT_FALSE(build_engine_cached(other, dir.string()).ok());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tamis
