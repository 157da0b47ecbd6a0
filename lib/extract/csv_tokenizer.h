// RFC 4180 fields and records from a byte stream split anywhere (inside quotes, inside a CRLF),
// read as tolerantly as spreadsheet programs read them. Used both by the sniffer (to count fields
// per delimiter) and by the extractor (to emit cells), so the two always agree on quoting.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace tamis {

enum class CsvFault {
  kStrayQuote,             // a `"` inside an unquoted field: kept as a literal character
  kTextAfterClosingQuote,  // `"ab"cd`: the text after the closing quote is appended to the field
  kUnterminatedQuote,      // the input ended inside a quoted field: the field ends there
};

class CsvTokenizer {
 public:
  // Receives a field's unquoted content in pieces (a doubled quote arrives as one `"`), then
  // field_end, and record_end after the last field of a record. A blank line is a record with one
  // empty field. Returning false from any call stops the tokenizer.
  class Events {
   public:
    virtual ~Events() = default;
    virtual bool field_text(std::string_view piece) = 0;
    virtual bool field_end() = 0;
    virtual bool record_end() = 0;
    virtual void fault(CsvFault /*fault*/) {}
  };

  explicit CsvTokenizer(char delimiter);

  // False when an event handler asked to stop; the tokenizer must not be fed again after that.
  bool feed(std::string_view bytes, Events& events);
  // Ends a last record that has no line end. False when an event handler asked to stop.
  bool finish(Events& events);

 private:
  enum class State { kFieldStart, kUnquoted, kQuoted, kQuoteInQuoted };

  bool end_record(Events& events, char line_end);

  char delimiter_;
  // Bytes that end a run of unquoted text: the delimiter, `"`, CR and LF. A table lookup is
  // cheaper than four comparisons on every byte of every cell.
  std::array<bool, 256> ends_unquoted_run_{};
  State state_ = State::kFieldStart;
  bool skip_lf_ = false;             // the previous record ended with CR: an LF next is its CRLF
  bool record_has_content_ = false;  // some byte of the current record was consumed
};

}  // namespace tamis
