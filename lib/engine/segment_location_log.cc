#include "engine/segment_location_log.h"

#include <algorithm>
#include <cstring>

#include "extract/csv_cell_reference.h"

namespace tamis {
namespace {

// Forgotten entries are dropped in bulk once they are this many and at least half of the log, so
// that each costs O(1) however long the object.
constexpr std::size_t kCompactAfter = 1024;
constexpr std::size_t kKeptCapacityBytes = std::size_t{1} << 20;

}  // namespace

std::uint32_t SegmentLocationLog::append(const std::string& text) {
  const std::size_t n = text.size();
  if (n == 0) return 0;
  // arena_ only grows; used_ is its filled part, so that an append is a copy and nothing else.
  if (used_ + n > arena_.size()) arena_.resize(std::max(arena_.size() * 2, used_ + n + 4096));
  std::memcpy(arena_.data() + used_, text.data(), n);
  used_ += n;
  return static_cast<std::uint32_t>(n);
}

std::uint64_t SegmentLocationLog::add(const SegmentWhere& where) {
  Entry entry;
  entry.text = used_;
  if (const auto* cell = std::get_if<CellLocation>(&where)) {
    entry.kind = Kind::kCell;
    entry.number = cell->row;
    entry.column = cell->column;
    entry.length[0] = append(cell->column_name);
    entry.length[1] = append(cell->cell_reference);
    entry.length[2] = append(cell->sheet);
  } else if (const auto* record = std::get_if<RecordLocation>(&where)) {
    entry.kind = Kind::kRecord;
    entry.number = record->record_index;
    entry.length[0] = append(record->json_path);
  }
  entries_.push_back(entry);
  return first_ + live() - 1;
}

void SegmentLocationLog::forget_before(std::uint64_t index) {
  if (index <= first_) return;
  const std::size_t drop =
      static_cast<std::size_t>(std::min<std::uint64_t>(index - first_, live()));
  head_ += drop;
  first_ += drop;
  if (head_ < kCompactAfter || head_ * 2 < entries_.size()) return;
  const std::size_t shift = head_ < entries_.size() ? entries_[head_].text : used_;
  std::memmove(arena_.data(), arena_.data() + shift, used_ - shift);
  used_ -= shift;
  entries_.erase(entries_.begin(), entries_.begin() + static_cast<std::ptrdiff_t>(head_));
  head_ = 0;
  for (Entry& entry : entries_) entry.text -= shift;
}

SegmentWhere SegmentLocationLog::at(std::uint64_t index) const {
  if (index < first_ || index - first_ >= live()) return std::monostate{};
  const Entry& entry = entries_[head_ + static_cast<std::size_t>(index - first_)];
  std::size_t at = entry.text;
  auto next = [&](std::uint32_t length) {
    std::string text(arena_.data() + at, length);
    at += length;
    return text;
  };
  switch (entry.kind) {
    case Kind::kCell: {
      CellLocation cell;
      cell.row = entry.number;
      cell.column = entry.column;
      cell.column_name = next(entry.length[0]);
      cell.cell_reference = next(entry.length[1]);
      cell.sheet = next(entry.length[2]);
      if (cell.cell_reference.empty())
        cell.cell_reference = a1_cell_reference(cell.row, cell.column);
      return cell;
    }
    case Kind::kRecord:
      return RecordLocation{entry.number, next(entry.length[0])};
    case Kind::kNone:
      break;
  }
  return std::monostate{};
}

void SegmentLocationLog::clear() {
  // A scanner lives for many objects: what one odd object needed is not kept for the rest.
  if (arena_.size() > kKeptCapacityBytes) std::string().swap(arena_);
  if (entries_.capacity() * sizeof(Entry) > kKeptCapacityBytes) std::vector<Entry>().swap(entries_);
  entries_.clear();
  head_ = 0;
  first_ = 0;
  used_ = 0;
}

}  // namespace tamis
