#include "engine/engine.h"

#include <utility>

#include "match/compiled_rules.h"

namespace tamis {

Engine::Engine(Config config, std::unique_ptr<const match::CompiledRules> rules)
    : config_(std::move(config)), rules_(std::move(rules)) {}

Engine::~Engine() = default;

Result<std::shared_ptr<const Engine>> Engine::build(const Config& config,
                                                    const BuildOptions& options) {
  auto rules = match::compile_rules(
      config, options.databases,
      {.use_anchors = options.use_anchors, .long_keywords = options.long_keywords});
  if (!rules) return rules.error();
  return std::shared_ptr<const Engine>(new Engine(config, std::move(*rules)));
}

}  // namespace tamis
