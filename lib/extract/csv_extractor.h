// CSV and TSV to segments: one segment per non-empty cell, located as Macie locates cells (row,
// column, column name, A1 reference), with the column name as a keyword for every value under it.
// Streaming: bytes arrive in chunks split anywhere; memory stays bounded by the sniff window plus
// one chunk plus max_cell_bytes, whatever the object's size or its number of columns.
//
//   CsvExtractor csv(sink, {.tsv_hint = true});
//   while (csv.feed(chunk)) { ... }   // false: the sink stopped, or the content is not CSV
//   if (csv.sniffed() && !csv.plausible()) scan csv.buffered_input() and the rest as plain text
//   ObjectStatus status = csv.finish();
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/csv_tokenizer.h"
#include "extract/segment.h"
#include "report/result.h"

namespace tamis {

struct CsvOptions {
  enum class Header { kDetect, kPresent, kAbsent };
  Header header = Header::kDetect;
  char delimiter = '\0';  // '\0': sniffed from the first sniff_bytes
  bool tsv_hint = false;  // the name says TSV: tab wins a tie between delimiters
  std::size_t sniff_bytes = 64 * 1024;
  std::size_t max_cell_bytes = 1024 * 1024;  // a longer cell reaches the sink in pieces this size
  // When the sniff finds the content is not CSV, emit nothing and stop, keeping what was fed so
  // that the caller can scan it as text. False: extract it as CSV anyway.
  bool stop_if_implausible = true;
};

class CsvExtractor {
 public:
  explicit CsvExtractor(SegmentSink& sink, CsvOptions options = {});

  // False when feeding should stop: the sink asked to, or the content is not plausibly CSV.
  bool feed(std::string_view bytes);
  // Ends the last cell and record; feed() returns false after it, and finish() again returns the
  // same status. COMPLETE (detail names any tolerated malformation); PARTIAL
  // when the sink stopped early (the sink knows why, so the reason is left to the caller);
  // SKIPPED / UNSUPPORTED_FILE_TYPE when the content was found not to be CSV.
  ObjectStatus finish();

  // Known once sniffed(): after sniff_bytes were fed, or after finish().
  bool sniffed() const { return sniffed_; }
  char delimiter() const { return delimiter_; }
  bool has_header() const { return has_header_; }
  bool plausible() const { return plausible_; }
  // Everything fed so far, while nothing has been extracted (before the sniff, or after it found
  // the content implausible and stop_if_implausible is set); empty otherwise.
  std::string_view buffered_input() const { return window_; }
  // Tolerated malformations (CSV_STRAY_QUOTE, CSV_UNTERMINATED_QUOTE), each once with its first
  // place and how often it happened.
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  // The tokenizer's events, turned into cells with locations.
  class CellBuilder final : public CsvTokenizer::Events {
   public:
    explicit CellBuilder(CsvExtractor& owner) : owner_(owner) {}
    bool field_text(std::string_view piece) override { return owner_.on_field_text(piece); }
    bool field_end() override { return owner_.on_field_end(); }
    bool record_end() override { return owner_.on_record_end(); }
    void fault(CsvFault fault) override { owner_.on_fault(fault); }

   private:
    CsvExtractor& owner_;
  };

  // The sniff found the content is not CSV and the options say to leave it to the caller.
  bool abandoned() const { return sniffed_ && !plausible_ && options_.stop_if_implausible; }
  void sniff(bool whole_input);
  ObjectStatus conclude();
  bool tokenize(std::string_view bytes);
  bool on_field_text(std::string_view piece);
  bool on_field_end();
  bool on_record_end();
  void on_fault(CsvFault fault);
  bool emit(std::string_view text);  // begins the cell's segment if needed
  // Copies the piece still in the input into cell_, before the input goes or more text follows.
  void buffer_unbuffered_piece();
  bool flush_cell_prefix(std::size_t length);
  // The current cell's location, rebuilt in place so that a cell costs no allocation.
  const SegmentLocation& current_location();

  SegmentSink& sink_;
  CsvOptions options_;
  CellBuilder builder_{*this};
  std::optional<CsvTokenizer> tokenizer_;  // exists once sniffed and extracting

  std::string window_;  // input held until the sniff decides
  bool sniffed_ = false;
  bool plausible_ = true;
  std::string implausible_reason_;
  char delimiter_ = ',';
  bool has_header_ = false;
  bool stopped_ = false;                      // the sink returned false
  std::optional<ObjectStatus> final_status_;  // set by finish(); later calls return it again

  std::uint64_t row_ = 1;     // 1-based record of the current cell
  std::uint64_t column_ = 1;  // 1-based column of the current cell
  std::string cell_;          // the current cell's text not yet given to the sink
  // Or, while the tokenizer is inside one chunk, the cell's only piece so far, still in the chunk.
  std::string_view unbuffered_piece_;
  bool segment_open_ = false;
  std::string column_name_;  // while reading the header row: the current name
  std::vector<std::string> column_names_;
  // Reused for every cell; always holds a CellLocation, whose cell_reference stays empty: it is
  // the plain A1 form of row and column, derived only for the few cells reported.
  SegmentLocation location_;

  struct FaultTally {
    std::uint64_t count = 0;
    std::string first_cell;
  };
  FaultTally stray_quotes_;
  FaultTally unterminated_quote_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace tamis
