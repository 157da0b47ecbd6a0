#include "decode/utf8_checker.h"

#include <cstring>

namespace tamis {

void Utf8Checker::reset() { *this = Utf8Checker{}; }

void Utf8Checker::feed(std::string_view bytes) {
  if (failed_) {
    offset_ += bytes.size();
    return;
  }
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  if (needed_ == 0 && n <= 16) {
    // Structured formats feed one short value at a time: a plain ASCII one costs two loads.
    std::uint64_t words[2] = {0, 0};
    std::memcpy(words, p, n);
    if (((words[0] | words[1]) & 0x8080808080808080ULL) == 0) {
      offset_ += n;
      return;
    }
  }
  std::size_t i = 0;
  while (i < n) {
    if (needed_ == 0) {
      // ASCII fast path: 32 bytes per test while the text is plain ASCII (most text is), then 8.
      constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
      while (i + 32 <= n) {
        std::uint64_t words[4];
        std::memcpy(words, p + i, sizeof words);
        if (((words[0] | words[1] | words[2] | words[3]) & kHighBits) != 0) break;
        i += 32;
      }
      while (i + 8 <= n) {
        std::uint64_t word = 0;
        std::memcpy(&word, p + i, 8);
        if ((word & kHighBits) != 0) break;
        i += 8;
      }
      if (i >= n) break;
      const unsigned char b = p[i];
      if (b < 0x80) {
        ++i;
        continue;
      }
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

void Utf8Checker::finish() {
  if (!failed_ && needed_ != 0) {
    failed_ = true;
    error_offset_ = sequence_start_;
  }
}

}  // namespace tamis
