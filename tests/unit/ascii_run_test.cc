// find_non_ascii skips ASCII 32 and 8 bytes at a time; every position of the first non-ASCII
// byte relative to those blocks, and every starting point, must give the byte-by-byte answer.
// The UTF-8 checker, which skips ASCII with it, must still place errors exactly.
#include "core/ascii_run.h"

#include <gtest/gtest.h>

#include <string>

#include "decode/utf8_checker.h"

namespace tamis {
namespace {

std::size_t find_non_ascii_by_byte(std::string_view text, std::size_t from) {
  while (from < text.size() && static_cast<unsigned char>(text[from]) < 0x80) ++from;
  return from;
}

TEST(AsciiRun, EveryPositionAndStart) {
  for (std::size_t size = 0; size <= 80; ++size) {
    for (std::size_t high = 0; high <= size; ++high) {  // high == size: all ASCII
      std::string text(size, 'a');
      if (high < size) text[high] = static_cast<char>(0xC3);
      if (high + 1 < size) text[high + 1] = static_cast<char>(0xFF);  // a second one after it
      for (std::size_t from = 0; from <= size; ++from) {
        EXPECT_EQ(find_non_ascii(text, from), find_non_ascii_by_byte(text, from))
            << "size " << size << " high " << high << " from " << from;
      }
      EXPECT_EQ(is_all_ascii(text), high == size);
    }
  }
}

TEST(AsciiRun, EveryHighByteValueIsFound) {
  for (int b = 0x80; b <= 0xFF; ++b) {
    std::string text(40, 'x');
    text[37] = static_cast<char>(b);
    EXPECT_EQ(find_non_ascii(text), 37U) << b;
  }
  EXPECT_EQ(find_non_ascii(std::string(40, '\x7F')), 40U);
}

// An invalid byte after an ASCII run of every length: the checker's error offset is exact
// whether the text comes whole or a byte at a time.
TEST(Utf8CheckerAfterAscii, ErrorOffsetIsExact) {
  for (std::size_t run = 0; run <= 70; ++run) {
    std::string text(run, 'z');
    text += "\xC3\xA9";  // é: valid
    text += std::string(run % 9, 'q');
    const std::size_t bad = text.size();
    text += "\xC3(";  // a lead byte without its continuation
    text += std::string(20, 'w');

    Utf8Checker whole;
    whole.feed(text);
    whole.finish();
    ASSERT_FALSE(whole.valid()) << run;
    EXPECT_EQ(whole.first_error_offset(), bad) << run;

    Utf8Checker split;
    for (char c : text) split.feed(std::string_view(&c, 1));
    split.finish();
    ASSERT_FALSE(split.valid()) << run;
    EXPECT_EQ(split.first_error_offset(), bad) << run;
  }
}

TEST(Utf8CheckerAfterAscii, CharacterSplitAcrossFeedsIsValid) {
  const std::string text = std::string(33, 'a') + "\xE2\x82\xAC" + std::string(9, 'b');  // €
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    Utf8Checker checker;
    checker.feed(std::string_view(text).substr(0, cut));
    checker.feed(std::string_view(text).substr(cut));
    checker.finish();
    EXPECT_TRUE(checker.valid()) << cut;
  }
  Utf8Checker truncated;
  truncated.feed(std::string(33, 'a') + "\xE2\x82");
  truncated.finish();
  ASSERT_FALSE(truncated.valid());
  EXPECT_EQ(truncated.first_error_offset(), 33U);
}

}  // namespace
}  // namespace tamis
