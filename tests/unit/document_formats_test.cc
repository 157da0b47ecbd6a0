// XML/HTML, email and Office documents through the whole object path: format chosen by content,
// markup never gluing values, element names as keywords, declared encodings honoured, email
// attachments as objects of their own (and the depth limit across emails), Office packages read
// as documents even inside archives, password-protected Office files reported, not scanned.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "archive/file_byte_source.h"
#include "engine/object_scanner.h"
#include "engine_test_support.h"

namespace tamis {
namespace {

namespace fs = std::filesystem;
using testing_support::find_detection;

class DocumentFormatsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("tamis-documents-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    engine_ = make_engine(Limits{});
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::shared_ptr<const Engine> make_engine(const Limits& limits) {
    Config config;
    config.selector = ManagedSelector::kInclude;
    config.managed_ids = {"USA_SOCIAL_SECURITY_NUMBER", "CREDIT_CARD_NUMBER"};
    config.reveal_values = true;
    config.limits = limits;
    return testing_support::build_or_die(config);
  }

  fs::path write(const std::string& name, const std::string& bytes) {
    const fs::path path = dir_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  std::vector<ObjectResult> scan(const fs::path& path, const std::string& name,
                                 std::shared_ptr<const Engine> engine = nullptr) {
    Scanner scanner(engine ? engine : engine_);
    ObjectScanner objects(scanner);
    FileByteSource source(path.string());
    std::vector<ObjectResult> results;
    objects.scan(source, name, [&](ObjectResult r) { results.push_back(std::move(r)); });
    return results;
  }

  static const ObjectResult* result_named(const std::vector<ObjectResult>& results,
                                          const std::string& path) {
    for (const auto& r : results) {
      if (r.path == path) return &r;
    }
    return nullptr;
  }

  static std::uint64_t count_of(const ObjectResult& result, const std::string& type) {
    const Detection* d = find_detection(result, type);
    return d == nullptr ? 0 : d->count;
  }

  fs::path dir_;
  std::shared_ptr<const Engine> engine_;
};

TEST_F(DocumentFormatsTest, XmlElementNamesAreKeywordsAndTagsNeverGlueValues) {
  const std::string xml =
      "<?xml version=\"1.0\"?>\n"
      "<people>\n"
      "  <person><ssn>412</ssn><ssn>67</ssn><ssn>3390</ssn></person>\n"
      "  <person><ssn>536-22-1849</ssn></person>\n"
      "  <person><name>Jordan Avery, accounts team</name><id>412-67-3390</id></person>\n"
      "</people>\n";
  const auto results = scan(write("people.xml", xml), "people.xml");
  ASSERT_EQ(results.size(), 1U);
  EXPECT_EQ(results[0].mime_type, "application/xml");
  const Detection* ssn = find_detection(results[0], "USA_SOCIAL_SECURITY_NUMBER");
  ASSERT_NE(ssn, nullptr);
  // Only the second person's: the first is three separate values, the third is more than 30
  // characters from any keyword (element names count, as they would in the raw XML).
  ASSERT_EQ(ssn->count, 1U);
  EXPECT_EQ(ssn->occurrences[0].text, "536-22-1849");
  EXPECT_EQ(ssn->occurrences[0].line, 4U);
}

TEST_F(DocumentFormatsTest, XmlDeclaredEncodingIsHonoured) {
  // "Employé SSN" in ISO-8859-1, as the declaration says; the é is one byte (0xE9).
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<note>Employ\xe9 SSN 536-22-1849</note>\n";
  const auto results = scan(write("latin1.xml", xml), "latin1.xml");
  ASSERT_EQ(results.size(), 1U);
  EXPECT_EQ(count_of(results[0], "USA_SOCIAL_SECURITY_NUMBER"), 1U);
  bool encoding_reported = false;
  for (const Diagnostic& d : results[0].diagnostics) {
    encoding_reported = encoding_reported ||
                        (d.code == "ENCODING" && d.detail.find("ISO-8859-1") != std::string::npos);
  }
  EXPECT_TRUE(encoding_reported);
}

TEST_F(DocumentFormatsTest, HtmlAttributesAndEntitiesAreScanned) {
  const std::string html =
      "<!DOCTYPE html><html><body>\n"
      "<p>SSN&nbsp;536-22-1849</p>\n"
      "<input name=\"ssn\" value=\"412-67-3390\">\n"
      "</body></html>\n";
  const auto results = scan(write("page.html", html), "page.html");
  ASSERT_EQ(results.size(), 1U);
  EXPECT_EQ(results[0].mime_type, "text/html");
  EXPECT_EQ(count_of(results[0], "USA_SOCIAL_SECURITY_NUMBER"), 2U);
}

// A message with a quoted-printable body and a base64 CSV attachment.
std::string email_with_csv(const std::string& subject, const std::string& attachment_name,
                           const std::string& attachment_type, const std::string& base64) {
  std::string mail;
  mail += "From: Rosa <rosa@example.com>\r\nTo: hr@example.com\r\n";
  mail += "Subject: " + subject + "\r\n";
  mail += "Date: Tue, 05 Mar 2024 09:30:00 +0100\r\nMIME-Version: 1.0\r\n";
  mail += "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n";
  mail += "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n";
  mail += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
  mail += "Lee's social security number is 536-22-=\r\n1849.\r\n";
  mail += "--b1\r\nContent-Type: " + attachment_type + "\r\n";
  mail += "Content-Transfer-Encoding: base64\r\n";
  mail += "Content-Disposition: attachment; filename=\"" + attachment_name + "\"\r\n\r\n";
  mail += base64 + "\r\n--b1--\r\n";
  return mail;
}

TEST_F(DocumentFormatsTest, EmailAttachmentsAreObjectsOfTheirOwn) {
  // "name,ssn\nAna,412-67-3390\n" in base64.
  const std::string mail =
      email_with_csv("Q1 report", "staff.csv", "text/csv", "bmFtZSxzc24KQW5hLDQxMi02Ny0zMzkwCg==");
  const auto results = scan(write("report.eml", mail), "report.eml");
  ASSERT_EQ(results.size(), 2U);
  const ObjectResult* message = result_named(results, "report.eml");
  const ObjectResult* csv = result_named(results, "report.eml/staff.csv");
  ASSERT_NE(message, nullptr);
  ASSERT_NE(csv, nullptr);
  EXPECT_EQ(message->mime_type, "message/rfc822");
  // The soft line break of quoted-printable joined the number again.
  const Detection* body_ssn = find_detection(*message, "USA_SOCIAL_SECURITY_NUMBER");
  ASSERT_NE(body_ssn, nullptr);
  EXPECT_EQ(body_ssn->occurrences[0].text, "536-22-1849");
  EXPECT_EQ(csv->mime_type, "text/csv");
  const Detection* cell = find_detection(*csv, "USA_SOCIAL_SECURITY_NUMBER");
  ASSERT_NE(cell, nullptr);
  const auto* where = std::get_if<CellLocation>(&cell->occurrences[0].where);
  ASSERT_NE(where, nullptr);
  EXPECT_EQ(where->cell_reference, "B2");
}

TEST_F(DocumentFormatsTest, EmailsAttachedToEmailsStopAtTheDepthLimit) {
  // Each level attaches the previous message; the innermost holds an SSN.
  std::string inner =
      "From: a@example.com\r\nTo: b@example.com\r\nSubject: level 0\r\nMIME-Version: 1.0\r\n"
      "Content-Type: text/plain\r\n\r\nSSN 536-22-1849\r\n";
  for (int level = 1; level <= 4; ++level) {
    std::string outer = "From: a@example.com\r\nTo: b@example.com\r\nSubject: level ";
    outer += std::to_string(level);
    outer += "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"L";
    outer += std::to_string(level);
    outer += "\"\r\n\r\n--L" + std::to_string(level);
    outer += "\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n--L" + std::to_string(level);
    outer += "\r\nContent-Type: message/rfc822\r\n\r\n";
    outer += inner;
    outer += "\r\n--L" + std::to_string(level) + "--\r\n";
    inner = outer;
  }
  const fs::path path = write("chain.eml", inner);

  const auto unlimited = scan(path, "chain.eml");
  std::uint64_t found = 0;
  for (const auto& r : unlimited) found += count_of(r, "USA_SOCIAL_SECURITY_NUMBER");
  EXPECT_EQ(found, 1U);

  Limits shallow;
  shallow.max_archive_depth = 2;
  const auto limited = scan(path, "chain.eml", make_engine(shallow));
  found = 0;
  bool depth_reported = false;
  for (const auto& r : limited) {
    found += count_of(r, "USA_SOCIAL_SECURITY_NUMBER");
    depth_reported = depth_reported || r.status.reason == "ARCHIVE_DEPTH_LIMIT";
  }
  EXPECT_EQ(found, 0U);
  EXPECT_TRUE(depth_reported);
}

TEST_F(DocumentFormatsTest, OfficeDocumentInsideAZipIsOneDocument) {
  if (std::system("command -v zip >/dev/null") != 0) GTEST_SKIP() << "zip is needed";
  const fs::path letter = fs::path(TAMIS_SOURCE_DIR) / "corpus" / "formats" / "letter.docx";
  const fs::path book = fs::path(TAMIS_SOURCE_DIR) / "corpus" / "formats" / "customers.xlsx";
  ASSERT_TRUE(fs::exists(letter) && fs::exists(book));
  fs::copy_file(letter, dir_ / "letter.docx");
  fs::copy_file(book, dir_ / "customers.xlsx");
  const std::string command =
      "cd '" + dir_.string() + "' && zip -q bundle.zip letter.docx customers.xlsx";
  ASSERT_EQ(std::system(command.c_str()), 0);
  const auto results = scan(dir_ / "bundle.zip", "bundle.zip");
  ASSERT_EQ(results.size(), 2U) << "the packages' parts are not objects of their own";
  const ObjectResult* docx = result_named(results, "bundle.zip/letter.docx");
  const ObjectResult* xlsx = result_named(results, "bundle.zip/customers.xlsx");
  ASSERT_NE(docx, nullptr);
  ASSERT_NE(xlsx, nullptr);
  EXPECT_EQ(docx->mime_type,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_GT(count_of(*docx, "USA_SOCIAL_SECURITY_NUMBER"), 0U);
  const Detection* card = find_detection(*xlsx, "CREDIT_CARD_NUMBER");
  ASSERT_NE(card, nullptr);
  const auto* cell = std::get_if<CellLocation>(&card->occurrences[0].where);
  ASSERT_NE(cell, nullptr);
  EXPECT_FALSE(cell->sheet.empty());
  EXPECT_NE(cell->cell_reference.find('!'), std::string::npos) << cell->cell_reference;
}

TEST_F(DocumentFormatsTest, OfficeFilesOnDiskAreReadInPlaceAndCopiesAreBounded) {
  if (std::system("command -v zip >/dev/null") != 0) GTEST_SKIP() << "zip is needed";
  const fs::path letter = fs::path(TAMIS_SOURCE_DIR) / "corpus" / "formats" / "letter.docx";
  fs::copy_file(letter, dir_ / "letter.docx");
  const std::string command = "cd '" + dir_.string() + "' && zip -q bundle.zip letter.docx";
  ASSERT_EQ(std::system(command.c_str()), 0);
  Limits tiny;
  tiny.max_office_package_bytes = 1024;  // smaller than the package
  const auto engine = make_engine(tiny);
  // On disk the package is read where it is: the copy limit does not apply.
  const auto direct = scan(dir_ / "letter.docx", "letter.docx", engine);
  ASSERT_EQ(direct.size(), 1U);
  EXPECT_EQ(direct[0].status.code, "COMPLETE") << direct[0].status.detail;
  EXPECT_GT(count_of(direct[0], "USA_SOCIAL_SECURITY_NUMBER"), 0U);
  // Inside a zip it would have to be copied into memory, and it is larger than allowed.
  const auto nested = scan(dir_ / "bundle.zip", "bundle.zip", engine);
  const ObjectResult* member = result_named(nested, "bundle.zip/letter.docx");
  ASSERT_NE(member, nullptr);
  EXPECT_EQ(member->status.code, "SKIPPED");
  EXPECT_EQ(member->status.reason, "MALFORMED_OR_FILE_SIZE_EXCEEDS_LIMIT");
}

TEST_F(DocumentFormatsTest, PasswordProtectedOfficeFileIsReportedNotScanned) {
  // The OLE compound file signature, as Office writes an encrypted package.
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ole += std::string(4096, '\0');
  ole += "SSN 536-22-1849";
  const auto results = scan(write("salaries.xlsx", ole), "salaries.xlsx");
  ASSERT_EQ(results.size(), 1U);
  EXPECT_EQ(results[0].status.code, "SKIPPED");
  EXPECT_EQ(results[0].status.reason, "ENCRYPTED");
  EXPECT_TRUE(results[0].detections.empty());
}

}  // namespace
}  // namespace tamis
