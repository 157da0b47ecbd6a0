// Puts results that finish out of order back into discovery order: a result is released as soon
// as every result before it has been, so only the ones waiting on a slower earlier file are held.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <utility>
#include <vector>

#include "report/result.h"

namespace tamis::cli {

class InOrderBuffer {
 public:
  using Release = std::function<void(const ObjectResult& result)>;

  explicit InOrderBuffer(Release release) : release_(std::move(release)) {}

  // Takes the results of item `index` (each index once, starting at 0).
  void add(std::size_t index, std::vector<ObjectResult> results);

  std::size_t waiting() const { return waiting_.size(); }

 private:
  Release release_;
  std::size_t next_ = 0;
  std::map<std::size_t, std::vector<ObjectResult>> waiting_;
};

}  // namespace tamis::cli
