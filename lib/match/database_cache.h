// An on-disk cache of compiled Hyperscan databases, so that starting a scan is a load, not a
// compile (compiling every identifier takes seconds; loading takes milliseconds). Best effort: any
// problem with the cache means compiling as if it were absent.
#pragma once

#include <optional>
#include <string>

#include "match/database_store.h"
#include "match/hs_handles.h"

namespace tamis::match {

class DatabaseCache final : public DatabaseStore {
 public:
  // An empty directory disables the cache.
  explicit DatabaseCache(std::string directory) : directory_(std::move(directory)) {}

  // `key` describes everything the database is compiled from; the file name is its hash and the
  // file repeats the whole key, so a hash collision is detected, never served.
  HsDatabase load(const std::string& key) const override;
  void store(const std::string& key, const hs_database_t* db) const override;

 private:
  std::string path_for(const std::string& key) const;
  std::string directory_;
};

}  // namespace tamis::match
