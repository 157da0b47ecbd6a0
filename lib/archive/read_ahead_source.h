// Reads a ByteSource on a thread of its own, a few buffers ahead of the consumer, so that
// decompression (libarchive inflating a gzip member) runs on one core while the scan runs on
// another: the member then costs the slower of the two instead of their sum.
//
// The inner source is only ever touched by the reading thread between construction and
// destruction; the destructor stops and joins it, so once the ReadAheadSource is gone the inner
// source (and the libarchive handle behind it) belongs to the caller's thread again.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "archive/byte_source.h"

namespace tamis {

class ReadAheadSource final : public ByteSource {
 public:
  // Bytes gathered before a buffer is handed over, and buffers filled ahead of the consumer:
  // memory stays under buffers × (fill_bytes + one inner chunk).
  static constexpr std::size_t kFillBytes = 256 * 1024;
  static constexpr std::size_t kBuffers = 4;

  explicit ReadAheadSource(ByteSource& inner);
  ~ReadAheadSource() override;
  ReadAheadSource(const ReadAheadSource&) = delete;
  ReadAheadSource& operator=(const ReadAheadSource&) = delete;

  Pull pull(std::string_view& chunk) override;
  // The inner source's status once the end has been reached.
  const ObjectStatus& status() const override { return status_; }

 private:
  void read_loop();

  ByteSource& inner_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::string> filled_;  // ready for the consumer, in order
  std::vector<std::string> spare_;  // emptied buffers, reused so the steady state allocates nothing
  std::string current_;             // the buffer the consumer is reading
  bool holding_ = false;            // current_ came from filled_ and is still the consumer's
  bool ended_ = false;              // the reader reached the inner source's end
  bool stopping_ = false;           // the consumer is gone: stop reading
  ObjectStatus status_;
  std::thread reader_;
};

}  // namespace tamis
