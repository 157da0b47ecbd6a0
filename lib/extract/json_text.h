// Small UTF-8 helpers for the JSON extractor: encoding code points that come from \u escapes, and
// cutting decoded text only between characters so every piece handed to a sink is whole UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tamis {

// U+FFFD, written for lone surrogate escapes (\uD800 without its partner): the text stays valid
// UTF-8 and the rest of the string is still scanned.
inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// Appends the UTF-8 form of `code_point` (surrogates and values above U+10FFFF become U+FFFD).
void append_utf8(std::string& out, char32_t code_point);

// Length of the longest prefix of `text` that does not end inside a multi-byte character. Only the
// last (at most 3) bytes are inspected, so this is O(1); text that is not UTF-8 at all is returned
// whole rather than held back.
std::size_t utf8_whole_prefix(std::string_view text);

}  // namespace tamis
