// Keyword proximity: the RECOMMENDED selection on plain mixed text against keyword-dense text,
// where every prose word is some identifier's keyword ("card", "account", "passport"...), so
// keyword-gated rules open a search region at nearly every word. Counts the keyword hits the
// stream database reports on each text, so the cost can be read per keyword hit.
// Run: tamis_bench --benchmark_filter=StageProximity
#include <hs/hs.h>

#include <cstdint>
#include <string>

#include "match/compiled_rules.h"
#include "stage_inputs.h"

namespace tamis {
namespace {

struct HitTally {
  const match::CompiledRules* rules;
  std::uint64_t keyword_hits = 0;
  std::uint64_t pattern_hits = 0;
};

int tally_hit(unsigned id, unsigned long long, unsigned long long, unsigned, void* context) {
  auto* tally = static_cast<HitTally*>(context);
  // Whatever is not a rule's pattern is there for keywords.
  if (tally->rules->targets[id].kind == match::ExpressionTarget::Kind::kPattern) {
    ++tally->pattern_hits;
  } else {
    ++tally->keyword_hits;
  }
  return 0;
}

HitTally count_stream_hits(const match::CompiledRules& rules, const std::string& text) {
  HitTally tally{&rules};
  hs_scratch_t* scratch = nullptr;
  hs_stream_t* stream = nullptr;
  if (hs_clone_scratch(rules.scratch_prototype.get(), &scratch) != HS_SUCCESS) return tally;
  if (hs_open_stream(rules.stream_db.get(), 0, &stream) == HS_SUCCESS) {
    hs_scan_stream(stream, text.data(), static_cast<unsigned>(text.size()), 0, scratch, tally_hit,
                   &tally);
    hs_close_stream(stream, scratch, tally_hit, &tally);
  }
  hs_free_scratch(scratch);
  return tally;
}

// Argument: 0 plain mixed text, 1 keyword-dense text.
void BM_StageProximity(benchmark::State& state) {
  const bool dense = state.range(0) == 1;
  state.SetLabel(dense ? "RECOMMENDED keyword-dense" : "RECOMMENDED plain");
  const auto engine =
      bench::stage_engine(state, bench::selector_config(ManagedSelector::kRecommended));
  if (!engine) return;
  const std::string& text = dense ? bench::stage_keyword_dense_text() : bench::stage_mixed_text();
  const HitTally tally = count_stream_hits(engine->rules(), text);
  Scanner scanner(engine);
  bench::run_text_scan_loop(state, scanner, text);
  state.counters["keyword_hits"] = static_cast<double>(tally.keyword_hits);
  state.counters["pattern_hits"] = static_cast<double>(tally.pattern_hits);
  state.counters["keyword_hits_per_MiB"] =
      static_cast<double>(tally.keyword_hits) / (static_cast<double>(text.size()) / (1 << 20));
}

BENCHMARK(BM_StageProximity)
    ->Arg(0)
    ->Arg(1)
    ->ArgName("dense")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace tamis
