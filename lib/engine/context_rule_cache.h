// The context rules of each distinct list of context keywords met in an object (CSV columns repeat
// on every row, JSON paths on every record). A segment with a context id costs one array lookup;
// one without costs a hash of its names and a comparison with the stored names. No key is built
// and nothing is allocated on a hit.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace tamis {

class ContextRuleCache {
 public:
  // The rules for `names`; `compute(names)` is called on a miss. A non-zero `context_id` stands
  // for the same `names` throughout the object (segment.h). The returned span stays valid for the
  // object: entries never move, and are dropped only between objects.
  template <class Compute>
  std::span<const std::uint32_t> rules_for(const std::vector<std::string>& names,
                                           std::uint32_t context_id, Compute&& compute) {
    if (names.empty()) return {};
    const bool by_id = context_id != 0 && context_id < kMaxContextIds;
    if (by_id && context_id < by_id_.size() && by_id_[context_id] != nullptr) {
      return by_id_[context_id]->rules;
    }
    const Entry& entry = lookup(names, compute);
    if (by_id) {
      if (by_id_.size() <= context_id) by_id_.resize(context_id + 1, nullptr);
      by_id_[context_id] = &entry;
    }
    return entry.rules;
  }

  // Context ids are per object; entries are kept across objects (the same columns come back) up
  // to a bound.
  void begin_object() {
    by_id_.clear();
    if (entries_.size() > kMaxEntriesKept) clear();
  }

 private:
  struct Entry {
    std::vector<std::string> names;
    std::vector<std::uint32_t> rules;
  };
  static constexpr std::uint32_t kMaxContextIds = 1U << 16;
  static constexpr std::size_t kMaxEntriesKept = 4096;

  template <class Compute>
  const Entry& lookup(const std::vector<std::string>& names, Compute&& compute) {
    // Neighbouring values often share their context (items of a JSON array): no hash for them.
    if (last_ != nullptr && last_->names == names) return *last_;
    const std::uint64_t hash = hash_names(names);
    auto [it, end] = entries_.equal_range(hash);
    for (; it != end; ++it) {
      if (it->second.names == names) break;
    }
    if (it == end) it = entries_.emplace(hash, Entry{names, compute(names)});
    last_ = &it->second;
    return *last_;
  }

  static std::uint64_t hash_names(const std::vector<std::string>& names);

  void clear() {
    entries_.clear();
    by_id_.clear();
    last_ = nullptr;
  }

  // Node-based, so that the spans handed out survive later insertions.
  std::unordered_multimap<std::uint64_t, Entry> entries_;
  const Entry* last_ = nullptr;
  std::vector<const Entry*> by_id_;  // by context id, for the object being scanned
};

}  // namespace tamis
