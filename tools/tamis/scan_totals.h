// Running totals over every result of a scan, for the text summary and the exit code.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>

#include "catalog/identifier.h"
#include "report/result.h"

namespace tamis::cli {

struct TypeTotals {
  std::uint64_t occurrences = 0;
  std::uint64_t objects = 0;
  Severity highest = Severity::kNone;  // over the objects it was found in
};

struct ScanTotals {
  std::uint64_t objects = 0;
  std::uint64_t complete = 0;
  std::uint64_t partial = 0;
  std::uint64_t skipped = 0;
  std::uint64_t bytes = 0;             // sizes of every object
  std::uint64_t bytes_classified = 0;  // what the engine actually read
  std::uint64_t objects_with_findings = 0;
  // Objects with a severity: as in Macie, a custom identifier below its lowest threshold is
  // reported but makes no finding, so it does not count here.
  std::uint64_t objects_with_severity = 0;
  std::uint64_t occurrences = 0;
  std::map<std::string, TypeTotals> by_type;
  // Indexed by Severity: objects whose highest severity it is, and occurrences of detections
  // that carry it.
  std::array<std::uint64_t, 4> objects_by_severity{};
  std::array<std::uint64_t, 4> occurrences_by_severity{};

  void add(const ObjectResult& result);
  bool found_anything() const { return objects_with_severity > 0; }
};

}  // namespace tamis::cli
