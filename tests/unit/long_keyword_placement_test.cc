// Managed keywords of four bytes or more are found at word starts by the word finder on CPUs where
// that is faster (match/long_keyword_set.h), by the stream database elsewhere. That must change no
// finding: every managed identifier is run both ways over seeded text built from the corpus's
// labelled cases and the catalogue's keywords, spelled with every separator, glued to other
// words, in both cases and cut short; whole, in small feeds, as cells under keyword columns and in
// start-of-match mode, every occurrence must agree.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "engine_test_support.h"
#include "match/compiled_rules.h"

namespace tamis {
namespace {

namespace fs = std::filesystem;
using testing_support::expect_same_results;
using testing_support::scan_in_chunks;

fs::path source_dir() { return fs::path(TAMIS_SOURCE_DIR); }

// The text of every labelled case, true and false (corpus/README.md), escapes left as they are.
std::vector<std::string> corpus_cases() {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(source_dir() / "corpus" / "identifiers")) {
    if (entry.path().extension() != ".cases") continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      if (line.size() < 3 || (line[0] != '+' && line[0] != '-')) continue;
      out.push_back(line.substr(
          2, line.find('\t') == std::string::npos ? std::string::npos : line.find('\t') - 2));
    }
  }
  return out;
}

std::shared_ptr<const Engine> engine(match::LongKeywordPlacement placement,
                                     StartOffsetMode mode = StartOffsetMode::kRecoverOnHit,
                                     std::vector<std::string> only = {}) {
  Config config;
  config.selector = only.empty() ? ManagedSelector::kAll : ManagedSelector::kInclude;
  config.include_tamis_secrets = only.empty();
  config.managed_ids = std::move(only);
  config.reveal_values = true;
  config.start_offset_mode = mode;
  config.limits.max_occurrences_per_type = 100000;
  auto built = Engine::build(config, BuildOptions{.long_keywords = placement});
  EXPECT_TRUE(built.ok()) << (built.ok() ? "" : built.error().message);
  return built.ok() ? *built : nullptr;
}

class Text {
 public:
  Text(std::uint32_t seed, const std::vector<std::string>& cases,
       const std::vector<std::string>& keywords)
      : random_(seed), cases_(cases), keywords_(keywords) {}

  std::string build(std::size_t pieces) {
    std::string out;
    for (std::size_t i = 0; i < pieces; ++i) {
      switch (pick(4)) {
        case 0:
        case 1:
          out += cases_[pick(cases_.size())];
          break;
        case 2:
          out += keyword();
          out += pick_of({" ", ": ", "=", "_", "-", "", "\n", " no. ", "x"});
          {
            const std::string& value = cases_[pick(cases_.size())];
            out.append(value, std::min(pick(8), value.size()));
          }
          break;
        default:
          out +=
              pick_of({"the", "number", "id", "x", "\xc3\xa9", "1", "_", "-", "\"", "N\xc2\xb0"});
          break;
      }
      out += pick_of({" ", " ", "\n", "", "\t", ", ", "_", "-"});
    }
    return out;
  }

 private:
  std::size_t pick(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_);
  }

  const char* pick_of(std::initializer_list<const char*> options) {
    return *(options.begin() + pick(options.size()));
  }

  // A catalogue keyword as text writes it, or nearly.
  std::string keyword() {
    std::string k = keywords_[pick(keywords_.size())];
    for (char& c : k) {
      if (c == ' ') c = *pick_of({" ", "_", "-", "\t"});
      if (c >= 'a' && c <= 'z' && pick(3) == 0) c = static_cast<char>(c - 32);
    }
    // Appended, not `+`: GCC 12 raises a false -Wrestrict on string concatenation here.
    switch (pick(8)) {
      case 0:
        k.insert(k.begin(), 'x');  // inside a word
        return k;
      case 1:
        k.push_back('s');
        return k;
      case 2:
        return k.substr(0, k.size() - 1);  // cut short, maybe inside a UTF-8 sequence
      case 3: {
        std::string glued;
        for (char c : k) {
          if (c != ' ' && c != '_' && c != '-') glued += c;
        }
        return glued;
      }
      default:
        return k;
    }
  }

  std::mt19937 random_;
  const std::vector<std::string>& cases_;
  const std::vector<std::string>& keywords_;
};

TEST(LongKeywordPlacement, TheWordFinderFindsExactlyWhatTheStreamDatabaseFinds) {
  auto words = engine(match::LongKeywordPlacement::kWords);
  auto stream = engine(match::LongKeywordPlacement::kHyperscan);
  ASSERT_NE(words, nullptr);
  ASSERT_NE(stream, nullptr);
  ASSERT_FALSE(words->rules().long_keywords.empty());
  ASSERT_TRUE(stream->rules().long_keywords.empty());
  const std::vector<std::string> cases = corpus_cases();
  ASSERT_GT(cases.size(), 500U);
  const std::vector<std::string>& keywords = words->rules().keywords;
  Scanner a(words);
  Scanner b(stream);
  for (std::uint32_t seed = 1; seed <= 3; ++seed) {
    const std::string text = Text(seed, cases, keywords).build(3000);
    const ObjectResult whole = a.scan("mem", text);
    // Not a comparison of two empty results: keyword-bound identifiers of many kinds are found.
    std::size_t gated_types = 0;
    std::size_t gated_occurrences = 0;
    for (const Detection& d : whole.detections) {
      for (const match::Rule& rule : words->rules().rules) {
        if (rule.type != d.type || rule.proximity != match::Proximity::kEitherSide) continue;
        ++gated_types;
        gated_occurrences += d.occurrences.size();
      }
    }
    EXPECT_GE(gated_types, 30U) << "seed " << seed;
    EXPECT_GE(gated_occurrences, 200U) << "seed " << seed;
    expect_same_results(whole, b.scan("mem", text), "whole, seed " + std::to_string(seed));
    for (std::size_t chunk : {1, 7, 64, 1000}) {
      const std::string how = "chunk " + std::to_string(chunk) + ", seed " + std::to_string(seed);
      expect_same_results(scan_in_chunks(a, text, chunk), whole, how);
    }
    // Column names that are keywords, glued ones and others: names reach the finder whole.
    auto column = [&](std::uint64_t row) {
      return row % 3 == 0 ? std::string("notes") : keywords[(row * 7 + seed) % keywords.size()];
    };
    expect_same_results(testing_support::scan_as_cells(a, text, column),
                        testing_support::scan_as_cells(b, text, column),
                        "cells, seed " + std::to_string(seed));
  }
}

// A keyword's hit comes from the word finder up to kWordKeywordLag bytes late, and the text its
// region reaches back to must still be there: with four-byte characters the keyword distance in
// bytes has no slack left. Two narrow identifiers alone, so that no wide one keeps a long history,
// one of them with a keyword of 40 bytes: the finder waits for that many behind every word.
TEST(LongKeywordPlacement, LateKeywordsStillSeeTheirWholeRegion) {
  const std::vector<std::string> only = {"USA_PASSPORT_NUMBER", "SPAIN_NIE_NUMBER"};
  auto words = engine(match::LongKeywordPlacement::kWords, StartOffsetMode::kRecoverOnHit, only);
  auto stream =
      engine(match::LongKeywordPlacement::kHyperscan, StartOffsetMode::kRecoverOnHit, only);
  ASSERT_NE(words, nullptr);
  ASSERT_NE(stream, nullptr);
  const std::string emoji = "\xf0\x9f\x98\x80";
  std::string text;
  for (int gap = 20; gap <= 31; ++gap) {
    std::string between;
    for (int i = 0; i < gap; ++i) between += emoji;
    for (const char* keyword : {"passport number", "us passport", "numéro de passeport"}) {
      text += "A43628159 ";
      text += between;
      text += keyword;
      text += "\n";
      text += keyword;
      text += between;
      text += " 534817206\n";
    }
  }
  Scanner a(words);
  Scanner b(stream);
  const ObjectResult expected = b.scan("mem", text);
  const Detection* passports = testing_support::find_detection(expected, "USA_PASSPORT_NUMBER");
  ASSERT_NE(passports, nullptr);
  EXPECT_GE(passports->occurrences.size(), 20U);
  for (std::size_t chunk : {1, 3, 16, 64, 100000}) {
    expect_same_results(scan_in_chunks(a, text, chunk), expected, "chunk " + std::to_string(chunk));
  }
}

TEST(LongKeywordPlacement, SomLeftmostModeAgreesToo) {
  auto words = engine(match::LongKeywordPlacement::kWords, StartOffsetMode::kSomLeftmost);
  auto stream = engine(match::LongKeywordPlacement::kHyperscan);
  ASSERT_NE(words, nullptr);
  ASSERT_NE(stream, nullptr);
  const std::vector<std::string> cases = corpus_cases();
  Scanner a(words);
  Scanner b(stream);
  const std::string text = Text(17, cases, words->rules().keywords).build(3000);
  const ObjectResult result = a.scan("mem", text);
  EXPECT_GE(result.detections.size(), 20U);
  expect_same_results(result, b.scan("mem", text), "som");
}

}  // namespace
}  // namespace tamis
