// Inputs shared by the per-stage benchmarks (bench/stage_*_bench.cc): engines from the benchmark
// cache, deterministic mixed text, gzip, in-memory archives, and feeding a Scanner in chunks.
// Every input is built once per process and reused by the benchmarks that need it.
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <benchmark/benchmark.h>
#include <hs/hs.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "archive/archive_walker.h"
#include "archive/callback_byte_source.h"
#include "engine/engine.h"
#include "engine/engine_cache.h"
#include "engine/object_scanner.h"
#include "engine/scanner.h"
#include "match/compiled_rules.h"
#include "text_generator.h"

namespace tamis::bench {

inline constexpr const char* kStageCacheDir = "/tmp/tamis-bench-cache";
// Large enough to leave the CPU caches, small enough for one pass in a few milliseconds.
inline constexpr std::size_t kStageTextBytes = 16 << 20;
// The CLI's read size: scanners see chunks of this size in real use.
inline constexpr std::size_t kStageChunk = 256 << 10;

// The benchmark's engine for `config`, compiled once and then loaded from the benchmark cache.
// Null with the error as the state's skip message when the configuration does not build.
inline std::shared_ptr<const Engine> stage_engine(benchmark::State& state, const Config& config) {
  auto cached = build_engine_cached(config, kStageCacheDir);
  if (!cached) {
    state.SkipWithError(cached.error().message.c_str());
    return nullptr;
  }
  return cached->engine;
}

inline Config selector_config(ManagedSelector selector) {
  Config config;
  config.selector = selector;
  return config;
}

inline const std::string& stage_mixed_text() {
  static const std::string text = generate_text(kStageTextBytes);
  return text;
}

inline const std::string& stage_keyword_dense_text() {
  static const std::string text = generate_text(kStageTextBytes, true);
  return text;
}

// Scans `text` as one object, fed in kStageChunk pieces; returns the occurrences counted.
inline std::uint64_t scan_in_chunks(Scanner& scanner, std::string_view text,
                                    std::string name = "bench.txt") {
  scanner.begin(std::move(name));
  for (std::size_t at = 0; at < text.size(); at += kStageChunk) {
    scanner.feed(text.substr(at, kStageChunk));
  }
  return scanner.finish().total_count();
}

inline int count_stream_hit(unsigned, unsigned long long, unsigned long long, unsigned,
                            void* context) {
  ++*static_cast<std::uint64_t*>(context);
  return 0;
}

// The engine's stream database alone over `text` in kStageChunk pieces, with a callback that only
// counts: Hyperscan's share of a scan. Returns the hits reported.
inline std::uint64_t stream_only_scan(const match::CompiledRules& rules, hs_scratch_t* scratch,
                                      std::string_view text) {
  std::uint64_t hits = 0;
  hs_stream_t* stream = nullptr;
  if (hs_open_stream(rules.stream_db.get(), 0, &stream) != HS_SUCCESS) return 0;
  for (std::size_t at = 0; at < text.size(); at += kStageChunk) {
    const std::size_t n = std::min(kStageChunk, text.size() - at);
    hs_scan_stream(stream, text.data() + at, static_cast<unsigned>(n), 0, scratch, count_stream_hit,
                   &hits);
  }
  hs_close_stream(stream, scratch, count_stream_hit, &hits);
  return hits;
}

// A scratch of the engine's own, cloned from its prototype (null when the engine has none).
inline match::HsScratch clone_engine_scratch(const match::CompiledRules& rules) {
  hs_scratch_t* scratch = nullptr;
  if (rules.scratch_prototype) hs_clone_scratch(rules.scratch_prototype.get(), &scratch);
  return match::HsScratch(scratch);
}

// Runs `pass` once, untimed by the benchmark, before its timing loop: a freshly compiled engine
// compiles a rule's start database on that rule's first hit (match/start_finder.h; engines loaded
// from the cache's images carry them), a one-off cost that steady-state throughput must leave out.
// Returns the pass's wall time in milliseconds, that one-off cost included, for the `first_pass_ms`
// counter.
template <class Pass>
double first_pass_ms(Pass&& pass) {
  const auto start = std::chrono::steady_clock::now();
  pass();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

// The scanning loop most stage benchmarks share: one untimed first pass, then `text` scanned in
// chunks per iteration; sets bytes processed and the `findings` and `first_pass_ms` counters.
inline void run_text_scan_loop(benchmark::State& state, Scanner& scanner, const std::string& text) {
  const double first_ms = first_pass_ms([&] { scan_in_chunks(scanner, text); });
  std::uint64_t findings = 0;
  for (auto _ : state) {
    findings = scan_in_chunks(scanner, text);
    benchmark::DoNotOptimize(findings);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["findings"] = static_cast<double>(findings);
  state.counters["first_pass_ms"] = first_ms;
}

// gzip (RFC 1952) at zlib's default level.
inline std::string gzip_bytes(std::string_view text) {
  z_stream z{};
  deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, static_cast<uLong>(text.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

enum class ArchiveKind : std::uint8_t { kZip, kTarGz };

// An archive of `files` (name, content) built in memory with libarchive.
inline std::string archive_bytes(const std::vector<std::pair<std::string, std::string>>& files,
                                 ArchiveKind kind) {
  std::string out;
  archive* a = archive_write_new();
  if (kind == ArchiveKind::kZip) {
    archive_write_set_format_zip(a);
  } else {
    archive_write_set_format_pax_restricted(a);
    archive_write_add_filter_gzip(a);
  }
  // Tar pads its last block to 10 KiB by default: one byte per block keeps the size honest.
  archive_write_set_bytes_in_last_block(a, 1);
  archive_write_open(
      a, &out, nullptr,
      [](archive*, void* self, const void* data, size_t size) -> la_ssize_t {
        static_cast<std::string*>(self)->append(static_cast<const char*>(data), size);
        return static_cast<la_ssize_t>(size);
      },
      nullptr);
  for (const auto& [name, content] : files) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_size(e, static_cast<la_int64_t>(content.size()));
    archive_write_header(a, e);
    archive_write_data(a, content.data(), content.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
  return out;
}

// A source over bytes in memory, handed out in kStageChunk pieces as a file reader would.
inline CallbackByteSource memory_source(std::string_view bytes) {
  return CallbackByteSource([bytes, at = std::size_t{0}](std::string_view& chunk) mutable {
    if (at >= bytes.size()) return Pull::kEnd;
    chunk = bytes.substr(at, kStageChunk);
    at += chunk.size();
    return Pull::kData;
  });
}

struct ObjectScanTally {
  std::uint64_t findings = 0;
  std::uint64_t results = 0;  // objects and members with a result of their own
  std::string mime_type;      // of the last result
};

// The whole object path (archives, decoding, formats, scanning) over bytes in memory.
inline ObjectScanTally scan_object(ObjectScanner& objects, std::string_view bytes,
                                   std::string_view name) {
  ObjectScanTally tally;
  CallbackByteSource source = memory_source(bytes);
  objects.scan(source, name, [&](ObjectResult r) {
    tally.findings += r.total_count();
    ++tally.results;
    tally.mime_type = std::move(r.mime_type);
  });
  return tally;
}

// Reads every member the walker delivers to its end and counts it: the walk and its decompression
// without any scanning.
class DrainingVisitor final : public MemberVisitor {
 public:
  void on_member(const MemberInfo&, ByteSource& content) override {
    ++members;
    std::string_view chunk;
    while (content.pull(chunk) == Pull::kData) bytes += chunk.size();
    if (!is_complete(content.status())) ++incomplete;
  }
  void on_unreadable(const MemberInfo&, const ObjectStatus&) override { ++incomplete; }
  void reset() { members = bytes = incomplete = 0; }

  std::uint64_t members = 0;
  std::uint64_t bytes = 0;
  std::uint64_t incomplete = 0;
};

}  // namespace tamis::bench
