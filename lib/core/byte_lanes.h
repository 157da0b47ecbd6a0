// Counting the bytes of a text that pass a test, for loops that read every byte (newlines, NULs,
// stray control bytes). Counted into byte-wide lanes, a block of at most 255 steps at a time, which
// compilers turn into a compare and an add per vector; a branch per byte or a 64-bit counter per
// byte costs several times more.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <utility>

namespace tamis {

// For each test, how many bytes of `bytes` it holds for. Tests take an unsigned char and return a
// bool or 0/1; they should be branch-free lambdas (not function pointers) so that the loop
// vectorises.
// Always inlined, so that a caller built for a wider vector unit (vector_clones.h) gets this loop
// built for it too.
template <std::size_t kLanes, class... Tests>
[[gnu::always_inline]] inline std::array<std::uint64_t, sizeof...(Tests)> count_bytes_where(
    std::string_view bytes, Tests... tests) {
  constexpr std::size_t kBlock = 255 * kLanes;  // a byte lane counts to 255 at most
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t size = bytes.size();
  const std::tuple<Tests...> all(tests...);
  std::array<std::uint64_t, sizeof...(Tests)> totals{};
  const auto for_each_test = [&]<std::size_t... T>(std::index_sequence<T...>, auto&& step) {
    (step(std::integral_constant<std::size_t, T>{}), ...);
  };
  constexpr auto kTests = std::index_sequence_for<Tests...>{};
  std::size_t i = 0;
  while (size - i >= kLanes) {
    const std::size_t block_end = i + std::min(kBlock, (size - i) / kLanes * kLanes);
    unsigned char lanes[sizeof...(Tests)][kLanes] = {};
    for (; i < block_end; i += kLanes) {
      for (std::size_t k = 0; k < kLanes; ++k) {
        const unsigned char b = p[i + k];
        for_each_test(kTests, [&](auto t) {
          lanes[t][k] = static_cast<unsigned char>(lanes[t][k] + std::get<t>(all)(b));
        });
      }
    }
    for_each_test(kTests, [&](auto t) {
      for (const unsigned char lane : lanes[t]) totals[t] += lane;
    });
  }
  for (; i < size; ++i) {
    for_each_test(kTests, [&](auto t) { totals[t] += std::get<t>(all)(p[i]) ? 1U : 0U; });
  }
  return totals;
}

}  // namespace tamis
