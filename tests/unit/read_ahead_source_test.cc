#include "archive/read_ahead_source.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "archive/callback_byte_source.h"

namespace tamis {
namespace {

// A source of `total` bytes in chunks of `chunk` bytes, each byte its offset mod 251, that ends
// with `final_status`.
struct CountingSource {
  CountingSource(std::uint64_t total_bytes, std::size_t chunk_bytes, ObjectStatus status)
      : total(total_bytes), chunk(chunk_bytes), final_status(std::move(status)) {}

  std::uint64_t total;
  std::size_t chunk;
  ObjectStatus final_status;
  std::uint64_t produced = 0;
  std::string buffer;

  CallbackByteSource make() {
    return CallbackByteSource(
        [this](std::string_view& out) {
          if (produced >= total) return Pull::kEnd;
          const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(chunk, total - produced));
          buffer.resize(n);
          for (std::size_t i = 0; i < n; ++i) buffer[i] = static_cast<char>((produced + i) % 251);
          produced += n;
          out = buffer;
          return Pull::kData;
        },
        [this] { return final_status; });
  }
};

std::string expected_bytes(std::uint64_t total) {
  std::string out(total, '\0');
  for (std::uint64_t i = 0; i < total; ++i) out[i] = static_cast<char>(i % 251);
  return out;
}

TEST(ReadAheadSource, DeliversEveryByteInOrderWithTheInnerStatus) {
  for (const std::size_t chunk : {std::size_t{1}, std::size_t{1000}, std::size_t{300000}}) {
    SCOPED_TRACE(chunk);
    const std::uint64_t total = chunk == 1 ? 100'000 : 3'000'000;
    CountingSource counting(total, chunk,
                            ObjectStatus{"PARTIAL", "UNABLE_TO_PARSE_FILE", "truncated"});
    CallbackByteSource inner = counting.make();
    ReadAheadSource ahead(inner);
    std::string got;
    std::string_view piece;
    while (ahead.pull(piece) == Pull::kData) got.append(piece);
    EXPECT_EQ(got, expected_bytes(counting.total));
    EXPECT_EQ(ahead.status().reason, "UNABLE_TO_PARSE_FILE");
    EXPECT_EQ(ahead.pull(piece), Pull::kEnd);
  }
}

TEST(ReadAheadSource, EmptySourceEndsAtOnce) {
  CountingSource counting(0, 10, ObjectStatus{});
  CallbackByteSource inner = counting.make();
  ReadAheadSource ahead(inner);
  std::string_view piece;
  EXPECT_EQ(ahead.pull(piece), Pull::kEnd);
  EXPECT_EQ(ahead.status().code, "COMPLETE");
}

TEST(ReadAheadSource, ConsumerStoppingEarlyStopsTheReaderWithBoundedReadAhead) {
  CountingSource counting(std::uint64_t{1} << 34, 65536, ObjectStatus{});  // 16 GiB on offer
  CallbackByteSource inner = counting.make();
  {
    ReadAheadSource ahead(inner);
    std::string_view piece;
    ASSERT_EQ(ahead.pull(piece), Pull::kData);
  }  // the destructor stops and joins the reader
  // The reader filled at most its buffers (plus the one it was filling) before waiting.
  EXPECT_LE(counting.produced,
            (ReadAheadSource::kBuffers + 1) * (ReadAheadSource::kFillBytes + 65536));
}

}  // namespace
}  // namespace tamis
