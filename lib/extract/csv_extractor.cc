#include "extract/csv_extractor.h"

#include <algorithm>
#include <utility>
#include <variant>

#include "extract/csv_cell_reference.h"
#include "extract/csv_sniffer.h"

namespace tamis {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
// Column names are keywords; nothing longer is a useful one, and the header row stays small.
constexpr std::size_t kMaxColumnNameBytes = 256;
// The sniff needs a few lines to compare; a smaller window is raised to this.
constexpr std::size_t kMinSniffBytes = 1024;
// The most a BOM plus Excel's "sep=X\r\n" line can take before the content the sniff judges.
constexpr std::size_t kPrefixAllowance = 3 + 7;

// The longest prefix of text[0, length) that does not cut a UTF-8 sequence in two, so that each
// piece the sink receives is valid UTF-8 when the input is. Falls back to `length` for input that
// is not UTF-8 (no lead byte within the last four bytes).
std::size_t utf8_boundary(std::string_view text, std::size_t length) {
  if (length >= text.size()) return text.size();
  for (std::size_t back = 0; back < 4 && back < length; ++back) {
    const auto byte = static_cast<unsigned char>(text[length - back]);
    if ((byte & 0xC0) != 0x80) return length - back;  // a lead or ASCII byte starts here
  }
  return length;
}

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

CsvExtractor::CsvExtractor(SegmentSink& sink, CsvOptions options)
    : sink_(sink), options_(std::move(options)) {
  options_.sniff_bytes = std::max(options_.sniff_bytes, kMinSniffBytes);
  options_.max_cell_bytes = std::max<std::size_t>(options_.max_cell_bytes, 4);
}

bool CsvExtractor::feed(std::string_view bytes) {
  if (stopped_ || final_status_) return false;
  if (!sniffed_) {
    window_.append(bytes);
    // Wait for the BOM and a separator line too, so that sniff_bytes of content are judged
    // however the input is chunked.
    if (window_.size() < options_.sniff_bytes + kPrefixAllowance) return true;
    sniff(/*whole_input=*/false);
    return !stopped_ && !abandoned();
  }
  if (abandoned()) return false;
  return tokenize(bytes);
}

void CsvExtractor::sniff(bool whole_input) {
  sniffed_ = true;
  std::string_view content = window_;
  if (content.starts_with(kUtf8Bom)) content.remove_prefix(kUtf8Bom.size());
  char named_delimiter = options_.delimiter;
  char marker_delimiter = '\0';
  const std::size_t marker = excel_separator_line(content, marker_delimiter);
  if (marker > 0) {
    content.remove_prefix(marker);
    if (named_delimiter == '\0') named_delimiter = marker_delimiter;
  }
  const std::size_t skipped = window_.size() - content.size();
  // Always judge exactly the first sniff_bytes, so that the decision does not depend on how the
  // input happened to be chunked.
  const std::string_view judged = content.substr(0, options_.sniff_bytes);
  const CsvSniffResult sniff = sniff_csv(judged, whole_input && judged.size() == content.size(),
                                         named_delimiter, options_.tsv_hint ? '\t' : '\0');
  delimiter_ = sniff.delimiter;
  has_header_ = options_.header == CsvOptions::Header::kDetect
                    ? sniff.has_header
                    : options_.header == CsvOptions::Header::kPresent;
  plausible_ = sniff.plausible;
  implausible_reason_ = sniff.implausible_reason;
  if (abandoned()) return;  // window_ stays for the caller

  tokenizer_.emplace(delimiter_);
  const std::string held = std::move(window_);
  window_.clear();
  window_.shrink_to_fit();
  tokenize(std::string_view(held).substr(skipped));
}

bool CsvExtractor::tokenize(std::string_view bytes) {
  if (!tokenizer_->feed(bytes, builder_)) stopped_ = true;
  // A cell cut by the end of the chunk: its text must outlive the chunk.
  buffer_unbuffered_piece();
  return !stopped_;
}

void CsvExtractor::buffer_unbuffered_piece() {
  if (unbuffered_piece_.empty()) return;
  cell_.assign(unbuffered_piece_);
  unbuffered_piece_ = {};
}

const SegmentLocation& CsvExtractor::current_location() {
  if (!std::holds_alternative<CellLocation>(location_.where)) location_.where = CellLocation{};
  CellLocation& cell = std::get<CellLocation>(location_.where);
  cell.row = row_;
  cell.column = column_;
  // Header cells are the names themselves: they get no column name and no keyword.
  const bool named = has_header_ && row_ > 1 && column_ <= column_names_.size() &&
                     !column_names_[column_ - 1].empty();
  if (named) {
    cell.column_name = column_names_[column_ - 1];
    location_.context_keywords.resize(1);
    location_.context_keywords.front() = cell.column_name;
    location_.context_id = static_cast<std::uint32_t>(std::min<std::uint64_t>(column_, UINT32_MAX));
  } else {
    cell.column_name.clear();
    location_.context_keywords.clear();
    location_.context_id = 0;
  }
  return location_;
}

bool CsvExtractor::emit(std::string_view text) {
  if (!segment_open_) {
    if (!sink_.begin_segment(current_location())) return false;
    segment_open_ = true;
  }
  return sink_.segment_text(text);
}

bool CsvExtractor::flush_cell_prefix(std::size_t length) {
  const bool accepted = emit(std::string_view(cell_).substr(0, length));
  cell_.erase(0, length);
  return accepted;
}

bool CsvExtractor::on_field_text(std::string_view piece) {
  if (has_header_ && row_ == 1 && column_name_.size() < kMaxColumnNameBytes) {
    column_name_.append(piece.substr(0, kMaxColumnNameBytes - column_name_.size()));
  }
  // Most cells arrive as one piece: it goes to the sink straight from the input, uncopied.
  if (cell_.empty() && unbuffered_piece_.empty() && piece.size() < options_.max_cell_bytes) {
    unbuffered_piece_ = piece;
    return true;
  }
  buffer_unbuffered_piece();
  cell_.append(piece);
  while (cell_.size() >= options_.max_cell_bytes) {
    if (!flush_cell_prefix(utf8_boundary(cell_, options_.max_cell_bytes))) return false;
  }
  return true;
}

bool CsvExtractor::on_field_end() {
  if (has_header_ && row_ == 1) {
    column_names_.emplace_back(trim_spaces(column_name_));
    column_name_.clear();
  }
  // After the sink says stop it gets no further call, not even end_segment.
  if (!unbuffered_piece_.empty()) {
    const std::string_view piece = unbuffered_piece_;
    unbuffered_piece_ = {};
    if (!emit(piece)) return false;
  } else if (!cell_.empty() && !flush_cell_prefix(cell_.size())) {
    return false;
  }
  ++column_;
  if (!segment_open_) return true;
  segment_open_ = false;
  return sink_.end_segment();
}

bool CsvExtractor::on_record_end() {
  ++row_;
  column_ = 1;
  return true;
}

void CsvExtractor::on_fault(CsvFault fault) {
  FaultTally& tally = fault == CsvFault::kUnterminatedQuote ? unterminated_quote_ : stray_quotes_;
  if (tally.count++ == 0) tally.first_cell = a1_cell_reference(row_, column_);
}

ObjectStatus CsvExtractor::finish() {
  if (!final_status_) final_status_ = conclude();
  return *final_status_;
}

ObjectStatus CsvExtractor::conclude() {
  if (!sniffed_) sniff(/*whole_input=*/true);
  ObjectStatus status;
  if (abandoned()) {
    status.code = "SKIPPED";
    status.reason = "UNSUPPORTED_FILE_TYPE";
    status.detail = "not plausibly CSV: " + implausible_reason_ + "; scan it as plain text";
    return status;
  }
  if (!stopped_ && !tokenizer_->finish(builder_)) stopped_ = true;

  std::vector<std::string> faults;
  diagnostics_.clear();
  if (unterminated_quote_.count > 0) {
    faults.push_back("quoted field starting at " + unterminated_quote_.first_cell +
                     " is never closed: the rest of the input was read as that one cell");
    diagnostics_.push_back({"CSV_UNTERMINATED_QUOTE", faults.back()});
  }
  if (stray_quotes_.count > 0) {
    faults.push_back(std::to_string(stray_quotes_.count) +
                     " stray quote(s) kept as text, the first in " + stray_quotes_.first_cell);
    diagnostics_.push_back({"CSV_STRAY_QUOTE", faults.back()});
  }
  if (stopped_) {
    status.code = "PARTIAL";
    faults.insert(faults.begin(),
                  "extraction stopped by the segment sink at " + a1_cell_reference(row_, column_));
  }
  for (const std::string& fault : faults) {
    if (!status.detail.empty()) status.detail += "; ";
    status.detail += fault;
  }
  return status;
}

}  // namespace tamis
