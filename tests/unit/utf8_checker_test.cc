// The UTF-8 checker skips ASCII runs a block at a time and takes decoded text unread: errors
// must still be placed at the exact byte, and a character open across a feed must be finished.
#include "decode/utf8_checker.h"

#include <gtest/gtest.h>

#include <string>

namespace tamis {
namespace {

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

TEST(Utf8CheckerSkipValid, DecodedTextIsNotRead) {
  Utf8Checker checker;
  checker.feed("plain ");
  checker.skip_valid("\xFF\xFE is not read");  // the caller vouches for it
  checker.feed("tail");
  checker.finish();
  EXPECT_TRUE(checker.valid());
}

TEST(Utf8CheckerSkipValid, OpenCharacterIsStillDecided) {
  Utf8Checker closed;
  closed.feed("ab\xC3");
  closed.skip_valid(
      "\xA9"
      "cd");  // finishes the é the raw bytes opened
  closed.finish();
  EXPECT_TRUE(closed.valid());

  Utf8Checker broken;
  broken.feed("ab\xC3");
  broken.skip_valid("cd");  // no continuation byte: the raw bytes were bad
  broken.finish();
  ASSERT_FALSE(broken.valid());
  EXPECT_EQ(broken.first_error_offset(), 2U);
}

}  // namespace
}  // namespace tamis
