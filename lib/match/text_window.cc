#include "match/text_window.h"

#include <algorithm>

namespace tamis::match {

void TextWindow::reset() {
  retained_.clear();
  base_ = 0;
  chunk_ = {};
  chunk_start_ = 0;
}

void TextWindow::push_chunk(std::string_view chunk) {
  chunk_start_ = base_ + retained_.size();
  chunk_ = chunk;
}

void TextWindow::commit(std::uint64_t keep_from) {
  keep_from = std::clamp(keep_from, base_, end());
  const std::uint64_t new_end = end();
  if (keep_from >= chunk_start_) {
    retained_.assign(chunk_.substr(keep_from - chunk_start_));
  } else {
    retained_.erase(0, keep_from - base_);
    retained_.append(chunk_);
  }
  base_ = keep_from;
  chunk_ = {};
  chunk_start_ = new_end;
}

unsigned char TextWindow::at(std::uint64_t pos) const {
  if (pos < chunk_start_) return static_cast<unsigned char>(retained_[pos - base_]);
  return static_cast<unsigned char>(chunk_[pos - chunk_start_]);
}

std::string_view TextWindow::view(std::uint64_t from, std::uint64_t to,
                                  std::string& scratch) const {
  if (from >= chunk_start_) return chunk_.substr(from - chunk_start_, to - from);
  if (to <= chunk_start_) return std::string_view(retained_).substr(from - base_, to - from);
  scratch.clear();
  for_each_piece(from, to, [&](std::string_view piece) { scratch.append(piece); });
  return scratch;
}

}  // namespace tamis::match
