// parse_config / load_config_file: every field, Macie's limits (each broken once, with the exact
// message naming the JSON pointer and the identifier or list), syntax positions, word-list files.
#include "config/config.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "config/utf8_length.h"

namespace tamis {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// A fresh folder per test, removed afterwards, so word-list files never leak between tests.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = fs::temp_directory_path() / ("tamis_config_test_" + std::to_string(::getpid()) + "_" +
                                         info->test_suite_name() + "_" + info->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }
  fs::path write(const std::string& relative, const std::string& content) const {
    const fs::path file = path_ / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }

 private:
  fs::path path_;
};

// The error parse_config reports, or "<ok>" so a wrongly accepted config fails visibly.
std::string error_of(const json& config, const std::string& base_dir = ".") {
  auto result = parse_config(config.dump(), base_dir);
  return result.ok() ? "<ok>" : result.error().message;
}

std::string error_of_text(const std::string& text) {
  auto result = parse_config(text);
  return result.ok() ? "<ok>" : result.error().message;
}

json employee_id() { return {{"name", "EmployeeId"}, {"regex", "EMP-[0-9]{6}"}}; }

// A config with one valid custom identifier (index 0) and the one under test at index 1.
json with_custom(const json& identifier) {
  return {{"customDataIdentifiers", json::array({employee_id(), identifier})}};
}

json with_allow_list(const json& list) { return {{"allowLists", json::array({list})}}; }

std::string repeat(const std::string& unit, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += unit;
  return out;
}

// Limits are counted in code points, so the counter must agree with UTF-8's rules exactly.
TEST(ConfigUtf8Length, CountsCodePointsAndRefusesMalformedText) {
  using config_detail::utf8_length;
  EXPECT_EQ(utf8_length(""), 0u);
  EXPECT_EQ(utf8_length("abc"), 3u);
  EXPECT_EQ(utf8_length("J\xC3\xBCrgen"), 6u);               // ü, two bytes
  EXPECT_EQ(utf8_length("\xE2\x82\xAC"), 1u);                // €, three bytes
  EXPECT_EQ(utf8_length("\xF0\x9F\x94\x91 key"), 5u);        // 🔑, four bytes
  EXPECT_EQ(utf8_length("\xF4\x8F\xBF\xBF"), 1u);            // U+10FFFF, the last code point
  EXPECT_EQ(utf8_length("caf\xE9"), std::nullopt);           // Latin-1 é
  EXPECT_EQ(utf8_length("\xC3"), std::nullopt);              // truncated
  EXPECT_EQ(utf8_length("\xE2\x82"), std::nullopt);          // truncated
  EXPECT_EQ(utf8_length("\x80"), std::nullopt);              // lone continuation byte
  EXPECT_EQ(utf8_length("\xC0\xAF"), std::nullopt);          // overlong '/'
  EXPECT_EQ(utf8_length("\xE0\x80\xAF"), std::nullopt);      // overlong '/'
  EXPECT_EQ(utf8_length("\xED\xA0\x80"), std::nullopt);      // UTF-16 surrogate U+D800
  EXPECT_EQ(utf8_length("\xF4\x90\x80\x80"), std::nullopt);  // above U+10FFFF
  EXPECT_EQ(utf8_length("\xFF"), std::nullopt);
}

TEST(Config, EmptyObjectGivesDefaults) {
  auto config = parse_config("{}");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->selector, ManagedSelector::kRecommended);
  EXPECT_TRUE(config->managed_ids.empty());
  EXPECT_TRUE(config->include_tamis_secrets);
  EXPECT_FALSE(config->reveal_values);
  EXPECT_TRUE(config->custom_identifiers.empty());
  EXPECT_TRUE(config->allow_lists.empty());
  EXPECT_EQ(config->limits.max_object_bytes, 20ULL << 30);
  EXPECT_EQ(config->limits.max_occurrences_per_type, 1000u);
  EXPECT_EQ(config->limits.max_match_bytes, 8192u);
  EXPECT_EQ(config->limits.max_archive_depth, 10u);
  EXPECT_EQ(config->limits.max_archive_members, 1'000'000u);
  EXPECT_EQ(config->limits.max_decoded_bytes, 10ULL << 30);
  EXPECT_EQ(config->limits.max_member_bytes, 10ULL << 30);
  EXPECT_EQ(config->limits.max_expansion_ratio, 1000u);
}

TEST(Config, EveryFieldIsParsed) {
  TempDir dir;
  dir.write("lists/known.txt", "ID-1\r\n\r\n  \nID-2\n");
  const std::string text = R"({
    "managedDataIdentifierSelector": "INCLUDE",
    "managedDataIdentifierIds": ["CREDIT_CARD_NUMBER", "USA_SOCIAL_SECURITY_NUMBER"],
    "customDataIdentifiers": [{
      "name": "EmployeeId", "description": "Staff numbers", "regex": "EMP-[0-9]{6}",
      "keywords": ["employee", "staff id"], "ignoreWords": ["EMP-000000"],
      "maximumMatchDistance": 120,
      "severityLevels": [{"occurrencesThreshold": 1, "severity": "LOW"},
                         {"occurrencesThreshold": 10, "severity": "HIGH"}]
    }],
    "allowLists": [
      {"name": "test-cards", "description": "cards from the docs", "criteria": {"regex": "4111[0-9 ]+"}},
      {"name": "known-ids", "criteria": {"s3WordsList": {"bucketName": "ignored-locally",
                                                         "objectKey": "lists/known.txt"}}},
      {"name": "inline", "texts": ["123-45-6789", "Jürgen Müller"]}
    ],
    "tamis": {"includeTamisSecrets": false, "revealValues": true,
              "limits": {"maxObjectBytes": 21474836481, "maxOccurrencesPerType": 15,
                         "maxMatchBytes": 4096, "maxArchiveDepth": 3, "maxArchiveMembers": 500,
                         "maxDecodedBytes": 1073741824, "maxMemberBytes": 1048576,
                         "maxExpansionRatio": 250, "maxOfficePackageBytes": 1048576,
                         "maxOfficeExpansionRatio": 50, "maxEmailParts": 77}}
  })";
  auto config = parse_config(text, dir.path().string());
  ASSERT_TRUE(config.ok()) << config.error().message;

  EXPECT_EQ(config->selector, ManagedSelector::kInclude);
  EXPECT_EQ(config->managed_ids,
            (std::vector<std::string>{"CREDIT_CARD_NUMBER", "USA_SOCIAL_SECURITY_NUMBER"}));

  ASSERT_EQ(config->custom_identifiers.size(), 1u);
  const CustomIdentifierSpec& custom = config->custom_identifiers[0];
  EXPECT_EQ(custom.name, "EmployeeId");
  EXPECT_EQ(custom.description, "Staff numbers");
  EXPECT_EQ(custom.regex, "EMP-[0-9]{6}");
  EXPECT_EQ(custom.keywords, (std::vector<std::string>{"employee", "staff id"}));
  EXPECT_EQ(custom.ignore_words, (std::vector<std::string>{"EMP-000000"}));
  EXPECT_EQ(custom.maximum_match_distance, 120u);
  ASSERT_EQ(custom.severity_levels.size(), 2u);
  EXPECT_EQ(custom.severity_levels[0].occurrences_threshold, 1u);
  EXPECT_EQ(custom.severity_levels[0].severity, Severity::kLow);
  EXPECT_EQ(custom.severity_levels[1].occurrences_threshold, 10u);
  EXPECT_EQ(custom.severity_levels[1].severity, Severity::kHigh);

  ASSERT_EQ(config->allow_lists.size(), 3u);
  EXPECT_EQ(config->allow_lists[0].name, "test-cards");
  EXPECT_EQ(config->allow_lists[0].regex, std::optional<std::string>("4111[0-9 ]+"));
  EXPECT_TRUE(config->allow_lists[0].texts.empty());
  EXPECT_EQ(config->allow_lists[1].name, "known-ids");
  EXPECT_FALSE(config->allow_lists[1].regex.has_value());
  EXPECT_EQ(config->allow_lists[1].texts, (std::vector<std::string>{"ID-1", "ID-2"}));
  EXPECT_EQ(config->allow_lists[2].name, "inline");
  EXPECT_EQ(config->allow_lists[2].texts,
            (std::vector<std::string>{"123-45-6789", "Jürgen Müller"}));

  EXPECT_FALSE(config->include_tamis_secrets);
  EXPECT_TRUE(config->reveal_values);
  EXPECT_EQ(config->limits.max_object_bytes, 21474836481ULL);
  EXPECT_EQ(config->limits.max_occurrences_per_type, 15u);
  EXPECT_EQ(config->limits.max_match_bytes, 4096u);
  EXPECT_EQ(config->limits.max_archive_depth, 3u);
  EXPECT_EQ(config->limits.max_archive_members, 500u);
  EXPECT_EQ(config->limits.max_decoded_bytes, 1ULL << 30);
  EXPECT_EQ(config->limits.max_member_bytes, 1u << 20);
  EXPECT_EQ(config->limits.max_expansion_ratio, 250u);
  EXPECT_EQ(config->limits.max_office_package_bytes, 1048576u);
  EXPECT_EQ(config->limits.max_office_expansion_ratio, 50u);
  EXPECT_EQ(config->limits.max_email_parts, 77u);
}

TEST(Config, CustomIdentifierDefaults) {
  auto config = parse_config(json{{"customDataIdentifiers", {employee_id()}}}.dump());
  ASSERT_TRUE(config.ok()) << config.error().message;
  const CustomIdentifierSpec& custom = config->custom_identifiers.at(0);
  EXPECT_EQ(custom.description, "");
  EXPECT_TRUE(custom.keywords.empty());
  EXPECT_TRUE(custom.ignore_words.empty());
  EXPECT_EQ(custom.maximum_match_distance, 50u);
  EXPECT_TRUE(custom.severity_levels.empty());
}

TEST(Config, NullMeansDefault) {
  auto config = parse_config(
      R"({"managedDataIdentifierSelector": null, "managedDataIdentifierIds": null,
          "customDataIdentifiers": [{"name": "A", "regex": "a+", "description": null,
                                     "maximumMatchDistance": null}],
          "tamis": {"limits": null}})");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->selector, ManagedSelector::kRecommended);
  EXPECT_EQ(config->custom_identifiers.at(0).maximum_match_distance, 50u);
  EXPECT_EQ(config->limits.max_occurrences_per_type, 1000u);
}

TEST(Config, Selectors) {
  const std::pair<const char*, ManagedSelector> cases[] = {
      {"RECOMMENDED", ManagedSelector::kRecommended},
      {"ALL", ManagedSelector::kAll},
      {"NONE", ManagedSelector::kNone}};
  for (const auto& [name, selector] : cases) {
    auto config = parse_config(json{{"managedDataIdentifierSelector", name}}.dump());
    ASSERT_TRUE(config.ok()) << name << ": " << config.error().message;
    EXPECT_EQ(config->selector, selector) << name;
  }
  auto exclude = parse_config(
      R"({"managedDataIdentifierSelector": "EXCLUDE", "managedDataIdentifierIds": ["CREDIT_CARD_NUMBER"]})");
  ASSERT_TRUE(exclude.ok()) << exclude.error().message;
  EXPECT_EQ(exclude->selector, ManagedSelector::kExclude);
  EXPECT_EQ(exclude->managed_ids, std::vector<std::string>{"CREDIT_CARD_NUMBER"});

  EXPECT_EQ(error_of({{"managedDataIdentifierSelector", "recommended"}}),
            "/managedDataIdentifierSelector: unknown selector \"recommended\" (expected "
            "RECOMMENDED, ALL, INCLUDE, EXCLUDE or NONE)");
  EXPECT_EQ(error_of({{"managedDataIdentifierSelector", 1}}),
            "/managedDataIdentifierSelector: must be a string, got number");
}

TEST(Config, ManagedIdsRules) {
  EXPECT_EQ(error_of({{"managedDataIdentifierSelector", "INCLUDE"}}),
            "/managedDataIdentifierIds: needs at least one managed data identifier id when "
            "managedDataIdentifierSelector is INCLUDE");
  EXPECT_EQ(error_of({{"managedDataIdentifierSelector", "EXCLUDE"},
                      {"managedDataIdentifierIds", json::array()}}),
            "/managedDataIdentifierIds: needs at least one managed data identifier id when "
            "managedDataIdentifierSelector is EXCLUDE");
  EXPECT_EQ(error_of({{"managedDataIdentifierSelector", "ALL"},
                      {"managedDataIdentifierIds", {"CREDIT_CARD_NUMBER"}}}),
            "/managedDataIdentifierIds: only allowed when managedDataIdentifierSelector is "
            "INCLUDE or EXCLUDE (it is ALL)");
  EXPECT_EQ(error_of({{"managedDataIdentifierIds", {"CREDIT_CARD_NUMBER"}}}),
            "/managedDataIdentifierIds: only allowed when managedDataIdentifierSelector is "
            "INCLUDE or EXCLUDE (it is RECOMMENDED)");
  EXPECT_EQ(error_of({{"managedDataIdentifierSelector", "INCLUDE"},
                      {"managedDataIdentifierIds", {"CREDIT_CARD_NUMBER", "NOT_A_REAL_ID_XYZ"}}}),
            "/managedDataIdentifierIds/1: unknown managed data identifier \"NOT_A_REAL_ID_XYZ\"");
  EXPECT_EQ(
      error_of({{"managedDataIdentifierSelector", "INCLUDE"},
                {"managedDataIdentifierIds",
                 {"CREDIT_CARD_NUMBER", "USA_SOCIAL_SECURITY_NUMBER", "CREDIT_CARD_NUMBER"}}}),
      "/managedDataIdentifierIds/2: \"CREDIT_CARD_NUMBER\" is listed twice");
  EXPECT_EQ(
      error_of({{"managedDataIdentifierSelector", "INCLUDE"}, {"managedDataIdentifierIds", {7}}}),
      "/managedDataIdentifierIds/0: must be a string, got number");
  EXPECT_EQ(error_of({{"managedDataIdentifierSelector", "INCLUDE"},
                      {"managedDataIdentifierIds", "CREDIT_CARD_NUMBER"}}),
            "/managedDataIdentifierIds: must be an array, got string");
}

TEST(Config, SyntaxErrorsGivePosition) {
  EXPECT_EQ(error_of_text("{\"a\": 1,\n  \"b\": x}"),
            "JSON syntax error at line 2, column 8 (byte 17): syntax error while parsing value - "
            "invalid literal; last read: '\"b\": x'");
  EXPECT_EQ(error_of_text(""),
            "JSON syntax error at line 1, column 1 (byte 1): syntax error while parsing value - "
            "unexpected end of input; expected '[', '{', or a literal");
  EXPECT_EQ(error_of_text("{\"tamis\": {}"),
            "JSON syntax error at line 1, column 13 (byte 13): syntax error while parsing object "
            "- unexpected end of input; expected '}'");
  // Malformed UTF-8 is refused by the parser, and the message stays printable.
  EXPECT_EQ(error_of_text("{\"x\": \"\xff\"}"),
            "JSON syntax error at line 1, column 8 (byte 8): syntax error while parsing value - "
            "invalid string: ill-formed UTF-8 byte; last read: '\"?'");
}

TEST(Config, RootMustBeAnObject) {
  EXPECT_EQ(error_of_text("[]"), "configuration: must be an object, got array");
  EXPECT_EQ(error_of_text("null"), "configuration: must be an object, got null");
}

TEST(Config, UnknownKeysAreRefusedEverywhere) {
  EXPECT_EQ(error_of({{"managedDataIdentifierSelecter", "ALL"}}),
            "/managedDataIdentifierSelecter: unknown key \"managedDataIdentifierSelecter\" "
            "(expected one of: managedDataIdentifierSelector, managedDataIdentifierIds, "
            "customDataIdentifiers, allowLists, tamis)");
  json custom = employee_id();
  custom["keyword"] = {"staff"};
  EXPECT_EQ(error_of({{"customDataIdentifiers", {custom}}}),
            "/customDataIdentifiers/0/keyword (custom data identifier \"EmployeeId\"): unknown "
            "key \"keyword\" (expected one of: name, description, regex, keywords, ignoreWords, "
            "maximumMatchDistance, severityLevels)");
  json level = employee_id();
  level["severityLevels"] = {{{"occurrencesThreshold", 1}, {"severity", "LOW"}, {"x", 1}}};
  EXPECT_EQ(error_of({{"customDataIdentifiers", {level}}}),
            "/customDataIdentifiers/0/severityLevels/0/x (custom data identifier \"EmployeeId\"): "
            "unknown key \"x\" (expected one of: occurrencesThreshold, severity)");
  EXPECT_EQ(error_of(with_allow_list({{"name", "l"}, {"criteria", {{"regexp", "a"}}}})),
            "/allowLists/0/criteria/regexp (allow list \"l\"): unknown key \"regexp\" (expected "
            "one of: regex, s3WordsList)");
  EXPECT_EQ(error_of({{"tamis", {{"revealValue", true}}}}),
            "/tamis/revealValue: unknown key \"revealValue\" (expected one of: "
            "includeTamisSecrets, revealValues, limits)");
  EXPECT_EQ(error_of({{"tamis", {{"limits", {{"max/Bytes~", 1}}}}}}),
            "/tamis/limits/max~1Bytes~0: unknown key \"max/Bytes~\" (expected one of: "
            "maxObjectBytes, maxOccurrencesPerType, maxMatchBytes, maxArchiveDepth, "
            "maxArchiveMembers, maxDecodedBytes, maxMemberBytes, maxExpansionRatio, "
            "maxOfficePackageBytes, maxOfficeExpansionRatio, maxEmailParts)");
}

TEST(Config, DuplicateKeysAreRefused) {
  EXPECT_EQ(error_of_text(R"({"tamis": {"revealValues": false, "revealValues": true}})"),
            "/tamis/revealValues: duplicate key \"revealValues\" (a repeated key would silently "
            "replace the first value)");
  EXPECT_EQ(error_of_text(R"({"customDataIdentifiers": [
                               {"name": "A", "regex": "a"},
                               {"name": "B", "keywords": ["x/y"], "regex": "b",
                                "severityLevels": [{"severity": "LOW", "occurrencesThreshold": 1}],
                                "regex": "c"}]})"),
            "/customDataIdentifiers/1/regex: duplicate key \"regex\" (a repeated key would "
            "silently replace the first value)");
  EXPECT_EQ(error_of_text(R"({"allowLists": [[], [{"a~b": 1, "a~b": 2}]]})"),
            "/allowLists/1/0/a~0b: duplicate key \"a~b\" (a repeated key would silently replace "
            "the first value)");
  // The same key in sibling objects is not a duplicate.
  EXPECT_EQ(error_of_text(R"({"allowLists": [{"name": "a", "texts": ["abc"]},
                                             {"name": "b", "texts": ["abc"]}]})"),
            "<ok>");
}

TEST(Config, CustomIdentifierName) {
  EXPECT_EQ(error_of(with_custom({{"regex", "a"}})),
            "/customDataIdentifiers/1: missing required key \"name\"");
  EXPECT_EQ(error_of(with_custom({{"name", ""}, {"regex", "a"}})),
            "/customDataIdentifiers/1/name (custom data identifier \"\"): name must be 1-128 "
            "characters, got 0");
  // Characters, not bytes: 128 two-byte characters fit, 129 do not.
  EXPECT_EQ(error_of(with_custom({{"name", repeat("é", 128)}, {"regex", "a"}})), "<ok>");
  const std::string long_name = repeat("é", 129);
  EXPECT_EQ(error_of(with_custom({{"name", long_name}, {"regex", "a"}})),
            "/customDataIdentifiers/1/name (custom data identifier \"" + long_name +
                "\"): name must be 1-128 characters, got 129");
  EXPECT_EQ(error_of(with_custom({{"name", 5}, {"regex", "a"}})),
            "/customDataIdentifiers/1/name: must be a string, got number");
  EXPECT_EQ(error_of(with_custom(employee_id())),
            "/customDataIdentifiers/1/name (custom data identifier \"EmployeeId\"): name is "
            "already used by /customDataIdentifiers/0");
  EXPECT_EQ(error_of(with_custom("EmployeeId")),
            "/customDataIdentifiers/1: must be an object, got string");
  EXPECT_EQ(error_of({{"customDataIdentifiers", {{"name", "x"}}}}),
            "/customDataIdentifiers: must be an array, got object");
}

TEST(Config, CustomIdentifierDescriptionAndRegex) {
  json custom = {{"name", "Badge"}, {"regex", "B-[0-9]+"}, {"description", repeat("d", 512)}};
  EXPECT_EQ(error_of(with_custom(custom)), "<ok>");
  custom["description"] = repeat("d", 513);
  EXPECT_EQ(error_of(with_custom(custom)),
            "/customDataIdentifiers/1/description (custom data identifier \"Badge\"): "
            "description must be at most 512 characters, got 513");

  EXPECT_EQ(error_of(with_custom({{"name", "Badge"}})),
            "/customDataIdentifiers/1 (custom data identifier \"Badge\"): missing required key "
            "\"regex\"");
  EXPECT_EQ(error_of(with_custom({{"name", "Badge"}, {"regex", ""}})),
            "/customDataIdentifiers/1/regex (custom data identifier \"Badge\"): regex must be "
            "1-512 characters, got 0");
  EXPECT_EQ(error_of(with_custom({{"name", "Badge"}, {"regex", repeat("a", 512)}})), "<ok>");
  EXPECT_EQ(error_of(with_custom({{"name", "Badge"}, {"regex", repeat("a", 513)}})),
            "/customDataIdentifiers/1/regex (custom data identifier \"Badge\"): regex must be "
            "1-512 characters, got 513");
  // Regexes are compiled by the engine, not here: an invalid one is accepted at this stage.
  EXPECT_EQ(error_of(with_custom({{"name", "Badge"}, {"regex", "(unclosed"}})), "<ok>");
}

TEST(Config, CustomIdentifierKeywords) {
  json custom = {{"name", "EmployeeId"},
                 {"regex", "E[0-9]+"},
                 {"keywords", {"employee", "staff", "badge", "hr"}}};
  // The example from the configuration reference: the fourth keyword is too short.
  EXPECT_EQ(error_of({{"customDataIdentifiers", {{{"name", "Other"}, {"regex", "x"}}, custom}}}),
            "/customDataIdentifiers/1/keywords/3 (custom data identifier \"EmployeeId\"): keyword "
            "must be 3-90 characters, got 2");
  custom["keywords"] = {"abc", repeat("k", 90)};
  EXPECT_EQ(error_of({{"customDataIdentifiers", {custom}}}), "<ok>");
  custom["keywords"] = {repeat("k", 91)};
  EXPECT_EQ(error_of({{"customDataIdentifiers", {custom}}}),
            "/customDataIdentifiers/0/keywords/0 (custom data identifier \"EmployeeId\"): keyword "
            "must be 3-90 characters, got 91");
  custom["keywords"] = json::array();
  for (int i = 0; i < 51; ++i) custom["keywords"].push_back("kw" + std::to_string(100 + i));
  EXPECT_EQ(error_of({{"customDataIdentifiers", {custom}}}),
            "/customDataIdentifiers/0/keywords (custom data identifier \"EmployeeId\"): at most "
            "50 keywords allowed, got 51");
  custom["keywords"].erase(50);
  EXPECT_EQ(error_of({{"customDataIdentifiers", {custom}}}), "<ok>");
  custom["keywords"] = {"staff", 3};
  EXPECT_EQ(error_of({{"customDataIdentifiers", {custom}}}),
            "/customDataIdentifiers/0/keywords/1 (custom data identifier \"EmployeeId\"): must be "
            "a string, got number");
}

TEST(Config, CustomIdentifierIgnoreWords) {
  json custom = {{"name", "EmployeeId"}, {"regex", "E[0-9]+"}, {"ignoreWords", {"E000", "E12"}}};
  EXPECT_EQ(error_of({{"customDataIdentifiers", {custom}}}),
            "/customDataIdentifiers/0/ignoreWords/1 (custom data identifier \"EmployeeId\"): "
            "ignore word must be 4-90 characters, got 3");
  custom["ignoreWords"] = {repeat("w", 91)};
  EXPECT_EQ(error_of({{"customDataIdentifiers", {custom}}}),
            "/customDataIdentifiers/0/ignoreWords/0 (custom data identifier \"EmployeeId\"): "
            "ignore word must be 4-90 characters, got 91");
  custom["ignoreWords"] = json::array();
  for (int i = 0; i < 11; ++i) custom["ignoreWords"].push_back("E00" + std::to_string(10 + i));
  EXPECT_EQ(error_of({{"customDataIdentifiers", {custom}}}),
            "/customDataIdentifiers/0/ignoreWords (custom data identifier \"EmployeeId\"): at most "
            "10 ignore words allowed, got 11");
  custom["ignoreWords"].erase(10);
  EXPECT_EQ(error_of({{"customDataIdentifiers", {custom}}}), "<ok>");
}

TEST(Config, CustomIdentifierMatchDistance) {
  const auto with_distance = [](const json& distance) {
    json custom = employee_id();
    custom["maximumMatchDistance"] = distance;
    return json{{"customDataIdentifiers", {custom}}};
  };
  EXPECT_EQ(error_of(with_distance(1)), "<ok>");
  EXPECT_EQ(error_of(with_distance(300)), "<ok>");
  const std::string prefix =
      "/customDataIdentifiers/0/maximumMatchDistance (custom data identifier \"EmployeeId\"): ";
  EXPECT_EQ(error_of(with_distance(0)), prefix + "maximumMatchDistance must be 1-300, got 0");
  EXPECT_EQ(error_of(with_distance(301)), prefix + "maximumMatchDistance must be 1-300, got 301");
  EXPECT_EQ(error_of(with_distance(-5)), prefix + "maximumMatchDistance must be 1-300, got -5");
  EXPECT_EQ(error_of(with_distance(2.5)),
            prefix + "maximumMatchDistance must be a whole number, got 2.5");
  EXPECT_EQ(error_of(with_distance("50")), prefix + "must be an integer, got string");
}

TEST(Config, CustomIdentifierSeverityLevels) {
  const auto with_levels = [](const json& levels) {
    json custom = employee_id();
    custom["severityLevels"] = levels;
    return json{{"customDataIdentifiers", {custom}}};
  };
  const auto level = [](const json& threshold, const json& severity) {
    return json{{"occurrencesThreshold", threshold}, {"severity", severity}};
  };
  const std::string owner = " (custom data identifier \"EmployeeId\"): ";
  EXPECT_EQ(error_of(with_levels({level(1, "LOW"), level(5, "MEDIUM"), level(50, "HIGH")})),
            "<ok>");
  EXPECT_EQ(error_of(with_levels(json::array())), "<ok>");
  EXPECT_EQ(error_of(with_levels(
                {level(1, "LOW"), level(5, "MEDIUM"), level(50, "HIGH"), level(60, "HIGH")})),
            "/customDataIdentifiers/0/severityLevels" + owner +
                "at most 3 severity levels allowed, got 4");
  EXPECT_EQ(error_of(with_levels(json::array({level(0, "LOW")}))),
            "/customDataIdentifiers/0/severityLevels/0/occurrencesThreshold" + owner +
                "occurrencesThreshold must be at least 1, got 0");
  EXPECT_EQ(error_of(with_levels({level(10, "LOW"), level(5, "HIGH")})),
            "/customDataIdentifiers/0/severityLevels/1/occurrencesThreshold" + owner +
                "occurrencesThreshold must be greater than the previous level's (10), got 5");
  EXPECT_EQ(error_of(with_levels({level(10, "LOW"), level(10, "HIGH")})),
            "/customDataIdentifiers/0/severityLevels/1/occurrencesThreshold" + owner +
                "occurrencesThreshold must be greater than the previous level's (10), got 10");
  EXPECT_EQ(error_of(with_levels({level(1, "HIGH"), level(5, "MEDIUM")})),
            "/customDataIdentifiers/0/severityLevels/1/severity" + owner +
                "severity must be higher than the previous level's (HIGH), got MEDIUM");
  EXPECT_EQ(error_of(with_levels({level(1, "MEDIUM"), level(5, "MEDIUM")})),
            "/customDataIdentifiers/0/severityLevels/1/severity" + owner +
                "severity must be higher than the previous level's (MEDIUM), got MEDIUM");
  EXPECT_EQ(error_of(with_levels(json::array({level(1, "CRITICAL")}))),
            "/customDataIdentifiers/0/severityLevels/0/severity" + owner +
                "unknown severity \"CRITICAL\" (expected LOW, MEDIUM or HIGH)");
  EXPECT_EQ(
      error_of(with_levels({{{"occurrencesThreshold", 1}}})),
      "/customDataIdentifiers/0/severityLevels/0" + owner + "missing required key \"severity\"");
}

TEST(Config, AllowListSources) {
  EXPECT_EQ(error_of(with_allow_list({{"name", "empty"}})),
            "/allowLists/0 (allow list \"empty\"): needs exactly one of criteria.regex, "
            "criteria.s3WordsList or texts, got none");
  EXPECT_EQ(error_of(with_allow_list({{"name", "empty"}, {"criteria", json::object()}})),
            "/allowLists/0 (allow list \"empty\"): needs exactly one of criteria.regex, "
            "criteria.s3WordsList or texts, got none");
  EXPECT_EQ(error_of(with_allow_list(
                {{"name", "both"}, {"criteria", {{"regex", "a+"}}}, {"texts", {"abc"}}})),
            "/allowLists/0 (allow list \"both\"): needs exactly one of criteria.regex, "
            "criteria.s3WordsList or texts, got criteria.regex, texts");
  EXPECT_EQ(error_of(with_allow_list(
                {{"name", "two"},
                 {"criteria", {{"regex", "a+"}, {"s3WordsList", {{"objectKey", "x.txt"}}}}}})),
            "/allowLists/0 (allow list \"two\"): needs exactly one of criteria.regex, "
            "criteria.s3WordsList or texts, got criteria.regex, criteria.s3WordsList");
  EXPECT_EQ(error_of(with_allow_list({{"texts", {"abc"}}})),
            "/allowLists/0: missing required key \"name\"");
  EXPECT_EQ(error_of({{"allowLists",
                       {{{"name", "same"}, {"texts", {"abc"}}},
                        {{"name", "same"}, {"criteria", {{"regex", "x"}}}}}}}),
            "/allowLists/1/name (allow list \"same\"): name is already used by /allowLists/0");
  EXPECT_EQ(error_of(with_allow_list({{"name", repeat("n", 129)}, {"texts", {"abc"}}})),
            "/allowLists/0/name (allow list \"" + repeat("n", 129) +
                "\"): name must be 1-128 characters, got 129");
}

TEST(Config, AllowListRegex) {
  EXPECT_EQ(error_of(with_allow_list({{"name", "r"}, {"criteria", {{"regex", ""}}}})),
            "/allowLists/0/criteria/regex (allow list \"r\"): regex must be 1-512 characters, "
            "got 0");
  EXPECT_EQ(error_of(with_allow_list({{"name", "r"}, {"criteria", {{"regex", repeat("a", 513)}}}})),
            "/allowLists/0/criteria/regex (allow list \"r\"): regex must be 1-512 characters, "
            "got 513");
}

TEST(Config, AllowListInlineTexts) {
  EXPECT_EQ(error_of(with_allow_list({{"name", "t"}, {"texts", json::array()}})),
            "/allowLists/0/texts (allow list \"t\"): needs at least 1 entry");
  EXPECT_EQ(error_of(with_allow_list({{"name", "t"}, {"texts", {"ok", ""}}})),
            "/allowLists/0/texts/1 (allow list \"t\"): entry must be 1-90 characters, got 0");
  EXPECT_EQ(error_of(with_allow_list({{"name", "t"}, {"texts", {repeat("ü", 90)}}})), "<ok>");
  EXPECT_EQ(error_of(with_allow_list({{"name", "t"}, {"texts", {repeat("ü", 91)}}})),
            "/allowLists/0/texts/0 (allow list \"t\"): entry must be 1-90 characters, got 91");
  EXPECT_EQ(error_of(with_allow_list({{"name", "t"}, {"texts", "abc"}})),
            "/allowLists/0/texts (allow list \"t\"): must be an array, got string");
  json many = json::array();
  for (int i = 0; i <= 100'000; ++i) many.push_back(std::to_string(i));
  EXPECT_EQ(error_of(with_allow_list({{"name", "t"}, {"texts", many}})),
            "/allowLists/0/texts (allow list \"t\"): at most 100000 entries allowed, got 100001");
  many.erase(many.size() - 1);
  EXPECT_EQ(error_of(with_allow_list({{"name", "t"}, {"texts", many}})), "<ok>");
}

TEST(Config, WordListFileIsReadRelativeToBaseDir) {
  TempDir dir;
  dir.write("lists/names.txt", "Akua Mansa\r\nJohn Doe\n\n\t \nJürgen Müller");
  const json config = with_allow_list(
      {{"name", "names"}, {"criteria", {{"s3WordsList", {{"objectKey", "lists/names.txt"}}}}}});
  auto parsed = parse_config(config.dump(), dir.path().string());
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->allow_lists.at(0).texts,
            (std::vector<std::string>{"Akua Mansa", "John Doe", "Jürgen Müller"}));

  // An absolute objectKey ignores base_dir.
  const std::string absolute = (dir.path() / "lists/names.txt").string();
  auto from_absolute =
      parse_config(with_allow_list({{"name", "names"},
                                    {"criteria", {{"s3WordsList", {{"objectKey", absolute}}}}}})
                       .dump(),
                   "/nonexistent");
  ASSERT_TRUE(from_absolute.ok()) << from_absolute.error().message;
  EXPECT_EQ(from_absolute->allow_lists.at(0).texts.size(), 3u);
}

TEST(Config, WordListFileErrors) {
  TempDir dir;
  const std::string base = dir.path().string();
  const auto list_at = [](const std::string& key) {
    return with_allow_list(
        {{"name", "known-ids"}, {"criteria", {{"s3WordsList", {{"objectKey", key}}}}}});
  };
  const std::string where =
      "/allowLists/0/criteria/s3WordsList/objectKey (allow list \"known-ids\"): ";

  EXPECT_EQ(error_of(list_at("missing.txt"), base),
            where + "cannot read \"" + base + "/missing.txt\": No such file or directory");

  dir.write("long.txt", "fine\n" + repeat("x", 91) + "\n");
  EXPECT_EQ(error_of(list_at("long.txt"), base),
            where + "\"" + base + "/long.txt\": line 2: entry must be 1-90 characters, got 91");

  dir.write("blank.txt", "\n\r\n  \n");
  EXPECT_EQ(error_of(list_at("blank.txt"), base),
            where + "\"" + base + "/blank.txt\": the list has no entries");

  dir.write("latin1.txt", "ok\ncaf\xe9\n");
  EXPECT_EQ(error_of(list_at("latin1.txt"), base),
            where + "\"" + base + "/latin1.txt\": line 2: entry is not valid UTF-8");

  std::string many;
  for (int i = 0; i <= 100'000; ++i) many += std::to_string(i) + "\n";
  dir.write("many.txt", many);
  EXPECT_EQ(error_of(list_at("many.txt"), base),
            where + "\"" + base + "/many.txt\": more than 100000 entries (line 100001)");

  // Exactly at the limit is fine.
  many.resize(many.rfind("100000\n"));
  dir.write("many.txt", many);
  EXPECT_EQ(error_of(list_at("many.txt"), base), "<ok>");

  const fs::path big = dir.write("big.txt", "x\n");
  fs::resize_file(big, 35ULL * 1024 * 1024 + 1);  // sparse: cheap to create
  EXPECT_EQ(error_of(list_at("big.txt"), base),
            where + "\"" + base +
                "/big.txt\": the file is 36700161 bytes, more than the 35 MB (36700160 bytes) "
                "allowed");

  EXPECT_EQ(error_of(with_allow_list({{"name", "known-ids"},
                                      {"criteria", {{"s3WordsList", {{"bucketName", "b"}}}}}}),
                     base),
            "/allowLists/0/criteria/s3WordsList (allow list \"known-ids\"): missing required key "
            "\"objectKey\"");
}

TEST(Config, TamisSection) {
  EXPECT_EQ(error_of({{"tamis", {{"revealValues", "yes"}}}}),
            "/tamis/revealValues: must be true or false, got string");
  EXPECT_EQ(error_of({{"tamis", {{"includeTamisSecrets", 1}}}}),
            "/tamis/includeTamisSecrets: must be true or false, got number");
  EXPECT_EQ(error_of({{"tamis", {{"limits", {{"maxObjectBytes", 0}}}}}}),
            "/tamis/limits/maxObjectBytes: maxObjectBytes must be at least 1, got 0");
  EXPECT_EQ(error_of({{"tamis", {{"limits", {{"maxOccurrencesPerType", 4294967296ULL}}}}}}),
            "/tamis/limits/maxOccurrencesPerType: maxOccurrencesPerType must be 1-4294967295, got "
            "4294967296");
  EXPECT_EQ(error_of({{"tamis", {{"limits", {{"maxMatchBytes", 0}}}}}}),
            "/tamis/limits/maxMatchBytes: maxMatchBytes must be 1-4294967295, got 0");
  EXPECT_EQ(error_of({{"tamis", {{"limits", {{"maxObjectBytes", 18446744073709551615ULL}}}}}}),
            "<ok>");
  EXPECT_EQ(error_of({{"tamis", true}}), "/tamis: must be an object, got boolean");
}

TEST(Config, ArchiveLimits) {
  const auto limit = [](const char* key, json value) {
    return error_of({{"tamis", {{"limits", {{key, std::move(value)}}}}}});
  };
  EXPECT_EQ(limit("maxArchiveDepth", 0), "<ok>");  // archives reported, never opened
  EXPECT_EQ(limit("maxArchiveDepth", 1000), "<ok>");
  EXPECT_EQ(limit("maxArchiveDepth", 1001),
            "/tamis/limits/maxArchiveDepth: maxArchiveDepth must be 0-1000, got 1001");
  EXPECT_EQ(limit("maxArchiveDepth", -1),
            "/tamis/limits/maxArchiveDepth: maxArchiveDepth must be 0-1000, got -1");
  EXPECT_EQ(limit("maxArchiveMembers", 0),
            "/tamis/limits/maxArchiveMembers: maxArchiveMembers must be at least 1, got 0");
  EXPECT_EQ(limit("maxArchiveMembers", 18446744073709551615ULL), "<ok>");
  EXPECT_EQ(limit("maxDecodedBytes", 0),
            "/tamis/limits/maxDecodedBytes: maxDecodedBytes must be at least 1, got 0");
  EXPECT_EQ(limit("maxDecodedBytes", 1.5),
            "/tamis/limits/maxDecodedBytes: maxDecodedBytes must be a whole number, got 1.5");
  EXPECT_EQ(limit("maxMemberBytes", 0),
            "/tamis/limits/maxMemberBytes: maxMemberBytes must be at least 1, got 0");
  EXPECT_EQ(limit("maxMemberBytes", "1G"),
            "/tamis/limits/maxMemberBytes: must be an integer, got string");
  EXPECT_EQ(limit("maxExpansionRatio", 0),
            "/tamis/limits/maxExpansionRatio: maxExpansionRatio must be 1-4294967295, got 0");
  EXPECT_EQ(limit("maxExpansionRatio", 4294967296ULL),
            "/tamis/limits/maxExpansionRatio: maxExpansionRatio must be 1-4294967295, got "
            "4294967296");
}

TEST(Config, FirstErrorInDocumentOrderIsReported) {
  // A bad custom identifier comes before a bad allow list and a bad tamis section.
  const json config = {{"tamis", {{"revealValues", 3}}},
                       {"allowLists", {{{"name", "x"}}}},
                       {"customDataIdentifiers", {{{"name", "A"}, {"regex", ""}}}}};
  EXPECT_EQ(error_of(config),
            "/customDataIdentifiers/0/regex (custom data identifier \"A\"): regex must be 1-512 "
            "characters, got 0");
}

TEST(Config, LoadConfigFile) {
  TempDir dir;
  dir.write("conf/lists/ids.txt", "ID-1\n");
  const fs::path file = dir.write(
      "conf/tamis.json",
      R"({"allowLists": [{"name": "ids", "criteria": {"s3WordsList": {"objectKey": "lists/ids.txt"}}}]})");
  auto config = load_config_file(file.string());
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->allow_lists.at(0).texts, std::vector<std::string>{"ID-1"});

  const std::string missing = (dir.path() / "nope.json").string();
  auto not_found = load_config_file(missing);
  ASSERT_FALSE(not_found.ok());
  EXPECT_EQ(not_found.error().message,
            "cannot read configuration file \"" + missing + "\": No such file or directory");

  auto directory = load_config_file(dir.path().string());
  ASSERT_FALSE(directory.ok());
  EXPECT_EQ(directory.error().message,
            "cannot read configuration file \"" + dir.path().string() + "\": it is a directory");

  const fs::path bad = dir.write("bad.json", "{\"tamis\": 1}");
  const std::string bad_path = bad.string();
  auto invalid = load_config_file(bad_path);
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().message, "\"" + bad_path + "\": /tamis: must be an object, got number");
}

}  // namespace
}  // namespace tamis
