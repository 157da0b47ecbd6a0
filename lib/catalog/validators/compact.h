// Small allocation-free helpers shared by the validators: a fixed-capacity character buffer and
// routines to strip the separators a format allows from a matched value.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string_view>

namespace tamis::validators::internal {

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_alpha(char c) { return is_upper(c) || is_lower(c); }
constexpr bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
constexpr char to_upper(char c) { return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c; }
constexpr int digit_value(char c) { return c - '0'; }

bool all_digits(std::string_view text);
// True when every character equals the first one (e.g. "000000000"), a classic fake value.
bool all_same(std::string_view text);
// Parses a short run of ASCII digits (at most 9) into an int; -1 when text is not all digits.
int parse_small_number(std::string_view text);

// A stack buffer for a compacted value: validators never need more than a few dozen characters.
class Compact {
 public:
  static constexpr std::size_t kCapacity = 64;

  bool push(char c) {
    if (size_ == kCapacity) return false;
    data_[size_++] = c;
    return true;
  }
  std::string_view view() const { return {data_, size_}; }
  std::size_t size() const { return size_; }
  void clear() { size_ = 0; }

 private:
  char data_[kCapacity] = {};
  std::size_t size_ = 0;
};

// Copies `match` into `out` without the characters listed in `separators`. Separators may only
// stand between two kept characters, never at either end nor twice in a row, and when
// `require_consistent` is set every separator must be the same character (e.g. "123-45 6789" is
// refused). Characters that are neither alphanumeric nor allowed separators make it fail, as does
// a value longer than the buffer.
bool strip_separators(std::string_view match, std::string_view separators, Compact& out,
                      bool require_consistent = false);

// Accepts `match` either as one unbroken run of alphanumerics or split into exactly the given
// group sizes by one separator character from `separators`, the same one everywhere (e.g. SSNs:
// "123456789", "123-45-6789" or "123 45 6789", never "123-45 6789"). Copies the characters
// without separators into `out`, replacing what it held, so callers can try several shapes.
bool compact_groups(std::string_view match, std::initializer_list<int> group_sizes,
                    std::string_view separators, Compact& out);

// Removes a leading key name such as `aws_secret_access_key = ` or `"key": "` by keeping only what
// follows the last character that cannot belong to the value (`is_value_char` decides), then trims
// trailing quotes/whitespace. Used by the credential validators whose pattern is anchored on a
// name.
std::string_view trailing_value(std::string_view match, bool (*is_value_char)(char));

}  // namespace tamis::validators::internal
