// Allow lists (reference/macie.md §3): RECOMMENDED on text where every fourth line holds an SSN
// with its keyword, so the allow check runs on tens of thousands of findings per pass; with no
// allow list, 10 / 1,000 / 10,000 literal entries, and 10 / 100 regexes. A few entries and one
// regex match real findings, so the `findings` counter shows the lists at work.
// Run: tamis_bench --benchmark_filter=StageAllowList
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "stage_inputs.h"

namespace tamis {
namespace {

constexpr std::size_t kTextBytes = 4 << 20;

std::string ssn(std::mt19937& rng) {
  // SSA rules hold: area 001-665, group 01-99, serial 0001-9999.
  const unsigned area = 1 + rng() % 665;
  const unsigned group = 1 + rng() % 99;
  const unsigned serial = 1 + rng() % 9999;
  char out[16];
  std::snprintf(out, sizeof out, "%03u-%02u-%04u", area, group, serial);
  return out;
}

// Prose with an SSN and its keyword on every fourth line; the first SSNs are kept so allow lists
// can name some real ones.
struct FindingsText {
  std::string text;
  std::vector<std::string> values;
};

const FindingsText& findings_text() {
  static const FindingsText out = [] {
    FindingsText t;
    std::mt19937 rng(7);
    const std::string prose = bench::generate_text(kTextBytes);
    std::size_t start = 0;
    for (std::size_t line = 0; t.text.size() < kTextBytes && start < prose.size(); ++line) {
      std::size_t end = prose.find('\n', start);
      if (end == std::string::npos) end = prose.size();
      t.text.append(prose, start, end - start + 1);
      start = end + 1;
      if (line % 4 == 0) {
        const std::string value = ssn(rng);
        if (t.values.size() < 1000) t.values.push_back(value);
        t.text.append("Employee SSN: ");
        t.text.append(value);
        t.text.append(" on file\n");
      }
    }
    return t;
  }();
  return out;
}

// `literals` entries: all but every hundredth are decoys shaped like the findings.
AllowListSpec literal_list(std::size_t literals) {
  AllowListSpec list;
  list.name = "literals";
  const auto& values = findings_text().values;
  for (std::size_t i = 0; i < literals; ++i) {
    if (i % 100 == 0 && i / 100 < values.size()) {
      list.texts.push_back(values[i / 100]);
      continue;
    }
    char decoy[16];
    std::snprintf(decoy, sizeof decoy, "9%02zu-%02zu-%04zu", i % 100, (i / 100) % 100, i % 10000);
    list.texts.push_back(decoy);
  }
  return list;
}

// `regexes` lists of one regex each (Macie: one regex per allow list); the first allows SSNs whose
// serial starts with 00, the others never match.
std::vector<AllowListSpec> regex_lists(std::size_t regexes) {
  std::vector<AllowListSpec> lists;
  for (std::size_t i = 0; i < regexes; ++i) {
    AllowListSpec list;
    list.name = "regex" + std::to_string(i);
    if (i == 0) {
      list.regex = "[0-9]{3}-[0-9]{2}-00[0-9]{2}";
    } else {
      std::string regex = "TEST";
      regex.append(std::to_string(i));
      regex.append("-[0-9]{3}-[0-9]{2}-[0-9]{4}");
      list.regex = std::move(regex);
    }
    lists.push_back(std::move(list));
  }
  return lists;
}

// Arguments: literal entries, regexes.
void BM_StageAllowList(benchmark::State& state) {
  const auto literals = static_cast<std::size_t>(state.range(0));
  const auto regexes = static_cast<std::size_t>(state.range(1));
  Config config;
  if (literals > 0) config.allow_lists.push_back(literal_list(literals));
  for (auto& list : regex_lists(regexes)) config.allow_lists.push_back(std::move(list));
  const auto engine = bench::stage_engine(state, config);
  if (!engine) return;
  const std::string& text = findings_text().text;
  Scanner scanner(engine);
  bench::run_text_scan_loop(state, scanner, text);
  state.counters["findings_per_s"] =
      benchmark::Counter(state.counters["findings"].value * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}

BENCHMARK(BM_StageAllowList)
    ->Args({0, 0})
    ->Args({10, 0})
    ->Args({1000, 0})
    ->Args({10000, 0})
    ->Args({0, 10})
    ->Args({0, 100})
    ->ArgNames({"literals", "regexes"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace tamis
