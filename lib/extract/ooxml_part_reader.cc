#include "extract/ooxml_part_reader.h"

#include <utility>

namespace tamis {

void PartReader::degrade(const ObjectStatus& status) {
  if (is_complete(status)) return;
  if (is_complete(summary_.status)) {
    summary_.status = status;
    return;
  }
  diagnose(status.reason.empty() ? status.code : status.reason, status.detail);
}

void PartReader::diagnose(std::string code, std::string detail) {
  summary_.diagnostics.push_back(Diagnostic{std::move(code), std::move(detail)});
}

bool PartReader::parse(std::string_view name, XmlEvents& events, std::string_view required_for) {
  const OoxmlPart* part = package_.find(name);
  if (part == nullptr) {
    if (!required_for.empty()) {
      std::string detail = "part \"";
      detail += name;
      detail += "\" is missing: ";
      detail += required_for;
      diagnose("OOXML_MISSING_PART", std::move(detail));
    }
    return !stopped_;
  }
  return parse(*part, events);
}

bool PartReader::parse(const OoxmlPart& part, XmlEvents& events) {
  if (stopped_) return false;
  SaxPartParser parser(events);
  const std::uint64_t before = package_.total_bytes();
  const ObjectStatus read =
      package_.read(part, [&](std::string_view chunk) { return parser.feed(chunk); });
  // A part cut short by a limit or a fault is not ended: its missing end is no XML error.
  if (is_complete(read)) parser.finish();
  ++summary_.parts_read;
  summary_.uncompressed_bytes += package_.total_bytes() - before;
  if (parser.errors() > 0) {
    std::string detail = "part \"" + part.name + "\": ";
    detail += std::to_string(parser.errors());
    detail += " XML error(s), the first at ";
    detail += parser.first_error();
    detail += "; text after an error may be missing";
    if (is_complete(summary_.status)) {
      summary_.status = ObjectStatus{"PARTIAL", std::string(kReasonOfficeMalformed), detail};
    }
    diagnose("OOXML_MALFORMED_XML", std::move(detail));
  }
  degrade(read);
  if (events.stopped()) {
    // The sink asked to stop: it knows why, so the status names no reason (like CSV).
    if (is_complete(summary_.status)) summary_.status.code = "PARTIAL";
    stopped_ = true;
  }
  if (read.reason == kReasonOoxmlSize &&
      package_.total_bytes() >= package_.limits().max_total_bytes) {
    stopped_ = true;
  }
  return !stopped_;
}

}  // namespace tamis
