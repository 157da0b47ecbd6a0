// Line and column of byte offsets, computed by walking forward through the text once: each byte
// is looked at when it leaves the scanner's window, never twice.
#pragma once

#include <cstdint>
#include <string_view>

#include "match/text_window.h"

namespace tamis::match {

// UTF-8 code points in `bytes`: every byte that is not a continuation byte starts one. Columns and
// keyword distances are counted in these, as Macie counts characters.
std::uint64_t count_code_points(std::string_view bytes);

class LineTracker {
 public:
  void reset();
  std::uint64_t offset() const { return offset_; }
  std::uint64_t line() const { return line_; }      // 1-based, of the byte at offset()
  std::uint64_t column() const { return column_; }  // 1-based, in UTF-8 code points

  // Moves forward to `pos`; the bytes in between must still be in `window`.
  void advance_to(std::uint64_t pos, const TextWindow& window);

 private:
  std::uint64_t offset_ = 0;
  std::uint64_t line_ = 1;
  std::uint64_t column_ = 1;
};

}  // namespace tamis::match
