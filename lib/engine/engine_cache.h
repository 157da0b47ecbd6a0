// A folder of engine images (engine_image.h), one per configuration, so that a program started
// again with the same configuration loads its engine in milliseconds instead of compiling it.
// Best effort: a missing, stale, damaged or unwritable cache only means compiling, never an error.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "engine/engine.h"

namespace tamis {

struct CachedEngine {
  std::shared_ptr<const Engine> engine;
  bool loaded = false;  // from the cache, not compiled
};

// Loads the image for `config` from `cache_dir` or builds the engine and stores its image there.
// An empty cache_dir builds without a cache. Errors are the configuration's own (Engine::build).
Result<CachedEngine> build_engine_cached(const Config& config, const std::string& cache_dir);

}  // namespace tamis
