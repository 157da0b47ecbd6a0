// Finds the keywords of a ShortKeywordSet as whole words in a stream of bytes. Each 64-byte window
// is classified into three bit masks: word bytes, possible first letters, possible second letters.
// The classifier is picked by CPU at run time: a 128-byte table permute (AVX-512 VBMI), nibble-
// table shuffles (AVX-512BW, AVX2, SSSE3), or a byte table elsewhere. A few shifts of those masks
// leave only the starts of two- and three-byte words whose first two letters could begin a keyword;
// each survivor is checked against the keywords of its letter pair. The word boundaries are those
// of StreamMatcher::boundary_at: ASCII letters, digits and '_' are word bytes, everything else
// (UTF-8 included) separates words.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "match/short_keyword_set.h"

namespace tamis::match {

// How far behind its end a hit may be reported: a word is looked at once the three bytes after its
// start are known, and keywords are at least two bytes long.
inline constexpr std::uint32_t kShortWordLag = 2;

struct ShortKeywordHit {
  std::uint32_t id;  // as given to ShortKeywordSet::add
  std::uint64_t start;
  std::uint64_t end;
};

class ShortWordFinder {
 public:
  // Classifies `windows` windows of 64 bytes, each starting 60 bytes after the one before, with
  // the set's byte classes, into the candidate starts of each window (bit i: byte i).
  using Classify = void (*)(const unsigned char* bytes, std::size_t windows,
                            const ShortKeywordSet& set, std::uint64_t* out);
  // The one this CPU runs best, and every one it can run, portable first (for tests).
  static Classify best_classifier();
  static std::vector<Classify> supported_classifiers();

  // `set` must outlive the finder. Without `classify`, the best one for this CPU.
  explicit ShortWordFinder(const ShortKeywordSet& set, Classify classify = nullptr);

  void reset();
  // `bytes` continue the stream. Hits are appended in order; a word is looked at once the three
  // bytes after its start have been fed, so a hit may come up to two bytes after its end.
  void feed(std::string_view bytes, std::vector<ShortKeywordHit>& out);
  // The stream ends: the last words are looked at, and the finder is reset.
  void finish(std::vector<ShortKeywordHit>& out);

  // Every hit in one whole text (a column name, a JSON key).
  void find_all(std::string_view text, std::vector<ShortKeywordHit>& out);

 private:
  // Looks at the word starts at data[from, to): data[from - 1] is readable, and so are the three
  // bytes after each start unless data ends at `size` (the stream's end).
  void scan(const unsigned char* data, std::size_t size, std::size_t from, std::size_t to,
            std::uint64_t base, std::vector<ShortKeywordHit>& out) const;

  const ShortKeywordSet& set_;
  Classify classify_;
  std::uint64_t end_ = 0;        // bytes fed
  std::uint64_t evaluated_ = 0;  // word starts before this have been looked at
  // Bytes [evaluated_ - 1, end_): at most four. Before the first byte, a space stands in for the
  // text before the stream.
  std::array<unsigned char, 8> tail_{};
  std::size_t tail_size_ = 0;
};

}  // namespace tamis::match
