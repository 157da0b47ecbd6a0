// Line and column of a byte offset by the definition the engine uses (1-based; columns in UTF-8
// code points), counted by hand so that tests can check the engine's faster counting.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>

namespace tamis::testing_support {

inline std::pair<std::size_t, std::size_t> line_and_column_at(std::string_view text,
                                                              std::size_t pos) {
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < pos && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

}  // namespace tamis::testing_support
