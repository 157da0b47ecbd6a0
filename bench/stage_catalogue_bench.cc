// The catalogue four times larger (issue #5): RECOMMENDED alone against RECOMMENDED plus three
// synthetic custom identifiers per default identifier (bench/synthetic_catalogue.h), and ALL
// alone against ALL plus three per managed identifier, on the same mixed text with a line holding
// a synthetic value planted every 16 KiB (so the synthetic identifiers have findings).
// Scan throughput, the stream database alone, and the full compile time of each configuration.
// Arguments: selector (0 RECOMMENDED, 1 ALL), synthetic (0 without, 1 with).
// Run: tamis_bench --benchmark_filter=StageCatalogue
#include <hs/hs.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

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
  std::map<std::string, std::size_t> planted;  // by synthetic identifier: lines holding its value
};

// Planted with the lines of the largest synthetic catalogue (ALL's), so every configuration
// scans the very same bytes; RECOMMENDED's synthetic identifiers are a subset of ALL's.
const PlantedText& planted_text() {
  static const PlantedText out = [] {
    PlantedText planted;
    bench::SyntheticCatalogue all;
    if (!bench::config_with_synthetic(ManagedSelector::kAll, kPerModel, &all)) return planted;
    std::vector<std::size_t> counts;
    planted.text =
        bench::plant_lines(bench::stage_mixed_text(), all.sample_lines, kPlantEvery, &counts);
    for (std::size_t i = 0; i < counts.size(); ++i) {
      planted.planted[all.identifiers[i].name] = counts[i];
    }
    return planted;
  }();
  return out;
}

// How many planted lines hold a value of one of `synthetic`'s identifiers.
std::size_t planted_for(const PlantedText& text, const bench::SyntheticCatalogue& synthetic) {
  std::size_t lines = 0;
  for (const CustomIdentifierSpec& spec : synthetic.identifiers) {
    const auto it = text.planted.find(spec.name);
    if (it != text.planted.end()) lines += it->second;
  }
  return lines;
}

// The configuration's engine and the planted text, or a skip with the reason.
struct CatalogueRun {
  std::shared_ptr<const Engine> engine;
  bench::SyntheticCatalogue synthetic;
  const PlantedText* text = nullptr;
};

bool prepare(benchmark::State& state, CatalogueRun& run) {
  auto config = catalogue_config(state, &run.synthetic);
  if (!config) {
    state.SkipWithError(config.error().message.c_str());
    return false;
  }
  label(state, run.synthetic);
  run.engine = bench::stage_engine(state, *config);
  if (!run.engine) return false;
  run.text = &planted_text();
  if (run.text->text.empty()) {
    state.SkipWithError("the synthetic catalogue for ALL did not build");
    return false;
  }
  return true;
}

void set_catalogue_counters(benchmark::State& state, const CatalogueRun& run) {
  const match::CompiledRules& rules = run.engine->rules();
  std::size_t stream_db_bytes = 0;
  if (rules.stream_db) hs_database_size(rules.stream_db.get(), &stream_db_bytes);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * run.text->text.size()));
  state.counters["rules"] = static_cast<double>(rules.rules.size());
  state.counters["stream_expressions"] = static_cast<double>(rules.targets.size());
  state.counters["keywords"] = static_cast<double>(rules.keywords.size());
  state.counters["stream_db_KiB"] = static_cast<double>(stream_db_bytes) / 1024;
}

void BM_StageCatalogueScan(benchmark::State& state) {
  CatalogueRun run;
  if (!prepare(state, run)) return;
  const std::string& text = run.text->text;
  Scanner scanner(run.engine);
  ObjectResult result;
  auto pass = [&] {
    scanner.begin("planted.txt");
    for (std::size_t at = 0; at < text.size(); at += bench::kStageChunk) {
      scanner.feed(std::string_view(text).substr(at, bench::kStageChunk));
    }
    result = scanner.finish();
  };
  // The first pass compiles the start database of every rule that hits: with the synthetic
  // catalogue, hundreds of them.
  const double first_ms = bench::first_pass_ms(pass);
  for (auto _ : state) {
    pass();
    benchmark::DoNotOptimize(result.detections.data());
  }
  std::uint64_t synthetic_findings = 0;
  for (const Detection& d : result.detections) {
    if (d.type.rfind("SYNTHETIC_", 0) == 0) synthetic_findings += d.count;
  }
  const std::size_t planted = planted_for(*run.text, run.synthetic);
  if (synthetic_findings != planted) {
    std::string message = "found ";
    message.append(std::to_string(synthetic_findings));
    message.append(" synthetic values of the ");
    message.append(std::to_string(planted));
    message.append(" planted");
    state.SkipWithError(message.c_str());
    return;
  }
  set_catalogue_counters(state, run);
  state.counters["findings"] = static_cast<double>(result.total_count());
  state.counters["synthetic_findings"] = static_cast<double>(synthetic_findings);
  state.counters["first_pass_ms"] = first_ms;
  state.counters["synthetic_planted"] = static_cast<double>(planted);
}

// The same configurations' stream database alone: how much of the growth is Hyperscan's.
void BM_StageCatalogueStreamOnly(benchmark::State& state) {
  CatalogueRun run;
  if (!prepare(state, run)) return;
  const match::CompiledRules& rules = run.engine->rules();
  match::HsScratch scratch = bench::clone_engine_scratch(rules);
  if (!rules.stream_db || !scratch) {
    state.SkipWithError("the engine has no stream database or scratch");
    return;
  }
  std::uint64_t hits = 0;
  for (auto _ : state) {
    hits = bench::stream_only_scan(rules, scratch.get(), run.text->text);
    benchmark::DoNotOptimize(hits);
  }
  set_catalogue_counters(state, run);
  state.counters["hits"] = static_cast<double>(hits);
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
BENCHMARK(BM_StageCatalogueStreamOnly)
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
