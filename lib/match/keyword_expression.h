// A keyword the way Macie matches it: case-insensitive, and a space in the keyword also matching
// '_', '-' or nothing. One description serves both the Hyperscan expression that finds where
// keywords end and the backward match that finds where a hit starts, so the two always agree.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tamis::match {

class KeywordShape {
 public:
  // `keyword` is lowercased ASCII-wise by the caller; any bytes are accepted.
  explicit KeywordShape(std::string_view keyword);

  // Compiled with HS_FLAG_CASELESS and without HS_FLAG_UTF8 (byte mode is much faster), so ASCII
  // case is Hyperscan's job while every non-ASCII letter is spelled out as an alternation of its
  // lower, upper, title and folded UTF-8 forms.
  std::string expression() const;

  // The length of the longest match of the keyword that ends exactly at the end of `text`.
  // Finding a hit's start this way replaces a start-of-match Hyperscan database of all keywords,
  // which took 40% of an engine's compile time, and a block scan per hit.
  std::optional<std::size_t> longest_match_ending_at(std::string_view text) const;

  // The first bytes of every match, ASCII letters lowercased: the leading letters and plain bytes
  // up to the first separator or case alternation, at most `max`.
  std::string fixed_prefix(std::size_t max) const;

  // The most bytes a match can take.
  std::size_t max_length() const;

  // The lengths of the matches of the keyword that start at the start of `text`, as a bit set
  // (bit n: a match of n bytes). Lengths of 64 bytes and more are left out. Several only when a
  // separator may be taken or skipped with the same bytes following ("a- b" on "a--b").
  std::uint64_t match_lengths_at(std::string_view text) const;

  // The bytes a match's first `count` bytes can be: one entry per way the units can spell them,
  // each a set of bytes per position (both cases of an ASCII letter). Empty when a match can be
  // shorter than `count` bytes.
  using ByteSets = std::vector<std::vector<unsigned char>>;
  std::vector<ByteSets> leading_bytes(std::size_t count) const;

 private:
  struct Unit {
    enum class Kind : std::uint8_t {
      kLetter,        // an ASCII letter, either case (stored lowercase)
      kByte,          // exactly this byte
      kSeparator,     // optional ' ', '_' or '-'
      kAlternatives,  // one of `forms` (the case forms of a non-ASCII letter)
    } kind;
    unsigned char byte = 0;
    std::vector<std::string> forms;
  };

  std::optional<std::size_t> longest_before(std::size_t unit_count, std::string_view text) const;
  std::optional<std::size_t> greedy_match(std::string_view text) const;
  void lengths_from(std::size_t unit, std::size_t at, std::string_view text,
                    std::uint64_t& lengths) const;

  std::vector<Unit> units_;
  // Whether taking every optional separator that is there gives the longest match (true unless a
  // separator follows a literal '_' or '-'): then one backward pass decides, with no
  // backtracking. Case forms never need it: no UTF-8 sequence ends with another.
  bool greedy_ = true;
};

// KeywordShape(keyword).expression().
std::string keyword_expression(std::string_view keyword);

}  // namespace tamis::match
