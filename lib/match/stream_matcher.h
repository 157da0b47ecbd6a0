// Scans one object as a stream against the engine's compiled rules and decides every hit:
// exact start offset, word boundaries, validator, keyword proximity, ignore words, allow lists.
// Owns the Hyperscan scratch and stream; one per Scanner, one object at a time.
#pragma once

#include <hs/hs.h>

#include <cstdint>
#include <deque>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/vector_queue.h"
#include "match/compiled_rules.h"
#include "match/line_tracker.h"
#include "match/match_sink.h"
#include "match/region_batch.h"
#include "match/text_window.h"
#include "match/word_keyword_finder.h"

namespace tamis::match {

class StreamMatcher {
 public:
  enum class Status : std::uint8_t { kOk, kStopped, kFailed };

  explicit StreamMatcher(const CompiledRules& rules);
  ~StreamMatcher();
  StreamMatcher(const StreamMatcher&) = delete;
  StreamMatcher& operator=(const StreamMatcher&) = delete;

  // Starts a new object; anything in progress is dropped.
  Status begin();
  Status feed(std::string_view bytes, MatchSink& sink);
  // Reports matches anchored at the end, decides everything still pending.
  Status finish(MatchSink& sink);

  // Structured objects: the bytes fed between begin_segment and end_segment form one segment (a
  // CSV cell, a JSON value). A match never spans two segments; a keyword counts only inside the
  // match's own segment; and `context_rules` (sorted indices of the rules whose keyword is the
  // column name or a key on the JSON path, see context_rules()) hold for every match in it.
  // `at` is the offset where the segment starts or ends; it may lie beyond the bytes fed so far,
  // so callers can batch many small segments into one feed().
  // `context_rules` must stay alive until the object is finished (the caller caches them).
  void begin_segment(std::uint64_t index, std::span<const std::uint32_t> context_rules,
                     std::uint64_t at);
  void end_segment(std::uint64_t at);
  // The rules whose keywords appear in these names (whole words for managed identifiers).
  std::vector<std::uint32_t> context_rules(const std::vector<std::string>& names);
  // Segments below this index are no longer referenced by anything pending.
  std::uint64_t oldest_live_segment() const;

  std::uint64_t offset() const { return offset_; }
  const std::string& error() const { return error_; }

 private:
  struct Hit {
    std::uint32_t id;
    std::uint64_t from;  // exact only with StartOffsetMode::kSomLeftmost
    std::uint64_t to;
  };
  // Nearby hits of one rule, decided together. For a keyword-gated rule it is instead a region
  // around keyword hits: [min_end, max_end) bounds where its matches may start and end.
  struct Cluster {
    std::uint64_t min_end = 0;
    std::uint64_t max_end = 0;
    std::vector<Hit> hits;
    bool gated = false;
    bool open = false;  // a segment's context region whose segment has not ended yet
    // Where the region's segment ends, once known: no match may end after it.
    std::uint64_t end_limit = std::numeric_limits<std::uint64_t>::max();
  };
  struct Segment {
    std::uint64_t index;
    std::uint64_t start;
    std::uint64_t end;  // kOpenEnd until end_segment()
    std::span<const std::uint32_t> context_rules;
  };
  struct RuleState {
    VectorQueue<Cluster> clusters;
    std::uint64_t last_accepted_end = 0;
  };
  struct KeywordHit {
    std::uint32_t keyword;
    std::uint64_t start;  // kUnknown until recovered
    std::uint64_t end;
  };
  // Where matches near one keyword hit may end (before it) or start (after it).
  struct KeywordReach {
    std::uint64_t keyword_start = 0;
    std::uint64_t keyword_end = 0;
    std::uint32_t distance = 0;
    std::uint64_t first_end = 0;
    std::uint64_t last_start = 0;
  };
  struct Pending {  // accepted, waiting for its line and column
    std::uint32_t rule;
    std::uint64_t start;
    std::uint64_t end;
    std::uint64_t segment = kNoSegment;
    std::uint64_t segment_start = 0;
    std::string preview;
    std::uint64_t line = 0;
    std::uint64_t column = 0;
    std::uint64_t end_line = 0;
  };
  struct Candidate {
    std::uint64_t start;
    std::uint64_t end;
    std::uint32_t retries;
  };
  struct RetireEvent {  // a pending match's start or last byte, about to leave the window
    std::uint64_t pos;
    std::size_t index;
    bool is_end;
  };

  static int on_hit(unsigned int id, unsigned long long from, unsigned long long to,
                    unsigned int flags, void* context);
  static int on_hit_into(unsigned int id, unsigned long long from, unsigned long long to,
                         unsigned int flags, void* context);
  void block_scan(const hs_database_t* db, std::string_view text, std::vector<Hit>& out);
  // Adds word_hits_ to hits_, which stay in end order where Hyperscan left them so.
  void merge_word_hits();

  Status after_scan(MatchSink& sink, bool final);
  void route_hits();
  void decide_ready_clusters(bool final, MatchSink& sink);
  // Decides the first `count` clusters of a keyword-gated rule, all ready, with their windows
  // searched together (region_batch.h) as far as that is exact, then removes them.
  void decide_batched_regions(std::uint32_t rule_index, std::size_t count, MatchSink& sink);
  // `batch_window`: the cluster's window in region_batch_, when its candidates come from there.
  static constexpr std::size_t kNotBatched = static_cast<std::size_t>(-1);
  void decide_cluster(std::uint32_t rule_index, const Cluster& cluster, MatchSink& sink,
                      std::size_t batch_window = kNotBatched);
  // One candidate per end, with the leftmost start reported for it.
  static void keep_leftmost(std::vector<Candidate>& candidates, std::uint64_t start,
                            std::uint64_t end);
  const hs_database_t* start_database(std::uint32_t rule_index);
  void first_candidates(std::uint32_t rule_index, const Cluster& cluster,
                        std::vector<Candidate>& out);
  // The leftmost start >= min_start of a match of the rule ending exactly at `end`.
  std::optional<std::uint64_t> leftmost_start(std::uint32_t rule_index, std::uint64_t end,
                                              std::uint64_t min_start);
  bool boundary_at(std::uint64_t pos) const;
  bool keyword_near(const Rule& rule, std::uint64_t start, std::uint64_t end,
                    const Segment* segment);
  void open_region(std::uint32_t rule_index, std::uint32_t keyword, std::uint64_t keyword_end);
  // The text a region's matches can lie in: [first, second). Empty when nothing is left of it.
  std::pair<std::uint64_t, std::uint64_t> region_window(const Rule& rule,
                                                        const Cluster& region) const;
  void region_candidates(std::uint32_t rule_index, const Cluster& region,
                         std::vector<Candidate>& out);
  // An anchored rule's region is decided by probing from each start its anchors allow
  // (StartFinder::prefix_database) rather than by searching the whole window.
  static bool probes(const Rule& rule);
  void probe_candidates(std::uint32_t rule_index, const Cluster& region,
                        std::vector<Candidate>& out);
  // keep_leftmost for a match found in a region's window starting at w0 (region_window).
  void keep_region_match(const Rule& rule, std::vector<Candidate>& candidates, std::uint64_t w0,
                         std::uint64_t start, std::uint64_t end) const;
  // region_candidates from a batch's hits for one window, which must be exact.
  void batch_candidates(const Rule& rule, std::size_t batch_window,
                        std::vector<Candidate>& out) const;
  // False when a match of the rule ending at `end` fails its end boundary (decided or not, it
  // would be dropped).
  bool can_end_at(const Rule& rule, std::uint64_t end) const;
  bool keyword_start(KeywordHit& hit);
  bool is_whole_word(KeywordHit& hit);
  bool allowed(std::string_view text);
  const Segment* segment_at(std::uint64_t pos) const;
  void split_long_segment_regions();
  std::uint64_t chars_between(std::uint64_t from, std::uint64_t to) const;
  std::uint64_t keep_from() const;
  Status retire(std::uint64_t keep_from, MatchSink& sink);

  const CompiledRules& rules_;
  HsScratch scratch_;
  hs_stream_t* stream_ = nullptr;
  std::uint64_t offset_ = 0;
  bool final_ = false;
  TextWindow window_;
  LineTracker lines_;
  std::vector<Hit> hits_;
  WordKeywordFinder words_;
  std::vector<WordKeywordHit> word_hits_;
  std::vector<RuleState> states_;
  std::vector<bool> scratch_fits_;  // per rule: scratch_ was grown for its start database
  std::deque<KeywordHit> keyword_hits_;
  KeywordReach keyword_reach_;
  VectorQueue<Segment> segments_;
  bool segmented_ = false;
  std::uint64_t next_live_segment_ = 0;
  std::vector<Pending> pending_;
  std::vector<RetireEvent> retire_events_;  // retire()'s, reused
  std::vector<Pending> retired_;            // retire()'s, reused
  std::string scratch_text_;
  // Reused buffers of the per-hit work (block scans, candidate heaps), one per use so that no
  // caller's buffer is overwritten by a callee.
  std::vector<Hit> scan_hits_;
  std::vector<Hit> start_hits_;
  std::vector<Hit> keyword_scan_;
  std::vector<Candidate> queue_;
  RegionBatch region_batch_;
  std::vector<std::uint64_t> ends_;
  std::string decide_text_;
  std::string error_;
};

}  // namespace tamis::match
