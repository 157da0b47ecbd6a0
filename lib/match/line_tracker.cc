#include "match/line_tracker.h"

#include <string_view>

#include "core/byte_lanes.h"
#include "core/vector_clones.h"

namespace tamis::match {
namespace {

// 64 lanes, one AVX-512 vector; memchr from newline to newline (a call per line, lines being tens
// of bytes) and a plain loop into a 64-bit counter both cost over 10% of a text scan (perf).
TAMIS_VECTOR_CLONES std::uint64_t count_newlines(std::string_view bytes) {
  return count_bytes_where<64>(bytes, [](unsigned char b) { return b == '\n'; })[0];
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
