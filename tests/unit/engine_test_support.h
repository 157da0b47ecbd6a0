// Small builders shared by the engine tests.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "config/config.h"
#include "engine/engine.h"
#include "engine/scanner.h"

namespace tamis::testing_support {

inline CustomIdentifierSpec custom(std::string name, std::string regex,
                                   std::vector<std::string> keywords = {},
                                   std::uint32_t distance = 50) {
  CustomIdentifierSpec spec;
  spec.name = std::move(name);
  spec.regex = std::move(regex);
  spec.keywords = std::move(keywords);
  spec.maximum_match_distance = distance;
  return spec;
}

// A config with no managed identifiers, only the given custom ones.
inline Config custom_only(std::vector<CustomIdentifierSpec> specs) {
  Config config;
  config.selector = ManagedSelector::kNone;
  config.custom_identifiers = std::move(specs);
  config.reveal_values = true;
  return config;
}

inline std::shared_ptr<const Engine> build_or_die(const Config& config) {
  auto engine = Engine::build(config);
  EXPECT_TRUE(engine.ok()) << (engine.ok() ? "" : engine.error().message);
  if (!engine.ok()) return nullptr;
  return *engine;
}

// Feeds `text` in pieces of `chunk` bytes.
inline ObjectResult scan_in_chunks(Scanner& scanner, std::string_view text, std::size_t chunk) {
  scanner.begin("mem");
  for (std::size_t i = 0; i < text.size(); i += chunk) scanner.feed(text.substr(i, chunk));
  return scanner.finish();
}

inline const Detection* find_detection(const ObjectResult& result, std::string_view type) {
  for (const Detection& d : result.detections) {
    if (d.type == type) return &d;
  }
  return nullptr;
}

inline std::vector<std::string> found_texts(const ObjectResult& result, std::string_view type) {
  std::vector<std::string> out;
  if (const Detection* d = find_detection(result, type)) {
    for (const Occurrence& o : d->occurrences) out.push_back(o.text);
  }
  return out;
}

}  // namespace tamis::testing_support
