// Where each live segment of an object is, kept until the matcher has reported the occurrences in
// it. One is recorded for every CSV cell and JSON value, almost all of which never hold a match,
// so the log is packed: numbers inline, names in one character arena, no allocation per segment
// once its buffers have grown. Only a reported occurrence rebuilds a full location.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "extract/segment.h"

namespace tamis {

using SegmentWhere = std::variant<std::monostate, CellLocation, RecordLocation>;

class SegmentLocationLog {
 public:
  // Records the next segment and returns its index: 0, 1, 2, ... since the last clear().
  std::uint64_t add(const SegmentWhere& where);
  // Segments below `index` will not be asked for again.
  void forget_before(std::uint64_t index);
  // The location of a recorded segment; monostate once forgotten (or never recorded).
  SegmentWhere at(std::uint64_t index) const;
  void clear();

  std::size_t live() const { return entries_.size() - head_; }

 private:
  enum class Kind : std::uint8_t { kNone, kCell, kRecord };
  struct Entry {
    std::uint64_t number = 0;  // row, or record index
    std::uint64_t column = 0;
    std::size_t text = 0;  // arena offset: column name, cell reference, sheet; or the JSON path
    std::uint32_t length[3] = {0, 0, 0};
    Kind kind = Kind::kNone;
  };

  std::uint32_t append(const std::string& text);

  std::vector<Entry> entries_;  // entries_[head_] is segment first_
  std::size_t head_ = 0;
  std::uint64_t first_ = 0;
  std::string arena_;
  std::size_t used_ = 0;
};

}  // namespace tamis
