// An engine as bytes: its configuration and its compiled Hyperscan databases in one versioned,
// checksummed blob, so another process starts scanning after a load instead of a compile.
//
// Loading never trusts the blob: the header, length and CRC-32 are checked before anything is
// parsed; the configuration is parsed and validated like any other; the databases are handed to
// the normal build, which must find every database it would compile among them, under the exact
// expressions it would compile (the keys of ExpressionSet). A blob therefore yields the same
// engine as building from its configuration, or an error; never a different engine.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"
#include "engine/engine.h"

namespace tamis {

enum class ImageFault : std::uint8_t {
  kNone,
  kVersion,  // made by another tamis version, Hyperscan build or CPU: rebuild from the config
  kCorrupt,  // truncated, damaged, or not an engine image at all
};

struct LoadedEngine {
  std::shared_ptr<const Engine> engine;  // null on failure
  ImageFault fault = ImageFault::kNone;
  std::string message;  // why it failed
};

// Fails only when Hyperscan cannot serialise a database (out of memory).
Result<std::string> serialize_engine(const Engine& engine);

LoadedEngine deserialize_engine(std::string_view bytes);

}  // namespace tamis
