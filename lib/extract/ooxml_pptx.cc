#include "extract/ooxml_pptx.h"

#include <string>
#include <vector>

#include "extract/ooxml_part_names.h"

namespace tamis {

void SlideEvents::start(std::string_view local_name, const XmlAttributes& /*attributes*/) {
  if (local_name == "t") {
    ++text_depth_;
  } else if (local_name == "br") {
    flow_.literal('\n');
  } else if (local_name == "tc") {
    flow_.cell_start();
  }
}

void SlideEvents::end(std::string_view local_name) {
  if (local_name == "t") {
    if (text_depth_ > 0) --text_depth_;
  } else if (local_name == "p" || local_name == "txBody") {
    flow_.paragraph_end();
  } else if (local_name == "tc") {
    flow_.cell_end();
  } else if (local_name == "tr") {
    flow_.row_end();
  }
}

void SlideEvents::characters(std::string_view utf8) {
  if (text_depth_ > 0) flow_.text(utf8);
}

bool extract_pptx(PartReader& reader, std::string_view main_part, TextFlow& flow) {
  const std::string folder(part_folder(main_part));
  const std::vector<OoxmlPart>& all = reader.package().parts();
  std::vector<const OoxmlPart*> parts = numbered_parts(all, folder + "slides/slide", ".xml");
  if (parts.empty() && reader.package().find(main_part) == nullptr) return false;
  for (const OoxmlPart* part : numbered_parts(all, folder + "notesSlides/notesSlide", ".xml")) {
    parts.push_back(part);
  }
  bool reordered = false;
  for (const OoxmlPart* part : reader.package().reading_order(std::move(parts), reordered)) {
    SlideEvents events(flow);
    if (!reader.parse(*part, events)) break;
    flow.paragraph_end();
  }
  if (reordered) {
    reader.diagnose("OOXML_PART_ORDER",
                    "the deck's slides are stored in an order that would need many passes over "
                    "the zip: they were read in the zip's order instead");
  }
  return true;
}

}  // namespace tamis
