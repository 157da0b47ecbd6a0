// What a word is for keyword and match boundaries: ASCII letters, digits and '_' are word bytes;
// everything else, UTF-8 sequences included, separates words. One definition, so that the
// matcher's boundary checks and the word keyword finder can never disagree.
#pragma once

namespace tamis::match {

constexpr bool is_ascii_letter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

constexpr bool is_word_byte(unsigned char c) {
  return is_ascii_letter(c) || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace tamis::match
