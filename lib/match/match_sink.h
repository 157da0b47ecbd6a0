// Where the matcher delivers matches that survived every filter (validator, word boundaries,
// keywords, ignore words, allow lists).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "report/result.h"

namespace tamis::match {

inline constexpr std::uint64_t kNoSegment = ~std::uint64_t{0};

class MatchSink {
 public:
  virtual ~MatchSink() = default;
  // `text` is the found text [start, end). Return true to receive the occurrence again through
  // on_located() once its line and column are known, with `preview` as its text.
  virtual bool on_accept(std::uint32_t rule, std::uint64_t start, std::uint64_t end,
                         std::string_view text, std::string& preview) = 0;
  // In text order for each rule. `segment` is the index of the segment the match sits in
  // (StreamMatcher::begin_segment), or kNoSegment for plain text; occurrence offsets are then
  // relative to that segment. Return false to stop scanning the object.
  virtual bool on_located(std::uint32_t rule, Occurrence occurrence, std::uint64_t segment) = 0;
};

}  // namespace tamis::match
