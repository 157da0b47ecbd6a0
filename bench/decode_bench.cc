// The object path on compressed and structured data (issue #3): gzip text against inflate alone,
// CSV cell by cell, JSON Lines value by value. Run: tamis_bench --benchmark_filter=Decode
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <string>

#include "archive/callback_byte_source.h"
#include "engine/engine.h"
#include "engine/engine_cache.h"
#include "engine/object_scanner.h"
#include "engine/scanner.h"
#include "stage_inputs.h"
#include "text_generator.h"

namespace tamis {
namespace {

constexpr std::size_t kBytes = 32 << 20;
constexpr std::size_t kChunk = 256 << 10;

const std::string& gzipped_text() {
  static const std::string data = bench::gzip_bytes(bench::generate_text(kBytes));
  return data;
}

std::string csv_text() {
  std::string out = "id,name,email,ssn,amount,comment\n";
  const std::string base = bench::generate_text(kBytes / 4);
  std::size_t row = 0;
  for (std::size_t i = 0; out.size() < kBytes; ++row, i = (i + 97) % (base.size() - 64)) {
    out += std::to_string(row) + ",Jordan Avery,j" + std::to_string(row) + "@example.com," +
           (row % 50 == 0 ? "536-22-1849" : "") + "," + std::to_string(row % 1000) + ".50,\"" +
           base.substr(i, 40 + row % 20) + "\"\n";
  }
  return out;
}

std::string json_lines_text() {
  std::string out;
  for (std::size_t row = 0; out.size() < kBytes; ++row) {
    out += R"({"id":)" + std::to_string(row) + R"(,"user":{"name":"Jordan Avery","email":"j)" +
           std::to_string(row) + R"(@example.com","ssn":")" +
           (row % 50 == 0 ? "536-22-1849" : "n/a") + R"("},"items":[{"sku":"A-)" +
           std::to_string(row % 977) + R"(","qty":2}],"note":"delivered on time"})" + "\n";
  }
  return out;
}

// A web page's worth of markup per line of text: table rows with attributes and inline tags.
std::string html_text() {
  const std::string base = bench::generate_text(kBytes / 2);
  std::string out = "<!DOCTYPE html><html><head><title>export</title></head><body><table>\n";
  std::size_t start = 0;
  for (std::size_t row = 0; out.size() < kBytes && start < base.size(); ++row) {
    std::size_t end = base.find('\n', start);
    if (end == std::string::npos) end = base.size();
    std::string line = base.substr(start, end - start);
    for (char& c : line) {
      if (c == '<' || c == '>' || c == '&') c = ' ';
    }
    out += "<tr class=\"row\" data-id=\"";
    out += std::to_string(row);
    out += "\"><td><b>";
    out += std::to_string(row);
    out += "</b></td><td>";
    out += line;
    out += "</td></tr>\n";
    start = end + 1;
  }
  out += "</table></body></html>\n";
  return out;
}

std::shared_ptr<const Engine> default_engine() {
  static const auto engine = build_engine_cached(Config{}, "/tmp/tamis-bench-cache")->engine;
  return engine;
}

std::shared_ptr<const Engine> single_thread_engine() {
  static const auto engine = [] {
    Config config;
    config.decode_in_background = false;
    return build_engine_cached(config, "/tmp/tamis-bench-cache")->engine;
  }();
  return engine;
}

void scan_object(benchmark::State& state, const std::string& data, const char* name,
                 std::size_t decoded_bytes,
                 const std::shared_ptr<const Engine>& engine = default_engine()) {
  Scanner scanner(engine);
  ObjectScanner objects(scanner);
  std::uint64_t findings = 0;
  for (auto _ : state) {
    std::size_t at = 0;
    CallbackByteSource source([&](std::string_view& chunk) {
      if (at >= data.size()) return Pull::kEnd;
      chunk = std::string_view(data).substr(at, kChunk);
      at += chunk.size();
      return Pull::kData;
    });
    findings = 0;
    objects.scan(source, name, [&](ObjectResult r) { findings += r.total_count(); });
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * decoded_bytes));
  state.counters["findings"] = static_cast<double>(findings);
}

void BM_DecodeInflateOnly(benchmark::State& state) {
  const std::string& data = gzipped_text();
  std::string out(kChunk, '\0');
  for (auto _ : state) {
    z_stream z{};
    inflateInit2(&z, 15 + 16);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
      z.next_out = reinterpret_cast<Bytef*>(out.data());
      z.avail_out = static_cast<uInt>(out.size());
      rc = inflate(&z, Z_NO_FLUSH);
    }
    benchmark::DoNotOptimize(z.total_out);
    inflateEnd(&z);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kBytes));
}

void BM_DecodeScanGzipText(benchmark::State& state) {
  scan_object(state, gzipped_text(), "mixed.txt.gz", kBytes);
}

// The same with decompression on the scanning thread: the sum of both costs.
void BM_DecodeScanGzipTextOneThread(benchmark::State& state) {
  scan_object(state, gzipped_text(), "mixed.txt.gz", kBytes, single_thread_engine());
}

void BM_DecodeScanPlainText(benchmark::State& state) {
  static const std::string text = bench::generate_text(kBytes);
  scan_object(state, text, "mixed.txt", text.size());
}

void BM_DecodeScanCsv(benchmark::State& state) {
  static const std::string text = csv_text();
  scan_object(state, text, "people.csv", text.size());
}

void BM_DecodeScanJsonLines(benchmark::State& state) {
  static const std::string text = json_lines_text();
  scan_object(state, text, "events.jsonl", text.size());
}

BENCHMARK(BM_DecodeInflateOnly)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_DecodeScanGzipText)->Unit(benchmark::kMillisecond)->UseRealTime();
void BM_DecodeScanHtml(benchmark::State& state) {
  static const std::string text = html_text();
  scan_object(state, text, "export.html", text.size());
}

BENCHMARK(BM_DecodeScanGzipTextOneThread)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_DecodeScanPlainText)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_DecodeScanCsv)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_DecodeScanJsonLines)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_DecodeScanHtml)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace tamis
