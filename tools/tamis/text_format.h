// Small helpers for human-readable terminal output: sizes, numbers and aligned tables.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tamis::cli {

// 1536 -> "1.5 KiB"; below 1 KiB the exact byte count ("512 B").
std::string human_bytes(std::uint64_t bytes);

// 1234567 -> "1,234,567".
std::string with_thousands(std::uint64_t value);

// Rows of cells printed with every column as wide as its widest cell. Columns marked numeric are
// right-aligned. The last column is never padded, so lines carry no trailing blanks.
class Table {
 public:
  explicit Table(std::vector<std::string> header, std::vector<bool> numeric = {});
  void add_row(std::vector<std::string> cells);
  bool empty() const { return rows_.empty(); }
  // `indent` goes before every line; `bold_header` wraps the header in terminal bold.
  std::string render(std::string_view indent, bool bold_header) const;

 private:
  std::vector<std::string> header_;
  std::vector<bool> numeric_;
  std::vector<std::vector<std::string>> rows_;
};

// Display width of UTF-8 text: code points, not bytes (good enough for the ASCII-heavy output).
std::size_t display_width(std::string_view text);

}  // namespace tamis::cli
