#include "decode/utf8_checker.h"

#include "core/ascii_run.h"

namespace tamis {

void Utf8Checker::reset() { *this = Utf8Checker{}; }

void Utf8Checker::feed(std::string_view bytes) {
  if (failed_) {
    offset_ += bytes.size();
    return;
  }
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    if (needed_ == 0) {
      i = find_non_ascii(bytes, i);
      if (i >= n) break;
      const unsigned char b = p[i];
      sequence_start_ = offset_ + i;
      low_ = 0x80;
      high_ = 0xBF;
      if (b >= 0xC2 && b <= 0xDF) {
        needed_ = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        needed_ = 2;
        if (b == 0xE0) low_ = 0xA0;
        if (b == 0xED) high_ = 0x9F;
      } else if (b >= 0xF0 && b <= 0xF4) {
        needed_ = 3;
        if (b == 0xF0) low_ = 0x90;
        if (b == 0xF4) high_ = 0x8F;
      } else {
        failed_ = true;
        error_offset_ = sequence_start_;
        break;
      }
      ++i;
      continue;
    }
    const unsigned char b = p[i];
    if (b < low_ || b > high_) {
      failed_ = true;
      error_offset_ = sequence_start_;
      break;
    }
    low_ = 0x80;
    high_ = 0xBF;
    --needed_;
    ++i;
  }
  offset_ += n;
}

void Utf8Checker::skip_valid(std::string_view bytes) {
  if (needed_ != 0) {
    feed(bytes);
    return;
  }
  offset_ += bytes.size();
}

void Utf8Checker::finish() {
  if (!failed_ && needed_ != 0) {
    failed_ = true;
    error_offset_ = sequence_start_;
  }
}

}  // namespace tamis
