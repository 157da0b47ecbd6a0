// What each expression of the stream database costs in company, counted in instructions.
// `tamis_pattern_cost --leave-one-out` times the database without each expression, but on a
// shared virtual machine wall time drifts by tens of percent from one minute to the next, more
// than most expressions cost. Instructions do not drift, so this counts them with callgrind. It
// runs in two steps, because Hyperscan's compiler is slow under valgrind:
//   compile DIR [RECOMMENDED|ALL] [MiB]  natively: writes the benchmark's mixed text, the
//       expressions, and the serialised stream-mode database whole and without each expression;
//   count DIR [from to]  under `valgrind --tool=callgrind --instr-atstart=no`: loads each
//       database and counts one scan of the text in 256 KiB feeds, as the engine scans, in a
//       callgrind dump labelled "all" or "without <i>"; prints one line per dump.
// bench/compare/pattern_instructions.py runs both and prints the table.
#include <hs/hs.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define TAMIS_COUNT_WITH_CALLGRIND 1
#endif

#include "stream_expressions.h"
#include "text_generator.h"

namespace {

using tamis::bench::StreamExpression;

bool write_file(const std::string& path, const char* data, std::size_t size) {
  std::ofstream out(path, std::ios::binary);
  out.write(data, static_cast<std::streamsize>(size));
  return static_cast<bool>(out);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string database_path(const std::string& dir, long without) {
  return dir + (without < 0 ? "/all.hsdb" : "/without-" + std::to_string(without) + ".hsdb");
}

// Compiles `expressions` but the one at `without` (none when negative) and serialises it.
bool compile_variant(const std::vector<StreamExpression>& expressions, long without,
                     const std::string& path) {
  // Valgrind runs no AVX-512: a database built for this machine's AVX-512 would not load under
  // it. AVX2 at most, as Hyperscan picks for any process that callgrind runs.
  hs_platform_info_t platform{};
  if (hs_populate_platform(&platform) != HS_SUCCESS) return false;
  platform.cpu_features &= HS_CPU_FEATURES_AVX2;
  const std::size_t skip = without < 0 ? expressions.size() : static_cast<std::size_t>(without);
  hs_database_t* db =
      tamis::bench::compile_expressions(expressions, HS_MODE_STREAM, &platform, skip);
  if (db == nullptr) return false;
  char* bytes = nullptr;
  std::size_t size = 0;
  const bool ok =
      hs_serialize_database(db, &bytes, &size) == HS_SUCCESS && write_file(path, bytes, size);
  std::free(bytes);
  hs_free_database(db);
  return ok;
}

int compile(const std::string& dir, const std::string& selector, std::size_t mib) {
  tamis::Config config;
  if (selector == "ALL") config.selector = tamis::ManagedSelector::kAll;
  auto collected = tamis::bench::stream_expressions(config);
  if (!collected) {
    std::fprintf(stderr, "%s\n", collected.error().message.c_str());
    return 1;
  }
  std::vector<StreamExpression> database;  // what the engine compiles: no word keywords
  for (StreamExpression& e : *collected) {
    if (!e.word_keyword) database.push_back(std::move(e));
  }
  const std::string text = tamis::bench::generate_text(mib << 20);
  if (!write_file(dir + "/text.bin", text.data(), text.size())) return 1;
  std::ofstream listing(dir + "/expressions.tsv");
  for (std::size_t i = 0; i < database.size(); ++i) {
    listing << i << '\t' << database[i].owner << '\t' << database[i].text << '\n';
  }
  if (!compile_variant(database, -1, database_path(dir, -1))) return 1;
  for (std::size_t i = 0; i < database.size(); ++i) {
    if (!compile_variant(database, static_cast<long>(i),
                         database_path(dir, static_cast<long>(i)))) {
      return 1;
    }
  }
  std::printf("%zu expressions\n", database.size());
  return 0;
}

int count_match(unsigned, unsigned long long, unsigned long long, unsigned, void* context) {
  ++*static_cast<unsigned long long*>(context);
  return 0;
}

bool count_one(const std::string& path, const std::string& text, const std::string& label) {
  const std::string bytes = read_file(path);
  hs_database_t* db = nullptr;
  if (bytes.empty() || hs_deserialize_database(bytes.data(), bytes.size(), &db) != HS_SUCCESS) {
    std::fprintf(stderr, "cannot load %s\n", path.c_str());
    return false;
  }
  hs_scratch_t* scratch = nullptr;
  hs_stream_t* stream = nullptr;
  if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS ||
      hs_open_stream(db, 0, &stream) != HS_SUCCESS) {
    std::fprintf(stderr, "cannot allocate scratch or open a stream\n");
    return false;
  }
  unsigned long long matches = 0;
  constexpr std::size_t kFeed = 256 * 1024;
#ifdef TAMIS_COUNT_WITH_CALLGRIND
  CALLGRIND_ZERO_STATS;
  CALLGRIND_START_INSTRUMENTATION;
#endif
  for (std::size_t at = 0; at < text.size(); at += kFeed) {
    const std::size_t n = std::min(kFeed, text.size() - at);
    hs_scan_stream(stream, text.data() + at, static_cast<unsigned>(n), 0, scratch, count_match,
                   &matches);
  }
  hs_close_stream(stream, scratch, count_match, &matches);
#ifdef TAMIS_COUNT_WITH_CALLGRIND
  CALLGRIND_STOP_INSTRUMENTATION;
  CALLGRIND_DUMP_STATS_AT(label.c_str());
#endif
  hs_free_scratch(scratch);
  hs_free_database(db);
  std::printf("%s\t%llu\n", label.c_str(), matches);
  std::fflush(stdout);
  return true;
}

int count(const std::string& dir, long from, long to) {
#ifndef TAMIS_COUNT_WITH_CALLGRIND
  std::fprintf(stderr, "built without <valgrind/callgrind.h>: install valgrind and rebuild\n");
  return 1;
#endif
  const std::string text = read_file(dir + "/text.bin");
  if (text.empty()) {
    std::fprintf(stderr, "no text in %s: run compile first\n", dir.c_str());
    return 1;
  }
  if (from == 0 && !count_one(database_path(dir, -1), text, "all")) return 1;
  for (long i = from; i < to; ++i) {
    if (!count_one(database_path(dir, i), text, "without " + std::to_string(i))) return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 2 ? argv[1] : "";
  if (mode == "compile") {
    return compile(argv[2], argc > 3 ? argv[3] : "RECOMMENDED",
                   argc > 4 ? std::strtoul(argv[4], nullptr, 10) : 2);
  }
  if (mode == "count" && argc > 4) {
    return count(argv[2], std::strtol(argv[3], nullptr, 10), std::strtol(argv[4], nullptr, 10));
  }
  std::fprintf(stderr,
               "usage: %s compile DIR [RECOMMENDED|ALL] [MiB]\n"
               "       valgrind --tool=callgrind --instr-atstart=no %s count DIR FROM TO\n",
               argv[0], argv[0]);
  return 2;
}
