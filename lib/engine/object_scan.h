// Everything a Scanner holds for the object in progress.
#pragma once

#include <cstdint>
#include <string>

#include "decode/utf8_checker.h"
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
};

}  // namespace tamis
