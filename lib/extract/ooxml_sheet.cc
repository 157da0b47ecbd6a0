#include "extract/ooxml_sheet.h"

#include <optional>
#include <utility>

#include "extract/csv_cell_reference.h"

namespace tamis {
namespace {

// Column names are keywords; nothing longer is a useful one (as for CSV).
constexpr std::size_t kMaxColumnNameBytes = 256;
// Excel's grid ends at column XFD (16,384) and row 1,048,576; a reference far beyond is garbage
// and the cell is placed by position instead.
constexpr std::uint64_t kMaxColumn = 1ULL << 24;
constexpr std::uint64_t kMaxRow = 1ULL << 32;
constexpr std::size_t kMaxIndexDigits = 19;
// Excel's widest header row; names past it are not kept, so a hostile header stays small.
constexpr std::size_t kMaxColumnNames = 16384;

std::optional<std::uint64_t> parse_number(std::string_view digits, std::uint64_t max) {
  if (digits.empty() || digits.size() > 12) return std::nullopt;
  std::uint64_t value = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (value == 0 || value > max) return std::nullopt;
  return value;
}

struct CellPosition {
  std::uint64_t row = 0;
  std::uint64_t column = 0;
};

// "C5" → row 5, column 3. Letters in either case; nothing else.
std::optional<CellPosition> parse_reference(std::string_view reference) {
  std::uint64_t column = 0;
  std::size_t letters = 0;
  while (letters < reference.size()) {
    char c = reference[letters];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + static_cast<std::uint64_t>(c - 'A' + 1);
    if (column > kMaxColumn) return std::nullopt;
    ++letters;
  }
  if (letters == 0) return std::nullopt;
  const auto row = parse_number(reference.substr(letters), kMaxRow);
  if (!row) return std::nullopt;
  return CellPosition{*row, column};
}

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

void count(UnresolvedCells& cells, std::string reference) {
  if (cells.count++ == 0) cells.first = std::move(reference);
}

}  // namespace

void SheetEvents::start(std::string_view local_name, const XmlAttributes& attributes) {
  if (stopped_) return;
  if (local_name == "row") {
    start_row(attributes);
  } else if (local_name == "c") {
    start_cell(attributes);
  } else if (!in_cell_) {
    return;
  } else if (local_name == "v") {
    ++value_depth_;
  } else if (local_name == "is") {
    ++inline_depth_;
  } else if (local_name == "t") {
    if (inline_depth_ > 0) ++text_depth_;
  } else if (local_name == "rPh") {
    ++phonetic_depth_;
  }
}

void SheetEvents::end(std::string_view local_name) {
  if (stopped_) return;
  if (local_name == "c") {
    end_cell();
  } else if (!in_cell_) {
    return;
  } else if (local_name == "v") {
    if (value_depth_ > 0) --value_depth_;
  } else if (local_name == "is") {
    if (inline_depth_ > 0) --inline_depth_;
  } else if (local_name == "t") {
    if (text_depth_ > 0) --text_depth_;
  } else if (local_name == "rPh") {
    if (phonetic_depth_ > 0) --phonetic_depth_;
  }
}

void SheetEvents::characters(std::string_view utf8) {
  if (stopped_ || !in_cell_ || phonetic_depth_ > 0) return;
  if (value_depth_ > 0) {
    if (type_ == CellType::kShared) {
      for (const char c : utf8) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
        if (shared_index_.size() <= kMaxIndexDigits) shared_index_ += c;
      }
    } else if (type_ == CellType::kNumber || type_ == CellType::kText) {
      emit(utf8);
    }
  } else if (text_depth_ > 0 && type_ == CellType::kInline) {
    emit(utf8);
  }
}

void SheetEvents::start_row(const XmlAttributes& attributes) {
  const auto number = parse_number(attributes.get("r"), kMaxRow);
  row_ = number ? *number : row_ + 1;
  next_column_ = 1;
}

void SheetEvents::start_cell(const XmlAttributes& attributes) {
  if (in_cell_) end_cell();  // a cell inside a cell: close the outer one first
  in_cell_ = true;
  if (row_ == 0) row_ = 1;  // a cell outside any row: the first row
  if (const auto position = parse_reference(attributes.get("r"))) {
    row_ = position->row;
    column_ = position->column;
  } else {
    column_ = next_column_;
  }
  next_column_ = column_ + 1;
  const std::string type = attributes.get("t");
  if (type.empty() || type == "n") {
    type_ = CellType::kNumber;
  } else if (type == "s") {
    type_ = CellType::kShared;
  } else if (type == "inlineStr") {
    type_ = CellType::kInline;
  } else if (type == "str" || type == "d") {
    type_ = CellType::kText;
  } else {
    type_ = CellType::kSkipped;  // "b" booleans, "e" error values
  }
  value_depth_ = inline_depth_ = text_depth_ = phonetic_depth_ = 0;
  shared_index_.clear();
  header_name_.clear();
  segment_open_ = false;
}

void SheetEvents::end_cell() {
  if (!in_cell_) return;
  if (type_ == CellType::kShared) resolve_shared_string();
  if (!stopped_ && header_row_ == row_ && type_ != CellType::kNumber) {
    const std::string_view name = trim_spaces(header_name_);
    if (!name.empty() && column_names_.size() < kMaxColumnNames) {
      column_names_[column_] = std::string(name);
    }
  }
  if (!stopped_ && segment_open_ && !sink_.end_segment()) stopped_ = true;
  segment_open_ = false;
  in_cell_ = false;
}

void SheetEvents::resolve_shared_string() {
  if (shared_index_.empty()) return;  // an empty shared cell: nothing to look up
  std::uint64_t index = 0;
  bool valid = shared_index_.size() <= kMaxIndexDigits;
  for (const char c : shared_index_) {
    if (c < '0' || c > '9') valid = false;
    index = index * 10 + static_cast<std::uint64_t>(c - '0');
  }
  const std::optional<std::string_view> text = valid ? strings_.at(index) : std::nullopt;
  if (text) {
    emit(*text);
  } else if (valid && strings_.is_dropped(index)) {
    count(dropped_, reference());
  } else {
    count(missing_, reference());
  }
}

void SheetEvents::emit(std::string_view utf8) {
  if (utf8.empty() || stopped_) return;
  if (header_row_ == 0) header_row_ = row_;
  if (header_row_ == row_ && header_name_.size() < kMaxColumnNameBytes) {
    header_name_.append(utf8.substr(0, kMaxColumnNameBytes - header_name_.size()));
  }
  if (!segment_open_) {
    if (!sink_.begin_segment(location())) {
      stopped_ = true;
      return;
    }
    segment_open_ = true;
  }
  if (!sink_.segment_text(utf8)) stopped_ = true;
}

std::string SheetEvents::reference() const {
  std::string out;
  out.reserve(sheet_.size() + 12);
  out += sheet_;
  out += '!';
  append_a1_cell_reference(out, row_, column_);
  return out;
}

const SegmentLocation& SheetEvents::location() {
  CellLocation cell;
  cell.row = row_;
  cell.column = column_;
  cell.cell_reference = reference();
  cell.sheet = sheet_;
  location_.context_keywords.clear();
  // Header cells are the names themselves: they get no column name and no keyword (as in CSV).
  if (header_row_ != 0 && row_ > header_row_) {
    const auto name = column_names_.find(column_);
    if (name != column_names_.end()) {
      cell.column_name = name->second;
      location_.context_keywords.push_back(name->second);
    }
  }
  location_.where = std::move(cell);
  return location_;
}

}  // namespace tamis
