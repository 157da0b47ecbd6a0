#include "extract/ooxml_text_flow.h"

namespace tamis {
namespace {

constexpr std::size_t kMaxNestedCells = 1024;

}  // namespace

void TextFlow::hold(Separator separator) {
  if (separator > held_) held_ = separator;
}

void TextFlow::write_held() {
  // Nothing precedes the first text: no separator is needed before it.
  if (wrote_any_) {
    switch (held_) {
      case Separator::kSpace:
        out_.text(" ");
        break;
      case Separator::kTab:
        out_.text("\t");
        break;
      case Separator::kNewline:
        out_.text("\n");
        break;
      case Separator::kNone:
        break;
    }
  }
  held_ = Separator::kNone;
}

void TextFlow::text(std::string_view utf8) {
  if (utf8.empty()) return;
  write_held();
  out_.text(utf8);
  wrote_any_ = true;
  ++pieces_;
}

void TextFlow::literal(char separator) {
  write_held();
  out_.text(std::string_view(&separator, 1));
  wrote_any_ = true;
  ++pieces_;
}

void TextFlow::cell_start() {
  if (cells_.size() < kMaxNestedCells) cells_.push_back(OpenCell{pieces_, held_});
}

void TextFlow::cell_end() {
  if (cells_.empty()) return;
  const OpenCell cell = cells_.back();
  cells_.pop_back();
  // A cell with text ends with a tab (its last paragraph's newline turns into it); an empty
  // one's paragraphs are forgotten.
  held_ = pieces_ != cell.pieces ? Separator::kTab : cell.held;
}

}  // namespace tamis
