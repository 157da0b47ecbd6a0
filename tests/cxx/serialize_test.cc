// Serialised engines: a round trip finds the same occurrences, a damaged blob is refused.
#include <gtest/gtest.h>

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "test_support.h"

namespace {

using namespace tamis_cxx_test;

std::vector<std::string> occurrence_types(const tamis::Engine& engine) {
  std::vector<std::string> types;
  tamis::Scanner scanner(engine);
  (void)scanner.scan(kRecord, "record.txt", {[&](const tamis::Occurrence& o) {
                       types.emplace_back(o.type);
                       return true;
                     }});
  return types;
}

TEST(CxxSerialize, RoundTripGivesTheSameFindings) {
  const tamis::Engine built(kSsnAndCardConfig);
  const std::vector<std::byte> blob = built.serialize();
  ASSERT_FALSE(blob.empty());
  const tamis::Engine loaded = tamis::Engine::deserialize(std::span<const std::byte>(blob));
  const std::vector<std::string> expected = occurrence_types(built);
  ASSERT_EQ(expected.size(), 2u);
  EXPECT_EQ(occurrence_types(loaded), expected);
  // The same bytes through the string_view overload.
  const std::string_view as_text(reinterpret_cast<const char*>(blob.data()), blob.size());
  EXPECT_EQ(occurrence_types(tamis::Engine::deserialize(as_text)), expected);
}

TEST(CxxSerialize, DamagedBlobThrowsDatabaseCorrupt) {
  std::vector<std::byte> blob = tamis::Engine(kSsnAndCardConfig).serialize();
  ASSERT_GT(blob.size(), 16u);
  blob[blob.size() / 2] ^= std::byte{0x5a};
  try {
    (void)tamis::Engine::deserialize(std::span<const std::byte>(blob));
    FAIL() << "a damaged blob was loaded";
  } catch (const tamis::DatabaseError& e) {
    EXPECT_EQ(e.status(), TAMIS_E_DB_CORRUPT) << e.what();
    EXPECT_NE(std::string(e.what()), "");
  }
}

TEST(CxxSerialize, TruncatedAndForeignBlobsThrowDatabaseCorrupt) {
  const std::vector<std::byte> blob = tamis::Engine(kSsnAndCardConfig).serialize();
  const std::span<const std::byte> half(blob.data(), blob.size() / 2);
  try {
    (void)tamis::Engine::deserialize(half);
    FAIL() << "a truncated blob was loaded";
  } catch (const tamis::DatabaseError& e) {
    EXPECT_EQ(e.status(), TAMIS_E_DB_CORRUPT) << e.what();
  }
  try {
    (void)tamis::Engine::deserialize(std::string_view("not an engine at all"));
    FAIL() << "a foreign blob was loaded";
  } catch (const tamis::DatabaseError& e) {
    EXPECT_EQ(e.status(), TAMIS_E_DB_CORRUPT) << e.what();
  }
}

}  // namespace
