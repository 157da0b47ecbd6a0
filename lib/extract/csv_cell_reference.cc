#include "extract/csv_cell_reference.h"

namespace tamis {

void append_a1_cell_reference(std::string& out, std::uint64_t row, std::uint64_t column) {
  // 14 letters cover 2^64 columns; 20 digits cover 2^64 rows.
  char buffer[14 + 20];
  char* end = buffer + sizeof(buffer);
  char* digits = end;
  do {
    *--digits = static_cast<char>('0' + row % 10);
    row /= 10;
  } while (row > 0);
  char* letters = digits;
  while (column > 0) {
    --column;  // bijective: there is no zero digit, so shift each digit down by one
    *--letters = static_cast<char>('A' + column % 26);
    column /= 26;
  }
  out.append(letters, end);
}

std::string a1_cell_reference(std::uint64_t row, std::uint64_t column) {
  std::string reference;
  append_a1_cell_reference(reference, row, column);
  return reference;
}

}  // namespace tamis
