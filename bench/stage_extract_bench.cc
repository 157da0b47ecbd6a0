// CSV and JSON Lines extraction (lib/extract/csv_extractor.h, json_extractor.h): the extractor
// alone into a sink that only counts segments, then the whole object path (ObjectScanner) with an
// engine that has no identifiers (selector NONE: extraction, segments and the scanner's
// bookkeeping without matching), then with RECOMMENDED. Same generated 8 MiB inputs for the three.
// Arguments: format (0 CSV, 1 JSON Lines), mode (0 extract only, 1 NONE, 2 RECOMMENDED).
// Run: tamis_bench --benchmark_filter=StageExtract
#include <cstdint>
#include <string>
#include <string_view>

#include "extract/csv_extractor.h"
#include "extract/json_extractor.h"
#include "stage_inputs.h"

namespace tamis {
namespace {

constexpr std::size_t kBytes = 8 << 20;

// People records: a name, an email, an SSN on one row in fifty, an amount and a free-text comment.
const std::string& csv_input() {
  static const std::string text = [] {
    std::string out = "id,name,email,ssn,amount,comment\n";
    const std::string prose = bench::generate_text(1 << 20, false, 11);
    for (std::size_t row = 0, at = 0; out.size() < kBytes;
         ++row, at = (at + 97) % (prose.size() - 80)) {
      out.append(std::to_string(row));
      out.append(",Jordan Avery,j");
      out.append(std::to_string(row));
      out.append("@example.com,");
      if (row % 50 == 0) out.append("536-22-1849");
      out.append(",");
      out.append(std::to_string(row % 1000));
      out.append(".50,\"");
      std::string comment = prose.substr(at, 40 + row % 30);
      for (char& c : comment) {
        if (c == '"' || c == '\n') c = ' ';
      }
      out.append(comment);
      out.append("\"\n");
    }
    return out;
  }();
  return text;
}

// Events with a nested user object, an array and a note; an SSN in one record in fifty.
const std::string& json_lines_input() {
  static const std::string text = [] {
    std::string out;
    for (std::size_t row = 0; out.size() < kBytes; ++row) {
      out.append(R"({"id":)");
      out.append(std::to_string(row));
      out.append(R"(,"user":{"name":"Jordan Avery","email":"j)");
      out.append(std::to_string(row));
      out.append(R"(@example.com","ssn":")");
      out.append(row % 50 == 0 ? "536-22-1849" : "n/a");
      out.append(R"("},"items":[{"sku":"A-)");
      out.append(std::to_string(row % 977));
      out.append(R"(","qty":2}],"note":"delivered on time"})");
      out.append("\n");
    }
    return out;
  }();
  return text;
}

class CountingSink final : public SegmentSink {
 public:
  bool begin_segment(const SegmentLocation&) override {
    ++segments;
    return true;
  }
  bool segment_text(std::string_view utf8) override {
    text_bytes += utf8.size();
    return true;
  }
  bool end_segment() override { return true; }
  void reset() { segments = text_bytes = 0; }

  std::uint64_t segments = 0;
  std::uint64_t text_bytes = 0;
};

template <class Extractor, class Options>
void extract_only(benchmark::State& state, const std::string& input, const Options& options) {
  CountingSink sink;
  for (auto _ : state) {
    sink.reset();
    Extractor extractor(sink, options);
    for (std::size_t at = 0; at < input.size(); at += bench::kStageChunk) {
      if (!extractor.feed(std::string_view(input).substr(at, bench::kStageChunk))) break;
    }
    const ObjectStatus status = extractor.finish();
    if (status.code != "COMPLETE") {
      state.SkipWithError(("extraction did not complete: " + status.reason).c_str());
      return;
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * input.size()));
  state.counters["segments"] = static_cast<double>(sink.segments);
  state.counters["segment_MiB"] = static_cast<double>(sink.text_bytes) / (1 << 20);
}

void object_scan(benchmark::State& state, const std::string& input, const char* name,
                 ManagedSelector selector) {
  const auto engine = bench::stage_engine(state, bench::selector_config(selector));
  if (!engine) return;
  Scanner scanner(engine);
  ObjectScanner objects(scanner);
  const double first_ms = bench::first_pass_ms([&] { bench::scan_object(objects, input, name); });
  bench::ObjectScanTally tally;
  for (auto _ : state) {
    tally = bench::scan_object(objects, input, name);
    benchmark::DoNotOptimize(tally.findings);
  }
  std::string label = state.range(0) == 0 ? "CSV " : "JSON Lines ";
  label.append(selector_name(selector));
  label.append(" as ");
  label.append(tally.mime_type);
  state.SetLabel(label);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * input.size()));
  state.counters["findings"] = static_cast<double>(tally.findings);
  state.counters["first_pass_ms"] = first_ms;
}

void BM_StageExtract(benchmark::State& state) {
  const bool csv = state.range(0) == 0;
  const std::string& input = csv ? csv_input() : json_lines_input();
  switch (state.range(1)) {
    case 0:
      state.SetLabel(csv ? "CSV extract only" : "JSON Lines extract only");
      if (csv) {
        extract_only<CsvExtractor>(state, input, CsvOptions{});
      } else {
        JsonOptions options;
        options.lines = true;
        extract_only<JsonExtractor>(state, input, options);
      }
      return;
    case 1:
      object_scan(state, input, csv ? "people.csv" : "events.jsonl", ManagedSelector::kNone);
      return;
    default:
      object_scan(state, input, csv ? "people.csv" : "events.jsonl", ManagedSelector::kRecommended);
      return;
  }
}

BENCHMARK(BM_StageExtract)
    ->ArgsProduct({{0, 1}, {0, 1, 2}})
    ->ArgNames({"json", "mode"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace tamis
