// Streaming Unicode normalisation of UTF-8 text so that identifiers written with compatibility
// characters still match: NFKC (full-width digits, ligatures, circled and superscript digits),
// every Unicode space as an ASCII space, and invisible format characters that split numbers
// (zero-width space/joiners, word joiner, soft hyphen, BOM, bidi marks) removed.
//
// Input may be split anywhere, even inside a character or a combining sequence: the output is
// the same as for the whole text at once. ASCII runs are copied through without ICU.
#pragma once

#include <unicode/uversion.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/result.h"

U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace tamis {

class TextNormalizer {
 public:
  using Sink = std::function<void(std::string_view utf8)>;

  // Text with no normalisation boundary for this long (a hostile run of combining marks) is
  // normalised in pieces so memory stays bounded; real text has a boundary every few characters.
  static constexpr std::size_t kMaxPendingBytes = 16 * 1024;
  // Mixed text is handed to ICU in batches of about this size rather than run by run.
  static constexpr std::size_t kBatchBytes = 4 * 1024;

  static Result<TextNormalizer> create();

  // Normalises what can be normalised without seeing more text and hands it to `out`.
  void feed(std::string_view utf8, const Sink& out);
  // The end of the text: everything still held back, an incomplete character as U+FFFD.
  void finish(const Sink& out);

  // Malformed UTF-8 sequences met in the input (each became U+FFFD).
  std::uint64_t invalid_sequences() const { return invalid_sequences_; }
  // Input byte offset of the first one; meaningful when invalid_sequences() > 0. With this the
  // normaliser can take UTF-8 objects directly, without a transcoder in front.
  std::uint64_t first_invalid_offset() const { return first_invalid_offset_; }

 private:
  explicit TextNormalizer(const icu::Normalizer2* nfkc) : nfkc_(nfkc) {}

  void feed_piece(std::string_view utf8, const Sink& out);
  void note_invalid(std::uint64_t offset);
  std::size_t complete_partial(std::string_view utf8);
  std::size_t take_non_ascii(std::string_view utf8, std::size_t at);
  void store_partial(const std::uint8_t* bytes, std::size_t length);
  void append_code_point(std::int32_t c);
  void flush_all(const Sink& out);
  void flush_to_last_boundary(const Sink& out);
  void normalize_prefix(std::size_t length, const Sink& out);
  void drop_prefix(std::size_t length);

  const icu::Normalizer2* nfkc_;        // ICU's singleton, never freed
  std::string pending_;                 // mapped text not yet normalised: it may still compose
  std::size_t no_boundary_before_ = 0;  // pending_ up to here has no boundary (but at 0)
  std::array<char, 4> partial_{};       // a character cut off by the end of the last chunk
  std::size_t partial_size_ = 0;
  std::uint64_t invalid_sequences_ = 0;
  std::uint64_t first_invalid_offset_ = 0;
  std::uint64_t bytes_in_ = 0;  // input bytes before the current chunk
};

}  // namespace tamis
