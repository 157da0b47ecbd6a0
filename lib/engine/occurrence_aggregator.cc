#include "engine/occurrence_aggregator.h"

#include <algorithm>

#include "report/masking.h"
#include "report/severity.h"

namespace tamis {

OccurrenceAggregator::OccurrenceAggregator(const match::CompiledRules& rules, const Config& config)
    : rules_(rules), config_(config) {
  reset();
}

void OccurrenceAggregator::reset() {
  segments_.clear();
  detections_.assign(rules_.rules.size(), Detection{});
  for (std::size_t i = 0; i < rules_.rules.size(); ++i) {
    const match::Rule& rule = rules_.rules[i];
    detections_[i].type = rule.type;
    detections_[i].category = rule.category;
    detections_[i].custom = rule.custom;
  }
}

bool OccurrenceAggregator::on_accept(std::uint32_t rule, std::uint64_t /*start*/,
                                     std::uint64_t /*end*/, std::string_view text,
                                     std::string& preview) {
  Detection& detection = detections_[rule];
  ++detection.count;
  const bool kept = detection.count <= config_.limits.max_occurrences_per_type;
  if (!kept && callback_ == nullptr) return false;
  preview = config_.reveal_values ? std::string(text) : mask_value(text);
  return true;
}

std::uint64_t OccurrenceAggregator::add_segment(const SegmentLocation& location) {
  // Only where it is: the context keywords were needed to choose rules, not for results.
  return segments_.add(location.where);
}

void OccurrenceAggregator::forget_segments_before(std::uint64_t index) {
  segments_.forget_before(index);
}

bool OccurrenceAggregator::on_located(std::uint32_t rule, Occurrence occurrence,
                                      std::uint64_t segment) {
  if (segment != match::kNoSegment) occurrence.where = segments_.at(segment);
  Detection& detection = detections_[rule];
  bool keep_going = true;
  if (callback_ != nullptr && *callback_)
    keep_going = (*callback_)(*object_path_, detection, occurrence);
  if (detection.occurrences.size() < config_.limits.max_occurrences_per_type) {
    detection.occurrences.push_back(std::move(occurrence));
  }
  return keep_going;
}

void OccurrenceAggregator::finish_into(ObjectResult& result) {
  for (std::size_t i = 0; i < detections_.size(); ++i) {
    Detection& detection = detections_[i];
    if (detection.count == 0) continue;
    const match::Rule& rule = rules_.rules[i];
    detection.severity = rule.custom ? custom_severity(rule.severity_levels, detection.count)
                                     : rule.profile.for_count(detection.count);
    result.severity = std::max(result.severity, detection.severity);
    if (detection.occurrences.size() < detection.count) result.additional_occurrences = true;
    result.detections.push_back(std::move(detection));
  }
  reset();
}

}  // namespace tamis
