// Decides, from the first bytes of an object, how to read it as CSV: the delimiter, whether the
// first row is a header, and whether the content is plausibly CSV at all (when it is not, the
// engine scans it as plain text). The heuristics are documented in docs/formats-csv.md.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tamis {

struct CsvSniffResult {
  char delimiter = ',';
  bool has_header = false;
  bool plausible = true;
  std::string implausible_reason;  // empty when plausible
};

// Excel's "sep=;" first line names the delimiter and is not part of the table. Returns the
// length of that line including its line end (0 when there is none) and sets `delimiter`.
std::size_t excel_separator_line(std::string_view content, char& delimiter);

// `window` is the start of the object (BOM already removed). `whole_input` says the window is all
// of it, so its last record is complete. `forced_delimiter` ('\0': sniff) skips delimiter
// detection; `preferred_delimiter` ('\0': none) wins ties, e.g. '\t' for a `.tsv` name.
CsvSniffResult sniff_csv(std::string_view window, bool whole_input, char forced_delimiter,
                         char preferred_delimiter);

}  // namespace tamis
