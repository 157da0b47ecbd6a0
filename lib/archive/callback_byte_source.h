// A ByteSource over a pull callback, for callers that produce bytes from a function (a network
// body, a C API user's reader) rather than from a class of their own.
#pragma once

#include <functional>
#include <string_view>
#include <utility>

#include "archive/byte_source.h"

namespace tamis {

class CallbackByteSource final : public ByteSource {
 public:
  // `next` sets its argument to the next chunk (valid until the following call) and returns
  // kData, or returns kEnd at the end. `failure` is consulted once at the end: COMPLETE (the
  // default) when the stream ended normally, else the status to report (a read error part-way).
  using Next = std::function<Pull(std::string_view&)>;
  using Failure = std::function<ObjectStatus()>;

  explicit CallbackByteSource(Next next, Failure failure = {})
      : next_(std::move(next)), failure_(std::move(failure)) {}

  Pull pull(std::string_view& chunk) override {
    if (ended_) return Pull::kEnd;
    if (next_(chunk) == Pull::kData) return Pull::kData;
    ended_ = true;
    if (failure_) status_ = failure_();
    return Pull::kEnd;
  }
  const ObjectStatus& status() const override { return status_; }

 private:
  Next next_;
  Failure failure_;
  ObjectStatus status_;
  bool ended_ = false;
};

}  // namespace tamis
