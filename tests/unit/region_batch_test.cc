// Windows searched together (match/region_batch.h): every window the batch calls exact must get
// exactly the matches a scan of that window alone reports, and a match running in from an earlier
// window must make the window inexact rather than hide a start.
#include "match/region_batch.h"

#include <gtest/gtest.h>
#include <hs/hs.h>

#include <algorithm>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "match/hs_handles.h"

namespace tamis::match {
namespace {

using Matches = std::vector<std::pair<std::uint64_t, std::uint64_t>>;  // (to, from), sorted

struct Database {
  HsDatabase db;
  HsScratch scratch;
};

Database compile(const std::vector<std::string>& patterns) {
  std::vector<const char*> pointers;
  for (const std::string& p : patterns) pointers.push_back(p.c_str());
  const std::vector<unsigned> flags(patterns.size(), HS_FLAG_SOM_LEFTMOST);
  const std::vector<unsigned> ids(patterns.size(), 0);
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  EXPECT_EQ(
      hs_compile_multi(pointers.data(), flags.data(), ids.data(),
                       static_cast<unsigned>(pointers.size()), HS_MODE_BLOCK, nullptr, &db, &error),
      HS_SUCCESS);
  hs_free_compile_error(error);
  hs_scratch_t* scratch = nullptr;
  EXPECT_EQ(hs_alloc_scratch(db, &scratch), HS_SUCCESS);
  return {HsDatabase(db), HsScratch(scratch)};
}

int collect(unsigned int, unsigned long long from, unsigned long long to, unsigned int,
            void* context) {
  static_cast<Matches*>(context)->emplace_back(to, from);
  return 0;
}

// What one window scanned alone reports, in the object's offsets.
Matches alone(const Database& d, std::uint64_t origin, std::string_view text) {
  Matches out;
  hs_scan(d.db.get(), text.data(), static_cast<unsigned>(text.size()), 0, d.scratch.get(), collect,
          &out);
  for (auto& [to, from] : out) {
    to += origin;
    from += origin;
  }
  std::sort(out.begin(), out.end());
  return out;
}

Matches batched(const RegionBatch& batch, std::size_t i) {
  Matches out;
  for (const RegionBatch::Hit& h : batch.hits(i)) out.emplace_back(h.to, h.from);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(RegionBatch, ExactWindowsReportWhatTheyReportAlone) {
  // Digit runs, a pattern that can run across the separator (it takes NUL bytes), alternatives
  // with a shared end, and a wide repeat.
  const Database d = compile({"[0-9]{3,6}", "x[a-z\\x00]{0,8}y", "ab|b", "q[a-z0-9]{2,40}"});
  std::mt19937 rng(7);
  const std::string alphabet = "0123456789abxyq ";
  std::string text(20000, ' ');
  for (char& c : text) c = alphabet[rng() % alphabet.size()];
  std::size_t exact_windows = 0;
  std::size_t inexact_windows = 0;
  for (int round = 0; round < 200; ++round) {
    RegionBatch batch;
    struct Window {
      std::uint64_t origin;
      std::string_view text;
    };
    std::vector<Window> windows;
    const std::size_t count = 1 + rng() % 12;
    for (std::size_t i = 0; i < count; ++i) {
      const std::uint64_t origin = rng() % (text.size() - 100);
      const std::size_t length = rng() % 60;  // empty windows included
      windows.push_back({origin, std::string_view(text).substr(origin, length)});
      batch.add(origin, windows.back().text);
    }
    ASSERT_TRUE(batch.scan(d.db.get(), d.scratch.get()));
    ASSERT_EQ(batch.windows(), count);
    for (std::size_t i = 0; i < count; ++i) {
      EXPECT_EQ(batch.origin(i), windows[i].origin);
      if (!batch.exact(i)) {
        ++inexact_windows;
        continue;
      }
      ++exact_windows;
      EXPECT_EQ(batched(batch, i), alone(d, windows[i].origin, windows[i].text))
          << "round " << round << " window " << i;
    }
  }
  // Both outcomes were exercised.
  EXPECT_GT(exact_windows, 1000U);
  EXPECT_GT(inexact_windows, 0U);
}

TEST(RegionBatch, AMatchFromAnEarlierWindowMakesTheWindowInexact) {
  const Database d = compile({"x[a-z\\x00]{0,3}y"});
  RegionBatch batch;
  batch.add(100, "aax");  // "x" + separator NUL + "ay" matches across the two windows
  batch.add(500, "ay");   // alone: no match at all
  batch.add(900, "xzy");  // alone: one match
  ASSERT_TRUE(batch.scan(d.db.get(), d.scratch.get()));
  EXPECT_TRUE(batch.exact(0));
  EXPECT_TRUE(batched(batch, 0).empty());
  EXPECT_FALSE(batch.exact(1));
  EXPECT_TRUE(batch.exact(2));
  EXPECT_EQ(batched(batch, 2), (Matches{{903, 900}}));
}

TEST(RegionBatch, AMatchEndingOnTheSeparatorBelongsToNoWindow) {
  const Database d = compile({"k[a-z\\x00]"});
  RegionBatch batch;
  batch.add(0, "abk");  // "k" + NUL ends on the separator
  batch.add(10, "zz");
  ASSERT_TRUE(batch.scan(d.db.get(), d.scratch.get()));
  EXPECT_TRUE(batched(batch, 0).empty());
  EXPECT_TRUE(batch.exact(1));
  EXPECT_TRUE(batched(batch, 1).empty());
}

TEST(RegionBatch, ClearStartsAnEmptyBatch) {
  const Database d = compile({"[0-9]{3}"});
  RegionBatch batch;
  batch.add(0, "123");
  ASSERT_TRUE(batch.scan(d.db.get(), d.scratch.get()));
  EXPECT_EQ(batched(batch, 0), (Matches{{3, 0}}));
  batch.clear();
  EXPECT_EQ(batch.windows(), 0U);
  EXPECT_EQ(batch.bytes(), 0U);
  batch.add(40, "x456");
  ASSERT_TRUE(batch.scan(d.db.get(), d.scratch.get()));
  EXPECT_EQ(batched(batch, 0), (Matches{{44, 41}}));
}

}  // namespace
}  // namespace tamis::match
