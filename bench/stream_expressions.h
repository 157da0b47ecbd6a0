// The expressions the engine's stream database is compiled from, for the selected managed
// identifiers, one by one and labelled, so tools can measure what each costs: every pattern of an
// identifier found without keywords, every distinct keyword of the keyword-required ones, and
// anchors in place of anchored identifiers' patterns (compiled_rules.cc does the same). Keywords
// the word finder takes are marked: the engine's stream database leaves them out, the long ones
// on CPUs with AVX-512 VBMI (match_choices.h) and the short ones everywhere.
#pragma once

#include <hs/hs.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/ascii_case.h"
#include "core/result.h"
#include "match/keyword_expression.h"
#include "match/long_keyword_set.h"
#include "match/rule_selection.h"
#include "match/short_keyword_set.h"

namespace tamis::bench {

struct StreamExpression {
  std::string owner;  // identifier id, `keyword "…"` or `anchor of ID`
  std::string text;
  unsigned flags = 0;
  // A keyword the engine finds at word starts without Hyperscan (word_keyword_finder.h).
  bool word_keyword = false;
};

inline Result<std::vector<StreamExpression>> stream_expressions(const Config& config) {
  auto managed = match::select_managed(config);
  if (!managed) return managed.error();
  std::vector<StreamExpression> out;
  std::vector<std::string> seen_keywords;
  // Once per distinct keyword, as the engine compiles them.
  auto add_keyword = [&](const std::string& keyword, std::string owner, bool word_keyword) {
    if (std::find(seen_keywords.begin(), seen_keywords.end(), keyword) != seen_keywords.end()) {
      return;
    }
    seen_keywords.push_back(keyword);
    out.push_back(
        {std::move(owner), match::keyword_expression(keyword), HS_FLAG_CASELESS, word_keyword});
  };
  for (const ManagedIdentifier* mdi : *managed) {
    if (mdi->keyword_required) {
      for (std::string_view keyword : mdi->keywords) {
        const std::string word = ascii_lowercase(keyword);
        add_keyword(word, "keyword \"" + word + "\"",
                    match::ShortKeywordSet::fits(word) || match::LongKeywordSet::fits(word));
      }
      continue;
    }
    if (!mdi->anchor.empty()) {
      // Anchors go to Hyperscan: they are part of a match, not whole words.
      add_keyword(ascii_lowercase(mdi->anchor), "anchor of " + std::string(mdi->id), false);
      continue;
    }
    for (std::string_view pattern : mdi->patterns) {
      out.push_back({std::string(mdi->id), std::string(pattern), 0, false});
    }
  }
  return out;
}

// Compiles `expressions` into one database, each reporting its index, leaving out the one at
// `skip` (none when it is past the end). Null, with Hyperscan's message on stderr, on failure.
inline hs_database_t* compile_expressions(const std::vector<StreamExpression>& expressions,
                                          unsigned mode, const hs_platform_info_t* platform,
                                          std::size_t skip = static_cast<std::size_t>(-1)) {
  std::vector<const char*> patterns;
  std::vector<unsigned> flags;
  std::vector<unsigned> ids;
  for (std::size_t i = 0; i < expressions.size(); ++i) {
    if (i == skip) continue;
    patterns.push_back(expressions[i].text.c_str());
    flags.push_back(expressions[i].flags);
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(patterns.data(), flags.data(), ids.data(),
                       static_cast<unsigned>(patterns.size()), mode, platform, &db,
                       &error) != HS_SUCCESS) {
    std::fprintf(stderr, "compile failed: %s\n", error != nullptr ? error->message : "?");
    hs_free_compile_error(error);
    return nullptr;
  }
  return db;
}

}  // namespace tamis::bench
