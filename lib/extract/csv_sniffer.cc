#include "extract/csv_sniffer.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <map>
#include <set>
#include <vector>

#include "extract/csv_tokenizer.h"

namespace tamis {
namespace {

constexpr std::size_t kMaxSampleRecords = 64;
constexpr std::size_t kMaxSampleFieldsPerRecord = 256;
constexpr std::size_t kMaxSampleFieldBytes = 128;
// A delimiter is believable when at least this share of the sampled records has its usual count.
constexpr double kMinConsistency = 0.8;
// A cell of at least this many words reads like a sentence.
constexpr std::size_t kProseWords = 6;

struct SampleRecord {
  std::size_t field_count = 0;
  std::vector<std::string> fields;  // the first fields, each cut to kMaxSampleFieldBytes
  bool blank() const { return field_count == 1 && fields.front().empty(); }
};

// Keeps the first records of the window, as the tokenizer reads them with one delimiter.
class RecordSampler final : public CsvTokenizer::Events {
 public:
  bool field_text(std::string_view piece) override {
    if (current_.fields.size() < kMaxSampleFieldsPerRecord) {
      if (current_.fields.size() == current_.field_count) current_.fields.emplace_back();
      std::string& field = current_.fields.back();
      field.append(
          piece.substr(0, kMaxSampleFieldBytes - std::min(field.size(), kMaxSampleFieldBytes)));
    }
    return true;
  }
  bool field_end() override {
    if (current_.fields.size() < kMaxSampleFieldsPerRecord &&
        current_.fields.size() == current_.field_count) {
      current_.fields.emplace_back();
    }
    ++current_.field_count;
    return true;
  }
  bool record_end() override {
    records_.push_back(std::move(current_));
    current_ = {};
    return records_.size() < kMaxSampleRecords;
  }

  std::vector<SampleRecord>& records() { return records_; }

 private:
  SampleRecord current_;
  std::vector<SampleRecord> records_;
};

struct DelimiterStats {
  char delimiter = ',';
  std::vector<SampleRecord> records;  // non-blank sampled records
  std::size_t usual_count = 0;        // the most frequent field count (the larger on ties)
  double consistency = 0;             // share of records with usual_count fields
};

DelimiterStats sample(std::string_view window, bool whole_input, char delimiter) {
  RecordSampler sampler;
  CsvTokenizer tokenizer(delimiter);
  const bool reached_end = tokenizer.feed(window, sampler);
  std::vector<SampleRecord>& records = sampler.records();
  const std::size_t complete = records.size();
  if (reached_end) tokenizer.finish(sampler);
  // The window usually cuts its last record short; keep it only when it is all there is.
  if (reached_end && !whole_input && records.size() > complete && complete > 0) records.pop_back();

  DelimiterStats stats;
  stats.delimiter = delimiter;
  for (auto& record : records) {
    if (!record.blank()) stats.records.push_back(std::move(record));
  }
  if (stats.records.empty()) return stats;
  std::map<std::size_t, std::size_t> frequency;
  for (const auto& record : stats.records) ++frequency[record.field_count];
  std::size_t best_frequency = 0;
  for (const auto& [count, times] : frequency) {
    if (times >= best_frequency) {
      best_frequency = times;
      stats.usual_count = count;
    }
  }
  stats.consistency = static_cast<double>(best_frequency) / stats.records.size();
  return stats;
}

bool better_delimiter(const DelimiterStats& a, const DelimiterStats& b) {
  constexpr double kEpsilon = 1e-9;
  if (a.consistency > b.consistency + kEpsilon) return true;
  if (b.consistency > a.consistency + kEpsilon) return false;
  return a.usual_count > b.usual_count;
}

std::string_view trim(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

bool has_digit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Amounts, counts, dates and identifiers made of digits and separators: never a column name.
bool looks_numeric(std::string_view text) {
  text = trim(text);
  if (!has_digit(text)) return false;
  constexpr std::string_view kNumberCharacters = "0123456789+-.,/:%$() eE";
  return text.find_first_not_of(kNumberCharacters) == std::string_view::npos;
}

std::size_t word_count(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// One column's opinion on whether its first value is a name rather than a value: +1 header,
// -1 data, 0 no evidence.
int column_vote(std::string_view name, const std::vector<std::string_view>& values) {
  if (values.empty()) return 0;
  if (name.find('@') != std::string_view::npos) return -1;  // an address, not a name
  for (std::string_view value : values) {
    if (equal_ignoring_ascii_case(name, value)) return -1;  // a category repeated in the data
  }
  const std::size_t with_digits =
      std::count_if(values.begin(), values.end(), [](std::string_view v) { return has_digit(v); });
  if (!has_digit(name) && with_digits * 2 >= values.size()) return +1;
  const bool same_length = std::all_of(values.begin(), values.end(), [&](std::string_view v) {
    return v.size() == values.front().size();
  });
  if (same_length && values.size() >= 2) return name.size() != values.front().size() ? +1 : -1;
  return 0;
}

bool detect_header(const std::vector<SampleRecord>& records) {
  if (records.size() < 2) return false;
  const SampleRecord& first = records.front();
  std::set<std::string_view> seen;
  for (const std::string& field : first.fields) {
    const std::string_view name = trim(field);
    if (name.empty() || looks_numeric(name) || !seen.insert(name).second) return false;
  }
  int votes = 0;
  for (std::size_t column = 0; column < first.fields.size(); ++column) {
    std::vector<std::string_view> values;
    for (std::size_t r = 1; r < records.size(); ++r) {
      if (column < records[r].fields.size() && !trim(records[r].fields[column]).empty()) {
        values.push_back(trim(records[r].fields[column]));
      }
    }
    votes += column_vote(trim(first.fields[column]), values);
  }
  // No evidence either way (all text, varied lengths): a missed header loses keywords for every
  // value, a wrong one only adds the first row's words as keywords, so lean towards a header.
  return votes >= 0;
}

std::string plausibility_problem(std::string_view window, const DelimiterStats& stats) {
  if (window.find('\0') != std::string_view::npos) return "NUL bytes: binary content";
  if (stats.records.empty()) return {};
  if (stats.usual_count >= 2 && stats.consistency < kMinConsistency) {
    return "field counts differ from line to line (" +
           std::to_string(static_cast<int>(stats.consistency * 100)) + "% of lines have " +
           std::to_string(stats.usual_count) + " fields)";
  }
  std::size_t cells = 0;
  std::size_t prose_cells = 0;
  std::size_t bytes = 0;
  std::size_t prose_bytes = 0;
  std::size_t later_cells = 0;  // cells after a delimiter
  std::size_t space_led_cells = 0;
  for (const auto& record : stats.records) {
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
      const std::string& field = record.fields[i];
      if (i > 0) {
        ++later_cells;
        if (!field.empty() && field.front() == ' ') ++space_led_cells;
      }
      if (trim(field).empty()) continue;
      ++cells;
      bytes += field.size();
      if (word_count(field) >= kProseWords) {
        ++prose_cells;
        prose_bytes += field.size();
      }
    }
  }
  if (prose_cells * 2 > cells) {
    return stats.usual_count >= 2 ? "most cells are sentences: prose, not a table"
                                  : "one column of sentences: prose, not a table";
  }
  // Commas inside sentences: a CSV column of long text exists, but its cells do not all start
  // with the space that follows a comma in writing.
  if (prose_bytes * 2 > bytes && space_led_cells * 2 > later_cells) {
    return "most text is sentences and every delimiter is followed by a space: prose, not a table";
  }
  return {};
}

}  // namespace

std::size_t excel_separator_line(std::string_view content, char& delimiter) {
  constexpr std::string_view kPrefix = "sep=";
  if (content.size() < kPrefix.size() + 1 || !content.starts_with(kPrefix)) return 0;
  const char named = content[kPrefix.size()];
  if (named == '\r' || named == '\n' || named == '"') return 0;
  std::size_t length = kPrefix.size() + 1;
  if (length < content.size()) {
    if (content[length] == '\r') ++length;
    if (length < content.size() && content[length] == '\n') ++length;
    if (length == kPrefix.size() + 1) return 0;  // more text on the line: not the marker
  }
  delimiter = named;
  return length;
}

CsvSniffResult sniff_csv(std::string_view window, bool whole_input, char forced_delimiter,
                         char preferred_delimiter) {
  DelimiterStats chosen;
  if (forced_delimiter != '\0') {
    chosen = sample(window, whole_input, forced_delimiter);
  } else {
    // The preferred delimiter goes first so that it wins ties (better_delimiter is strict).
    const std::array<char, 5> candidates = {preferred_delimiter, ',', ';', '\t', '|'};
    bool found = false;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      const char delimiter = candidates[i];
      if (delimiter == '\0' || (i > 0 && delimiter == preferred_delimiter)) continue;
      DelimiterStats stats = sample(window, whole_input, delimiter);
      if (stats.usual_count < 2) continue;
      if (!found || better_delimiter(stats, chosen)) {
        chosen = std::move(stats);
        found = true;
      }
    }
    if (!found) {
      // One column (or nothing): read lines as single cells with the default delimiter.
      chosen = sample(window, whole_input, preferred_delimiter != '\0' ? preferred_delimiter : ',');
    }
  }
  CsvSniffResult result;
  result.delimiter = chosen.delimiter;
  result.has_header = detect_header(chosen.records);
  result.implausible_reason = plausibility_problem(window, chosen);
  result.plausible = result.implausible_reason.empty();
  return result;
}

}  // namespace tamis
