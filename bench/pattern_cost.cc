// What each expression of the stream database costs on its own: every pattern of the selected
// managed identifiers and every keyword is compiled alone (block mode) and run over the benchmark's
// mixed text, then all of them together. Sorted by cost, so a pattern that drags the whole set
// down shows up at the top. Judge every catalogue change with it (design/ARCHITECTURE.md).
// Run: build/ci/bench/tamis_pattern_cost [--leave-one-out] [RECOMMENDED|ALL] [MiB]
//      build/ci/bench/tamis_pattern_cost --dump-text [MiB] > mixed.txt
// On a shared machine wall time drifts by more than most expressions cost; the leave-one-out in
// instructions (tamis_pattern_instructions, bench/compare/pattern_instructions.py) does not.
#include <hs/hs.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "config/config.h"
#include "stream_expressions.h"
#include "text_generator.h"

namespace {

using Expression = tamis::bench::StreamExpression;

struct Cost {
  double mb_per_s = 0;
  std::uint64_t matches = 0;
};

int count_match(unsigned, unsigned long long, unsigned long long, unsigned, void* context) {
  ++*static_cast<std::uint64_t*>(context);
  return 0;
}

// A block-mode database and its scratch.
struct Compiled {
  hs_database_t* db = nullptr;
  hs_scratch_t* scratch = nullptr;
  Compiled(const Compiled&) = delete;
  Compiled& operator=(const Compiled&) = delete;
  explicit Compiled(const std::vector<Expression>& expressions) {
    db = tamis::bench::compile_expressions(expressions, HS_MODE_BLOCK, nullptr);
    if (db == nullptr) std::exit(1);
    hs_alloc_scratch(db, &scratch);
  }
  ~Compiled() {
    hs_free_scratch(scratch);
    hs_free_database(db);
  }

  // Seconds for one pass over `text`.
  double pass(const std::string& text, std::uint64_t& matches) const {
    matches = 0;
    const auto t0 = std::chrono::steady_clock::now();
    hs_scan(db, text.data(), static_cast<unsigned>(text.size()), 0, scratch, count_match, &matches);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }

  // Best of three passes, so one descheduled pass does not decide the figure.
  Cost time(const std::string& text) const {
    Cost cost;
    double best = 1e30;
    for (int i = 0; i < 3; ++i) best = std::min(best, pass(text, cost.matches));
    cost.mb_per_s = static_cast<double>(text.size()) / (1 << 20) / best;
    return cost;
  }
};

Cost measure(const std::vector<Expression>& expressions, const std::string& text) {
  return Compiled(expressions).time(text);
}

}  // namespace

int main(int argc, char** argv) {
  // The benchmarks' mixed text as a file, for whole-program runs and instruction counts of the
  // CLI on exactly what the micro-benchmarks scan.
  if (argc > 1 && std::string(argv[1]) == "--dump-text") {
    const std::size_t dump_mib = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 8;
    const std::string dump = tamis::bench::generate_text(dump_mib << 20);
    return std::fwrite(dump.data(), 1, dump.size(), stdout) == dump.size() ? 0 : 1;
  }
  const bool leave_one_out = argc > 1 && std::string(argv[1]) == "--leave-one-out";
  if (leave_one_out) {
    --argc;
    ++argv;
  }
  tamis::Config config;
  const std::string selector = argc > 1 ? argv[1] : "RECOMMENDED";
  if (selector == "ALL") config.selector = tamis::ManagedSelector::kAll;
  const std::size_t mib = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 32;
  const std::string text = tamis::bench::generate_text(mib << 20);

  auto collected = tamis::bench::stream_expressions(config);
  if (!collected) {
    std::fprintf(stderr, "%s\n", collected.error().message.c_str());
    return 1;
  }
  const std::vector<Expression>& expressions = *collected;

  struct Row {
    const Expression* expression;
    Cost cost;
  };
  std::vector<Row> rows;
  for (const Expression& e : expressions) rows.push_back({&e, measure({e}, text)});
  std::sort(rows.begin(), rows.end(),
            [](const Row& a, const Row& b) { return a.cost.mb_per_s < b.cost.mb_per_s; });
  std::printf("%zu expressions, %zu MiB of mixed text, Hyperscan block mode, one thread\n\n",
              expressions.size(), mib);
  std::printf("%10s %10s  %s\n", "MB/s", "matches", "expression");
  for (const Row& row : rows) {
    std::printf("%10.0f %10llu  %s: %.90s\n", row.cost.mb_per_s,
                static_cast<unsigned long long>(row.cost.matches), row.expression->owner.c_str(),
                row.expression->text.c_str());
  }
  std::vector<Expression> patterns_only;
  std::vector<Expression> keywords_only;
  std::vector<Expression> stream_database;  // what the engine compiles: no word keywords
  for (const Expression& e : expressions) {
    (e.flags == HS_FLAG_CASELESS ? keywords_only : patterns_only).push_back(e);
    if (!e.word_keyword) stream_database.push_back(e);
  }
  const Cost all = measure(expressions, text);
  const Cost pats = measure(patterns_only, text);
  const Cost kws = measure(keywords_only, text);
  std::printf("\n%10.0f %10llu  all %zu together\n", all.mb_per_s,
              static_cast<unsigned long long>(all.matches), expressions.size());
  std::printf("%10.0f %10llu  the %zu patterns\n", pats.mb_per_s,
              static_cast<unsigned long long>(pats.matches), patterns_only.size());
  std::printf("%10.0f %10llu  the %zu keywords\n", kws.mb_per_s,
              static_cast<unsigned long long>(kws.matches), keywords_only.size());
  const Cost engine = measure(stream_database, text);
  std::printf("%10.0f %10llu  all but the %zu word keywords: the engine's stream database\n",
              engine.mb_per_s, static_cast<unsigned long long>(engine.matches),
              expressions.size() - stream_database.size());
  // What each expression costs in company: Hyperscan's speed depends on the set as a whole (its
  // literal matcher groups literals by length and frequency), so the database is measured without
  // each expression, biggest gain first; removing one can also make the rest slower. The whole
  // database is timed in alternation with each variant: on a shared machine the speed drifts by
  // tens of percent over the minutes this takes, so only each pair's ratio means much.
  if (leave_one_out) {
    const Compiled whole(stream_database);
    struct Ratio {
      const Expression* expression;
      double ratio;
    };
    std::vector<Ratio> ratios;
    for (std::size_t i = 0; i < stream_database.size(); ++i) {
      std::vector<Expression> rest = stream_database;
      rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(i));
      const Compiled without(rest);
      // Passes of the two alternate, so both see the same moments of the machine.
      double with_best = 1e30;
      double without_best = 1e30;
      std::uint64_t matches = 0;
      for (int round = 0; round < 7; ++round) {
        with_best = std::min(with_best, whole.pass(text, matches));
        without_best = std::min(without_best, without.pass(text, matches));
      }
      ratios.push_back({&stream_database[i], with_best / without_best});
    }
    std::sort(ratios.begin(), ratios.end(),
              [](const Ratio& a, const Ratio& b) { return a.ratio > b.ratio; });
    std::printf("\nThe stream database without one expression, as a share of its speed with it:\n");
    for (const Ratio& r : ratios) {
      std::printf("%9.3fx  without %s: %.80s\n", r.ratio, r.expression->owner.c_str(),
                  r.expression->text.c_str());
    }
  }
  return 0;
}
