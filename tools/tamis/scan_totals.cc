#include "scan_totals.h"

#include <algorithm>

namespace tamis::cli {

void ScanTotals::add(const ObjectResult& result) {
  ++objects;
  if (result.status.code == "COMPLETE") {
    ++complete;
  } else if (result.status.code == "PARTIAL") {
    ++partial;
  } else {
    ++skipped;
  }
  bytes += result.size;
  bytes_classified += result.size_classified;

  const std::uint64_t found = result.total_count();
  if (found == 0) return;
  ++objects_with_findings;
  if (result.severity != Severity::kNone) ++objects_with_severity;
  occurrences += found;
  ++objects_by_severity[static_cast<std::size_t>(result.severity)];
  for (const auto& detection : result.detections) {
    if (detection.count == 0) continue;
    TypeTotals& type = by_type[detection.type];
    type.occurrences += detection.count;
    ++type.objects;
    type.highest = std::max(type.highest, detection.severity);
    occurrences_by_severity[static_cast<std::size_t>(detection.severity)] += detection.count;
  }
}

}  // namespace tamis::cli
