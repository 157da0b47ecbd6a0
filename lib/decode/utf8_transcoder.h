// Streaming conversion of text in any ICU-known encoding to UTF-8. Chunks may split a character,
// a multi-byte sequence or a surrogate pair anywhere; memory stays fixed whatever the input size.
#pragma once

#include <unicode/ucnv.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>

#include "core/result.h"

namespace tamis {

class Utf8Transcoder {
 public:
  using Sink = std::function<void(std::string_view utf8)>;

  // `encoding` is an ICU/IANA name or alias ("UTF-16LE", "windows-1252", "Shift_JIS", ...).
  static Result<Utf8Transcoder> open(std::string_view encoding);

  // Converts `bytes` and hands the UTF-8 produced so far to `out` (possibly in several pieces,
  // never splitting a character). A byte order mark at the start of the text is dropped.
  void feed(std::string_view bytes, const Sink& out);
  // The end of the text: a sequence left incomplete becomes U+FFFD (and counts as invalid).
  void finish(const Sink& out);

  // Byte sequences that were not valid in the encoding (each replaced by one U+FFFD).
  std::uint64_t invalid_sequences() const { return state_->invalid_sequences; }
  // Input offset of the first such sequence; meaningful when invalid_sequences() > 0.
  std::uint64_t first_invalid_offset() const { return state_->first_invalid_offset; }
  // Bytes fed so far.
  std::uint64_t bytes_in() const { return state_->bytes_in; }

 private:
  struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
  };
  // Read by ICU's error callback, so it lives at a fixed address while the transcoder moves.
  struct State {
    std::uint64_t invalid_sequences = 0;
    std::uint64_t first_invalid_offset = 0;
    std::uint64_t bytes_in = 0;         // input consumed before the current chunk
    const char* chunk_begin = nullptr;  // start of the chunk ICU is converting
    std::uint64_t unit_bytes = 1;       // 2 for UTF-16, 4 for UTF-32: faults start on a unit
  };

  Utf8Transcoder() = default;
  static void on_invalid(const void* context, UConverterToUnicodeArgs* args, const char* code_units,
                         std::int32_t length, UConverterCallbackReason reason, UErrorCode* error);
  void convert(std::string_view bytes, bool flush, const Sink& out);
  void emit_utf16(const UChar* begin, const UChar* end, const Sink& out);

  std::unique_ptr<UConverter, ConverterCloser> converter_;
  std::unique_ptr<State> state_;
  bool at_text_start_ = true;
  UChar pending_lead_ = 0;  // a lead surrogate whose trail is still to come
};

}  // namespace tamis
