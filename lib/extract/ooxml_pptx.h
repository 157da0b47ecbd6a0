// PowerPoint decks (PresentationML with DrawingML text): the slides in slide-number order, then
// the notes pages, as flowing text (ooxml_text_flow.h): a:p paragraphs on lines, a:t runs joined,
// table cells separated by tabs.
#pragma once

#include <cstdint>
#include <string_view>

#include "extract/ooxml_part_reader.h"
#include "extract/ooxml_sax.h"
#include "extract/ooxml_text_flow.h"

namespace tamis {

class SlideEvents final : public XmlEvents {
 public:
  explicit SlideEvents(TextFlow& flow) : flow_(flow) {}
  void start(std::string_view local_name, const XmlAttributes& attributes) override;
  void end(std::string_view local_name) override;
  void characters(std::string_view utf8) override;

 private:
  TextFlow& flow_;
  std::uint32_t text_depth_ = 0;  // inside a:t
};

// Reads the slides and notes under the folder of `main_part` (ppt/presentation.xml). False
// when the package holds neither slides nor the main part: it is not a deck.
bool extract_pptx(PartReader& reader, std::string_view main_part, TextFlow& flow);

}  // namespace tamis
