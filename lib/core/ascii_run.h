// Finding where plain ASCII text stops. Most scanned text is ASCII from end to end, and several
// stages (normalisation, UTF-8 validation, character counting) only have work to do at the
// bytes that are not, so they skip ASCII runs with this: 64 bytes per test instead of one.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace tamis {

// The index of the first byte at or after `from` that is not ASCII (>= 0x80), or text.size().
inline std::size_t find_non_ascii(std::string_view text, std::size_t from = 0) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  const char* p = text.data();
  const std::size_t n = text.size();
  std::size_t i = from;
#if defined(__SSE2__)
  // 64 bytes per test while the text stays ASCII: four loads OR-ed and one movemask, about three
  // times the speed of the word loop below on 256 KiB feeds (x86-64 always has SSE2).
  while (i + 64 <= n) {
    const auto* v = reinterpret_cast<const __m128i*>(p + i);
    const __m128i any = _mm_or_si128(_mm_or_si128(_mm_loadu_si128(v), _mm_loadu_si128(v + 1)),
                                     _mm_or_si128(_mm_loadu_si128(v + 2), _mm_loadu_si128(v + 3)));
    if (_mm_movemask_epi8(any) != 0) break;
    i += 64;
  }
#else
  // Four words per test while the text stays ASCII, which compilers turn into vector loads.
  while (i + 32 <= n) {
    std::uint64_t words[4];
    std::memcpy(words, p + i, sizeof words);
    if (((words[0] | words[1] | words[2] | words[3]) & kHighBits) != 0) break;
    i += 32;
  }
#endif
  while (i + 8 <= n) {
    std::uint64_t word = 0;
    std::memcpy(&word, p + i, sizeof word);
    const std::uint64_t high = word & kHighBits;
    if (high != 0) {
      if constexpr (std::endian::native == std::endian::little) {
        return i + static_cast<std::size_t>(std::countr_zero(high)) / 8;
      }
      break;  // the byte loop below finds it
    }
    i += 8;
  }
  while (i < n && static_cast<unsigned char>(p[i]) < 0x80) ++i;
  return i;
}

inline bool is_all_ascii(std::string_view text) { return find_non_ascii(text) == text.size(); }

}  // namespace tamis
