// Owning handles for Hyperscan objects, so every exit path frees them.
#pragma once

#include <hs/hs.h>

#include <memory>

namespace tamis::match {

struct HsDatabaseFree {
  void operator()(hs_database_t* db) const { hs_free_database(db); }
};
struct HsScratchFree {
  void operator()(hs_scratch_t* scratch) const { hs_free_scratch(scratch); }
};
struct HsCompileErrorFree {
  void operator()(hs_compile_error_t* error) const { hs_free_compile_error(error); }
};

using HsDatabase = std::unique_ptr<hs_database_t, HsDatabaseFree>;
using HsScratch = std::unique_ptr<hs_scratch_t, HsScratchFree>;
using HsCompileError = std::unique_ptr<hs_compile_error_t, HsCompileErrorFree>;

}  // namespace tamis::match
