#include "match/keyword_expression.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace tamis::match {
namespace {

void append_escaped_byte(std::string& out, unsigned char byte) {
  std::array<char, 5> buf{};
  std::snprintf(buf.data(), buf.size(), "\\x%02x", byte);
  out += buf.data();
}

void append_code_point_bytes(std::string& out, UChar32 cp) {
  std::array<std::uint8_t, 4> bytes{};
  std::int32_t length = 0;
  // U8_APPEND_UNSAFE: cp comes from U8_NEXT or ICU's case mappings, so it is a valid code point.
  U8_APPEND_UNSAFE(bytes.data(), length, cp);
  for (std::int32_t i = 0; i < length; ++i) append_escaped_byte(out, bytes[i]);
}

// Every case form of a non-ASCII letter, so byte-mode matching stays case-insensitive.
void append_non_ascii(std::string& out, UChar32 cp) {
  std::vector<UChar32> forms{cp};
  for (UChar32 form :
       {u_tolower(cp), u_toupper(cp), u_totitle(cp), u_foldCase(cp, U_FOLD_CASE_DEFAULT)}) {
    bool seen = false;
    for (UChar32 f : forms) seen = seen || f == form;
    if (!seen) forms.push_back(form);
  }
  if (forms.size() == 1) {
    append_code_point_bytes(out, cp);
    return;
  }
  out += "(?:";
  for (std::size_t i = 0; i < forms.size(); ++i) {
    if (i > 0) out += '|';
    append_code_point_bytes(out, forms[i]);
  }
  out += ')';
}

}  // namespace

std::string keyword_expression(std::string_view keyword) {
  std::string out;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(keyword.data());
  const auto length = static_cast<std::int32_t>(keyword.size());
  std::int32_t i = 0;
  while (i < length) {
    UChar32 cp = 0;
    U8_NEXT(bytes, i, length, cp);
    if (cp < 0) {
      // Not UTF-8: match the byte itself rather than refusing the keyword.
      append_escaped_byte(out, bytes[i - 1]);
    } else if (cp == ' ') {
      out += "[ _\\-]?";
    } else if (cp < 0x80) {
      const auto c = static_cast<unsigned char>(cp);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        out += static_cast<char>(c);
      } else {
        append_escaped_byte(out, c);
      }
    } else {
      append_non_ascii(out, cp);
    }
  }
  return out;
}

}  // namespace tamis::match
