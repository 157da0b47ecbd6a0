// Everything a Scanner holds for the object in progress.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "decode/utf8_checker.h"
#include "engine/context_rule_cache.h"
#include "engine/occurrence_aggregator.h"
#include "engine/scanner.h"
#include "match/stream_matcher.h"
#include "report/result.h"

namespace tamis {

struct ObjectScan {
  ObjectScan(const match::CompiledRules& rules, const Config& config)
      : matcher(rules), aggregator(rules, config) {}

  match::StreamMatcher matcher;
  OccurrenceAggregator aggregator;
  Utf8Checker utf8;
  Scanner::OccurrenceCallback callback;
  ObjectResult result;
  bool active = false;
  bool stopped = false;  // no more bytes are scanned (caller stop, engine error)
  bool binary = false;
  std::uint64_t binary_offset = 0;
  bool in_segment = false;
  // Segment text waiting to be fed: values are often a few bytes, and one matcher call per value
  // would cost more than the scan itself.
  std::string batch;
  std::uint64_t segments_begun = 0;
  ContextRuleCache context_cache;
};

}  // namespace tamis
