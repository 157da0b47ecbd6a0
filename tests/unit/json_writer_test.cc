// The discovery-result document: Macie's shape field by field, our tamis* additions, null
// handling, the object's type and severity, and both output layouts.
#include "report/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace tamis {
namespace {

using nlohmann::json;

Occurrence make_occurrence(std::uint64_t start, std::uint64_t end, std::uint64_t line,
                           std::uint64_t column, std::string text) {
  Occurrence occurrence;
  occurrence.start = start;
  occurrence.end = end;
  occurrence.line = line;
  occurrence.end_line = line;
  occurrence.column = column;
  occurrence.text = std::move(text);
  return occurrence;
}

Detection managed(std::string type, Category category, std::uint64_t count, Severity severity) {
  Detection detection;
  detection.type = std::move(type);
  detection.category = category;
  detection.custom = false;
  detection.count = count;
  detection.severity = severity;
  return detection;
}

Detection custom(std::string name, std::uint64_t count, Severity severity) {
  Detection detection;
  detection.type = std::move(name);
  detection.category = Category::kCustomIdentifier;
  detection.custom = true;
  detection.count = count;
  detection.severity = severity;
  return detection;
}

ObjectResult base_result() {
  ObjectResult result;
  result.path = "exports/users.csv";
  result.size = 18422;
  result.size_classified = 18000;
  result.mime_type = "text/csv";
  return result;
}

json write(const ObjectResult& result) { return json::parse(result_to_json(result)); }

TEST(JsonWriter, EmptyResultHasMacieShapeWithNulls) {
  const json doc = write(base_result());
  EXPECT_EQ(doc["schemaVersion"], "1.0");
  EXPECT_EQ(doc["category"], "CLASSIFICATION");
  EXPECT_TRUE(doc["type"].is_null());
  EXPECT_TRUE(doc["severity"].is_null());

  const json& s3 = doc["resourcesAffected"]["s3Object"];
  EXPECT_EQ(s3["key"], "exports/users.csv");
  EXPECT_EQ(s3["path"], "exports/users.csv");
  EXPECT_EQ(s3["extension"], "csv");
  EXPECT_EQ(s3["size"], 18422);

  EXPECT_EQ(doc["classificationDetails"]["originType"], "TAMIS_SCAN");
  const json& result = doc["classificationDetails"]["result"];
  EXPECT_EQ(result["status"]["code"], "COMPLETE");
  ASSERT_TRUE(result["status"].contains("reason"));
  EXPECT_TRUE(result["status"]["reason"].is_null());
  EXPECT_EQ(result["sizeClassified"], 18000);
  EXPECT_EQ(result["mimeType"], "text/csv");
  EXPECT_EQ(result["additionalOccurrences"], false);
  EXPECT_EQ(result["sensitiveData"], json::array());
  EXPECT_EQ(result["customDataIdentifiers"]["totalCount"], 0);
  EXPECT_EQ(result["customDataIdentifiers"]["detections"], json::array());

  ASSERT_TRUE(doc["tamis"]["version"].is_string());
  // The build's own version (std::regex is avoided: GCC 12 warns inside it under sanitizers).
  EXPECT_EQ(doc["tamis"]["version"].get<std::string>(), TAMIS_VERSION) << doc["tamis"]["version"];
  EXPECT_FALSE(doc["tamis"].contains("statusDetail"));
  EXPECT_EQ(doc["tamis"]["diagnostics"], json::array());
}

TEST(JsonWriter, ArchiveMembersCarryEmbeddedFileDetails) {
  EXPECT_FALSE(
      write(base_result())["resourcesAffected"]["s3Object"].contains("embeddedFileDetails"));
  ObjectResult member = base_result();
  member.path = "backup.tar.gz/exports/users.csv";
  member.embedded = EmbeddedFile{"exports/users.csv", 18422, 1704067200};
  const json details = write(member)["resourcesAffected"]["s3Object"]["embeddedFileDetails"];
  EXPECT_EQ(details["filePath"], "exports/users.csv");
  EXPECT_EQ(details["fileExtension"], "csv");
  EXPECT_EQ(details["fileSize"], 18422);
  EXPECT_EQ(details["fileLastModified"], "2024-01-01T00:00:00Z");
  member.embedded = EmbeddedFile{"notes", std::nullopt, std::nullopt};
  const json unknown = write(member)["resourcesAffected"]["s3Object"]["embeddedFileDetails"];
  EXPECT_EQ(unknown["fileExtension"], "");
  EXPECT_TRUE(unknown["fileSize"].is_null());
  EXPECT_TRUE(unknown["fileLastModified"].is_null());
}

TEST(JsonWriter, KeysComeInMacieOrder) {
  const std::string text = result_to_json(base_result());
  const auto position = [&](const char* key) { return text.find(std::string("\"") + key + "\""); };
  EXPECT_LT(position("schemaVersion"), position("category"));
  EXPECT_LT(position("category"), position("type"));
  EXPECT_LT(position("type"), position("severity"));
  EXPECT_LT(position("severity"), position("resourcesAffected"));
  EXPECT_LT(position("resourcesAffected"), position("classificationDetails"));
  EXPECT_LT(position("classificationDetails"), position("tamis"));
  EXPECT_LT(position("status"), position("sizeClassified"));
  EXPECT_LT(position("sensitiveData"), position("customDataIdentifiers"));
}

TEST(JsonWriter, ManagedDetectionWithOccurrences) {
  ObjectResult result = base_result();
  Detection ssn =
      managed("USA_SOCIAL_SECURITY_NUMBER", Category::kPersonalInformation, 2, Severity::kHigh);
  ssn.occurrences.push_back(make_occurrence(120, 131, 3, 7, "*******6789"));
  Occurrence wrapped = make_occurrence(400, 412, 9, 1, "********1234");
  wrapped.end_line = 10;  // a match that spans a line break
  ssn.occurrences.push_back(wrapped);
  result.detections.push_back(ssn);

  const json doc = write(result);
  EXPECT_EQ(doc["type"], "SensitiveData:S3Object/Personal");
  EXPECT_EQ(doc["severity"]["description"], "High");
  EXPECT_EQ(doc["severity"]["score"], 3);

  const json& data = doc["classificationDetails"]["result"]["sensitiveData"];
  ASSERT_EQ(data.size(), 1u);
  EXPECT_EQ(data[0]["category"], "PERSONAL_INFORMATION");
  EXPECT_EQ(data[0]["totalCount"], 2);
  ASSERT_EQ(data[0]["detections"].size(), 1u);
  const json& detection = data[0]["detections"][0];
  EXPECT_EQ(detection["type"], "USA_SOCIAL_SECURITY_NUMBER");
  EXPECT_EQ(detection["count"], 2);
  EXPECT_EQ(detection["tamisSeverity"], json({{"description", "High"}, {"score", 3}}));

  const json& occurrences = detection["occurrences"];
  ASSERT_EQ(occurrences["lineRanges"].size(), 2u);
  ASSERT_EQ(occurrences["offsetRanges"].size(), 2u);
  EXPECT_EQ(occurrences["lineRanges"][0], json({{"start", 3}, {"end", 3}, {"startColumn", 7}}));
  EXPECT_EQ(occurrences["offsetRanges"][0],
            json({{"start", 120}, {"end", 131}, {"startColumn", 7}, {"tamisText", "*******6789"}}));
  EXPECT_EQ(occurrences["lineRanges"][1], json({{"start", 9}, {"end", 10}, {"startColumn", 1}}));
  EXPECT_EQ(occurrences["offsetRanges"][1]["start"], 400);
  EXPECT_EQ(occurrences["offsetRanges"][1]["end"], 412);
  EXPECT_EQ(occurrences["offsetRanges"][1]["tamisText"], "********1234");
  EXPECT_TRUE(occurrences["cells"].is_null());
  EXPECT_TRUE(occurrences["pages"].is_null());
  EXPECT_TRUE(occurrences["records"].is_null());
}

TEST(JsonWriter, GroupsManagedDetectionsByCategoryInFirstAppearanceOrder) {
  ObjectResult result = base_result();
  result.detections.push_back(
      managed("AWS_CREDENTIALS", Category::kCredentials, 1, Severity::kHigh));
  result.detections.push_back(
      managed("USA_PASSPORT_NUMBER", Category::kPersonalInformation, 3, Severity::kHigh));
  result.detections.push_back(
      managed("OPENSSH_PRIVATE_KEY", Category::kCredentials, 2, Severity::kHigh));
  result.detections.push_back(
      managed("DRIVERS_LICENSE", Category::kPersonalInformation, 5, Severity::kMedium));

  const json doc = write(result);
  const json& data = doc["classificationDetails"]["result"]["sensitiveData"];
  ASSERT_EQ(data.size(), 2u);
  EXPECT_EQ(data[0]["category"], "CREDENTIALS");
  EXPECT_EQ(data[0]["totalCount"], 3);
  ASSERT_EQ(data[0]["detections"].size(), 2u);
  EXPECT_EQ(data[0]["detections"][0]["type"], "AWS_CREDENTIALS");
  EXPECT_EQ(data[0]["detections"][1]["type"], "OPENSSH_PRIVATE_KEY");
  EXPECT_EQ(data[1]["category"], "PERSONAL_INFORMATION");
  EXPECT_EQ(data[1]["totalCount"], 8);
  EXPECT_EQ(data[1]["detections"][0]["type"], "USA_PASSPORT_NUMBER");
  EXPECT_EQ(data[1]["detections"][1]["type"], "DRIVERS_LICENSE");
  EXPECT_EQ(data[1]["detections"][1]["tamisSeverity"]["description"], "Medium");

  EXPECT_EQ(doc["type"], "SensitiveData:S3Object/Multiple");
  EXPECT_EQ(doc["severity"]["score"], 3);
}

TEST(JsonWriter, SingleCategoryTypes) {
  const struct {
    Category category;
    const char* type;
  } cases[] = {{Category::kCredentials, "SensitiveData:S3Object/Credentials"},
               {Category::kFinancialInformation, "SensitiveData:S3Object/Financial"},
               {Category::kPersonalInformation, "SensitiveData:S3Object/Personal"}};
  for (const auto& c : cases) {
    ObjectResult result = base_result();
    result.detections.push_back(managed("A", c.category, 1, Severity::kLow));
    result.detections.push_back(managed("B", c.category, 1, Severity::kMedium));
    const json doc = write(result);
    EXPECT_EQ(doc["type"], c.type);
    EXPECT_EQ(doc["severity"], json({{"description", "Medium"}, {"score", 2}}));
  }
}

TEST(JsonWriter, CustomIdentifiersSection) {
  ObjectResult result = base_result();
  Detection employee = custom("EmployeeId", 4, Severity::kLow);
  employee.occurrences.push_back(make_occurrence(10, 20, 1, 11, "******1234"));
  result.detections.push_back(employee);
  result.detections.push_back(custom("ProjectCode", 2, Severity::kMedium));

  const json doc = write(result);
  EXPECT_EQ(doc["type"], "SensitiveData:S3Object/CustomIdentifier");
  EXPECT_EQ(doc["severity"]["description"], "Medium");
  EXPECT_EQ(doc["classificationDetails"]["result"]["sensitiveData"], json::array());

  const json& customs = doc["classificationDetails"]["result"]["customDataIdentifiers"];
  EXPECT_EQ(customs["totalCount"], 6);
  ASSERT_EQ(customs["detections"].size(), 2u);
  const json& first = customs["detections"][0];
  ASSERT_TRUE(first.contains("arn"));
  EXPECT_TRUE(first["arn"].is_null());
  EXPECT_EQ(first["name"], "EmployeeId");
  EXPECT_FALSE(first.contains("type"));
  EXPECT_EQ(first["count"], 4);
  EXPECT_EQ(first["tamisSeverity"]["score"], 1);
  EXPECT_EQ(first["occurrences"]["offsetRanges"][0]["tamisText"], "******1234");
  EXPECT_EQ(first["occurrences"]["lineRanges"][0]["startColumn"], 11);
  EXPECT_EQ(customs["detections"][1]["name"], "ProjectCode");
  EXPECT_EQ(customs["detections"][1]["occurrences"]["lineRanges"], json::array());
}

TEST(JsonWriter, CustomAndManagedTogetherAreMultiple) {
  ObjectResult result = base_result();
  result.detections.push_back(
      managed("CREDIT_CARD_NUMBER", Category::kFinancialInformation, 1, Severity::kHigh));
  result.detections.push_back(custom("EmployeeId", 1, Severity::kLow));
  const json doc = write(result);
  EXPECT_EQ(doc["type"], "SensitiveData:S3Object/Multiple");
  EXPECT_EQ(doc["severity"]["score"], 3);
}

TEST(JsonWriter, CustomBelowThresholdIsListedButNotAFinding) {
  ObjectResult result = base_result();
  result.detections.push_back(custom("EmployeeId", 1, Severity::kNone));
  const json doc = write(result);
  EXPECT_TRUE(doc["type"].is_null());
  EXPECT_TRUE(doc["severity"].is_null());
  const json& customs = doc["classificationDetails"]["result"]["customDataIdentifiers"];
  EXPECT_EQ(customs["totalCount"], 1);
  ASSERT_EQ(customs["detections"].size(), 1u);
  ASSERT_TRUE(customs["detections"][0].contains("tamisSeverity"));
  EXPECT_TRUE(customs["detections"][0]["tamisSeverity"].is_null());

  // Beside a real finding it neither adds its category nor lowers anything.
  result.detections.insert(result.detections.begin(),
                           managed("PGP_PRIVATE_KEY", Category::kCredentials, 1, Severity::kHigh));
  const json both = write(result);
  EXPECT_EQ(both["type"], "SensitiveData:S3Object/Credentials");
  EXPECT_EQ(both["severity"]["score"], 3);
}

TEST(JsonWriter, StatusReasonDetailAndDiagnostics) {
  ObjectResult result = base_result();
  result.status.code = "SKIPPED";
  result.status.reason = "FILE_EXCEEDS_SIZE_LIMIT";
  result.status.detail = "object is 30 GB, limit 20 GB";
  result.size_classified = 0;
  result.additional_occurrences = true;
  result.diagnostics.push_back({"INVALID_UTF8", "3 invalid bytes, first at offset 17"});
  result.diagnostics.push_back({"BINARY_CONTENT", "NUL bytes found"});

  const json doc = write(result);
  const json& status = doc["classificationDetails"]["result"]["status"];
  EXPECT_EQ(status["code"], "SKIPPED");
  EXPECT_EQ(status["reason"], "FILE_EXCEEDS_SIZE_LIMIT");
  EXPECT_EQ(doc["classificationDetails"]["result"]["sizeClassified"], 0);
  EXPECT_EQ(doc["classificationDetails"]["result"]["additionalOccurrences"], true);
  EXPECT_EQ(doc["tamis"]["statusDetail"], "object is 30 GB, limit 20 GB");
  ASSERT_EQ(doc["tamis"]["diagnostics"].size(), 2u);
  EXPECT_EQ(doc["tamis"]["diagnostics"][0],
            json({{"code", "INVALID_UTF8"}, {"detail", "3 invalid bytes, first at offset 17"}}));
  EXPECT_EQ(doc["tamis"]["diagnostics"][1]["code"], "BINARY_CONTENT");
}

TEST(JsonWriter, ExtensionComesFromTheLastPathComponent) {
  const struct {
    const char* path;
    const char* extension;
  } cases[] = {{"a/b/report.tar.gz", "gz"}, {"dir.d/README", ""}, {"home/.bashrc", ""},
               {"notes.TXT", "TXT"},        {"plain", ""},        {"x/y.", ""}};
  for (const auto& c : cases) {
    ObjectResult result = base_result();
    result.path = c.path;
    EXPECT_EQ(write(result)["resourcesAffected"]["s3Object"]["extension"], c.extension) << c.path;
  }
}

TEST(JsonWriter, PrettyUsesTwoSpacesAndCompactIsOneLine) {
  ObjectResult result = base_result();
  result.detections.push_back(
      managed("AWS_CREDENTIALS", Category::kCredentials, 1, Severity::kHigh));
  const std::string compact = result_to_json(result);
  const std::string pretty = result_to_json(result, JsonWriteOptions{.pretty = true});

  EXPECT_EQ(compact.find('\n'), std::string::npos);
  EXPECT_EQ(pretty.rfind("{\n  \"schemaVersion\": \"1.0\",\n  \"category\"", 0), 0u) << pretty;
  EXPECT_NE(pretty.find("\n    \"s3Object\": {\n      \"key\""), std::string::npos) << pretty;
  EXPECT_EQ(json::parse(compact), json::parse(pretty));
}

TEST(JsonWriter, InvalidUtf8IsReplacedNotThrown) {
  ObjectResult result = base_result();
  result.path = std::string("bad\xff") + "name.txt";
  Detection detection = managed("AWS_CREDENTIALS", Category::kCredentials, 1, Severity::kHigh);
  detection.occurrences.push_back(make_occurrence(0, 4, 1, 1, std::string("ab\xc3", 3)));
  result.detections.push_back(detection);

  const json doc = write(result);
  EXPECT_EQ(doc["resourcesAffected"]["s3Object"]["key"], "bad\xEF\xBF\xBDname.txt");
  EXPECT_EQ(doc["classificationDetails"]["result"]["sensitiveData"][0]["detections"][0]
               ["occurrences"]["offsetRanges"][0]["tamisText"],
            "ab\xEF\xBF\xBD");
}

}  // namespace
}  // namespace tamis

namespace tamis {
namespace {

TEST(JsonWriterSegments, CellsAndRecordsGoToTheirOwnArrays) {
  ObjectResult result = base_result();
  Detection ssn =
      managed("USA_SOCIAL_SECURITY_NUMBER", Category::kPersonalInformation, 2, Severity::kHigh);
  Occurrence in_cell = make_occurrence(0, 11, 1, 1, "*******1849");
  in_cell.where = CellLocation{3, 2, "ssn", "B3", ""};
  Occurrence in_record = make_occurrence(2, 13, 1, 3, "*******1849");
  in_record.where = RecordLocation{4, "$.people[1].ssn"};
  ssn.occurrences = {in_cell, in_record};
  result.detections.push_back(ssn);
  const auto doc = nlohmann::json::parse(result_to_json(result, {}));
  const auto& occurrences =
      doc["classificationDetails"]["result"]["sensitiveData"][0]["detections"][0]["occurrences"];
  EXPECT_EQ(occurrences["lineRanges"].size(), 0U);
  ASSERT_EQ(occurrences["cells"].size(), 1U);
  EXPECT_EQ(occurrences["cells"][0]["row"], 3);
  EXPECT_EQ(occurrences["cells"][0]["column"], 2);
  EXPECT_EQ(occurrences["cells"][0]["columnName"], "ssn");
  EXPECT_EQ(occurrences["cells"][0]["cellReference"], "B3");
  EXPECT_EQ(occurrences["cells"][0]["tamisText"], "*******1849");
  EXPECT_FALSE(occurrences["cells"][0].contains("tamisSheet"));
  ASSERT_EQ(occurrences["records"].size(), 1U);
  EXPECT_EQ(occurrences["records"][0]["recordIndex"], 4);
  EXPECT_EQ(occurrences["records"][0]["jsonPath"], "$.people[1].ssn");
  EXPECT_EQ(occurrences["records"][0]["tamisOffsetRange"]["start"], 2);
  EXPECT_TRUE(occurrences["pages"].is_null());
}

}  // namespace
}  // namespace tamis
