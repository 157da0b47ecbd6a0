// Scanner: one per thread. Owns Hyperscan scratch and stream state and scans one object at a time,
// fed in chunks of any size; a match across a chunk boundary is found exactly once. Memory does not
// grow with the object: only a bounded window of recent bytes is kept.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "engine/engine.h"
#include "report/result.h"

namespace tamis {

struct ObjectScan;  // lib/engine/object_scan.h: per-object state behind the scanner

class Scanner {
 public:
  // Called for every occurrence that survives validation, keywords, ignore words and allow lists,
  // in addition to the aggregate result. Return false to stop scanning this object (status
  // PARTIAL). `object_path` names the object the occurrence is in: the member or attachment being
  // scanned, which for a spawned scanner is not the caller's object.
  using OccurrenceCallback = std::function<bool(const std::string& object_path,
                                                const Detection& detection, const Occurrence& occ)>;

  explicit Scanner(std::shared_ptr<const Engine> engine);
  ~Scanner();
  Scanner(Scanner&&) noexcept;
  Scanner& operator=(Scanner&&) noexcept;

  // Starts a new object; any object in progress is discarded.
  void begin(std::string path);
  // Feeds the next bytes of the object.
  void feed(std::string_view bytes);
  // Feeds text known to be well-formed UTF-8 (a text decoder's or normaliser's output): the same
  // as feed() but for the validation behind the INVALID_UTF8 diagnostic, which such text cannot
  // fail and which otherwise reads every byte once more.
  void feed_utf8(std::string_view text);
  // Structured objects (CSV, JSON, ...): the bytes fed between begin_segment and end_segment are
  // one value with its location. A match never spans two values; a keyword counts inside the same
  // value, and the location's context keywords (column name, JSON path keys) count for all of it.
  // Occurrences then carry the location and offsets relative to the value.
  void begin_segment(const SegmentLocation& location);
  void end_segment();
  // Records that the object could not be read to its end (the findings so far are kept).
  void fail(ObjectStatus status);
  // Ends the object and returns its result; the scanner is ready for the next begin().
  ObjectResult finish();

  // begin + feed + finish over bytes already in memory.
  ObjectResult scan(std::string path, std::string_view bytes);

  void set_occurrence_callback(OccurrenceCallback callback);

  const Engine& engine() const { return *engine_; }
  // The path given to begin() for the object being scanned (an archive member's nested path).
  const std::string& current_path() const;

  // Another scanner over the same engine with the same occurrence callback, for an object met
  // while this one is still open (an email's attachment).
  Scanner spawn() const;

 private:
  void feed_bytes(std::string_view bytes, bool known_valid);
  void scan_bytes(std::string_view bytes, bool count = true, bool known_valid = false);
  void flush_batch();

  std::shared_ptr<const Engine> engine_;
  std::unique_ptr<ObjectScan> scan_;
};

}  // namespace tamis
