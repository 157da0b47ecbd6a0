// The corpus's only source of randomness: xoshiro256** seeded through splitmix64, with our own
// range reduction, so a seed gives the same bytes on every compiler and standard library
// (std:: distributions are implementation-defined).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace tamis::corpus {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    std::uint64_t x = seed;
    for (auto& word : state_) word = splitmix64(x);
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, bound): the modulo bias (bound / 2^64) is irrelevant for test data.
  std::uint64_t below(std::uint64_t bound) { return next() % bound; }

  // Uniform in [low, high].
  std::uint64_t between(std::uint64_t low, std::uint64_t high) {
    return low + below(high - low + 1);
  }

  // True with probability per_million / 1,000,000.
  bool chance(std::uint64_t per_million) { return below(1'000'000) < per_million; }

  char pick(std::string_view alphabet) { return alphabet[below(alphabet.size())]; }

  template <typename T, std::size_t N>
  const T& pick(const T (&items)[N]) {
    return items[below(N)];
  }

  // String literals: a character of the literal, never its terminating NUL.
  template <std::size_t N>
  char pick(const char (&alphabet)[N]) {
    return alphabet[below(N - 1)];
  }

  // An independent stream for one file, so that files do not depend on each other's contents.
  Rng fork(std::uint64_t salt) { return Rng(next() ^ (salt * 0x9E3779B97F4A7C15ULL)); }

 private:
  static std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  std::uint64_t state_[4];
};

}  // namespace tamis::corpus
