// Pull scans: a reader function over byte spans and a std::istream, archives included, and what
// a failing reader gives.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <fstream>
#include <span>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "test_support.h"

namespace {

using namespace tamis_cxx_test;

class CxxReader : public SsnAndCardScannerTest {};

// Hands out `text` at most `chunk` bytes per call, counting the calls.
struct ChunkedReader {
  std::string_view text;
  std::size_t chunk;
  std::size_t offset = 0;
  int calls = 0;

  std::size_t operator()(std::span<std::byte> buffer) {
    ++calls;
    const std::size_t n = std::min({chunk, buffer.size(), text.size() - offset});
    std::memcpy(buffer.data(), text.data() + offset, n);
    offset += n;
    return n;
  }
};

TEST_F(CxxReader, FunctionReaderIsScannedLikeABuffer) {
  ChunkedReader reader{kRecord, 5};
  std::vector<Seen> seen;
  const tamis::Results results =
      scanner_.scan_reader(std::ref(reader), "pulled.txt", {collect_into(seen)});
  EXPECT_GT(reader.calls, 2);  // really pulled in pieces, up to the final 0
  EXPECT_EQ(reader.offset, kRecord.size());
  ASSERT_EQ(results.size(), 1u);
  EXPECT_TRUE(contains(results.json(0), "pulled.txt"));
  EXPECT_TRUE(contains(results.json(0), kSsn));
  EXPECT_EQ(seen.size(), 2u);
}

TEST_F(CxxReader, IstreamOfAZipGivesItsMembers) {
  std::ifstream zip(corpus_dir() / "formats" / "traversal_names.zip", std::ios::binary);
  ASSERT_TRUE(zip.is_open());
  std::vector<Seen> seen;
  const tamis::Results results = scanner_.scan_reader(zip, "names.zip", {collect_into(seen)});
  EXPECT_EQ(results.size(), 5u);
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.front().object_path.rfind("names.zip/", 0), 0u);
}

TEST_F(CxxReader, IstreamOfText) {
  std::istringstream in{std::string(kRecord)};
  const tamis::Results results = scanner_.scan_reader(in, "in.txt");
  ASSERT_EQ(results.size(), 1u);
  EXPECT_TRUE(contains(results.json(0), kCard));
}

TEST_F(CxxReader, ExceptionFromTheReaderIsRethrown) {
  int calls = 0;
  const auto failing = [&](std::span<std::byte>) -> std::size_t {
    ++calls;
    throw std::runtime_error("disk gone");
  };
  try {
    (void)scanner_.scan_reader(failing, "broken.txt");
    FAIL() << "the reader's exception was swallowed";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "disk gone");
  }
  EXPECT_EQ(calls, 1);
}

TEST_F(CxxReader, ReaderClaimingMoreThanTheBufferIsAnError) {
  const auto lying = [](std::span<std::byte> buffer) { return buffer.size() + 1; };
  EXPECT_THROW((void)scanner_.scan_reader(lying, "lying.txt"), tamis::InvalidArgumentError);
}

TEST_F(CxxReader, EmptyReaderFunctionIsAnError) {
  EXPECT_THROW((void)scanner_.scan_reader(tamis::Scanner::Reader(), "x"),
               tamis::InvalidArgumentError);
}

// A stream buffer that serves some text, then fails as a disk or socket would.
class FailingAfter : public std::streambuf {
 public:
  explicit FailingAfter(std::string text) : text_(std::move(text)) {
    setg(text_.data(), text_.data(), text_.data() + text_.size());
  }

 protected:
  int_type underflow() override { throw std::runtime_error("device error"); }

 private:
  std::string text_;
};

TEST_F(CxxReader, FailingIstreamGivesAPartialResultNotAnException) {
  FailingAfter buffer{std::string(kRecord)};
  std::istream in(&buffer);
  std::vector<Seen> seen;
  const tamis::Results results = scanner_.scan_reader(in, "device.txt", {collect_into(seen)});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_TRUE(contains(results.json(0), "PARTIAL"));
  EXPECT_TRUE(contains(results.json(0), "SOURCE_OBJECT_NO_LONGER_AVAILABLE"));
  EXPECT_TRUE(contains(results.json(0), kSsn));  // what came before the failure is kept
}

// A stream buffer with a one-byte get area: nothing is ever buffered ahead.
class OneByteAtATime : public std::streambuf {
 public:
  explicit OneByteAtATime(std::string_view text) : text_(text) {}

 protected:
  int_type underflow() override {
    if (offset_ >= text_.size()) return traits_type::eof();
    current_ = text_[offset_++];
    setg(&current_, &current_, &current_ + 1);
    return traits_type::to_int_type(current_);
  }

 private:
  std::string_view text_;
  std::size_t offset_ = 0;
  char current_ = 0;
};

TEST_F(CxxReader, UnbufferedIstreamIsReadWhole) {
  OneByteAtATime buffer(kRecord);
  std::istream in(&buffer);
  std::vector<Seen> seen;
  const tamis::Results results = scanner_.scan_reader(in, "unbuffered.txt", {collect_into(seen)});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_TRUE(contains(results.json(0), "\"COMPLETE\""));
  EXPECT_EQ(seen.size(), 2u);
}

}  // namespace
