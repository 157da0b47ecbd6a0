// One Excel worksheet (SpreadsheetML sheetData) to segments: one per non-empty cell, located as
// Macie locates cells (row, column, column name, "Sheet2!C5", sheet). The first non-empty row is
// the header: its text cells name their columns, and the name is a keyword for every value below
// it, as in CSV. Shared strings are looked up, inline strings and rich-text runs joined, numbers
// and dates taken as written in <v>, formulas contribute their cached value, booleans and error
// values are skipped. Rows and cells written without an r= reference take the next position.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "extract/ooxml_sax.h"
#include "extract/ooxml_shared_strings.h"
#include "extract/segment.h"

namespace tamis {

// Cells of type "s" whose string could not be found, counted with the first one's reference.
struct UnresolvedCells {
  std::uint64_t count = 0;
  std::string first;
};

class SheetEvents final : public XmlEvents {
 public:
  SheetEvents(SegmentSink& sink, const SharedStrings& strings, std::string sheet_name)
      : sink_(sink), strings_(strings), sheet_(std::move(sheet_name)) {}

  void start(std::string_view local_name, const XmlAttributes& attributes) override;
  void end(std::string_view local_name) override;
  void characters(std::string_view utf8) override;
  bool stopped() const override { return stopped_; }

  // The string index was past the end of the table (or there is no table).
  const UnresolvedCells& missing_strings() const { return missing_; }
  // The string was dropped at the shared-strings limit.
  const UnresolvedCells& dropped_strings() const { return dropped_; }

 private:
  enum class CellType : std::uint8_t { kNumber, kShared, kInline, kText, kSkipped };

  void start_row(const XmlAttributes& attributes);
  void start_cell(const XmlAttributes& attributes);
  void end_cell();
  void emit(std::string_view utf8);
  void resolve_shared_string();
  std::string reference() const;
  const SegmentLocation& location();

  SegmentSink& sink_;
  const SharedStrings& strings_;
  std::string sheet_;
  bool stopped_ = false;

  std::uint64_t row_ = 0;  // current row (1-based); 0 before the first
  std::uint64_t next_column_ = 1;
  std::uint64_t header_row_ = 0;  // 0: no non-empty row yet
  std::map<std::uint64_t, std::string> column_names_;

  bool in_cell_ = false;
  std::uint64_t column_ = 0;
  CellType type_ = CellType::kNumber;
  std::uint32_t value_depth_ = 0;     // inside <v>
  std::uint32_t inline_depth_ = 0;    // inside <is>
  std::uint32_t text_depth_ = 0;      // inside <t> of an inline string
  std::uint32_t phonetic_depth_ = 0;  // inside <rPh>
  std::string shared_index_;          // digits of a shared string's index
  std::string header_name_;           // while in the header row: this cell's text so far
  bool segment_open_ = false;
  SegmentLocation location_;

  UnresolvedCells missing_;
  UnresolvedCells dropped_;
};

}  // namespace tamis
