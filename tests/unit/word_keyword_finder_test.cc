// Managed keywords found as whole words without Hyperscan's stream database: the finder must report
// exactly the occurrences the definition gives, with every classifier this CPU runs and however
// the stream is cut into feeds. The definition is checked with Hyperscan itself: each keyword's
// expression, anchored at every word start, and the end of each match at a word boundary.
#include "match/word_keyword_finder.h"

#include <gtest/gtest.h>
#include <hs/hs.h>

#include <algorithm>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "match/hs_handles.h"
#include "match/keyword_expression.h"
#include "match/long_keyword_set.h"
#include "match/short_keyword_set.h"
#include "match/word_bytes.h"

namespace tamis::match {
namespace {

using Hits =
    std::vector<std::tuple<std::uint64_t, std::uint32_t, std::uint64_t>>;  // start, id, end

// Short keywords, then long ones with separators, a literal '-' before a separator, non-ASCII
// letters and signs among the first four bytes, digits, and keywords inside others.
const std::vector<std::string> kKeywords = {"ssn",
                                            "tin",
                                            "cf",
                                            "ni#",
                                            "ss#",
                                            "nie",
                                            "dl#",
                                            "cc#",
                                            "pan",
                                            "sin",
                                            "dni",
                                            "ab1",
                                            "zz_",
                                            "card",
                                            "cards",
                                            "card no",
                                            "card number",
                                            "credit card",
                                            "visa",
                                            "passport",
                                            "lic#",
                                            "iso 7813",
                                            "track 1",
                                            "ab- cd",
                                            "numéro",
                                            "n° sécu",
                                            "tax file",
                                            "file no",
                                            "tax file number",
                                            "4digit",
                                            "número de la seguridad social"};

class Reference {
 public:
  explicit Reference(const std::vector<std::string>& keywords) {
    std::vector<std::string> expressions;
    for (const std::string& k : keywords)
      expressions.push_back("^(?:" + keyword_expression(k) + ")");
    std::vector<const char*> texts;
    std::vector<unsigned> flags;
    std::vector<unsigned> ids;
    for (std::size_t i = 0; i < expressions.size(); ++i) {
      texts.push_back(expressions[i].c_str());
      flags.push_back(HS_FLAG_CASELESS);
      ids.push_back(static_cast<unsigned>(i));
    }
    hs_database_t* db = nullptr;
    hs_compile_error_t* error = nullptr;
    EXPECT_EQ(
        hs_compile_multi(texts.data(), flags.data(), ids.data(),
                         static_cast<unsigned>(texts.size()), HS_MODE_BLOCK, nullptr, &db, &error),
        HS_SUCCESS);
    HsCompileError error_owner(error);
    db_.reset(db);
    hs_scratch_t* scratch = nullptr;
    EXPECT_EQ(hs_alloc_scratch(db, &scratch), HS_SUCCESS);
    scratch_.reset(scratch);
  }

  // Every match of a keyword that starts a word and ends at a word boundary.
  Hits hits(const std::string& text) const {
    struct Context {
      const std::string* text;
      std::size_t start;
      Hits* out;
    };
    Hits out;
    for (std::size_t s = 0; s < text.size(); ++s) {
      if (s > 0 && is_word_byte(static_cast<unsigned char>(text[s - 1]))) continue;
      Context context{&text, s, &out};
      hs_scan(
          db_.get(), text.data() + s, static_cast<unsigned>(text.size() - s), 0, scratch_.get(),
          [](unsigned id, unsigned long long, unsigned long long to, unsigned, void* c) {
            auto& ctx = *static_cast<Context*>(c);
            const std::string& t = *ctx.text;
            const std::size_t e = ctx.start + to;
            const bool ends = e == t.size() ||
                              !is_word_byte(static_cast<unsigned char>(t[e - 1])) ||
                              !is_word_byte(static_cast<unsigned char>(t[e]));
            if (ends) ctx.out->emplace_back(ctx.start, id, e);
            return 0;
          },
          &context);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  HsDatabase db_;
  HsScratch scratch_;
};

struct Sets {
  ShortKeywordSet short_set;
  LongKeywordSet long_set;
};

Sets keyword_sets(const std::vector<std::string>& keywords) {
  Sets sets;
  std::vector<LongKeywordSet::Keyword> long_keywords;
  for (std::uint32_t id = 0; id < keywords.size(); ++id) {
    if (!sets.short_set.add(keywords[id], id)) {
      EXPECT_TRUE(LongKeywordSet::fits(keywords[id])) << keywords[id];
      long_keywords.push_back({keywords[id], id});
    }
  }
  sets.long_set = LongKeywordSet(long_keywords);
  return sets;
}

Hits find(const Sets& sets, WordKeywordFinder::Classify classify, const std::string& text,
          std::size_t piece) {
  WordKeywordFinder finder(sets.short_set, sets.long_set, classify);
  std::vector<WordKeywordHit> hits;
  for (std::size_t i = 0; i < text.size(); i += piece) {
    finder.feed(std::string_view(text).substr(i, piece), hits);
  }
  finder.finish(hits);
  Hits out;
  for (const WordKeywordHit& h : hits) out.emplace_back(h.start, h.id, h.end);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<WordKeywordFinder::Classify> classifiers() {
  auto all = WordKeywordFinder::supported_classifiers();
  EXPECT_GE(all.size(), 1U);
  return all;
}

TEST(ShortKeywordSet, TakesTwoOrThreeByteKeywordsThatStartWithTwoLetters) {
  EXPECT_TRUE(ShortKeywordSet::fits("cf"));
  EXPECT_TRUE(ShortKeywordSet::fits("ssn"));
  EXPECT_TRUE(ShortKeywordSet::fits("ni#"));
  EXPECT_TRUE(ShortKeywordSet::fits("ab1"));
  EXPECT_FALSE(ShortKeywordSet::fits("x"));
  EXPECT_FALSE(ShortKeywordSet::fits("visa"));  // four bytes: a long keyword
  EXPECT_FALSE(ShortKeywordSet::fits("1ab"));   // a digit first
  EXPECT_FALSE(ShortKeywordSet::fits("a1b"));
  EXPECT_FALSE(ShortKeywordSet::fits("c.f"));  // a word of one letter first
  EXPECT_FALSE(ShortKeywordSet::fits("n o"));  // a space also matches '_', '-' or nothing
  EXPECT_FALSE(ShortKeywordSet::fits("ab "));
  EXPECT_FALSE(ShortKeywordSet::fits("n\xc2\xba"));  // "nº": not ASCII
}

TEST(LongKeywordSet, TakesKeywordsOfFourBytesOrMoreThatStartWords) {
  EXPECT_TRUE(LongKeywordSet::fits("visa"));
  EXPECT_TRUE(LongKeywordSet::fits("card number"));
  EXPECT_TRUE(LongKeywordSet::fits("4digit"));
  EXPECT_TRUE(LongKeywordSet::fits("n\xc2\xba dni"));  // "nº dni"
  EXPECT_TRUE(LongKeywordSet::fits("lic#"));
  EXPECT_TRUE(LongKeywordSet::fits(std::string(LongKeywordSet::kMaxKeywordBytes, 'a')));
  EXPECT_FALSE(LongKeywordSet::fits(std::string(LongKeywordSet::kMaxKeywordBytes + 1, 'a')));
  EXPECT_FALSE(LongKeywordSet::fits("ssn"));
  EXPECT_FALSE(LongKeywordSet::fits("ab c"));   // "abc" is three bytes
  EXPECT_FALSE(LongKeywordSet::fits("#card"));  // a sign first: its matches need not start words
  EXPECT_FALSE(LongKeywordSet::fits("_card"));
  EXPECT_FALSE(LongKeywordSet::fits("\xc3\xa9tat"));  // "état": not ASCII first
  EXPECT_FALSE(LongKeywordSet::fits(""));
}

TEST(WordKeywordFinder, FindsWholeWordsOnlyInEitherCase) {
  const Sets sets = keyword_sets(kKeywords);
  const Reference reference(kKeywords);
  const std::string text =
      "SSN: x; Ssn-tin;setting tinfoil ssn_no assn ssn2 (cf) cfo NI# ni#5 ni ss# dl#x "
      "\xc3\xa9ssn\xc3\xa9 ab1 zz_ zz_a. CARD-Number, card_no cardno cards xcard card5 "
      "Credit Card: creditcard; VISA visas LIC#1 iso-7813 ISO7813 track 1 track_12 ab--cd ab-cd "
      "NUM\xc3\x89RO num\xc3\xa9ro numero N\xc2\xb0 S\xc3\x89"
      "CU n\xc2\xb0_s\xc3\xa9"
      "cu "
      "tax file number taxfile_no 4digit 4digits";
  for (auto classify : classifiers()) {
    const Hits hits = find(sets, classify, text, text.size());
    EXPECT_EQ(hits, reference.hits(text));
    // SSN Ssn tin cf NI# ni# ss# dl# ssn ab1 zz_ CARD CARD-Number card_no cardno cards
    // Credit Card, Card, creditcard VISA LIC# iso-7813 ISO7813 track 1 ab--cd ab-cd NUMÉRO numéro
    // N° SÉCU n°_sécu, tax file, tax file number 4digit
    EXPECT_EQ(hits.size(), 33U);
  }
}

TEST(WordKeywordFinder, KeywordsAtTheEdgesOfTheStream) {
  const Sets sets = keyword_sets(kKeywords);
  const Reference reference(kKeywords);
  for (const std::string text :
       {"ssn", "cf", "ni#", "ni", "ss", "tin ", " tin", "tinx", "xtin", "card", "card ", " card",
        "card number", "card numbe", "cardx", "visa", "vis", "lic#",
        "n\xc2\xb0 s\xc3\xa9"
        "cu"}) {
    for (auto classify : classifiers()) {
      EXPECT_EQ(find(sets, classify, text, text.size()), reference.hits(text)) << text;
      EXPECT_EQ(find(sets, classify, text, 1), reference.hits(text)) << text;
    }
  }
}

TEST(WordKeywordFinder, EveryFeedSizeAndWindowEdgeGivesTheSameHits) {
  const Sets sets = keyword_sets(kKeywords);
  const Reference reference(kKeywords);
  // Keywords at every offset from a 60-byte window edge and a feed edge.
  std::string text;
  for (int i = 0; i < 300; ++i) {
    text += std::string(static_cast<std::size_t>(i % 7), '.');
    text += kKeywords[static_cast<std::size_t>(i) % kKeywords.size()];
    text += i % 3 == 0 ? " " : (i % 3 == 1 ? "x " : ",");
  }
  const Hits expected = reference.hits(text);
  ASSERT_GT(expected.size(), 150U);
  for (auto classify : classifiers()) {
    for (std::size_t piece :
         {1, 2, 3, 4, 5, 47, 48, 49, 50, 59, 60, 61, 64, 66, 67, 68, 100, 4096}) {
      EXPECT_EQ(find(sets, classify, text, piece), expected) << "piece " << piece;
    }
  }
}

TEST(WordKeywordFinder, MatchesTheDefinitionOnRandomText) {
  const Sets sets = keyword_sets(kKeywords);
  const Reference reference(kKeywords);
  std::mt19937 random(7);
  // Letters that make up the keywords, separators, digits, '_' and non-ASCII bytes; and whole
  // keywords, so that long ones occur too.
  const std::string alphabet = "ssnnticfdlapCSNTI#_ -.1b\xc3\xa9z";
  for (int round = 0; round < 40; ++round) {
    std::string text;
    const std::size_t length = 1 + random() % 3000;
    while (text.size() < length) {
      if (random() % 8 == 0) {
        std::string keyword = kKeywords[random() % kKeywords.size()];
        if (random() % 2 == 0) {
          for (char& c : keyword) {
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
          }
        }
        text += keyword;
      } else {
        text += alphabet[random() % alphabet.size()];
      }
    }
    const Hits expected = reference.hits(text);
    for (auto classify : classifiers()) {
      const std::size_t piece = 1 + random() % 200;
      ASSERT_EQ(find(sets, classify, text, piece), expected) << "round " << round;
    }
  }
}

TEST(WordKeywordFinder, ManyLongKeywordsShareTheBuckets) {
  // More first-letter pairs than buckets, so groups are merged; and words that fit a bucket's
  // tables without being any keyword.
  std::mt19937 random(11);
  std::vector<std::string> keywords;
  const std::string letters = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (int i = 0; i < 300; ++i) {
    std::string k(4 + random() % 10, ' ');
    for (char& c : k) c = letters[random() % 26];
    if (k.size() > 4 && random() % 4 == 0) k[2 + random() % (k.size() - 3)] = ' ';
    if (std::find(keywords.begin(), keywords.end(), k) == keywords.end()) keywords.push_back(k);
  }
  const Sets sets = keyword_sets(keywords);
  const Reference reference(keywords);
  for (int round = 0; round < 10; ++round) {
    std::string text;
    while (text.size() < 4000) {
      const unsigned pick = random() % 4;
      if (pick == 0) {
        text += keywords[random() % keywords.size()];
      } else if (pick == 1) {
        // A keyword's first four bytes and a different tail.
        const std::string& k = keywords[random() % keywords.size()];
        text += k.substr(0, 4) + letters[random() % letters.size()];
      } else {
        for (unsigned n = 1 + random() % 8; n > 0; --n) text += letters[random() % letters.size()];
      }
      text += " .,-_"[random() % 5];
    }
    const Hits expected = reference.hits(text);
    ASSERT_GT(expected.size(), 50U);
    for (auto classify : classifiers()) {
      ASSERT_EQ(find(sets, classify, text, 1 + random() % 300), expected) << "round " << round;
    }
  }
}

TEST(WordKeywordFinder, EveryByteValueSeparatesWordsExactlyAsTheMatcherDefinesIt) {
  const Sets sets = keyword_sets(kKeywords);
  for (auto classify : classifiers()) {
    for (unsigned b = 0; b < 256; ++b) {
      const std::string around(1, static_cast<char>(b));
      const std::string text = around + "ssn" + around + std::string(70, ' ') + around + "tin" +
                               around + std::string(70, ' ') + around + "passport" + around;
      EXPECT_EQ(find(sets, classify, text, text.size()).size(), is_word_byte(b) ? 0U : 3U)
          << "byte " << b;
    }
  }
}

TEST(WordKeywordFinder, FindAllStartsAfresh) {
  const Sets sets = keyword_sets(kKeywords);
  WordKeywordFinder finder(sets.short_set, sets.long_set);
  std::vector<WordKeywordHit> hits;
  finder.feed("ss", hits);  // left unfinished: find_all must not see it
  finder.find_all("n", hits);
  EXPECT_TRUE(hits.empty());
  finder.find_all("SSN", hits);
  ASSERT_EQ(hits.size(), 1U);
  EXPECT_EQ(hits[0].start, 0U);
  EXPECT_EQ(hits[0].end, 3U);
  hits.clear();
  finder.find_all("Credit_Card", hits);
  ASSERT_EQ(hits.size(), 1U);
  EXPECT_EQ(hits[0].end, 11U);
}

}  // namespace
}  // namespace tamis::match
