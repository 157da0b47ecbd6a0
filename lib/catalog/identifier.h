// What a managed data identifier is: pure data, so adding one is one table row plus corpus cases.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace tamis {

enum class Category : std::uint8_t {
  kCredentials,
  kFinancialInformation,
  kPersonalInformation,
  kCustomIdentifier,
};

// Macie's API names: CREDENTIALS, FINANCIAL_INFORMATION, PERSONAL_INFORMATION, CUSTOM_IDENTIFIER.
std::string_view category_name(Category category);

// Severity score as Macie reports it: 1 = Low, 2 = Medium, 3 = High; kNone = no finding.
enum class Severity : std::uint8_t { kNone = 0, kLow = 1, kMedium = 2, kHigh = 3 };

std::string_view severity_name(Severity severity);  // "Low", "Medium", "High", "None"

// Macie's default severity by occurrence count (reference/macie.md §4): 1, 2-99, >= 100.
struct SeverityProfile {
  Severity one;
  Severity few;
  Severity many;

  constexpr Severity for_count(std::uint64_t count) const {
    if (count == 0) return Severity::kNone;
    if (count == 1) return one;
    if (count < 100) return few;
    return many;
  }
};

inline constexpr SeverityProfile kAlwaysHigh{Severity::kHigh, Severity::kHigh, Severity::kHigh};
inline constexpr SeverityProfile kLowMediumHigh{Severity::kLow, Severity::kMedium, Severity::kHigh};
inline constexpr SeverityProfile kMediumHighHigh{Severity::kMedium, Severity::kHigh,
                                                 Severity::kHigh};

// Word-boundary checks done in C++ after a match, because `\b` inside Hyperscan patterns costs an
// order of magnitude in throughput (design/ARCHITECTURE.md, performance notes).
// A boundary holds when the byte outside the match is not a word byte [A-Za-z0-9_] or the match's
// own edge byte is not one (the semantics of `\b`).
enum BoundaryFlags : std::uint8_t {
  kBoundaryNone = 0,
  kBoundaryStart = 1,
  kBoundaryEnd = 2,
  kBoundaryBoth = kBoundaryStart | kBoundaryEnd,
};

// A validator sees the exact matched text (separators included) and says whether it is real:
// checksums, brand prefixes, published example values. Pure functions; see validators.h.
using Validator = bool (*)(std::string_view match);

struct ManagedIdentifier {
  std::string_view id;  // Macie's id, e.g. "CREDIT_CARD_NUMBER"; ours are prefixed "TAMIS_"
  Category category;
  std::string_view countries;    // ISO 3166 alpha-2 codes separated by ',' or "ANY"
  std::string_view description;  // one line, for `tamis identifiers`
  // Hyperscan patterns (any one matching is an occurrence). Rules: no `\b`, no `^`/`$`, bounded
  // width (the engine refuses an unbounded managed pattern), literal prefixes where the format has
  // one. Use `(?i)` inline where case does not matter.
  std::span<const std::string_view> patterns;
  // Keywords, matched case-insensitively as whole words; a space also matches '_', '-' or nothing.
  std::span<const std::string_view> keywords;
  bool keyword_required;            // true: an occurrence needs a keyword within 30 characters
  Validator validator;              // nullptr when the format has no check
  std::string_view validator_name;  // for `tamis identifiers`, e.g. "luhn+brand"
  SeverityProfile severity;
  std::uint8_t boundaries;  // BoundaryFlags
  bool recommended;         // in Macie's RECOMMENDED set (reference/macie.md §1.4)
  bool tamis_default;       // ours, on by default beside RECOMMENDED (high-precision secrets)
  // When non-zero, the occurrence is the last N bytes of the match: lets a pattern start with a
  // literal key name (`aws_secret_access_key = `) as a fast, precise anchor while the result points
  // at the secret itself.
  std::uint16_t report_tail_bytes = 0;
  // A literal every match contains (ASCII letters, digits, '-' or '_', at least four bytes, matched
  // caselessly), starting at most `anchor_lead` bytes into the match. When set, the patterns leave
  // the stream database: it finds the anchor, and the patterns are searched only in the window
  // around each of its hits. Worth it where Hyperscan pays per byte for a pattern's tail (a repeat
  // such as Basic credentials' `[A-Za-z0-9+/]{4,1024}` reports one end per byte).
  std::string_view anchor = {};
  std::uint8_t anchor_lead = 0;
};

}  // namespace tamis
