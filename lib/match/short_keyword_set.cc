#include "match/short_keyword_set.h"

#include <algorithm>

#include "match/word_bytes.h"

namespace tamis::match {

std::array<unsigned char, 128> ShortKeywordSet::word_classes() {
  std::array<unsigned char, 128> classes{};
  for (unsigned c = 0; c < classes.size(); ++c) {
    if (is_word_byte(static_cast<unsigned char>(c))) classes[c] = kWordClass;
  }
  return classes;
}

bool ShortKeywordSet::fits(std::string_view keyword) {
  if (keyword.size() < 2 || keyword.size() > 3) return false;
  const auto first = static_cast<unsigned char>(keyword[0]);
  const auto second = static_cast<unsigned char>(keyword[1]);
  if (!is_ascii_letter(first) || !is_ascii_letter(second)) return false;
  if (keyword.size() == 3) {
    const auto third = static_cast<unsigned char>(keyword[2]);
    if (third >= 0x80 || third == ' ') return false;
  }
  return true;
}

bool ShortKeywordSet::add(std::string_view keyword, std::uint32_t id) {
  if (!fits(keyword)) return false;
  const auto first = static_cast<unsigned char>(keyword[0]);
  const auto second = static_cast<unsigned char>(keyword[1]);
  Entry entry{};
  entry.id = id;
  entry.pair = static_cast<std::uint16_t>(pair_index(first, second));
  entry.length = static_cast<std::uint8_t>(keyword.size());
  entry.word_length = 2;
  if (keyword.size() == 3) {
    const auto third = static_cast<unsigned char>(keyword[2]);
    const bool letter = is_ascii_letter(third);
    entry.case_bit = letter ? 0x20 : 0;
    entry.third = letter ? static_cast<unsigned char>(third | 0x20) : third;
    if (is_word_byte(third)) entry.word_length = 3;
  }
  entries_.push_back(entry);
  // Both cases of each letter, each in the class bit of its own high nibble.
  const unsigned char leading[2] = {first, second};
  for (unsigned position = 0; position < 2; ++position) {
    const unsigned char c = leading[position];
    const unsigned base = position * 4;
    for (const unsigned char form :
         {static_cast<unsigned char>(c & ~0x20), static_cast<unsigned char>(c | 0x20)}) {
      const auto bit = static_cast<unsigned char>(1U << (base + (form >> 4) - 4));
      low_[form & 15] |= bit;
      ascii_[form] |= position == 0 ? kFirstClass : kSecondClass;
    }
  }
  rebuild_index();
  return true;
}

void ShortKeywordSet::rebuild_index() {
  std::stable_sort(entries_.begin(), entries_.end(),
                   [](const Entry& a, const Entry& b) { return a.pair < b.pair; });
  pair_begin_.fill(0);
  for (const Entry& entry : entries_) ++pair_begin_[entry.pair + 1];
  for (std::size_t i = 1; i < pair_begin_.size(); ++i) pair_begin_[i] += pair_begin_[i - 1];
}

}  // namespace tamis::match
