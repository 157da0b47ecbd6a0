// Finds where a match starts, given where it ends. The stream database runs without
// start-of-match tracking (about 3x faster, design/ARCHITECTURE.md), so the start is recovered
// here, only for hits. Compiled on first use: most rules never hit in a given run, and these
// databases would otherwise dominate the engine's build time.
#pragma once

#include <hs/hs.h>

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "match/database_store.h"
#include "match/hs_handles.h"

namespace tamis::match {

class StartFinder {
 public:
  enum class Method : std::uint8_t {
    // One block scan with HS_FLAG_SOM_LEFTMOST over the window behind the end.
    kLeftmostScan,
    // Hyperscan refuses SOM for some patterns ("Pattern is too large"): then each candidate start
    // is probed with the pattern anchored at both ends, a scan that usually dies on its first byte.
    kAnchoredProbe,
    kUnavailable,
  };

  // With a store that holds this finder's databases (a serialised engine), they are taken from it
  // and nothing is compiled, not even on first use.
  // `prefix_probes`: also compile prefix_database() (anchored identifiers, compiled_rules.h).
  explicit StartFinder(std::vector<std::string> expressions, const DatabaseStore* store = nullptr,
                       bool prefix_probes = false);

  // Compiles on the first call (thread-safe); `db` is null when kUnavailable.
  Method method() const;
  const hs_database_t* database() const;
  // A database reporting every match end of the patterns in a buffer: the SOM database itself, or
  // with kAnchoredProbe a plain block database of the patterns.
  const hs_database_t* ends_database() const;
  // Every end of a match that starts at the buffer's first byte: the patterns anchored at the
  // start, without start-of-match tracking. Null unless built with prefix probes (or when it does
  // not compile). Hyperscan stops such a scan as soon as no match can still go on, so a probe
  // costs about a call however long the buffer, where a start-tracking scan of a window pays per
  // byte and, for a repeat, a reverse search per end.
  const hs_database_t* prefix_database() const;

  // Compiles now if not done yet and visits each database under the key a store files it by, so
  // a serialised engine carries them and its first scan compiles nothing.
  template <class Visit>
  void for_each_database(Visit&& visit) const {
    method();
    if (prefix_db_) visit(key("prefix"), prefix_db_.get());
    if (method_ == Method::kLeftmostScan) {
      visit(key("som"), db_.get());
      return;
    }
    if (db_) visit(key("probe"), db_.get());
    if (ends_db_) visit(key("ends"), ends_db_.get());
  }
  // True when the databases came from a store.
  bool preloaded() const { return preloaded_; }

 private:
  void compile() const;
  void preload(const DatabaseStore& store);
  std::string key(std::string_view kind) const;

  std::vector<std::string> expressions_;
  mutable std::once_flag once_;
  mutable HsDatabase db_;
  mutable HsDatabase ends_db_;
  mutable HsDatabase prefix_db_;
  mutable Method method_ = Method::kUnavailable;
  bool prefix_probes_ = false;
  bool preloaded_ = false;
};

}  // namespace tamis::match
