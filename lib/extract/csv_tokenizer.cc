#include "extract/csv_tokenizer.h"

#include <cstring>

namespace tamis {
namespace {

constexpr std::string_view kQuote = "\"";

bool is_line_end(char c) { return c == '\n' || c == '\r'; }

}  // namespace

CsvTokenizer::CsvTokenizer(char delimiter) : delimiter_(delimiter) {
  for (char special : {delimiter, '"', '\r', '\n'}) {
    ends_unquoted_run_[static_cast<unsigned char>(special)] = true;
  }
}

bool CsvTokenizer::end_record(Events& events, char line_end) {
  state_ = State::kFieldStart;
  skip_lf_ = line_end == '\r';
  record_has_content_ = false;
  return events.field_end() && events.record_end();
}

bool CsvTokenizer::feed(std::string_view bytes, Events& events) {
  const char* const data = bytes.data();
  const std::size_t size = bytes.size();
  std::size_t i = 0;
  while (i < size) {
    const char c = data[i];
    switch (state_) {
      case State::kFieldStart:
        if (skip_lf_) {
          skip_lf_ = false;
          if (c == '\n') {
            ++i;
            continue;
          }
        }
        if (c == '"') {
          state_ = State::kQuoted;
          record_has_content_ = true;
          ++i;
        } else if (c == delimiter_) {
          record_has_content_ = true;
          if (!events.field_end()) return false;
          ++i;
        } else if (is_line_end(c)) {
          ++i;
          if (!end_record(events, c)) return false;
        } else {
          state_ = State::kUnquoted;
          record_has_content_ = true;
        }
        break;

      case State::kUnquoted: {
        // Hand over the whole run up to the next special byte as one piece.
        std::size_t j = i;
        while (j < size && !ends_unquoted_run_[static_cast<unsigned char>(data[j])]) ++j;
        if (j > i && !events.field_text(bytes.substr(i, j - i))) return false;
        i = j;
        if (i == size) break;
        const char special = data[i++];
        if (special == '"') {
          events.fault(CsvFault::kStrayQuote);
          if (!events.field_text(kQuote)) return false;
        } else if (special == delimiter_) {
          state_ = State::kFieldStart;
          if (!events.field_end()) return false;
        } else if (!end_record(events, special)) {
          return false;
        }
        break;
      }

      case State::kQuoted: {
        const void* quote = std::memchr(data + i, '"', size - i);
        const std::size_t j = quote ? static_cast<const char*>(quote) - data : size;
        if (j > i && !events.field_text(bytes.substr(i, j - i))) return false;
        i = j;
        if (i < size) {
          state_ = State::kQuoteInQuoted;
          ++i;
        }
        break;
      }

      case State::kQuoteInQuoted:
        if (c == '"') {
          state_ = State::kQuoted;
          ++i;
          if (!events.field_text(kQuote)) return false;
        } else if (c == delimiter_) {
          state_ = State::kFieldStart;
          ++i;
          if (!events.field_end()) return false;
        } else if (is_line_end(c)) {
          ++i;
          if (!end_record(events, c)) return false;
        } else {
          // Spreadsheets keep `"ab"cd` as `abcd`: continue the field as unquoted text.
          events.fault(CsvFault::kTextAfterClosingQuote);
          state_ = State::kUnquoted;
        }
        break;
    }
  }
  return true;
}

bool CsvTokenizer::finish(Events& events) {
  if (state_ == State::kQuoted) events.fault(CsvFault::kUnterminatedQuote);
  if (!record_has_content_) return true;
  return end_record(events, '\n');
}

}  // namespace tamis
