// Finds the keywords of a ShortKeywordSet and a LongKeywordSet as whole words in a stream of
// bytes. Each 64-byte window is classified into bit masks: word bytes, possible first and second
// letters of a short keyword, and the word starts whose first four bytes fit a bucket of long
// keywords. The classifier is picked by CPU at run time: byte permutes (AVX-512 VBMI), nibble-table
// shuffles (AVX-512BW, AVX2, SSSE3), or byte tables elsewhere. A few shifts of the
// short masks leave only the starts of two- and three-byte words whose first two letters could
// begin a keyword; each survivor is checked against the keywords of its letter pair, each long
// candidate against the keywords of its first four bytes. The word boundaries are those of
// StreamMatcher::boundary_at: ASCII letters, digits and '_' are word bytes, everything else
// (UTF-8 included) separates words.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "match/long_keyword_set.h"
#include "match/short_keyword_set.h"

namespace tamis::match {

// How far behind its end a hit may be reported: a word is looked at once the bytes after its start
// that its longest keyword and the following boundary byte need are known, and keywords are at
// least two bytes long.
inline constexpr std::uint32_t kWordKeywordLag = LongKeywordSet::kMaxKeywordBytes - 1;

struct WordKeywordHit {
  std::uint32_t id;  // as given to the keyword sets
  std::uint64_t start;
  std::uint64_t end;
};

class WordKeywordFinder {
 public:
  // Classifies `windows` windows of 64 bytes, each starting 60 bytes after the one before, with
  // the sets' byte classes, into the short-keyword candidate starts (`short_out`) and long-keyword
  // candidate starts (`long_out`) of each window (bit i: byte i). Reads three bytes past each
  // window: the long test looks at a start's first four bytes.
  using Classify = void (*)(const unsigned char* bytes, std::size_t windows,
                            const ShortKeywordSet& short_set, const LongKeywordSet& long_set,
                            std::uint64_t* short_out, std::uint64_t* long_out);
  // The one this CPU runs best, and every one it can run, portable first (for tests).
  static Classify best_classifier();
  static std::vector<Classify> supported_classifiers();
  // Whether this CPU finds long keywords here faster than Hyperscan's stream database does. Only
  // with AVX-512 VBMI, whose byte permutes look up sixteen buckets in a single instruction per
  // table: with nibble shuffles (AVX-512BW, AVX2) the long classification costs as much as it saves
  // (docs/performance.md).
  static bool long_keywords_pay_off();

  // The sets must outlive the finder. Without `classify`, the best one for this CPU.
  WordKeywordFinder(const ShortKeywordSet& short_set, const LongKeywordSet& long_set,
                    Classify classify = nullptr);

  void reset();
  // `bytes` continue the stream. Hits are appended window by window, short keywords' before long
  // ones', so in no particular order; a word is looked at once the lookahead bytes after its start
  // have been fed, so a hit may come up to kWordKeywordLag bytes after its end.
  void feed(std::string_view bytes, std::vector<WordKeywordHit>& out);
  // The stream ends: the last words are looked at, and the finder is reset.
  void finish(std::vector<WordKeywordHit>& out);

  // Every hit in one whole text (a column name, a JSON key).
  void find_all(std::string_view text, std::vector<WordKeywordHit>& out);

 private:
  // Looks at the word starts at data[from, to): data[from - 1] is readable, and so are the
  // lookahead_ bytes from each start unless data ends at `size` (the stream's end).
  void scan(const unsigned char* data, std::size_t size, std::size_t from, std::size_t to,
            std::uint64_t base, std::vector<WordKeywordHit>& out) const;

  const ShortKeywordSet& short_set_;
  const LongKeywordSet& long_set_;
  Classify classify_;
  // Bytes from a word's start needed to decide it: the three after it that tell a short word's
  // length, or the longest long keyword and its boundary byte.
  std::size_t lookahead_;
  std::uint64_t end_ = 0;        // bytes fed
  std::uint64_t evaluated_ = 0;  // word starts before this have been looked at
  // Bytes [evaluated_ - 1, end_): at most lookahead_. Before the first byte, a space stands in for
  // the text before the stream.
  std::array<unsigned char, LongKeywordSet::kMaxKeywordBytes + 8> tail_{};
  std::size_t tail_size_ = 0;
};

}  // namespace tamis::match
