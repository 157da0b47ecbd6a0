// Small builders shared by the engine tests.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "config/config.h"
#include "engine/engine.h"
#include "engine/scanner.h"

namespace tamis::testing_support {

inline CustomIdentifierSpec custom(std::string name, std::string regex,
                                   std::vector<std::string> keywords = {},
                                   std::uint32_t distance = 50) {
  CustomIdentifierSpec spec;
  spec.name = std::move(name);
  spec.regex = std::move(regex);
  spec.keywords = std::move(keywords);
  spec.maximum_match_distance = distance;
  return spec;
}

// A config with no managed identifiers, only the given custom ones.
inline Config custom_only(std::vector<CustomIdentifierSpec> specs) {
  Config config;
  config.selector = ManagedSelector::kNone;
  config.custom_identifiers = std::move(specs);
  config.reveal_values = true;
  return config;
}

inline std::shared_ptr<const Engine> build_or_die(const Config& config) {
  auto engine = Engine::build(config);
  EXPECT_TRUE(engine.ok()) << (engine.ok() ? "" : engine.error().message);
  if (!engine.ok()) return nullptr;
  return *engine;
}

// Feeds `text` in pieces of `chunk` bytes.
inline ObjectResult scan_in_chunks(Scanner& scanner, std::string_view text, std::size_t chunk) {
  scanner.begin("mem");
  for (std::size_t i = 0; i < text.size(); i += chunk) scanner.feed(text.substr(i, chunk));
  return scanner.finish();
}

inline const Detection* find_detection(const ObjectResult& result, std::string_view type) {
  for (const Detection& d : result.detections) {
    if (d.type == type) return &d;
  }
  return nullptr;
}

// Every detection and occurrence of `a` equals `b`'s: for changes in how matching works that must
// not change what is found.
inline void expect_same_results(const ObjectResult& a, const ObjectResult& b,
                                const std::string& how) {
  ASSERT_EQ(a.detections.size(), b.detections.size()) << how;
  for (std::size_t i = 0; i < a.detections.size(); ++i) {
    const Detection& x = a.detections[i];
    const Detection& y = b.detections[i];
    ASSERT_EQ(x.type, y.type) << how;
    ASSERT_EQ(x.count, y.count) << x.type << ", " << how;
    ASSERT_EQ(x.occurrences.size(), y.occurrences.size()) << x.type << ", " << how;
    for (std::size_t j = 0; j < x.occurrences.size(); ++j) {
      const Occurrence& p = x.occurrences[j];
      const Occurrence& q = y.occurrences[j];
      EXPECT_EQ(p.start, q.start) << x.type << " #" << j << ", " << how;
      EXPECT_EQ(p.end, q.end) << x.type << " #" << j << ", " << how;
      EXPECT_EQ(p.line, q.line) << x.type << " #" << j << ", " << how;
      EXPECT_EQ(p.column, q.column) << x.type << " #" << j << ", " << how;
      EXPECT_EQ(p.text, q.text) << x.type << " #" << j << ", " << how;
    }
  }
}

// Scans each line of `text` as a CSV-like cell of row n, column 1 + n % 2, under the column name
// `column_name(n)`, which is also the cell's context keyword.
template <class ColumnName>
ObjectResult scan_as_cells(Scanner& scanner, std::string_view text, ColumnName&& column_name) {
  scanner.begin("cells.csv");
  std::uint64_t row = 1;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    CellLocation where;
    where.row = row;
    where.column = 1 + row % 2;
    where.column_name = column_name(row);
    // Built piece by piece: GCC 12 raises a false -Wrestrict on concatenation or assign() here.
    where.cell_reference.push_back(row % 2 == 0 ? 'A' : 'B');
    where.cell_reference += std::to_string(row);
    SegmentLocation location;
    location.where = where;
    location.context_keywords = {where.column_name};
    scanner.begin_segment(location);
    scanner.feed(text.substr(at, end - at));
    scanner.end_segment();
    at = end + 1;
    ++row;
  }
  return scanner.finish();
}

inline std::vector<std::string> found_texts(const ObjectResult& result, std::string_view type) {
  std::vector<std::string> out;
  if (const Detection* d = find_detection(result, type)) {
    for (const Occurrence& o : d->occurrences) out.push_back(o.text);
  }
  return out;
}

}  // namespace tamis::testing_support
