// The catalogue four times larger (issue #5): RECOMMENDED alone against RECOMMENDED plus three
// synthetic custom identifiers per default identifier (bench/synthetic_catalogue.h), and ALL
// alone against ALL plus three per managed identifier, on the same mixed text with a line holding
// a synthetic value planted every 16 KiB (so the synthetic identifiers have findings).
// Scan throughput, and the full compile time of each configuration.
// Arguments: selector (0 RECOMMENDED, 1 ALL), synthetic (0 without, 1 with).
// Run: tamis_bench --benchmark_filter=StageCatalogue
#include <hs/hs.h>

#include <chrono>
#include <cstdint>
#include <string>

#include "match/compiled_rules.h"
#include "stage_inputs.h"
#include "synthetic_catalogue.h"

namespace tamis {
namespace {

constexpr std::size_t kPerModel = 3;
constexpr std::size_t kPlantEvery = 16 << 10;

ManagedSelector selector_arg(const benchmark::State& state) {
  return state.range(0) == 0 ? ManagedSelector::kRecommended : ManagedSelector::kAll;
}

// The configuration the arguments name, with its synthetic catalogue (empty without).
Result<Config> catalogue_config(const benchmark::State& state, bench::SyntheticCatalogue* out) {
  if (state.range(1) == 0) {
    *out = {};
    return bench::selector_config(selector_arg(state));
  }
  return bench::config_with_synthetic(selector_arg(state), kPerModel, out);
}

void label(benchmark::State& state, const bench::SyntheticCatalogue& synthetic) {
  std::string text(selector_name(selector_arg(state)));
  if (!synthetic.identifiers.empty()) {
    text.append(" + ");
    text.append(std::to_string(synthetic.identifiers.size()));
    text.append(" synthetic");
  }
  state.SetLabel(text);
}

struct PlantedText {
  std::string text;
  std::size_t planted = 0;
};

// Planted with the lines of the largest synthetic catalogue (ALL's), so every configuration
// scans the very same bytes.
const PlantedText& planted_text() {
  static const PlantedText out = [] {
    PlantedText planted;
    bench::SyntheticCatalogue all;
    if (!bench::config_with_synthetic(ManagedSelector::kAll, kPerModel, &all)) return planted;
    planted.text = bench::plant_lines(bench::stage_mixed_text(), all.sample_lines, kPlantEvery,
                                      &planted.planted);
    return planted;
  }();
  return out;
}

void BM_StageCatalogueScan(benchmark::State& state) {
  bench::SyntheticCatalogue synthetic;
  auto config = catalogue_config(state, &synthetic);
  if (!config) {
    state.SkipWithError(config.error().message.c_str());
    return;
  }
  label(state, synthetic);
  const auto engine = bench::stage_engine(state, *config);
  if (!engine) return;
  const PlantedText& planted = planted_text();
  if (planted.text.empty()) {
    state.SkipWithError("the synthetic catalogue for ALL did not build");
    return;
  }
  Scanner scanner(engine);
  ObjectResult result;
  for (auto _ : state) {
    scanner.begin("planted.txt");
    for (std::size_t at = 0; at < planted.text.size(); at += bench::kStageChunk) {
      scanner.feed(std::string_view(planted.text).substr(at, bench::kStageChunk));
    }
    result = scanner.finish();
    benchmark::DoNotOptimize(result.detections.data());
  }
  std::uint64_t synthetic_findings = 0;
  for (const Detection& d : result.detections) {
    if (d.type.rfind("SYNTHETIC_", 0) == 0) synthetic_findings += d.count;
  }
  const match::CompiledRules& rules = engine->rules();
  std::size_t stream_db_bytes = 0;
  if (rules.stream_db) hs_database_size(rules.stream_db.get(), &stream_db_bytes);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * planted.text.size()));
  state.counters["findings"] = static_cast<double>(result.total_count());
  state.counters["synthetic_findings"] = static_cast<double>(synthetic_findings);
  state.counters["planted_lines"] = static_cast<double>(planted.planted);
  state.counters["rules"] = static_cast<double>(rules.rules.size());
  state.counters["stream_expressions"] = static_cast<double>(rules.targets.size());
  state.counters["keywords"] = static_cast<double>(rules.keywords.size());
  state.counters["stream_db_KiB"] = static_cast<double>(stream_db_bytes) / 1024;
}

// A full compile, no cache: every database of the configuration (start databases stay lazy, as
// in real use). One iteration: compiles take seconds on a loaded machine.
void BM_StageCatalogueCompile(benchmark::State& state) {
  bench::SyntheticCatalogue synthetic;
  auto config = catalogue_config(state, &synthetic);
  if (!config) {
    state.SkipWithError(config.error().message.c_str());
    return;
  }
  label(state, synthetic);
  std::size_t rules = 0;
  for (auto _ : state) {
    auto engine = Engine::build(*config);
    if (!engine) {
      state.SkipWithError(engine.error().message.c_str());
      return;
    }
    rules = (*engine)->rules().rules.size();
  }
  state.counters["rules"] = static_cast<double>(rules);
  state.counters["synthetic"] = static_cast<double>(synthetic.identifiers.size());
  state.counters["synthetic_prefixed"] = static_cast<double>(synthetic.prefixed);
  state.counters["synthetic_keyword_gated"] = static_cast<double>(synthetic.keyword_gated);
}

BENCHMARK(BM_StageCatalogueScan)
    ->ArgsProduct({{0, 1}, {0, 1}})
    ->ArgNames({"all", "synthetic"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_StageCatalogueCompile)
    ->ArgsProduct({{0, 1}, {0, 1}})
    ->ArgNames({"all", "synthetic"})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace tamis
