#include "match/long_keyword_set.h"

#include <algorithm>
#include <bit>
#include <bitset>
#include <map>

namespace tamis::match {
namespace {

// The bytes one bucket's keywords can have at each leading position, as the VBMI table sees them
// (low seven bits).
using PositionSets = std::array<std::bitset<128>, LongKeywordSet::kPositions>;

// How many four-byte strings the sets let through: what a bucket costs in false candidates, if
// text bytes were uniform. Merging two buckets costs the growth of this.
double spread(const PositionSets& sets) {
  double product = 1;
  for (const auto& set : sets) product *= static_cast<double>(set.count());
  return product;
}

PositionSets merged(const PositionSets& a, const PositionSets& b) {
  PositionSets out;
  for (std::size_t j = 0; j < out.size(); ++j) out[j] = a[j] | b[j];
  return out;
}

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
  struct Group {
    std::vector<std::uint32_t> members;  // indices into entries_
    PositionSets sets;
  };
  std::vector<std::vector<KeywordShape::ByteSets>> spellings;
  std::map<std::uint32_t, std::vector<std::uint32_t>> by_key;
  std::map<std::pair<unsigned char, unsigned char>, Group> by_pair;
  for (const Keyword& keyword : keywords) {
    const auto index = static_cast<std::uint32_t>(entries_.size());
    entries_.push_back({keyword.id, KeywordShape(keyword.text)});
    const KeywordShape& shape = entries_.back().shape;
    lookahead_ = std::max(lookahead_, shape.max_length() + 1);
    spellings.push_back(shape.leading_bytes(kPositions));
    PositionSets sets;
    std::vector<std::uint32_t> keys;
    for (const KeywordShape::ByteSets& spelling : spellings.back()) {
      for (std::size_t j = 0; j < kPositions; ++j) {
        for (unsigned char b : spelling[j]) sets[j].set(b & 0x7f);
      }
      add_keys(spelling, 0, 0, keys);
    }
    for (std::uint32_t key : keys) by_key[key].push_back(index);
    // Keywords that share their first two letters go to one bucket whatever happens: apart, they
    // would make two buckets let the same words through.
    const auto lead = static_cast<unsigned char>(keyword.text[0] | 0x20);
    const auto second = static_cast<unsigned char>(keyword.text.size() > 1 ? keyword.text[1] : 0);
    Group& group = by_pair[{lead, second}];
    group.members.push_back(index);
    group.sets = merged(group.sets, sets);
  }

  // Greedy bucketing as Hyperscan's Teddy does it: merge the two groups whose union lets the fewest
  // more strings through, until kBuckets are left. The costs of pairs are kept, and only the
  // merged group's are computed again: loading an engine builds this set too.
  std::vector<Group> groups;
  for (auto& entry : by_pair) groups.push_back(std::move(entry.second));
  const std::size_t n = groups.size();
  std::vector<bool> alive(n, true);
  std::vector<double> cost(n * n, 0);
  auto pair_cost = [&](std::size_t a, std::size_t b) {
    return spread(merged(groups[a].sets, groups[b].sets)) - spread(groups[a].sets) -
           spread(groups[b].sets);
  };
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = a + 1; b < n; ++b) cost[a * n + b] = pair_cost(a, b);
  }
  for (std::size_t left = n; left > kBuckets; --left) {
    std::size_t best_a = n;
    std::size_t best_b = n;
    for (std::size_t a = 0; a < n; ++a) {
      if (!alive[a]) continue;
      for (std::size_t b = a + 1; b < n; ++b) {
        if (alive[b] && (best_a == n || cost[a * n + b] < cost[best_a * n + best_b])) {
          best_a = a;
          best_b = b;
        }
      }
    }
    Group& into = groups[best_a];
    into.members.insert(into.members.end(), groups[best_b].members.begin(),
                        groups[best_b].members.end());
    into.sets = merged(into.sets, groups[best_b].sets);
    alive[best_b] = false;
    for (std::size_t other = 0; other < n; ++other) {
      if (!alive[other] || other == best_a) continue;
      const std::size_t a = std::min(other, best_a);
      const std::size_t b = std::max(other, best_a);
      cost[a * n + b] = pair_cost(a, b);
    }
  }
  std::vector<Group> buckets;
  for (std::size_t g = 0; g < n; ++g) {
    if (alive[g]) buckets.push_back(std::move(groups[g]));
  }

  for (std::size_t bucket = 0; bucket < buckets.size(); ++bucket) {
    const auto bit = static_cast<unsigned char>(1U << bucket);
    for (std::uint32_t index : buckets[bucket].members) {
      for (const KeywordShape::ByteSets& spelling : spellings[index]) {
        for (std::size_t j = 0; j < kPositions; ++j) {
          for (unsigned char b : spelling[j]) {
            bytes_[j][b & 0x7f] |= bit;
            low_[j][b & 15] |= bit;
            high_[j][b >> 4] |= bit;
          }
        }
      }
    }
  }

  const std::size_t slot_count = std::max<std::size_t>(16, std::bit_ceil(by_key.size() * 2));
  slots_.assign(slot_count, Slot{});
  slot_shift_ = 32 - static_cast<unsigned>(std::countr_zero(slot_count));
  slot_mask_ = static_cast<std::uint32_t>(slot_count - 1);
  for (auto& [key, members] : by_key) {
    const std::uint32_t h = hash(key);
    filter_[h >> (32 - kFilterBits + 6)] |= std::uint64_t{1} << ((h >> (32 - kFilterBits)) & 63);
    std::uint32_t s = h >> slot_shift_;
    while (slots_[s].key != 0) s = (s + 1) & slot_mask_;
    slots_[s] = {key, static_cast<std::uint16_t>(slot_entries_.size()),
                 static_cast<std::uint16_t>(members.size())};
    for (std::uint32_t m : members) slot_entries_.push_back(static_cast<std::uint16_t>(m));
  }
}

}  // namespace tamis::match
