#include "match/long_keyword_set.h"

#include <algorithm>
#include <bit>
#include <map>

#include "match/keyword_buckets.h"

namespace tamis::match {
namespace {

// Each distinct key the first four bytes of one spelling fold to.
void add_keys(const KeywordShape::ByteSets& sets, std::size_t position, std::uint32_t key,
              std::vector<std::uint32_t>& out) {
  if (position == sets.size()) {
    if (std::find(out.begin(), out.end(), key) == out.end()) out.push_back(key);
    return;
  }
  std::vector<unsigned char> folded;
  for (unsigned char b : sets[position]) {
    const auto f = static_cast<unsigned char>(b | 0x20);
    if (std::find(folded.begin(), folded.end(), f) != folded.end()) continue;
    folded.push_back(f);
    add_keys(sets, position + 1, key | (std::uint32_t{f} << (8 * position)), out);
  }
}

}  // namespace

bool LongKeywordSet::fits(std::string_view keyword) {
  if (keyword.empty()) return false;
  const auto first = static_cast<unsigned char>(keyword.front());
  if (!is_ascii_letter(first) && !(first >= '0' && first <= '9')) return false;
  const KeywordShape shape(keyword);
  return shape.max_length() <= kMaxKeywordBytes && !shape.leading_bytes(kPositions).empty();
}

LongKeywordSet::LongKeywordSet(std::span<const Keyword> keywords) {
  std::vector<std::vector<KeywordShape::ByteSets>> spellings;
  std::map<std::uint32_t, std::vector<std::uint32_t>> by_key;
  // Keywords that share their first two letters start in one group: apart, they would make two
  // buckets let the same words through.
  std::map<std::pair<unsigned char, unsigned char>, std::uint32_t> group_of_pair;
  std::vector<LeadingSets> group_sets;
  std::vector<std::uint32_t> group_of_keyword;
  for (const Keyword& keyword : keywords) {
    const auto index = static_cast<std::uint32_t>(entries_.size());
    entries_.push_back({keyword.id, KeywordShape(keyword.text)});
    Entry& entry = entries_.back();
    const KeywordShape& shape = entry.shape;
    const std::string head = shape.fixed_prefix(8);
    entry.head = folded_head(reinterpret_cast<const unsigned char*>(head.data()), head.size());
    entry.head_mask =
        head.size() == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * head.size())) - 1;
    if (head.size() >= kLongHead) add_to(long_head_filter_, hash(entry.head & kLongHeadMask));
    lookahead_ = std::max(lookahead_, shape.max_length() + 1);
    spellings.push_back(shape.leading_bytes(kPositions));
    LeadingSets sets;
    std::vector<std::uint32_t> keys;
    for (const KeywordShape::ByteSets& spelling : spellings.back()) {
      for (std::size_t j = 0; j < kPositions; ++j) {
        for (unsigned char b : spelling[j]) sets[j].set(fold(b));
      }
      add_keys(spelling, 0, 0, keys);
    }
    for (std::uint32_t key : keys) {
      by_key[key].push_back(index);
      if (head.size() < kLongHead) add_to(filter_, hash(key));
    }
    const auto lead = static_cast<unsigned char>(keyword.text[0] | 0x20);
    const auto second = static_cast<unsigned char>(keyword.text.size() > 1 ? keyword.text[1] : 0);
    const auto [found, added] =
        group_of_pair.try_emplace({lead, second}, static_cast<std::uint32_t>(group_sets.size()));
    if (added) group_sets.emplace_back();
    LeadingSets& group = group_sets[found->second];
    for (std::size_t j = 0; j < kPositions; ++j) group[j] |= sets[j];
    group_of_keyword.push_back(found->second);
  }

  const std::vector<std::uint32_t> bucket_of_group = merge_into_buckets(group_sets, kBuckets);

  for (std::size_t index = 0; index < entries_.size(); ++index) {
    const std::uint32_t bucket = bucket_of_group[group_of_keyword[index]];
    const auto bit = static_cast<unsigned char>(1U << (bucket % 8));
    for (const KeywordShape::ByteSets& spelling : spellings[index]) {
      for (std::size_t j = 0; j < kPositions; ++j) {
        for (unsigned char b : spelling[j]) {
          folded_[bucket / 8][j][fold(b)] |= bit;
          low_[bucket / 8][j][b & 15] |= bit;
          high_[bucket / 8][j][b >> 4] |= bit;
        }
      }
    }
  }

  const std::size_t slot_count = std::max<std::size_t>(16, std::bit_ceil(by_key.size() * 2));
  slots_.assign(slot_count, Slot{});
  slot_shift_ = 32 - static_cast<unsigned>(std::countr_zero(slot_count));
  slot_mask_ = static_cast<std::uint32_t>(slot_count - 1);
  for (auto& [key, members] : by_key) {
    std::uint32_t s = hash(key) >> slot_shift_;
    while (slots_[s].key != 0) s = (s + 1) & slot_mask_;
    slots_[s] = {key, static_cast<std::uint32_t>(slot_entries_.size()),
                 static_cast<std::uint32_t>(members.size())};
    for (std::uint32_t m : members) slot_entries_.push_back(static_cast<std::uint16_t>(m));
  }
}

}  // namespace tamis::match
