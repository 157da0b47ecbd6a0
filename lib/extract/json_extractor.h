// Streaming JSON and JSON Lines extraction: bytes in, one segment per string, number and object
// key out, each with its record index, JSONPath and the key names on its path as keywords.
//
// A push parser: feed() accepts chunks split anywhere (inside strings, escapes, numbers, multi-byte
// characters, surrogate pairs) and keeps only the path's keys, one partial piece of text and a few
// scalars between calls, so memory stays bounded whatever the document's size.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/segment.h"
#include "report/result.h"

namespace tamis {

struct JsonOptions {
  // JSON Lines: every non-empty line is a record of its own; a bad line is counted and skipped.
  bool lines = false;
  // Macie's limit; one level deeper stops extraction with JSON_NESTING_LEVEL_OVER_LIMIT.
  std::uint32_t max_depth = 256;
  // Text of one string or number is handed to the sink in pieces of at most this many bytes.
  std::size_t max_piece = std::size_t{1} << 20;
  // Bytes of a key kept for the JSONPath and the keywords (the key's segment still gets all of it).
  std::size_t max_key_bytes = 1024;
};

class JsonExtractor {
 public:
  JsonExtractor(SegmentSink& sink, JsonOptions options);

  // Returns false once extraction has stopped (a fatal fault, the depth limit or the sink asking);
  // further calls do nothing.
  bool feed(std::string_view bytes);

  // Ends the input. COMPLETE, or PARTIAL with a reason (UNABLE_TO_PARSE_FILE,
  // JSON_NESTING_LEVEL_OVER_LIMIT, EXTRACTION_STOPPED) and a detail naming the fault and where.
  // Segments emitted before a fault stay emitted; an open segment is always ended.
  ObjectStatus finish();

  // For content sniffing (json_detect.h): what the bytes so far amounted to.
  std::uint64_t records_parsed() const { return records_parsed_; }
  std::uint64_t records_failed() const { return records_failed_; }
  bool failed() const { return fatal_ || records_failed_ > 0; }

 private:
  enum class State {
    kValue,        // a value is expected (top level, after ':' or after ',' in an array)
    kArrayFirst,   // after '[': a value or ']'
    kObjectFirst,  // after '{': a key or '}'
    kObjectKey,    // after ',' in an object: a key
    kColon,        // after a key
    kAfterValue,   // inside a container after a value: ',' or its closer
    kTopDone,      // the top-level value is complete: only whitespace may follow
    kString,
    kEscape,
    kUnicodeEscape,
    kNumber,
    kLiteral,        // true, false, null: checked, never emitted
    kByteOrderMark,  // inside a UTF-8 BOM at the very start
    kSkipLine,       // JSON Lines: the rest of a bad line
  };
  enum class NumberState {
    kSign,
    kZero,
    kInt,
    kDot,
    kFraction,
    kExponentMark,
    kExponentSign,
    kExponent
  };

  struct Frame {
    bool is_object = false;
    std::uint64_t index = 0;  // arrays: index of the current element
    std::string key;          // objects: the current member's key (at most max_key_bytes)
    // The key as a JSONPath member (".name" or "['odd name']"), rendered once per member rather
    // than once per value under it.
    std::string key_path;
    bool key_path_valid = false;
    // How to undo what entering this container added to the shared path and keywords.
    std::size_t parent_path_length = 1;
    bool parent_added_keyword = false;
  };

  // Consumes `c` unless it only ends a number and must be read again in the next state.
  bool consume(unsigned char c);
  void begin_value(unsigned char c);
  void push_container(bool is_object);
  void close_container();
  void value_done();
  void consume_escape(unsigned char c);
  void consume_unicode_digit(unsigned char c);
  void take_code_unit(char32_t unit);
  bool continue_number(unsigned char c);
  bool number_is_complete() const;
  void end_string();
  void end_record();
  void reset_record();

  // Segments.
  void open_segment(bool is_key);
  void append_text(std::string_view text);
  void flush_piece(bool final);
  void close_segment();
  bool start_key_segment_if_pending();
  // Makes key_ the innermost object's current key.
  void set_current_key();
  void flush_lone_surrogate();
  // The location of the segment about to begin, built in location_ (reused, so no allocation
  // once its buffers have grown).
  const SegmentLocation& location(bool for_key);
  // Whether `key` names a keyword not yet among the outer containers' (a repeated name counts
  // once).
  bool is_new_keyword(const std::string& key) const;

  // Faults.
  void syntax_error(const std::string& message);
  void fatal(const std::string& reason, const std::string& detail);
  void stop_by_sink();
  std::string position_text() const;
  std::string what_is_open() const;
  std::string what_was_kept() const;

  SegmentSink& sink_;
  JsonOptions options_;

  State state_ = State::kValue;
  std::vector<Frame> stack_;
  // The JSONPath and keywords of every container but the innermost (whose current key or index
  // changes with each member), so a segment's location costs one element, not the whole path.
  std::string outer_path_ = "$";
  std::vector<std::string> outer_keywords_;
  // Bumped whenever outer_path_ or outer_keywords_ change (a container opens or closes): while it
  // stays what location_ was built on, a location only replaces its last element.
  std::uint64_t outer_version_ = 0;
  std::uint64_t location_outer_version_ = UINT64_MAX;
  SegmentLocation location_;
  bool value_seen_ = false;  // the current document or line holds a value (or part of one)

  // The open segment, if any.
  bool segment_open_ = false;  // begin_segment called (or deferred for a key)
  bool segment_is_key_ = false;
  bool key_segment_started_ = false;  // a key's begin_segment waits for the whole key
  std::string piece_;
  std::string key_;
  bool key_full_ = false;

  // Escapes and numbers in progress.
  char32_t unicode_value_ = 0;
  int unicode_digits_ = 0;
  char32_t high_surrogate_ = 0;
  NumberState number_state_ = NumberState::kSign;
  std::string_view literal_;
  std::size_t literal_matched_ = 0;
  int bom_matched_ = 0;

  // Position of the byte being read.
  std::uint64_t offset_ = 0;
  std::uint64_t line_ = 0;  // 0-based: the record index in JSON Lines
  std::uint64_t line_start_ = 0;

  // Outcome.
  bool stopped_ = false;
  bool fatal_ = false;
  ObjectStatus status_;
  std::uint64_t segments_emitted_ = 0;
  std::uint64_t records_parsed_ = 0;
  std::uint64_t records_failed_ = 0;
  std::uint64_t first_bad_line_ = 0;  // 1-based, for people
  std::string first_bad_message_;
};

}  // namespace tamis
