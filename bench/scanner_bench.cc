// Scanner throughput on synthetic mixed text, per identifier selection and start-offset method.
// Run: build/default/bench/tamis_bench --benchmark_filter=Scan
#include <benchmark/benchmark.h>

#include <string>

#include "engine/engine.h"
#include "engine/engine_cache.h"
#include "engine/scanner.h"
#include "text_generator.h"

namespace tamis {
namespace {

constexpr std::size_t kTextBytes = 32 << 20;
constexpr std::size_t kChunk = 256 << 10;

const std::string& mixed_text() {
  static const std::string text = bench::generate_text(kTextBytes);
  return text;
}

const std::string& keyword_dense_text() {
  static const std::string text = bench::generate_text(kTextBytes, true);
  return text;
}

void scan_benchmark(benchmark::State& state, ManagedSelector selector, StartOffsetMode mode,
                    const std::string& text = mixed_text()) {
  Config config;
  config.selector = selector;
  config.start_offset_mode = mode;
  auto cached = build_engine_cached(config, "/tmp/tamis-bench-cache");
  if (!cached.ok()) {
    state.SkipWithError(cached.error().message.c_str());
    return;
  }
  Scanner scanner(cached->engine);
  auto scan_once = [&] {
    scanner.begin("bench");
    for (std::size_t i = 0; i < text.size(); i += kChunk) {
      scanner.feed(std::string_view(text).substr(i, kChunk));
    }
    return scanner.finish().total_count();
  };
  // Untimed: rules compile their start databases on their first hit, once per engine.
  std::uint64_t findings = scan_once();
  for (auto _ : state) {
    findings = scan_once();
    benchmark::DoNotOptimize(findings);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["findings"] = static_cast<double>(findings);
}

void BM_ScanRecommendedRecoverStart(benchmark::State& state) {
  scan_benchmark(state, ManagedSelector::kRecommended, StartOffsetMode::kRecoverOnHit);
}
void BM_ScanRecommendedSomLeftmost(benchmark::State& state) {
  scan_benchmark(state, ManagedSelector::kRecommended, StartOffsetMode::kSomLeftmost);
}
void BM_ScanAllRecoverStart(benchmark::State& state) {
  scan_benchmark(state, ManagedSelector::kAll, StartOffsetMode::kRecoverOnHit);
}
void BM_ScanAllSomLeftmost(benchmark::State& state) {
  scan_benchmark(state, ManagedSelector::kAll, StartOffsetMode::kSomLeftmost);
}

// Worst case for keyword-gated identifiers: every prose word is some identifier's keyword.
void BM_ScanRecommendedKeywordDense(benchmark::State& state) {
  scan_benchmark(state, ManagedSelector::kRecommended, StartOffsetMode::kRecoverOnHit,
                 keyword_dense_text());
}

BENCHMARK(BM_ScanRecommendedKeywordDense)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ScanRecommendedRecoverStart)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ScanRecommendedSomLeftmost)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ScanAllRecoverStart)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ScanAllSomLeftmost)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_EngineBuildRecommendedUncached(benchmark::State& state) {
  Config config;
  for (auto _ : state) {
    auto engine = Engine::build(config);
    benchmark::DoNotOptimize(engine.ok());
  }
}
BENCHMARK(BM_EngineBuildRecommendedUncached)->Unit(benchmark::kMillisecond)->Iterations(2);

}  // namespace
}  // namespace tamis
