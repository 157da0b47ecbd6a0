// Streamed scans: chunks of any size, stops, and the lifetime rules of tamis::Stream.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "test_support.h"

namespace {

using namespace tamis_cxx_test;

class CxxStream : public SsnAndCardScannerTest {};

TEST_F(CxxStream, MatchesAcrossChunkBoundariesAreFoundOnce) {
  std::vector<Seen> seen;
  tamis::Stream stream = scanner_.stream("stream.txt", {collect_into(seen)});
  for (std::size_t i = 0; i < kRecord.size(); i += 3) {  // every value crosses boundaries
    EXPECT_TRUE(stream.feed(kRecord.substr(i, 3)));
  }
  const tamis::Results results = stream.finish();
  EXPECT_FALSE(results.stopped());
  ASSERT_EQ(results.size(), 1u);
  EXPECT_TRUE(contains(results.json(0), kSsn));
  EXPECT_TRUE(contains(results.json(0), kCard));
  ASSERT_EQ(seen.size(), 2u);
  const auto ssn =
      std::find_if(seen.begin(), seen.end(), [](const Seen& s) { return s.type == kSsn; });
  ASSERT_NE(ssn, seen.end());
  EXPECT_EQ(ssn->object_path, "stream.txt");
  EXPECT_EQ(ssn->line, 2u);
  EXPECT_EQ(ssn->column, 6u);
}

TEST_F(CxxStream, ByteSpansFeedLikeText) {
  tamis::Stream stream = scanner_.stream("bytes.txt");
  const auto* first = reinterpret_cast<const std::byte*>(kRecord.data());
  const std::vector<std::byte> bytes(first, first + kRecord.size());
  EXPECT_TRUE(stream.feed(std::span<const std::byte>(bytes)));
  EXPECT_TRUE(contains(stream.finish().json(0), kSsn));
}

TEST_F(CxxStream, StopMakesFeedReturnFalseAndFinishGivesThePartialResult) {
  int calls = 0;
  tamis::Stream stream = scanner_.stream("stream.txt", {[&](const tamis::Occurrence&) {
                                           ++calls;
                                           return false;
                                         }});
  // An occurrence may be decided a little after its bytes arrive: feed until the stop shows.
  int feeds = 0;
  while (stream.feed(kRecord) && feeds < 100000) ++feeds;
  EXPECT_EQ(calls, 1);
  EXPECT_FALSE(stream.feed(kRecord));  // later chunks are ignored
  const tamis::Results results = stream.finish();
  EXPECT_EQ(calls, 1);
  EXPECT_TRUE(results.stopped());
  EXPECT_TRUE(contains(results.json(0), "STOPPED_BY_CALLER"));
}

TEST_F(CxxStream, FinishedStreamThrowsOnFurtherUse) {
  tamis::Stream stream = scanner_.stream("s.txt");
  (void)stream.finish();
  EXPECT_THROW(stream.feed(kRecord), tamis::InvalidArgumentError);
  EXPECT_THROW((void)stream.finish(), tamis::InvalidArgumentError);
}

TEST_F(CxxStream, AnotherScanAbandonsTheStream) {
  tamis::Stream stream = scanner_.stream("s.txt");
  EXPECT_TRUE(stream.feed(kRecord));
  EXPECT_EQ(scanner_.scan(kRecord).size(), 1u);
  try {
    stream.feed(kRecord);
    FAIL() << "an abandoned stream accepted bytes";
  } catch (const tamis::InvalidArgumentError& e) {
    EXPECT_TRUE(contains(e.what(), "abandoned")) << e.what();
  }
}

TEST_F(CxxStream, DestroyingAnAbandonedStreamLeavesTheNewerOneAlone) {
  std::vector<Seen> seen;
  std::optional<tamis::Stream> older(scanner_.stream("old.txt"));
  tamis::Stream newer = scanner_.stream("new.txt", {collect_into(seen)});
  older.reset();  // must not finish the newer stream's scan
  EXPECT_TRUE(newer.feed(kRecord));
  const tamis::Results results = newer.finish();
  EXPECT_TRUE(contains(results.json(0), "new.txt"));
  EXPECT_EQ(seen.size(), 2u);
}

TEST_F(CxxStream, UnfinishedStreamEndsWithoutCallingBackAndTheScannerGoesOn) {
  // An SSN at the very end of the bytes fed so far: a following digit could still extend it, so
  // its occurrence is decided by finish(), not by feed().
  constexpr std::string_view kPending = "SSN: 536-22-4871";
  int calls = 0;
  const tamis::ScanOptions counting{[&](const tamis::Occurrence&) {
    ++calls;
    return true;
  }};
  {
    tamis::Stream finished = scanner_.stream("s.txt", counting);
    EXPECT_TRUE(finished.feed(kPending));
    ASSERT_EQ(calls, 0) << "the occurrence was decided before finish(): pick another text";
    (void)finished.finish();
    ASSERT_EQ(calls, 1);
  }
  calls = 0;
  {
    tamis::Stream dropped = scanner_.stream("s.txt", counting);
    EXPECT_TRUE(dropped.feed(kPending));
  }
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(scanner_.scan(kRecord).size(), 1u);
}

TEST_F(CxxStream, MovedStreamCarriesOnAndItsScannerMayMove) {
  std::vector<Seen> seen;
  tamis::Stream first = scanner_.stream("m.txt", {collect_into(seen)});
  EXPECT_TRUE(first.feed(kRecord.substr(0, 20)));
  tamis::Stream second(std::move(first));
  tamis::Scanner moved_scanner(std::move(scanner_));
  EXPECT_THROW(first.feed(kRecord),
               tamis::InvalidArgumentError);  // NOLINT(bugprone-use-after-move)
  EXPECT_TRUE(second.feed(kRecord.substr(20)));
  (void)second.finish();
  EXPECT_EQ(seen.size(), 2u);
}

TEST_F(CxxStream, StreamOfADestroyedScannerThrows) {
  std::optional<tamis::Scanner> scanner(std::in_place, engine_);
  tamis::Stream stream = scanner->stream("s.txt");
  scanner.reset();
  EXPECT_THROW(stream.feed(kRecord), tamis::InvalidArgumentError);
}

TEST_F(CxxStream, CallbackExceptionIsRethrownByFeed) {
  tamis::Stream stream = scanner_.stream(
      "s.txt", {[](const tamis::Occurrence&) -> bool { throw std::runtime_error("no"); }});
  bool thrown = false;
  for (int i = 0; i < 100000 && !thrown; ++i) {
    try {
      stream.feed(kRecord);
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "no");
      thrown = true;
    }
  }
  EXPECT_TRUE(thrown);
}

}  // namespace
