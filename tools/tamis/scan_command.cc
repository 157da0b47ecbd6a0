#include "scan_command.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <utility>

#include "config/config.h"
#include "engine/engine.h"
#include "engine/engine_cache.h"
#include "file_walker.h"
#include "in_order_buffer.h"
#include "progress_bar.h"
#include "result_writer.h"
#include "scan_totals.h"
#include "worker_pool.h"

namespace tamis::cli {
namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

unsigned default_thread_count() {
  const unsigned hardware = std::thread::hardware_concurrency();
  return hardware > 0 ? hardware : 1;
}

// $XDG_CACHE_HOME/tamis, else ~/.cache/tamis; empty (no cache) when neither is known.
std::string default_cache_dir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/') {
    return std::string(xdg) + "/tamis";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::string(home) + "/.cache/tamis";
  }
  return {};
}

}  // namespace

int run_scan(const ScanOptions& options) {
  Config config;
  if (options.config_path) {
    auto loaded = load_config_file(*options.config_path);
    if (!loaded) {
      // The loader's message already names the file and the position in it.
      std::fprintf(stderr, "tamis: configuration error: %s\n", loaded.error().message.c_str());
      return kExitError;
    }
    config = std::move(loaded).value();
  }
  if (options.reveal) config.reveal_values = true;

  auto built = build_engine_cached(config, options.cache ? default_cache_dir() : std::string());
  if (!built) {
    std::fprintf(stderr, "tamis: cannot build the engine: %s\n", built.error().message.c_str());
    return kExitError;
  }
  const std::shared_ptr<const Engine> engine = std::move(built->engine);

  const WalkResult walk = walk_paths(options.paths);
  const unsigned threads = options.threads > 0 ? options.threads : default_thread_count();

  const auto writer = make_result_writer(options.format, stdout);
  ScanTotals totals;
  const bool stderr_terminal = ::isatty(STDERR_FILENO) == 1;
  ProgressBar progress(options.progress && stderr_terminal,
                       stderr_terminal && ::isatty(STDOUT_FILENO) == 1, walk.items.size(),
                       walk.total_bytes);
  InOrderBuffer in_order([&](const ObjectResult& result) {
    const auto hold = progress.hold_for_output();
    writer->write(result);
  });

  {
    const auto hold = progress.hold_for_output();
    // The pool never starts more workers than there are objects; say what actually runs.
    const auto workers = static_cast<unsigned>(
        std::max<std::size_t>(1, std::min<std::size_t>(threads, walk.items.size())));
    writer->begin({walk.items.size(), walk.total_bytes, workers});
  }
  scan_in_parallel(engine, walk.items, threads,
                   [&](std::size_t index, std::vector<ObjectResult> results) {
                     for (const ObjectResult& result : results) totals.add(result);
                     progress.add_done(1, walk.items[index].size);
                     if (writer->completion_order()) {
                       const auto hold = progress.hold_for_output();
                       for (const ObjectResult& result : results) writer->write(result);
                     } else {
                       in_order.add(index, std::move(results));
                     }
                   });
  progress.stop();
  writer->end(totals);

  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::perror("tamis: writing the results");
    return kExitError;
  }
  return totals.found_anything() ? kExitFindings : kExitClean;
}

}  // namespace tamis::cli
