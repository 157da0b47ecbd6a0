// Masked previews: every character starred but the last min(4, half) of them, counted in UTF-8
// characters so a masked value never ends in a broken one.
#include "report/masking.h"

#include <gtest/gtest.h>

namespace tamis {
namespace {

TEST(MaskValue, ShowsAtMostFourCharactersAndNeverMoreThanHalf) {
  EXPECT_EQ(mask_value("4111111111111111"), "************1111");
  EXPECT_EQ(mask_value("536-22-1849"), "*******1849");
  EXPECT_EQ(mask_value("abcdef"), "***def");
  EXPECT_EQ(mask_value("abc"), "**c");
  EXPECT_EQ(mask_value("ab"), "*b");
  EXPECT_EQ(mask_value("a"), "*");
  EXPECT_EQ(mask_value(""), "");
}

TEST(MaskValue, CountsCharactersNotBytes) {
  // Seven characters, nine bytes: three shown, the two-byte ü's whole.
  EXPECT_EQ(mask_value("12345\xC3\xBC\xC3\xBC"), "****5\xC3\xBC\xC3\xBC");
  // Four characters of four bytes each: two shown.
  const std::string emoji = "\xF0\x9F\x98\x80";
  EXPECT_EQ(mask_value(emoji + emoji + emoji + emoji), "**" + emoji + emoji);
  // A stray continuation byte is part of the character before it.
  EXPECT_EQ(mask_value("abcd\x80"), "**cd\x80");
}

}  // namespace
}  // namespace tamis
