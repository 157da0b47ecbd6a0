// What the C++ API tests share: configurations, texts, the corpus directory and an occurrence
// collector (occurrences are views valid only during the callback, so it copies them), and the
// fixture of an engine for the SSN and card identifiers with one scanner.
#ifndef TAMIS_TESTS_CXX_TEST_SUPPORT_H
#define TAMIS_TESTS_CXX_TEST_SUPPORT_H

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <tamis/tamis.hpp>
#include <vector>

namespace tamis_cxx_test {

inline constexpr std::string_view kSsnAndCardConfig =
    R"({"managedDataIdentifierSelector": "INCLUDE",
        "managedDataIdentifierIds": ["USA_SOCIAL_SECURITY_NUMBER", "CREDIT_CARD_NUMBER"]})";

// An SSN next to its keyword on line 2, a card number next to its keyword on line 3.
inline constexpr std::string_view kRecord =
    "Name: Jane Doe\n"
    "SSN: 536-22-4871\n"
    "Card number: 4329 0669 6704 9377 (exp 08/28)\n";

inline constexpr std::string_view kSsn = "USA_SOCIAL_SECURITY_NUMBER";
inline constexpr std::string_view kCard = "CREDIT_CARD_NUMBER";

inline std::filesystem::path corpus_dir() { return TAMIS_CXX_TEST_CORPUS_DIR; }

// An owned copy of the occurrence fields the tests look at.
struct Seen {
  std::string object_path;
  std::string type;
  tamis::Category category{};
  tamis::Location location{};
  std::uint64_t start = 0, end = 0, line = 0, column = 0;
  std::string text;
  std::string cell_reference;
};

inline tamis::OccurrenceCallback collect_into(std::vector<Seen>& seen) {
  return [&seen](const tamis::Occurrence& o) {
    seen.push_back(Seen{std::string(o.object_path), std::string(o.type), o.category, o.location,
                        o.start, o.end, o.line, o.column, std::string(o.text),
                        std::string(o.cell_reference)});
    return true;
  };
}

inline bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

class SsnAndCardScannerTest : public ::testing::Test {
 protected:
  tamis::Engine engine_{kSsnAndCardConfig};
  tamis::Scanner scanner_{engine_};
};

}  // namespace tamis_cxx_test

#endif  // TAMIS_TESTS_CXX_TEST_SUPPORT_H
