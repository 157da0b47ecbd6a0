// Choices that change how rules are matched but never what is found. The defaults are the fast
// ones; the others exist for tests that check exactly that.
#pragma once

#include <cstdint>

namespace tamis::match {

// Where managed keywords of four bytes or more are looked for.
enum class LongKeywordPlacement : std::uint8_t {
  kAuto,       // the word finder where this CPU runs it faster, else the stream database
  kWords,      // the word finder (word_keyword_finder.h)
  kHyperscan,  // the stream database
};

struct MatchChoices {
  // False puts anchored identifiers' patterns in the stream database like the others.
  bool use_anchors = true;
  LongKeywordPlacement long_keywords = LongKeywordPlacement::kAuto;
};

}  // namespace tamis::match
