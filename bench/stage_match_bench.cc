// The match stage: the engine's Hyperscan stream database alone (no-op callback) and its
// word keyword finder alone, against the full Scanner on the same mixed text, so the difference
// is what the engine adds on top of them (routing hits, start recovery, keywords, validators,
// results). Then start-of-match recovery
// alone: the per-rule start databases run on the windows behind the stream database's hits, and
// keyword-gated rules searched in the regions around their keywords' hits.
// Run: tamis_bench --benchmark_filter='StageMatch|StageStart'
#include <hs/hs.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "match/compiled_rules.h"
#include "match/keyword_expression.h"
#include "match/word_keyword_finder.h"
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

// The second argument places managed keywords of four bytes or more: 0 in the stream database, 1
// with the word finder (match/match_choices.h), whatever this CPU's default. The stream database
// alone and the finder alone, each both ways, show what moving them costs and saves.
std::shared_ptr<const Engine> placed_engine(benchmark::State& state) {
  const bool words = state.range(1) != 0;
  state.SetLabel(std::string(state.range(0) == 0 ? "RECOMMENDED" : "ALL") +
                 (words ? ", long keywords as words" : ", long keywords in Hyperscan"));
  auto built =
      Engine::build(bench::selector_config(selector_arg(state)),
                    BuildOptions{.long_keywords = words ? match::LongKeywordPlacement::kWords
                                                        : match::LongKeywordPlacement::kHyperscan});
  if (!built.ok()) {
    state.SkipWithError(built.error().message.c_str());
    return nullptr;
  }
  return *built;
}

void BM_StageMatchHyperscanStreamOnly(benchmark::State& state) {
  const auto engine = placed_engine(state);
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
  bench::run_text_scan_loop(state, scanner, text);
}

// The word keyword finder alone (match/word_keyword_finder.h), on the same text in the 64 KiB
// feeds the CLI reads: what taking managed keywords out of the stream database costs in return.
void BM_StageMatchWordKeywordsOnly(benchmark::State& state) {
  const auto engine = placed_engine(state);
  if (!engine) return;
  const CompiledRules& rules = engine->rules();
  const std::string& text = bench::stage_mixed_text();
  match::WordKeywordFinder finder(rules.short_keywords, rules.long_keywords);
  std::vector<match::WordKeywordHit> hits;
  constexpr std::size_t kFeed = 64 * 1024;
  for (auto _ : state) {
    hits.clear();
    finder.reset();
    for (std::size_t at = 0; at < text.size(); at += kFeed) {
      finder.feed(std::string_view(text).substr(at, kFeed), hits);
    }
    finder.finish(hits);
    benchmark::DoNotOptimize(hits.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["hits"] = static_cast<double>(hits.size());
}

BENCHMARK(BM_StageMatchHyperscanStreamOnly)
    ->ArgsProduct({{0, 1}, {0, 1}})
    ->ArgNames({"all", "long_words"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_StageMatchWordKeywordsOnly)
    ->ArgsProduct({{0, 1}, {0, 1}})
    ->ArgNames({"all", "long_words"})
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

// Hits of one rule close enough to share a window: ends within max_width of the previous one
// (lib/match/stream_matcher.cc decides them together, with one start scan).
struct HitCluster {
  const Rule* rule;
  std::uint64_t min_end;
  std::uint64_t max_end;
  std::vector<std::uint64_t> ends;  // sorted, distinct
};

std::vector<HitCluster> cluster_hits(const CompiledRules& rules, std::vector<StreamHit> hits) {
  std::stable_sort(hits.begin(), hits.end(),
                   [](const StreamHit& a, const StreamHit& b) { return a.end < b.end; });
  std::vector<HitCluster> clusters;
  std::vector<std::size_t> open(rules.rules.size(), ~std::size_t{0});
  for (const StreamHit& hit : hits) {
    const std::uint32_t r = rules.targets[hit.id].index;
    const Rule& rule = rules.rules[r];
    if (open[r] != ~std::size_t{0}) {
      HitCluster& last = clusters[open[r]];
      if (hit.end <= last.max_end + rule.max_width && last.max_end - last.min_end <= 64 * 1024) {
        last.max_end = hit.end;
        if (last.ends.back() != hit.end) last.ends.push_back(hit.end);
        continue;
      }
    }
    open[r] = clusters.size();
    clusters.push_back({&rule, hit.end, hit.end, {hit.end}});
  }
  return clusters;
}

struct StartsFound {
  const std::vector<std::uint64_t>* ends;  // relative to the window
  std::uint64_t found = 0;
};

int count_wanted_end(unsigned, unsigned long long, unsigned long long to, unsigned, void* context) {
  auto* starts = static_cast<StartsFound*>(context);
  if (std::binary_search(starts->ends->begin(), starts->ends->end(), to)) ++starts->found;
  return 0;
}

int stop_at_first(unsigned, unsigned long long, unsigned long long, unsigned, void* context) {
  *static_cast<bool*>(context) = true;
  return 1;
}

// The recovery the scanner does for one cluster: a leftmost-start block scan over the window that
// holds every match of the cluster (max_width behind its first end, one byte of context more), or,
// for patterns Hyperscan cannot track starts for, anchored probes from the lowest start for each
// end. Returns the start reports that end where a hit did; `ends` is scratch space.
std::uint64_t recover_starts(const HitCluster& cluster, const std::string& text,
                             hs_scratch_t* scratch, std::vector<std::uint64_t>& ends,
                             std::uint64_t& window_bytes) {
  const Rule& rule = *cluster.rule;
  const std::uint64_t reach = rule.max_width + 1ULL;
  const std::uint64_t w0 = cluster.min_end > reach ? cluster.min_end - reach : 0;
  if (rule.start->method() == StartFinder::Method::kLeftmostScan) {
    ends.clear();
    for (const std::uint64_t end : cluster.ends) ends.push_back(end - w0);
    StartsFound starts{&ends};
    hs_scan(rule.start->database(), text.data() + w0, static_cast<unsigned>(cluster.max_end - w0),
            0, scratch, count_wanted_end, &starts);
    window_bytes += cluster.max_end - w0;
    return starts.found;
  }
  if (rule.start->method() != StartFinder::Method::kAnchoredProbe) return 0;
  std::uint64_t found = 0;
  for (const std::uint64_t end : cluster.ends) {
    const std::uint64_t lowest = end > rule.max_width ? end - rule.max_width : 0;
    for (std::uint64_t s = lowest; s + rule.min_width <= end; ++s) {
      bool matched = false;
      hs_scan(rule.start->database(), text.data() + s, static_cast<unsigned>(end - s), 0, scratch,
              stop_at_first, &matched);
      window_bytes += end - s;
      if (matched) {
        ++found;
        break;
      }
    }
  }
  return found;
}

void BM_StageStartRecoveryPatternHits(benchmark::State& state) {
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
  const std::size_t hit_count = hits.size();
  const std::vector<HitCluster> clusters = cluster_hits(rules, std::move(hits));
  // The rule whose windows add up to the most bytes: the first place to look when recovery costs.
  std::vector<std::uint64_t> window_bytes_by_rule(rules.rules.size(), 0);
  std::vector<std::uint64_t> ends;
  std::uint64_t recovered = 0;
  for (const HitCluster& cluster : clusters) {
    const auto r = static_cast<std::size_t>(cluster.rule - rules.rules.data());
    recovered += recover_starts(cluster, text, scratch.get(), ends, window_bytes_by_rule[r]);
  }
  const auto widest = static_cast<std::size_t>(
      std::max_element(window_bytes_by_rule.begin(), window_bytes_by_rule.end()) -
      window_bytes_by_rule.begin());
  std::string label = state.range(0) == 0 ? "RECOMMENDED" : "ALL";
  label.append("; most window bytes: ");
  label.append(rules.rules[widest].type);
  label.append(" (max_width ");
  label.append(std::to_string(rules.rules[widest].max_width));
  label.append(")");
  state.SetLabel(label);
  std::uint64_t window_bytes = 0;
  for (auto _ : state) {
    window_bytes = 0;
    std::uint64_t found = 0;
    for (const HitCluster& cluster : clusters) {
      found += recover_starts(cluster, text, scratch.get(), ends, window_bytes);
    }
    benchmark::DoNotOptimize(found);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * clusters.size()));
  state.counters["hits"] = static_cast<double>(hit_count);
  state.counters["clusters"] = static_cast<double>(clusters.size());
  state.counters["starts_found"] = static_cast<double>(recovered);
  state.counters["window_bytes_per_cluster"] =
      static_cast<double>(window_bytes) / static_cast<double>(clusters.size());
  // The share of the text's bytes that recovery reads a second time.
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

struct KeywordHit {
  std::uint32_t keyword;  // index into CompiledRules::keywords
  std::uint64_t start;
  std::uint64_t end;
};

int collect_keyword_hit(unsigned id, unsigned long long from, unsigned long long to, unsigned,
                        void* context) {
  static_cast<std::vector<KeywordHit>*>(context)->push_back({id, from, to});
  return 0;
}

// Every hit of the engine's keywords in `text`, with its start, found by a block database of the
// keywords' own expressions (match/keyword_expression.h), in end order. Independent of how the
// stream database represents keywords, which the engine is free to change.
std::optional<std::vector<KeywordHit>> find_keyword_hits(const CompiledRules& rules,
                                                         const std::string& text) {
  std::vector<std::string> expressions;
  for (const std::string& keyword : rules.keywords) {
    expressions.push_back(match::keyword_expression(keyword));
  }
  std::vector<const char*> patterns;
  std::vector<unsigned> flags(expressions.size(), HS_FLAG_CASELESS | HS_FLAG_SOM_LEFTMOST);
  std::vector<unsigned> ids;
  for (std::size_t i = 0; i < expressions.size(); ++i) {
    patterns.push_back(expressions[i].c_str());
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_database_t* raw_db = nullptr;
  hs_compile_error_t* error = nullptr;
  if (patterns.empty() || hs_compile_multi(patterns.data(), flags.data(), ids.data(),
                                           static_cast<unsigned>(patterns.size()), HS_MODE_BLOCK,
                                           nullptr, &raw_db, &error) != HS_SUCCESS) {
    hs_free_compile_error(error);
    return std::nullopt;
  }
  match::HsDatabase db(raw_db);
  hs_scratch_t* raw_scratch = nullptr;
  if (hs_alloc_scratch(db.get(), &raw_scratch) != HS_SUCCESS) return std::nullopt;
  HsScratch scratch(raw_scratch);
  std::vector<KeywordHit> hits;
  hs_scan(db.get(), text.data(), static_cast<unsigned>(text.size()), 0, scratch.get(),
          collect_keyword_hit, &hits);
  std::stable_sort(hits.begin(), hits.end(),
                   [](const KeywordHit& a, const KeywordHit& b) { return a.end < b.end; });
  return hits;
}

// Regions of one rule further apart than this are searched apart (as the matcher's clusters).
constexpr std::uint64_t kMaxRegionSpan = 64 * 1024;

// The search a keyword-gated rule gets instead of a place in the stream database: its patterns
// run (ends database) over the region a keyword hit opens, keyword_distance characters either
// side plus the rule's width (managed) or behind the keyword (custom), overlapping regions of one
// rule merged, as lib/match/stream_matcher.cc opens them. The texts are ASCII, so characters are
// bytes here.
// Second argument: 0 mixed text, 1 keyword-dense text (a slice: every word opens regions there).
void BM_StageStartKeywordRegionSearch(benchmark::State& state) {
  std::string label = state.range(0) == 0 ? "RECOMMENDED" : "ALL";
  label.append(state.range(1) == 0 ? " mixed" : " keyword-dense");
  state.SetLabel(label);
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
    std::uint64_t from;  // where matches may start
    std::uint64_t to;    // where matches may end at the latest
  };
  std::vector<Region> regions;
  std::vector<std::size_t> last_region(rules.rules.size(), ~std::size_t{0});
  const auto keyword_hits = find_keyword_hits(rules, text);
  if (!keyword_hits) {
    state.SkipWithError("the engine's keywords do not compile as a block database");
    return;
  }
  for (const KeywordHit& hit : *keyword_hits) {
    if (hit.keyword >= rules.keyword_rules.size()) continue;
    const std::uint64_t keyword_start = hit.start;
    for (std::uint32_t r : rules.keyword_rules[hit.keyword]) {
      const Rule& rule = rules.rules[r];
      if (rule.start->ends_database() == nullptr) continue;
      const std::uint64_t distance = rule.keyword_distance;
      std::uint64_t from = keyword_start;
      std::uint64_t to = hit.end + distance;
      if (rule.proximity == Proximity::kEitherSide) {
        if (!whole_word_keyword(text, keyword_start, hit.end)) continue;
        const std::uint64_t before = distance + rule.max_width;
        from = keyword_start > before ? keyword_start - before : 0;
        to += rule.max_width;
      }
      to = std::min<std::uint64_t>(to, text.size());
      if (last_region[r] != ~std::size_t{0}) {
        Region& last = regions[last_region[r]];
        if (from <= last.to && last.to - last.from <= kMaxRegionSpan) {
          last.to = std::max(last.to, to);
          continue;
        }
      }
      last_region[r] = regions.size();
      regions.push_back({&rule, from, to});
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
      // One byte of context before; room after for a match starting at the region's end.
      const std::uint64_t w0 = region.from > 0 ? region.from - 1 : 0;
      const std::uint64_t w1 =
          std::min<std::uint64_t>(text.size(), region.to + region.rule->max_width);
      hs_scan(region.rule->start->ends_database(), text.data() + w0, static_cast<unsigned>(w1 - w0),
              0, scratch.get(), bench::count_stream_hit, &matches);
      region_bytes += w1 - w0;
    }
    benchmark::DoNotOptimize(matches);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * regions.size()));
  state.counters["regions"] = static_cast<double>(regions.size());
  state.counters["keyword_hits"] = static_cast<double>(keyword_hits->size());
  state.counters["gated_rules"] = static_cast<double>(std::count_if(
      rules.rules.begin(), rules.rules.end(), [](const Rule& rule) { return rule.keyword_gated; }));
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
