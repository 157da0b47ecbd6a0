// Standard base64 with padding, for tests that build encoded input (MIME parts, Basic
// credentials). `line_length` > 0 breaks lines with CRLF after that many characters, as MIME does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tamis::testing_support {

inline std::string encode_base64(std::string_view bytes, std::size_t line_length = 0) {
  constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t on_line = 0;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t group = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) group |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) group |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(group >> 18) & 63];
    out += kAlphabet[(group >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(group >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[group & 63] : '=';
    on_line += 4;
    if (line_length > 0 && on_line >= line_length) {
      out += "\r\n";
      on_line = 0;
    }
  }
  return out;
}

}  // namespace tamis::testing_support
