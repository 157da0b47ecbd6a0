// The two machine-readable formats: one JSON array of pretty results, or JSON Lines written as
// each object finishes so a consumer can follow a long scan.
#include "json_result_writers.h"

#include <string>

#include "report/json_writer.h"

namespace tamis::cli {

JsonArrayWriter::JsonArrayWriter(std::FILE* out) : out_(out) {}

void JsonArrayWriter::begin(const RunInfo& /*run*/) { std::fputs("[", out_); }

void JsonArrayWriter::write(const ObjectResult& result) {
  std::string json = result_to_json(result, {.pretty = true});
  // Indent the pretty document one level so it nests tidily inside the array.
  std::string indented = "  ";
  for (const char c : json) {
    indented.push_back(c);
    if (c == '\n') indented += "  ";
  }
  while (!indented.empty() && (indented.back() == ' ' || indented.back() == '\n')) {
    indented.pop_back();
  }
  std::fputs(first_ ? "\n" : ",\n", out_);
  std::fputs(indented.c_str(), out_);
  first_ = false;
}

void JsonArrayWriter::end(const ScanTotals& /*totals*/) {
  std::fputs(first_ ? "]\n" : "\n]\n", out_);
  std::fflush(out_);
}

JsonLinesWriter::JsonLinesWriter(std::FILE* out) : out_(out) {}

void JsonLinesWriter::write(const ObjectResult& result) {
  std::string line = result_to_json(result, {.pretty = false});
  while (!line.empty() && line.back() == '\n') line.pop_back();
  line.push_back('\n');
  std::fputs(line.c_str(), out_);
  std::fflush(out_);  // a follower sees each result as soon as it exists
}

}  // namespace tamis::cli
