#include "extract/json_extractor.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <utility>
#include <variant>

#include "extract/json_path.h"
#include "extract/json_text.h"

namespace tamis {

namespace {

constexpr unsigned char kByteOrderMark[3] = {0xEF, 0xBB, 0xBF};

bool is_whitespace(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// Bytes a string copies as they are: everything but its terminator, escapes and raw control
// characters (which JSON forbids inside strings).
bool is_plain_string_byte(unsigned char c) { return c != '"' && c != '\\' && c >= 0x20; }

// The end of the run of plain string bytes that starts at `from`: eight bytes per step, since
// string contents are most of a JSON document. Each test's lowest flagged byte is exact (a borrow
// can only flag bytes above a real hit), so the lowest of the three is the first non-plain byte.
std::size_t plain_string_run_end(std::string_view bytes, std::size_t from) {
  std::size_t i = from;
  if constexpr (std::endian::native == std::endian::little) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
    const auto zero_bytes = [](std::uint64_t x) { return (x - kOnes) & ~x & kHighs; };
    while (i + 8 <= bytes.size()) {
      std::uint64_t word = 0;
      std::memcpy(&word, bytes.data() + i, sizeof word);
      const std::uint64_t stops = zero_bytes(word ^ (kOnes * '"')) |
                                  zero_bytes(word ^ (kOnes * '\\')) |
                                  ((word - kOnes * 0x20) & ~word & kHighs);  // bytes below 0x20
      if (stops != 0) return i + static_cast<std::size_t>(std::countr_zero(stops)) / 8;
      i += 8;
    }
  }
  while (i < bytes.size() && is_plain_string_byte(static_cast<unsigned char>(bytes[i]))) ++i;
  return i;
}

int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string describe(unsigned char c) {
  if (c == ' ') return "a space";
  if (c > 0x20 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
  char hex[16];
  std::snprintf(hex, sizeof hex, "byte 0x%02X", static_cast<unsigned>(c));
  return hex;
}

}  // namespace

JsonExtractor::JsonExtractor(SegmentSink& sink, JsonOptions options)
    : sink_(sink), options_(options) {
  // A piece must hold any one UTF-8 character, and a key kept for the path never outgrows a piece
  // (so a key's segment can always start once its first piece is full).
  options_.max_piece = std::max<std::size_t>(options_.max_piece, 4);
  options_.max_key_bytes = std::min(options_.max_key_bytes, options_.max_piece);
}

bool JsonExtractor::feed(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size() && !stopped_) {
    if (state_ == State::kString) {
      const std::size_t end = plain_string_run_end(bytes, i);
      if (end > i) {
        flush_lone_surrogate();
        append_text(bytes.substr(i, end - i));
        offset_ += end - i;
        i = end;
        continue;
      }
    } else if (state_ == State::kNumber &&
               (number_state_ == NumberState::kInt || number_state_ == NumberState::kFraction ||
                number_state_ == NumberState::kExponent)) {
      std::size_t end = i;
      while (end < bytes.size() && is_digit(static_cast<unsigned char>(bytes[end]))) ++end;
      if (end > i) {
        append_text(bytes.substr(i, end - i));
        offset_ += end - i;
        i = end;
        continue;
      }
    } else if (state_ == State::kSkipLine) {
      const std::size_t newline = bytes.find('\n', i);
      const std::size_t end = newline == std::string_view::npos ? bytes.size() : newline;
      if (end > i) {
        offset_ += end - i;
        i = end;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (consume(c)) {
      ++i;
      ++offset_;
      if (c == '\n') {
        ++line_;
        line_start_ = offset_;
      }
    }
  }
  return !stopped_;
}

bool JsonExtractor::consume(unsigned char c) {
  if (options_.lines && c == '\n') {
    end_record();
    return true;
  }
  switch (state_) {
    case State::kValue:
      if (!is_whitespace(c)) begin_value(c);
      return true;
    case State::kArrayFirst:
      if (is_whitespace(c)) return true;
      if (c == ']') {
        close_container();
      } else {
        begin_value(c);
      }
      return true;
    case State::kObjectFirst:
    case State::kObjectKey:
      if (is_whitespace(c)) return true;
      if (c == '"') {
        open_segment(/*is_key=*/true);
        state_ = State::kString;
      } else if (c == '}' && state_ == State::kObjectFirst) {
        close_container();
      } else {
        syntax_error("unexpected " + describe(c) + " where an object key (a string) was expected");
      }
      return true;
    case State::kColon:
      if (is_whitespace(c)) return true;
      if (c == ':') {
        state_ = State::kValue;
      } else {
        syntax_error("unexpected " + describe(c) + " where ':' was expected after a key");
      }
      return true;
    case State::kAfterValue: {
      if (is_whitespace(c)) return true;
      Frame& frame = stack_.back();
      if (c == ',') {
        if (frame.is_object) {
          state_ = State::kObjectKey;
        } else {
          ++frame.index;
          state_ = State::kValue;
        }
      } else if ((c == '}' && frame.is_object) || (c == ']' && !frame.is_object)) {
        close_container();
      } else {
        syntax_error("unexpected " + describe(c) + " where ',' or '" +
                     (frame.is_object ? "}" : "]") + "' was expected");
      }
      return true;
    }
    case State::kTopDone:
      if (!is_whitespace(c)) {
        syntax_error("unexpected " + describe(c) + " after the end of the JSON value" +
                     (options_.lines ? " (one value per line)" : ""));
      }
      return true;
    case State::kString:
      if (c == '"') {
        end_string();
      } else if (c == '\\') {
        state_ = State::kEscape;
      } else {
        syntax_error("control character " + describe(c) +
                     " inside a string (JSON needs it escaped)");
      }
      return true;
    case State::kEscape:
      consume_escape(c);
      return true;
    case State::kUnicodeEscape:
      consume_unicode_digit(c);
      return true;
    case State::kNumber:
      return continue_number(c);
    case State::kLiteral:
      if (c != static_cast<unsigned char>(literal_[literal_matched_])) {
        syntax_error("unexpected " + describe(c) + " in the literal '" + std::string(literal_) +
                     "'");
      } else if (++literal_matched_ == literal_.size()) {
        value_done();
      }
      return true;
    case State::kByteOrderMark:
      if (c != kByteOrderMark[bom_matched_]) {
        syntax_error("unexpected " + describe(c) + " in what began as a UTF-8 byte order mark");
      } else if (++bom_matched_ == 3) {
        state_ = State::kValue;
      }
      return true;
    case State::kSkipLine:
      return true;
  }
  return true;
}

void JsonExtractor::begin_value(unsigned char c) {
  value_seen_ = true;
  switch (c) {
    case '{':
      push_container(/*is_object=*/true);
      return;
    case '[':
      push_container(/*is_object=*/false);
      return;
    case '"':
      open_segment(/*is_key=*/false);
      state_ = State::kString;
      return;
    case 't':
      literal_ = "true";
      break;
    case 'f':
      literal_ = "false";
      break;
    case 'n':
      literal_ = "null";
      break;
    default:
      if (c == '-' || is_digit(c)) {
        open_segment(/*is_key=*/false);
        number_state_ = c == '-'   ? NumberState::kSign
                        : c == '0' ? NumberState::kZero
                                   : NumberState::kInt;
        state_ = State::kNumber;
        const char digit = static_cast<char>(c);
        append_text(std::string_view(&digit, 1));
        return;
      }
      if (c == kByteOrderMark[0] && offset_ == 0) {
        value_seen_ = false;
        bom_matched_ = 1;
        state_ = State::kByteOrderMark;
        return;
      }
      {
        std::string message = "unexpected " + describe(c) + " where a value was expected";
        if (offset_ < 4 && (c == 0x00 || c == 0xFF || c == 0xFE)) {
          message += " (the input looks like UTF-16 or UTF-32: transcode it to UTF-8 first)";
        }
        syntax_error(message);
      }
      return;
  }
  literal_matched_ = 1;
  state_ = State::kLiteral;
}

void JsonExtractor::push_container(bool is_object) {
  if (stack_.size() >= options_.max_depth) {
    fatal("JSON_NESTING_LEVEL_OVER_LIMIT",
          "JSON nesting deeper than " + std::to_string(options_.max_depth) + " levels at " +
              position_text() + "; extraction stopped there, " + what_was_kept());
    return;
  }
  Frame frame;
  frame.is_object = is_object;
  frame.parent_path_length = outer_path_.size();
  if (!stack_.empty()) {
    const Frame& parent = stack_.back();
    if (parent.is_object) {
      outer_path_.append(parent.key_path);
      frame.parent_added_keyword = is_new_keyword(parent.key);
      if (frame.parent_added_keyword) outer_keywords_.push_back(parent.key);
    } else {
      append_json_path_index(outer_path_, parent.index);
    }
  }
  stack_.push_back(std::move(frame));
  ++outer_version_;
  state_ = is_object ? State::kObjectFirst : State::kArrayFirst;
}

void JsonExtractor::close_container() {
  outer_path_.resize(stack_.back().parent_path_length);
  if (stack_.back().parent_added_keyword) outer_keywords_.pop_back();
  stack_.pop_back();
  ++outer_version_;
  value_done();
}

void JsonExtractor::value_done() { state_ = stack_.empty() ? State::kTopDone : State::kAfterValue; }

void JsonExtractor::consume_escape(unsigned char c) {
  if (c == 'u') {
    unicode_value_ = 0;
    unicode_digits_ = 0;
    state_ = State::kUnicodeEscape;
    return;
  }
  char decoded = 0;
  switch (c) {
    case '"':
    case '\\':
    case '/':
      decoded = static_cast<char>(c);
      break;
    case 'b':
      decoded = '\b';
      break;
    case 'f':
      decoded = '\f';
      break;
    case 'n':
      decoded = '\n';
      break;
    case 'r':
      decoded = '\r';
      break;
    case 't':
      decoded = '\t';
      break;
    default:
      syntax_error("invalid escape sequence '\\' followed by " + describe(c));
      return;
  }
  flush_lone_surrogate();
  append_text(std::string_view(&decoded, 1));
  state_ = State::kString;
}

void JsonExtractor::consume_unicode_digit(unsigned char c) {
  const int digit = hex_value(c);
  if (digit < 0) {
    syntax_error("unexpected " + describe(c) + " in a \\u escape (four hex digits expected)");
    return;
  }
  unicode_value_ = unicode_value_ * 16 + static_cast<char32_t>(digit);
  if (++unicode_digits_ < 4) return;
  state_ = State::kString;
  take_code_unit(unicode_value_);
}

void JsonExtractor::take_code_unit(char32_t unit) {
  std::string utf8;
  if (unit >= 0xDC00 && unit <= 0xDFFF && high_surrogate_ != 0) {
    append_utf8(utf8, 0x10000 + ((high_surrogate_ - 0xD800) << 10) + (unit - 0xDC00));
    high_surrogate_ = 0;
    append_text(utf8);
    return;
  }
  flush_lone_surrogate();
  if (unit >= 0xD800 && unit <= 0xDBFF) {
    high_surrogate_ = unit;  // its low half may be the next escape, possibly in the next chunk
    return;
  }
  append_utf8(utf8, unit);  // a lone low surrogate becomes U+FFFD here
  append_text(utf8);
}

void JsonExtractor::flush_lone_surrogate() {
  if (high_surrogate_ == 0) return;
  high_surrogate_ = 0;
  std::string utf8;
  append_utf8(utf8, kReplacementCharacter);
  append_text(utf8);
}

bool JsonExtractor::continue_number(unsigned char c) {
  const bool digit = is_digit(c);
  const bool exponent_mark = c == 'e' || c == 'E';
  bool accepted = true;
  switch (number_state_) {
    case NumberState::kSign:
      accepted = digit;
      if (digit) number_state_ = c == '0' ? NumberState::kZero : NumberState::kInt;
      break;
    case NumberState::kZero:
    case NumberState::kInt:
      if (digit && number_state_ == NumberState::kInt) {
      } else if (c == '.') {
        number_state_ = NumberState::kDot;
      } else if (exponent_mark) {
        number_state_ = NumberState::kExponentMark;
      } else {
        accepted = false;
      }
      break;
    case NumberState::kDot:
      accepted = digit;
      if (digit) number_state_ = NumberState::kFraction;
      break;
    case NumberState::kFraction:
      if (exponent_mark) {
        number_state_ = NumberState::kExponentMark;
      } else {
        accepted = digit;
      }
      break;
    case NumberState::kExponentMark:
      if (c == '+' || c == '-') {
        number_state_ = NumberState::kExponentSign;
      } else {
        accepted = digit;
        if (digit) number_state_ = NumberState::kExponent;
      }
      break;
    case NumberState::kExponentSign:
      accepted = digit;
      if (digit) number_state_ = NumberState::kExponent;
      break;
    case NumberState::kExponent:
      accepted = digit;
      break;
  }
  if (accepted) {
    const char text = static_cast<char>(c);
    append_text(std::string_view(&text, 1));
    return true;
  }
  if (!number_is_complete()) {
    syntax_error("unexpected " + describe(c) + " in a number");
    return true;
  }
  // The byte after a number belongs to whatever follows it: read it again in the next state.
  close_segment();
  value_done();
  return false;
}

bool JsonExtractor::number_is_complete() const {
  return number_state_ == NumberState::kZero || number_state_ == NumberState::kInt ||
         number_state_ == NumberState::kFraction || number_state_ == NumberState::kExponent;
}

void JsonExtractor::end_string() {
  flush_lone_surrogate();
  if (segment_is_key_) {
    set_current_key();
    close_segment();
    state_ = State::kColon;
  } else {
    close_segment();
    value_done();
  }
}

void JsonExtractor::end_record() {
  if (state_ == State::kNumber) {
    if (number_is_complete()) {
      close_segment();
      value_done();
    } else {
      syntax_error("the line ends inside a number");
    }
  }
  if (stopped_) return;
  const bool blank = state_ == State::kValue && stack_.empty() && !value_seen_;
  if (state_ == State::kTopDone) {
    ++records_parsed_;
  } else if (state_ != State::kSkipLine && !blank) {
    syntax_error("the line ends " + what_is_open() + " before its JSON value is complete");
  }
  stack_.clear();
  outer_path_.resize(1);
  outer_keywords_.clear();
  ++outer_version_;
  state_ = State::kValue;
  value_seen_ = false;
  segment_open_ = false;
  piece_.clear();
  high_surrogate_ = 0;
}

// ---------------------------------------------------------------------------------------------
// Segments

void JsonExtractor::open_segment(bool is_key) {
  segment_open_ = true;
  segment_is_key_ = is_key;
  key_segment_started_ = false;
  piece_.clear();
  key_.clear();
  key_full_ = false;
  high_surrogate_ = 0;
  // A key's location includes the key itself, so its begin_segment waits for the key (or for its
  // first full piece, by which time the part kept for the path is complete).
  if (is_key) return;
  ++segments_emitted_;
  if (!sink_.begin_segment(location(/*for_key=*/false))) stop_by_sink();
}

void JsonExtractor::set_current_key() {
  Frame& top = stack_.back();
  // The key's segment began with the same key (its first piece held all that is kept).
  if (top.key_path_valid && top.key == key_) return;
  top.key = key_;
  top.key_path.clear();
  append_json_path_member(top.key_path, top.key);
  top.key_path_valid = true;
}

bool JsonExtractor::start_key_segment_if_pending() {
  if (!segment_is_key_ || key_segment_started_) return true;
  key_segment_started_ = true;
  ++segments_emitted_;
  set_current_key();
  if (!sink_.begin_segment(location(/*for_key=*/true))) {
    stop_by_sink();
    return false;
  }
  return true;
}

void JsonExtractor::append_text(std::string_view text) {
  if (stopped_) return;
  if (segment_is_key_ && !key_full_) {
    const std::size_t room = options_.max_key_bytes - key_.size();
    if (text.size() <= room) {
      key_.append(text);
    } else {
      key_.append(text.substr(0, room));
      key_.resize(utf8_whole_prefix(key_));
      key_full_ = true;
    }
  }
  while (!text.empty()) {
    const std::size_t take = std::min(options_.max_piece - piece_.size(), text.size());
    piece_.append(text.substr(0, take));
    text.remove_prefix(take);
    if (piece_.size() >= options_.max_piece) {
      flush_piece(/*final=*/false);
      if (stopped_) return;
    }
  }
}

void JsonExtractor::flush_piece(bool final) {
  if (stopped_ || !start_key_segment_if_pending()) return;
  std::size_t cut = final ? piece_.size() : utf8_whole_prefix(piece_);
  if (cut == 0) cut = piece_.size();
  if (cut > 0 && !sink_.segment_text(std::string_view(piece_).substr(0, cut))) {
    stop_by_sink();
    return;
  }
  piece_.erase(0, cut);
}

void JsonExtractor::close_segment() {
  if (!segment_open_) return;
  segment_open_ = false;
  flush_piece(/*final=*/true);
  if (!stopped_ && !sink_.end_segment()) stop_by_sink();
  piece_.clear();
}

const SegmentLocation& JsonExtractor::location(bool for_key) {
  if (!std::holds_alternative<RecordLocation>(location_.where)) {
    location_.where = RecordLocation{};
    location_outer_version_ = UINT64_MAX;
  }
  auto& record = std::get<RecordLocation>(location_.where);
  std::vector<std::string>& names = location_.context_keywords;
  record.record_index = options_.lines ? line_ : 0;
  // Every member of an object shares the outer path and keywords: copied when they change, cut
  // back to otherwise (one copy per container instead of one per value).
  if (location_outer_version_ != outer_version_) {
    record.json_path.assign(outer_path_);
    names.assign(outer_keywords_.begin(), outer_keywords_.end());
    location_outer_version_ = outer_version_;
  } else {
    record.json_path.resize(outer_path_.size());
  }
  const std::string* key = nullptr;
  if (!stack_.empty()) {
    const Frame& top = stack_.back();
    if (top.is_object) {
      record.json_path.append(top.key_path);
      // A key is the text being scanned in its own segment, not a keyword for itself.
      if (!for_key && is_new_keyword(top.key)) key = &top.key;
    } else {
      append_json_path_index(record.json_path, top.index);
    }
  }
  if (key == nullptr) {
    names.resize(outer_keywords_.size());
  } else if (names.size() == outer_keywords_.size() + 1) {
    names.back().assign(*key);
  } else {
    names.resize(outer_keywords_.size());
    names.push_back(*key);
  }
  return location_;
}

bool JsonExtractor::is_new_keyword(const std::string& key) const {
  return !key.empty() &&
         std::find(outer_keywords_.begin(), outer_keywords_.end(), key) == outer_keywords_.end();
}

// ---------------------------------------------------------------------------------------------
// Faults

void JsonExtractor::syntax_error(const std::string& message) {
  close_segment();  // what was emitted of the value stays emitted
  if (!options_.lines) {
    fatal("UNABLE_TO_PARSE_FILE",
          "JSON syntax error at " + position_text() + ": " + message + "; " + what_was_kept());
    return;
  }
  if (++records_failed_ == 1) {
    first_bad_line_ = line_ + 1;
    first_bad_message_ = "column " + std::to_string(offset_ - line_start_ + 1) + ": " + message;
  }
  state_ = State::kSkipLine;
}

void JsonExtractor::fatal(const std::string& reason, const std::string& detail) {
  close_segment();
  fatal_ = true;
  stopped_ = true;
  status_ = ObjectStatus{"PARTIAL", reason, detail};
}

void JsonExtractor::stop_by_sink() {
  if (stopped_) return;
  stopped_ = true;
  status_ = ObjectStatus{"PARTIAL", "EXTRACTION_STOPPED",
                         "the consumer stopped JSON extraction at " + position_text()};
}

std::string JsonExtractor::position_text() const {
  return "line " + std::to_string(line_ + 1) + ", column " +
         std::to_string(offset_ - line_start_ + 1) + " (byte offset " + std::to_string(offset_) +
         ")";
}

std::string JsonExtractor::what_was_kept() const {
  if (segments_emitted_ == 0) return "nothing before it was extracted";
  if (segments_emitted_ == 1) return "the 1 segment before it was extracted";
  return "the " + std::to_string(segments_emitted_) + " segments before it were extracted";
}

std::string JsonExtractor::what_is_open() const {
  std::string where;
  switch (state_) {
    case State::kString:
      where = segment_is_key_ ? "inside an object key" : "inside a string";
      break;
    case State::kEscape:
    case State::kUnicodeEscape:
      where = "inside an escape sequence";
      break;
    case State::kNumber:
      where = "inside a number";
      break;
    case State::kLiteral:
      where = "inside the literal '" + std::string(literal_) + "'";
      break;
    case State::kByteOrderMark:
      where = "inside the byte order mark";
      break;
    default:
      where = stack_.empty()            ? "before any value"
              : stack_.back().is_object ? "inside an object"
                                        : "inside an array";
      break;
  }
  if (!stack_.empty()) {
    where += " (nesting depth ";
    where += std::to_string(stack_.size());
    where += ")";
  }
  return where;
}

ObjectStatus JsonExtractor::finish() {
  if (stopped_) return status_;
  if (options_.lines) {
    end_record();  // a last line without its newline is a record too
    if (!stopped_ && records_failed_ > 0) {
      status_ = ObjectStatus{
          "PARTIAL", "UNABLE_TO_PARSE_FILE",
          std::to_string(records_failed_) + " of " +
              std::to_string(records_failed_ + records_parsed_) +
              " JSON Lines records could not be parsed and were skipped from their fault on; "
              "first bad record: line " +
              std::to_string(first_bad_line_) + ", " + first_bad_message_};
    }
  } else {
    if (state_ == State::kNumber && number_is_complete()) {
      close_segment();
      value_done();
    }
    const bool empty = state_ == State::kValue && stack_.empty() && !value_seen_;
    if (!stopped_ && state_ != State::kTopDone && !empty) {
      fatal("UNABLE_TO_PARSE_FILE", "truncated JSON: the input ends " + what_is_open() + " at " +
                                        position_text() + "; " + what_was_kept());
    }
  }
  stopped_ = true;
  return status_;
}

}  // namespace tamis
