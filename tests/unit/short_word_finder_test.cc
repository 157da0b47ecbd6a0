// Short whole-word keywords found without Hyperscan: the finder must report exactly the
// occurrences a plain whole-word search reports, with every classifier this CPU runs and however
// the stream is cut into feeds.
#include "match/short_word_finder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "match/short_keyword_set.h"
#include "match/word_bytes.h"

namespace tamis::match {
namespace {

using Hits = std::vector<std::tuple<std::uint32_t, std::uint64_t, std::uint64_t>>;

const std::vector<std::string> kKeywords = {"ssn", "tin", "cf",  "ni#", "ss#", "nie", "dl#",
                                            "cc#", "pan", "sin", "dni", "ab1", "zz_"};

bool word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

unsigned char lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

// The definition: the keyword's bytes, ASCII case aside, with a word boundary on both sides as
// StreamMatcher::boundary_at draws it.
Hits reference(const std::string& text) {
  Hits out;
  for (std::size_t p = 0; p < text.size(); ++p) {
    for (std::uint32_t id = 0; id < kKeywords.size(); ++id) {
      const std::string& k = kKeywords[id];
      if (p + k.size() > text.size()) continue;
      bool same = true;
      for (std::size_t i = 0; i < k.size() && same; ++i) {
        same = lower(static_cast<unsigned char>(text[p + i])) == static_cast<unsigned char>(k[i]);
      }
      if (!same) continue;
      const bool starts = p == 0 || !word_byte(static_cast<unsigned char>(text[p - 1]));
      const std::size_t e = p + k.size();
      const bool ends = e == text.size() || !word_byte(static_cast<unsigned char>(k.back())) ||
                        !word_byte(static_cast<unsigned char>(text[e]));
      if (starts && ends) out.emplace_back(id, p, e);
    }
  }
  return out;
}

ShortKeywordSet keyword_set() {
  ShortKeywordSet set;
  for (std::uint32_t id = 0; id < kKeywords.size(); ++id) set.add(kKeywords[id], id);
  return set;
}

Hits find(const ShortKeywordSet& set, ShortWordFinder::Classify classify, const std::string& text,
          std::size_t piece) {
  ShortWordFinder finder(set, classify);
  std::vector<ShortKeywordHit> hits;
  for (std::size_t i = 0; i < text.size(); i += piece) {
    finder.feed(std::string_view(text).substr(i, piece), hits);
  }
  finder.finish(hits);
  Hits out;
  for (const ShortKeywordHit& h : hits) out.emplace_back(h.id, h.start, h.end);
  // The finder reports in order of position; the reference by position then keyword.
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return std::get<1>(a) < std::get<1>(b); });
  return out;
}

std::vector<ShortWordFinder::Classify> classifiers() {
  auto all = ShortWordFinder::supported_classifiers();
  EXPECT_GE(all.size(), 1U);
  return all;
}

TEST(ShortKeywordSet, TakesTwoOrThreeByteKeywordsThatStartWithTwoLetters) {
  EXPECT_TRUE(ShortKeywordSet::fits("cf"));
  EXPECT_TRUE(ShortKeywordSet::fits("ssn"));
  EXPECT_TRUE(ShortKeywordSet::fits("ni#"));
  EXPECT_TRUE(ShortKeywordSet::fits("ab1"));
  EXPECT_FALSE(ShortKeywordSet::fits("x"));
  EXPECT_FALSE(ShortKeywordSet::fits("visa"));  // four bytes: Hyperscan handles it well
  EXPECT_FALSE(ShortKeywordSet::fits("1ab"));   // a digit first
  EXPECT_FALSE(ShortKeywordSet::fits("a1b"));
  EXPECT_FALSE(ShortKeywordSet::fits("c.f"));  // a word of one letter first
  EXPECT_FALSE(ShortKeywordSet::fits("n o"));  // a space also matches '_', '-' or nothing
  EXPECT_FALSE(ShortKeywordSet::fits("ab "));
  EXPECT_FALSE(ShortKeywordSet::fits("n\xc2\xba"));  // "nº": not ASCII
}

TEST(ShortWordFinder, FindsWholeWordsOnlyInEitherCase) {
  const ShortKeywordSet set = keyword_set();
  const std::string text =
      "SSN: x; Ssn-tin;setting tinfoil ssn_no assn ssn2 (cf) cfo NI# ni#5 ni ss# dl#x "
      "\xc3\xa9ssn\xc3\xa9 ab1 zz_ zz_a";
  for (auto classify : classifiers()) {
    const Hits hits = find(set, classify, text, text.size());
    EXPECT_EQ(hits, reference(text));
    EXPECT_EQ(hits.size(), 11U);  // SSN Ssn tin cf NI# ni# ss# dl# ssn (between é's) ab1 zz_
  }
}

TEST(ShortWordFinder, KeywordsAtTheEdgesOfTheStream) {
  const ShortKeywordSet set = keyword_set();
  for (const std::string text : {"ssn", "cf", "ni#", "ni", "ss", "tin ", " tin", "tinx", "xtin"}) {
    for (auto classify : classifiers()) {
      EXPECT_EQ(find(set, classify, text, text.size()), reference(text)) << text;
      EXPECT_EQ(find(set, classify, text, 1), reference(text)) << text;
    }
  }
}

TEST(ShortWordFinder, EveryFeedSizeAndWindowEdgeGivesTheSameHits) {
  const ShortKeywordSet set = keyword_set();
  // Keywords at every offset from a 60-byte window edge and a feed edge.
  std::string text;
  for (int i = 0; i < 200; ++i) {
    text += std::string(static_cast<std::size_t>(i % 7), '.');
    text += kKeywords[static_cast<std::size_t>(i) % kKeywords.size()];
    text += i % 3 == 0 ? " " : (i % 3 == 1 ? "x " : ",");
  }
  const Hits expected = reference(text);
  ASSERT_GT(expected.size(), 100U);
  for (auto classify : classifiers()) {
    for (std::size_t piece : {1, 2, 3, 4, 5, 59, 60, 61, 64, 100, 4096}) {
      EXPECT_EQ(find(set, classify, text, piece), expected) << "piece " << piece;
    }
  }
}

TEST(ShortWordFinder, MatchesAPlainSearchOnRandomText) {
  const ShortKeywordSet set = keyword_set();
  std::mt19937 random(7);
  // Letters that make up the keywords, separators, digits, '_' and non-ASCII bytes.
  const std::string alphabet = "ssnnticfdlapCSNTI#_ -.1b\xc3\xa9z";
  for (int round = 0; round < 40; ++round) {
    std::string text(1 + random() % 3000, ' ');
    for (char& c : text) c = alphabet[random() % alphabet.size()];
    const Hits expected = reference(text);
    for (auto classify : classifiers()) {
      const std::size_t piece = 1 + random() % 200;
      ASSERT_EQ(find(set, classify, text, piece), expected) << "round " << round;
    }
  }
}

TEST(ShortWordFinder, EveryByteValueSeparatesWordsExactlyAsTheMatcherDefinesIt) {
  const ShortKeywordSet set = keyword_set();
  for (auto classify : classifiers()) {
    for (unsigned b = 0; b < 256; ++b) {
      const std::string around(1, static_cast<char>(b));
      const std::string text = around + "ssn" + around + std::string(70, ' ') + around + "tin";
      EXPECT_EQ(find(set, classify, text, text.size()).size(), is_word_byte(b) ? 0U : 2U)
          << "byte " << b;
    }
  }
}

TEST(ShortWordFinder, FindAllStartsAfresh) {
  const ShortKeywordSet set = keyword_set();
  ShortWordFinder finder(set);
  std::vector<ShortKeywordHit> hits;
  finder.feed("ss", hits);  // left unfinished: find_all must not see it
  finder.find_all("n", hits);
  EXPECT_TRUE(hits.empty());
  finder.find_all("SSN", hits);
  ASSERT_EQ(hits.size(), 1U);
  EXPECT_EQ(hits[0].start, 0U);
  EXPECT_EQ(hits[0].end, 3U);
}

}  // namespace
}  // namespace tamis::match
