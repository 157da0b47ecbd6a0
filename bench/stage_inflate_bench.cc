// Inflate, on what decode_bench.cc does not cover: the walker's own decompression path
// (walk_archive over a .gz, every byte drained, no scanning) against raw zlib on the same bytes,
// so the walker's overhead over inflate reads directly; the object path with an engine that has
// no identifiers (selector NONE: inflate plus decoding and the scanner's bookkeeping, no
// matching); and both on a gzip of CSV. Throughput counts decompressed bytes.
// Argument: 0 mixed text, 1 CSV. Run: tamis_bench --benchmark_filter=StageInflate
#include <zlib.h>

#include <cstdint>
#include <string>

#include "stage_inputs.h"

namespace tamis {
namespace {

constexpr std::size_t kBytes = 16 << 20;

struct GzipInput {
  std::string plain;
  std::string gz;
  const char* name;
};

const GzipInput& gzip_input(bool csv) {
  static const GzipInput text = [] {
    GzipInput in{bench::generate_text(kBytes), {}, "mixed.txt.gz"};
    in.gz = bench::gzip_bytes(in.plain);
    return in;
  }();
  static const GzipInput table = [] {
    GzipInput in{"id,amount,currency,comment\n", {}, "orders.csv.gz"};
    const std::string prose = bench::generate_text(kBytes, false, 5);
    std::size_t start = 0;
    for (std::size_t row = 0; in.plain.size() < kBytes && start < prose.size(); ++row) {
      std::size_t end = prose.find('\n', start);
      if (end == std::string::npos) end = prose.size();
      in.plain.append(std::to_string(row));
      in.plain.append(",");
      in.plain.append(std::to_string(row * 37 % 100000));
      in.plain.append(".25,EUR,\"");
      for (std::size_t i = start; i < end; ++i)
        in.plain.push_back(prose[i] == '"' ? ' ' : prose[i]);
      in.plain.append("\"\n");
      start = end + 1;
    }
    in.gz = bench::gzip_bytes(in.plain);
    return in;
  }();
  return csv ? table : text;
}

void set_common(benchmark::State& state, const GzipInput& in) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * in.plain.size()));
  state.counters["ratio"] =
      static_cast<double>(in.plain.size()) / static_cast<double>(in.gz.size());
}

// zlib inflate into a kStageChunk buffer, as the reference floor for the same bytes.
void BM_StageInflateZlib(benchmark::State& state) {
  const GzipInput& in = gzip_input(state.range(0) == 1);
  state.SetLabel(in.name);
  std::string out(bench::kStageChunk, '\0');
  std::uint64_t total = 0;
  for (auto _ : state) {
    z_stream z{};
    inflateInit2(&z, 15 + 16);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.gz.data()));
    z.avail_in = static_cast<uInt>(in.gz.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
      z.next_out = reinterpret_cast<Bytef*>(out.data());
      z.avail_out = static_cast<uInt>(out.size());
      rc = inflate(&z, Z_NO_FLUSH);
    }
    total = z.total_out;
    inflateEnd(&z);
    if (rc != Z_STREAM_END) {
      state.SkipWithError("zlib did not reach the end of the gzip stream");
      return;
    }
  }
  if (total != in.plain.size()) state.SkipWithError("inflated size differs from the original");
  set_common(state, in);
}

void BM_StageInflateArchiveWalker(benchmark::State& state) {
  const GzipInput& in = gzip_input(state.range(0) == 1);
  state.SetLabel(in.name);
  bench::DrainingVisitor visitor;
  for (auto _ : state) {
    visitor.reset();
    CallbackByteSource source = bench::memory_source(in.gz);
    const WalkSummary summary = walk_archive(source, in.name, Limits{}, visitor);
    if (!is_complete(summary.status) || visitor.incomplete > 0) {
      state.SkipWithError(("the walk did not complete: " + summary.status.reason).c_str());
      return;
    }
  }
  if (visitor.bytes != in.plain.size())
    state.SkipWithError("walked size differs from the original");
  set_common(state, in);
}

// Second argument: decompression in the background (the default) or on the scanning thread.
void BM_StageInflateObjectPathNoIdentifiers(benchmark::State& state) {
  const GzipInput& in = gzip_input(state.range(0) == 1);
  const bool background = state.range(1) == 1;
  state.SetLabel(std::string(in.name) + (background ? " background inflate" : " same thread"));
  Config config = bench::selector_config(ManagedSelector::kNone);
  config.decode_in_background = background;
  const auto engine = bench::stage_engine(state, config);
  if (!engine) return;
  Scanner scanner(engine);
  ObjectScanner objects(scanner);
  bench::ObjectScanTally tally;
  for (auto _ : state) {
    tally = bench::scan_object(objects, in.gz, in.name);
    benchmark::DoNotOptimize(tally.results);
  }
  set_common(state, in);
  state.counters["results"] = static_cast<double>(tally.results);
}

BENCHMARK(BM_StageInflateZlib)
    ->Arg(0)
    ->Arg(1)
    ->ArgName("csv")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_StageInflateArchiveWalker)
    ->Arg(0)
    ->Arg(1)
    ->ArgName("csv")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_StageInflateObjectPathNoIdentifiers)
    ->ArgsProduct({{0, 1}, {0, 1}})
    ->ArgNames({"csv", "background"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace tamis
