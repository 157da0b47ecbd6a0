// The match stage: the engine's Hyperscan stream database alone (no-op callback) against the full
// Scanner on the same mixed text, so the difference is what the engine adds on top of Hyperscan
// (routing hits, start recovery, keywords, validators, results). Then start-of-match recovery
// alone: the per-rule start databases run on the windows behind the stream database's hits, and
// keyword-gated rules searched in the regions around their keywords' hits.
// Run: tamis_bench --benchmark_filter=StageMatch|StageStart
#include <hs/hs.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "match/compiled_rules.h"
#include "stage_inputs.h"

namespace tamis {
namespace {

using match::CompiledRules;
using match::ExpressionTarget;
using match::HsScratch;
using match::Proximity;
using match::Rule;
using match::StartFinder;

ManagedSelector selector_arg(const benchmark::State& state) {
  return state.range(0) == 0 ? ManagedSelector::kRecommended : ManagedSelector::kAll;
}

void label_selector(benchmark::State& state) {
  state.SetLabel(state.range(0) == 0 ? "RECOMMENDED" : "ALL");
}

void BM_StageMatchHyperscanStreamOnly(benchmark::State& state) {
  label_selector(state);
  const auto engine = bench::stage_engine(state, bench::selector_config(selector_arg(state)));
  if (!engine) return;
  const CompiledRules& rules = engine->rules();
  HsScratch scratch = bench::clone_engine_scratch(rules);
  if (!rules.stream_db || !scratch) {
    state.SkipWithError("the engine has no stream database or scratch");
    return;
  }
  const std::string& text = bench::stage_mixed_text();
  std::uint64_t hits = 0;
  for (auto _ : state) {
    hits = bench::stream_only_scan(rules, scratch.get(), text);
    benchmark::DoNotOptimize(hits);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["hits"] = static_cast<double>(hits);
  state.counters["expressions"] = static_cast<double>(rules.targets.size());
}

void BM_StageMatchFullScanner(benchmark::State& state) {
  label_selector(state);
  const auto engine = bench::stage_engine(state, bench::selector_config(selector_arg(state)));
  if (!engine) return;
  const std::string& text = bench::stage_mixed_text();
  Scanner scanner(engine);
  const double first_ms = bench::first_pass_ms([&] { bench::scan_in_chunks(scanner, text); });
  std::uint64_t findings = 0;
  for (auto _ : state) {
    findings = bench::scan_in_chunks(scanner, text);
    benchmark::DoNotOptimize(findings);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["findings"] = static_cast<double>(findings);
  state.counters["first_pass_ms"] = first_ms;
}

BENCHMARK(BM_StageMatchHyperscanStreamOnly)
    ->Arg(0)
    ->Arg(1)
    ->ArgName("all")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_StageMatchFullScanner)
    ->Arg(0)
    ->Arg(1)
    ->ArgName("all")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// ---- Start-of-match recovery ----------------------------------------------------------------

struct StreamHit {
  std::uint32_t id;
  std::uint64_t end;
};

int collect_hit(unsigned id, unsigned long long, unsigned long long to, unsigned, void* context) {
  static_cast<std::vector<StreamHit>*>(context)->push_back({id, to});
  return 0;
}

// Every report of the stream database over `text` (one block of it, as one stream).
std::vector<StreamHit> stream_hits(const CompiledRules& rules, hs_scratch_t* scratch,
                                   const std::string& text) {
  std::vector<StreamHit> hits;
  hs_stream_t* stream = nullptr;
  hs_open_stream(rules.stream_db.get(), 0, &stream);
  hs_scan_stream(stream, text.data(), static_cast<unsigned>(text.size()), 0, scratch, collect_hit,
                 &hits);
  hs_close_stream(stream, scratch, collect_hit, &hits);
  return hits;
}

// Grows `scratch` to fit every rule's start databases, compiling them (they are lazy) on the way.
bool fit_start_databases(const CompiledRules& rules, HsScratch& scratch) {
  hs_scratch_t* raw = scratch.release();
  bool ok = true;
  for (const Rule& rule : rules.rules) {
    if (rule.start->database() != nullptr) {
      ok = ok && hs_alloc_scratch(rule.start->database(), &raw) == HS_SUCCESS;
    }
    if (rule.start->ends_database() != nullptr) {
      ok = ok && hs_alloc_scratch(rule.start->ends_database(), &raw) == HS_SUCCESS;
    }
  }
  scratch.reset(raw);
  return ok;
}

struct LeftmostEnd {
  std::uint64_t end;
  std::uint64_t best;  // leftmost start found for `end`, or kNone
};
constexpr std::uint64_t kNone = ~std::uint64_t{0};

int leftmost_for_end(unsigned, unsigned long long from, unsigned long long to, unsigned,
                     void* context) {
  auto* wanted = static_cast<LeftmostEnd*>(context);
  if (to == wanted->end && from < wanted->best) wanted->best = from;
  return 0;
}

int stop_at_first(unsigned, unsigned long long, unsigned long long, unsigned, void* context) {
  *static_cast<bool*>(context) = true;
  return 1;
}

// The recovery the scanner does for one pattern hit: a leftmost-start block scan over the
// max_width bytes behind the end (plus one byte of context), or, for patterns Hyperscan cannot
// track starts for, anchored probes from the lowest possible start.
bool recover_start(const Rule& rule, const std::string& text, std::uint64_t end,
                   hs_scratch_t* scratch) {
  const std::uint64_t reach = rule.max_width + 1ULL;
  const std::uint64_t w0 = end > reach ? end - reach : 0;
  if (rule.start->method() == StartFinder::Method::kLeftmostScan) {
    LeftmostEnd wanted{end - w0, kNone};
    hs_scan(rule.start->database(), text.data() + w0, static_cast<unsigned>(end - w0), 0, scratch,
            leftmost_for_end, &wanted);
    return wanted.best != kNone;
  }
  if (rule.start->method() != StartFinder::Method::kAnchoredProbe) return false;
  for (std::uint64_t s = w0; s + rule.min_width <= end; ++s) {
    bool matched = false;
    hs_scan(rule.start->database(), text.data() + s, static_cast<unsigned>(end - s), 0, scratch,
            stop_at_first, &matched);
    if (matched) return true;
  }
  return false;
}

void BM_StageStartRecoveryPatternHits(benchmark::State& state) {
  label_selector(state);
  const auto engine = bench::stage_engine(state, bench::selector_config(selector_arg(state)));
  if (!engine) return;
  const CompiledRules& rules = engine->rules();
  HsScratch scratch = bench::clone_engine_scratch(rules);
  if (!rules.stream_db || !scratch || !fit_start_databases(rules, scratch)) {
    state.SkipWithError("cannot prepare the stream and start databases");
    return;
  }
  const std::string& text = bench::stage_mixed_text();
  std::vector<StreamHit> hits;
  for (const StreamHit& hit : stream_hits(rules, scratch.get(), text)) {
    if (rules.targets[hit.id].kind == ExpressionTarget::Kind::kPattern) hits.push_back(hit);
  }
  if (hits.empty()) {
    state.SkipWithError("no pattern hits in the mixed text");
    return;
  }
  std::uint64_t recovered = 0;
  std::uint64_t window_bytes = 0;
  for (auto _ : state) {
    recovered = 0;
    window_bytes = 0;
    for (const StreamHit& hit : hits) {
      const Rule& rule = rules.rules[rules.targets[hit.id].index];
      recovered += recover_start(rule, text, hit.end, scratch.get()) ? 1 : 0;
      window_bytes += std::min<std::uint64_t>(hit.end, rule.max_width + 1ULL);
    }
    benchmark::DoNotOptimize(recovered);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * hits.size()));
  state.counters["hits"] = static_cast<double>(hits.size());
  state.counters["recovered"] = static_cast<double>(recovered);
  state.counters["window_bytes_per_hit"] =
      static_cast<double>(window_bytes) / static_cast<double>(hits.size());
  // What share of the text's bytes the recovery reads again, had it been done on every hit.
  state.counters["rescan_ratio"] =
      static_cast<double>(window_bytes) / static_cast<double>(text.size());
}

constexpr std::size_t kKeywordDenseSliceBytes = 512 << 10;

bool whole_word_keyword(const std::string& text, std::uint64_t start, std::uint64_t end) {
  auto word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  return (start == 0 || !word(text[start - 1])) && (end >= text.size() || !word(text[end]));
}

// The search a keyword-gated rule gets instead of a place in the stream database: its patterns
// run (ends database) over the region a keyword hit opens, as wide as the rule's keyword distance
// allows on either side (managed) or behind the keyword (custom).
// Second argument: 0 mixed text, 1 keyword-dense text (a slice: every word opens regions there).
void BM_StageStartKeywordRegionSearch(benchmark::State& state) {
  state.SetLabel(std::string(state.range(0) == 0 ? "RECOMMENDED" : "ALL") +
                 (state.range(1) == 0 ? " mixed" : " keyword-dense"));
  const auto engine = bench::stage_engine(state, bench::selector_config(selector_arg(state)));
  if (!engine) return;
  const CompiledRules& rules = engine->rules();
  HsScratch scratch = bench::clone_engine_scratch(rules);
  if (!rules.stream_db || !scratch || !fit_start_databases(rules, scratch)) {
    state.SkipWithError("cannot prepare the stream and start databases");
    return;
  }
  static const std::string dense_slice = bench::generate_text(kKeywordDenseSliceBytes, true);
  const std::string& text = state.range(1) == 0 ? bench::stage_mixed_text() : dense_slice;
  struct Region {
    const Rule* rule;
    std::uint64_t from;
    std::uint64_t to;
  };
  std::vector<Region> regions;
  for (const StreamHit& hit : stream_hits(rules, scratch.get(), text)) {
    const ExpressionTarget& target = rules.targets[hit.id];
    if (target.kind != ExpressionTarget::Kind::kKeyword) continue;
    if (target.index >= rules.keyword_rules.size()) continue;
    const std::uint64_t width = rules.keyword_max_width[target.index];
    const std::uint64_t keyword_start = hit.end > width ? hit.end - width : 0;
    for (std::uint32_t r : rules.keyword_rules[target.index]) {
      const Rule& rule = rules.rules[r];
      if (rule.start->ends_database() == nullptr) continue;
      const std::uint64_t gap = std::uint64_t{rule.keyword_distance} * 4;
      std::uint64_t from = keyword_start;
      std::uint64_t to = hit.end + gap + rule.max_width;
      if (rule.proximity == Proximity::kEitherSide) {
        if (!whole_word_keyword(text, keyword_start, hit.end)) continue;
        const std::uint64_t before = gap + rule.max_width;
        from = keyword_start > before ? keyword_start - before : 0;
        to += rule.max_width;
      }
      regions.push_back({&rule, from, std::min<std::uint64_t>(to, text.size())});
    }
  }
  if (regions.empty()) {
    state.SkipWithError("no keyword hit opens a region in the text");
    return;
  }
  std::uint64_t region_bytes = 0;
  std::uint64_t matches = 0;
  for (auto _ : state) {
    region_bytes = 0;
    matches = 0;
    for (const Region& region : regions) {
      hs_scan(region.rule->start->ends_database(), text.data() + region.from,
              static_cast<unsigned>(region.to - region.from), 0, scratch.get(),
              bench::count_stream_hit, &matches);
      region_bytes += region.to - region.from;
    }
    benchmark::DoNotOptimize(matches);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * regions.size()));
  state.counters["regions"] = static_cast<double>(regions.size());
  state.counters["matches"] = static_cast<double>(matches);
  state.counters["bytes_per_region"] =
      static_cast<double>(region_bytes) / static_cast<double>(regions.size());
}

BENCHMARK(BM_StageStartRecoveryPatternHits)
    ->Arg(0)
    ->Arg(1)
    ->ArgName("all")
    ->Unit(benchmark::kMicrosecond)
    ->UseRealTime();
BENCHMARK(BM_StageStartKeywordRegionSearch)
    ->ArgsProduct({{0, 1}, {0, 1}})
    ->ArgNames({"all", "dense"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace tamis
