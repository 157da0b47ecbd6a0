// The per-segment bookkeeping of a scan: where each live segment is (SegmentLocationLog) and which
// rules its context keywords bring (ContextRuleCache).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/context_rule_cache.h"
#include "engine/segment_location_log.h"

namespace tamis {
namespace {

CellLocation cell(std::uint64_t row, std::uint64_t column, std::string name,
                  std::string reference = "", std::string sheet = "") {
  return CellLocation{row, column, std::move(name), std::move(reference), std::move(sheet)};
}

TEST(SegmentLocationLog, GivesBackWhatWasRecordedByIndex) {
  SegmentLocationLog log;
  EXPECT_EQ(log.add(cell(2, 3, "ssn", "Sheet1!C2", "Sheet1")), 0U);
  EXPECT_EQ(log.add(RecordLocation{7, "$.customers[2].ssn"}), 1U);
  EXPECT_EQ(log.add(std::monostate{}), 2U);

  const auto first = log.at(0);
  ASSERT_TRUE(std::holds_alternative<CellLocation>(first));
  const auto& c = std::get<CellLocation>(first);
  EXPECT_EQ(c.row, 2U);
  EXPECT_EQ(c.column, 3U);
  EXPECT_EQ(c.column_name, "ssn");
  EXPECT_EQ(c.cell_reference, "Sheet1!C2");
  EXPECT_EQ(c.sheet, "Sheet1");

  const auto second = log.at(1);
  ASSERT_TRUE(std::holds_alternative<RecordLocation>(second));
  EXPECT_EQ(std::get<RecordLocation>(second).record_index, 7U);
  EXPECT_EQ(std::get<RecordLocation>(second).json_path, "$.customers[2].ssn");

  EXPECT_TRUE(std::holds_alternative<std::monostate>(log.at(2)));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(log.at(3)));  // never recorded
}

TEST(SegmentLocationLog, DerivesThePlainA1ReferenceAnExtractorLeftEmpty) {
  SegmentLocationLog log;
  log.add(cell(12, 27, "card"));
  EXPECT_EQ(std::get<CellLocation>(log.at(0)).cell_reference, "AA12");
}

TEST(SegmentLocationLog, ForgottenSegmentsAreGoneAndTheRestSurviveCompaction) {
  SegmentLocationLog log;
  for (std::uint64_t i = 0; i < 10000; ++i) {
    ASSERT_EQ(log.add(RecordLocation{i, "$.k" + std::to_string(i)}), i);
    // Forget in steps, as the scanner does, so that the log compacts many times on the way.
    if (i % 700 == 699) log.forget_before(i - 100);
  }
  EXPECT_LT(log.live(), 1000U);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(log.at(0)));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(log.at(9000)));
  for (std::uint64_t i = 9700; i < 10000; ++i) {
    const auto where = log.at(i);
    ASSERT_TRUE(std::holds_alternative<RecordLocation>(where)) << i;
    EXPECT_EQ(std::get<RecordLocation>(where).json_path, "$.k" + std::to_string(i));
  }
  log.forget_before(20000);  // beyond the end: everything goes, and numbering carries on
  EXPECT_EQ(log.live(), 0U);
  EXPECT_EQ(log.add(RecordLocation{1, "$.next"}), 10000U);
  EXPECT_EQ(std::get<RecordLocation>(log.at(10000)).json_path, "$.next");

  log.clear();
  EXPECT_EQ(log.add(std::monostate{}), 0U);
}

TEST(ContextRuleCache, ComputesEachDistinctListOnce) {
  ContextRuleCache cache;
  int computed = 0;
  auto compute = [&](const std::vector<std::string>& names) {
    ++computed;
    return std::vector<std::uint32_t>{static_cast<std::uint32_t>(names.size()),
                                      static_cast<std::uint32_t>(names.front().size())};
  };
  const std::vector<std::string> ssn{"ssn"};
  const std::vector<std::string> path{"customer", "card"};
  const auto a = cache.rules_for(ssn, 0, compute);
  const auto b = cache.rules_for(path, 0, compute);
  const auto c = cache.rules_for(ssn, 0, compute);
  EXPECT_EQ(computed, 2);
  EXPECT_EQ(a.data(), c.data());  // the same entry, still where it was
  EXPECT_EQ(std::vector<std::uint32_t>(b.begin(), b.end()), (std::vector<std::uint32_t>{2, 8}));
  // ["ab"] and ["a", "b"] are different lists.
  cache.rules_for({"ab"}, 0, compute);
  cache.rules_for({"a", "b"}, 0, compute);
  EXPECT_EQ(computed, 4);
  EXPECT_TRUE(cache.rules_for({}, 0, compute).empty());
  EXPECT_EQ(computed, 4);  // no names, no rules: nothing to compute
}

TEST(ContextRuleCache, ContextIdsAreTrustedWithinAnObjectOnly) {
  ContextRuleCache cache;
  int computed = 0;
  auto compute = [&](const std::vector<std::string>& names) {
    ++computed;
    return std::vector<std::uint32_t>{static_cast<std::uint32_t>(names.front().size())};
  };
  EXPECT_EQ(cache.rules_for({"ssn"}, 7, compute).front(), 3U);
  // Same id: the names are not read again.
  EXPECT_EQ(cache.rules_for({"ssn"}, 7, compute).front(), 3U);
  EXPECT_EQ(computed, 1);
  // A new object may use id 7 for another column.
  cache.begin_object();
  EXPECT_EQ(cache.rules_for({"passport"}, 7, compute).front(), 8U);
  // The list met in the earlier object is still known by its names.
  EXPECT_EQ(cache.rules_for({"ssn"}, 3, compute).front(), 3U);
  EXPECT_EQ(computed, 2);
}

}  // namespace
}  // namespace tamis
