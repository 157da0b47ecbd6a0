#include "extract/json_path.h"

namespace tamis {

namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool is_simple_json_key(std::string_view key) {
  if (key.empty()) return false;
  if (!is_ascii_letter(key.front()) && key.front() != '_') return false;
  for (const char c : key) {
    if (!is_ascii_letter(c) && !is_ascii_digit(c) && c != '_') return false;
  }
  return true;
}

void append_json_path_member(std::string& path, std::string_view key) {
  if (is_simple_json_key(key)) {
    path.push_back('.');
    path.append(key);
    return;
  }
  path.append("['");
  for (const char c : key) {
    if (c == '\'' || c == '\\') path.push_back('\\');
    path.push_back(c);
  }
  path.append("']");
}

void append_json_path_index(std::string& path, std::uint64_t index) {
  path.push_back('[');
  path.append(std::to_string(index));
  path.push_back(']');
}

}  // namespace tamis
