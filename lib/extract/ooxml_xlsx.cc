#include "extract/ooxml_xlsx.h"

#include <unordered_map>
#include <utility>

#include "extract/ooxml_part_names.h"
#include "extract/ooxml_relationships.h"
#include "extract/ooxml_shared_strings.h"
#include "extract/ooxml_sheet.h"

namespace tamis {
namespace {

// Excel allows far fewer; a hostile workbook listing more is cut here.
constexpr std::size_t kMaxSheets = 65536;

struct SheetPart {
  std::string name;
  const OoxmlPart* part = nullptr;
};

// The worksheets in workbook order with their parts. Without the workbook's relationships, the
// n-th sheet is taken to be worksheets/sheet<n>.xml, which is how every producer names them.
std::vector<SheetPart> locate_sheets(PartReader& reader, std::string_view workbook_part,
                                     const std::vector<WorkbookSheet>& sheets,
                                     const RelationshipsEvents& relationships, bool have_rels) {
  std::vector<SheetPart> located;
  std::size_t position = 0;
  for (const WorkbookSheet& sheet : sheets) {
    ++position;
    std::string part_name;
    if (have_rels) {
      const OoxmlRelationship* relationship = relationships.with_id(sheet.relationship_id);
      if (relationship == nullptr || relationship->external) continue;
      const std::string_view type = relationship->type;
      if (!type.ends_with("/worksheet")) continue;  // chartsheet, dialogsheet: no cells
      part_name = resolve_target(workbook_part, relationship->target);
    } else {
      part_name = std::string(part_folder(workbook_part));
      part_name += "worksheets/sheet";
      part_name += std::to_string(position);
      part_name += ".xml";
    }
    const OoxmlPart* part = reader.package().find(part_name);
    if (part == nullptr) {
      std::string detail = "worksheet \"" + sheet.name + "\" (part \"" + part_name;
      detail += "\") is missing: its cells were not scanned";
      reader.diagnose("OOXML_MISSING_PART", std::move(detail));
      continue;
    }
    located.push_back(SheetPart{sheet.name, part});
  }
  return located;
}

void report_unresolved(PartReader& reader, const SheetEvents& events, std::uint64_t max_bytes) {
  const UnresolvedCells& dropped = events.dropped_strings();
  if (dropped.count > 0) {
    std::string detail = std::to_string(dropped.count);
    detail += " cell(s) use shared strings past the ";
    detail += std::to_string(max_bytes);
    detail += "-byte shared strings limit and were not scanned, the first ";
    detail += dropped.first;
    reader.degrade(ObjectStatus{"PARTIAL", std::string(kReasonOoxmlSize), std::move(detail)});
  }
  const UnresolvedCells& missing = events.missing_strings();
  if (missing.count > 0) {
    std::string detail = std::to_string(missing.count);
    detail += " cell(s) refer to shared strings the workbook does not have, the first ";
    detail += missing.first;
    reader.diagnose("OOXML_MISSING_SHARED_STRING", std::move(detail));
  }
}

}  // namespace

void WorkbookEvents::start(std::string_view local_name, const XmlAttributes& attributes) {
  if (local_name != "sheet" || sheets_.size() >= kMaxSheets) return;
  sheets_.push_back(
      WorkbookSheet{std::string(attributes.get("name")), std::string(attributes.get("id"))});
}

bool extract_xlsx(PartReader& reader, std::string_view workbook_part,
                  std::uint64_t max_shared_strings_bytes, SegmentSink& sink) {
  if (reader.package().find(workbook_part) == nullptr) return false;
  WorkbookEvents workbook;
  if (!reader.parse(workbook_part, workbook, "")) return true;

  const std::string rels_name = relationships_part(workbook_part);
  RelationshipsEvents relationships;
  const bool have_rels = reader.package().find(rels_name) != nullptr;
  if (!reader.parse(rels_name, relationships,
                    "sheets are assumed to be worksheets/sheet<n>.xml in workbook order")) {
    return true;
  }

  std::string strings_name = std::string(part_folder(workbook_part)) + "sharedStrings.xml";
  if (const OoxmlRelationship* shared = relationships.first_of_kind("sharedStrings")) {
    strings_name = resolve_target(workbook_part, shared->target);
  }
  SharedStrings strings(max_shared_strings_bytes);
  SharedStringsEvents strings_events(strings);
  if (!reader.parse(strings_name, strings_events, "")) return true;
  if (strings.dropped() > 0) {
    reader.diagnose("OOXML_SHARED_STRINGS_LIMIT",
                    std::to_string(strings.dropped()) + " shared string(s) past the " +
                        std::to_string(max_shared_strings_bytes) +
                        "-byte limit were not kept; cells using them are not scanned");
  }

  std::vector<SheetPart> sheets =
      locate_sheets(reader, workbook_part, workbook.sheets(), relationships, have_rels);
  // Each part once, under the first name that points to it.
  std::unordered_map<const OoxmlPart*, std::string> names;
  std::vector<const OoxmlPart*> wanted;
  wanted.reserve(sheets.size());
  for (SheetPart& sheet : sheets) {
    if (names.emplace(sheet.part, std::move(sheet.name)).second) wanted.push_back(sheet.part);
  }
  bool reordered = false;
  const std::vector<const OoxmlPart*> order = reader.package().reading_order(wanted, reordered);
  if (reordered) {
    reader.diagnose("OOXML_PART_ORDER",
                    "the worksheets are stored in an order that would need many passes over the "
                    "zip: they were read in the zip's order instead");
  }
  for (const OoxmlPart* part : order) {
    SheetEvents events(sink, strings, std::move(names[part]));
    const bool go_on = reader.parse(*part, events);
    report_unresolved(reader, events, max_shared_strings_bytes);
    if (!go_on) break;
  }
  return true;
}

}  // namespace tamis
