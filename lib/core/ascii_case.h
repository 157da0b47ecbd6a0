// ASCII-only case-insensitive comparisons for names and magic strings (file extensions, zip part
// names, header fields): locale-free, so results never depend on the process's locale.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tamis {

constexpr char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// `text` with its ASCII letters lowercased and every other byte as it is.
inline std::string ascii_lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

constexpr bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (ascii_lower(text[i]) != ascii_lower(prefix[i])) return false;
  }
  return true;
}

constexpr bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         starts_with_ignoring_case(text.substr(text.size() - suffix.size()), suffix);
}

}  // namespace tamis
