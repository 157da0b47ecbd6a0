#include "engine/context_rule_cache.h"

#include <cstring>

namespace tamis {

std::uint64_t ContextRuleCache::hash_names(const std::vector<std::string>& names) {
  // Names are short (column names, JSON keys) and hashed once per value: eight bytes per multiply
  // instead of a general-purpose byte hash. Collisions only cost a comparison.
  constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;
  const auto mix = [](std::uint64_t hash, std::uint64_t word) {
    hash = (hash ^ word) * kMultiplier;
    return hash ^ (hash >> 29);
  };
  std::uint64_t hash = names.size();
  for (const std::string& name : names) {
    const char* p = name.data();
    std::size_t n = name.size();
    hash = (hash ^ n) * kMultiplier;
    for (; n >= 8; n -= 8, p += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, p, 8);
      hash = mix(hash, word);
    }
    // Shifted in byte by byte: a memcpy of a variable 0-7 bytes is a library call.
    std::uint64_t tail = 0;
    for (std::size_t i = 0; i < n; ++i) {
      tail |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
    }
    hash = mix(hash, tail);
  }
  return hash;
}

}  // namespace tamis
