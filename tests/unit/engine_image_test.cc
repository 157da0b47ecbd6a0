// Engine serialisation: a loaded image scans exactly like the engine it came from, and every kind
// of bad image is refused with the right fault, never loaded as a different engine.
#include "engine/engine_image.h"

#include <gtest/gtest.h>
#include <hs/hs.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "config/config_writer.h"
#include "engine_test_support.h"
#include "match/compiled_rules.h"
#include "report/json_writer.h"

namespace tamis {
namespace {

using testing_support::custom;

constexpr std::string_view kSample =
    "Employee EMP-1234 badge\nSSN: 536-22-4871\ncard 4111 1111 1111 1111 exp 12/29\n"
    "allowed: EMP-0000\nticket TCK-123456\n";

Config rich_config() {
  Config config;  // RECOMMENDED managed identifiers
  CustomIdentifierSpec employee = custom("Employee id", "EMP-[0-9]{4}", {"employee", "badge"}, 40);
  employee.ignore_words = {"EMP-9999"};
  employee.severity_levels = {{1, Severity::kLow}, {3, Severity::kHigh}};
  // Without keywords, so its pattern is compiled into the stream database.
  config.custom_identifiers = {employee, custom("Ticket", "TCK-[0-9]{6}")};
  AllowListSpec texts;
  texts.name = "known";
  texts.texts = {"EMP-0000"};
  AllowListSpec regex;
  regex.name = "test cards";
  regex.regex = "4000[0-9 ]+";
  config.allow_lists = {texts, regex};
  config.limits.max_archive_depth = 4;
  config.reveal_values = true;
  return config;
}

std::string scan_json(const std::shared_ptr<const Engine>& engine, std::string_view text) {
  Scanner scanner(engine);
  return result_to_json(scanner.scan("sample.txt", text));
}

LoadedEngine round_trip(const Config& config) {
  const auto engine = testing_support::build_or_die(config);
  auto image = serialize_engine(*engine);
  EXPECT_TRUE(image.ok());
  return deserialize_engine(*image);
}

// Rebuilds an image with the given payload, so tests can change its inside and keep the header's
// length and checksum right (what a different build of tamis would write).
std::string with_payload(std::string image, std::string_view payload) {
  image.resize(24);
  const auto crc = static_cast<std::uint32_t>(
      crc32(0L, reinterpret_cast<const Bytef*>(payload.data()), static_cast<uInt>(payload.size())));
  for (int i = 0; i < 4; ++i) image[12 + i] = static_cast<char>((crc >> (8 * i)) & 0xFF);
  for (int i = 0; i < 8; ++i) {
    image[16 + i] =
        static_cast<char>((static_cast<std::uint64_t>(payload.size()) >> (8 * i)) & 0xFF);
  }
  image.append(payload);
  return image;
}

void replace_once(std::string& text, std::string_view from, std::string_view to) {
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
}

TEST(ConfigWriter, WrittenConfigParsesBackToTheSameConfig) {
  Config config = rich_config();
  config.selector = ManagedSelector::kExclude;
  config.managed_ids = {"USA_SOCIAL_SECURITY_NUMBER"};
  config.include_tamis_secrets = false;
  config.limits.max_email_parts = 7;
  const std::string json = config_to_json(config);
  auto parsed = parse_config(json);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message << "\n" << json;
  EXPECT_EQ(config_to_json(*parsed), json);
  EXPECT_EQ(parsed->selector, ManagedSelector::kExclude);
  EXPECT_EQ(parsed->managed_ids, config.managed_ids);
  EXPECT_FALSE(parsed->include_tamis_secrets);
  EXPECT_EQ(parsed->limits.max_email_parts, 7U);
  ASSERT_EQ(parsed->custom_identifiers.size(), 2U);
  EXPECT_EQ(parsed->custom_identifiers[0].severity_levels.size(), 2U);
  EXPECT_EQ(parsed->custom_identifiers[0].ignore_words, config.custom_identifiers[0].ignore_words);
  EXPECT_EQ(parsed->allow_lists[1].regex, config.allow_lists[1].regex);
}

TEST(ConfigWriter, AllowListFilesAreWrittenInline) {
  namespace fs = std::filesystem;
  const fs::path file = fs::temp_directory_path() / "tamis-config-writer-words.txt";
  std::ofstream(file) << "first entry\nsecond entry\n";
  auto config =
      parse_config(R"({"allowLists":[{"name":"words","criteria":{"s3WordsList":{"objectKey":")" +
                   file.string() + R"("}}}]})");
  ASSERT_TRUE(config.ok()) << config.error().message;
  fs::remove(file);
  auto again = parse_config(config_to_json(*config));
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->allow_lists.at(0).texts,
            (std::vector<std::string>{"first entry", "second entry"}));
}

TEST(EngineImage, LoadedEngineFindsExactlyWhatTheOriginalFinds) {
  const Config config = rich_config();
  const auto original = testing_support::build_or_die(config);
  LoadedEngine loaded = round_trip(config);
  ASSERT_EQ(loaded.fault, ImageFault::kNone) << loaded.message;
  const std::string expected = scan_json(original, kSample);
  EXPECT_EQ(scan_json(loaded.engine, kSample), expected);
  EXPECT_NE(expected.find("Employee id"), std::string::npos);
  EXPECT_NE(expected.find("Ticket"), std::string::npos);
  EXPECT_NE(expected.find("USA_SOCIAL_SECURITY_NUMBER"), std::string::npos);
  EXPECT_EQ(loaded.engine->config().limits.max_archive_depth, 4U);
}

TEST(EngineImage, ALoadedEngineSerialisesToTheSameBytes) {
  // Everything an image carries, the expression analyses included, is rebuilt by loading it.
  const auto engine = testing_support::build_or_die(rich_config());
  const std::string image = *serialize_engine(*engine);
  const LoadedEngine loaded = deserialize_engine(image);
  ASSERT_EQ(loaded.fault, ImageFault::kNone) << loaded.message;
  EXPECT_FALSE(loaded.engine->rules().expression_infos.empty());
  EXPECT_EQ(loaded.engine->rules().expression_infos.size(),
            engine->rules().expression_infos.size());
  EXPECT_TRUE(*serialize_engine(*loaded.engine) == image);
}

TEST(EngineImage, StartDatabasesTravelWithTheImage) {
  // A freshly built engine compiles start databases on a rule's first hit; a loaded one has them
  // all already, so the first scan of a process compiles nothing.
  const auto engine = testing_support::build_or_die(rich_config());
  for (const match::Rule& rule : engine->rules().rules) EXPECT_FALSE(rule.start->preloaded());
  const LoadedEngine loaded = deserialize_engine(*serialize_engine(*engine));
  ASSERT_EQ(loaded.fault, ImageFault::kNone) << loaded.message;
  ASSERT_FALSE(loaded.engine->rules().rules.empty());
  std::size_t anchored = 0;
  for (const match::Rule& rule : loaded.engine->rules().rules) {
    EXPECT_TRUE(rule.start->preloaded()) << rule.type;
    EXPECT_EQ(rule.start->method(),
              engine->rules().rules[&rule - loaded.engine->rules().rules.data()].start->method())
        << rule.type;
    // Anchored identifiers probe with a prefix database, which travels too.
    if (rule.anchored) {
      ++anchored;
      EXPECT_NE(rule.start->prefix_database(), nullptr) << rule.type;
    }
  }
  EXPECT_GE(anchored, 2U);
}

TEST(EngineImage, EmptyEngineAndSomModeRoundTrip) {
  Config none;
  none.selector = ManagedSelector::kNone;
  none.include_tamis_secrets = false;
  LoadedEngine empty = round_trip(none);
  ASSERT_EQ(empty.fault, ImageFault::kNone) << empty.message;
  EXPECT_EQ(scan_json(empty.engine, kSample),
            scan_json(testing_support::build_or_die(none), kSample));

  Config som = rich_config();
  som.start_offset_mode = StartOffsetMode::kSomLeftmost;
  som.decode_in_background = false;
  LoadedEngine loaded = round_trip(som);
  ASSERT_EQ(loaded.fault, ImageFault::kNone) << loaded.message;
  EXPECT_EQ(loaded.engine->config().start_offset_mode, StartOffsetMode::kSomLeftmost);
  EXPECT_FALSE(loaded.engine->config().decode_in_background);
}

TEST(EngineImage, DamagedImagesAreCorrupt) {
  const auto engine = testing_support::build_or_die(rich_config());
  const std::string image = *serialize_engine(*engine);
  EXPECT_EQ(deserialize_engine("").fault, ImageFault::kCorrupt);
  EXPECT_EQ(deserialize_engine("{\"not\": \"an engine\"}").fault, ImageFault::kCorrupt);
  EXPECT_EQ(deserialize_engine(image.substr(0, image.size() - 1)).fault, ImageFault::kCorrupt);
  EXPECT_EQ(deserialize_engine(image + "x").fault, ImageFault::kCorrupt);
  for (const std::size_t at : {std::size_t{30}, image.size() / 2, image.size() - 1}) {
    std::string flipped = image;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x20);
    const LoadedEngine loaded = deserialize_engine(flipped);
    EXPECT_EQ(loaded.fault, ImageFault::kCorrupt) << "byte " << at;
    EXPECT_NE(loaded.message.find("checksum"), std::string::npos) << loaded.message;
  }
  // A consistent checksum over a broken inside is still refused.
  const std::string payload = image.substr(24);
  EXPECT_EQ(deserialize_engine(with_payload(image, payload.substr(0, payload.size() / 2))).fault,
            ImageFault::kCorrupt);
}

TEST(EngineImage, ImagesFromOtherVersionsAreRefusedAsVersion) {
  const auto engine = testing_support::build_or_die(rich_config());
  const std::string image = *serialize_engine(*engine);
  const std::string payload = image.substr(24);

  // The formats before (no start databases; no prefix databases) and the one after are all
  // refused as versions.
  for (char format : {'\x01', '\x02', '\x04'}) {
    std::string other_format = image;
    other_format[8] = format;
    EXPECT_EQ(deserialize_engine(other_format).fault, ImageFault::kVersion);
  }

  std::string other_tamis = payload;
  replace_once(other_tamis, std::string(TAMIS_VERSION), "9.9.9");
  const LoadedEngine from_other = deserialize_engine(with_payload(image, other_tamis));
  EXPECT_EQ(from_other.fault, ImageFault::kVersion);
  EXPECT_NE(from_other.message.find("9.9.9"), std::string::npos) << from_other.message;

  std::string other_hyperscan = payload;
  std::string hs = hs_version();
  replace_once(other_hyperscan, hs, std::string(hs.size(), 'x'));
  EXPECT_EQ(deserialize_engine(with_payload(image, other_hyperscan)).fault, ImageFault::kVersion);

  // Another build compiling the same configuration to other expressions (a changed catalogue):
  // the databases no longer match what this build compiles.
  std::string other_catalogue = payload;
  replace_once(other_catalogue, "TCK-[0-9]{6}", "TCK-[0-8]{6}");
  const LoadedEngine mismatched = deserialize_engine(with_payload(image, other_catalogue));
  EXPECT_EQ(mismatched.fault, ImageFault::kVersion) << mismatched.message;
}

}  // namespace
}  // namespace tamis
