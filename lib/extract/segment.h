// What structured-format extractors produce: pieces of UTF-8 text ("segments": a CSV cell, a JSON
// string or number, an XML text node) each with the location Macie reports for it and the names
// that act as keywords for everything in it (a column name, the keys on a JSON path).
// Extractors never match anything themselves: the engine scans the segments they emit.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tamis {

// Macie's `cells` occurrence: 1-based row and column; cell_reference in A1 form ("C7"); sheet is
// empty outside spreadsheets. An extractor leaves cell_reference empty when it is just row and
// column in A1 form (CSV: building it for every cell would cost more than scanning the cell); the
// engine derives it for the occurrences it reports, so results always carry it.
struct CellLocation {
  std::uint64_t row = 0;
  std::uint64_t column = 0;
  std::string column_name;
  std::string cell_reference;
  std::string sheet;
};

// Macie's `records` occurrence: 0-based record index (the line of a JSON Lines file, 0 for a
// single JSON document) and a JSONPath to the value, e.g. `$.customers[2].ssn`.
struct RecordLocation {
  std::uint64_t record_index = 0;
  std::string json_path;
};

struct SegmentLocation {
  std::variant<std::monostate, CellLocation, RecordLocation> where;
  // Names that count as a keyword for every value in this segment (reference/macie.md §1.2):
  // the CSV column name, every key name on the JSON path.
  std::vector<std::string> context_keywords;
  // Non-zero: every segment of the object with this id has the same context_keywords (CSV: the
  // column), so the engine finds their rules by the id without reading the names. Zero: unknown.
  std::uint32_t context_id = 0;
};

// Receives segments in document order. The text of one segment may arrive in several pieces
// between begin_segment and end_segment. Any call may return false to stop extraction.
class SegmentSink {
 public:
  virtual ~SegmentSink() = default;
  virtual bool begin_segment(const SegmentLocation& location) = 0;
  virtual bool segment_text(std::string_view utf8) = 0;
  virtual bool end_segment() = 0;
};

}  // namespace tamis
