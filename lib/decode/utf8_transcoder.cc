#include "decode/utf8_transcoder.h"

#include <unicode/ucnv_cb.h>

#include <array>
#include <string>

namespace tamis {
namespace {

// Fixed buffers: ICU converts into `utf16`, we encode that into `utf8` (at most 3 bytes per
// UTF-16 unit, a surrogate pair being 4 bytes for 2 units).
constexpr std::size_t kUtf16Units = 2048;
constexpr std::size_t kUtf8Bytes = kUtf16Units * 3;
constexpr UChar kReplacement = 0xFFFD;
constexpr UChar kByteOrderMark = 0xFEFF;

bool is_lead(UChar u) { return u >= 0xD800 && u <= 0xDBFF; }
bool is_trail(UChar u) { return u >= 0xDC00 && u <= 0xDFFF; }

std::size_t put_code_point(std::uint32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

}  // namespace

Result<Utf8Transcoder> Utf8Transcoder::open(std::string_view encoding) {
  const std::string name(encoding);
  // ICU reads an empty name as "the platform default", which would hide a caller's bug.
  if (name.empty()) return Error{"no text encoding named"};
  UErrorCode status = U_ZERO_ERROR;
  Utf8Transcoder transcoder;
  transcoder.converter_.reset(ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status) || transcoder.converter_ == nullptr) {
    return Error{"unknown text encoding \"" + name + "\": " + u_errorName(status)};
  }
  status = U_ZERO_ERROR;  // drop warnings such as U_AMBIGUOUS_ALIAS_WARNING
  transcoder.state_ = std::make_unique<State>();
  // UTF-16 and UTF-32 are the only ICU encodings whose shortest character is over one byte.
  const std::int8_t min_char = ucnv_getMinCharSize(transcoder.converter_.get());
  transcoder.state_->unit_bytes = min_char > 1 ? static_cast<std::uint64_t>(min_char) : 1;
  ucnv_setToUCallBack(transcoder.converter_.get(), &Utf8Transcoder::on_invalid,
                      transcoder.state_.get(), nullptr, nullptr, &status);
  if (U_FAILURE(status)) {
    return Error{"cannot install the decoding error handler for \"" + name +
                 "\": " + u_errorName(status)};
  }
  return transcoder;
}

void Utf8Transcoder::on_invalid(const void* context, UConverterToUnicodeArgs* args,
                                const char* /*code_units*/, std::int32_t length,
                                UConverterCallbackReason reason, UErrorCode* error) {
  if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL && reason != UCNV_IRREGULAR) return;
  auto* state = static_cast<State*>(const_cast<void*>(context));
  if (state->invalid_sequences++ == 0) {
    // ICU has consumed the bad bytes: they end where its source pointer is now. A sequence that
    // began in an earlier chunk yields a smaller, still exact, offset. When the byte after the
    // fault arrived in a later chunk ICU may already hold part of it, which puts `end` past the
    // fault by less than a code unit: in UTF-16/32 rounding down to a unit boundary undoes that.
    const std::uint64_t end =
        state->bytes_in + static_cast<std::uint64_t>(args->source - state->chunk_begin);
    const std::uint64_t len = length > 0 ? static_cast<std::uint64_t>(length) : 0;
    const std::uint64_t start = end >= len ? end - len : 0;
    state->first_invalid_offset = start - start % state->unit_bytes;
  }
  *error = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, error);
}

void Utf8Transcoder::feed(std::string_view bytes, const Sink& out) {
  convert(bytes, /*flush=*/false, out);
}

void Utf8Transcoder::finish(const Sink& out) {
  convert(std::string_view(), /*flush=*/true, out);
  if (pending_lead_ != 0) {
    // The converter handed us half a pair and the text ended: one unreadable character.
    pending_lead_ = 0;
    const UChar replacement = kReplacement;
    emit_utf16(&replacement, &replacement + 1, out);
  }
}

void Utf8Transcoder::convert(std::string_view bytes, bool flush, const Sink& out) {
  std::array<UChar, kUtf16Units> utf16;
  const char* source = bytes.data();
  const char* const source_end = bytes.data() + bytes.size();
  state_->chunk_begin = source;
  for (;;) {
    UChar* target = utf16.data();
    UErrorCode status = U_ZERO_ERROR;
    ucnv_toUnicode(converter_.get(), &target, utf16.data() + utf16.size(), &source, source_end,
                   nullptr, flush, &status);
    emit_utf16(utf16.data(), target, out);
    // Overflow means the buffer filled up: drain it and continue where ICU stopped.
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
  }
  state_->bytes_in += bytes.size();
  state_->chunk_begin = nullptr;
}

void Utf8Transcoder::emit_utf16(const UChar* begin, const UChar* end, const Sink& out) {
  std::array<char, kUtf8Bytes + 4> utf8;
  std::size_t used = 0;
  for (const UChar* p = begin; p != end; ++p) {
    UChar unit = *p;
    if (at_text_start_) {
      at_text_start_ = false;
      if (unit == kByteOrderMark) continue;
    }
    std::uint32_t code_point = unit;
    if (pending_lead_ != 0) {
      if (is_trail(unit)) {
        code_point = 0x10000 + ((static_cast<std::uint32_t>(pending_lead_) - 0xD800) << 10) +
                     (unit - 0xDC00);
        pending_lead_ = 0;
      } else {
        // A lead without its trail; the converter normally reports these itself.
        pending_lead_ = 0;
        used += put_code_point(kReplacement, utf8.data() + used);
      }
    }
    if (code_point == unit) {
      if (is_lead(unit)) {
        pending_lead_ = unit;
        continue;
      }
      if (is_trail(unit)) code_point = kReplacement;
    }
    used += put_code_point(code_point, utf8.data() + used);
    if (used + 8 > utf8.size()) {
      out(std::string_view(utf8.data(), used));
      used = 0;
    }
  }
  if (used > 0) out(std::string_view(utf8.data(), used));
}

}  // namespace tamis
