// Scans the walked items on N threads sharing one immutable Engine, each with its own Scanner.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>

#include "engine/engine.h"
#include "file_walker.h"
#include "report/result.h"

namespace tamis::cli {

// Receives the results of every item with the item's index in the walk, in completion order:
// one result for a plain file, one per member for an archive. Calls are serialised (never two at
// once), so the receiver needs no locking of its own.
using ResultReceiver = std::function<void(std::size_t index, std::vector<ObjectResult> results)>;

// Returns when every item has been delivered. `threads` is capped at the number of items.
void scan_in_parallel(const std::shared_ptr<const Engine>& engine,
                      const std::vector<WalkItem>& items, unsigned threads,
                      const ResultReceiver& receive);

}  // namespace tamis::cli
