#include "archive/peek_source.h"

#include <algorithm>

#include "archive/format_sniffer.h"

namespace tamis {

std::string_view PeekSource::head() {
  if (head_read_) return head_;
  head_read_ = true;
  while (head_.size() < kSniffBytes) {
    std::string_view chunk;
    if (inner_.pull(chunk) == Pull::kEnd) {
      inner_ended_ = true;
      break;
    }
    const std::size_t take = std::min(chunk.size(), kSniffBytes - head_.size());
    head_.append(chunk.substr(0, take));
    if (take < chunk.size()) {
      leftover_ = chunk.substr(take);
      break;
    }
  }
  return head_;
}

Pull PeekSource::pull(std::string_view& chunk) {
  head();
  if (!head_sent_) {
    head_sent_ = true;
    if (!head_.empty()) {
      chunk = head_;
      return Pull::kData;
    }
  }
  if (!leftover_.empty()) {
    chunk = leftover_;
    leftover_ = {};
    return Pull::kData;
  }
  if (inner_ended_) return Pull::kEnd;
  const Pull result = inner_.pull(chunk);
  if (result == Pull::kEnd) inner_ended_ = true;
  return result;
}

bool PeekSource::seek_to(std::uint64_t offset) {
  head();
  head_sent_ = true;
  leftover_ = {};
  if (!inner_.seek_to(offset)) return false;
  inner_ended_ = false;
  return true;
}

}  // namespace tamis
