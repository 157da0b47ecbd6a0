#include "match/stream_matcher.h"

#include <algorithm>
#include <iterator>
#include <limits>
#include <utility>

#include "match/word_bytes.h"

namespace tamis::match {
namespace {

constexpr std::uint64_t kUnknown = std::numeric_limits<std::uint64_t>::max();
constexpr std::uint64_t kOpenEnd = std::numeric_limits<std::uint64_t>::max();
// A run of hits this long is decided in pieces, so a pathological object (megabytes of digits)
// cannot make one cluster, and the history behind it, grow without bound.
constexpr std::uint64_t kMaxClusterSpan = 64 * 1024;
// Later starts tried for one end when a candidate fails its boundary or validator.
constexpr std::uint32_t kMaxRetriesPerEnd = 16;

int stop_at_first(unsigned int, unsigned long long, unsigned long long, unsigned int,
                  void* context) {
  *static_cast<bool*>(context) = true;
  return 1;
}

}  // namespace

// Scans `text` in block mode into `out` (offsets relative to text). The vectors are members, so
// the hundreds of small scans per megabyte do not each allocate.
void StreamMatcher::block_scan(const hs_database_t* db, std::string_view text,
                               std::vector<Hit>& out) {
  out.clear();
  hs_scan(db, text.data(), static_cast<unsigned>(text.size()), 0, scratch_.get(), on_hit_into,
          &out);
}

int StreamMatcher::on_hit_into(unsigned int id, unsigned long long from, unsigned long long to,
                               unsigned int /*flags*/, void* context) {
  static_cast<std::vector<Hit>*>(context)->push_back({id, from, to});
  return 0;
}

StreamMatcher::StreamMatcher(const CompiledRules& rules)
    : rules_(rules), words_(rules.short_keywords, rules.long_keywords) {
  hs_scratch_t* clone = nullptr;
  if (rules_.scratch_prototype &&
      hs_clone_scratch(rules_.scratch_prototype.get(), &clone) == HS_SUCCESS) {
    scratch_.reset(clone);
  }
  states_.resize(rules_.rules.size());
  scratch_fits_.assign(rules_.rules.size(), false);
}

StreamMatcher::~StreamMatcher() {
  if (stream_ != nullptr) hs_close_stream(stream_, nullptr, nullptr, nullptr);
}

StreamMatcher::Status StreamMatcher::begin() {
  if (stream_ != nullptr) {
    hs_close_stream(stream_, nullptr, nullptr, nullptr);
    stream_ = nullptr;
  }
  offset_ = 0;
  final_ = false;
  window_.reset();
  lines_.reset();
  hits_.clear();
  words_.reset();
  for (RuleState& state : states_) state = RuleState{};
  keyword_hits_.clear();
  keyword_reach_ = KeywordReach{};
  pending_.clear();
  segments_.clear();
  segmented_ = false;
  next_live_segment_ = 0;
  error_.clear();
  if (!rules_.stream_db) return Status::kOk;
  if (!scratch_) {
    error_ = "no Hyperscan scratch space";
    return Status::kFailed;
  }
  if (hs_open_stream(rules_.stream_db.get(), 0, &stream_) != HS_SUCCESS) {
    error_ = "cannot open a Hyperscan stream";
    return Status::kFailed;
  }
  return Status::kOk;
}

int StreamMatcher::on_hit(unsigned int id, unsigned long long from, unsigned long long to,
                          unsigned int /*flags*/, void* context) {
  return on_hit_into(id, from, to, 0, &static_cast<StreamMatcher*>(context)->hits_);
}

StreamMatcher::Status StreamMatcher::feed(std::string_view bytes, MatchSink& sink) {
  if (bytes.empty()) return Status::kOk;
  window_.push_chunk(bytes);
  hits_.clear();
  if (stream_ != nullptr) {
    // Hyperscan takes 32-bit lengths: feed giant buffers in slices.
    std::string_view rest = bytes;
    while (!rest.empty()) {
      const std::size_t n = std::min<std::size_t>(rest.size(), 1U << 30);
      if (hs_scan_stream(stream_, rest.data(), static_cast<unsigned>(n), 0, scratch_.get(), on_hit,
                         this) != HS_SUCCESS) {
        error_ = "Hyperscan stream scan failed";
        return Status::kFailed;
      }
      rest.remove_prefix(n);
    }
  }
  if (rules_.has_word_keywords()) {
    words_.feed(bytes, word_hits_);
    merge_word_hits();
  }
  offset_ += bytes.size();
  if (segmented_) split_long_segment_regions();
  return after_scan(sink, false);
}

StreamMatcher::Status StreamMatcher::finish(MatchSink& sink) {
  hits_.clear();
  if (stream_ != nullptr) {
    const hs_error_t rc = hs_close_stream(stream_, scratch_.get(), on_hit, this);
    stream_ = nullptr;
    if (rc != HS_SUCCESS) {
      error_ = "Hyperscan stream close failed";
      return Status::kFailed;
    }
  }
  if (rules_.has_word_keywords()) {
    words_.finish(word_hits_);
    merge_word_hits();
  }
  final_ = true;
  window_.push_chunk({});
  return after_scan(sink, true);
}

void StreamMatcher::merge_word_hits() {
  if (word_hits_.empty()) return;
  // The finder reports window by window, and a longer keyword can end after a shorter one that
  // starts later ("tax file number", "file").
  std::stable_sort(word_hits_.begin(), word_hits_.end(),
                   [](const WordKeywordHit& a, const WordKeywordHit& b) { return a.end < b.end; });
  const auto middle = static_cast<std::ptrdiff_t>(hits_.size());
  for (const WordKeywordHit& h : word_hits_) hits_.push_back({h.id, h.start, h.end});
  word_hits_.clear();
  std::inplace_merge(hits_.begin(), hits_.begin() + middle, hits_.end(),
                     [](const Hit& a, const Hit& b) { return a.to < b.to; });
}

StreamMatcher::Status StreamMatcher::after_scan(MatchSink& sink, bool final) {
  route_hits();
  decide_ready_clusters(final, sink);
  return retire(final ? offset_ : keep_from(), sink);
}

void StreamMatcher::route_hits() {
  // Hyperscan reports in end order for most engines; sort so every later step can rely on it.
  auto by_end = [](const Hit& a, const Hit& b) { return a.to < b.to; };
  if (!std::is_sorted(hits_.begin(), hits_.end(), by_end)) {
    std::stable_sort(hits_.begin(), hits_.end(), by_end);
  }
  const bool som = rules_.start_mode == StartOffsetMode::kSomLeftmost;
  for (const Hit& hit : hits_) {
    const ExpressionTarget& target = rules_.targets[hit.id];
    if (target.kind == ExpressionTarget::Kind::kKeyword) {
      // The word finder knows where its hits start; Hyperscan only with start of match.
      const bool start_known = som || target.found_as_word;
      keyword_hits_.push_back({target.index, start_known ? hit.from : kUnknown, hit.to});
      // Managed identifiers only take whole-word keywords: "tin" inside "meeting" must not make
      // every nearby number a candidate. Custom identifiers take keywords anywhere.
      int whole_word = -1;
      for (std::uint32_t r : rules_.keyword_rules[target.index]) {
        if (rules_.rules[r].proximity == Proximity::kEitherSide) {
          if (whole_word < 0) whole_word = is_whole_word(keyword_hits_.back()) ? 1 : 0;
          if (whole_word == 0) continue;
        }
        open_region(r, target.index, hit.to);
      }
      continue;
    }
    const Rule& rule = rules_.rules[target.index];
    // decide_cluster drops a candidate whose end fails the end boundary whatever its start, so
    // such a hit is dropped here, before it costs a place in a cluster and a start search. A
    // repeat such as `[A-Za-z0-9+/]{4,1024}` reports an end at every byte of the run, of which
    // only the last (and those after '+' or '/') can pass.
    if (!can_end_at(rule, hit.to)) continue;
    RuleState& state = states_[target.index];
    if (state.clusters.empty() || hit.to > state.clusters.back().max_end + rule.max_width ||
        state.clusters.back().max_end - state.clusters.back().min_end > kMaxClusterSpan) {
      state.clusters.push_back(Cluster{hit.to, hit.to, {}});
    }
    Cluster& cluster = state.clusters.back();
    cluster.max_end = hit.to;
    cluster.hits.push_back(hit);
  }
  hits_.clear();
}

void StreamMatcher::open_region(std::uint32_t rule_index, std::uint32_t keyword,
                                std::uint64_t keyword_end) {
  const Rule& rule = rules_.rules[rule_index];
  const std::uint64_t keyword_width = rules_.keyword_max_width[keyword];
  const std::uint64_t keyword_start = keyword_end > keyword_width ? keyword_end - keyword_width : 0;
  std::uint64_t lowest_start = keyword_start;
  std::uint64_t highest_end = keyword_start;
  if (rule.anchored) {
    // The anchor is in the match, at most anchor_lead bytes after its start (its width is exact:
    // anchors are plain literals).
    lowest_start = keyword_start > rule.anchor_lead ? keyword_start - rule.anchor_lead : 0;
  } else {
    // The rules of one keyword hit are opened one after the other, mostly with the same distance:
    // the reach in characters is measured once for them.
    KeywordReach& reach = keyword_reach_;
    if (reach.keyword_end != keyword_end || reach.keyword_start != keyword_start ||
        reach.distance != rule.keyword_distance) {
      // A match after the keyword starts at most keyword_distance characters past its end; one
      // before it ends at most keyword_distance characters before its start.
      reach = {keyword_start, keyword_end, rule.keyword_distance,
               window_.back_by_chars(keyword_start, rule.keyword_distance),
               window_.forward_by_chars(keyword_end, rule.keyword_distance)};
    }
    highest_end = reach.last_start;
    if (rule.proximity == Proximity::kEitherSide) {
      lowest_start = reach.first_end > rule.max_width ? reach.first_end - rule.max_width : 0;
      highest_end = reach.last_start + rule.max_width;
    }
  }
  RuleState& state = states_[rule_index];
  std::uint64_t end_limit = kOpenEnd;
  if (segmented_) {
    // Keywords only count inside their own segment; a segment whose context already names this
    // rule is searched whole anyway.
    if (const Segment* segment = segment_at(keyword_end - 1)) {
      if (std::binary_search(segment->context_rules.begin(), segment->context_rules.end(),
                             rule_index)) {
        return;
      }
      // A value too short to hold a match (a JSON key like "ssn") needs no search at all.
      if (segment->end != kOpenEnd && segment->end - segment->start < rule.min_width) return;
      lowest_start = std::max(lowest_start, segment->start);
      highest_end = std::min(highest_end, segment->end);
      end_limit = segment->end;
    }
  }
  // Clusters stay sorted by start: with batched segments, context regions of later values may
  // already be queued when a keyword earlier in the batch is reported.
  auto& clusters = state.clusters;
  auto after = clusters.end();
  while (after != clusters.begin() && std::prev(after)->min_end > lowest_start) --after;
  // An anchored region keeps its anchors' hits: probe_candidates starts from them.
  const Hit anchor{keyword, keyword_start, keyword_end};
  if (after != clusters.begin()) {
    Cluster& before = *std::prev(after);
    if (!before.open && lowest_start <= before.max_end &&
        before.max_end - before.min_end <= kMaxClusterSpan) {
      before.max_end = std::max(before.max_end, highest_end);
      before.end_limit = std::max(before.end_limit, end_limit);
      if (rule.anchored) before.hits.push_back(anchor);
      return;
    }
  }
  Cluster region{lowest_start, highest_end, {}, true};
  region.end_limit = end_limit;
  if (rule.anchored) region.hits.push_back(anchor);
  clusters.insert(after, std::move(region));
}

void StreamMatcher::decide_ready_clusters(bool final, MatchSink& sink) {
  for (std::uint32_t r = 0; r < states_.size(); ++r) {
    RuleState& state = states_[r];
    const Rule& rule = rules_.rules[r];
    // A region also waits for matches that start inside it and end up to max_width later.
    const std::uint64_t wait =
        rule.keyword_gated ? rule.max_width + rule.lookahead_bytes + 1ULL
                           : std::max<std::uint64_t>(rule.max_width, rule.lookahead_bytes) + 1;
    auto ready = [&](const Cluster& c) {
      return !c.open && (final || offset_ >= c.max_end + wait);
    };
    std::size_t count = 0;
    while (count < state.clusters.size() && ready(state.clusters[count])) ++count;
    if (count >= 2 && rule.keyword_gated && rule.assertion_free && !probes(rule)) {
      decide_batched_regions(r, count, sink);
      continue;
    }
    for (; count > 0; --count) {
      decide_cluster(r, state.clusters.front(), sink);
      state.clusters.pop_front();
    }
  }
}

void StreamMatcher::decide_batched_regions(std::uint32_t rule_index, std::size_t count,
                                           MatchSink& sink) {
  // Bounds the copy: a batch of ordinary windows (tens to hundreds of bytes) is far below it.
  constexpr std::size_t kBatchBytes = 256 * 1024;
  const Rule& rule = rules_.rules[rule_index];
  auto& clusters = states_[rule_index].clusters;
  const hs_database_t* db = start_database(rule_index);
  const bool batchable =
      db != nullptr && rule.start->method() == StartFinder::Method::kLeftmostScan;
  while (count > 0) {
    std::size_t taken = 0;
    bool scanned = false;
    if (batchable) {
      region_batch_.clear();
      while (taken < count && region_batch_.bytes() < kBatchBytes) {
        const auto [w0, w1] = region_window(rule, clusters[taken]);
        region_batch_.add(w0, w1 > w0 ? window_.view(w0, w1, scratch_text_) : std::string_view());
        ++taken;
      }
      scanned = region_batch_.scan(db, scratch_.get());
    } else {
      taken = count;
    }
    for (std::size_t i = 0; i < taken; ++i) {
      decide_cluster(rule_index, clusters.front(), sink,
                     scanned && region_batch_.exact(i) ? i : kNotBatched);
      clusters.pop_front();
    }
    count -= taken;
  }
}

void StreamMatcher::keep_leftmost(std::vector<Candidate>& candidates, std::uint64_t start,
                                  std::uint64_t end) {
  auto it = std::find_if(candidates.begin(), candidates.end(),
                         [&](const Candidate& c) { return c.end == end; });
  if (it == candidates.end()) {
    candidates.push_back({start, end, 0});
  } else {
    it->start = std::min(it->start, start);
  }
}

const hs_database_t* StreamMatcher::start_database(std::uint32_t rule_index) {
  const StartFinder& finder = *rules_.rules[rule_index].start;
  const hs_database_t* db = finder.database();
  if (db == nullptr || scratch_fits_[rule_index]) return db;
  hs_scratch_t* scratch = scratch_.release();
  bool ok = hs_alloc_scratch(db, &scratch) == HS_SUCCESS;
  for (const hs_database_t* other : {finder.ends_database(), finder.prefix_database()}) {
    if (ok && other != nullptr) ok = hs_alloc_scratch(other, &scratch) == HS_SUCCESS;
  }
  scratch_.reset(scratch);
  if (!ok) return nullptr;
  scratch_fits_[rule_index] = true;
  return db;
}

std::pair<std::uint64_t, std::uint64_t> StreamMatcher::region_window(const Rule& rule,
                                                                     const Cluster& region) const {
  // The byte before the region is context only; the buffer runs max_width past the region so a
  // match starting inside it is seen whole, never cut short.
  std::uint64_t w0 = region.min_end > 0 ? region.min_end - 1 : 0;
  w0 = std::max(w0, window_.begin());
  std::uint64_t w1 = std::min<std::uint64_t>(offset_, region.max_end + rule.max_width);
  // A match must end inside the segment it starts in (decide_cluster), and a region never spans
  // two segments: the text after the segment can only end matches that are thrown away. Cutting
  // it off changes nothing for patterns without assertions (a `$` would match at the cut).
  if (rule.assertion_free) w1 = std::min(w1, region.end_limit);
  return {w0, std::max(w0, w1)};
}

void StreamMatcher::batch_candidates(const Rule& rule, std::size_t batch_window,
                                     std::vector<Candidate>& out) const {
  out.clear();
  const std::uint64_t w0 = region_batch_.origin(batch_window);
  for (const RegionBatch::Hit& h : region_batch_.hits(batch_window)) {
    keep_region_match(rule, out, w0, h.from, h.to);
  }
}

bool StreamMatcher::can_end_at(const Rule& rule, std::uint64_t end) const {
  return (rule.boundaries & kBoundaryEnd) == 0 || boundary_at(end);
}

void StreamMatcher::keep_region_match(const Rule& rule, std::vector<Candidate>& candidates,
                                      std::uint64_t w0, std::uint64_t start,
                                      std::uint64_t end) const {
  // The byte before a region's window is context only; a match starting on it is not the region's.
  if (start == w0 && w0 != 0) return;
  // decide_cluster would drop it: a run like `[A-Za-z0-9+/]{4,1024}` ends at every byte.
  if (!can_end_at(rule, end)) return;
  keep_leftmost(candidates, start, end);
}

void StreamMatcher::region_candidates(std::uint32_t rule_index, const Cluster& region,
                                      std::vector<Candidate>& out) {
  const Rule& rule = rules_.rules[rule_index];
  out.clear();
  const hs_database_t* db = start_database(rule_index);
  const hs_database_t* ends_db = rule.start->ends_database();
  if (db == nullptr || ends_db == nullptr) return;
  const auto [w0, w1] = region_window(rule, region);
  if (w1 <= w0) return;
  block_scan(ends_db, window_.view(w0, w1, scratch_text_), scan_hits_);
  const bool probe = rule.start->method() == StartFinder::Method::kAnchoredProbe;
  for (const Hit& h : scan_hits_) {
    const std::uint64_t end = w0 + h.to;
    if (probe) {
      if (!can_end_at(rule, end)) continue;
      // The probe already returns the leftmost start: one probe per distinct end.
      const bool seen =
          std::any_of(out.begin(), out.end(), [&](const Candidate& c) { return c.end == end; });
      if (seen) continue;
      const std::uint64_t lowest = std::max(w0, end > rule.max_width ? end - rule.max_width : 0);
      if (auto start = leftmost_start(rule_index, end, lowest)) out.push_back({*start, end, 0});
      continue;
    }
    keep_region_match(rule, out, w0, w0 + h.from, end);
  }
}

bool StreamMatcher::probes(const Rule& rule) {
  return rule.anchored && rule.start->prefix_database() != nullptr;
}

void StreamMatcher::probe_candidates(std::uint32_t rule_index, const Cluster& region,
                                     std::vector<Candidate>& out) {
  const Rule& rule = rules_.rules[rule_index];
  out.clear();
  if (start_database(rule_index) == nullptr) return;  // grows the scratch for the prefix database
  const hs_database_t* db = rule.start->prefix_database();
  // A match holds an anchor at most anchor_lead bytes after its start, so its start is one of
  // these: each anchor's start and the lead bytes before it, inside the region.
  std::vector<std::uint64_t>& starts = ends_;
  starts.clear();
  const std::uint64_t lowest = std::max(region.min_end, window_.begin());
  for (const Hit& anchor : region.hits) {
    const std::uint64_t first = anchor.from > rule.anchor_lead ? anchor.from - rule.anchor_lead : 0;
    for (std::uint64_t s = std::max(first, lowest); s <= anchor.from; ++s) starts.push_back(s);
  }
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  const std::uint64_t limit = std::min<std::uint64_t>(offset_, region.end_limit);
  for (std::uint64_t s : starts) {
    if (s >= limit) break;
    const std::uint64_t w1 = std::min<std::uint64_t>(limit, s + rule.max_width);
    block_scan(db, window_.view(s, w1, scratch_text_), scan_hits_);
    for (const Hit& h : scan_hits_) {
      if (can_end_at(rule, s + h.to)) keep_leftmost(out, s, s + h.to);
    }
  }
}

void StreamMatcher::first_candidates(std::uint32_t rule_index, const Cluster& cluster,
                                     std::vector<Candidate>& out) {
  const Rule& rule = rules_.rules[rule_index];
  out.clear();
  auto add = [&](std::uint64_t start, std::uint64_t end) { keep_leftmost(out, start, end); };
  if (rules_.start_mode == StartOffsetMode::kSomLeftmost) {
    for (const Hit& hit : cluster.hits) add(hit.from, hit.to);
    return;
  }
  std::vector<std::uint64_t>& ends = ends_;
  ends.clear();
  for (const Hit& hit : cluster.hits) ends.push_back(hit.to);
  std::sort(ends.begin(), ends.end());
  ends.erase(std::unique(ends.begin(), ends.end()), ends.end());

  const hs_database_t* db = start_database(rule_index);
  if (db == nullptr) return;
  if (rule.start->method() == StartFinder::Method::kAnchoredProbe) {
    for (std::uint64_t end : ends) {
      const std::uint64_t lowest = end > rule.max_width ? end - rule.max_width : 0;
      if (auto start = leftmost_start(rule_index, end, lowest)) add(*start, end);
    }
    return;
  }
  // One block scan with leftmost start tracking over the window that can hold every match of the
  // cluster; the extra byte in front gives `\b` and `^` their real context and can never start a
  // match itself (it is further than max_width from every end).
  const std::uint64_t reach = rule.max_width + 1ULL;
  std::uint64_t w0 = cluster.min_end > reach ? cluster.min_end - reach : 0;
  w0 = std::max(w0, window_.begin());
  block_scan(db, window_.view(w0, cluster.max_end, scratch_text_), scan_hits_);
  for (const Hit& h : scan_hits_) {
    if (h.from == 0 && w0 != 0) continue;
    const std::uint64_t end = w0 + h.to;
    if (std::binary_search(ends.begin(), ends.end(), end)) add(w0 + h.from, end);
  }
}

std::optional<std::uint64_t> StreamMatcher::leftmost_start(std::uint32_t rule_index,
                                                           std::uint64_t end,
                                                           std::uint64_t min_start) {
  const Rule& rule = rules_.rules[rule_index];
  const hs_database_t* db = start_database(rule_index);
  if (db == nullptr) return std::nullopt;
  min_start = std::max(min_start, window_.begin());
  if (end < rule.min_width || min_start > end - rule.min_width) return std::nullopt;
  if (rule.start->method() == StartFinder::Method::kAnchoredProbe) {
    for (std::uint64_t s = min_start; s + rule.min_width <= end; ++s) {
      const std::string_view text = window_.view(s, end, scratch_text_);
      bool matched = false;
      hs_scan(db, text.data(), static_cast<unsigned>(text.size()), 0, scratch_.get(), stop_at_first,
              &matched);
      if (matched) return s;
    }
    return std::nullopt;
  }
  // Without look-behind assertions the window starts right at min_start, so that a match one
  // byte earlier cannot hide the leftmost start we want. With them, the byte before is needed as
  // context, at the price of missing a later start in that rare case.
  const std::uint64_t w0 =
      (rule.start_needs_context && min_start > window_.begin()) ? min_start - 1 : min_start;
  block_scan(db, window_.view(w0, end, scratch_text_), start_hits_);
  std::optional<std::uint64_t> best;
  for (const Hit& h : start_hits_) {
    if (w0 + h.to != end || w0 + h.from < min_start) continue;
    if (!best || w0 + h.from < *best) best = w0 + h.from;
  }
  return best;
}

bool StreamMatcher::boundary_at(std::uint64_t pos) const {
  if (pos == 0 || pos >= offset_) return true;
  // Context that already left the window cannot be checked; only keywords at its very edge get
  // here.
  if (pos - 1 < window_.begin()) return true;
  return !is_word_byte(window_.at(pos - 1)) || !is_word_byte(window_.at(pos));
}

void StreamMatcher::decide_cluster(std::uint32_t rule_index, const Cluster& cluster,
                                   MatchSink& sink, std::size_t batch_window) {
  const Rule& rule = rules_.rules[rule_index];
  RuleState& state = states_[rule_index];
  // A min-heap on the member vector: leftmost first, longest first at equal start, the order a
  // regex engine would report them in.
  auto later = [](const Candidate& a, const Candidate& b) {
    return a.start != b.start ? a.start > b.start : a.end < b.end;
  };
  std::vector<Candidate>& queue = queue_;
  if (batch_window != kNotBatched) {
    batch_candidates(rule, batch_window, queue);
  } else if (cluster.gated && probes(rule)) {
    probe_candidates(rule_index, cluster, queue);
  } else if (cluster.gated) {
    region_candidates(rule_index, cluster, queue);
  } else {
    first_candidates(rule_index, cluster, queue);
  }
  std::make_heap(queue.begin(), queue.end(), later);
  auto push = [&](const Candidate& c) {
    queue.push_back(c);
    std::push_heap(queue.begin(), queue.end(), later);
  };

  auto retry = [&](const Candidate& c, std::uint64_t min_start) {
    if (c.retries >= kMaxRetriesPerEnd) return;
    if (auto start = leftmost_start(rule_index, c.end, min_start)) {
      push({*start, c.end, c.retries + 1});
    }
  };

  std::string& text_scratch = decide_text_;
  while (!queue.empty()) {
    std::pop_heap(queue.begin(), queue.end(), later);
    const Candidate c = queue.back();
    queue.pop_back();
    if (c.start < state.last_accepted_end) {
      retry(c, state.last_accepted_end);
      continue;
    }
    const Segment* segment = nullptr;
    if (segmented_) {
      // Macie: the whole match sits in one cell or value. A match reaching back over a segment
      // boundary may still have a start inside the segment its end is in.
      segment = segment_at(c.start);
      if (segment == nullptr || c.end > segment->end) {
        const Segment* last = segment_at(c.end - 1);
        if (last != nullptr && last->start > c.start) retry(c, last->start);
        continue;
      }
    }
    if ((rule.boundaries & kBoundaryStart) != 0 && !boundary_at(c.start)) {
      retry(c, c.start + 1);
      continue;
    }
    if ((rule.boundaries & kBoundaryEnd) != 0 && !boundary_at(c.end)) continue;
    const std::string_view matched = window_.view(c.start, c.end, text_scratch);
    if (rule.validator != nullptr && !rule.validator(matched)) {
      retry(c, c.start + 1);
      continue;
    }
    // A match that passed its own checks owns its span, even if a filter below drops it.
    state.last_accepted_end = c.end;
    if (rule.proximity != Proximity::kNone && !keyword_near(rule, c.start, c.end, segment)) {
      continue;
    }
    bool ignored = false;
    for (const std::string& word : rule.ignore_words) {
      ignored = ignored || matched.find(word) != std::string_view::npos;
    }
    if (ignored) continue;
    std::uint64_t start = c.start;
    if (rule.report_tail_bytes != 0 && c.end - c.start > rule.report_tail_bytes) {
      start = c.end - rule.report_tail_bytes;
    }
    const std::string_view found = window_.view(start, c.end, text_scratch);
    if (allowed(found)) continue;
    Pending pending{rule_index,
                    start,
                    c.end,
                    segment != nullptr ? segment->index : kNoSegment,
                    segment != nullptr ? segment->start : 0,
                    {},
                    0,
                    0,
                    0};
    if (sink.on_accept(rule_index, start, c.end, found, pending.preview)) {
      pending_.push_back(std::move(pending));
    }
  }
}

bool StreamMatcher::is_whole_word(KeywordHit& hit) {
  if (!boundary_at(hit.end)) return false;  // the cheap test first: no start recovery needed
  if (!keyword_start(hit)) return true;     // start unknown: keep the region, decide later
  return boundary_at(hit.start);
}

bool StreamMatcher::keyword_start(KeywordHit& hit) {
  if (hit.start != kUnknown) return true;
  const std::uint64_t width = rules_.keyword_max_width[hit.keyword];
  const std::uint64_t w0 = std::max(hit.end > width ? hit.end - width : 0, window_.begin());
  const auto length = rules_.keyword_shapes[hit.keyword].longest_match_ending_at(
      window_.view(w0, hit.end, scratch_text_));
  if (length) hit.start = hit.end - *length;
  return hit.start != kUnknown;
}

std::uint64_t StreamMatcher::chars_between(std::uint64_t from, std::uint64_t to) const {
  if (to <= from) return 0;
  if (from < window_.begin()) return kUnknown;
  std::uint64_t n = 0;
  window_.for_each_piece(from, to, [&](std::string_view piece) { n += count_code_points(piece); });
  return n;
}

bool StreamMatcher::keyword_near(const Rule& rule, std::uint64_t start, std::uint64_t end,
                                 const Segment* segment) {
  if (segment != nullptr) {
    const auto rule_index = static_cast<std::uint32_t>(&rule - rules_.rules.data());
    if (std::binary_search(segment->context_rules.begin(), segment->context_rules.end(),
                           rule_index)) {
      return true;
    }
  }
  const std::uint64_t first_end = start > rule.lookback_bytes ? start - rule.lookback_bytes : 0;
  const std::uint64_t last_end = end + rule.lookahead_bytes;
  auto it = std::lower_bound(keyword_hits_.begin(), keyword_hits_.end(), first_end,
                             [](const KeywordHit& h, std::uint64_t e) { return h.end < e; });
  for (; it != keyword_hits_.end() && it->end <= last_end; ++it) {
    if (!rule.has_keyword(it->keyword) || !keyword_start(*it)) continue;
    const KeywordHit& kw = *it;
    if (segment != nullptr && (kw.start < segment->start || kw.end > segment->end)) continue;
    if (rule.proximity == Proximity::kPreceding) {
      if (kw.start <= start && kw.end <= end &&
          chars_between(kw.end, end) <= rule.keyword_distance) {
        return true;
      }
      continue;
    }
    // Managed identifiers: whole-word keyword, within the window on either side, or touching.
    if (!boundary_at(kw.start) || !boundary_at(kw.end)) continue;
    if (kw.end <= start) {
      if (chars_between(kw.end, start) <= rule.keyword_distance) return true;
    } else if (kw.start >= end) {
      if (chars_between(end, kw.start) <= rule.keyword_distance) return true;
    } else {
      return true;
    }
  }
  return false;
}

bool StreamMatcher::allowed(std::string_view text) {
  if (!rules_.allow_texts_folded.empty() && rules_.allow_texts_folded.count(fold_case(text)) != 0) {
    return true;
  }
  if (!rules_.allow_regex_db) return false;
  bool matched = false;
  hs_scan(rules_.allow_regex_db.get(), text.data(), static_cast<unsigned>(text.size()), 0,
          scratch_.get(), stop_at_first, &matched);
  return matched;
}

std::uint64_t StreamMatcher::keep_from() const {
  std::uint64_t keep = offset_ > rules_.history_bytes ? offset_ - rules_.history_bytes : 0;
  for (std::uint32_t r = 0; r < states_.size(); ++r) {
    if (states_[r].clusters.empty()) continue;
    const Rule& rule = rules_.rules[r];
    const std::uint64_t reach = rule.max_width + 1ULL + rule.lookback_bytes;
    const std::uint64_t min_end = states_[r].clusters.front().min_end;
    keep = std::min(keep, min_end > reach ? min_end - reach : 0);
  }
  return keep;
}

StreamMatcher::Status StreamMatcher::retire(std::uint64_t keep_from, MatchSink& sink) {
  keep_from = std::max(keep_from, window_.begin());
  // Positions about to leave the window get their line and column now, walking forward once.
  std::vector<RetireEvent>& events = retire_events_;
  events.clear();
  for (std::size_t i = 0; i < pending_.size(); ++i) {
    const Pending& p = pending_[i];
    if (p.line == 0 && p.start < keep_from) events.push_back({p.start, i, false});
    if (p.end_line == 0 && p.end - 1 < keep_from) events.push_back({p.end - 1, i, true});
  }
  std::sort(events.begin(), events.end(),
            [](const RetireEvent& a, const RetireEvent& b) { return a.pos < b.pos; });
  for (const RetireEvent& e : events) {
    lines_.advance_to(e.pos, window_);
    Pending& p = pending_[e.index];
    if (e.is_end) {
      p.end_line = lines_.line();
    } else {
      p.line = lines_.line();
      p.column = lines_.column();
    }
  }
  lines_.advance_to(keep_from, window_);

  // Hand over located occurrences in text order; keep the rest waiting, in place. Once per feed:
  // buffers are reused rather than allocated every time.
  std::vector<Pending>& done = retired_;
  done.clear();
  std::size_t waiting = 0;
  for (Pending& p : pending_) {
    if (p.end_line != 0) {
      done.push_back(std::move(p));
    } else {
      if (&pending_[waiting] != &p) pending_[waiting] = std::move(p);
      ++waiting;
    }
  }
  pending_.erase(pending_.begin() + static_cast<std::ptrdiff_t>(waiting), pending_.end());
  std::sort(done.begin(), done.end(),
            [](const Pending& a, const Pending& b) { return a.start < b.start; });
  Status status = Status::kOk;
  for (Pending& p : done) {
    if (status != Status::kOk) break;
    Occurrence occurrence{p.start - p.segment_start,
                          p.end - p.segment_start,
                          p.line,
                          p.column,
                          p.end_line,
                          std::move(p.preview),
                          {}};
    if (!sink.on_located(p.rule, std::move(occurrence), p.segment)) status = Status::kStopped;
  }

  while (!keyword_hits_.empty() && keyword_hits_.front().end < keep_from) keyword_hits_.pop_front();
  while (!segments_.empty() && segments_.front().end <= keep_from) {
    next_live_segment_ = segments_.front().index + 1;
    segments_.pop_front();
  }
  window_.commit(keep_from);
  return status;
}

}  // namespace tamis::match

namespace tamis::match {

void StreamMatcher::begin_segment(std::uint64_t index, std::span<const std::uint32_t> context_rules,
                                  std::uint64_t at) {
  segmented_ = true;
  for (std::uint32_t r : context_rules) {
    states_[r].clusters.push_back(Cluster{at, kOpenEnd, {}, true, true});
  }
  segments_.push_back(Segment{index, at, kOpenEnd, context_rules});
}

void StreamMatcher::end_segment(std::uint64_t at) {
  if (segments_.empty() || segments_.back().end != kOpenEnd) return;
  Segment& segment = segments_.back();
  segment.end = at;
  for (std::uint32_t r : segment.context_rules) {
    // Only the newest open region can belong to this segment; search from the back.
    auto& clusters = states_[r].clusters;
    for (auto it = clusters.rbegin(); it != clusters.rend(); ++it) {
      if (!it->open) continue;
      // A value too short to hold a match (a masked "***-**-1305" for a 13-character rule) is not
      // searched at all: a block scan costs ~150 ns to start, however short the value.
      if (it->hits.empty() && at - it->min_end < rules_.rules[r].min_width) {
        clusters.erase(std::next(it).base());
      } else {
        it->open = false;
        it->max_end = at;
        it->end_limit = at;
      }
      break;
    }
  }
}

// A huge segment (a long JSON string) must not hold the window open: its context regions are
// closed and reopened as the data passes, each piece decided on its own.
void StreamMatcher::split_long_segment_regions() {
  if (segments_.empty() || segments_.back().end != kOpenEnd) return;
  for (std::uint32_t r : segments_.back().context_rules) {
    auto& clusters = states_[r].clusters;
    if (clusters.empty() || !clusters.back().open) continue;
    if (offset_ <= clusters.back().min_end + kMaxClusterSpan) continue;
    clusters.back().open = false;
    clusters.back().max_end = offset_;
    clusters.push_back(Cluster{offset_, kOpenEnd, {}, true, true});
  }
}

const StreamMatcher::Segment* StreamMatcher::segment_at(std::uint64_t pos) const {
  auto it = std::upper_bound(segments_.begin(), segments_.end(), pos,
                             [](std::uint64_t p, const Segment& s) { return p < s.start; });
  if (it == segments_.begin()) return nullptr;
  --it;
  return pos < it->end ? &*it : nullptr;
}

std::uint64_t StreamMatcher::oldest_live_segment() const {
  std::uint64_t oldest = segments_.empty() ? next_live_segment_ : segments_.front().index;
  for (const Pending& p : pending_) {
    if (p.segment != kNoSegment) oldest = std::min(oldest, p.segment);
  }
  return oldest;
}

std::vector<std::uint32_t> StreamMatcher::context_rules(const std::vector<std::string>& names) {
  std::vector<std::uint32_t> out;
  if (rules_.keywords.empty()) return out;
  for (const std::string& name : names) {
    if (rules_.has_word_keywords()) {
      // Whole words by construction, and only managed identifiers' keywords.
      word_hits_.clear();
      WordKeywordFinder(rules_.short_keywords, rules_.long_keywords).find_all(name, word_hits_);
      for (const WordKeywordHit& h : word_hits_) {
        const auto& rules = rules_.keyword_rules[rules_.targets[h.id].index];
        out.insert(out.end(), rules.begin(), rules.end());
      }
      word_hits_.clear();
    }
    if (!rules_.stream_db) continue;
    // The stream database finds where keywords end in the name, the keyword's shape where each
    // starts. The object's own stream is between feeds here, so the scratch is free.
    keyword_scan_.clear();
    hs_stream_t* stream = nullptr;
    if (hs_open_stream(rules_.stream_db.get(), 0, &stream) != HS_SUCCESS) continue;
    hs_scan_stream(stream, name.data(), static_cast<unsigned>(name.size()), 0, scratch_.get(),
                   on_hit_into, &keyword_scan_);
    hs_close_stream(stream, scratch_.get(), on_hit_into, &keyword_scan_);
    for (const Hit& h : keyword_scan_) {
      const ExpressionTarget& target = rules_.targets[h.id];
      if (target.kind != ExpressionTarget::Kind::kKeyword) continue;
      const auto length = rules_.keyword_shapes[target.index].longest_match_ending_at(
          std::string_view(name).substr(0, h.to));
      if (!length) continue;
      const std::uint64_t from = h.to - *length;
      auto word_byte = [&](std::uint64_t i) {
        return i < name.size() && is_word_byte(static_cast<unsigned char>(name[i]));
      };
      // Same whole-word rule as in text: "ssn" in "ssn_hash" counts, "tin" in "setting" does not.
      const bool whole = (from == 0 || !word_byte(from - 1) || !word_byte(from)) &&
                         (h.to >= name.size() || !word_byte(h.to) || !word_byte(h.to - 1));
      for (std::uint32_t r : rules_.keyword_rules[target.index]) {
        if (rules_.rules[r].proximity == Proximity::kEitherSide && !whole) continue;
        // An anchor is part of the match, not context: naming a column after it says nothing.
        if (rules_.rules[r].anchored) continue;
        out.push_back(r);
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace tamis::match
