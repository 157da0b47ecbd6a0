// KeywordShape gives both the Hyperscan expression of a keyword and the backward match that finds
// a hit's start; the engine relies on the two agreeing, which the last test checks against
// Hyperscan's own start-of-match for every keyword of the catalogue.
#include <gtest/gtest.h>
#include <hs/hs.h>

#include <algorithm>
#include <string>
#include <vector>

#include "config/config.h"
#include "match/hs_handles.h"
#include "match/keyword_expression.h"
#include "match/rule_selection.h"

namespace tamis::match {
namespace {

TEST(KeywordShape, ExpressionSpellsSeparatorsPunctuationAndNonAsciiCase) {
  EXPECT_EQ(keyword_expression("card number"), "card[ _\\-]?number");
  EXPECT_EQ(keyword_expression("steuer-id"), "steuer\\x2did");
  EXPECT_EQ(keyword_expression("track 1"), "track[ _\\-]?1");
  EXPECT_EQ(keyword_expression("número de dni"),
            "n(?:\\xc3\\xba|\\xc3\\x9a)mero[ _\\-]?de[ _\\-]?dni");
  // A byte that is not UTF-8 is matched as itself.
  EXPECT_EQ(keyword_expression("a\xff"), "a\\xff");
}

TEST(KeywordShape, LongestMatchEndingAtTheEnd) {
  const KeywordShape shape("card number");
  EXPECT_EQ(shape.longest_match_ending_at("my card number"), 11U);
  EXPECT_EQ(shape.longest_match_ending_at("CARD_NUMBER"), 11U);
  EXPECT_EQ(shape.longest_match_ending_at("x Card-Number"), 11U);
  EXPECT_EQ(shape.longest_match_ending_at("cardnumber"), 10U);
  EXPECT_EQ(shape.longest_match_ending_at("card number "), std::nullopt);
  EXPECT_EQ(shape.longest_match_ending_at("card  number"), std::nullopt);
  EXPECT_EQ(shape.longest_match_ending_at("number"), std::nullopt);
  EXPECT_EQ(shape.longest_match_ending_at(""), std::nullopt);
}

TEST(KeywordShape, ASeparatorAfterALiteralDashBacktracks) {
  // Taking the '-' as the optional separator would leave nothing for the literal '-': the match
  // must try without it.
  const KeywordShape shape("a- b");
  EXPECT_EQ(shape.longest_match_ending_at("a-b"), 3U);
  EXPECT_EQ(shape.longest_match_ending_at("a--b"), 4U);
  EXPECT_EQ(shape.longest_match_ending_at("ab"), std::nullopt);
}

TEST(KeywordShape, NonAsciiLettersMatchInEveryCase) {
  const KeywordShape shape("número");
  EXPECT_EQ(shape.longest_match_ending_at("el número"), 7U);
  EXPECT_EQ(shape.longest_match_ending_at("NÚMERO"), 7U);
  EXPECT_EQ(shape.longest_match_ending_at("numero"), std::nullopt);
}

// Hyperscan's leftmost start for every hit of every catalogue keyword, in upper, lower and mixed
// case and with each separator spelled every way, equals the end minus the backward match.
TEST(KeywordShape, AgreesWithHyperscanStartOfMatchOnTheWholeCatalogue) {
  Config config;
  config.selector = ManagedSelector::kAll;
  auto managed = select_managed(config);
  ASSERT_TRUE(managed.ok());
  std::vector<std::string> keywords;
  for (const ManagedIdentifier* mdi : *managed) {
    for (std::string_view k : mdi->keywords) {
      std::string lowered(k);
      for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (std::find(keywords.begin(), keywords.end(), lowered) == keywords.end()) {
        keywords.push_back(lowered);
      }
    }
  }
  ASSERT_GT(keywords.size(), 100U);
  std::size_t checked = 0;
  for (const std::string& keyword : keywords) {
    const KeywordShape shape(keyword);
    const std::string expression = shape.expression();
    hs_database_t* raw = nullptr;
    hs_compile_error_t* error = nullptr;
    ASSERT_EQ(hs_compile(expression.c_str(), HS_FLAG_CASELESS | HS_FLAG_SOM_LEFTMOST, HS_MODE_BLOCK,
                         nullptr, &raw, &error),
              HS_SUCCESS)
        << keyword;
    HsDatabase db(raw);
    hs_scratch_t* raw_scratch = nullptr;
    ASSERT_EQ(hs_alloc_scratch(db.get(), &raw_scratch), HS_SUCCESS);
    HsScratch scratch(raw_scratch);
    for (const char* separator : {" ", "_", "-", ""}) {
      for (int casing = 0; casing < 2; ++casing) {
        std::string variant;
        for (char c : keyword) {
          if (c == ' ') {
            variant += separator;
          } else {
            variant +=
                casing == 1 ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
          }
        }
        const std::string text = "id: " + variant + " ";
        struct Found {
          unsigned long long from;
          unsigned long long to;
        };
        std::vector<Found> hits;
        hs_scan(
            db.get(), text.data(), static_cast<unsigned>(text.size()), 0, scratch.get(),
            [](unsigned, unsigned long long from, unsigned long long to, unsigned, void* ctx) {
              static_cast<std::vector<Found>*>(ctx)->push_back({from, to});
              return 0;
            },
            &hits);
        ASSERT_FALSE(hits.empty()) << keyword << " / " << variant;
        for (const Found& hit : hits) {
          const auto length =
              shape.longest_match_ending_at(std::string_view(text).substr(0, hit.to));
          ASSERT_TRUE(length.has_value()) << keyword << " / " << variant;
          EXPECT_EQ(hit.to - *length, hit.from) << keyword << " / " << variant;
          ++checked;
        }
      }
    }
  }
  EXPECT_GT(checked, keywords.size() * 4);
}

}  // namespace
}  // namespace tamis::match
