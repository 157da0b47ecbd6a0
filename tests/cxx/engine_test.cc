// Engine construction, configuration errors, the library version and move-only ownership.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <type_traits>

#include "test_support.h"

namespace {

using namespace tamis_cxx_test;

// Ownership is unique: copying would double-free the C handle; moving must never throw so the
// types can live in standard containers that move on growth.
static_assert(!std::is_copy_constructible_v<tamis::Engine> &&
              !std::is_copy_assignable_v<tamis::Engine>);
static_assert(!std::is_copy_constructible_v<tamis::Scanner> &&
              !std::is_copy_assignable_v<tamis::Scanner>);
static_assert(!std::is_copy_constructible_v<tamis::Results> &&
              !std::is_copy_assignable_v<tamis::Results>);
static_assert(!std::is_copy_constructible_v<tamis::Stream> &&
              !std::is_copy_assignable_v<tamis::Stream>);
static_assert(std::is_nothrow_move_constructible_v<tamis::Engine> &&
              std::is_nothrow_move_assignable_v<tamis::Engine>);
static_assert(std::is_nothrow_move_constructible_v<tamis::Scanner> &&
              std::is_nothrow_move_assignable_v<tamis::Scanner>);
static_assert(std::is_nothrow_move_constructible_v<tamis::Results> &&
              std::is_nothrow_move_assignable_v<tamis::Results>);
static_assert(std::is_nothrow_move_constructible_v<tamis::Stream> &&
              std::is_nothrow_move_assignable_v<tamis::Stream>);
// Callers catch the whole family as tamis::Error or as std::runtime_error.
static_assert(std::is_base_of_v<std::runtime_error, tamis::Error>);
static_assert(std::is_base_of_v<tamis::Error, tamis::ConfigError>);
static_assert(std::is_base_of_v<tamis::Error, tamis::IoError>);
static_assert(std::is_base_of_v<tamis::Error, tamis::DatabaseError>);
static_assert(std::is_base_of_v<tamis::Error, tamis::InvalidArgumentError>);
static_assert(std::is_base_of_v<tamis::Error, tamis::UnsupportedError>);

TEST(CxxEngine, VersionIsTheHeadersVersion) {
  const std::string expected = std::to_string(TAMIS_VERSION_MAJOR) + "." +
                               std::to_string(TAMIS_VERSION_MINOR) + "." +
                               std::to_string(TAMIS_VERSION_PATCH);
  EXPECT_EQ(tamis::version(), expected);
  EXPECT_EQ(tamis::version_number(), static_cast<std::uint32_t>(TAMIS_VERSION_NUMBER));
}

TEST(CxxEngine, DefaultConfigurationFindsAnSsn) {
  const tamis::Engine engine;
  ASSERT_NE(engine.native_handle(), nullptr);
  tamis::Scanner scanner = engine.scanner();
  const tamis::Results results = scanner.scan(kRecord, "record.txt");
  ASSERT_EQ(results.size(), 1u);
  EXPECT_TRUE(contains(results.json(0), kSsn));
}

TEST(CxxEngine, ConfigurationRestrictsTheIdentifiers) {
  const tamis::Engine engine(
      R"({"managedDataIdentifierSelector": "INCLUDE",
          "managedDataIdentifierIds": ["CREDIT_CARD_NUMBER"]})");
  tamis::Scanner scanner(engine);
  const tamis::Results results = scanner.scan(kRecord, "record.txt");
  ASSERT_EQ(results.size(), 1u);
  EXPECT_TRUE(contains(results.json(0), kCard));
  EXPECT_FALSE(contains(results.json(0), kSsn));
}

TEST(CxxEngine, InvalidJsonThrowsConfigErrorWithTheParsersMessage) {
  try {
    tamis::Engine engine(R"({"managedDataIdentifierSelector": )");
    FAIL() << "an invalid configuration built an engine";
  } catch (const tamis::ConfigError& e) {
    EXPECT_EQ(e.status(), TAMIS_E_CONFIG);
    EXPECT_EQ(e.status_name(), "TAMIS_E_CONFIG");
    EXPECT_NE(std::string(e.what()), "");
  }
}

TEST(CxxEngine, UnknownSelectorNamesTheField) {
  try {
    tamis::Engine engine(R"({"managedDataIdentifierSelector": "SOMETIMES"})");
    FAIL() << "an unknown selector built an engine";
  } catch (const tamis::Error& e) {  // caught through the base class
    EXPECT_EQ(e.status(), TAMIS_E_CONFIG);
    EXPECT_TRUE(contains(e.what(), "managedDataIdentifierSelector")) << e.what();
  }
}

TEST(CxxEngine, MovedEngineKeepsWorkingAndTheSourceIsEmpty) {
  tamis::Engine first(kSsnAndCardConfig);
  const tamis_engine* handle = first.native_handle();
  tamis::Engine second(std::move(first));
  EXPECT_EQ(second.native_handle(), handle);
  EXPECT_EQ(first.native_handle(), nullptr);  // NOLINT(bugprone-use-after-move): checked on purpose
  tamis::Engine third;
  third = std::move(second);
  EXPECT_EQ(third.native_handle(), handle);
  EXPECT_TRUE(contains(third.scanner().scan(kRecord).json(0), kCard));
}

TEST(CxxEngine, MovedFromEngineGivesAClearError) {
  tamis::Engine engine(kSsnAndCardConfig);
  tamis::Engine taken(std::move(engine));
  EXPECT_THROW(engine.scanner(), tamis::InvalidArgumentError);  // NOLINT(bugprone-use-after-move)
  EXPECT_THROW(engine.serialize(), tamis::InvalidArgumentError);
}

TEST(CxxEngine, ScannerOutlivesItsEngine) {
  std::optional<tamis::Scanner> scanner;
  {
    const tamis::Engine engine(kSsnAndCardConfig);
    scanner.emplace(engine);
  }
  EXPECT_TRUE(contains(scanner->scan(kRecord).json(0), kSsn));
}

}  // namespace
