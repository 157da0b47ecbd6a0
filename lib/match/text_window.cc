#include "match/text_window.h"

#include <algorithm>

#include "core/ascii_run.h"

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

namespace {

bool starts_char(char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }

}  // namespace

std::uint64_t TextWindow::back_by_chars(std::uint64_t pos, std::uint64_t n) const {
  // Fast path for ASCII text: n characters back is n bytes back.
  if (pos >= base_ + n + 1 && pos - n - 1 >= chunk_start_ &&
      is_all_ascii(chunk_.substr(pos - n - 1 - chunk_start_, n + 1))) {
    return pos - n;
  }
  std::uint64_t starts = 0;
  // Walks back through the chunk, then the retained bytes; stops at the (n+1)-th start.
  auto walk = [&](std::string_view bytes, std::uint64_t bytes_begin) {
    for (std::size_t i = bytes.size(); i > 0; --i) {
      const bool start = starts_char(bytes[i - 1]);
      if (start && starts == n) {
        pos = bytes_begin + i;
        return true;
      }
      starts += start ? 1 : 0;
    }
    pos = bytes_begin;
    return false;
  };
  if (pos > chunk_start_ && walk(chunk_.substr(0, pos - chunk_start_), chunk_start_)) return pos;
  if (pos > base_) walk(std::string_view(retained_).substr(0, pos - base_), base_);
  return pos;
}

std::uint64_t TextWindow::forward_by_chars(std::uint64_t pos, std::uint64_t n) const {
  if (pos >= chunk_start_ && pos + n + 1 <= end() &&
      is_all_ascii(chunk_.substr(pos - chunk_start_, n + 1))) {
    return pos + n;
  }
  std::uint64_t starts = 0;
  std::uint64_t found = 0;
  // Walks forward from `bytes_begin`; stops at the (n+1)-th start.
  auto walk = [&](std::string_view bytes, std::uint64_t bytes_begin) {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      if (starts_char(bytes[i]) && starts++ == n) {
        found = bytes_begin + i;
        return true;
      }
    }
    return false;
  };
  if (pos < chunk_start_ && walk(std::string_view(retained_).substr(pos - base_), pos)) {
    return found;
  }
  const std::uint64_t from = std::max(pos, chunk_start_);
  if (from < end() && walk(chunk_.substr(from - chunk_start_), from)) return found;
  return pos + n * 4;
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
