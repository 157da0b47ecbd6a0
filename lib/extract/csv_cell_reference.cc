#include "extract/csv_cell_reference.h"

#include <algorithm>

namespace tamis {

std::string a1_cell_reference(std::uint64_t row, std::uint64_t column) {
  std::string letters;
  while (column > 0) {
    --column;  // bijective: there is no zero digit, so shift each digit down by one
    letters.push_back(static_cast<char>('A' + column % 26));
    column /= 26;
  }
  std::reverse(letters.begin(), letters.end());
  return letters + std::to_string(row);
}

}  // namespace tamis
