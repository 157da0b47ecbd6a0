#include "engine/engine.h"

#include <utility>

#include "match/compiled_rules.h"
#include "match/database_cache.h"

namespace tamis {

Engine::Engine(Config config, std::unique_ptr<const match::CompiledRules> rules)
    : config_(std::move(config)), rules_(std::move(rules)) {}

Engine::~Engine() = default;

Result<std::shared_ptr<const Engine>> Engine::build(const Config& config,
                                                    const BuildOptions& options) {
  const match::DatabaseCache cache(options.cache_dir);
  const match::DatabaseStore* store = options.databases;
  if (store == nullptr && !options.cache_dir.empty()) store = &cache;
  auto rules = match::compile_rules(config, store);
  if (!rules) return rules.error();
  return std::shared_ptr<const Engine>(new Engine(config, std::move(*rules)));
}

}  // namespace tamis
