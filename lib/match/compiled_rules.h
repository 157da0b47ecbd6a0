// Everything the engine compiles from a Config: one rule per active identifier (managed in
// catalogue order, then custom in config order), the distinct keywords, and the Hyperscan
// databases. Immutable once built; shared by every Scanner of the engine.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "catalog/identifier.h"
#include "config/config.h"
#include "core/result.h"
#include "match/database_store.h"
#include "match/expression_info.h"
#include "match/hs_handles.h"
#include "match/keyword_expression.h"
#include "match/long_keyword_set.h"
#include "match/match_choices.h"
#include "match/short_keyword_set.h"
#include "match/start_finder.h"

namespace tamis::match {

// How a rule's keywords must sit relative to a match (reference/macie.md §1.2 and §2).
enum class Proximity : std::uint8_t {
  kNone,        // no keyword needed
  kEitherSide,  // managed: a whole-word keyword within `keyword_distance` characters, either side
  kPreceding,   // custom: a keyword (substring) ends at most `keyword_distance` characters before
                // the match's end and starts no later than the match
};

struct Rule {
  std::string type;  // managed id or custom identifier name
  Category category = Category::kCustomIdentifier;
  bool custom = false;
  const ManagedIdentifier* managed = nullptr;

  std::uint32_t max_width = 0;  // bytes; a match is never longer
  std::uint32_t min_width = 0;  // bytes; a match is never shorter
  // Recovers the start of a hit from its end (lib/match/start_finder.h).
  std::unique_ptr<StartFinder> start;
  // The pattern looks at the byte before its start (`^`, `\b`, `\B`, `\A`), so a start search
  // must include that byte as context.
  bool start_needs_context = false;
  // No pattern has an assertion of any kind (`^`, `$`, `\b`, `\B`, `\A`, `\z`, `\Z`): a match
  // depends only on its own bytes, so windows can be searched together (region_batch.h).
  bool assertion_free = true;

  std::vector<std::uint32_t> keywords;  // sorted indices into CompiledRules::keywords
  Proximity proximity = Proximity::kNone;
  // Searched only around its keywords' hits, not in the stream database (compiled_rules.cc).
  bool keyword_gated = false;
  // Keyword-gated by its anchor literal (ManagedIdentifier::anchor) rather than by keywords: each
  // hit of the anchor opens a region for matches starting from `anchor_lead` bytes before it up
  // to its start. No proximity condition; the anchor is in the match itself.
  bool anchored = false;
  std::uint32_t anchor_lead = 0;
  std::uint32_t keyword_distance = 0;  // characters

  std::vector<std::string> ignore_words;  // case-sensitive substrings that drop a match
  Validator validator = nullptr;
  std::uint8_t boundaries = kBoundaryNone;
  std::uint16_t report_tail_bytes = 0;

  SeverityProfile profile = kAlwaysHigh;       // managed
  std::vector<SeverityLevel> severity_levels;  // custom, ascending thresholds

  // Bytes of text a decision about a match may need beyond the match itself: before its start
  // (keyword before it, boundary byte) and after its end (keyword after it, boundary byte).
  std::uint32_t lookback_bytes = 1;
  std::uint32_t lookahead_bytes = 1;

  bool has_keyword(std::uint32_t keyword) const;
};

// What a Hyperscan expression id in the stream database stands for.
struct ExpressionTarget {
  enum class Kind : std::uint8_t { kPattern, kKeyword } kind;
  std::uint32_t index;  // rule index or keyword index
  // A keyword found by the word finder rather than by Hyperscan: its hits carry their start.
  bool found_as_word = false;
};

struct CompiledRules {
  std::vector<Rule> rules;
  std::vector<std::string> keywords;                      // distinct keyword texts as configured
  std::vector<KeywordShape> keyword_shapes;               // by keyword: finds a hit's start
  std::vector<std::uint32_t> keyword_max_width;           // bytes
  std::vector<ExpressionTarget> targets;                  // by stream-database expression id
  std::vector<std::vector<std::uint32_t>> keyword_rules;  // per keyword: its keyword-gated rules

  // All patterns and keywords but the short ones. Null when nothing is left for it (selector NONE
  // and no custom rules, or only short keywords).
  HsDatabase stream_db;
  // Managed keywords, found as whole words without Hyperscan (word_keyword_finder.h): those of two
  // or three bytes and those of four or more. Their hits carry expression ids the stream database
  // does not use, in `targets` like the others.
  ShortKeywordSet short_keywords;
  LongKeywordSet long_keywords;
  bool has_word_keywords() const { return !short_keywords.empty() || !long_keywords.empty(); }
  // Allow-list regexes, anchored at both ends, run on found text only.
  HsDatabase allow_regex_db;
  std::unordered_set<std::string> allow_texts_folded;  // literal entries, case-folded
  // What each database above was compiled from (ExpressionSet::key): a serialised engine stores
  // the databases under these keys, and loading checks them against what it would compile.
  std::string stream_db_key;
  std::string allow_regex_db_key;
  // Every expression analysed for this engine, by expression_info_key: a serialised engine
  // carries them so that loading skips Hyperscan's analysis (most of a load's time otherwise).
  std::map<std::string, ExpressionInfo> expression_infos;

  StartOffsetMode start_mode = StartOffsetMode::kRecoverOnHit;
  // Scratch allocated for the eagerly compiled databases above; each Scanner clones it and grows
  // its clone when a rule's start database is first used.
  HsScratch scratch_prototype;
  // Bytes of history a scanner keeps behind the newest byte so any hit can still be decided.
  std::uint64_t history_bytes = 0;
};

// Compiles the managed identifiers the selector picks, the custom identifiers and allow lists.
// Databases `store` holds are loaded instead of compiled (may be null).
Result<std::unique_ptr<const CompiledRules>> compile_rules(const Config& config,
                                                           const DatabaseStore* store = nullptr,
                                                           MatchChoices choices = {});

// Case-folds text the way allow-list literals are compared (ICU full case folding).
std::string fold_case(std::string_view text);

}  // namespace tamis::match
