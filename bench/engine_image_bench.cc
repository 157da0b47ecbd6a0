// Start-up: loading a serialised engine against compiling it (issue #5's start-up target is a
// load of at most 10 ms; BM_EngineBuildRecommendedUncached in scanner_bench.cc is the compile).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

#include "engine/engine_image.h"

namespace tamis {
namespace {

void image_load_benchmark(benchmark::State& state, ManagedSelector selector) {
  Config config;
  config.selector = selector;
  auto engine = Engine::build(config);
  if (!engine) {
    state.SkipWithError(engine.error().message.c_str());
    return;
  }
  auto image = serialize_engine(**engine);
  if (!image) {
    state.SkipWithError(image.error().message.c_str());
    return;
  }
  for (auto _ : state) {
    LoadedEngine loaded = deserialize_engine(*image);
    if (!loaded.engine) state.SkipWithError(loaded.message.c_str());
    benchmark::DoNotOptimize(loaded.engine.get());
  }
  state.counters["image_bytes"] = static_cast<double>(image->size());
}

void BM_EngineImageLoadRecommended(benchmark::State& state) {
  image_load_benchmark(state, ManagedSelector::kRecommended);
}
void BM_EngineImageLoadAll(benchmark::State& state) {
  image_load_benchmark(state, ManagedSelector::kAll);
}
BENCHMARK(BM_EngineImageLoadRecommended)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EngineImageLoadAll)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tamis
