// Proximity regions are sized in characters, walking the text (match/text_window.h), not as
// distance * 4 bytes: these pin the exact 30-character edge of managed keywords on both sides,
// with multi-byte characters in the gap and with the gap split across chunks.
#include <gtest/gtest.h>

#include <string>

#include "engine_test_support.h"
#include "match/text_window.h"

namespace tamis {
namespace {

using testing_support::build_or_die;
using testing_support::find_detection;
using testing_support::scan_in_chunks;

TEST(TextWindowReach, BackAndForwardCountCharactersAcrossRetainedAndChunk) {
  match::TextWindow window;
  const std::string first =
      "ab\xC3\xA9"
      "cd";  // a b é c d: 6 bytes, 5 characters
  window.push_chunk(first);
  window.commit(0);  // all of it retained
  const std::string second =
      "\xC3\xA9"
      "fgh";  // é f g h: 5 bytes, 4 characters
  window.push_chunk(second);
  // [p, 11) holding 3 characters ("fgh"): the lowest such p also takes the trailing byte of the
  // é before, which starts no character.
  EXPECT_EQ(window.back_by_chars(11, 3), 7U);
  // 4 characters reach back over the two-byte é of the chunk, to 6.
  EXPECT_EQ(window.back_by_chars(11, 4), 6U);
  // 7 characters cross into the retained bytes: c d é(2 bytes) ... -> 2 (the first é).
  EXPECT_EQ(window.back_by_chars(11, 7), 2U);
  // Beyond the window's start: the start.
  EXPECT_EQ(window.back_by_chars(11, 50), 0U);

  // [0, q) holding 2 characters ends where the third starts, the é at 2.
  EXPECT_EQ(window.forward_by_chars(0, 2), 2U);
  // 3 characters from 0: a b é -> q = 4 (after the two bytes of é).
  EXPECT_EQ(window.forward_by_chars(0, 3), 4U);
  // From the retained part into the chunk: c d é f -> the g at 9.
  EXPECT_EQ(window.forward_by_chars(4, 4), 9U);
  // Not enough bytes yet to tell: the widest n characters can be.
  EXPECT_EQ(window.forward_by_chars(8, 10), 8U + 40U);
}

class ManagedProximityEdge : public ::testing::Test {
 protected:
  void SetUp() override {
    Config config;
    config.selector = ManagedSelector::kInclude;
    config.managed_ids = {"USA_SOCIAL_SECURITY_NUMBER"};
    config.reveal_values = true;
    engine_ = build_or_die(config);
    ASSERT_NE(engine_, nullptr);
  }

  // Found when scanned whole and in 1-, 3- and 64-byte chunks alike; returns the count or -1 when
  // the ways disagree.
  int count(const std::string& text) {
    Scanner scanner(engine_);
    int seen = -2;
    for (std::size_t chunk : {text.size(), std::size_t{1}, std::size_t{3}, std::size_t{64}}) {
      const ObjectResult result = scan_in_chunks(scanner, text, chunk);
      const Detection* d = find_detection(result, "USA_SOCIAL_SECURITY_NUMBER");
      const int n = d == nullptr ? 0 : static_cast<int>(d->count);
      if (seen != -2 && seen != n) return -1;
      seen = n;
    }
    return seen;
  }

  std::shared_ptr<const Engine> engine_;
};

std::string repeat(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out.append(piece);
  return out;
}

TEST_F(ManagedProximityEdge, KeywordBeforeTheValueReachesExactlyThirtyCharacters) {
  // "ssn" + gap + value: the gap counts 30 characters at most (reference/macie.md §1.2). é is
  // two bytes but one character, and not a word byte, so both stay whole words.
  EXPECT_EQ(count("ssn " + repeat("\xC3\xA9", 28) + " 536-22-1849"), 1);  // 30 characters
  EXPECT_EQ(count("ssn " + repeat("\xC3\xA9", 29) + " 536-22-1849"), 0);  // 31 characters
  EXPECT_EQ(count("ssn" + repeat(" ", 30) + "536-22-1849"), 1);
  EXPECT_EQ(count("ssn" + repeat(" ", 31) + "536-22-1849"), 0);
}

TEST_F(ManagedProximityEdge, KeywordAfterTheValueReachesExactlyThirtyCharacters) {
  EXPECT_EQ(count("536-22-1849 " + repeat("\xC3\xA9", 28) + " ssn"), 1);
  EXPECT_EQ(count("536-22-1849 " + repeat("\xC3\xA9", 29) + " ssn"), 0);
  EXPECT_EQ(count("536-22-1849" + repeat(" ", 30) + "SSN"), 1);
  EXPECT_EQ(count("536-22-1849" + repeat(" ", 31) + "SSN"), 0);
}

TEST_F(ManagedProximityEdge, FourByteCharactersInTheGapCountOnce) {
  // U+1F600 is four bytes: 30 of them are 120 bytes, still 30 characters.
  const std::string emoji = "\xF0\x9F\x98\x80";
  EXPECT_EQ(count("ssn" + repeat(emoji, 30) + "536-22-1849"), 1);
  EXPECT_EQ(count("ssn" + repeat(emoji, 31) + "536-22-1849"), 0);
  EXPECT_EQ(count("536-22-1849" + repeat(emoji, 30) + "ssn"), 1);
  EXPECT_EQ(count("536-22-1849" + repeat(emoji, 31) + "ssn"), 0);
}

TEST_F(ManagedProximityEdge, ShortKeywordsCountOnlyAsWholeWords) {
  // "ssn" and "ss#" are found without Hyperscan (match/word_keyword_finder.h): the same whole-word
  // rule, in any case, however the text is cut.
  EXPECT_EQ(count("(SSN) 536-22-1849"), 1);
  EXPECT_EQ(count("Ssn:536-22-1849"), 1);
  EXPECT_EQ(count("ss# 536-22-1849"), 1);
  EXPECT_EQ(count("\xC3\xA9ssn\xC3\xA9 536-22-1849"), 1);  // é is not a word byte
  EXPECT_EQ(count("assn 536-22-1849"), 0);
  EXPECT_EQ(count("ssn2 536-22-1849"), 0);
  EXPECT_EQ(count("xss# 536-22-1849"), 0);
  EXPECT_EQ(count("536-22-1849 ssnx"), 0);
}

TEST(ShortKeywords, AKeywordACustomIdentifierSharesStillCountsInsideWords) {
  // A custom identifier's keyword counts anywhere (reference/macie.md §2), so a keyword it shares
  // with a managed identifier stays in Hyperscan; the managed one still wants a whole word.
  Config config;
  config.selector = ManagedSelector::kInclude;
  config.managed_ids = {"USA_SOCIAL_SECURITY_NUMBER"};
  config.custom_identifiers = {testing_support::custom("Badge", "K[0-9]{4}", {"ssn"}, 20)};
  config.reveal_values = true;
  auto engine = build_or_die(config);
  ASSERT_NE(engine, nullptr);
  Scanner scanner(engine);
  const std::string text = "assn K1234 and assn 536-22-1849\n";
  for (std::size_t chunk : {text.size(), std::size_t{1}, std::size_t{4}}) {
    const ObjectResult result = scan_in_chunks(scanner, text, chunk);
    const Detection* badge = find_detection(result, "Badge");
    ASSERT_NE(badge, nullptr) << "chunk " << chunk;
    EXPECT_EQ(badge->count, 1U);
    EXPECT_EQ(find_detection(result, "USA_SOCIAL_SECURITY_NUMBER"), nullptr) << "chunk " << chunk;
  }
}

}  // namespace
}  // namespace tamis
