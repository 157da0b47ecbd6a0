// A ByteSource of the decoded bytes of another ByteSource, for any push decoder with the shape
// of Base64Decoder and QuotedPrintableDecoder: `static max_output(n)`, `decode(input, out)` and
// `finish(out)`, each returning the bytes written.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "archive/byte_source.h"

namespace tamis {

template <class Decoder>
class DecodingSource final : public ByteSource {
 public:
  explicit DecodingSource(ByteSource& encoded)
      : encoded_(encoded), buffer_(new char[Decoder::max_output(kInputStep)]) {}

  Pull pull(std::string_view& chunk) override {
    while (!ended_) {
      if (pending_.empty()) {
        std::string_view next;
        if (encoded_.pull(next) == Pull::kEnd) {
          ended_ = true;
          const std::size_t size = decoder_.finish(buffer_.get());
          if (size == 0) break;
          chunk = std::string_view(buffer_.get(), size);
          return Pull::kData;
        }
        pending_ = next;
      }
      // Bounded steps keep the output buffer fixed whatever chunk size the source hands over.
      const std::string_view step = pending_.substr(0, kInputStep);
      pending_.remove_prefix(step.size());
      const std::size_t size = decoder_.decode(step, buffer_.get());
      if (size > 0) {
        chunk = std::string_view(buffer_.get(), size);
        return Pull::kData;
      }
    }
    return Pull::kEnd;
  }
  const ObjectStatus& status() const override { return encoded_.status(); }

  // What the decoder counted (invalid characters or sequences) so far.
  const Decoder& decoder() const { return decoder_; }

 private:
  static constexpr std::size_t kInputStep = 64 * 1024;

  ByteSource& encoded_;
  Decoder decoder_;
  std::unique_ptr<char[]> buffer_;
  std::string_view pending_;  // the part of the encoded chunk not decoded yet
  bool ended_ = false;
};

}  // namespace tamis
