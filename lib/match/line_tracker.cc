#include "match/line_tracker.h"

#include <algorithm>
#include <string_view>

namespace tamis::match {
namespace {

// UTF-8 code points start at every byte that is not a continuation byte (10xxxxxx).
std::uint64_t count_code_points(std::string_view bytes) {
  std::uint64_t n = 0;
  for (char c : bytes) n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
  return n;
}

}  // namespace

void LineTracker::reset() {
  offset_ = 0;
  line_ = 1;
  column_ = 1;
}

void LineTracker::advance_to(std::uint64_t pos, const TextWindow& window) {
  if (pos <= offset_) return;
  window.for_each_piece(offset_, pos, [&](std::string_view piece) {
    const auto newlines = static_cast<std::uint64_t>(std::count(piece.begin(), piece.end(), '\n'));
    if (newlines == 0) {
      column_ += count_code_points(piece);
      return;
    }
    line_ += newlines;
    const std::size_t last = piece.rfind('\n');
    column_ = 1 + count_code_points(piece.substr(last + 1));
  });
  offset_ = pos;
}

}  // namespace tamis::match
