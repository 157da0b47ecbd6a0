// Streaming UTF-8 validation: says whether an object is well-formed UTF-8 and where the first bad
// sequence starts, fed in chunks that may split a character anywhere.
#pragma once

#include <cstdint>
#include <string_view>

namespace tamis {

class Utf8Checker {
 public:
  void reset();
  void feed(std::string_view bytes);
  // Takes `bytes` as well-formed UTF-8 without reading them when no character is open; else
  // the same as feed().
  void skip_valid(std::string_view bytes);
  // A sequence cut off by the end of the object is an error too.
  void finish();

  bool valid() const { return !failed_; }
  std::uint64_t first_error_offset() const { return error_offset_; }

 private:
  std::uint64_t offset_ = 0;
  std::uint64_t sequence_start_ = 0;
  std::uint8_t needed_ = 0;   // continuation bytes still expected
  std::uint8_t low_ = 0x80;   // allowed range of the next continuation byte (rules out overlong
  std::uint8_t high_ = 0xBF;  // forms, surrogates and code points above U+10FFFF)
  bool failed_ = false;
  std::uint64_t error_offset_ = 0;
};

}  // namespace tamis
