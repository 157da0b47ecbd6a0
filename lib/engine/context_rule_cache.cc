#include "engine/context_rule_cache.h"

#include <cstring>

namespace tamis {

std::uint64_t ContextRuleCache::hash_names(const std::vector<std::string>& names) {
  // Names are short (column names, JSON keys) and hashed once per value: eight bytes per multiply
  // instead of a general-purpose byte hash. Collisions only cost a comparison.
  constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;
  std::uint64_t hash = names.size();
  for (const std::string& name : names) {
    const char* p = name.data();
    std::size_t n = name.size();
    hash = (hash ^ n) * kMultiplier;
    for (; n >= 8; n -= 8, p += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, p, 8);
      hash = (hash ^ word) * kMultiplier;
      hash ^= hash >> 29;
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, p, n);
    hash = (hash ^ tail) * kMultiplier;
    hash ^= hash >> 29;
  }
  return hash;
}

}  // namespace tamis
