// Where compiled Hyperscan databases come from instead of being compiled: the databases carried
// by a serialised engine (engine/engine_image.cc).
#pragma once

#include <optional>
#include <string>

#include "match/expression_info.h"
#include "match/hs_handles.h"

namespace tamis::match {

class DatabaseStore {
 public:
  virtual ~DatabaseStore() = default;
  // The database compiled from `key` (ExpressionSet::key), or null when the store lacks it.
  virtual HsDatabase load(const std::string& key) const = 0;
  // Offers a database just compiled from `key`; a store may ignore it.
  virtual void store(const std::string& key, const hs_database_t* db) const = 0;
  // True when every database must come from the store: a miss is then an error, never a compile
  // (a serialised engine that does not match what this build compiles).
  virtual bool complete() const { return false; }
  // The analysis of an expression (expression_info_key), when the store carries it.
  virtual std::optional<ExpressionInfo> expression_info(const std::string& /*key*/) const {
    return std::nullopt;
  }
};

}  // namespace tamis::match
