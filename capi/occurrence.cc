// Engine occurrences as C structs for the occurrence callback.
#include <variant>

#include "capi_internal.h"
#include "match/compiled_rules.h"
#include "report/severity.h"

namespace tamis::capi {
namespace {

uint32_t to_c_category(Category category) {
  switch (category) {
    case Category::kCredentials:
      return TAMIS_CATEGORY_CREDENTIALS;
    case Category::kFinancialInformation:
      return TAMIS_CATEGORY_FINANCIAL_INFORMATION;
    case Category::kPersonalInformation:
      return TAMIS_CATEGORY_PERSONAL_INFORMATION;
    case Category::kCustomIdentifier:
      return TAMIS_CATEGORY_CUSTOM_IDENTIFIER;
  }
  return TAMIS_CATEGORY_CUSTOM_IDENTIFIER;
}

// The detection's severity is only set when the object finishes; the callback reports the one
// its occurrences so far would give.
Severity severity_so_far(const tamis_scanner& scanner, const Detection& detection) {
  const auto rule = scanner.rules_by_type.find(detection.type);
  if (rule == scanner.rules_by_type.end()) return Severity::kNone;
  const match::Rule& r = *rule->second;
  return r.custom ? custom_severity(r.severity_levels, detection.count)
                  : r.profile.for_count(detection.count);
}

}  // namespace

tamis_occurrence to_c_occurrence(const tamis_scanner& scanner, const std::string& object_path,
                                 const Detection& detection, const Occurrence& occurrence) {
  tamis_occurrence out{};
  out.struct_size = sizeof(tamis_occurrence);
  // The member or attachment being scanned (`bundle.zip/a.txt`), not only the caller's name.
  out.object_path = object_path.c_str();
  out.type = detection.type.c_str();
  out.category = to_c_category(detection.category);
  out.severity = static_cast<uint32_t>(severity_so_far(scanner, detection));
  out.start = occurrence.start;
  out.end = occurrence.end;
  out.line = occurrence.line;
  out.column = occurrence.column;
  out.end_line = occurrence.end_line;
  out.text = occurrence.text.c_str();
  out.custom = detection.custom ? 1u : 0u;
  out.location = TAMIS_LOCATION_TEXT;
  out.cell_reference = "";
  out.json_path = "";
  out.column_name = "";
  out.sheet = "";
  if (const auto* cell = std::get_if<CellLocation>(&occurrence.where)) {
    out.location = TAMIS_LOCATION_CELL;
    out.cell_reference = cell->cell_reference.c_str();
    out.row = cell->row;
    out.cell_column = cell->column;
    out.column_name = cell->column_name.c_str();
    out.sheet = cell->sheet.c_str();
  } else if (const auto* record = std::get_if<RecordLocation>(&occurrence.where)) {
    out.location = TAMIS_LOCATION_RECORD;
    out.json_path = record->json_path.c_str();
    out.record_index = record->record_index;
  }
  return out;
}

}  // namespace tamis::capi
