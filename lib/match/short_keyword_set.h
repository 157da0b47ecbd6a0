// Managed keywords of two or three bytes ("ssn", "tin", "cf", "ni#") count only as whole words,
// yet as substrings they are everywhere ("setting", "company"). In Hyperscan's literal matcher the
// 26 of the default set cost a third of the stream database's time: short literals force short
// hash windows, which then match nearly everywhere. They are found instead at the starts of words
// that are two or three bytes long (word_keyword_finder.h): rare enough to check one by one.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace tamis::match {

class ShortKeywordSet {
 public:
  // Whether a managed keyword (lowercased) can be found this way: ASCII, two or three bytes, the
  // first two ASCII letters, no space (a space would also match '_', '-' or nothing).
  static bool fits(std::string_view keyword);

  // `id` comes back with every hit of `keyword`. False (and nothing added) unless it fits().
  bool add(std::string_view keyword, std::uint32_t id);
  bool empty() const { return entries_.empty(); }

  // Byte classes for the finder's vector code, as shufti tables: a byte b is in class bit k when
  // (low_nibble_table[b & 15] & high_nibble_table[b >> 4]) has bit k. Bits 0-3: the byte may
  // start a keyword (one bit per high nibble 4-7, so upper and lower case never mix into false
  // members); bits 4-7: it may be a keyword's second byte.
  static constexpr unsigned char kFirstBits = 0x0f;
  static constexpr unsigned char kSecondBits = 0xf0;
  const std::array<unsigned char, 16>& low_nibble_table() const { return low_; }
  const std::array<unsigned char, 16>& high_nibble_table() const { return kHighNibbleClasses; }

  // The same classes per ASCII byte, for byte-indexed lookups (AVX-512 VBMI's 128-byte permute,
  // the portable classifier), with word bytes too. Bytes from 0x80 are in no class.
  static constexpr unsigned char kWordClass = 1;
  static constexpr unsigned char kFirstClass = 2;
  static constexpr unsigned char kSecondClass = 4;
  const std::array<unsigned char, 128>& ascii_classes() const { return ascii_; }

  // Reports (id, length) for every keyword that is at `text`, where a word of `word_length`
  // (2 or 3) bytes starts. `available` bytes of text can be read (at least word_length + 1 unless
  // the text ends there). The word boundaries come from the finder, so this only compares bytes.
  template <class Report>
  void match_at(const unsigned char* text, std::size_t available, std::size_t word_length,
                Report&& report) const {
    const std::size_t pair = pair_index(text[0], text[1]);
    for (std::uint16_t e = pair_begin_[pair]; e < pair_begin_[pair + 1]; ++e) {
      const Entry& entry = entries_[e];
      if (entry.word_length != word_length || entry.length > available) continue;
      if (entry.length == 3 && (text[2] | entry.case_bit) != entry.third) continue;
      report(entry.id, entry.length);
    }
  }

 private:
  struct Entry {
    std::uint32_t id;
    std::uint16_t pair;
    unsigned char third;     // the third byte lowercased, when length is 3
    unsigned char case_bit;  // 0x20 when the third byte is a letter, else 0
    std::uint8_t length;
    std::uint8_t word_length;  // leading word bytes: 2 for "ni#" and "cf", 3 for "ssn"
  };

  static std::size_t pair_index(unsigned char a, unsigned char b) {
    return static_cast<std::size_t>(((a | 0x20) - 'a') * 26 + ((b | 0x20) - 'a'));
  }
  void rebuild_index();

  std::vector<Entry> entries_;  // sorted by pair
  std::array<std::uint16_t, 26 * 26 + 1> pair_begin_{};
  std::array<unsigned char, 16> low_{};
  std::array<unsigned char, 128> ascii_ = word_classes();
  // A letter's high nibble (4-7) picks its first-byte bit and its second-byte bit; the low-nibble
  // table, built from the keywords, says which letters have them.
  static constexpr std::array<unsigned char, 16> kHighNibbleClasses = {
      0, 0, 0, 0, 0x11, 0x22, 0x44, 0x88, 0, 0, 0, 0, 0, 0, 0, 0};

  static std::array<unsigned char, 128> word_classes();
};

}  // namespace tamis::match
