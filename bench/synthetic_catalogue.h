// A synthetic catalogue several times the size of the real one, as custom data identifiers, to
// show that the default selection stays fast when the catalogue grows (issue #5). Deterministic,
// generated in code. Each selected managed identifier gets `per_model` synthetic siblings of its
// kind, so the mix follows the catalogue's:
//   - credentials found without keywords (vendor tokens, key headers) get literal-prefixed secret
//     formats with made-up prefixes, like `qarv_[A-Za-z0-9]{32}`: they go to the stream database;
//   - everything else (keyword-required ids, and numeric formats whose real checks are validators,
//     which custom identifiers cannot have) gets a keyword-gated digit/letter format with made-up
//     keywords plus a realistic one: searched only around its keywords' hits.
// Every identifier comes with one line holding a value it finds, to plant in benchmark text.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalog/catalog.h"
#include "catalog/identifier.h"
#include "config/config.h"
#include "core/result.h"
#include "match/rule_selection.h"

namespace tamis::bench {

struct SyntheticCatalogue {
  std::vector<CustomIdentifierSpec> identifiers;
  std::vector<std::string> sample_lines;  // one per identifier: a value it finds, in context
  std::size_t prefixed = 0;               // literal-prefixed secret formats
  std::size_t keyword_gated = 0;          // keyword-gated formats
};

namespace synthetic_detail {

// One piece of a format: a literal, or `min`-`max` characters of a class.
struct Piece {
  enum class Kind : std::uint8_t { kLiteral, kDigits, kUpper, kAlnum, kHex, kBase62Upper };
  Kind kind;
  std::string literal;
  unsigned min = 0;
  unsigned max = 0;
};

inline Piece literal(std::string text) { return {Piece::Kind::kLiteral, std::move(text), 0, 0}; }
inline Piece chars(Piece::Kind kind, unsigned min, unsigned max) { return {kind, {}, min, max}; }
inline Piece chars(Piece::Kind kind, unsigned count) { return {kind, {}, count, count}; }

inline std::string_view class_of(Piece::Kind kind) {
  switch (kind) {
    case Piece::Kind::kDigits:
      return "[0-9]";
    case Piece::Kind::kUpper:
      return "[A-Z]";
    case Piece::Kind::kAlnum:
      return "[A-Za-z0-9]";
    case Piece::Kind::kHex:
      return "[0-9a-f]";
    case Piece::Kind::kBase62Upper:
      return "[A-Z0-9]";
    case Piece::Kind::kLiteral:
      break;
  }
  return "";
}

inline std::string_view alphabet_of(Piece::Kind kind) {
  switch (kind) {
    case Piece::Kind::kDigits:
      return "0123456789";
    case Piece::Kind::kUpper:
      return "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    case Piece::Kind::kAlnum:
      return "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    case Piece::Kind::kHex:
      return "0123456789abcdef";
    case Piece::Kind::kBase62Upper:
      return "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    case Piece::Kind::kLiteral:
      break;
  }
  return "";
}

inline std::string regex_of(const std::vector<Piece>& pieces) {
  std::string out;
  for (const Piece& p : pieces) {
    if (p.kind == Piece::Kind::kLiteral) {
      for (const char c : p.literal) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '_' || c == ' ';
        if (!plain) out.push_back('\\');
        out.push_back(c);
      }
      continue;
    }
    out.append(class_of(p.kind));
    out.push_back('{');
    out.append(std::to_string(p.min));
    if (p.max != p.min) {
      out.push_back(',');
      out.append(std::to_string(p.max));
    }
    out.push_back('}');
  }
  return out;
}

// A value the format matches, its characters drawn from a small LCG seeded by `seed`.
inline std::string sample_of(const std::vector<Piece>& pieces, std::uint32_t seed) {
  std::uint32_t state = seed * 2654435761U + 12345U;
  auto next = [&state] {
    state = state * 1664525U + 1013904223U;
    return state >> 8;
  };
  std::string out;
  for (const Piece& p : pieces) {
    if (p.kind == Piece::Kind::kLiteral) {
      out.append(p.literal);
      continue;
    }
    const std::string_view alphabet = alphabet_of(p.kind);
    const unsigned count = p.min + next() % (p.max - p.min + 1);
    for (unsigned i = 0; i < count; ++i) out.push_back(alphabet[next() % alphabet.size()]);
  }
  return out;
}

// Distinct made-up words: three syllables picked by the digits of `n` in base 18.
inline std::string made_up_word(std::size_t n) {
  static constexpr std::string_view kSyllables[] = {"zor", "vex", "qui", "lam", "trin", "dax",
                                                    "mol", "pev", "kru", "sil", "fen",  "gor",
                                                    "bax", "wen", "yul", "tor", "nim",  "hep"};
  constexpr std::size_t kCount = sizeof kSyllables / sizeof kSyllables[0];
  std::string out(kSyllables[n % kCount]);
  out.append(kSyllables[(n / kCount) % kCount]);
  out.append(kSyllables[(n / kCount / kCount) % kCount]);
  return out;
}

// Distinct four-letter prefixes ("qaab", "qaac", ...): 'q' then `n` in base 26.
inline std::string made_up_prefix(std::size_t n) {
  std::string out = "q";
  out.push_back(static_cast<char>('a' + (n / 676) % 26));
  out.push_back(static_cast<char>('a' + (n / 26) % 26));
  out.push_back(static_cast<char>('a' + n % 26));
  return out;
}

inline std::string upper(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

// Vendor-token shapes: a made-up prefix, a separator, then random characters.
inline std::vector<Piece> secret_format(std::size_t n) {
  using K = Piece::Kind;
  const std::string prefix = made_up_prefix(n);
  switch (n % 4) {
    case 0:
      return {literal(prefix + "_"), chars(K::kAlnum, 32)};
    case 1:
      return {literal(prefix + "-"), chars(K::kHex, 40)};
    case 2:
      return {literal(upper(prefix)), chars(K::kBase62Upper, 16)};
    default:
      return {literal(prefix + "_live_"), chars(K::kAlnum, 24, 48)};
  }
}

// Identity, account and licence shapes: digit groups, letters and digits, long digit runs.
inline std::vector<Piece> gated_format(std::size_t n) {
  using K = Piece::Kind;
  const unsigned a = 2 + static_cast<unsigned>(n % 3);
  const unsigned b = 2 + static_cast<unsigned>((n / 3) % 4);
  const unsigned c = 3 + static_cast<unsigned>((n / 12) % 3);
  switch (n % 5) {
    case 0:
      return {chars(K::kDigits, a + 1), literal("-"), chars(K::kDigits, b), literal("-"),
              chars(K::kDigits, c + 1)};
    case 1:
      return {chars(K::kUpper, a), chars(K::kDigits, b + 4), chars(K::kUpper, 1)};
    case 2:
      return {chars(K::kDigits, 7 + a + b)};
    case 3:
      return {chars(K::kUpper, 1), chars(K::kDigits, 5 + b)};
    default:
      return {chars(K::kDigits, a), literal("."), chars(K::kDigits, 3), literal("."),
              chars(K::kDigits, 3), literal("/"), chars(K::kDigits, c)};
  }
}

inline std::string realistic_keyword(std::size_t n) {
  static constexpr std::string_view kKeywords[] = {
      "member id",       "policy number", "account number", "reference",
      "customer number", "employee id",   "patient id",     "claim number",
      "licence number",  "registration",  "invoice number", "tax code",
      "national id",     "badge number",  "serial number",  "contract number"};
  return std::string(kKeywords[n % (sizeof kKeywords / sizeof kKeywords[0])]);
}

}  // namespace synthetic_detail

// `per_model` synthetic identifiers for each managed identifier `models` lists. Each one's shape,
// name, prefix and keywords depend only on its model's place in the whole catalogue and its copy
// number, so the synthetic set of RECOMMENDED is a subset of ALL's and text planted with ALL's
// sample lines serves both.
inline SyntheticCatalogue synthetic_catalogue(const std::vector<const ManagedIdentifier*>& models,
                                              std::size_t per_model) {
  namespace d = synthetic_detail;
  const std::span<const ManagedIdentifier> catalogue = managed_catalog();
  SyntheticCatalogue out;
  for (const ManagedIdentifier* model : models) {
    const auto place = static_cast<std::size_t>(model - catalogue.data());
    const bool secret = model->category == Category::kCredentials && !model->keyword_required;
    for (std::size_t copy = 0; copy < per_model; ++copy) {
      const std::size_t n = place * per_model + copy;
      CustomIdentifierSpec spec;
      spec.name = "SYNTHETIC_";
      spec.name.append(std::to_string(n));
      spec.name.push_back('_');
      spec.name.append(model->id);
      std::string value;
      std::string line;
      if (secret) {
        const auto format = d::secret_format(n);
        spec.regex = d::regex_of(format);
        value = d::sample_of(format, static_cast<std::uint32_t>(n));
        line = "config: token=";
        ++out.prefixed;
      } else {
        const auto format = d::gated_format(n);
        spec.regex = d::regex_of(format);
        value = d::sample_of(format, static_cast<std::uint32_t>(n));
        spec.keywords = {d::made_up_word(2 * n), d::made_up_word(2 * n + 1) + " id",
                         d::realistic_keyword(n)};
        spec.maximum_match_distance = 30 + static_cast<std::uint32_t>(n % 21);
        line = spec.keywords[0];
        line.append(": ");
        ++out.keyword_gated;
      }
      line.append(value);
      out.identifiers.push_back(std::move(spec));
      out.sample_lines.push_back(std::move(line));
    }
  }
  return out;
}

// The selector's managed identifiers plus `per_model` synthetic siblings for each of them.
inline Result<Config> config_with_synthetic(ManagedSelector selector, std::size_t per_model,
                                            SyntheticCatalogue* catalogue = nullptr) {
  Config config;
  config.selector = selector;
  auto models = match::select_managed(config);
  if (!models) return models.error();
  SyntheticCatalogue synthetic = synthetic_catalogue(*models, per_model);
  config.custom_identifiers = synthetic.identifiers;
  if (catalogue != nullptr) *catalogue = std::move(synthetic);
  return config;
}

// `text` with one of `lines` inserted after the first line break at or past every `every` bytes,
// taking the lines in turn. `planted`, when given, receives how often each line was inserted.
inline std::string plant_lines(const std::string& text, const std::vector<std::string>& lines,
                               std::size_t every, std::vector<std::size_t>* planted = nullptr) {
  std::string out;
  out.reserve(text.size() + text.size() / every * 64);
  std::size_t at = 0;
  std::size_t next = 0;
  std::vector<std::size_t> count(lines.size(), 0);
  while (at < text.size()) {
    std::size_t cut = text.find('\n', std::min(text.size(), at + every));
    cut = cut == std::string::npos ? text.size() : cut + 1;
    out.append(text, at, cut - at);
    at = cut;
    if (at < text.size() && !lines.empty()) {
      out.append(lines[next]);
      out.push_back('\n');
      ++count[next];
      next = (next + 1) % lines.size();
    }
  }
  if (planted != nullptr) *planted = std::move(count);
  return out;
}

}  // namespace tamis::bench
