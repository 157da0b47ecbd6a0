#include "archive/read_ahead_source.h"

#include <utility>

namespace tamis {

ReadAheadSource::ReadAheadSource(ByteSource& inner) : inner_(inner) {
  spare_.resize(kBuffers);
  reader_ = std::thread([this] { read_loop(); });
}

ReadAheadSource::~ReadAheadSource() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  reader_.join();
}

void ReadAheadSource::read_loop() {
  std::string buffer;
  bool at_end = false;
  while (!at_end) {
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return stopping_ || !spare_.empty(); });
      if (stopping_) return;
      buffer = std::move(spare_.back());
      spare_.pop_back();
    }
    buffer.clear();
    std::string_view chunk;
    while (buffer.size() < kFillBytes) {
      if (inner_.pull(chunk) == Pull::kEnd) {
        at_end = true;
        break;
      }
      buffer.append(chunk);
    }
    {
      const std::lock_guard lock(mutex_);
      if (!buffer.empty()) filled_.push_back(std::move(buffer));
      if (at_end) {
        ended_ = true;
        status_ = inner_.status();
      }
    }
    changed_.notify_all();
  }
}

Pull ReadAheadSource::pull(std::string_view& chunk) {
  std::unique_lock lock(mutex_);
  if (holding_) {
    // The consumer is done with the previous chunk: its buffer can be filled again.
    spare_.push_back(std::move(current_));
    current_ = std::string();
    holding_ = false;
    changed_.notify_all();
  }
  changed_.wait(lock, [this] { return !filled_.empty() || ended_; });
  if (filled_.empty()) return Pull::kEnd;
  current_ = std::move(filled_.front());
  filled_.pop_front();
  holding_ = true;
  chunk = current_;
  return Pull::kData;
}

}  // namespace tamis
