#include "extract/ooxml_extractor.h"

#include <string>

#include "archive/archive_limits.h"
#include "archive/utf8_thread_locale.h"
#include "extract/ooxml_docx.h"
#include "extract/ooxml_package.h"
#include "extract/ooxml_part_names.h"
#include "extract/ooxml_part_reader.h"
#include "extract/ooxml_pptx.h"
#include "extract/ooxml_relationships.h"
#include "extract/ooxml_text_flow.h"
#include "extract/ooxml_xlsx.h"

namespace tamis {
namespace {

ObjectStatus skipped(std::string_view reason, std::string detail) {
  return ObjectStatus{"SKIPPED", std::string(reason), std::move(detail)};
}

std::string_view default_main_part(OoxmlKind kind) {
  switch (kind) {
    case OoxmlKind::kDocx:
      return "word/document.xml";
    case OoxmlKind::kXlsx:
      return "xl/workbook.xml";
    case OoxmlKind::kPptx:
      return "ppt/presentation.xml";
    case OoxmlKind::kEncrypted:
    case OoxmlKind::kNone:
      break;
  }
  return {};
}

// The package's main part as its root relationships name it (some producers call it
// document2.xml), or the usual name.
std::string main_part(PartReader& reader, OoxmlKind kind) {
  RelationshipsEvents root;
  if (reader.package().find("_rels/.rels") != nullptr) reader.parse("_rels/.rels", root, "");
  if (const OoxmlRelationship* main = root.first_of_kind("officeDocument")) {
    std::string name = resolve_target("", main->target);
    if (reader.package().find(name) != nullptr) return name;
  }
  return std::string(default_main_part(kind));
}

}  // namespace

OoxmlSummary extract_ooxml(ByteSource& package, OoxmlKind kind, const OoxmlLimits& limits,
                           OoxmlOutput& out) {
  OoxmlSummary summary;
  if (kind == OoxmlKind::kEncrypted) {
    summary.status = skipped(kReasonEncrypted,
                             "password-protected Office document (an OLE compound file holding "
                             "an EncryptedPackage): its content cannot be read without the "
                             "password");
    return summary;
  }
  if (kind == OoxmlKind::kNone) {
    summary.status = skipped(kReasonUnsupportedType, "not an Office Open XML package");
    return summary;
  }
  // libarchive converts part names through the thread's locale.
  const Utf8ThreadLocale utf8_names;
  OoxmlPackage zip(package, limits);
  const ObjectStatus opened = zip.open();
  if (!is_complete(opened)) {
    summary.status = opened;
    return summary;
  }
  PartReader reader(zip, summary);
  if (!zip.listing_fault().empty()) {
    reader.diagnose("OOXML_CORRUPT_PART", zip.listing_fault());
    reader.degrade(
        ObjectStatus{"PARTIAL", std::string(kReasonOfficeMalformed), zip.listing_fault()});
  }
  const std::string main = main_part(reader, kind);
  bool recognised = true;
  switch (kind) {
    case OoxmlKind::kDocx: {
      recognised = zip.find(main) != nullptr;
      TextFlow flow(out);
      if (recognised) extract_docx(reader, main, flow);
      break;
    }
    case OoxmlKind::kPptx: {
      TextFlow flow(out);
      recognised = extract_pptx(reader, main, flow);
      break;
    }
    case OoxmlKind::kXlsx:
      recognised = extract_xlsx(reader, main, limits.max_shared_strings_bytes, out.cells());
      break;
    case OoxmlKind::kEncrypted:
    case OoxmlKind::kNone:
      break;
  }
  if (!recognised) {
    std::string detail = "the package has no \"" + main;
    detail += "\": not a ";
    detail += ooxml_kind_name(kind);
    detail += " document";
    summary.status = skipped(kReasonOfficeMalformed, std::move(detail));
  }
  return summary;
}

}  // namespace tamis
