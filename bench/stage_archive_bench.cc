// Archive walk: a zip and a tar.gz of 1,000 small text members (2-6 KiB of generated prose, logs
// and CSV rows each, some with sensitive values), built in memory with libarchive. Walked alone
// (walk_archive, every member drained) and scanned whole through ObjectScanner with RECOMMENDED,
// so the per-member cost of the walk and of a result per member can be read apart.
// items/s are members/s; bytes/s count the members' content. Argument: 0 zip, 1 tar.gz.
// Run: tamis_bench --benchmark_filter=StageArchive
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "stage_inputs.h"

namespace tamis {
namespace {

constexpr std::size_t kMembers = 1000;

struct MemberArchive {
  std::string bytes;
  std::size_t content_bytes = 0;
  const char* name;
};

const MemberArchive& member_archive(bench::ArchiveKind kind) {
  static const std::vector<std::pair<std::string, std::string>> files = [] {
    std::vector<std::pair<std::string, std::string>> out;
    for (std::size_t i = 0; i < kMembers; ++i) {
      std::string name = "share/dept";
      name.append(std::to_string(i % 10));
      name.append("/note");
      name.append(std::to_string(i));
      name.append(".txt");
      out.emplace_back(std::move(name), bench::generate_text(2048 + (i * 131) % 4096, false,
                                                             static_cast<std::uint32_t>(1000 + i)));
    }
    return out;
  }();
  auto build = [](bench::ArchiveKind k, const char* name) {
    MemberArchive archive{bench::archive_bytes(files, k), 0, name};
    for (const auto& file : files) archive.content_bytes += file.second.size();
    return archive;
  };
  static const MemberArchive zip = build(bench::ArchiveKind::kZip, "share.zip");
  static const MemberArchive tar_gz = build(bench::ArchiveKind::kTarGz, "share.tar.gz");
  return kind == bench::ArchiveKind::kZip ? zip : tar_gz;
}

const MemberArchive& archive_arg(const benchmark::State& state) {
  return member_archive(state.range(0) == 0 ? bench::ArchiveKind::kZip
                                            : bench::ArchiveKind::kTarGz);
}

void set_common(benchmark::State& state, const MemberArchive& archive) {
  state.SetLabel(archive.name);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kMembers));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * archive.content_bytes));
  state.counters["archive_KiB"] = static_cast<double>(archive.bytes.size()) / 1024;
}

void BM_StageArchiveWalkOnly(benchmark::State& state) {
  const MemberArchive& archive = archive_arg(state);
  bench::DrainingVisitor visitor;
  for (auto _ : state) {
    visitor.reset();
    CallbackByteSource source = bench::memory_source(archive.bytes);
    const WalkSummary summary = walk_archive(source, archive.name, Limits{}, visitor);
    if (!is_complete(summary.status) || visitor.incomplete > 0) {
      state.SkipWithError(("the walk did not complete: " + summary.status.reason).c_str());
      return;
    }
  }
  if (visitor.members != kMembers || visitor.bytes != archive.content_bytes) {
    state.SkipWithError("the walk did not deliver every member whole");
    return;
  }
  set_common(state, archive);
}

void BM_StageArchiveScan(benchmark::State& state) {
  const MemberArchive& archive = archive_arg(state);
  const auto engine =
      bench::stage_engine(state, bench::selector_config(ManagedSelector::kRecommended));
  if (!engine) return;
  Scanner scanner(engine);
  ObjectScanner objects(scanner);
  const double first_ms =
      bench::first_pass_ms([&] { bench::scan_object(objects, archive.bytes, archive.name); });
  bench::ObjectScanTally tally;
  for (auto _ : state) {
    tally = bench::scan_object(objects, archive.bytes, archive.name);
    benchmark::DoNotOptimize(tally.findings);
  }
  if (tally.results != kMembers) {
    state.SkipWithError("the scan did not give one result per member");
    return;
  }
  set_common(state, archive);
  state.counters["findings"] = static_cast<double>(tally.findings);
  state.counters["first_pass_ms"] = first_ms;
}

BENCHMARK(BM_StageArchiveWalkOnly)
    ->Arg(0)
    ->Arg(1)
    ->ArgName("targz")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_StageArchiveScan)
    ->Arg(0)
    ->Arg(1)
    ->ArgName("targz")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace tamis
