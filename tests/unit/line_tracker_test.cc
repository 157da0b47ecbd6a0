#include "match/line_tracker.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "text_position.h"

namespace tamis::match {
namespace {

// Newlines counted in blocks of lanes: every length around the block and lane sizes, newlines
// dense and sparse, multi-byte characters between them.
TEST(LineTracker, AgreesWithCountingByHandAcrossBlockSizes) {
  std::mt19937 random(7);
  for (std::size_t size :
       {0, 1, 15, 16, 17, 31, 32, 33, 255, 4079, 4080, 4081, 8159, 8160, 8161, 16321, 20000}) {
    for (int density : {2, 40, 5000}) {
      std::string text;
      for (std::size_t i = 0; i < size; ++i) {
        const auto r = random() % static_cast<unsigned>(density);
        text += r == 0 ? std::string("\n") : r == 1 ? std::string("\xC3\xA9") : std::string("a");
      }
      TextWindow window;
      window.push_chunk(text);
      LineTracker lines;
      // Jump forward in uneven steps, as the matcher does between findings.
      for (std::size_t pos = 0; pos <= text.size(); pos += 1 + random() % 5000) {
        if (pos > 0 && (static_cast<unsigned char>(text[pos - 1]) & 0xC0) == 0xC0) ++pos;
        if (pos > text.size()) break;
        lines.advance_to(pos, window);
        const auto [line, column] = testing_support::line_and_column_at(text, pos);
        ASSERT_EQ(lines.line(), line) << "size " << size << " density " << density << " at " << pos;
        ASSERT_EQ(lines.column(), column) << "size " << size << " at " << pos;
      }
      lines.advance_to(text.size(), window);
      EXPECT_EQ(lines.line(), testing_support::line_and_column_at(text, text.size()).first);
    }
  }
}

}  // namespace
}  // namespace tamis::match
