// The whole text decoding chain for one object, streaming: holds back the first bytes until the
// encoding is known (at most kCharsetSniffBytes), then turns everything into normalised UTF-8.
//
//   raw bytes ─► detect_charset ─► UTF-8? ──yes──────────────────► TextNormalizer ─► out
//                                     └─no─► Utf8Transcoder ──────┘
//
// UTF-8 objects skip ICU's converter: the normaliser replaces bad bytes itself and copies ASCII.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "decode/charset_detector.h"
#include "decode/text_normalizer.h"
#include "decode/utf8_transcoder.h"

namespace tamis {

struct TextDecoderOptions {
  // Skip detection and read the object in this encoding (e.g. from a Content-Type header).
  std::string encoding;
  // Fold compatibility forms (docs/encodings.md). Off: plain UTF-8, bad sequences as U+FFFD.
  bool normalize = true;
};

class TextDecoder {
 public:
  using Sink = std::function<void(std::string_view utf8)>;

  static Result<TextDecoder> create(const TextDecoderOptions& options = {});

  void feed(std::string_view bytes, const Sink& out);
  void finish(const Sink& out);

  // What the object was read as; set once detection has run (after kCharsetSniffBytes of input
  // or at finish()).
  const std::optional<DetectedCharset>& charset() const { return charset_; }
  // Input sequences that were not valid in that encoding, each now one U+FFFD.
  std::uint64_t invalid_sequences() const;
  // Byte offset in the object of the first of them; meaningful when invalid_sequences() > 0.
  std::uint64_t first_invalid_offset() const;

 private:
  TextDecoder(TextDecoderOptions options, TextNormalizer normalizer)
      : options_(std::move(options)), normalizer_(std::move(normalizer)) {}

  void start(const Sink& out);
  void decode(std::string_view bytes, const Sink& out);

  TextDecoderOptions options_;
  TextNormalizer normalizer_;
  std::optional<Utf8Transcoder> transcoder_;  // absent on the UTF-8 path
  std::optional<DetectedCharset> charset_;
  std::string head_;  // bytes held back until the encoding is known
  bool started_ = false;
};

}  // namespace tamis
