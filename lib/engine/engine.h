// Engine: every active identifier, keyword and allow list compiled once. Immutable after build(),
// so one Engine is shared by any number of threads, each with its own Scanner.
#pragma once

#include <memory>
#include <string>

#include "config/config.h"
#include "core/result.h"
#include "match/match_choices.h"

namespace tamis {

namespace match {
struct CompiledRules;  // lib/match/compiled_rules.h
class DatabaseStore;   // lib/match/database_store.h
}  // namespace match

// How to build, as opposed to what to scan for (Config).
// (A cache of compiled engines across runs is engine/engine_cache.h.)
struct BuildOptions {
  // Databases to load instead of compiling (a serialised engine, engine/engine_image.h).
  const match::DatabaseStore* databases = nullptr;
  // False compiles anchored identifiers' patterns into the stream database like the others
  // (ManagedIdentifier::anchor): only for tests that check anchoring changes no finding.
  bool use_anchors = true;
  // Where managed keywords of four bytes or more are looked for (match/match_choices.h): anything
  // but the default only for tests that check the word finder changes no finding.
  match::LongKeywordPlacement long_keywords = match::LongKeywordPlacement::kAuto;
};

class Engine {
 public:
  // Compiles the managed identifiers the selector picks, the custom identifiers and allow lists.
  // Errors name the identifier and, for regexes, Hyperscan's message and the expression.
  static Result<std::shared_ptr<const Engine>> build(const Config& config,
                                                     const BuildOptions& options = {});

  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  const Config& config() const { return config_; }
  const match::CompiledRules& rules() const { return *rules_; }

 private:
  Engine(Config config, std::unique_ptr<const match::CompiledRules> rules);

  Config config_;
  std::unique_ptr<const match::CompiledRules> rules_;
};

}  // namespace tamis
