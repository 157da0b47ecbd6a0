#include "engine/content_format.h"

#include <cstring>
#include <string>

#include "core/ascii_case.h"
#include "decode/charset_detector.h"
#include "extract/json_detect.h"
#include "extract/markup_detect.h"
#include "extract/mime_walker.h"
#include "extract/ooxml_detect.h"

namespace tamis {
namespace {

// UTF-16/32 text is full of NUL bytes too; only NULs that no text encoding explains mean binary.
// The charset detector knows UTF-16/32 by BOM, NUL pattern and script share.
bool looks_binary(std::string_view head) {
  if (std::memchr(head.data(), '\0', head.size()) == nullptr) return false;
  const std::string name = detect_charset(head).name;
  return !(name.starts_with("UTF-16") || name.starts_with("UTF-32"));
}

}  // namespace

ContentFormat detect_content_format(std::string_view name, std::string_view head) {
  switch (detect_ooxml(name, head)) {
    case OoxmlKind::kDocx:
      return ContentFormat::kDocx;
    case OoxmlKind::kXlsx:
      return ContentFormat::kXlsx;
    case OoxmlKind::kPptx:
      return ContentFormat::kPptx;
    case OoxmlKind::kEncrypted:
      return ContentFormat::kEncryptedOffice;
    case OoxmlKind::kNone:
      break;
  }
  if (looks_binary(head)) return ContentFormat::kBinary;
  if (ends_with_ignoring_case(name, ".tsv") || ends_with_ignoring_case(name, ".tab"))
    return ContentFormat::kTsv;
  if (ends_with_ignoring_case(name, ".csv")) return ContentFormat::kCsv;
  if (ends_with_ignoring_case(name, ".jsonl") || ends_with_ignoring_case(name, ".ndjson"))
    return ContentFormat::kJsonLines;
  if (looks_like_json_lines(head)) return ContentFormat::kJsonLines;
  if (looks_like_json(head)) return ContentFormat::kJson;
  if (looks_like_email(name, head)) return ContentFormat::kEmail;
  if (const auto markup = detect_markup(name, head)) {
    return *markup == MarkupKind::kHtml ? ContentFormat::kHtml : ContentFormat::kXml;
  }
  return ContentFormat::kText;
}

const char* mime_type_of(ContentFormat format) {
  switch (format) {
    case ContentFormat::kCsv:
      return "text/csv";
    case ContentFormat::kTsv:
      return "text/tab-separated-values";
    case ContentFormat::kJson:
      return "application/json";
    case ContentFormat::kJsonLines:
      return "application/x-ndjson";
    case ContentFormat::kXml:
      return "application/xml";
    case ContentFormat::kHtml:
      return "text/html";
    case ContentFormat::kEmail:
      return "message/rfc822";
    case ContentFormat::kDocx:
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    case ContentFormat::kXlsx:
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    case ContentFormat::kPptx:
      return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    case ContentFormat::kEncryptedOffice:
      return "application/x-ole-storage";
    case ContentFormat::kBinary:
      return "application/octet-stream";
    case ContentFormat::kText:
      break;
  }
  return "text/plain";
}

bool is_office_package(ContentFormat format) {
  return format == ContentFormat::kDocx || format == ContentFormat::kXlsx ||
         format == ContentFormat::kPptx;
}

}  // namespace tamis
