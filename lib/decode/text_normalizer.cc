#include "decode/text_normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>

#include "core/ascii_run.h"

namespace tamis {
namespace {

constexpr std::int32_t kReplacement = 0xFFFD;

// Invisible format characters that people and tools put inside numbers and words: dropping them
// lets "4111<ZWSP>1111" match as a card number. NFKC keeps all of these.
bool is_removed_format_character(std::int32_t c) {
  return c == 0x00AD ||                   // soft hyphen
         c == 0x180E ||                   // Mongolian vowel separator (formerly a space)
         (c >= 0x200B && c <= 0x200F) ||  // zero-width space, ZWNJ, ZWJ, LRM, RLM
         (c >= 0x202A && c <= 0x202E) ||  // bidi embeddings and overrides
         (c >= 0x2060 && c <= 0x2064) ||  // word joiner, invisible operators
         (c >= 0x2066 && c <= 0x2069) ||  // bidi isolates
         c == 0xFEFF;                     // zero-width no-break space (BOM)
}

// Spaces that should separate words like an ASCII space. NFKC already folds most of them; the
// ones it keeps (U+1680) and the common ones are mapped here so the result does not depend on it.
bool is_space_character(std::int32_t c) {
  return c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

// Bytes a UTF-8 sequence starting with `lead` needs (1 for a byte that cannot start one).
std::int32_t sequence_length(std::uint8_t lead) { return 1 + U8_COUNT_TRAIL_BYTES(lead); }

// Forwards ICU's output straight to the caller's sink, without an intermediate string.
class SinkAdapter : public icu::ByteSink {
 public:
  explicit SinkAdapter(const TextNormalizer::Sink& out) : out_(out) {}
  void Append(const char* bytes, int32_t n) override {
    if (n > 0) out_(std::string_view(bytes, static_cast<std::size_t>(n)));
  }

 private:
  const TextNormalizer::Sink& out_;
};

}  // namespace

Result<TextNormalizer> TextNormalizer::create() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || nfkc == nullptr) {
    return Error{std::string("ICU NFKC normaliser unavailable: ") + u_errorName(status)};
  }
  return TextNormalizer(nfkc);
}

void TextNormalizer::feed(std::string_view utf8, const Sink& out) {
  // ICU's UTF-8 macros index with 32-bit integers.
  constexpr std::size_t kMaxPiece = std::size_t{1} << 30;
  while (utf8.size() > kMaxPiece) {
    feed_piece(utf8.substr(0, kMaxPiece), out);
    utf8.remove_prefix(kMaxPiece);
  }
  feed_piece(utf8, out);
}

void TextNormalizer::feed_piece(std::string_view utf8, const Sink& out) {
  std::size_t i = partial_size_ > 0 ? complete_partial(utf8) : 0;
  const std::size_t n = utf8.size();
  while (i < n) {
    if (static_cast<unsigned char>(utf8[i]) >= 0x80) {
      i = take_non_ascii(utf8, i);
      continue;
    }
    const std::size_t end = find_non_ascii(utf8, i + 1);
    if (!pending_.empty() && pending_.size() + (end - i) <= kBatchBytes) {
      // A short ASCII run between non-ASCII characters: one ICU call over the whole mix costs
      // less than one per run.
      pending_.append(utf8.substr(i, end - i));
    } else {
      // Every ASCII character starts a normalisation boundary, so what is pending is final.
      flush_all(out);
      // All but the last ASCII character are final too; the last may still take a combining
      // mark from the next chunk ("e" + U+0301 is "é").
      if (end - i > 1) out(utf8.substr(i, end - 1 - i));
      pending_.push_back(utf8[end - 1]);
    }
    i = end;
    if (pending_.size() > kBatchBytes) flush_to_last_boundary(out);
  }
  flush_to_last_boundary(out);
  bytes_in_ += utf8.size();
}

void TextNormalizer::finish(const Sink& out) {
  if (partial_size_ > 0) {
    note_invalid(bytes_in_ - partial_size_);
    partial_size_ = 0;
    append_code_point(kReplacement);
  }
  flush_all(out);
}

std::size_t TextNormalizer::complete_partial(std::string_view utf8) {
  // A partial character is at most 3 bytes; at most 4 make it whole.
  std::array<std::uint8_t, 4> joined{};
  const std::size_t kept = std::min<std::size_t>(partial_size_, 3);
  std::memcpy(joined.data(), partial_.data(), kept);
  const std::size_t taken = std::min(utf8.size(), joined.size() - kept);
  std::memcpy(joined.data() + kept, utf8.data(), taken);
  const auto length = static_cast<std::int32_t>(kept + taken);
  std::int32_t used = 0;
  std::int32_t c = 0;
  U8_NEXT(joined.data(), used, length, c);
  if (c < 0 && used == length && length < sequence_length(joined[0])) {
    // Still not enough bytes: this chunk was too short to finish the character.
    store_partial(joined.data(), static_cast<std::size_t>(length));
    return utf8.size();
  }
  // The kept bytes were a valid beginning, so ICU consumed at least them.
  const std::size_t from_chunk =
      static_cast<std::size_t>(std::max<std::int32_t>(used, static_cast<std::int32_t>(kept))) -
      kept;
  partial_size_ = 0;
  if (c < 0) {
    note_invalid(bytes_in_ - kept);  // the sequence began in the previous chunk
    c = kReplacement;
  }
  append_code_point(c);
  return from_chunk;
}

std::size_t TextNormalizer::take_non_ascii(std::string_view utf8, std::size_t at) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const auto n = static_cast<std::int32_t>(utf8.size());
  auto i = static_cast<std::int32_t>(at);
  while (i < n && bytes[i] >= 0x80) {
    const std::int32_t start = i;
    std::int32_t c = 0;
    U8_NEXT(bytes, i, n, c);
    if (c < 0 && i == n && (n - start) < sequence_length(bytes[start])) {
      // A valid beginning cut off by the end of the chunk: finish it with the next one.
      store_partial(bytes + start, static_cast<std::size_t>(n - start));
      return utf8.size();
    }
    if (c < 0) {
      note_invalid(bytes_in_ + static_cast<std::uint64_t>(start));
      c = kReplacement;
    }
    append_code_point(c);
  }
  return static_cast<std::size_t>(i);
}

void TextNormalizer::note_invalid(std::uint64_t offset) {
  if (invalid_sequences_++ == 0) first_invalid_offset_ = offset;
}

void TextNormalizer::store_partial(const std::uint8_t* bytes, std::size_t length) {
  partial_size_ = std::min(length, partial_.size());
  std::memcpy(partial_.data(), bytes, partial_size_);
}

void TextNormalizer::append_code_point(std::int32_t c) {
  if (is_removed_format_character(c)) return;
  if (is_space_character(c)) c = ' ';
  std::array<std::uint8_t, U8_MAX_LENGTH> encoded{};
  std::int32_t length = 0;
  U8_APPEND_UNSAFE(encoded.data(), length, c);  // c is a scalar value: decoded or U+FFFD
  pending_.append(reinterpret_cast<const char*>(encoded.data()), static_cast<std::size_t>(length));
}

void TextNormalizer::flush_all(const Sink& out) {
  if (!pending_.empty()) normalize_prefix(pending_.size(), out);
}

void TextNormalizer::flush_to_last_boundary(const Sink& out) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(pending_.data());
  auto i = static_cast<std::int32_t>(pending_.size());
  // Characters before no_boundary_before_ were looked at by an earlier call: not again, or a
  // long run without boundaries fed in small chunks would cost quadratic time.
  const auto floor = static_cast<std::int32_t>(no_boundary_before_);
  while (i > floor) {
    std::int32_t c = 0;
    U8_PREV(bytes, 0, i, c);
    if (i > 0 && nfkc_->hasBoundaryBefore(c)) {
      normalize_prefix(static_cast<std::size_t>(i), out);
      return;
    }
  }
  no_boundary_before_ = pending_.size();
  // No boundary at all: only a hostile run of combining marks gets here.
  if (pending_.size() > kMaxPendingBytes) normalize_prefix(pending_.size(), out);
}

void TextNormalizer::normalize_prefix(std::size_t length, const Sink& out) {
  const std::string_view prefix = std::string_view(pending_).substr(0, length);
  if (is_all_ascii(prefix)) {
    out(prefix);  // NFKC leaves ASCII unchanged: no need to ask ICU
    drop_prefix(length);
    return;
  }
  SinkAdapter sink(out);
  UErrorCode status = U_ZERO_ERROR;
  nfkc_->normalizeUTF8(0, icu::StringPiece(pending_.data(), static_cast<std::int32_t>(length)),
                       sink, nullptr, status);
  if (U_FAILURE(status)) {
    // Cannot happen for well-formed UTF-8, which is all pending_ ever holds; keep the text
    // rather than lose it.
    out(prefix);
  }
  drop_prefix(length);
}

void TextNormalizer::drop_prefix(std::size_t length) {
  pending_.erase(0, length);
  no_boundary_before_ = 0;
}

}  // namespace tamis
