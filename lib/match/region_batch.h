// Start-of-match scans of many small windows in one Hyperscan call. A keyword-gated rule is
// searched in a window around every hit of its keyword, and a column or key that names the rule
// makes every value under it such a window: a CSV column of card numbers asks for one block scan
// per cell. Hyperscan's fixed cost per call (scratch set-up, engine start) is then most of the
// work, over a quarter of a CSV scan (perf). So the windows of one rule that are ready together
// are copied into one buffer, separated by a NUL byte, and scanned once.
//
// Exact only for patterns without assertions (`^`, `$`, `\b`, ...), whose matches depend on no
// byte outside them: then a match inside a window is found in the buffer with the same start and
// end. The one case where the buffer can differ from a scan of the window alone is a match that
// starts in an earlier window and ends in this one (its start would hide a later start inside the
// window). Such a window is marked inexact and the caller scans it alone.
#pragma once

#include <hs/hs.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tamis::match {

class RegionBatch {
 public:
  struct Hit {
    std::uint64_t from;  // absolute: the window's origin plus the offset in it
    std::uint64_t to;
  };

  void clear();
  // Adds the text of a window that starts at `origin` in the object.
  void add(std::uint64_t origin, std::string_view text);
  // Scans every window added since clear() with `db` (block mode, HS_FLAG_SOM_LEFTMOST, patterns
  // without assertions). False when Hyperscan fails; then no window is exact.
  bool scan(const hs_database_t* db, hs_scratch_t* scratch);

  std::size_t windows() const { return windows_.size(); }
  std::size_t bytes() const { return text_.size(); }
  // Whether hits(i) are exactly what a scan of window i alone reports.
  bool exact(std::size_t i) const { return windows_[i].exact; }
  std::uint64_t origin(std::size_t i) const { return windows_[i].origin; }
  // The matches ending in window i, in end order.
  std::span<const Hit> hits(std::size_t i) const;

 private:
  struct Window {
    std::uint64_t origin;
    std::size_t begin;  // in text_
    std::size_t end;
    std::size_t first_hit = 0;  // in hits_
    std::size_t hit_count = 0;
    bool exact = false;
  };
  static int on_match(unsigned int id, unsigned long long from, unsigned long long to,
                      unsigned int flags, void* context);

  std::string text_;
  std::vector<Window> windows_;
  std::vector<Hit> raw_;  // buffer offsets, as reported
  std::vector<Hit> hits_;
};

}  // namespace tamis::match
