// Managed keywords of four bytes or more, found at the starts of words instead of by Hyperscan.
// A managed identifier's keyword counts only as a whole word, and in text a word starts every five
// or six bytes. Hyperscan cannot use that: it looks for every keyword at every byte, and in its
// literal matcher the 281 keywords of the default set took 70% of the stream database's time
// (1,460 against 4,900 MB/s for the identifiers' own patterns alone). Here a vector classifier
// (word_keyword_finder.h) keeps the word starts whose first four bytes could begin a keyword of
// one bucket, Teddy-style (keyword_buckets.h): each keyword is in one of sixteen buckets, and each
// of the first four positions has a table of the buckets whose keywords can have that byte there.
// A candidate's first four bytes then go through a bit filter and a hash table of the keywords'
// exact prefixes, and the few left are matched in full with the keyword's shape
// (keyword_expression.h).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "match/keyword_expression.h"
#include "match/word_bytes.h"

namespace tamis::match {

class LongKeywordSet {
 public:
  // Longer keywords stay in Hyperscan: the finder holds this much text back to decide a word.
  static constexpr std::size_t kMaxKeywordBytes = 48;
  // Leading bytes the buckets test.
  static constexpr std::size_t kPositions = 4;
  // Two tables of eight bucket bits per position. Each of the first four bytes of a word then
  // takes two lookups, and the buckets let through 25K of the 1.5M word starts of 8 MiB of the
  // benchmark's text (eight buckets: 58K).
  static constexpr std::size_t kBuckets = 16;
  // Keywords are indexed with 16 bits; the managed catalogue has a few hundred.
  static constexpr std::size_t kMaxKeywords = 4096;

  struct Keyword {
    std::string_view text;  // lowercased ASCII-wise
    std::uint32_t id;       // comes back with every hit
  };

  // Whether a managed keyword (lowercased) can be found this way: it starts with an ASCII letter
  // or digit (so its matches start words), every match is four to kMaxKeywordBytes bytes long.
  static bool fits(std::string_view keyword);

  LongKeywordSet() = default;
  // Every keyword must fit(), and there are at most kMaxKeywords.
  explicit LongKeywordSet(std::span<const Keyword> keywords);

  bool empty() const { return entries_.empty(); }
  // Bytes from a word's start the finder must have to decide it: the longest keyword and the byte
  // after it, which decides its end boundary. 0 when empty.
  std::size_t lookahead() const { return lookahead_; }

  // The six bits of a byte the tables are indexed by: bits 0-4 and bit 6. Upper and lower case of
  // an ASCII letter differ only in bit 5, so they share an entry and count once when buckets are
  // formed; digits, space, '-', '_' and the letters stay apart. Bytes from 0x80 share the entry of
  // an ASCII byte, which only adds candidates.
  static constexpr unsigned char fold(unsigned char b) {
    return static_cast<unsigned char>((b & 0x1f) | ((b >> 1) & 0x20));
  }
  // Per leading position, the buckets whose keywords can have a byte there, by fold(byte):
  // buckets 0-7 as bits of the first table, 8-15 of the second.
  using Table = std::array<unsigned char, 64>;
  const std::array<std::array<Table, kPositions>, 2>& folded_tables() const { return folded_; }
  // The same as shufti nibble tables, by the whole byte: the bucket bits of byte b at position j
  // are low[half][j][b & 15] & high[half][j][b >> 4]. A superset too: a bucket holding 'c' and
  // 'r' at a position also lets 'b' and 's' through.
  using NibbleTable = std::array<unsigned char, 16>;
  using NibbleTables = std::array<std::array<NibbleTable, kPositions>, 2>;
  const NibbleTables& low_nibble_tables() const { return low_; }
  const NibbleTables& high_nibble_tables() const { return high_; }

  // Reports (id, length) for every keyword that matches from `text`, where a word starts, and ends
  // at a word boundary. `available` bytes of text can be read: at least lookahead() unless the text
  // ends there, which then counts as a boundary.
  template <class Report>
  void match_at(const unsigned char* text, std::size_t available, Report&& report) const {
    if (available < kPositions) return;
    const std::uint32_t prefix = folded_prefix(text);
    const std::uint32_t prefix_hash = hash(prefix);
    const std::uint64_t head = folded_head(text, available);
    if (!may_start(prefix_hash, head, available)) return;
    const Slot* slot = find(prefix, prefix_hash);
    if (slot == nullptr) return;
    const std::string_view view(reinterpret_cast<const char*>(text), available);
    for (std::uint32_t e = slot->begin; e < slot->begin + slot->count; ++e) {
      const Entry& entry = entries_[slot_entries_[e]];
      // The keyword's fixed first bytes, up to eight, compared at once; then its shape.
      if (((head ^ entry.head) & entry.head_mask) != 0) continue;
      std::uint64_t lengths = entry.shape.match_lengths_at(view);
      while (lengths != 0) {
        const auto length = static_cast<std::size_t>(__builtin_ctzll(lengths));
        lengths &= lengths - 1;
        if (length == available || !is_word_byte(text[length - 1]) || !is_word_byte(text[length])) {
          report(entry.id, length);
        }
      }
    }
  }

 private:
  struct Entry {
    std::uint32_t id;
    KeywordShape shape;
    // The keyword's fixed first bytes (KeywordShape::fixed_prefix), folded as folded_head does,
    // and which of the eight bytes they cover.
    std::uint64_t head = 0;
    std::uint64_t head_mask = 0;
  };
  // The first `available` bytes of text, up to eight, bit 5 set in each as in folded_prefix;
  // zeros after them.
  static std::uint64_t folded_head(const unsigned char* text, std::size_t available) {
    std::uint64_t head = 0;
    const std::size_t n = available < 8 ? available : 8;
    for (std::size_t i = 0; i < n; ++i) head |= std::uint64_t{text[i] | 0x20U} << (8 * i);
    return head;
  }
  // Keywords whose first four bytes, folded, are `key`: slot_entries_[begin, begin + count).
  struct Slot {
    std::uint32_t key = 0;  // 0: empty (a folded byte always has bit 5 set)
    std::uint32_t begin = 0;
    std::uint32_t count = 0;
  };
  // Filters of a bit per hash value's top kFilterBits bits, set where some keyword's prefix
  // hashes: most candidates are no keyword, and these reject them with two loads and no probe.
  // Keywords whose fixed prefix spells out kLongHead bytes are in the second, by those.
  static constexpr unsigned kFilterBits = 16;
  static constexpr std::size_t kLongHead = 6;
  using Filter = std::array<std::uint64_t, (std::size_t{1} << kFilterBits) / 64>;

  // The first four bytes with bit 5 set in each: ASCII letters lowercased, any other byte sharing
  // its key with at most one other byte. Cheap, and the match after it is exact.
  static std::uint32_t folded_prefix(const unsigned char* text) {
    std::uint32_t key = 0;
    for (std::size_t i = 0; i < kPositions; ++i) key |= std::uint32_t{text[i]} << (8 * i);
    return key | 0x20202020U;
  }
  static std::uint32_t hash(std::uint32_t key) { return key * 0x9E3779B1U; }
  static std::uint32_t hash(std::uint64_t key) {
    return static_cast<std::uint32_t>((key * 0x9E3779B97F4A7C15ULL) >> 32);
  }
  // The first kLongHead bytes of a folded head.
  static constexpr std::uint64_t kLongHeadMask = (std::uint64_t{1} << (8 * kLongHead)) - 1;
  // Whether a keyword may start where the first four bytes hash to `prefix_hash` and the first
  // eight fold to `head` (`available` bytes readable): false for nearly every word whose first
  // four bytes are no keyword's, or whose first six are none of those keywords' that spell out
  // six. Words that share four bytes with a keyword ("according", "account"; "forecast",
  // "foreign") are common in prose.
  bool may_start(std::uint32_t prefix_hash, std::uint64_t head, std::size_t available) const {
    return passes(filter_, prefix_hash) ||
           (available >= kLongHead && passes(long_head_filter_, hash(head & kLongHeadMask)));
  }
  static bool passes(const Filter& filter, std::uint32_t h) {
    return ((filter[h >> (32 - kFilterBits + 6)] >> ((h >> (32 - kFilterBits)) & 63)) & 1) != 0;
  }
  static void add_to(Filter& filter, std::uint32_t h) {
    filter[h >> (32 - kFilterBits + 6)] |= std::uint64_t{1} << ((h >> (32 - kFilterBits)) & 63);
  }
  // The keywords whose first four bytes fold to `key` (which hashes to `h`); null when none.
  const Slot* find(std::uint32_t key, std::uint32_t h) const {
    for (std::uint32_t s = h >> slot_shift_;; s = (s + 1) & slot_mask_) {
      if (slots_[s].key == key) return &slots_[s];
      if (slots_[s].key == 0) return nullptr;
    }
  }

  std::vector<Entry> entries_;
  std::vector<Slot> slots_;                  // open addressing, a power of two, under half full
  std::vector<std::uint16_t> slot_entries_;  // indices into entries_, grouped by slot
  Filter filter_{};
  Filter long_head_filter_{};
  unsigned slot_shift_ = 32;
  std::uint32_t slot_mask_ = 0;
  std::size_t lookahead_ = 0;
  std::array<std::array<Table, kPositions>, 2> folded_{};
  NibbleTables low_{};
  NibbleTables high_{};
};

}  // namespace tamis::match
