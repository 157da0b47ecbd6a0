// The flowing text of a Word document or a slide deck, written so that words never glue and
// nothing is split: the runs of a paragraph are joined as they are (Word splits "4111 1111" into
// several runs whenever formatting or revision marks change), paragraphs end lines, table cells
// are separated by tabs and rows by newlines. Separators are held back until the next text, so
// empty paragraphs and cells add no blank lines and the text never ends in a pile of them.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/ooxml_extractor.h"

namespace tamis {

class TextFlow {
 public:
  explicit TextFlow(OoxmlOutput& out) : out_(out) {}

  // Document text, after any held-back separator.
  void text(std::string_view utf8);
  // A tab or line break the document itself holds (w:tab, w:br): written where it is.
  void literal(char separator);

  // Weakest to strongest: a later boundary only ever strengthens the one held back.
  void word_boundary() { hold(Separator::kSpace); }
  void paragraph_end() { hold(Separator::kNewline); }

  // Table structure: a cell that held text ends with a tab (its last paragraph's newline turns
  // into it), an empty one adds nothing, a row ends the line.
  void cell_start();
  void cell_end();
  void row_end() { hold(Separator::kNewline); }

 private:
  enum class Separator : std::uint8_t { kNone, kSpace, kTab, kNewline };
  void hold(Separator separator);
  void write_held();

  OoxmlOutput& out_;
  Separator held_ = Separator::kNone;
  bool wrote_any_ = false;
  std::uint64_t pieces_ = 0;  // text pieces written so far
  // For each open cell (tables nest): pieces_ and the held separator when it started, so that an
  // empty cell leaves no trace. Capped so a hostile nesting cannot grow it.
  struct OpenCell {
    std::uint64_t pieces = 0;
    Separator held = Separator::kNone;
  };
  std::vector<OpenCell> cells_;
};

}  // namespace tamis
