#include "decode/base64_stream.h"

#include <algorithm>
#include <array>

namespace tamis {
namespace {

constexpr std::int8_t kSkip = -1;     // whitespace and line breaks
constexpr std::int8_t kInvalid = -2;  // outside the alphabet
constexpr std::int8_t kPad = -3;      // '='

constexpr std::array<std::int8_t, 256> make_table() {
  std::array<std::int8_t, 256> table{};
  for (auto& entry : table) entry = kInvalid;
  constexpr std::string_view alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (std::size_t i = 0; i < alphabet.size(); ++i) {
    table[static_cast<unsigned char>(alphabet[i])] = static_cast<std::int8_t>(i);
  }
  for (const char c : std::string_view(" \t\r\n\f\v")) table[static_cast<unsigned char>(c)] = kSkip;
  table['='] = kPad;
  return table;
}

constexpr std::array<std::int8_t, 256> kTable = make_table();

}  // namespace

std::size_t Base64Decoder::decode(std::string_view input, char* out) {
  char* const begin = out;
  // Locals instead of members: the loop is the decoder's whole cost.
  std::uint32_t bits = bits_;
  std::uint32_t count = count_;
  for (const char c : input) {
    const std::int8_t value = kTable[static_cast<unsigned char>(c)];
    if (value >= 0) {
      bits = (bits << 6) | static_cast<std::uint32_t>(value);
      if (++count == 4) {
        out[0] = static_cast<char>(bits >> 16);
        out[1] = static_cast<char>(bits >> 8);
        out[2] = static_cast<char>(bits);
        out += 3;
        bits = 0;
        count = 0;
      }
      continue;
    }
    if (value == kSkip) continue;
    if (value == kInvalid) {
      ++invalid_;
      continue;
    }
    // Padding closes the quantum; a second '=' (or one at a quantum start) has nothing to close.
    if (count == 2) {
      *out++ = static_cast<char>(bits >> 4);
    } else if (count == 3) {
      *out++ = static_cast<char>(bits >> 10);
      *out++ = static_cast<char>(bits >> 2);
    } else if (count == 1) {
      ++invalid_;
    }
    bits = 0;
    count = 0;
  }
  bits_ = bits;
  count_ = count;
  return static_cast<std::size_t>(out - begin);
}

std::size_t Base64Decoder::finish(char* out) {
  std::size_t written = 0;
  if (count_ == 2) {
    out[written++] = static_cast<char>(bits_ >> 4);
  } else if (count_ == 3) {
    out[written++] = static_cast<char>(bits_ >> 10);
    out[written++] = static_cast<char>(bits_ >> 2);
  } else if (count_ == 1) {
    ++invalid_;
  }
  bits_ = 0;
  count_ = 0;
  return written;
}

std::string decode_base64(std::string_view input) {
  Base64Decoder decoder;
  std::string out(Base64Decoder::max_output(input.size()), '\0');
  std::size_t size = decoder.decode(input, out.data());
  size += decoder.finish(out.data() + size);
  out.resize(size);
  return out;
}

}  // namespace tamis
