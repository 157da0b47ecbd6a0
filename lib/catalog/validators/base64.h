// Allocation-free base64 decoding (RFC 4648 standard and URL-safe alphabets) for the credential
// validators, which must look inside encoded headers and tokens.
#pragma once

#include <cstddef>
#include <string_view>

namespace tamis::validators::internal {

enum class Base64Alphabet { kStandard, kUrlSafe };

// The 6-bit value of `c` in the alphabet, or -1.
int base64_value(char c, Base64Alphabet alphabet);

// Decodes `encoded` into `out` (capacity `out_capacity`) and returns the decoded size, or -1 when
// the text is not canonical base64: a character outside the alphabet, '=' anywhere but a correct
// final padding, an impossible length (one character left over), non-zero unused bits in the last
// character, or an output that does not fit. Padding is optional so that JWTs (which omit it) and
// padded headers both decode.
long base64_decode(std::string_view encoded, Base64Alphabet alphabet, char* out,
                   std::size_t out_capacity);

}  // namespace tamis::validators::internal
