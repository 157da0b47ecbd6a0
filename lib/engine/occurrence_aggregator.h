// Turns accepted matches into the object's detections: counts every occurrence, keeps the first
// max_occurrences_per_type of each type, masks values, and derives severities.
#pragma once

#include <cstdint>
#include <vector>

#include "config/config.h"
#include "engine/scanner.h"
#include "engine/segment_location_log.h"
#include "match/compiled_rules.h"
#include "match/match_sink.h"
#include "report/result.h"

namespace tamis {

class OccurrenceAggregator final : public match::MatchSink {
 public:
  OccurrenceAggregator(const match::CompiledRules& rules, const Config& config);

  void reset();
  // `object_path` is the path of the object being scanned, passed to the callback.
  void set_callback(const Scanner::OccurrenceCallback* callback, const std::string* object_path) {
    callback_ = callback;
    object_path_ = object_path;
  }

  bool on_accept(std::uint32_t rule, std::uint64_t start, std::uint64_t end, std::string_view text,
                 std::string& preview) override;
  bool on_located(std::uint32_t rule, Occurrence occurrence, std::uint64_t segment) override;

  // Locations of the object's segments, by segment index, so occurrences can carry them.
  std::uint64_t add_segment(const SegmentLocation& location);
  void forget_segments_before(std::uint64_t index);

  // Moves the detections (managed in catalogue order, then custom) and severities into `result`.
  void finish_into(ObjectResult& result);

 private:
  const match::CompiledRules& rules_;
  const Config& config_;
  const Scanner::OccurrenceCallback* callback_ = nullptr;
  const std::string* object_path_ = nullptr;
  std::vector<Detection> detections_;  // one per rule
  SegmentLocationLog segments_;
};

}  // namespace tamis
