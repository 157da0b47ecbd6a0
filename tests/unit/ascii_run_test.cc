// find_non_ascii skips ASCII 64 and 8 bytes at a time; every position of the first non-ASCII
// byte relative to those blocks, and every starting point, must give the byte-by-byte answer.
#include "core/ascii_run.h"

#include <gtest/gtest.h>

#include <string>

namespace tamis {
namespace {

std::size_t find_non_ascii_by_byte(std::string_view text, std::size_t from) {
  while (from < text.size() && static_cast<unsigned char>(text[from]) < 0x80) ++from;
  return from;
}

TEST(AsciiRun, EveryPositionAndStart) {
  // Past 128 so the 64-byte blocks, the 8-byte words and the byte loop all meet the first one.
  for (std::size_t size = 0; size <= 160; ++size) {
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

}  // namespace
}  // namespace tamis
