#include "report/json_writer.h"

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#ifndef TAMIS_VERSION
#define TAMIS_VERSION "0.1.0"
#endif

namespace tamis {
namespace {

using nlohmann::ordered_json;

// The suffix of Macie's finding type for one category, e.g. SensitiveData:S3Object/Financial.
std::string_view finding_type_suffix(Category category) {
  switch (category) {
    case Category::kCredentials:
      return "Credentials";
    case Category::kFinancialInformation:
      return "Financial";
    case Category::kPersonalInformation:
      return "Personal";
    case Category::kCustomIdentifier:
      return "CustomIdentifier";
  }
  return "CustomIdentifier";
}

// Custom identifiers always count as the CUSTOM_IDENTIFIER category, whatever the engine stored in
// `category`, because Macie reports them under their own type.
Category effective_category(const Detection& detection) {
  return detection.custom ? Category::kCustomIdentifier : detection.category;
}

ordered_json severity_json(Severity severity) {
  if (severity == Severity::kNone) return nullptr;
  ordered_json out;
  out["description"] = severity_name(severity);
  out["score"] = static_cast<int>(severity);
  return out;
}

// Only detections that reached a severity are findings: a custom identifier below its lowest
// threshold is listed in the result but does not make the object sensitive.
ordered_json object_type_json(const std::vector<Detection>& detections) {
  std::vector<Category> seen;
  for (const auto& detection : detections) {
    if (detection.severity == Severity::kNone) continue;
    const Category category = effective_category(detection);
    if (std::find(seen.begin(), seen.end(), category) == seen.end()) seen.push_back(category);
  }
  if (seen.empty()) return nullptr;
  const std::string_view suffix = seen.size() > 1 ? "Multiple" : finding_type_suffix(seen.front());
  return "SensitiveData:S3Object/" + std::string(suffix);
}

Severity max_severity(const std::vector<Detection>& detections) {
  Severity highest = Severity::kNone;
  for (const auto& detection : detections) highest = std::max(highest, detection.severity);
  return highest;
}

// Extension of the last path component without the dot, as Macie's s3Object.extension; empty when
// the name has none (a leading dot, as in ".bashrc", marks a hidden file, not an extension).
std::string file_extension(std::string_view path) {
  const auto slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const auto dot = name.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return std::string(name.substr(dot + 1));
}

// lineRanges[i] and offsetRanges[i] describe the same occurrence i of plain text; occurrences
// inside structured objects go to cells (CSV, spreadsheets) or records (JSON) as Macie reports
// them.
ordered_json occurrences_json(const std::vector<Occurrence>& occurrences) {
  ordered_json line_ranges = ordered_json::array();
  ordered_json offset_ranges = ordered_json::array();
  ordered_json cells = nullptr;
  ordered_json records = nullptr;
  for (const auto& occurrence : occurrences) {
    if (const auto* cell = std::get_if<CellLocation>(&occurrence.where)) {
      ordered_json entry;
      entry["row"] = cell->row;
      entry["column"] = cell->column;
      entry["columnName"] = cell->column_name;
      entry["cellReference"] = cell->cell_reference;
      if (!cell->sheet.empty()) entry["tamisSheet"] = cell->sheet;
      entry["tamisOffsetRange"] = {{"start", occurrence.start}, {"end", occurrence.end}};
      entry["tamisText"] = occurrence.text;
      if (cells.is_null()) cells = ordered_json::array();
      cells.push_back(std::move(entry));
      continue;
    }
    if (const auto* record = std::get_if<RecordLocation>(&occurrence.where)) {
      ordered_json entry;
      entry["recordIndex"] = record->record_index;
      entry["jsonPath"] = record->json_path;
      entry["tamisOffsetRange"] = {{"start", occurrence.start}, {"end", occurrence.end}};
      entry["tamisText"] = occurrence.text;
      if (records.is_null()) records = ordered_json::array();
      records.push_back(std::move(entry));
      continue;
    }
    ordered_json line;
    line["start"] = occurrence.line;
    line["end"] = occurrence.end_line;
    line["startColumn"] = occurrence.column;
    line_ranges.push_back(std::move(line));

    ordered_json offset;
    offset["start"] = occurrence.start;
    offset["end"] = occurrence.end;
    offset["startColumn"] = occurrence.column;
    offset["tamisText"] = occurrence.text;
    offset_ranges.push_back(std::move(offset));
  }
  ordered_json out;
  out["lineRanges"] = std::move(line_ranges);
  out["offsetRanges"] = std::move(offset_ranges);
  out["cells"] = std::move(cells);
  out["pages"] = nullptr;
  out["records"] = std::move(records);
  return out;
}

ordered_json managed_detection_json(const Detection& detection) {
  ordered_json out;
  out["type"] = detection.type;
  out["count"] = detection.count;
  out["tamisSeverity"] = severity_json(detection.severity);
  out["occurrences"] = occurrences_json(detection.occurrences);
  return out;
}

ordered_json custom_detection_json(const Detection& detection) {
  ordered_json out;
  out["arn"] = nullptr;  // identifiers come from the local configuration, not from an AWS account
  out["name"] = detection.type;
  out["count"] = detection.count;
  out["tamisSeverity"] = severity_json(detection.severity);
  out["occurrences"] = occurrences_json(detection.occurrences);
  return out;
}

// Managed detections grouped by category, categories in the order they first appear.
ordered_json sensitive_data_json(const std::vector<Detection>& detections) {
  std::vector<std::pair<Category, ordered_json>> groups;
  for (const auto& detection : detections) {
    if (detection.custom) continue;
    auto group = std::find_if(groups.begin(), groups.end(),
                              [&](const auto& g) { return g.first == detection.category; });
    if (group == groups.end()) {
      ordered_json fresh;
      fresh["category"] = category_name(detection.category);
      fresh["totalCount"] = std::uint64_t{0};
      fresh["detections"] = ordered_json::array();
      groups.emplace_back(detection.category, std::move(fresh));
      group = std::prev(groups.end());
    }
    auto& total = group->second["totalCount"];
    total = total.get<std::uint64_t>() + detection.count;
    group->second["detections"].push_back(managed_detection_json(detection));
  }
  ordered_json out = ordered_json::array();
  for (auto& group : groups) out.push_back(std::move(group.second));
  return out;
}

ordered_json custom_identifiers_json(const std::vector<Detection>& detections) {
  std::uint64_t total = 0;
  ordered_json list = ordered_json::array();
  for (const auto& detection : detections) {
    if (!detection.custom) continue;
    total += detection.count;
    list.push_back(custom_detection_json(detection));
  }
  ordered_json out;
  out["totalCount"] = total;
  out["detections"] = std::move(list);
  return out;
}

ordered_json tamis_json(const ObjectResult& result) {
  ordered_json out;
  out["version"] = TAMIS_VERSION;
  if (!result.status.detail.empty()) out["statusDetail"] = result.status.detail;
  ordered_json diagnostics = ordered_json::array();
  for (const auto& diagnostic : result.diagnostics) {
    ordered_json entry;
    entry["code"] = diagnostic.code;
    entry["detail"] = diagnostic.detail;
    diagnostics.push_back(std::move(entry));
  }
  out["diagnostics"] = std::move(diagnostics);
  return out;
}

// Seconds since 1970 as ISO 8601 UTC, the form Macie uses for timestamps.
std::string iso8601_utc(std::int64_t seconds) {
  const auto t = static_cast<std::time_t>(seconds);
  std::tm utc{};
  if (gmtime_r(&t, &utc) == nullptr) return {};
  char text[32];
  const std::size_t n = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return std::string(text, n);
}

ordered_json embedded_file_json(const EmbeddedFile& embedded) {
  ordered_json out;
  out["filePath"] = embedded.file_path;
  out["fileExtension"] = file_extension(embedded.file_path);
  out["fileSize"] = embedded.size ? ordered_json(*embedded.size) : ordered_json(nullptr);
  const std::string modified = embedded.modified ? iso8601_utc(*embedded.modified) : "";
  out["fileLastModified"] = modified.empty() ? ordered_json(nullptr) : ordered_json(modified);
  return out;
}

}  // namespace

std::string result_to_json(const ObjectResult& result, const JsonWriteOptions& options) {
  ordered_json doc;
  doc["schemaVersion"] = "1.0";
  doc["category"] = "CLASSIFICATION";
  doc["type"] = object_type_json(result.detections);
  doc["severity"] = severity_json(max_severity(result.detections));

  ordered_json s3_object;
  s3_object["key"] = result.path;
  s3_object["path"] = result.path;
  s3_object["extension"] = file_extension(result.path);
  s3_object["size"] = result.size;
  if (result.embedded) s3_object["embeddedFileDetails"] = embedded_file_json(*result.embedded);
  doc["resourcesAffected"]["s3Object"] = std::move(s3_object);

  ordered_json status;
  status["code"] = result.status.code;
  status["reason"] =
      result.status.reason.empty() ? ordered_json(nullptr) : ordered_json(result.status.reason);
  ordered_json classification_result;
  classification_result["status"] = std::move(status);
  classification_result["sizeClassified"] = result.size_classified;
  classification_result["mimeType"] = result.mime_type;
  classification_result["additionalOccurrences"] = result.additional_occurrences;
  classification_result["sensitiveData"] = sensitive_data_json(result.detections);
  classification_result["customDataIdentifiers"] = custom_identifiers_json(result.detections);

  doc["classificationDetails"]["originType"] = "TAMIS_SCAN";
  doc["classificationDetails"]["result"] = std::move(classification_result);
  doc["tamis"] = tamis_json(result);

  // Paths and found text may hold bytes that are not UTF-8 (file names, binary-ish content): they
  // are written as U+FFFD rather than letting the serializer throw.
  const int indent = options.pretty ? 2 : -1;
  return doc.dump(indent, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace tamis
