// A list of Hyperscan expressions compiled together, with checks that name the identifier behind
// a failing expression instead of Hyperscan's bare index.
#pragma once

#include <hs/hs.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "match/database_store.h"
#include "match/expression_info.h"
#include "match/hs_handles.h"

namespace tamis::match {

// Checks one expression on its own; `owner` names it in the error ("custom data identifier \"X\"").
Result<ExpressionInfo> check_expression(const std::string& expression, unsigned flags,
                                        const std::string& owner);

struct CompiledDatabase {
  HsDatabase db;
  std::string key;  // ExpressionSet::key of what it was compiled from
};

class ExpressionSet {
 public:
  void add(std::string expression, unsigned flags, unsigned id, std::string owner);
  bool empty() const { return expressions_.empty(); }
  std::size_t size() const { return expressions_.size(); }
  // The same set with `extra` flags on every expression.
  ExpressionSet with_flags(unsigned extra) const;
  // Everything the database is compiled from in `mode`: equal keys give equal databases.
  std::string key(unsigned mode) const;
  // `what` names the database in errors ("stream database"). With a store, a database compiled
  // before from the same expressions is loaded instead.
  Result<CompiledDatabase> compile(unsigned mode, const char* what,
                                   const DatabaseStore* store = nullptr) const;

 private:
  std::vector<std::string> expressions_;
  std::vector<unsigned> flags_;
  std::vector<unsigned> ids_;
  std::vector<std::string> owners_;
};

}  // namespace tamis::match
