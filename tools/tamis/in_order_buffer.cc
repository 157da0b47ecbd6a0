#include "in_order_buffer.h"

#include <utility>

namespace tamis::cli {

void InOrderBuffer::add(std::size_t index, ObjectResult result) {
  if (index != next_) {
    waiting_.emplace(index, std::move(result));
    return;
  }
  release_(result);
  ++next_;
  for (auto it = waiting_.begin(); it != waiting_.end() && it->first == next_;
       it = waiting_.erase(it)) {
    release_(it->second);
    ++next_;
  }
}

}  // namespace tamis::cli
