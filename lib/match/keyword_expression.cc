#include "match/keyword_expression.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdio>

namespace tamis::match {
namespace {

void append_escaped_byte(std::string& out, unsigned char byte) {
  std::array<char, 5> buf{};
  std::snprintf(buf.data(), buf.size(), "\\x%02x", byte);
  out += buf.data();
}

std::string code_point_bytes(UChar32 cp) {
  std::array<std::uint8_t, 4> bytes{};
  std::int32_t length = 0;
  // U8_APPEND_UNSAFE: cp comes from U8_NEXT or ICU's case mappings, so it is a valid code point.
  U8_APPEND_UNSAFE(bytes.data(), length, cp);
  return std::string(reinterpret_cast<const char*>(bytes.data()), static_cast<std::size_t>(length));
}

// Every case form of a non-ASCII letter, so byte-mode matching stays case-insensitive.
std::vector<std::string> case_forms(UChar32 cp) {
  std::vector<UChar32> forms{cp};
  for (UChar32 form :
       {u_tolower(cp), u_toupper(cp), u_totitle(cp), u_foldCase(cp, U_FOLD_CASE_DEFAULT)}) {
    if (std::find(forms.begin(), forms.end(), form) == forms.end()) forms.push_back(form);
  }
  std::vector<std::string> out;
  for (UChar32 form : forms) out.push_back(code_point_bytes(form));
  return out;
}

bool is_ascii_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

unsigned char ascii_lower(unsigned char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c - 'A' + 'a') : c;
}

}  // namespace

KeywordShape::KeywordShape(std::string_view keyword) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(keyword.data());
  const auto length = static_cast<std::int32_t>(keyword.size());
  std::int32_t i = 0;
  while (i < length) {
    UChar32 cp = 0;
    U8_NEXT(bytes, i, length, cp);
    if (cp < 0) {
      // Not UTF-8: match the byte itself rather than refusing the keyword.
      units_.push_back({Unit::Kind::kByte, bytes[i - 1], {}});
    } else if (cp == ' ') {
      units_.push_back({Unit::Kind::kSeparator, 0, {}});
    } else if (cp < 0x80) {
      const auto c = static_cast<unsigned char>(cp);
      units_.push_back(is_ascii_letter(c) ? Unit{Unit::Kind::kLetter, ascii_lower(c), {}}
                                          : Unit{Unit::Kind::kByte, c, {}});
    } else {
      std::vector<std::string> forms = case_forms(cp);
      if (forms.size() == 1) {
        for (char b : forms.front()) {
          units_.push_back({Unit::Kind::kByte, static_cast<unsigned char>(b), {}});
        }
      } else {
        units_.push_back({Unit::Kind::kAlternatives, 0, std::move(forms)});
      }
    }
  }
  for (std::size_t u = 1; u < units_.size(); ++u) {
    if (units_[u].kind == Unit::Kind::kSeparator && units_[u - 1].kind == Unit::Kind::kByte &&
        (units_[u - 1].byte == '_' || units_[u - 1].byte == '-')) {
      greedy_ = false;
    }
  }
}

std::string KeywordShape::expression() const {
  std::string out;
  for (const Unit& unit : units_) {
    switch (unit.kind) {
      case Unit::Kind::kLetter:
        out += static_cast<char>(unit.byte);
        break;
      case Unit::Kind::kByte:
        if (unit.byte >= '0' && unit.byte <= '9') {
          out += static_cast<char>(unit.byte);
        } else {
          append_escaped_byte(out, unit.byte);
        }
        break;
      case Unit::Kind::kSeparator:
        out += "[ _\\-]?";
        break;
      case Unit::Kind::kAlternatives:
        out += "(?:";
        for (std::size_t f = 0; f < unit.forms.size(); ++f) {
          if (f > 0) out += '|';
          for (char b : unit.forms[f]) append_escaped_byte(out, static_cast<unsigned char>(b));
        }
        out += ')';
        break;
    }
  }
  return out;
}

std::optional<std::size_t> KeywordShape::longest_match_ending_at(std::string_view text) const {
  return greedy_ ? greedy_match(text) : longest_before(units_.size(), text);
}

std::optional<std::size_t> KeywordShape::greedy_match(std::string_view text) const {
  std::size_t end = text.size();
  auto previous = [&]() { return static_cast<unsigned char>(text[end - 1]); };
  for (auto unit = units_.rbegin(); unit != units_.rend(); ++unit) {
    switch (unit->kind) {
      case Unit::Kind::kLetter:
        if (end == 0 || ascii_lower(previous()) != unit->byte) return std::nullopt;
        --end;
        break;
      case Unit::Kind::kByte:
        if (end == 0 || previous() != unit->byte) return std::nullopt;
        --end;
        break;
      case Unit::Kind::kSeparator:
        if (end > 0 && (previous() == ' ' || previous() == '_' || previous() == '-')) --end;
        break;
      case Unit::Kind::kAlternatives: {
        const std::string_view before = text.substr(0, end);
        const auto form = std::find_if(unit->forms.begin(), unit->forms.end(), [&](const auto& f) {
          return before.size() >= f.size() && before.substr(before.size() - f.size()) == f;
        });
        if (form == unit->forms.end()) return std::nullopt;
        end -= form->size();
        break;
      }
    }
  }
  return text.size() - end;
}

// Matches units [0, unit_count) so that they end at the end of `text`, trying the longer choice
// first at every optional separator and alternation; keywords are short, so this stays tiny.
std::optional<std::size_t> KeywordShape::longest_before(std::size_t unit_count,
                                                        std::string_view text) const {
  if (unit_count == 0) return 0;
  const Unit& unit = units_[unit_count - 1];
  auto last = [&]() { return static_cast<unsigned char>(text.back()); };
  auto rest = [&](std::size_t consumed) -> std::optional<std::size_t> {
    auto before = longest_before(unit_count - 1, text.substr(0, text.size() - consumed));
    if (!before) return std::nullopt;
    return *before + consumed;
  };
  switch (unit.kind) {
    case Unit::Kind::kLetter:
      if (text.empty() || ascii_lower(last()) != unit.byte) return std::nullopt;
      return rest(1);
    case Unit::Kind::kByte:
      if (text.empty() || last() != unit.byte) return std::nullopt;
      return rest(1);
    case Unit::Kind::kSeparator: {
      std::optional<std::size_t> with;
      if (!text.empty() && (last() == ' ' || last() == '_' || last() == '-')) with = rest(1);
      const std::optional<std::size_t> without = rest(0);
      if (with && without) return std::max(*with, *without);
      return with ? with : without;
    }
    case Unit::Kind::kAlternatives: {
      std::optional<std::size_t> best;
      for (const std::string& form : unit.forms) {
        if (text.size() < form.size() || text.substr(text.size() - form.size()) != form) continue;
        const auto found = rest(form.size());
        if (found && (!best || *found > *best)) best = found;
      }
      return best;
    }
  }
  return std::nullopt;
}

std::string KeywordShape::fixed_prefix(std::size_t max) const {
  std::string out;
  for (const Unit& unit : units_) {
    if (out.size() == max) break;
    if (unit.kind != Unit::Kind::kLetter && unit.kind != Unit::Kind::kByte) break;
    out += static_cast<char>(unit.byte);
  }
  return out;
}

std::size_t KeywordShape::max_length() const {
  std::size_t length = 0;
  for (const Unit& unit : units_) {
    if (unit.kind != Unit::Kind::kAlternatives) {
      ++length;
      continue;
    }
    std::size_t widest = 0;
    for (const std::string& form : unit.forms) widest = std::max(widest, form.size());
    length += widest;
  }
  return length;
}

std::uint64_t KeywordShape::match_lengths_at(std::string_view text) const {
  std::uint64_t lengths = 0;
  lengths_from(0, 0, text, lengths);
  return lengths;
}

void KeywordShape::lengths_from(std::size_t unit, std::size_t at, std::string_view text,
                                std::uint64_t& lengths) const {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  for (; unit < units_.size(); ++unit) {
    const Unit& u = units_[unit];
    switch (u.kind) {
      case Unit::Kind::kLetter:
        if (at >= text.size() || ascii_lower(byte(at)) != u.byte) return;
        ++at;
        break;
      case Unit::Kind::kByte:
        if (at >= text.size() || byte(at) != u.byte) return;
        ++at;
        break;
      case Unit::Kind::kSeparator:
        // Taken here, skipped by going on.
        if (at < text.size() && (byte(at) == ' ' || byte(at) == '_' || byte(at) == '-')) {
          lengths_from(unit + 1, at + 1, text, lengths);
        }
        break;
      case Unit::Kind::kAlternatives:
        for (const std::string& form : u.forms) {
          if (text.substr(std::min(at, text.size())).starts_with(form)) {
            lengths_from(unit + 1, at + form.size(), text, lengths);
          }
        }
        return;
    }
  }
  if (at < 64) lengths |= std::uint64_t{1} << at;
}

std::vector<KeywordShape::ByteSets> KeywordShape::leading_bytes(std::size_t count) const {
  std::vector<ByteSets> out;
  bool short_match = false;
  ByteSets path;
  // Depth first over the choices (separator or not, which case form), `path` holding the sets
  // chosen so far.
  auto walk = [&](auto&& self, std::size_t unit) -> void {
    if (path.size() >= count) {
      ByteSets prefix(path.begin(), path.begin() + static_cast<std::ptrdiff_t>(count));
      if (std::find(out.begin(), out.end(), prefix) == out.end()) out.push_back(std::move(prefix));
      return;
    }
    if (unit == units_.size()) {
      short_match = true;
      return;
    }
    const Unit& u = units_[unit];
    const std::size_t depth = path.size();
    switch (u.kind) {
      case Unit::Kind::kLetter:
        path.push_back({u.byte, static_cast<unsigned char>(u.byte & ~0x20)});
        self(self, unit + 1);
        break;
      case Unit::Kind::kByte:
        path.push_back({u.byte});
        self(self, unit + 1);
        break;
      case Unit::Kind::kSeparator:
        path.push_back({' ', '_', '-'});
        self(self, unit + 1);
        path.resize(depth);
        self(self, unit + 1);
        break;
      case Unit::Kind::kAlternatives:
        for (const std::string& form : u.forms) {
          for (char b : form) path.push_back({static_cast<unsigned char>(b)});
          self(self, unit + 1);
          path.resize(depth);
        }
        break;
    }
    path.resize(depth);
  };
  walk(walk, 0);
  if (short_match) out.clear();
  return out;
}

std::string keyword_expression(std::string_view keyword) {
  return KeywordShape(keyword).expression();
}

}  // namespace tamis::match
