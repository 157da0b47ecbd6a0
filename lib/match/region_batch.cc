#include "match/region_batch.h"

#include <algorithm>

namespace tamis::match {

void RegionBatch::clear() {
  text_.clear();
  windows_.clear();
  raw_.clear();
  hits_.clear();
}

void RegionBatch::add(std::uint64_t origin, std::string_view text) {
  // The separator keeps most matches from running from one window into the next; those that
  // still do only cost the window they end in a scan of its own.
  if (!windows_.empty()) text_.push_back('\0');
  const std::size_t begin = text_.size();
  text_.append(text);
  windows_.push_back({origin, begin, text_.size()});
}

int RegionBatch::on_match(unsigned int /*id*/, unsigned long long from, unsigned long long to,
                          unsigned int /*flags*/, void* context) {
  static_cast<std::vector<Hit>*>(context)->push_back({from, to});
  return 0;
}

bool RegionBatch::scan(const hs_database_t* db, hs_scratch_t* scratch) {
  raw_.clear();
  hits_.clear();
  for (Window& w : windows_) {
    w.first_hit = 0;
    w.hit_count = 0;
    w.exact = false;
  }
  if (hs_scan(db, text_.data(), static_cast<unsigned>(text_.size()), 0, scratch, on_match, &raw_) !=
      HS_SUCCESS) {
    return false;
  }
  std::stable_sort(raw_.begin(), raw_.end(),
                   [](const Hit& a, const Hit& b) { return a.to < b.to; });
  auto hit = raw_.begin();
  for (Window& w : windows_) {
    w.exact = true;
    w.first_hit = hits_.size();
    // A match ending on the separator before this window belongs to no window.
    while (hit != raw_.end() && hit->to <= w.begin) ++hit;
    for (; hit != raw_.end() && hit->to <= w.end; ++hit) {
      if (hit->from < w.begin) {
        w.exact = false;
        continue;
      }
      hits_.push_back({w.origin + (hit->from - w.begin), w.origin + (hit->to - w.begin)});
    }
    w.hit_count = hits_.size() - w.first_hit;
  }
  return true;
}

std::span<const RegionBatch::Hit> RegionBatch::hits(std::size_t i) const {
  const Window& w = windows_[i];
  return std::span<const Hit>(hits_).subspan(w.first_hit, w.hit_count);
}

}  // namespace tamis::match
