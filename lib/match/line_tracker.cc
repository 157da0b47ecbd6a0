#include "match/line_tracker.h"

#include <algorithm>
#include <string_view>

#include "core/vector_clones.h"

namespace tamis::match {
namespace {

// Counted 32 bytes at a time into byte-wide lanes, which the compiler turns into two vector
// instructions per vector; memchr from newline to newline (a call per line, lines being tens of
// bytes) and a plain loop into a 64-bit counter both cost over 10% of a text scan (perf).
TAMIS_VECTOR_CLONES std::uint64_t count_newlines(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t size = bytes.size();
  constexpr std::size_t kLanes = 32;
  constexpr std::size_t kBlock = 255 * kLanes;  // a byte lane counts to 255 at most
  std::uint64_t n = 0;
  std::size_t i = 0;
  while (size - i >= kLanes) {
    const std::size_t block_end = i + std::min(kBlock, (size - i) / kLanes * kLanes);
    unsigned char lanes[kLanes] = {};
    for (; i < block_end; i += kLanes) {
      for (std::size_t k = 0; k < kLanes; ++k) lanes[k] += p[i + k] == '\n' ? 1 : 0;
    }
    for (unsigned char lane : lanes) n += lane;
  }
  for (; i < size; ++i) n += p[i] == '\n' ? 1U : 0U;
  return n;
}

}  // namespace

// A plain indexed loop over unsigned bytes, which the compiler vectorises.
std::uint64_t count_code_points(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::uint64_t n = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) n += (p[i] & 0xC0U) != 0x80U ? 1U : 0U;
  return n;
}

void LineTracker::reset() {
  offset_ = 0;
  line_ = 1;
  column_ = 1;
}

void LineTracker::advance_to(std::uint64_t pos, const TextWindow& window) {
  if (pos <= offset_) return;
  window.for_each_piece(offset_, pos, [&](std::string_view piece) {
    const std::uint64_t newlines = count_newlines(piece);
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
