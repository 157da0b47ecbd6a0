// Streaming, tolerant base64 decoding (RFC 2045 section 6.8) for MIME bodies and encoded words.
// Input may be split anywhere; line breaks and whitespace are skipped; characters outside the
// alphabet are skipped and counted; missing padding is accepted, and padding in the middle of the
// input ends a quantum (concatenated base64 blocks decode as each would alone).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "decode/decoding_source.h"

namespace tamis {

class Base64Decoder {
 public:
  // The most bytes decode() writes for `input_size` input bytes.
  static constexpr std::size_t max_output(std::size_t input_size) { return input_size / 4 * 3 + 3; }

  // Decodes `input` into `out` (room for max_output(input.size()) bytes); returns bytes written.
  std::size_t decode(std::string_view input, char* out);
  // The end of the input: a final quantum of 2 or 3 characters yields its 1 or 2 bytes; a lone
  // final character cannot encode a byte and is counted as invalid. Returns bytes written (<= 2).
  std::size_t finish(char* out);

  // Characters outside the alphabet, plus a quantum cut after one character.
  std::uint64_t invalid_characters() const { return invalid_; }

 private:
  std::uint32_t bits_ = 0;   // the current quantum's sextets, most significant first
  std::uint32_t count_ = 0;  // sextets in bits_ (0-3)
  std::uint64_t invalid_ = 0;
};

// Decodes a whole base64 string at once (encoded words); invalid characters are skipped.
std::string decode_base64(std::string_view input);

// A ByteSource of the decoded bytes of another ByteSource holding base64 text.
using Base64DecodeSource = DecodingSource<Base64Decoder>;

}  // namespace tamis
