// Word documents (WordprocessingML): the body, then headers, footers, footnotes, endnotes and
// comments, as flowing text (ooxml_text_flow.h). Deleted text of tracked changes is included
// (a secret "removed" with change tracking on is still in the file), set apart from its
// neighbours by spaces; text boxes are included once; field instructions are not.
#pragma once

#include <cstdint>
#include <string_view>

#include "extract/ooxml_part_reader.h"
#include "extract/ooxml_sax.h"
#include "extract/ooxml_text_flow.h"

namespace tamis {

class WordEvents final : public XmlEvents {
 public:
  explicit WordEvents(TextFlow& flow) : flow_(flow) {}
  void start(std::string_view local_name, const XmlAttributes& attributes) override;
  void end(std::string_view local_name) override;
  void characters(std::string_view utf8) override;

 private:
  TextFlow& flow_;
  std::uint32_t text_depth_ = 0;  // inside w:t or w:delText
  std::uint32_t run_depth_ = 0;   // inside w:r: where w:tab and w:br are text, not tab stops
};

// Reads the document's parts in reading order; `main_part` is the main document's name.
void extract_docx(PartReader& reader, std::string_view main_part, TextFlow& flow);

}  // namespace tamis
