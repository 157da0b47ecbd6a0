#include "catalog/validators/compact.h"

namespace tamis::validators::internal {

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!is_digit(c)) return false;
  }
  return true;
}

bool all_same(std::string_view text) {
  for (char c : text) {
    if (c != text.front()) return false;
  }
  return true;
}

int parse_small_number(std::string_view text) {
  if (text.empty() || text.size() > 9 || !all_digits(text)) return -1;
  int value = 0;
  for (char c : text) value = value * 10 + digit_value(c);
  return value;
}

bool strip_separators(std::string_view match, std::string_view separators, Compact& out,
                      bool require_consistent) {
  char seen_separator = '\0';
  bool previous_was_separator = false;
  for (std::size_t i = 0; i < match.size(); ++i) {
    const char c = match[i];
    if (separators.find(c) != std::string_view::npos) {
      const bool at_edge = i == 0 || i + 1 == match.size();
      if (at_edge || previous_was_separator) return false;
      if (require_consistent && seen_separator != '\0' && seen_separator != c) return false;
      seen_separator = c;
      previous_was_separator = true;
      continue;
    }
    if (!is_alnum(c) || !out.push(c)) return false;
    previous_was_separator = false;
  }
  return out.size() > 0;
}

bool compact_groups(std::string_view match, std::initializer_list<int> group_sizes,
                    std::string_view separators, Compact& out) {
  out.clear();
  std::size_t total = 0;
  for (int size : group_sizes) total += static_cast<std::size_t>(size);
  const bool unbroken = match.size() == total;
  if (!unbroken && match.size() != total + group_sizes.size() - 1) return false;
  const char separator = unbroken ? '\0' : match[static_cast<std::size_t>(*group_sizes.begin())];
  if (!unbroken && separators.find(separator) == std::string_view::npos) return false;
  std::size_t at = 0;
  bool first_group = true;
  for (int size : group_sizes) {
    if (!first_group && !unbroken) {
      if (match[at] != separator) return false;
      ++at;
    }
    first_group = false;
    for (int i = 0; i < size; ++i, ++at) {
      if (!is_alnum(match[at]) || !out.push(match[at])) return false;
    }
  }
  return true;
}

std::string_view trailing_value(std::string_view match, bool (*is_value_char)(char)) {
  while (!match.empty() && (match.back() == '"' || match.back() == '\'' || match.back() == ' ' ||
                            match.back() == '\t')) {
    match.remove_suffix(1);
  }
  std::size_t start = match.size();
  while (start > 0 && is_value_char(match[start - 1])) --start;
  return match.substr(start);
}

}  // namespace tamis::validators::internal
