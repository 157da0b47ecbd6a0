#include "match/word_keyword_finder.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "match/word_bytes.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define TAMIS_WORD_KEYWORD_X86 1
#endif

namespace tamis::match {
namespace {

// Word bytes as a shufti pair too, exactly: one class bit per high nibble that holds word bytes.
//   bit 0: 0x30-0x39 digits   bit 1: 0x41-0x4f A-O   bit 2: 0x50-0x5a P-Z and 0x5f '_'
//   bit 3: 0x61-0x6f a-o      bit 4: 0x70-0x7a p-z
constexpr std::array<unsigned char, 16> kWordLow = {0x15, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f,
                                                    0x1f, 0x1f, 0x1e, 0x0a, 0x0a, 0x0a, 0x0a, 0x0e};
constexpr std::array<unsigned char, 16> kWordHigh = {0, 0, 0, 0x01, 0x02, 0x04, 0x08, 0x10,
                                                     0, 0, 0, 0,    0,    0,    0,    0};

// Each window is read from one byte before the first start it looks at, so bit 0 is the context
// byte and starts sit at bits 1..kWindowStride; the three bits after the last are still inside.
constexpr std::size_t kWindowStride = 60;
constexpr std::uint64_t kWindowStarts = ((std::uint64_t{1} << kWindowStride) - 1) << 1;

// The starts of words of two or three word bytes whose first two bytes could begin a keyword, from
// a window's class masks (bit i is the window's byte i): a possible first letter after a non-word
// byte, a possible second letter after it (both letters, so both word bytes), and a non-word byte
// among the next two. Bits 61-63 are not all decidable here; the scan masks them off.
[[gnu::always_inline]] inline std::uint64_t candidates_of(std::uint64_t word, std::uint64_t first,
                                                          std::uint64_t second) {
  return first & (second >> 1) & ~(word << 1) & ~((word >> 2) & (word >> 3));
}

// A window is classified from its 64 bytes and the three after them: the long test looks at each
// start's first four bytes.
constexpr std::size_t kWindowReach = 64 + LongKeywordSet::kPositions - 1;

// Word starts: a word byte after a non-word byte.
[[gnu::always_inline]] inline std::uint64_t word_starts(std::uint64_t word) {
  return word & ~(word << 1);
}

template <bool kLong>
void classify_portable_with(const unsigned char* bytes, std::size_t windows,
                            const ShortKeywordSet& short_set, const LongKeywordSet& long_set,
                            std::uint64_t* short_out, std::uint64_t* long_out) {
  const auto& classes = short_set.ascii_classes();
  const auto& tables = long_set.folded_tables();
  for (std::size_t k = 0; k < windows; ++k, bytes += kWindowStride) {
    std::uint64_t word = 0;
    std::uint64_t first = 0;
    std::uint64_t second = 0;
    std::uint64_t fits = 0;
    for (unsigned i = 0; i < 64; ++i) {
      const unsigned cls = bytes[i] < 0x80 ? classes[bytes[i]] : 0;
      word |= static_cast<std::uint64_t>((cls & ShortKeywordSet::kWordClass) != 0) << i;
      first |= static_cast<std::uint64_t>((cls & ShortKeywordSet::kFirstClass) != 0) << i;
      second |= static_cast<std::uint64_t>((cls & ShortKeywordSet::kSecondClass) != 0) << i;
      if constexpr (kLong) {
        unsigned buckets = 0xffff;
        for (unsigned j = 0; j < LongKeywordSet::kPositions; ++j) {
          const unsigned char f = LongKeywordSet::fold(bytes[i + j]);
          buckets &= tables[0][j][f] | (tables[1][j][f] << 8U);
        }
        fits |= static_cast<std::uint64_t>(buckets != 0) << i;
      }
    }
    short_out[k] = candidates_of(word, first, second);
    long_out[k] = fits & word_starts(word);
  }
}

#ifdef TAMIS_WORD_KEYWORD_X86
// The vector classifiers: shuffles look both nibbles of every byte up in the two tables, and a
// byte is in a class when the AND of its two entries has one of the class's bits. For the long
// keywords, four loads one byte apart line each start up with its next three bytes, and a start
// fits when the AND of its four positions' bucket bits is not zero. Lambdas and helpers would not
// inherit the target attribute, so each is written out in full.

template <bool kLong>
[[gnu::target("ssse3")]] void classify_ssse3_with(const unsigned char* bytes, std::size_t windows,
                                                  const ShortKeywordSet& short_set,
                                                  const LongKeywordSet& long_set,
                                                  std::uint64_t* short_out,
                                                  std::uint64_t* long_out) {
  constexpr std::size_t kPositions = LongKeywordSet::kPositions;
  const unsigned char* low = short_set.low_nibble_table().data();
  const unsigned char* high = short_set.high_nibble_table().data();
  const __m128i low_table = _mm_loadu_si128(reinterpret_cast<const __m128i*>(low));
  const __m128i high_table = _mm_loadu_si128(reinterpret_cast<const __m128i*>(high));
  const __m128i word_low = _mm_loadu_si128(reinterpret_cast<const __m128i*>(kWordLow.data()));
  const __m128i word_high = _mm_loadu_si128(reinterpret_cast<const __m128i*>(kWordHigh.data()));
  __m128i long_low[2][kPositions];
  __m128i long_high[2][kPositions];
  for (std::size_t half = 0; half < 2; ++half) {
    for (std::size_t j = 0; j < kPositions; ++j) {
      long_low[half][j] = _mm_loadu_si128(
          reinterpret_cast<const __m128i*>(long_set.low_nibble_tables()[half][j].data()));
      long_high[half][j] = _mm_loadu_si128(
          reinterpret_cast<const __m128i*>(long_set.high_nibble_tables()[half][j].data()));
    }
  }
  const __m128i nibble = _mm_set1_epi8(0x0f);
  const __m128i first_bits = _mm_set1_epi8(ShortKeywordSet::kFirstBits);
  const __m128i any_low_bits = _mm_set1_epi8(0x7f);
  const __m128i any_high_bits = _mm_set1_epi8(0x70);
  const __m128i zero = _mm_setzero_si128();
  for (std::size_t k = 0; k < windows; ++k, bytes += kWindowStride) {
    std::uint64_t word_mask = 0;
    std::uint64_t first_mask = 0;
    std::uint64_t second_mask = 0;
    std::uint64_t fits_mask = 0;
    for (unsigned i = 0; i < 4; ++i) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + 16 * i));
      const __m128i lo = _mm_and_si128(v, nibble);
      const __m128i hi = _mm_and_si128(_mm_srli_epi16(v, 4), nibble);
      const __m128i cls =
          _mm_and_si128(_mm_shuffle_epi8(low_table, lo), _mm_shuffle_epi8(high_table, hi));
      const __m128i word =
          _mm_and_si128(_mm_shuffle_epi8(word_low, lo), _mm_shuffle_epi8(word_high, hi));
      __m128i buckets[2] = {_mm_setzero_si128(), _mm_setzero_si128()};
      if constexpr (kLong) {
        buckets[0] = buckets[1] = _mm_set1_epi8(-1);
      }
      for (unsigned j = 0; j < (kLong ? kPositions : 0); ++j) {
        const __m128i u =
            j == 0 ? v : _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + 16 * i + j));
        const __m128i u_lo = j == 0 ? lo : _mm_and_si128(u, nibble);
        const __m128i u_hi = j == 0 ? hi : _mm_and_si128(_mm_srli_epi16(u, 4), nibble);
        for (unsigned half = 0; half < 2; ++half) {
          buckets[half] = _mm_and_si128(buckets[half],
                                        _mm_and_si128(_mm_shuffle_epi8(long_low[half][j], u_lo),
                                                      _mm_shuffle_epi8(long_high[half][j], u_hi)));
        }
      }
      // As in classify_avx2: a saturating add carries a class's bits into bit 7.
      const auto words =
          static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_adds_epu8(word, any_low_bits)));
      const auto firsts = static_cast<std::uint32_t>(
          _mm_movemask_epi8(_mm_adds_epu8(_mm_and_si128(cls, first_bits), any_low_bits)));
      const auto seconds =
          static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_adds_epu8(cls, any_high_bits)));
      const auto fits = static_cast<std::uint32_t>(_mm_movemask_epi8(
                            _mm_cmpeq_epi8(_mm_or_si128(buckets[0], buckets[1]), zero))) ^
                        0xffffU;
      const unsigned shift = 16 * i;
      word_mask |= static_cast<std::uint64_t>(words) << shift;
      first_mask |= static_cast<std::uint64_t>(firsts) << shift;
      second_mask |= static_cast<std::uint64_t>(seconds) << shift;
      fits_mask |= static_cast<std::uint64_t>(fits) << shift;
    }
    short_out[k] = candidates_of(word_mask, first_mask, second_mask);
    long_out[k] = fits_mask & word_starts(word_mask);
  }
}

template <bool kLong>
[[gnu::target("avx2")]] void classify_avx2_with(const unsigned char* bytes, std::size_t windows,
                                                const ShortKeywordSet& short_set,
                                                const LongKeywordSet& long_set,
                                                std::uint64_t* short_out, std::uint64_t* long_out) {
  constexpr std::size_t kPositions = LongKeywordSet::kPositions;
  const unsigned char* low = short_set.low_nibble_table().data();
  const unsigned char* high = short_set.high_nibble_table().data();
  const __m256i low_table =
      _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(low)));
  const __m256i high_table =
      _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(high)));
  const __m256i word_low = _mm256_broadcastsi128_si256(
      _mm_loadu_si128(reinterpret_cast<const __m128i*>(kWordLow.data())));
  const __m256i word_high = _mm256_broadcastsi128_si256(
      _mm_loadu_si128(reinterpret_cast<const __m128i*>(kWordHigh.data())));
  __m256i long_low[2][kPositions];
  __m256i long_high[2][kPositions];
  for (std::size_t half = 0; half < 2; ++half) {
    for (std::size_t j = 0; j < kPositions; ++j) {
      long_low[half][j] = _mm256_broadcastsi128_si256(_mm_loadu_si128(
          reinterpret_cast<const __m128i*>(long_set.low_nibble_tables()[half][j].data())));
      long_high[half][j] = _mm256_broadcastsi128_si256(_mm_loadu_si128(
          reinterpret_cast<const __m128i*>(long_set.high_nibble_tables()[half][j].data())));
    }
  }
  const __m256i nibble = _mm256_set1_epi8(0x0f);
  const __m256i first_bits = _mm256_set1_epi8(ShortKeywordSet::kFirstBits);
  // x + 0x7f reaches 0x80 exactly when x has a bit in 0x7f; x + 0x70 when it has one in 0xf0
  // (the word classes use bits 0-4, the keyword classes 0-3 for first and 4-7 for second bytes).
  const __m256i any_low_bits = _mm256_set1_epi8(0x7f);
  const __m256i any_high_bits = _mm256_set1_epi8(0x70);
  const __m256i zero = _mm256_setzero_si256();
  for (std::size_t k = 0; k < windows; ++k, bytes += kWindowStride) {
    std::uint64_t word_mask = 0;
    std::uint64_t first_mask = 0;
    std::uint64_t second_mask = 0;
    std::uint64_t fits_mask = 0;
    for (unsigned i = 0; i < 2; ++i) {
      const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bytes + 32 * i));
      const __m256i lo = _mm256_and_si256(v, nibble);
      const __m256i hi = _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble);
      const __m256i cls =
          _mm256_and_si256(_mm256_shuffle_epi8(low_table, lo), _mm256_shuffle_epi8(high_table, hi));
      const __m256i word =
          _mm256_and_si256(_mm256_shuffle_epi8(word_low, lo), _mm256_shuffle_epi8(word_high, hi));
      __m256i buckets[2] = {_mm256_setzero_si256(), _mm256_setzero_si256()};
      if constexpr (kLong) {
        buckets[0] = buckets[1] = _mm256_set1_epi8(-1);
      }
      for (unsigned j = 0; j < (kLong ? kPositions : 0); ++j) {
        const __m256i u =
            j == 0 ? v : _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bytes + 32 * i + j));
        const __m256i u_lo = j == 0 ? lo : _mm256_and_si256(u, nibble);
        const __m256i u_hi = j == 0 ? hi : _mm256_and_si256(_mm256_srli_epi16(u, 4), nibble);
        for (unsigned half = 0; half < 2; ++half) {
          buckets[half] = _mm256_and_si256(
              buckets[half], _mm256_and_si256(_mm256_shuffle_epi8(long_low[half][j], u_lo),
                                              _mm256_shuffle_epi8(long_high[half][j], u_hi)));
        }
      }
      // A saturating add carries any set bit of a class into bit 7, where movemask reads it.
      const auto words =
          static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_adds_epu8(word, any_low_bits)));
      const auto firsts = static_cast<std::uint32_t>(
          _mm256_movemask_epi8(_mm256_adds_epu8(_mm256_and_si256(cls, first_bits), any_low_bits)));
      const auto seconds =
          static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_adds_epu8(cls, any_high_bits)));
      const auto fits = ~static_cast<std::uint32_t>(
          _mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_or_si256(buckets[0], buckets[1]), zero)));
      const unsigned shift = 32 * i;
      word_mask |= static_cast<std::uint64_t>(words) << shift;
      first_mask |= static_cast<std::uint64_t>(firsts) << shift;
      second_mask |= static_cast<std::uint64_t>(seconds) << shift;
      fits_mask |= static_cast<std::uint64_t>(fits) << shift;
    }
    short_out[k] = candidates_of(word_mask, first_mask, second_mask);
    long_out[k] = fits_mask & word_starts(word_mask);
  }
}

// A 16-byte table in every lane. Zero-masked: GCC 12 warns about the undefined vector inside the
// plain broadcast.
[[gnu::target("avx512bw"), gnu::always_inline]] inline __m512i broadcast(
    const unsigned char* table) {
  return _mm512_maskz_broadcast_i32x4(0xffff,
                                      _mm_loadu_si128(reinterpret_cast<const __m128i*>(table)));
}

template <bool kLong>
[[gnu::target("avx512bw")]] void classify_avx512_with(
    const unsigned char* bytes, std::size_t windows, const ShortKeywordSet& short_set,
    const LongKeywordSet& long_set, std::uint64_t* short_out, std::uint64_t* long_out) {
  constexpr std::size_t kPositions = LongKeywordSet::kPositions;
  const unsigned char* low = short_set.low_nibble_table().data();
  const unsigned char* high = short_set.high_nibble_table().data();
  const __m512i low_table = broadcast(low);
  const __m512i high_table = broadcast(high);
  const __m512i word_low = broadcast(kWordLow.data());
  const __m512i word_high = broadcast(kWordHigh.data());
  __m512i long_low[2][kPositions];
  __m512i long_high[2][kPositions];
  for (std::size_t half = 0; half < 2; ++half) {
    for (std::size_t j = 0; j < kPositions; ++j) {
      long_low[half][j] = broadcast(long_set.low_nibble_tables()[half][j].data());
      long_high[half][j] = broadcast(long_set.high_nibble_tables()[half][j].data());
    }
  }
  const __m512i nibble = _mm512_set1_epi8(0x0f);
  const __m512i first_bits = _mm512_set1_epi8(ShortKeywordSet::kFirstBits);
  const __m512i second_bits = _mm512_set1_epi8(static_cast<char>(ShortKeywordSet::kSecondBits));
  for (std::size_t k = 0; k < windows; ++k, bytes += kWindowStride) {
    const __m512i v = _mm512_loadu_si512(bytes);
    const __m512i lo = _mm512_and_si512(v, nibble);
    const __m512i hi = _mm512_and_si512(_mm512_srli_epi16(v, 4), nibble);
    const __m512i cls =
        _mm512_and_si512(_mm512_shuffle_epi8(low_table, lo), _mm512_shuffle_epi8(high_table, hi));
    const __m512i word =
        _mm512_and_si512(_mm512_shuffle_epi8(word_low, lo), _mm512_shuffle_epi8(word_high, hi));
    __m512i buckets[2] = {_mm512_setzero_si512(), _mm512_setzero_si512()};
    if constexpr (kLong) {
      buckets[0] = buckets[1] = _mm512_set1_epi8(-1);
    }
    for (unsigned j = 0; j < (kLong ? kPositions : 0); ++j) {
      const __m512i u = j == 0 ? v : _mm512_loadu_si512(bytes + j);
      const __m512i u_lo = j == 0 ? lo : _mm512_and_si512(u, nibble);
      const __m512i u_hi = j == 0 ? hi : _mm512_and_si512(_mm512_srli_epi16(u, 4), nibble);
      for (unsigned half = 0; half < 2; ++half) {
        // 0x80: the AND of all three.
        buckets[half] =
            _mm512_ternarylogic_epi32(buckets[half], _mm512_shuffle_epi8(long_low[half][j], u_lo),
                                      _mm512_shuffle_epi8(long_high[half][j], u_hi), 0x80);
      }
    }
    const std::uint64_t words = _mm512_test_epi8_mask(word, word);
    short_out[k] = candidates_of(words, _mm512_test_epi8_mask(cls, first_bits),
                                 _mm512_test_epi8_mask(cls, second_bits));
    const __m512i any = _mm512_or_si512(buckets[0], buckets[1]);
    long_out[k] = _mm512_test_epi8_mask(any, any) & word_starts(words);
  }
}

// With VBMI one two-table permute looks every byte up in the 128-byte table of short classes
// (bytes from 0x80 masked to no class), and one single-table permute each long position's bucket
// table, indexed by LongKeywordSet::fold (bits 0-4 and 6 of the byte: a shift and a ternary
// logic op move bit 6 to bit 5, and the permute ignores bits 6 and 7).
template <bool kLong>
[[gnu::target("avx512bw,avx512vbmi")]] void classify_avx512vbmi_with(
    const unsigned char* bytes, std::size_t windows, const ShortKeywordSet& short_set,
    const LongKeywordSet& long_set, std::uint64_t* short_out, std::uint64_t* long_out) {
  const __m512i classes_low = _mm512_loadu_si512(short_set.ascii_classes().data());
  const __m512i classes_high = _mm512_loadu_si512(short_set.ascii_classes().data() + 64);
  __m512i low_buckets[LongKeywordSet::kPositions];
  __m512i high_buckets[LongKeywordSet::kPositions];
  for (std::size_t j = 0; j < LongKeywordSet::kPositions; ++j) {
    low_buckets[j] = _mm512_loadu_si512(long_set.folded_tables()[0][j].data());
    high_buckets[j] = _mm512_loadu_si512(long_set.folded_tables()[1][j].data());
  }
  const __m512i word_class = _mm512_set1_epi8(ShortKeywordSet::kWordClass);
  const __m512i first_class = _mm512_set1_epi8(ShortKeywordSet::kFirstClass);
  const __m512i second_class = _mm512_set1_epi8(ShortKeywordSet::kSecondClass);
  const __m512i low_five = _mm512_set1_epi8(0x1f);
  const __m512i zero = _mm512_setzero_si512();
  for (std::size_t k = 0; k < windows; ++k, bytes += kWindowStride) {
    const __m512i v = _mm512_loadu_si512(bytes);
    const __mmask64 ascii = _mm512_cmpge_epi8_mask(v, zero);
    const __m512i cls = _mm512_maskz_permutex2var_epi8(ascii, classes_low, v, classes_high);
    const std::uint64_t words = _mm512_test_epi8_mask(cls, word_class);
    short_out[k] = candidates_of(words, _mm512_test_epi8_mask(cls, first_class),
                                 _mm512_test_epi8_mask(cls, second_class));
    if constexpr (!kLong) {
      long_out[k] = 0;
      continue;
    }
    __m512i low[LongKeywordSet::kPositions];
    __m512i high[LongKeywordSet::kPositions];
    for (unsigned j = 0; j < LongKeywordSet::kPositions; ++j) {
      const __m512i u = j == 0 ? v : _mm512_loadu_si512(bytes + j);
      // 0xe4: bits of the first operand where the third has a 1, of the second elsewhere.
      const __m512i index = _mm512_ternarylogic_epi32(u, _mm512_srli_epi16(u, 1), low_five, 0xe4);
      // Zero-masked, as the broadcasts in classify_avx512: GCC 12 warns about the plain form.
      low[j] = _mm512_maskz_permutexvar_epi8(~0ULL, index, low_buckets[j]);
      high[j] = _mm512_maskz_permutexvar_epi8(~0ULL, index, high_buckets[j]);
    }
    // Ternary logic ANDs three positions at once (0x80), then 0xea gives (A & B) | C.
    const __m512i low_three = _mm512_ternarylogic_epi32(low[0], low[1], low[2], 0x80);
    const __m512i high_three = _mm512_ternarylogic_epi32(high[0], high[1], high[2], 0x80);
    const __m512i buckets =
        _mm512_ternarylogic_epi32(low_three, low[3], _mm512_and_si512(high_three, high[3]), 0xea);
    long_out[k] = _mm512_test_epi8_mask(buckets, buckets) & word_starts(words);
  }
}

#endif

// Each classifier comes in two forms, so that a finder without long keywords pays nothing for
// them; this picks one per batch.
template <WordKeywordFinder::Classify kShortOnly, WordKeywordFinder::Classify kWithLong>
void by_long_set(const unsigned char* bytes, std::size_t windows, const ShortKeywordSet& short_set,
                 const LongKeywordSet& long_set, std::uint64_t* short_out,
                 std::uint64_t* long_out) {
  (long_set.empty() ? kShortOnly : kWithLong)(bytes, windows, short_set, long_set, short_out,
                                              long_out);
}

constexpr WordKeywordFinder::Classify kPortable =
    by_long_set<classify_portable_with<false>, classify_portable_with<true>>;
#ifdef TAMIS_WORD_KEYWORD_X86
constexpr WordKeywordFinder::Classify kSsse3 =
    by_long_set<classify_ssse3_with<false>, classify_ssse3_with<true>>;
constexpr WordKeywordFinder::Classify kAvx2 =
    by_long_set<classify_avx2_with<false>, classify_avx2_with<true>>;
constexpr WordKeywordFinder::Classify kAvx512 =
    by_long_set<classify_avx512_with<false>, classify_avx512_with<true>>;
constexpr WordKeywordFinder::Classify kAvx512Vbmi =
    by_long_set<classify_avx512vbmi_with<false>, classify_avx512vbmi_with<true>>;
#endif

}  // namespace

std::vector<WordKeywordFinder::Classify> WordKeywordFinder::supported_classifiers() {
  std::vector<Classify> out = {kPortable};
#ifdef TAMIS_WORD_KEYWORD_X86
  if (__builtin_cpu_supports("ssse3")) out.push_back(kSsse3);
  if (__builtin_cpu_supports("avx2")) out.push_back(kAvx2);
  if (__builtin_cpu_supports("avx512bw")) out.push_back(kAvx512);
  if (__builtin_cpu_supports("avx512vbmi")) out.push_back(kAvx512Vbmi);
#endif
  return out;
}

WordKeywordFinder::Classify WordKeywordFinder::best_classifier() {
#ifdef TAMIS_WORD_KEYWORD_X86
  if (__builtin_cpu_supports("avx512vbmi")) return kAvx512Vbmi;
  if (__builtin_cpu_supports("avx512bw")) return kAvx512;
  if (__builtin_cpu_supports("avx2")) return kAvx2;
  if (__builtin_cpu_supports("ssse3")) return kSsse3;
#endif
  return kPortable;
}

bool WordKeywordFinder::long_keywords_pay_off() {
#ifdef TAMIS_WORD_KEYWORD_X86
  return __builtin_cpu_supports("avx512vbmi");
#else
  return false;
#endif
}

WordKeywordFinder::WordKeywordFinder(const ShortKeywordSet& short_set,
                                     const LongKeywordSet& long_set, Classify classify)
    : short_set_(short_set),
      long_set_(long_set),
      classify_(classify != nullptr ? classify : best_classifier()),
      lookahead_(std::max<std::size_t>(4, long_set.lookahead())) {
  reset();
}

void WordKeywordFinder::reset() {
  end_ = 0;
  evaluated_ = 0;
  tail_[0] = ' ';
  tail_size_ = 1;
}

void WordKeywordFinder::scan(const unsigned char* data, std::size_t size, std::size_t from,
                             std::size_t to, std::uint64_t base,
                             std::vector<WordKeywordHit>& out) const {
  // Windows are classified in batches, so the tables are loaded once per batch and the vector
  // code runs without a call per window.
  constexpr std::size_t kBatch = 32;
  std::array<std::uint64_t, kBatch> short_candidates;
  std::array<std::uint64_t, kBatch> long_candidates;
  alignas(64) unsigned char padded[128];
  std::size_t at = from;
  while (at < to) {
    const std::size_t wanted = std::min(kBatch, (to - at + kWindowStride - 1) / kWindowStride);
    // Windows whose bytes are all in the data; the one after them (if wanted) is padded.
    const std::size_t readable = size - (at - 1);
    const std::size_t whole = readable < kWindowReach
                                  ? 0
                                  : std::min(wanted, (readable - kWindowReach) / kWindowStride + 1);
    std::size_t windows = whole;
    if (whole > 0) {
      classify_(data + at - 1, whole, short_set_, long_set_, short_candidates.data(),
                long_candidates.data());
    }
    if (whole < wanted) {
      // Past the end of the data: spaces, which end words as the end of a stream does.
      const std::size_t offset = at - 1 + whole * kWindowStride;
      std::memset(padded, ' ', sizeof padded);
      std::memcpy(padded, data + offset, std::min(size - offset, sizeof padded));
      classify_(padded, 1, short_set_, long_set_, short_candidates.data() + whole,
                long_candidates.data() + whole);
      ++windows;
    }
    // Most windows have no candidate at all: a mask of those that do, built without branches,
    // lets the loop visit only them.
    std::uint32_t busy = 0;
    for (std::size_t k = 0; k < windows; ++k) {
      const std::size_t first = at + k * kWindowStride;
      std::uint64_t in_range = kWindowStarts;
      if (to - first < kWindowStride) in_range &= ((std::uint64_t{1} << (to - first)) - 1) << 1;
      short_candidates[k] &= in_range;
      long_candidates[k] &= in_range;
      busy |= static_cast<std::uint32_t>((short_candidates[k] | long_candidates[k]) != 0) << k;
    }
    while (busy != 0) {
      const auto k = static_cast<std::size_t>(std::countr_zero(busy));
      busy &= busy - 1;
      const std::size_t window_start = at + k * kWindowStride - 1;
      for (std::uint64_t starts = short_candidates[k]; starts != 0; starts &= starts - 1) {
        const std::size_t p = window_start + static_cast<std::size_t>(std::countr_zero(starts));
        const std::size_t word_length = p + 2 < size && is_word_byte(data[p + 2]) ? 3 : 2;
        short_set_.match_at(data + p, size - p, word_length,
                            [&](std::uint32_t id, std::size_t length) {
                              out.push_back({id, base + p, base + p + length});
                            });
      }
      for (std::uint64_t starts = long_candidates[k]; starts != 0; starts &= starts - 1) {
        const std::size_t p = window_start + static_cast<std::size_t>(std::countr_zero(starts));
        long_set_.match_at(data + p, size - p, [&](std::uint32_t id, std::size_t length) {
          out.push_back({id, base + p, base + p + length});
        });
      }
    }
    at += windows * kWindowStride;
  }
}

void WordKeywordFinder::feed(std::string_view bytes, std::vector<WordKeywordHit>& out) {
  if (bytes.empty()) return;
  const auto* chunk = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t size = bytes.size();
  const std::uint64_t chunk_start = end_;
  end_ += size;
  // Starts before this have their lookahead.
  const std::uint64_t ready = end_ >= lookahead_ - 1 ? end_ - (lookahead_ - 1) : 0;
  if (evaluated_ < ready && evaluated_ <= chunk_start) {
    // Starts up to the chunk's first byte read bytes of the previous chunk: a stitched copy.
    std::array<unsigned char, 2 * std::tuple_size_v<decltype(tail_)>> stitched{};
    const std::size_t head = std::min(size, lookahead_);
    std::memcpy(stitched.data(), tail_.data(), tail_size_);
    std::memcpy(stitched.data() + tail_size_, chunk, head);
    const std::uint64_t stop = std::min(chunk_start + 1, ready);
    scan(stitched.data(), tail_size_ + head, 1, 1 + (stop - evaluated_), evaluated_ - 1, out);
    evaluated_ = stop;
  }
  if (evaluated_ < ready) {
    scan(chunk, size, evaluated_ - chunk_start, ready - chunk_start, chunk_start, out);
    evaluated_ = ready;
  }
  const std::size_t keep = end_ - evaluated_ + 1;
  if (keep <= size) {
    std::memcpy(tail_.data(), chunk + size - keep, keep);
  } else {
    const std::size_t old = keep - size;
    std::memmove(tail_.data(), tail_.data() + tail_size_ - old, old);
    std::memcpy(tail_.data() + old, chunk, size);
  }
  tail_size_ = keep;
}

void WordKeywordFinder::finish(std::vector<WordKeywordHit>& out) {
  if (evaluated_ < end_)
    scan(tail_.data(), tail_size_, 1, 1 + (end_ - evaluated_), evaluated_ - 1, out);
  reset();
}

void WordKeywordFinder::find_all(std::string_view text, std::vector<WordKeywordHit>& out) {
  reset();
  feed(text, out);
  finish(out);
}

}  // namespace tamis::match
