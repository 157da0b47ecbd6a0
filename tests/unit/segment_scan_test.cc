// Scanning structured objects as segments (cells, JSON values): locations, no match across two
// values, keywords only inside the same value, column names and JSON keys as keywords.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine_test_support.h"

namespace tamis {
namespace {

using testing_support::build_or_die;
using testing_support::find_detection;

SegmentLocation cell(std::uint64_t row, std::uint64_t column, std::string name) {
  CellLocation where;
  where.row = row;
  where.column = column;
  where.column_name = name;
  // Appended, not `+`: GCC 12 raises a false -Wrestrict on string concatenation inlined here.
  where.cell_reference.assign(1, static_cast<char>('A' + column - 1));
  where.cell_reference += std::to_string(row);
  SegmentLocation location;
  location.where = where;
  location.context_keywords = {std::move(name)};
  return location;
}

void add_cell(Scanner& scanner, const SegmentLocation& location, std::string_view text,
              std::size_t piece = 0) {
  scanner.begin_segment(location);
  if (piece == 0) piece = text.size() + 1;
  for (std::size_t i = 0; i < text.size(); i += piece) scanner.feed(text.substr(i, piece));
  scanner.end_segment();
}

std::shared_ptr<const Engine> ssn_engine() {
  Config config;
  config.selector = ManagedSelector::kInclude;
  config.managed_ids = {"USA_SOCIAL_SECURITY_NUMBER"};
  config.reveal_values = true;
  return build_or_die(config);
}

TEST(SegmentScan, ColumnNameActsAsKeywordAndCellIsReported) {
  auto engine = ssn_engine();
  ASSERT_NE(engine, nullptr);
  Scanner scanner(engine);
  for (std::size_t piece : {0, 1, 3}) {
    scanner.begin("hr.csv");
    add_cell(scanner, cell(1, 1, "name"), "name");
    add_cell(scanner, cell(1, 2, "ssn"), "ssn");
    for (std::uint64_t row = 2; row <= 4; ++row) {
      add_cell(scanner, cell(row, 1, "name"), "Jordan Avery", piece);
      add_cell(scanner, cell(row, 2, "ssn"), "536-22-1849", piece);
    }
    const ObjectResult result = scanner.finish();
    const Detection* d = find_detection(result, "USA_SOCIAL_SECURITY_NUMBER");
    ASSERT_NE(d, nullptr) << "piece " << piece;
    ASSERT_EQ(d->count, 3U);
    const auto* where = std::get_if<CellLocation>(&d->occurrences[1].where);
    ASSERT_NE(where, nullptr);
    EXPECT_EQ(where->row, 3U);
    EXPECT_EQ(where->column, 2U);
    EXPECT_EQ(where->column_name, "ssn");
    EXPECT_EQ(where->cell_reference, "B3");
    EXPECT_EQ(d->occurrences[1].start, 0U);
    EXPECT_EQ(d->occurrences[1].end, 11U);
    EXPECT_EQ(d->occurrences[1].text, "536-22-1849");
  }
}

TEST(SegmentScan, WithoutKeywordColumnNothingIsFound) {
  auto engine = ssn_engine();
  Scanner scanner(engine);
  scanner.begin("orders.csv");
  add_cell(scanner, cell(2, 1, "reference"), "536-22-1849");
  EXPECT_EQ(find_detection(scanner.finish(), "USA_SOCIAL_SECURITY_NUMBER"), nullptr);
}

TEST(SegmentScan, KeywordMustBeInTheSameValue) {
  auto engine = ssn_engine();
  Scanner scanner(engine);
  scanner.begin("notes.csv");
  add_cell(scanner, cell(2, 1, "note"), "SSN");
  add_cell(scanner, cell(2, 2, "value"), "536-22-1849");
  EXPECT_EQ(find_detection(scanner.finish(), "USA_SOCIAL_SECURITY_NUMBER"), nullptr);

  scanner.begin("notes.csv");
  add_cell(scanner, cell(2, 1, "note"), "SSN: 536-22-1849");
  const ObjectResult result = scanner.finish();
  const Detection* d = find_detection(result, "USA_SOCIAL_SECURITY_NUMBER");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->occurrences[0].start, 5U);
}

TEST(SegmentScan, MatchesNeverSpanTwoValues) {
  auto engine =
      build_or_die(testing_support::custom_only({testing_support::custom("Code", "AB[0-9]{4}"),
                                                 testing_support::custom("Long", "X[0-9\\n]{8}")}));
  Scanner scanner(engine);
  scanner.begin("split.csv");
  add_cell(scanner, cell(1, 1, "a"), "AB12");
  add_cell(scanner, cell(1, 2, "b"), "34 AB5678");
  add_cell(scanner, cell(1, 3, "c"), "X1234");
  add_cell(scanner, cell(1, 4, "d"), "5678");
  const ObjectResult result = scanner.finish();
  const Detection* d = find_detection(result, "Code");
  ASSERT_NE(d, nullptr);
  ASSERT_EQ(d->count, 1U);
  EXPECT_EQ(d->occurrences[0].text, "AB5678");
  EXPECT_EQ(std::get<CellLocation>(d->occurrences[0].where).column, 2U);
  EXPECT_EQ(find_detection(result, "Long"), nullptr);
}

TEST(SegmentScan, JsonKeysOnThePathAreKeywordsForCustomIdentifiers) {
  auto engine = build_or_die(testing_support::custom_only(
      {testing_support::custom("Emp", "E[0-9]{6}", {"employee"}, 20)}));
  Scanner scanner(engine);
  scanner.begin("people.json");
  SegmentLocation value;
  value.where = RecordLocation{0, "$.employee.id"};
  value.context_keywords = {"employee", "id"};
  scanner.begin_segment(value);
  scanner.feed("E123456");
  scanner.end_segment();
  SegmentLocation other;
  other.where = RecordLocation{0, "$.order.id"};
  other.context_keywords = {"order", "id"};
  scanner.begin_segment(other);
  scanner.feed("E654321");
  scanner.end_segment();
  const ObjectResult result = scanner.finish();
  const Detection* d = find_detection(result, "Emp");
  ASSERT_NE(d, nullptr);
  ASSERT_EQ(d->count, 1U);
  EXPECT_EQ(std::get<RecordLocation>(d->occurrences[0].where).json_path, "$.employee.id");
}

TEST(SegmentScan, ManyRowsKeepMemoryBoundedAndCountEverything) {
  auto engine = ssn_engine();
  Scanner scanner(engine);
  scanner.begin("big.csv");
  for (std::uint64_t row = 2; row < 20002; ++row) {
    add_cell(scanner, cell(row, 1, "ssn"), "536-22-1849");
    add_cell(scanner, cell(row, 2, "comment"), "nothing to see here");
  }
  const ObjectResult result = scanner.finish();
  const Detection* d = find_detection(result, "USA_SOCIAL_SECURITY_NUMBER");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->count, 20000U);
  EXPECT_EQ(std::get<CellLocation>(d->occurrences.back().where).row, 1001U);
}

}  // namespace
}  // namespace tamis

namespace tamis {
namespace {

// Thousands of small values are batched into one matcher call; keyword regions found inside the
// batch must still be decided in order with the column regions queued for later values.
TEST(SegmentScan, BatchedValuesKeepEveryDecisionExact) {
  auto engine = ssn_engine();
  Scanner scanner(engine);
  scanner.begin("mixed.csv");
  for (std::uint64_t row = 2; row < 2002; ++row) {
    add_cell(scanner, cell(row, 1, "note"), "SSN 536-22-1849");
    add_cell(scanner, cell(row, 2, "ssn"), "412-67-3390");
    add_cell(scanner, cell(row, 3, "ref"), "536-22-1849");
    add_cell(scanner, cell(row, 4, "ssn"), "ssn");
  }
  const ObjectResult result = scanner.finish();
  const Detection* d = find_detection(result, "USA_SOCIAL_SECURITY_NUMBER");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->count, 4000U);
  for (const Occurrence& o : d->occurrences) {
    EXPECT_NE(std::get<CellLocation>(o.where).column, 3U);
  }
}

// The cells of a column that names a rule are searched in one block scan (match/region_batch.h).
// A match may still never reach from one cell into the next, nor a cell's match be lost to one
// that would start in the cell before.
TEST(SegmentScan, CellsSearchedTogetherKeepTheirOwnMatches) {
  auto engine = build_or_die(
      testing_support::custom_only({testing_support::custom("Code", "X[^Y]{1,6}Y", {"code"}, 50)}));
  Scanner scanner(engine);
  for (std::size_t piece : {0, 1, 4}) {
    scanner.begin("codes.csv");
    for (std::uint64_t row = 2; row < 202; ++row) {
      add_cell(scanner, cell(row, 1, "code"), "aX1", piece);  // with the next cell: X1 ... 2Y
      add_cell(scanner, cell(row, 2, "code"), "2Y", piece);
      add_cell(scanner, cell(row, 3, "name"), "X5Y", piece);  // no keyword for this column
      add_cell(scanner, cell(row, 4, "code"), "aX", piece);   // with the next: X ... X9X8Y
      add_cell(scanner, cell(row, 5, "code"), "X9X8Y", piece);
      add_cell(scanner, cell(row, 6, "code"), "X3Y", piece);
    }
    const ObjectResult result = scanner.finish();
    const Detection* d = find_detection(result, "Code");
    ASSERT_NE(d, nullptr) << "piece " << piece;
    EXPECT_EQ(d->count, 400U) << "piece " << piece;
    for (const Occurrence& o : d->occurrences) {
      const auto column = std::get<CellLocation>(o.where).column;
      EXPECT_TRUE((column == 5 && o.text == "X9X8Y") || (column == 6 && o.text == "X3Y"))
          << "column " << column << ": " << o.text;
    }
  }
}

}  // namespace
}  // namespace tamis
