// Thread scaling and per-thread memory (issue #5 targets: 2 threads >= 1.8x one thread; at most
// 16 MB per thread). Scaling: the same 64 MiB of mixed text, as eight 8 MiB objects, scanned by
// one and by two threads sharing one Engine, each thread with its own Scanner and its share of
// the objects; bytes/s is the aggregate, so 2T/1T is the ratio of the two rows.
// Memory: what one Scanner adds, measured in a fresh thread with mallinfo2() around creating it
// and scanning one 8 MiB object, next to Hyperscan's own scratch and stream state sizes.
// Run: tamis_bench --benchmark_filter=StageThreads|StageScannerMemory
#include <hs/hs.h>
#include <malloc.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <thread>

#include "match/compiled_rules.h"
#include "stage_inputs.h"

namespace tamis {
namespace {

constexpr std::size_t kObjectBytes = 8 << 20;
constexpr std::size_t kObjects = 8;

const std::string& scaling_text() {
  static const std::string text = bench::generate_text(kObjects * kObjectBytes);
  return text;
}

// Built before the threads start: Google Benchmark runs this function once per thread.
struct SharedEngine {
  std::shared_ptr<const Engine> engine;
  std::string error;
};

const SharedEngine& shared_engine(ManagedSelector selector) {
  auto build = [](ManagedSelector s) {
    SharedEngine shared;
    auto cached = build_engine_cached(bench::selector_config(s), bench::kStageCacheDir);
    if (cached) {
      shared.engine = cached->engine;
    } else {
      shared.error = cached.error().message;
    }
    return shared;
  };
  static const SharedEngine recommended = build(ManagedSelector::kRecommended);
  static const SharedEngine all = build(ManagedSelector::kAll);
  return selector == ManagedSelector::kAll ? all : recommended;
}

ManagedSelector selector_arg(const benchmark::State& state) {
  return state.range(0) == 0 ? ManagedSelector::kRecommended : ManagedSelector::kAll;
}

void BM_StageThreadsScaling(benchmark::State& state) {
  const SharedEngine& shared = shared_engine(selector_arg(state));
  if (!shared.engine) {
    state.SkipWithError(shared.error.c_str());
    return;
  }
  const std::string_view text = scaling_text();
  Scanner scanner(shared.engine);
  std::uint64_t my_bytes = 0;
  std::uint64_t findings = 0;
  auto my_share = [&] {
    my_bytes = 0;
    findings = 0;
    for (auto i = static_cast<std::size_t>(state.thread_index()); i < kObjects;
         i += static_cast<std::size_t>(state.threads())) {
      const std::string_view object = text.substr(i * kObjectBytes, kObjectBytes);
      findings += bench::scan_in_chunks(scanner, object, "object" + std::to_string(i));
      my_bytes += object.size();
    }
  };
  // Untimed, one object: the engine compiles start databases on their rules' first hits, once per
  // process, and every object of the text is of the same kind.
  bench::scan_in_chunks(scanner, text.substr(0, kObjectBytes));
  for (auto _ : state) {
    my_share();
    benchmark::DoNotOptimize(findings);
  }
  state.SetLabel(state.range(0) == 0 ? "RECOMMENDED" : "ALL");
  // Summed over threads by the library: the aggregate over the wall-clock time.
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * my_bytes));
  state.counters["findings"] = benchmark::Counter(static_cast<double>(findings));
}

BENCHMARK(BM_StageThreadsScaling)
    ->Arg(0)
    ->Arg(1)
    ->ArgName("all")
    ->Threads(1)
    ->Threads(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Heap in use, over every malloc arena (mallinfo2 sums them), mmapped blocks included.
std::uint64_t heap_in_use() {
  const struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;
}

struct ScannerFootprint {
  std::uint64_t created = 0;  // after the constructor
  std::uint64_t peak = 0;     // highest between two chunks while scanning
  std::uint64_t after = 0;    // after finish(), the scanner still alive
};

// One scanner created and used in a thread of its own, so its arena starts empty.
ScannerFootprint measure_scanner(const std::shared_ptr<const Engine>& engine,
                                 std::string_view object) {
  ScannerFootprint footprint;
  std::thread worker([&] {
    const std::uint64_t base = heap_in_use();
    auto grown = [&] {
      const std::uint64_t now = heap_in_use();
      return now > base ? now - base : 0;
    };
    Scanner scanner(engine);
    footprint.created = grown();
    scanner.begin("object");
    for (std::size_t at = 0; at < object.size(); at += bench::kStageChunk) {
      scanner.feed(object.substr(at, bench::kStageChunk));
      footprint.peak = std::max(footprint.peak, grown());
    }
    const ObjectResult result = scanner.finish();
    benchmark::DoNotOptimize(result.total_count());
    footprint.after = grown();
  });
  worker.join();
  return footprint;
}

// Hyperscan's scratch once every rule's start databases fit in it: the most a Scanner's scratch
// can grow to (it grows a rule at a time, on that rule's first hit).
std::uint64_t largest_scratch(const match::CompiledRules& rules) {
  hs_scratch_t* scratch = nullptr;
  if (hs_clone_scratch(rules.scratch_prototype.get(), &scratch) != HS_SUCCESS) return 0;
  for (const match::Rule& rule : rules.rules) {
    if (rule.start->database() != nullptr) hs_alloc_scratch(rule.start->database(), &scratch);
    if (rule.start->ends_database() != nullptr) {
      hs_alloc_scratch(rule.start->ends_database(), &scratch);
    }
  }
  std::size_t size = 0;
  hs_scratch_size(scratch, &size);
  hs_free_scratch(scratch);
  return size;
}

benchmark::Counter bytes_counter(std::uint64_t bytes) {
  return benchmark::Counter(static_cast<double>(bytes), benchmark::Counter::kDefaults,
                            benchmark::Counter::OneK::kIs1024);
}

void BM_StageScannerMemory(benchmark::State& state) {
  const SharedEngine& shared = shared_engine(selector_arg(state));
  if (!shared.engine) {
    state.SkipWithError(shared.error.c_str());
    return;
  }
  const match::CompiledRules& rules = shared.engine->rules();
  const std::string_view object = std::string_view(scaling_text()).substr(0, kObjectBytes);
  // A first scan compiles the start databases this text needs (they are lazy and belong to the
  // shared engine), so the measured thread pays only for what is its own.
  {
    Scanner warm(shared.engine);
    benchmark::DoNotOptimize(bench::scan_in_chunks(warm, object));
  }
  ScannerFootprint footprint;
  for (auto _ : state) footprint = measure_scanner(shared.engine, object);
  std::size_t scratch = 0;
  std::size_t stream = 0;
  if (rules.scratch_prototype) hs_scratch_size(rules.scratch_prototype.get(), &scratch);
  if (rules.stream_db) hs_stream_size(rules.stream_db.get(), &stream);
  state.SetLabel(state.range(0) == 0 ? "RECOMMENDED" : "ALL");
  state.counters["hs_scratch_bytes"] = bytes_counter(scratch);
  state.counters["hs_scratch_max_bytes"] = bytes_counter(largest_scratch(rules));
  state.counters["hs_stream_state_bytes"] = bytes_counter(stream);
  state.counters["scanner_created_bytes"] = bytes_counter(footprint.created);
  state.counters["scanner_peak_bytes"] = bytes_counter(footprint.peak);
  state.counters["scanner_after_8MiB_bytes"] = bytes_counter(footprint.after);
  state.counters["history_bytes"] = bytes_counter(rules.history_bytes);
}

BENCHMARK(BM_StageScannerMemory)
    ->Arg(0)
    ->Arg(1)
    ->ArgName("all")
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace tamis
