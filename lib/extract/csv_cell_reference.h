// Spreadsheet A1 references: column 1 is "A", 26 "Z", 27 "AA", 52 "AZ", 53 "BA".
#pragma once

#include <cstdint>
#include <string>

namespace tamis {

// Column letters in bijective base 26 followed by the row number; both 1-based. Column 0 gives
// no letters (it is not a column).
std::string a1_cell_reference(std::uint64_t row, std::uint64_t column);

// The same, appended to `out` without allocating when `out` has room: called once per cell.
void append_a1_cell_reference(std::string& out, std::uint64_t row, std::uint64_t column);

}  // namespace tamis
