// Excel workbooks (SpreadsheetML): the workbook's sheet list and its relationships give each
// worksheet's name and part; the shared strings are read next; then every worksheet in workbook
// order becomes cell segments (ooxml_sheet.h). Chartsheets and dialog sheets hold no cells and
// are not read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/ooxml_part_reader.h"
#include "extract/ooxml_sax.h"
#include "extract/segment.h"

namespace tamis {

struct WorkbookSheet {
  std::string name;
  std::string relationship_id;
};

// xl/workbook.xml: the <sheet> elements, in order.
class WorkbookEvents final : public XmlEvents {
 public:
  void start(std::string_view local_name, const XmlAttributes& attributes) override;
  void end(std::string_view /*local_name*/) override {}
  void characters(std::string_view /*utf8*/) override {}
  const std::vector<WorkbookSheet>& sheets() const { return sheets_; }

 private:
  std::vector<WorkbookSheet> sheets_;
};

// False when the package has no workbook part: it is not a workbook.
bool extract_xlsx(PartReader& reader, std::string_view workbook_part,
                  std::uint64_t max_shared_strings_bytes, SegmentSink& sink);

}  // namespace tamis
