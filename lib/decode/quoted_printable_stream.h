// Streaming, tolerant quoted-printable decoding (RFC 2045 section 6.7) for MIME bodies. Input may
// be split anywhere. "=XX" (either case of hex) becomes its byte; "=" before a line break (CRLF,
// LF, or blanks then a break) is a soft line break and disappears; an "=" that starts none of
// these is kept as it is and counted. Everything else, hard line breaks included, passes through.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "decode/decoding_source.h"

namespace tamis {

class QuotedPrintableDecoder {
 public:
  // The most bytes decode() writes for `input_size` input bytes (a held "=" plus blanks may be
  // released by the first byte of the next input).
  static constexpr std::size_t max_output(std::size_t input_size) {
    return input_size + kMaxHeldBlanks + 2;
  }

  // Decodes `input` into `out` (room for max_output(input.size()) bytes); returns bytes written.
  std::size_t decode(std::string_view input, char* out);
  // The end of the input: a trailing "=" or "=X" is kept as it is; "=" plus blanks is a soft
  // break. Returns bytes written (<= 2).
  std::size_t finish(char* out);

  // "=" sequences that were neither an escape nor a soft line break (kept literally).
  std::uint64_t invalid_sequences() const { return invalid_; }

 private:
  // Blanks after "=" are held to learn whether a line break follows; beyond this many the "=" is
  // no soft break (real lines are at most 76 characters) and they are released.
  static constexpr std::size_t kMaxHeldBlanks = 80;

  enum class State : std::uint8_t {
    kText,
    kEquals,       // "=" seen
    kEqualsHex,    // "=" and one hex digit seen (in held_hex_)
    kEqualsCr,     // "=" then CR: the soft break ends with an optional LF
    kEqualsBlank,  // "=" then blanks (in held_blanks_)
  };

  State state_ = State::kText;
  char held_hex_ = 0;
  std::string held_blanks_;
  std::uint64_t invalid_ = 0;
};

// A ByteSource of the decoded bytes of another ByteSource holding quoted-printable text.
using QuotedPrintableDecodeSource = DecodingSource<QuotedPrintableDecoder>;

}  // namespace tamis
