#include "catalog/validators/base64.h"

#include <cstdint>

#include "catalog/validators/compact.h"

namespace tamis::validators::internal {

int base64_value(char c, Base64Alphabet alphabet) {
  if (is_upper(c)) return c - 'A';
  if (is_lower(c)) return c - 'a' + 26;
  if (is_digit(c)) return c - '0' + 52;
  const bool url_safe = alphabet == Base64Alphabet::kUrlSafe;
  if (c == (url_safe ? '-' : '+')) return 62;
  if (c == (url_safe ? '_' : '/')) return 63;
  return -1;
}

long base64_decode(std::string_view encoded, Base64Alphabet alphabet, char* out,
                   std::size_t out_capacity) {
  std::size_t padding = 0;
  while (!encoded.empty() && encoded.back() == '=' && padding < 2) {
    encoded.remove_suffix(1);
    ++padding;
  }
  // Padding, when present, must complete the last quantum of four characters exactly.
  if (padding > 0 && (encoded.size() + padding) % 4 != 0) return -1;
  if (encoded.size() % 4 == 1) return -1;
  const std::size_t decoded_size =
      encoded.size() / 4 * 3 + (encoded.size() % 4 == 0 ? 0 : encoded.size() % 4 - 1);
  if (decoded_size > out_capacity) return -1;

  std::uint32_t bits = 0;
  int bit_count = 0;
  std::size_t written = 0;
  for (char c : encoded) {
    const int value = base64_value(c, alphabet);
    if (value < 0) return -1;
    bits = (bits << 6) | static_cast<std::uint32_t>(value);
    bit_count += 6;
    if (bit_count >= 8) {
      bit_count -= 8;
      out[written++] = static_cast<char>((bits >> bit_count) & 0xFF);
    }
  }
  // Leftover bits must be zero, or two different strings would decode to the same bytes.
  if ((bits & ((1u << bit_count) - 1)) != 0) return -1;
  return static_cast<long>(written);
}

}  // namespace tamis::validators::internal
