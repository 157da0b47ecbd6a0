#include "text_report.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string_view>
#include <utility>

#include "catalog/identifier.h"
#include "text_format.h"
#include "version.h"

namespace tamis::cli {
namespace {

// Findings can span lines or hold control bytes; the report keeps one detection per line.
std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20 || byte == 0x7F) {
      out += '?';
    } else {
      out += c;
    }
  }
  return out;
}

std::string pad_right(std::string text, std::size_t width) {
  const std::size_t shown = display_width(text);
  if (shown < width) text.append(width - shown, ' ');
  return text;
}

std::string pad_left(const std::string& text, std::size_t width) {
  const std::size_t shown = display_width(text);
  return shown < width ? std::string(width - shown, ' ') + text : text;
}

std::string plural(std::uint64_t n, std::string_view one, std::string_view many) {
  return with_thousands(n) + " " + std::string(n == 1 ? one : many);
}

constexpr std::size_t kCountWidth = 7;
constexpr std::size_t kSeverityWidth = 6;
constexpr std::size_t kLocationWidth = 8;
// Where an occurrence is, as a reader would look for it: line:column in text, the cell reference
// in a table, the JSONPath in a JSON document.
std::string where_text(const Occurrence& occurrence) {
  // Built with append: GCC 12 reports a false -Wrestrict on chained operator+ here.
  std::string out;
  if (const auto* cell = std::get_if<CellLocation>(&occurrence.where)) {
    if (!cell->sheet.empty()) out.append(cell->sheet).append(1, '!');
    out.append(cell->cell_reference);
    return out;
  }
  if (const auto* record = std::get_if<RecordLocation>(&occurrence.where)) {
    out.append(1, '#').append(std::to_string(record->record_index)).append(1, ' ');
    out.append(record->json_path);
    return out;
  }
  return std::to_string(occurrence.line) + ":" + std::to_string(occurrence.column);
}

// Detection lines are written as each file is reported, so the identifier column cannot be sized
// to the whole run: it is as wide as the file's longest identifier but never narrower than the
// common long ids, which keeps most files' columns in line with each other.
constexpr std::size_t kMinTypeWidth = 26;

}  // namespace

TextReportWriter::TextReportWriter(std::FILE* out, bool bold) : out_(out), bold_(bold) {}

std::string TextReportWriter::bold(const std::string& text) const {
  return bold_ ? "\x1b[1m" + text + "\x1b[0m" : text;
}

void TextReportWriter::begin(const RunInfo& run) {
  const std::string header =
      "tamis " + std::string(kVersion) + ": scanning " + plural(run.objects, "object", "objects") +
      " (" + human_bytes(run.bytes) + ") with " + plural(run.threads, "thread", "threads");
  std::fprintf(out_, "%s\n", bold(header).c_str());
  std::fflush(out_);
}

void TextReportWriter::write(const ObjectResult& result) {
  if (result.status.code != "COMPLETE") incomplete_.push_back({result.path, result.status});
  if (result.total_count() == 0) return;

  // Appending piece by piece (not `"\n" + ...`) sidesteps a false -Wrestrict in GCC 12 at -O3.
  std::string text = "\n";
  text += bold(printable(result.path));
  text += '\n';
  std::size_t type_width = kMinTypeWidth;
  for (const auto& detection : result.detections) {
    type_width = std::max(type_width, display_width(detection.type));
  }
  for (const auto& detection : result.detections) {
    if (detection.count == 0) continue;
    std::string line = "  " + pad_right(detection.type, type_width) + "  " +
                       pad_left(with_thousands(detection.count), kCountWidth) + "  " +
                       pad_right(std::string(severity_name(detection.severity)), kSeverityWidth);
    if (!detection.occurrences.empty()) {
      const Occurrence& first = detection.occurrences.front();
      line += "  " + pad_right(where_text(first), kLocationWidth) + printable(first.text);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    text += line + "\n";
  }
  std::fputs(text.c_str(), out_);
  std::fflush(out_);
  any_findings_written_ = true;
}

void TextReportWriter::end(const ScanTotals& totals) {
  if (!any_findings_written_) std::fputs("\nNo sensitive data found.\n", out_);
  write_incomplete();
  write_summary(totals);
  std::fflush(out_);
}

void TextReportWriter::write_incomplete() const {
  if (incomplete_.empty()) return;
  Table table({"STATUS", "REASON", "PATH", "DETAIL"});
  for (const auto& object : incomplete_) {
    table.add_row({object.status.code, object.status.reason, printable(object.path),
                   printable(object.status.detail)});
  }
  std::fprintf(out_, "\n%s\n%s",
               bold("Not fully scanned (" + with_thousands(incomplete_.size()) + ")").c_str(),
               table.render("  ", bold_).c_str());
}

void TextReportWriter::write_summary(const ScanTotals& totals) const {
  std::string text = "\n";
  text += bold("Summary");
  text += '\n';
  auto item = [&](std::string_view label, const std::string& value) {
    text += "  " + pad_right(std::string(label), 23) + value + "\n";
  };
  item("Objects scanned", with_thousands(totals.objects) + " (" + with_thousands(totals.complete) +
                              " complete, " + with_thousands(totals.partial) + " partial, " +
                              with_thousands(totals.skipped) + " skipped)");
  item("Bytes", human_bytes(totals.bytes) + " (" + plural(totals.bytes, "byte", "bytes") + "), " +
                    human_bytes(totals.bytes_classified) + " classified");
  item("Objects with findings", with_thousands(totals.objects_with_findings));
  item("Occurrences", with_thousands(totals.occurrences));

  if (!totals.by_type.empty()) {
    // Most frequent first; ties by name so the order is stable.
    std::vector<std::pair<std::string, TypeTotals>> types(totals.by_type.begin(),
                                                          totals.by_type.end());
    std::stable_sort(types.begin(), types.end(), [](const auto& a, const auto& b) {
      return a.second.occurrences > b.second.occurrences;
    });
    Table table({"TYPE", "OBJECTS", "OCCURRENCES", "SEVERITY"}, {false, true, true, false});
    for (const auto& [type, counts] : types) {
      table.add_row({type, with_thousands(counts.objects), with_thousands(counts.occurrences),
                     std::string(severity_name(counts.highest))});
    }
    text += '\n';
    text += bold("Findings by type");
    text += '\n';
    text += table.render("  ", bold_);

    Table severities({"SEVERITY", "OBJECTS", "OCCURRENCES"}, {false, true, true});
    constexpr std::array kOrder = {Severity::kHigh, Severity::kMedium, Severity::kLow,
                                   Severity::kNone};
    for (const Severity severity : kOrder) {
      const auto index = static_cast<std::size_t>(severity);
      if (totals.objects_by_severity[index] == 0 && totals.occurrences_by_severity[index] == 0) {
        continue;
      }
      severities.add_row({std::string(severity_name(severity)),
                          with_thousands(totals.objects_by_severity[index]),
                          with_thousands(totals.occurrences_by_severity[index])});
    }
    text += '\n';
    text += bold("Findings by severity");
    text += '\n';
    text += severities.render("  ", bold_);
  }
  std::fputs(text.c_str(), out_);
}

}  // namespace tamis::cli
