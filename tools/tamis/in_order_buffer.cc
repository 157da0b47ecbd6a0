#include "in_order_buffer.h"

#include <utility>

namespace tamis::cli {

void InOrderBuffer::add(std::size_t index, std::vector<ObjectResult> results) {
  if (index != next_) {
    waiting_.emplace(index, std::move(results));
    return;
  }
  for (const ObjectResult& result : results) release_(result);
  ++next_;
  for (auto it = waiting_.begin(); it != waiting_.end() && it->first == next_;
       it = waiting_.erase(it)) {
    for (const ObjectResult& result : it->second) release_(result);
    ++next_;
  }
}

}  // namespace tamis::cli
