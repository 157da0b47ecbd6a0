#include "decode/text_decoder.h"

#include <algorithm>
#include <utility>

namespace tamis {

Result<TextDecoder> TextDecoder::create(const TextDecoderOptions& options) {
  auto normalizer = TextNormalizer::create();
  if (!normalizer.ok()) return normalizer.error();
  TextDecoder decoder(options, std::move(normalizer).value());
  if (!options.encoding.empty()) {
    // Check the name now so a bad one is a configuration error, not a mid-scan surprise.
    auto transcoder = Utf8Transcoder::open(options.encoding);
    if (!transcoder.ok()) return transcoder.error();
    DetectedCharset forced;
    forced.name = canonical_charset_name(options.encoding);
    decoder.charset_ = forced;
  }
  return decoder;
}

void TextDecoder::feed(std::string_view bytes, const Sink& out) {
  if (!started_) {
    if (!charset_) {
      const std::size_t taken = std::min(kCharsetSniffBytes - head_.size(), bytes.size());
      head_.append(bytes.substr(0, taken));
      bytes.remove_prefix(taken);
      if (head_.size() < kCharsetSniffBytes) return;
      charset_ = detect_charset(head_);
    }
    start(out);
  }
  decode(bytes, out);
}

void TextDecoder::finish(const Sink& out) {
  if (!started_) {
    if (!charset_) charset_ = detect_charset(head_);  // an object shorter than the window
    start(out);
  }
  if (transcoder_) {
    const Sink to_normalizer = [&](std::string_view utf8) { normalizer_.feed(utf8, out); };
    transcoder_->finish(options_.normalize ? to_normalizer : out);
  }
  if (options_.normalize) normalizer_.finish(out);
}

// Opens the path for the known encoding and releases the held-back head into it.
void TextDecoder::start(const Sink& out) {
  started_ = true;
  // UTF-8 goes to the normaliser directly; with normalisation off, ICU's UTF-8 converter is the
  // one that replaces bad sequences.
  if (charset_->name != "UTF-8" || !options_.normalize) {
    auto transcoder = Utf8Transcoder::open(charset_->name);
    if (!transcoder.ok()) {
      // Detection only names encodings ICU can open; should that ever fail, read UTF-8.
      charset_->name = "UTF-8";
      charset_->below_floor = true;
      transcoder = Utf8Transcoder::open("UTF-8");
    }
    if (transcoder.ok() && (charset_->name != "UTF-8" || !options_.normalize)) {
      transcoder_ = std::move(transcoder).value();
    }
  }
  const std::string head = std::move(head_);
  head_ = std::string();
  decode(head, out);
}

void TextDecoder::decode(std::string_view bytes, const Sink& out) {
  if (bytes.empty()) return;
  if (!transcoder_) {
    normalizer_.feed(bytes, out);
    return;
  }
  if (!options_.normalize) {
    transcoder_->feed(bytes, out);
    return;
  }
  transcoder_->feed(bytes, [&](std::string_view utf8) { normalizer_.feed(utf8, out); });
}

std::uint64_t TextDecoder::invalid_sequences() const {
  return transcoder_ ? transcoder_->invalid_sequences() : normalizer_.invalid_sequences();
}

std::uint64_t TextDecoder::first_invalid_offset() const {
  return transcoder_ ? transcoder_->first_invalid_offset() : normalizer_.first_invalid_offset();
}

}  // namespace tamis
