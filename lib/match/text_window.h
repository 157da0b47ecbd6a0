// The bytes a scanner still needs: a retained tail of earlier chunks plus the chunk being scanned.
// The current chunk is borrowed, not copied; only the part still needed is copied when the chunk
// is committed, so memory stays bounded by the rules' reach, not by the object's size.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tamis::match {

class TextWindow {
 public:
  void reset();

  std::uint64_t begin() const { return base_; }
  std::uint64_t end() const { return chunk_start_ + chunk_.size(); }

  // Borrows the next chunk; it must stay alive until commit().
  void push_chunk(std::string_view chunk);
  // Drops the bytes before `keep_from` and takes a copy of what remains of the current chunk.
  void commit(std::uint64_t keep_from);

  unsigned char at(std::uint64_t pos) const;
  // The lowest position p >= begin() such that [p, pos) holds at most `n` UTF-8 character starts:
  // how far back a distance of n characters reaches. Proximity regions are sized with it instead
  // of n * 4 bytes, which on ASCII text made every region four times wider than needed.
  std::uint64_t back_by_chars(std::uint64_t pos, std::uint64_t n) const;
  // The highest position q such that [pos, q) holds at most `n` character starts, when the window
  // holds enough bytes to tell; otherwise pos + n * 4 (the widest n characters can be).
  std::uint64_t forward_by_chars(std::uint64_t pos, std::uint64_t n) const;
  // [from, to) as one contiguous view; copied into `scratch` only when it straddles both parts.
  std::string_view view(std::uint64_t from, std::uint64_t to, std::string& scratch) const;

  // Calls visit(piece) for the one or two contiguous pieces covering [from, to).
  template <class Visit>
  void for_each_piece(std::uint64_t from, std::uint64_t to, Visit&& visit) const {
    const std::uint64_t retained_end = chunk_start_;
    if (from < retained_end) {
      const std::uint64_t stop = to < retained_end ? to : retained_end;
      visit(std::string_view(retained_).substr(from - base_, stop - from));
      from = stop;
    }
    if (from < to) visit(chunk_.substr(from - chunk_start_, to - from));
  }

 private:
  std::string retained_;  // bytes [base_, chunk_start_)
  std::uint64_t base_ = 0;
  std::string_view chunk_;  // bytes [chunk_start_, end())
  std::uint64_t chunk_start_ = 0;
};

}  // namespace tamis::match
