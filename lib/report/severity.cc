#include "report/severity.h"

namespace tamis {

Severity custom_severity(std::span<const SeverityLevel> levels, std::uint64_t count) {
  if (count == 0) return Severity::kNone;
  if (levels.empty()) return Severity::kMedium;
  Severity severity = Severity::kNone;
  for (const SeverityLevel& level : levels) {
    if (count >= level.occurrences_threshold) severity = level.severity;
  }
  return severity;
}

}  // namespace tamis
