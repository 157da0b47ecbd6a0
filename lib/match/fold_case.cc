#include <unicode/unistr.h>

#include <string>
#include <string_view>

#include "match/compiled_rules.h"

namespace tamis::match {

std::string fold_case(std::string_view text) {
  bool ascii = true;
  for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  std::string out;
  if (ascii) {
    // Most found text is ASCII; skip ICU's UTF-16 round trip for it.
    out.reserve(text.size());
    for (char c : text) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
  }
  icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())))
      .foldCase()
      .toUTF8String(out);
  return out;
}

}  // namespace tamis::match
