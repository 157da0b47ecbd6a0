#include "worker_pool.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "engine/scanner.h"
#include "source/file_source.h"

namespace tamis::cli {
namespace {

std::vector<ObjectResult> scan_item(Scanner& scanner, const WalkItem& item) {
  std::vector<ObjectResult> results;
  if (!item.skip) {
    scan_file_objects(scanner, item.path,
                      [&](ObjectResult result) { results.push_back(std::move(result)); });
    return results;
  }
  ObjectResult result;
  result.path = item.path;
  result.size = item.size;
  result.mime_type.clear();  // never opened: content type unknown
  result.status = *item.skip;
  results.push_back(std::move(result));
  return results;
}

}  // namespace

void scan_in_parallel(const std::shared_ptr<const Engine>& engine,
                      const std::vector<WalkItem>& items, unsigned threads,
                      const ResultReceiver& receive) {
  if (items.empty()) return;
  const auto worker_count =
      static_cast<unsigned>(std::min<std::size_t>(std::max(threads, 1U), items.size()));

  // Items are handed out one at a time from a shared counter, so a large file on one thread does
  // not hold back the others.
  std::atomic<std::size_t> next_item{0};
  std::mutex receive_mutex;
  auto work = [&] {
    Scanner scanner(engine);
    for (std::size_t index = next_item.fetch_add(1); index < items.size();
         index = next_item.fetch_add(1)) {
      std::vector<ObjectResult> results = scan_item(scanner, items[index]);
      const std::lock_guard lock(receive_mutex);
      receive(index, std::move(results));
    }
  };

  if (worker_count == 1) {
    work();
    return;
  }
  std::vector<std::jthread> workers;
  workers.reserve(worker_count);
  for (unsigned i = 0; i < worker_count; ++i) workers.emplace_back(work);
}

}  // namespace tamis::cli
