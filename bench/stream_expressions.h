// The expressions the engine's stream database is compiled from, for the selected managed
// identifiers, one by one and labelled, so tools can measure what each costs: every pattern of an
// identifier found without keywords, every distinct keyword of the keyword-required ones, and
// anchors in place of anchored identifiers' patterns (compiled_rules.cc does the same).
#pragma once

#include <hs/hs.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/result.h"
#include "match/keyword_expression.h"
#include "match/rule_selection.h"
#include "match/short_keyword_set.h"

namespace tamis::bench {

struct StreamExpression {
  std::string owner;  // identifier id, `keyword "…"` or `anchor of ID`
  std::string text;
  unsigned flags = 0;
  bool short_word = false;  // a keyword the engine finds without Hyperscan (short_keyword_set.h)
};

inline std::string lowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

inline Result<std::vector<StreamExpression>> stream_expressions(const Config& config) {
  auto managed = match::select_managed(config);
  if (!managed) return managed.error();
  std::vector<StreamExpression> out;
  std::vector<std::string> seen_keywords;
  auto add_keyword = [&](std::string keyword, std::string owner) {
    if (std::find(seen_keywords.begin(), seen_keywords.end(), keyword) != seen_keywords.end()) {
      return;
    }
    seen_keywords.push_back(keyword);
    const bool short_word = match::ShortKeywordSet::fits(keyword);
    out.push_back(
        {std::move(owner), match::keyword_expression(keyword), HS_FLAG_CASELESS, short_word});
  };
  for (const ManagedIdentifier* mdi : *managed) {
    if (mdi->keyword_required) {
      for (std::string_view keyword : mdi->keywords) {
        std::string word = lowered(keyword);
        add_keyword(word, "keyword \"" + word + "\"");
      }
      continue;
    }
    if (!mdi->anchor.empty()) {
      // Anchors go to Hyperscan whatever their length (ShortKeywordSet takes keywords only).
      std::string anchor = lowered(mdi->anchor);
      if (std::find(seen_keywords.begin(), seen_keywords.end(), anchor) == seen_keywords.end()) {
        seen_keywords.push_back(anchor);
        out.push_back({"anchor of " + std::string(mdi->id), match::keyword_expression(anchor),
                       HS_FLAG_CASELESS, false});
      }
      continue;
    }
    for (std::string_view pattern : mdi->patterns) {
      out.push_back({std::string(mdi->id), std::string(pattern), 0, false});
    }
  }
  return out;
}

}  // namespace tamis::bench
