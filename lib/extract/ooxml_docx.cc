#include "extract/ooxml_docx.h"

#include <string>
#include <vector>

#include "extract/ooxml_part_names.h"

namespace tamis {

void WordEvents::start(std::string_view local_name, const XmlAttributes& /*attributes*/) {
  if (local_name == "t" || local_name == "delText") {
    ++text_depth_;
  } else if (local_name == "r") {
    ++run_depth_;
  } else if (local_name == "tab" || local_name == "ptab") {
    if (run_depth_ > 0) flow_.literal('\t');
  } else if (local_name == "br" || local_name == "cr") {
    if (run_depth_ > 0) flow_.literal('\n');
  } else if (local_name == "noBreakHyphen") {
    if (run_depth_ > 0) flow_.text("-");
  } else if (local_name == "tc") {
    flow_.cell_start();
  } else if (local_name == "del" || local_name == "moveFrom") {
    flow_.word_boundary();
  } else if (local_name == "txbxContent") {
    flow_.paragraph_end();
  }
}

void WordEvents::end(std::string_view local_name) {
  if (local_name == "t" || local_name == "delText") {
    if (text_depth_ > 0) --text_depth_;
  } else if (local_name == "r") {
    if (run_depth_ > 0) --run_depth_;
  } else if (local_name == "p" || local_name == "txbxContent") {
    flow_.paragraph_end();
  } else if (local_name == "tc") {
    flow_.cell_end();
  } else if (local_name == "tr") {
    flow_.row_end();
  } else if (local_name == "del" || local_name == "moveFrom") {
    flow_.word_boundary();
  }
}

void WordEvents::characters(std::string_view utf8) {
  if (text_depth_ > 0) flow_.text(utf8);
}

void extract_docx(PartReader& reader, std::string_view main_part, TextFlow& flow) {
  const std::string folder(part_folder(main_part));
  std::vector<const OoxmlPart*> parts;
  if (const OoxmlPart* main = reader.package().find(main_part)) parts.push_back(main);
  for (const std::string_view kind : {"header", "footer"}) {
    const std::string prefix = folder + std::string(kind);
    for (const OoxmlPart* part : numbered_parts(reader.package().parts(), prefix, ".xml")) {
      parts.push_back(part);
    }
  }
  for (const std::string_view name : {"footnotes.xml", "endnotes.xml", "comments.xml"}) {
    if (const OoxmlPart* part = reader.package().find(folder + std::string(name))) {
      parts.push_back(part);
    }
  }
  bool reordered = false;
  for (const OoxmlPart* part : reader.package().reading_order(std::move(parts), reordered)) {
    WordEvents events(flow);
    if (!reader.parse(*part, events)) return;
    flow.paragraph_end();
  }
  if (reordered) {
    reader.diagnose("OOXML_PART_ORDER",
                    "the document's parts are stored in an order that would need many passes "
                    "over the zip: they were read in the zip's order instead");
  }
}

}  // namespace tamis
