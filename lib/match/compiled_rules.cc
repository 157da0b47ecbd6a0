#include "match/compiled_rules.h"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <string>

#include "core/ascii_case.h"
#include "match/expression_set.h"
#include "match/keyword_expression.h"
#include "match/rule_selection.h"
#include "match/word_keyword_finder.h"

namespace tamis::match {
namespace {

// Macie's managed-identifier keyword window (reference/macie.md §1.2).
constexpr std::uint32_t kManagedKeywordDistance = 30;
// A character is at most four UTF-8 bytes; byte budgets derived from character distances use this.
constexpr std::uint32_t kMaxBytesPerChar = 4;
// Custom identifier patterns are compiled as written (PCRE defaults; `^`/`$` mean start/end of
// the object as in Macie), managed ones carry their own inline flags.
constexpr unsigned kPatternFlags = 0;

// Whether the expression has an assertion about what precedes a position. '^' right after '['
// negates a class instead, and escaped characters are skipped.
bool looks_behind(std::string_view expression) {
  for (std::size_t i = 0; i < expression.size(); ++i) {
    const char c = expression[i];
    if (c == '\\' && i + 1 < expression.size()) {
      const char next = expression[++i];
      if (next == 'b' || next == 'B' || next == 'A') return true;
    } else if (c == '^' && (i == 0 || expression[i - 1] != '[')) {
      return true;
    }
  }
  return false;
}

// Whether the expression may assert anything about its surroundings: looks_behind's assertions,
// or '$', `\z`, `\Z` (a '$' inside a class counts too; the cost of that is only a missed batch).
bool has_assertion(std::string_view expression) {
  if (looks_behind(expression)) return true;
  for (std::size_t i = 0; i < expression.size(); ++i) {
    const char c = expression[i];
    if (c == '\\' && i + 1 < expression.size()) {
      const char next = expression[++i];
      if (next == 'z' || next == 'Z') return true;
    } else if (c == '$') {
      return true;
    }
  }
  return false;
}

std::string managed_owner(const ManagedIdentifier& mdi) {
  return "managed data identifier " + std::string(mdi.id);
}
std::string custom_owner(const CustomIdentifierSpec& spec) {
  return "custom data identifier \"" + spec.name + "\"";
}

class RuleCompiler {
 public:
  RuleCompiler(const Config& config, const DatabaseStore* store, MatchChoices choices)
      : config_(config), store_(store), choices_(choices) {
    out_ = std::make_unique<CompiledRules>();
    out_->start_mode = config.start_offset_mode;
  }

  Result<std::unique_ptr<const CompiledRules>> run() {
    auto managed = select_managed(config_);
    if (!managed) return managed.error();
    for (const ManagedIdentifier* mdi : *managed) {
      if (auto e = add_managed(*mdi)) return *e;
    }
    for (const CustomIdentifierSpec& spec : config_.custom_identifiers) {
      if (auto e = add_custom(spec)) return *e;
    }
    if (auto e = add_allow_lists()) return *e;
    if (auto e = compile_databases()) return *e;
    finish_budgets();
    return std::unique_ptr<const CompiledRules>(std::move(out_));
  }

 private:
  using MaybeError = std::optional<Error>;

  // check_expression, answered by the store when it carries the analysis, and recorded either way.
  Result<ExpressionInfo> analyse(const std::string& expression, unsigned flags,
                                 const std::string& owner) {
    std::string key = expression_info_key(expression, flags);
    if (store_ != nullptr) {
      if (const auto known = store_->expression_info(key)) {
        out_->expression_infos.emplace(std::move(key), *known);
        return *known;
      }
    }
    auto info = check_expression(expression, flags, owner);
    if (info) out_->expression_infos.emplace(std::move(key), *info);
    return info;
  }

  // `prefix_probes`: the rule is anchored, and probes from candidate starts if its patterns have
  // no assertions (which a probe would cut off from their context).
  MaybeError add_patterns(Rule& rule, std::span<const std::string_view> patterns,
                          const std::string& owner, std::uint32_t unbounded_width,
                          bool allow_unbounded, bool prefix_probes = false) {
    std::vector<std::string> expressions;
    rule.min_width = std::numeric_limits<std::uint32_t>::max();
    for (std::string_view pattern : patterns) {
      std::string expression(pattern);
      auto info = analyse(expression, kPatternFlags, owner);
      if (!info) return info.error();
      std::uint32_t width = info->max_width;
      if (width == std::numeric_limits<std::uint32_t>::max()) {
        if (!allow_unbounded) {
          return Error{owner + ": pattern has no maximum width (expression: " + expression + ")"};
        }
        width = unbounded_width;
      }
      rule.max_width = std::max(rule.max_width, width);
      rule.min_width = std::min(rule.min_width, std::max<std::uint32_t>(info->min_width, 1));
      rule.start_needs_context = rule.start_needs_context || looks_behind(expression);
      rule.assertion_free = rule.assertion_free && !has_assertion(expression);
      expressions.push_back(std::move(expression));
    }
    rule.start =
        std::make_unique<StartFinder>(expressions, store_, prefix_probes && rule.assertion_free);
    rule_expressions_ = std::move(expressions);
    return std::nullopt;
  }

  // Keyword-bound rules stay out of the stream database: they are searched only in the window
  // around a hit of one of their keywords, which Macie requires anyway. Broad digit-run formats
  // (licences, tax numbers) then cost nothing on text without their keywords.
  void register_rule(Rule&& rule, std::uint32_t rule_index, const std::string& owner,
                     std::optional<std::uint32_t> anchor = std::nullopt) {
    rule.keyword_gated = rule.proximity != Proximity::kNone || anchor.has_value();
    if (anchor) {
      if (out_->keyword_rules.size() <= *anchor) out_->keyword_rules.resize(*anchor + 1);
      out_->keyword_rules[*anchor].push_back(rule_index);
    } else if (rule.keyword_gated) {
      for (std::uint32_t k : rule.keywords) {
        if (out_->keyword_rules.size() <= k) out_->keyword_rules.resize(k + 1);
        out_->keyword_rules[k].push_back(rule_index);
      }
    } else {
      for (const std::string& expression : rule_expressions_) {
        const auto id = static_cast<unsigned>(out_->targets.size());
        out_->targets.push_back({ExpressionTarget::Kind::kPattern, rule_index});
        stream_set_.add(expression, kPatternFlags, id, owner);
      }
    }
    out_->rules.push_back(std::move(rule));
  }

  // Returns the keyword's index, adding it the first time it is seen.
  Result<std::uint32_t> keyword_index(std::string_view keyword, const std::string& owner) {
    std::string lowered = ascii_lowercase(keyword);
    KeywordShape shape(lowered);
    std::string expression = shape.expression();
    auto found = keyword_by_expression_.find(expression);
    if (found != keyword_by_expression_.end()) return found->second;
    auto info = analyse(expression, HS_FLAG_CASELESS, owner + " keyword \"" + lowered + "\"");
    if (!info) return info.error();
    const auto index = static_cast<std::uint32_t>(out_->keywords.size());
    out_->keywords.push_back(lowered);
    out_->keyword_shapes.push_back(std::move(shape));
    out_->keyword_max_width.push_back(info->max_width);
    keyword_expressions_.push_back(expression);
    keyword_by_expression_.emplace(std::move(expression), index);
    return index;
  }

  MaybeError add_keywords(Rule& rule, const std::vector<std::string_view>& keywords,
                          const std::string& owner) {
    std::uint32_t widest = 0;
    for (std::string_view keyword : keywords) {
      auto index = keyword_index(keyword, owner);
      if (!index) return index.error();
      rule.keywords.push_back(*index);
      widest = std::max(widest, out_->keyword_max_width[*index]);
    }
    std::sort(rule.keywords.begin(), rule.keywords.end());
    rule.keywords.erase(std::unique(rule.keywords.begin(), rule.keywords.end()),
                        rule.keywords.end());
    // Room for the whole gap, the keyword itself and the byte that decides its word boundary.
    const std::uint32_t reach = rule.keyword_distance * kMaxBytesPerChar + widest + 1;
    rule.lookback_bytes = std::max(rule.lookback_bytes, reach);
    if (rule.proximity == Proximity::kEitherSide) {
      // A keyword's hit can come up to kWordKeywordLag bytes after its end
      // (word_keyword_finder.h): decisions wait that much longer.
      rule.lookahead_bytes = std::max(rule.lookahead_bytes, reach + kWordKeywordLag);
    }
    return std::nullopt;
  }

  MaybeError add_managed(const ManagedIdentifier& mdi) {
    const auto index = static_cast<std::uint32_t>(out_->rules.size());
    Rule rule;
    rule.type = std::string(mdi.id);
    rule.category = mdi.category;
    rule.managed = &mdi;
    rule.validator = mdi.validator;
    rule.boundaries = mdi.boundaries;
    rule.report_tail_bytes = mdi.report_tail_bytes;
    rule.profile = mdi.severity;
    const std::string owner = managed_owner(mdi);
    const bool anchored = choices_.use_anchors && !mdi.anchor.empty();
    if (auto e = add_patterns(rule, mdi.patterns, owner, 0, false, anchored)) return e;
    if (mdi.keyword_required) {
      if (mdi.keywords.empty()) return Error{owner + ": requires keywords but lists none"};
      rule.proximity = Proximity::kEitherSide;
      rule.keyword_distance = kManagedKeywordDistance;
      std::vector<std::string_view> keywords(mdi.keywords.begin(), mdi.keywords.end());
      if (auto e = add_keywords(rule, keywords, owner)) return e;
    }
    std::optional<std::uint32_t> anchor;
    if (!mdi.anchor.empty()) {
      if (auto e = check_anchor(mdi, owner)) return e;
      if (anchored) {
        auto found = keyword_index(mdi.anchor, owner);
        if (!found) return found.error();
        anchor = *found;
        rule.anchored = true;
        rule.anchor_lead = mdi.anchor_lead;
        // The region reaches back to the byte before the lead, from a hit that may end a whole
        // anchor after the previous feed.
        rule.lookback_bytes = std::max<std::uint32_t>(
            rule.lookback_bytes,
            static_cast<std::uint32_t>(mdi.anchor.size()) + mdi.anchor_lead + 1);
      }
    }
    register_rule(std::move(rule), index, owner, anchor);
    return std::nullopt;
  }

  // What an anchor must be for the region around its hits to hold every match. That each pattern
  // really forces it is the catalogue's promise; this catches the slips text can show: an anchor
  // the pattern does not spell out, or one the keyword machinery would read differently (a space
  // stands for separators there, and keywords under four bytes take another path).
  static std::optional<Error> check_anchor(const ManagedIdentifier& mdi, const std::string& owner) {
    const std::string anchor = ascii_lowercase(mdi.anchor);
    const bool plain = std::all_of(anchor.begin(), anchor.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
    if (!plain || anchor.size() < 4 || mdi.keyword_required) {
      return Error{owner + ": anchor \"" + std::string(mdi.anchor) +
                   "\" must be four or more letters, digits, '-' or '_', on an identifier that "
                   "requires no keywords"};
    }
    for (std::string_view pattern : mdi.patterns) {
      if (ascii_lowercase(pattern).find(anchor) == std::string::npos) {
        return Error{owner + ": anchor \"" + std::string(mdi.anchor) + "\" is not in pattern " +
                     std::string(pattern)};
      }
    }
    return std::nullopt;
  }

  MaybeError add_custom(const CustomIdentifierSpec& spec) {
    const auto index = static_cast<std::uint32_t>(out_->rules.size());
    Rule rule;
    rule.type = spec.name;
    rule.category = Category::kCustomIdentifier;
    rule.custom = true;
    rule.ignore_words = spec.ignore_words;
    rule.severity_levels = spec.severity_levels;
    const std::string owner = custom_owner(spec);
    const std::string_view regex = spec.regex;
    if (auto e = add_patterns(rule, std::span<const std::string_view>(&regex, 1), owner,
                              config_.limits.max_match_bytes, true)) {
      return e;
    }
    if (!spec.keywords.empty()) {
      rule.proximity = Proximity::kPreceding;
      rule.keyword_distance = spec.maximum_match_distance;
      std::vector<std::string_view> keywords(spec.keywords.begin(), spec.keywords.end());
      if (auto e = add_keywords(rule, keywords, owner)) return e;
    }
    register_rule(std::move(rule), index, owner);
    return std::nullopt;
  }

  MaybeError add_allow_lists() {
    ExpressionSet allow_set;
    unsigned id = 0;
    for (const AllowListSpec& list : config_.allow_lists) {
      const std::string owner = "allow list \"" + list.name + "\"";
      for (const std::string& text : list.texts) out_->allow_texts_folded.insert(fold_case(text));
      if (!list.regex) continue;
      // Anchored so the whole found text has to match (reference/macie.md §3).
      std::string expression = "^(?:" + *list.regex + ")\\z";
      auto info = analyse(*list.regex, HS_FLAG_SINGLEMATCH, owner);
      if (!info) return info.error();
      allow_set.add(std::move(expression), HS_FLAG_SINGLEMATCH, id++, owner);
    }
    if (allow_set.empty()) return std::nullopt;
    auto db = allow_set.compile(HS_MODE_BLOCK, "allow-list database", store_);
    if (!db) return db.error();
    out_->allow_regex_db = std::move(db->db);
    out_->allow_regex_db_key = std::move(db->key);
    return std::nullopt;
  }

  MaybeError compile_databases() {
    const bool som = out_->start_mode == StartOffsetMode::kSomLeftmost;
    out_->keyword_rules.resize(out_->keywords.size());
    std::vector<LongKeywordSet::Keyword> long_keywords;
    const bool long_keywords_as_words = choices_.long_keywords == LongKeywordPlacement::kWords ||
                                        (choices_.long_keywords == LongKeywordPlacement::kAuto &&
                                         WordKeywordFinder::long_keywords_pay_off());
    for (std::uint32_t k = 0; k < keyword_expressions_.size(); ++k) {
      const auto id = static_cast<unsigned>(out_->targets.size());
      const std::string& keyword = out_->keywords[k];
      const bool as_word = only_managed_use(k);
      if (as_word && ShortKeywordSet::fits(keyword)) {
        out_->short_keywords.add(keyword, id);
      } else if (as_word && long_keywords_as_words && LongKeywordSet::fits(keyword) &&
                 long_keywords.size() < LongKeywordSet::kMaxKeywords) {
        long_keywords.push_back({keyword, id});
      } else {
        stream_set_.add(keyword_expressions_[k], HS_FLAG_CASELESS, id, "keyword");
        out_->targets.push_back({ExpressionTarget::Kind::kKeyword, k});
        continue;
      }
      out_->targets.push_back({ExpressionTarget::Kind::kKeyword, k, true});
    }
    out_->long_keywords = LongKeywordSet(long_keywords);
    if (!stream_set_.empty()) {
      ExpressionSet stream = som ? stream_set_.with_flags(HS_FLAG_SOM_LEFTMOST) : stream_set_;
      const unsigned mode = som ? (HS_MODE_STREAM | HS_MODE_SOM_HORIZON_LARGE) : HS_MODE_STREAM;
      auto db = stream.compile(mode, "stream database", store_);
      if (!db) return db.error();
      out_->stream_db = std::move(db->db);
      out_->stream_db_key = std::move(db->key);
    }
    return allocate_scratch();
  }

  // Keywords only managed identifiers use stay out of Hyperscan when a word keyword set takes
  // them (word_keyword_finder.h): only their whole-word occurrences count, and those are found
  // faster at the starts of words. A custom identifier's keyword counts anywhere, and an anchor is
  // part of its match, so both stay in the stream database.
  bool only_managed_use(std::uint32_t keyword) const {
    const auto& rules = out_->keyword_rules[keyword];
    return !rules.empty() && std::all_of(rules.begin(), rules.end(), [&](std::uint32_t r) {
      return out_->rules[r].proximity == Proximity::kEitherSide;
    });
  }

  MaybeError allocate_scratch() {
    hs_scratch_t* scratch = nullptr;
    auto grow = [&](const HsDatabase& db) {
      return !db || hs_alloc_scratch(db.get(), &scratch) == HS_SUCCESS;
    };
    bool ok = grow(out_->stream_db) && grow(out_->allow_regex_db);
    out_->scratch_prototype.reset(scratch);
    if (!ok) return Error{"cannot allocate Hyperscan scratch space"};
    return std::nullopt;
  }

  void finish_budgets() {
    std::uint64_t history = 1;
    for (const Rule& rule : out_->rules) {
      // A keyword found by the word finder comes up to kWordKeywordLag bytes late, and its region
      // still reaches back a whole lookback from where it starts.
      const std::uint64_t lag = rule.proximity == Proximity::kEitherSide ? kWordKeywordLag : 0;
      history = std::max<std::uint64_t>(history, rule.max_width + 1ULL + rule.lookback_bytes + lag);
    }
    for (std::uint32_t width : out_->keyword_max_width) {
      history = std::max<std::uint64_t>(history, width + 2ULL);
    }
    out_->history_bytes = history;
  }

  const Config& config_;
  const DatabaseStore* store_;
  MatchChoices choices_;
  std::unique_ptr<CompiledRules> out_;
  ExpressionSet stream_set_;
  std::vector<std::string> keyword_expressions_;
  std::vector<std::string> rule_expressions_;  // of the rule being added
  std::map<std::string, std::uint32_t> keyword_by_expression_;
};

}  // namespace

bool Rule::has_keyword(std::uint32_t keyword) const {
  return std::binary_search(keywords.begin(), keywords.end(), keyword);
}

Result<std::unique_ptr<const CompiledRules>> compile_rules(const Config& config,
                                                           const DatabaseStore* store,
                                                           MatchChoices choices) {
  return RuleCompiler(config, store, choices).run();
}

}  // namespace tamis::match
