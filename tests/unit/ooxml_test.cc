// OOXML extraction: packages built here with libarchive's zip writer from XML written the way
// Word, Excel, LibreOffice and PowerPoint write it (namespaces, relationships, shared strings
// stored after the sheets, styles, inline strings, cells without references, runs splitting a
// number), read both from memory (spooled) and from a file (seekable).
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "archive/file_byte_source.h"
#include "archive_test_support.h"
#include "extract/ooxml_detect.h"
#include "extract/ooxml_extractor.h"

namespace tamis {
namespace {

using archive_test::ScratchDir;
using archive_test::StringSource;
using Entries = std::vector<std::pair<std::string, std::string>>;

// A zip written by libarchive, entries in the given order; deflated unless `store`.
std::string make_zip(const Entries& entries, bool store = false) {
  std::string out;
  struct archive* writer = archive_write_new();
  archive_write_set_format_zip(writer);
  if (store) archive_write_set_format_option(writer, "zip", "compression", "store");
  archive_write_set_bytes_in_last_block(writer, 1);
  archive_write_open2(
      writer, &out, nullptr,
      [](struct archive*, void* self, const void* buffer, size_t size) -> la_ssize_t {
        static_cast<std::string*>(self)->append(static_cast<const char*>(buffer), size);
        return static_cast<la_ssize_t>(size);
      },
      nullptr, nullptr);
  for (const auto& [name, data] : entries) {
    struct archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, name.c_str());
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_entry_set_size(entry, static_cast<la_int64_t>(data.size()));
    archive_write_header(writer, entry);
    archive_write_data(writer, data.data(), data.size());
    archive_entry_free(entry);
  }
  archive_write_close(writer);
  archive_write_free(writer);
  return out;
}

struct SeenCell {
  CellLocation cell;
  std::vector<std::string> keywords;
  std::string text;
};

class RecordingOutput final : public OoxmlOutput, public SegmentSink {
 public:
  void text(std::string_view utf8) override { flowing.append(utf8); }
  SegmentSink& cells() override { return *this; }
  bool begin_segment(const SegmentLocation& location) override {
    EXPECT_FALSE(open);
    open = true;
    seen.push_back(SeenCell{std::get<CellLocation>(location.where), location.context_keywords, {}});
    const bool go_on = stop_after == 0 || seen.size() < stop_after;
    open = go_on;
    return go_on;
  }
  bool segment_text(std::string_view utf8) override {
    EXPECT_TRUE(open);
    seen.back().text.append(utf8);
    return true;
  }
  bool end_segment() override {
    EXPECT_TRUE(open);
    open = false;
    return true;
  }

  // One line per cell: "Sheet!A1 [column name] text".
  std::string cell_lines() const {
    std::string out;
    for (const SeenCell& cell : seen) {
      out += cell.cell.cell_reference;
      out += " (" + std::to_string(cell.cell.row) + "," + std::to_string(cell.cell.column) + ")";
      out += " sheet=" + cell.cell.sheet;
      if (!cell.cell.column_name.empty()) out += " [" + cell.cell.column_name + "]";
      for (const std::string& keyword : cell.keywords) out += " kw=" + keyword;
      out += " " + cell.text + "\n";
    }
    return out;
  }

  std::string flowing;
  std::vector<SeenCell> seen;
  std::size_t stop_after = 0;  // 0: never stop
  bool open = false;
};

bool has_diagnostic(const OoxmlSummary& summary, std::string_view code) {
  for (const Diagnostic& diagnostic : summary.diagnostics) {
    if (diagnostic.code == code) return true;
  }
  return false;
}

std::string describe(const OoxmlSummary& summary) {
  std::string out =
      summary.status.code + "/" + summary.status.reason + ": " + summary.status.detail;
  for (const Diagnostic& diagnostic : summary.diagnostics) {
    out += "\n  " + diagnostic.code + ": " + diagnostic.detail;
  }
  return out;
}

OoxmlSummary extract_from_memory(const std::string& zip, OoxmlKind kind, RecordingOutput& out,
                                 const OoxmlLimits& limits = {}) {
  StringSource source(zip, 1000);
  return extract_ooxml(source, kind, limits, out);
}

OoxmlSummary extract_from_file(const std::string& zip, OoxmlKind kind, RecordingOutput& out,
                               const OoxmlLimits& limits = {}) {
  ScratchDir scratch;
  const std::string path = scratch.file("package.zip");
  std::ofstream(path, std::ios::binary) << zip;
  FileByteSource source(path);
  EXPECT_TRUE(source.can_seek());
  return extract_ooxml(source, kind, limits, out);
}

// ---- Word ----------------------------------------------------------------------------------

constexpr std::string_view kXmlDeclaration =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";
constexpr std::string_view kWordNamespaces =
    " xmlns:wpc=\"http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas\""
    " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
    " xmlns:o=\"urn:schemas-microsoft-com:office:office\""
    " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
    " xmlns:v=\"urn:schemas-microsoft-com:vml\""
    " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
    " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
    " xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\""
    " xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""
    " mc:Ignorable=\"w14 wp14\"";

std::string word_part(std::string_view root, std::string_view body) {
  std::string xml(kXmlDeclaration);
  xml += "<w:";
  xml += root;
  xml += kWordNamespaces;
  xml += ">";
  xml += body;
  xml += "</w:";
  xml += root;
  xml += ">";
  return xml;
}

constexpr std::string_view kWordBody =
    "<w:body>"
    "<w:p w:rsidR=\"00A15B2C\" w:rsidRDefault=\"00A15B2C\"><w:pPr><w:pStyle w:val=\"Heading1\"/>"
    "<w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
    "<w:r><w:t>Customer record</w:t></w:r></w:p>"
    // One card number split across three runs by formatting and a proofing mark.
    "<w:p><w:r><w:t xml:space=\"preserve\">Card: </w:t></w:r>"
    "<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t>4111 11</w:t></w:r>"
    "<w:proofErr w:type=\"spellStart\"/><w:r w:rsidRPr=\"00F1\"><w:t>11 1111 1111</w:t></w:r>"
    "<w:proofErr w:type=\"spellEnd\"/><w:r><w:tab/><w:t>end</w:t></w:r></w:p>"
    "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>"
    "<w:tblGrid><w:gridCol w:w=\"4675\"/><w:gridCol w:w=\"4675\"/></w:tblGrid>"
    "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"4675\" w:type=\"dxa\"/></w:tcPr><w:p><w:r><w:t>Name</w:t>"
    "</w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>SSN</w:t></w:r></w:p></w:tc></w:tr>"
    "<w:tr><w:tc><w:p><w:r><w:t>Jane</w:t></w:r></w:p><w:p><w:r><w:t>Doe</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>123-45-6789</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    // A tracked change: the deleted key is still in the file.
    "<w:p><w:r><w:t>Old key:</w:t></w:r><w:del w:id=\"1\" w:author=\"Jane\" "
    "w:date=\"2024-01-02T03:04:00Z\"><w:r><w:delText>AKIAIOSFODNN7EXAMPLE</w:delText></w:r></w:del>"
    "<w:ins w:id=\"2\" w:author=\"Jane\"><w:r><w:t>removed</w:t></w:r></w:ins></w:p>"
    "<w:p><w:r><w:t>Line one</w:t><w:br/><w:t>line two</w:t></w:r>"
    "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> "
    "PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
    // A text box: Word writes it twice, the VML copy in mc:Fallback.
    "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor>"
    "<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Boxed &amp; kept</w:t></w:r></w:p>"
    "</w:txbxContent></wps:txbx></wps:wsp></wp:anchor></w:drawing></mc:Choice><mc:Fallback>"
    "<w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Boxed &amp; kept</w:t></w:r>"
    "</w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>"
    "</w:r></w:p>"
    "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId8\"/><w:pgSz w:w=\"12240\" "
    "w:h=\"15840\"/></w:sectPr></w:body>";

Entries word_entries() {
  Entries entries;
  entries.emplace_back(
      "[Content_Types].xml",
      std::string(kXmlDeclaration) +
          "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          "<Default Extension=\"rels\" "
          "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
          "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
          "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
  entries.emplace_back(
      "_rels/.rels",
      std::string(kXmlDeclaration) +
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
          "relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
          "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
          "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
  entries.emplace_back("word/document.xml", word_part("document", kWordBody));
  entries.emplace_back(
      "word/_rels/document.xml.rels",
      std::string(kXmlDeclaration) +
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          "<Relationship Id=\"rId8\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
          "relationships/header\" Target=\"header1.xml\"/></Relationships>");
  // Stored before the header and footer, read after them.
  entries.emplace_back(
      "word/comments.xml",
      word_part("comments",
                "<w:comment w:id=\"0\" w:author=\"Ops\" w:initials=\"O\"><w:p><w:pPr>"
                "<w:pStyle w:val=\"CommentText\"/></w:pPr><w:r><w:annotationRef/></w:r><w:r>"
                "<w:t>password: hunter2</w:t></w:r></w:p></w:comment>"));
  entries.emplace_back("word/footnotes.xml",
                       word_part("footnotes",
                                 "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r>"
                                 "<w:separator/></w:r></w:p></w:footnote><w:footnote w:id=\"1\">"
                                 "<w:p><w:r><w:t>See note</w:t></w:r></w:p></w:footnote>"));
  entries.emplace_back("word/styles.xml",
                       word_part("styles",
                                 "<w:style w:type=\"paragraph\" w:styleId=\"Normal\">"
                                 "<w:name w:val=\"Normal\"/></w:style>"));
  entries.emplace_back("word/footer1.xml",
                       word_part("ftr", "<w:p><w:r><w:t>Confidential</w:t></w:r></w:p>"));
  entries.emplace_back("word/header2.xml",
                       word_part("hdr", "<w:p><w:r><w:t>Second header</w:t></w:r></w:p>"));
  entries.emplace_back("word/header10.xml",
                       word_part("hdr", "<w:p><w:r><w:t>Tenth header</w:t></w:r></w:p>"));
  entries.emplace_back("word/media/image1.png", std::string("\x89PNG\r\n\x1a\n", 8));
  entries.emplace_back("docProps/app.xml", std::string(kXmlDeclaration) + "<Properties/>");
  return entries;
}

constexpr std::string_view kWordText =
    "Customer record\n"
    "Card: 4111 1111 1111 1111\tend\n"
    "Name\tSSN\n"
    "Jane\nDoe\t123-45-6789\n"
    "Old key: AKIAIOSFODNN7EXAMPLE removed\n"
    "Line one\nline two\n"
    "Boxed & kept\n"
    "Second header\n"
    "Tenth header\n"
    "Confidential\n"
    "See note\n"
    "password: hunter2";

TEST(OoxmlDocx, ExtractsBodyTablesTrackedChangesTextBoxesHeadersFootersNotesAndComments) {
  RecordingOutput out;
  const OoxmlSummary summary = extract_from_memory(make_zip(word_entries()), OoxmlKind::kDocx, out);
  EXPECT_EQ(summary.status.code, "COMPLETE") << describe(summary);
  EXPECT_TRUE(summary.diagnostics.empty()) << describe(summary);
  EXPECT_EQ(out.flowing, kWordText);
  EXPECT_TRUE(out.seen.empty());
  EXPECT_EQ(summary.parts_read, 7u);  // .rels, document, 2 headers, footer, footnotes, comments
}

TEST(OoxmlDocx, MainPartNamedByTheRootRelationships) {
  Entries entries = word_entries();
  entries[1].second = std::string(kXmlDeclaration) +
                      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                      "relationships\"><Relationship Id=\"rId1\" Type=\"http://purl.oclc.org/"
                      "ooxml/officeDocument/relationships/officeDocument\" "
                      "Target=\"/word/document2.xml\"/></Relationships>";
  entries[2].first = "word/document2.xml";
  RecordingOutput out;
  const OoxmlSummary summary = extract_from_memory(make_zip(entries), OoxmlKind::kDocx, out);
  EXPECT_EQ(summary.status.code, "COMPLETE") << describe(summary);
  EXPECT_EQ(out.flowing, kWordText);
}

// ---- Excel ---------------------------------------------------------------------------------

constexpr std::string_view kSheetNamespaces =
    " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
    " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
    " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
    " mc:Ignorable=\"x14ac xr\""
    " xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\""
    " xmlns:xr=\"http://schemas.microsoft.com/office/spreadsheetml/2014/revision\"";

std::string sheet_part(std::string_view sheet_data) {
  std::string xml(kXmlDeclaration);
  xml += "<worksheet";
  xml += kSheetNamespaces;
  xml +=
      "><dimension ref=\"A1:D3\"/><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"
      "<sheetFormatPr defaultRowHeight=\"15\" x14ac:dyDescent=\"0.25\"/>"
      "<cols><col min=\"1\" max=\"4\" width=\"20.7109375\" customWidth=\"1\"/></cols>";
  xml += sheet_data;
  xml +=
      "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" "
      "footer=\"0.3\"/></worksheet>";
  return xml;
}

// Excel-style: every cell has r=, strings are shared, a rich-text string splits the SSN.
constexpr std::string_view kCustomersSheet =
    "<sheetData>"
    "<row r=\"1\" spans=\"1:4\" x14ac:dyDescent=\"0.25\"><c r=\"A1\" s=\"1\" t=\"s\"><v>0</v></c>"
    "<c r=\"B1\" s=\"1\" t=\"s\"><v>1</v></c><c r=\"C1\" s=\"1\" t=\"s\"><v>2</v></c>"
    "<c r=\"D1\" s=\"1\" t=\"s\"><v>3</v></c></row>"
    "<row r=\"2\" spans=\"1:4\"><c r=\"A2\" t=\"s\"><v>4</v></c><c r=\"B2\" s=\"2\" "
    "t=\"s\"><v>5</v>"
    "</c><c r=\"C2\" s=\"3\"><v>4111111111111111</v></c><c r=\"D2\" t=\"b\"><v>1</v></c></row>"
    "<row r=\"4\" spans=\"1:4\"><c r=\"A4\" t=\"inlineStr\"><is><t>Bob</t></is></c>"
    "<c r=\"C4\" t=\"str\"><f>\"5555 5555 5555 \"&amp;\"4444\"</f><v>5555 5555 5555 4444</v></c>"
    "<c r=\"D4\" t=\"e\"><v>#N/A</v></c><c r=\"AB4\"><f>1+1</f><v>2</v></c></row>"
    "</sheetData>";

// LibreOffice-style: no r= on cells (nor on most rows), inline strings; an empty first row.
constexpr std::string_view kNotesSheet =
    "<sheetData>"
    "<row r=\"1\"><c r=\"A1\" s=\"3\"/></row>"
    "<row><c t=\"inlineStr\"><is><t>Email</t></is></c><c t=\"inlineStr\"><is><r><rPr><b/></rPr>"
    "<t>Secret</t></r><r><t xml:space=\"preserve\"> key</t></r></is></c></row>"
    "<row><c t=\"inlineStr\"><is><t>jane@example.com</t></is></c><c t=\"s\"><v>6</v></c>"
    "<c t=\"n\"><v>3.14</v></c></row>"
    "<row r=\"7\"><c/><c t=\"s\"><v>99</v></c><c s=\"1\" t=\"d\"><v>2024-05-01T00:00:00</v></c>"
    "</row>"
    "</sheetData>";

constexpr std::string_view kSharedStrings =
    "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"7\" "
    "uniqueCount=\"7\"><si><t>Name</t></si><si><t>SSN</t></si><si><t>Card number</t></si>"
    "<si><t>Active</t></si><si><t>Jane</t></si>"
    "<si><r><rPr><b/><sz val=\"11\"/></rPr><t>123-45-</t></r><r><rPr><sz val=\"11\"/></rPr>"
    "<t>6789</t></r><rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh></si>"
    "<si><t>wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY</t></si></sst>";

Entries excel_entries(bool with_shared_strings = true) {
  Entries entries;
  entries.emplace_back(
      "[Content_Types].xml",
      std::string(kXmlDeclaration) +
          "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          "<Default Extension=\"rels\" "
          "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
          "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>");
  entries.emplace_back(
      "_rels/.rels",
      std::string(kXmlDeclaration) +
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
          "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
  entries.emplace_back(
      "xl/workbook.xml",
      std::string(kXmlDeclaration) +
          "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
          "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
          "<fileVersion appName=\"xl\" lastEdited=\"7\"/><bookViews><workbookView xWindow=\"0\"/>"
          "</bookViews><sheets><sheet name=\"Customers\" sheetId=\"1\" r:id=\"rId2\"/>"
          "<sheet name=\"Chart1\" sheetId=\"3\" r:id=\"rId5\"/>"
          "<sheet name=\"Notes &amp; keys\" sheetId=\"2\" r:id=\"rId1\"/></sheets>"
          "<calcPr calcId=\"191029\"/></workbook>");
  std::string rels = std::string(kXmlDeclaration) +
                     "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                     "relationships\">"
                     "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/"
                     "officeDocument/2006/relationships/theme\" Target=\"theme/theme1.xml\"/>"
                     "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
                     "officeDocument/2006/relationships/worksheet\" "
                     "Target=\"worksheets/sheet2.xml\"/>"
                     "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
                     "officeDocument/2006/relationships/worksheet\" "
                     "Target=\"/xl/worksheets/sheet1.xml\"/>"
                     "<Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/"
                     "officeDocument/2006/relationships/chartsheet\" "
                     "Target=\"chartsheets/sheet1.xml\"/>"
                     "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/"
                     "officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>";
  if (with_shared_strings) {
    rels +=
        "<Relationship Id=\"rId6\" Type=\"http://schemas.openxmlformats.org/"
        "officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>";
  }
  rels += "</Relationships>";
  entries.emplace_back("xl/_rels/workbook.xml.rels", rels);
  entries.emplace_back("xl/worksheets/sheet1.xml", sheet_part(kNotesSheet));
  entries.emplace_back("xl/worksheets/sheet2.xml", sheet_part(kCustomersSheet));
  entries.emplace_back("xl/chartsheets/sheet1.xml",
                       std::string(kXmlDeclaration) + "<chartsheet><sheetPr/></chartsheet>");
  entries.emplace_back("xl/theme/theme1.xml",
                       std::string(kXmlDeclaration) +
                           "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/"
                           "main\" name=\"Office Theme\"><a:themeElements/></a:theme>");
  entries.emplace_back("xl/styles.xml",
                       std::string(kXmlDeclaration) +
                           "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
                           "2006/main\"><numFmts count=\"0\"/></styleSheet>");
  if (with_shared_strings) {
    entries.emplace_back("xl/sharedStrings.xml",
                         std::string(kXmlDeclaration) + std::string(kSharedStrings));
  }
  entries.emplace_back("docProps/core.xml",
                       std::string(kXmlDeclaration) +
                           "<cp:coreProperties "
                           "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
                           "core-properties\"/>");
  return entries;
}

constexpr std::string_view kExcelCells =
    "Customers!A1 (1,1) sheet=Customers Name\n"
    "Customers!B1 (1,2) sheet=Customers SSN\n"
    "Customers!C1 (1,3) sheet=Customers Card number\n"
    "Customers!D1 (1,4) sheet=Customers Active\n"
    "Customers!A2 (2,1) sheet=Customers [Name] kw=Name Jane\n"
    "Customers!B2 (2,2) sheet=Customers [SSN] kw=SSN 123-45-6789\n"
    "Customers!C2 (2,3) sheet=Customers [Card number] kw=Card number 4111111111111111\n"
    "Customers!A4 (4,1) sheet=Customers [Name] kw=Name Bob\n"
    "Customers!C4 (4,3) sheet=Customers [Card number] kw=Card number 5555 5555 5555 4444\n"
    "Customers!AB4 (4,28) sheet=Customers 2\n"
    "Notes & keys!A2 (2,1) sheet=Notes & keys Email\n"
    "Notes & keys!B2 (2,2) sheet=Notes & keys Secret key\n"
    "Notes & keys!A3 (3,1) sheet=Notes & keys [Email] kw=Email jane@example.com\n"
    "Notes & keys!B3 (3,2) sheet=Notes & keys [Secret key] kw=Secret key "
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
    "Notes & keys!C3 (3,3) sheet=Notes & keys 3.14\n"
    "Notes & keys!C7 (7,3) sheet=Notes & keys 2024-05-01T00:00:00\n";

TEST(OoxmlXlsx, CellsCarrySheetNamesReferencesAndHeaderColumnNames) {
  RecordingOutput out;
  const OoxmlSummary summary =
      extract_from_memory(make_zip(excel_entries()), OoxmlKind::kXlsx, out);
  EXPECT_EQ(summary.status.code, "COMPLETE") << describe(summary);
  EXPECT_EQ(out.cell_lines(), kExcelCells);
  EXPECT_TRUE(out.flowing.empty());
  // Notes & keys!B7 points past the shared strings.
  ASSERT_TRUE(has_diagnostic(summary, "OOXML_MISSING_SHARED_STRING")) << describe(summary);
  EXPECT_NE(summary.diagnostics.back().detail.find("Notes & keys!B7"), std::string::npos);
}

TEST(OoxmlXlsx, MissingSharedStringsLeavesOtherCellsAndSaysSo) {
  RecordingOutput out;
  const OoxmlSummary summary =
      extract_from_memory(make_zip(excel_entries(false)), OoxmlKind::kXlsx, out);
  EXPECT_EQ(summary.status.code, "COMPLETE") << describe(summary);
  EXPECT_TRUE(has_diagnostic(summary, "OOXML_MISSING_SHARED_STRING"));
  // Without the shared strings row 1 is empty, so row 2 (a number) is the header and names no
  // column; Bob, an inline string, survives, and so does the LibreOffice sheet's header.
  const std::string lines = out.cell_lines();
  EXPECT_NE(lines.find("Customers!A4 (4,1) sheet=Customers Bob"), std::string::npos) << lines;
  EXPECT_NE(lines.find("[Email] kw=Email jane@example.com"), std::string::npos) << lines;
  EXPECT_EQ(lines.find("Jane"), std::string::npos);
}

TEST(OoxmlXlsx, SharedStringsLimitDropsLaterStringsAndTheStatusSaysSo) {
  OoxmlLimits limits;
  limits.max_shared_strings_bytes = 50;  // "Name", "SSN", "Card number" and their offsets
  RecordingOutput out;
  const OoxmlSummary summary =
      extract_from_memory(make_zip(excel_entries()), OoxmlKind::kXlsx, out, limits);
  EXPECT_EQ(summary.status.code, "PARTIAL") << describe(summary);
  EXPECT_EQ(summary.status.reason, kReasonOoxmlSize);
  EXPECT_NE(summary.status.detail.find("Customers!D1"), std::string::npos) << describe(summary);
  EXPECT_TRUE(has_diagnostic(summary, "OOXML_SHARED_STRINGS_LIMIT"));
  const std::string lines = out.cell_lines();
  EXPECT_NE(lines.find("Customers!C1 (1,3) sheet=Customers Card number"), std::string::npos);
  EXPECT_EQ(lines.find("Active"), std::string::npos) << lines;
  EXPECT_NE(lines.find("kw=Card number 4111111111111111"), std::string::npos) << lines;
}

TEST(OoxmlXlsx, SinkThatStopsEndsExtractionAsPartialWithoutReason) {
  RecordingOutput out;
  out.stop_after = 3;
  const OoxmlSummary summary =
      extract_from_memory(make_zip(excel_entries()), OoxmlKind::kXlsx, out);
  EXPECT_EQ(summary.status.code, "PARTIAL") << describe(summary);
  EXPECT_EQ(summary.status.reason, "");
  EXPECT_EQ(out.seen.size(), 3u);
  EXPECT_FALSE(out.open);
}

// ---- PowerPoint ----------------------------------------------------------------------------

std::string slide_part(std::string_view root, std::string_view shapes) {
  std::string xml(kXmlDeclaration);
  xml += "<p:";
  xml += root;
  xml +=
      " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
      " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
      " xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"><p:cSld>"
      "<p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/>"
      "</p:nvGrpSpPr><p:grpSpPr/>";
  xml += shapes;
  xml += "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:";
  xml += root;
  xml += ">";
  return xml;
}

std::string text_shape(std::string_view paragraphs) {
  std::string xml =
      "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title 1\"/><p:cNvSpPr><a:spLocks "
      "noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr><p:spPr/>"
      "<p:txBody><a:bodyPr/><a:lstStyle/>";
  xml += paragraphs;
  xml += "</p:txBody></p:sp>";
  return xml;
}

Entries deck_entries() {
  Entries entries;
  entries.emplace_back("[Content_Types].xml",
                       std::string(kXmlDeclaration) +
                           "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                           "content-types\"><Default Extension=\"xml\" "
                           "ContentType=\"application/xml\"/></Types>");
  entries.emplace_back(
      "_rels/.rels",
      std::string(kXmlDeclaration) +
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
          "relationships/officeDocument\" Target=\"ppt/presentation.xml\"/></Relationships>");
  entries.emplace_back("ppt/presentation.xml",
                       std::string(kXmlDeclaration) +
                           "<p:presentation xmlns:p=\"http://schemas.openxmlformats.org/"
                           "presentationml/2006/main\"><p:sldIdLst/></p:presentation>");
  // Stored out of order: slide 10 first, then 2; read 2 before 10.
  entries.emplace_back(
      "ppt/slides/slide10.xml",
      slide_part("sld", text_shape("<a:p><a:r><a:rPr lang=\"en-US\"/><a:t>Closing</a:t></a:r>"
                                   "</a:p>")));
  entries.emplace_back(
      "ppt/slides/slide2.xml",
      slide_part("sld",
                 text_shape("<a:p><a:r><a:rPr lang=\"en-US\" dirty=\"0\"/><a:t>Key: AKIA</a:t>"
                            "</a:r><a:r><a:rPr lang=\"en-US\" b=\"1\"/><a:t>IOSFODNN7EXAMPLE</a:t>"
                            "</a:r></a:p><a:p><a:r><a:t>Line</a:t></a:r><a:br><a:rPr/></a:br>"
                            "<a:r><a:t>break</a:t></a:r><a:endParaRPr lang=\"en-US\"/></a:p>") +
                     "<p:graphicFrame><a:graphic><a:graphicData><a:tbl><a:tblGrid><a:gridCol "
                     "w=\"1\"/></a:tblGrid><a:tr h=\"1\"><a:tc><a:txBody><a:bodyPr/><a:p><a:r>"
                     "<a:t>IBAN</a:t></a:r></a:p></a:txBody></a:tc><a:tc><a:txBody><a:p><a:r>"
                     "<a:t>GB82 WEST 1234 5698 7654 32</a:t></a:r></a:p></a:txBody></a:tc></a:tr>"
                     "</a:tbl></a:graphicData></a:graphic></p:graphicFrame>"));
  entries.emplace_back(
      "ppt/notesSlides/notesSlide1.xml",
      slide_part("notes", text_shape("<a:p><a:r><a:t>Speaker note: rotate the key</a:t></a:r>"
                                     "</a:p>")));
  entries.emplace_back("ppt/slideLayouts/slideLayout1.xml",
                       slide_part("sldLayout", text_shape("<a:p><a:r><a:t>Click to edit</a:t>"
                                                          "</a:r></a:p>")));
  return entries;
}

constexpr std::string_view kDeckText =
    "Key: AKIAIOSFODNN7EXAMPLE\nLine\nbreak\nIBAN\tGB82 WEST 1234 5698 7654 32\n"
    "Closing\nSpeaker note: rotate the key";

TEST(OoxmlPptx, SlidesInSlideNumberOrderThenNotesLayoutsLeftOut) {
  RecordingOutput out;
  const OoxmlSummary summary = extract_from_memory(make_zip(deck_entries()), OoxmlKind::kPptx, out);
  EXPECT_EQ(summary.status.code, "COMPLETE") << describe(summary);
  EXPECT_EQ(out.flowing, kDeckText);
}

TEST(OoxmlPptx, PastTheReopenBudgetPartsAreReadInZipOrderAndTheDiagnosticSaysSo) {
  OoxmlLimits limits;
  limits.max_reopens = 1;  // the root relationships took the first open; slide 2 needs a second
  RecordingOutput out;
  const OoxmlSummary summary =
      extract_from_memory(make_zip(deck_entries()), OoxmlKind::kPptx, out, limits);
  EXPECT_EQ(summary.status.code, "COMPLETE") << describe(summary);
  EXPECT_TRUE(has_diagnostic(summary, "OOXML_PART_ORDER")) << describe(summary);
  EXPECT_EQ(out.flowing,
            "Closing\nKey: AKIAIOSFODNN7EXAMPLE\nLine\nbreak\nIBAN\tGB82 WEST 1234 5698 7654 32\n"
            "Speaker note: rotate the key");
}

// ---- Sources -------------------------------------------------------------------------------

TEST(OoxmlSources, SeekableFileAndSpooledStreamGiveIdenticalOutput) {
  for (const bool store : {false, true}) {
    const std::pair<Entries, OoxmlKind> packages[] = {{word_entries(), OoxmlKind::kDocx},
                                                      {excel_entries(), OoxmlKind::kXlsx},
                                                      {deck_entries(), OoxmlKind::kPptx}};
    for (const auto& [entries, kind] : packages) {
      const std::string zip = make_zip(entries, store);
      RecordingOutput spooled;
      RecordingOutput seekable;
      const OoxmlSummary from_memory = extract_from_memory(zip, kind, spooled);
      const OoxmlSummary from_file = extract_from_file(zip, kind, seekable);
      EXPECT_EQ(describe(from_memory), describe(from_file));
      EXPECT_EQ(from_memory.parts_read, from_file.parts_read);
      EXPECT_EQ(from_memory.uncompressed_bytes, from_file.uncompressed_bytes);
      EXPECT_GT(from_file.uncompressed_bytes, 1000u);
      EXPECT_EQ(spooled.flowing, seekable.flowing);
      EXPECT_EQ(spooled.cell_lines(), seekable.cell_lines());
      EXPECT_FALSE(spooled.flowing.empty() && spooled.seen.empty());
    }
  }
}

// ---- Limits and hostile input --------------------------------------------------------------

std::string word_package_with_body(const std::string& body) {
  Entries entries = word_entries();
  entries[2].second = word_part("document", body);
  entries.resize(3);
  return make_zip(entries);
}

TEST(OoxmlLimits, BombPartStopsAtTheExpansionRatioKeepingTextBefore) {
  std::string body = "<w:body><w:p><w:r><w:t>before the bomb</w:t></w:r></w:p>";
  body.reserve(40 << 20);
  while (body.size() < (32u << 20)) body += "<w:p/><w:p/><w:p/><w:p/><w:p/><w:p/><w:p/><w:p/>";
  body += "<w:p><w:r><w:t>after the bomb</w:t></w:r></w:p></w:body>";
  const std::string zip = word_package_with_body(body);
  ASSERT_LT(zip.size(), 1u << 20);  // deflate made it a bomb
  for (const bool from_file : {false, true}) {
    RecordingOutput out;
    const OoxmlSummary summary = from_file ? extract_from_file(zip, OoxmlKind::kDocx, out)
                                           : extract_from_memory(zip, OoxmlKind::kDocx, out);
    EXPECT_EQ(summary.status.code, "PARTIAL") << describe(summary);
    EXPECT_EQ(summary.status.reason, kReasonOoxmlRatio) << describe(summary);
    EXPECT_NE(summary.status.detail.find("word/document.xml"), std::string::npos);
    EXPECT_EQ(out.flowing, "before the bomb");
    EXPECT_LT(summary.uncompressed_bytes, 4u << 20);  // stopped early, not after inflating all
  }
}

TEST(OoxmlLimits, PartAndTotalSizeLimitsStopReadingWithTheirReason) {
  const std::string zip = make_zip(word_entries());
  OoxmlLimits per_part;
  per_part.max_part_bytes = 1500;  // the document's start, every (small) other part whole
  RecordingOutput out;
  OoxmlSummary summary = extract_from_memory(zip, OoxmlKind::kDocx, out, per_part);
  EXPECT_EQ(summary.status.code, "PARTIAL") << describe(summary);
  EXPECT_EQ(summary.status.reason, kReasonOoxmlSize);
  EXPECT_NE(out.flowing.find("Customer record"), std::string::npos) << out.flowing;
  EXPECT_EQ(out.flowing.find("Boxed"), std::string::npos) << out.flowing;
  EXPECT_NE(out.flowing.find("password: hunter2"), std::string::npos) << out.flowing;

  OoxmlLimits total;
  total.max_total_bytes = 2500;  // the root relationships and part of the document
  RecordingOutput out_total;
  summary = extract_from_memory(zip, OoxmlKind::kDocx, out_total, total);
  EXPECT_EQ(summary.status.reason, kReasonOoxmlSize) << describe(summary);
  EXPECT_NE(summary.status.detail.find("per document"), std::string::npos);
  EXPECT_EQ(summary.uncompressed_bytes, 2500u);
  EXPECT_EQ(out_total.flowing.find("hunter2"), std::string::npos);
}

TEST(OoxmlLimits, PackageTooLargeToSpoolIsSkippedButASeekableOneIsRead) {
  const std::string zip = make_zip(word_entries());
  OoxmlLimits limits;
  limits.max_package_bytes = zip.size() - 1;
  RecordingOutput out;
  OoxmlSummary summary = extract_from_memory(zip, OoxmlKind::kDocx, out, limits);
  EXPECT_EQ(summary.status.code, "SKIPPED");
  EXPECT_EQ(summary.status.reason, kReasonOfficeMalformed);
  EXPECT_TRUE(out.flowing.empty());
  RecordingOutput from_file;
  summary = extract_from_file(zip, OoxmlKind::kDocx, from_file, limits);
  EXPECT_EQ(summary.status.code, "COMPLETE") << describe(summary);
  EXPECT_EQ(from_file.flowing, kWordText);
}

// The start of a real encrypted .docx: an OLE header whose directory (sector 1 with 512-byte
// sectors) names EncryptionInfo and EncryptedPackage.
std::string encrypted_office_file() {
  std::string ole(4096, '\0');
  ole.replace(0, 8, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
  ole[26] = 0x3E;  // minor/major version
  ole[28] = '\xFE';
  ole[29] = '\xFF';
  ole[30] = 9;  // sector shift: 512-byte sectors
  ole[48] = 1;  // first directory sector
  const std::u16string names[] = {u"Root Entry", u"EncryptionInfo", u"EncryptedPackage"};
  std::size_t at = 1024;
  for (const std::u16string& name : names) {
    for (std::size_t i = 0; i < name.size(); ++i) {
      ole[at + 2 * i] = static_cast<char>(name[i]);
    }
    at += 128;
  }
  return ole;
}

TEST(OoxmlHostile, EncryptedDocumentIsDetectedAndSkippedAsEncrypted) {
  const std::string ole = encrypted_office_file();
  EXPECT_EQ(detect_ooxml("budget.xlsx", ole), OoxmlKind::kEncrypted);
  EXPECT_EQ(detect_ooxml("budget.xls", ole), OoxmlKind::kNone);  // a legacy workbook
  std::string legacy = ole;  // an OLE file under a .docx name without EncryptedPackage
  legacy.replace(1024 + 256, 32, std::string(32, '\0'));
  EXPECT_EQ(detect_ooxml("renamed.docx", legacy), OoxmlKind::kNone);
  // The directory beyond what was seen: presumed encrypted.
  EXPECT_EQ(detect_ooxml("big.docx", std::string_view(ole).substr(0, 600)), OoxmlKind::kEncrypted);

  for (const OoxmlKind kind : {OoxmlKind::kEncrypted, OoxmlKind::kDocx}) {
    RecordingOutput out;
    const OoxmlSummary summary = extract_from_memory(ole, kind, out);
    EXPECT_EQ(summary.status.code, "SKIPPED");
    EXPECT_EQ(summary.status.reason, "ENCRYPTED") << describe(summary);
    RecordingOutput from_file;
    EXPECT_EQ(extract_from_file(ole, kind, from_file).status.reason, "ENCRYPTED");
  }
}

TEST(OoxmlHostile, CorruptXmlKeepsWhatWasExtractedAndSaysWhere) {
  const std::string zip = word_package_with_body(
      "<w:body><w:p><w:r><w:t>kept 4111 1111 1111 1111</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>unclosed <</w:t></w:r></w:p><w:p><w:r><w:t>after</w:t></w:r></w:p>");
  RecordingOutput out;
  const OoxmlSummary summary = extract_from_memory(zip, OoxmlKind::kDocx, out);
  EXPECT_EQ(summary.status.code, "PARTIAL") << describe(summary);
  EXPECT_EQ(summary.status.reason, kReasonOfficeMalformed);
  EXPECT_TRUE(has_diagnostic(summary, "OOXML_MALFORMED_XML"));
  EXPECT_NE(summary.status.detail.find("word/document.xml"), std::string::npos);
  EXPECT_NE(summary.status.detail.find("line 2"), std::string::npos) << describe(summary);
  EXPECT_TRUE(out.flowing.starts_with("kept 4111 1111 1111 1111")) << out.flowing;
}

TEST(OoxmlHostile, DeclaredEntitiesAreNeitherExpandedNorFetched) {
  std::string document(kXmlDeclaration);
  document +=
      "<!DOCTYPE w:document [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">"
      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
      "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
      "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
      "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
      "<!ENTITY x SYSTEM \"file:///etc/passwd\">]>";
  document +=
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:body><w:p><w:r><w:t>laughs &e; &x; done</w:t></w:r></w:p></w:body></w:document>";
  Entries entries = word_entries();
  entries[2].second = document;
  entries.resize(3);
  RecordingOutput out;
  const OoxmlSummary summary = extract_from_memory(make_zip(entries), OoxmlKind::kDocx, out);
  EXPECT_LT(out.flowing.size(), 100u) << describe(summary) << out.flowing;
  EXPECT_EQ(out.flowing.find("root:"), std::string::npos);
  EXPECT_TRUE(out.flowing.starts_with("laughs")) << out.flowing;
}

TEST(OoxmlHostile, ZipsThatAreNotDocumentsAndBytesThatAreNotZips) {
  RecordingOutput out;
  OoxmlSummary summary =
      extract_from_memory(make_zip({{"notes.txt", "hello"}}), OoxmlKind::kDocx, out);
  EXPECT_EQ(summary.status.code, "SKIPPED");
  EXPECT_EQ(summary.status.reason, kReasonOfficeMalformed);
  EXPECT_NE(summary.status.detail.find("word/document.xml"), std::string::npos);
  summary = extract_from_memory(make_zip({{"notes.txt", "hello"}}), OoxmlKind::kXlsx, out);
  EXPECT_EQ(summary.status.code, "SKIPPED") << describe(summary);
  summary = extract_from_memory(make_zip({{"notes.txt", "hello"}}), OoxmlKind::kPptx, out);
  EXPECT_EQ(summary.status.code, "SKIPPED") << describe(summary);
  summary = extract_from_memory(std::string(5000, 'x'), OoxmlKind::kDocx, out);
  EXPECT_EQ(summary.status.code, "SKIPPED");
  EXPECT_EQ(summary.status.reason, kReasonOfficeMalformed);
  summary = extract_from_memory("", OoxmlKind::kXlsx, out);
  EXPECT_EQ(summary.status.code, "SKIPPED");
  summary = extract_from_memory("PK", OoxmlKind::kNone, out);
  EXPECT_EQ(summary.status.code, "SKIPPED");
  EXPECT_TRUE(out.flowing.empty());
  EXPECT_TRUE(out.seen.empty());
}

TEST(OoxmlHostile, TruncatedAndDamagedPackagesNeverCrash) {
  const std::string zip = make_zip(excel_entries());
  for (const std::size_t keep : {zip.size() / 2, zip.size() - 10, std::size_t{100}}) {
    RecordingOutput out;
    const OoxmlSummary summary = extract_from_memory(zip.substr(0, keep), OoxmlKind::kXlsx, out);
    EXPECT_EQ(summary.status.code, "SKIPPED") << keep << ": " << describe(summary);
  }
  // Damage the compressed bytes of every part in turn: each read ends in a status, never a crash.
  for (std::size_t at = 40; at < zip.size(); at += 97) {
    std::string damaged = zip;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x5A);
    RecordingOutput out;
    const OoxmlSummary summary = extract_from_memory(damaged, OoxmlKind::kXlsx, out);
    EXPECT_FALSE(summary.status.code.empty());
    RecordingOutput from_file;
    EXPECT_EQ(describe(extract_from_file(damaged, OoxmlKind::kXlsx, from_file)), describe(summary));
  }
}

// ---- Detection -----------------------------------------------------------------------------

TEST(OoxmlDetect, ByContentTypesEntryAndExtensionOrPartNames) {
  const std::string docx = make_zip(word_entries());
  const std::string xlsx = make_zip(excel_entries());
  const std::string pptx = make_zip(deck_entries());
  EXPECT_EQ(detect_ooxml("a/letter.docx", docx), OoxmlKind::kDocx);
  EXPECT_EQ(detect_ooxml("LETTER.DOCM", docx), OoxmlKind::kDocx);
  EXPECT_EQ(detect_ooxml("book.xlsm", xlsx), OoxmlKind::kXlsx);
  EXPECT_EQ(detect_ooxml("deck.pptx", pptx), OoxmlKind::kPptx);
  // Without an extension, the part names decide.
  EXPECT_EQ(detect_ooxml("download", docx), OoxmlKind::kDocx);
  EXPECT_EQ(detect_ooxml("download", xlsx), OoxmlKind::kXlsx);
  EXPECT_EQ(detect_ooxml("download.bin", pptx), OoxmlKind::kPptx);
  // A plain zip, even named .docx, is an archive.
  const std::string plain = make_zip({{"word/document.xml", "<x/>"}});
  EXPECT_EQ(detect_ooxml("fake.docx", plain), OoxmlKind::kNone);
  EXPECT_EQ(detect_ooxml("data.zip", plain), OoxmlKind::kNone);
  EXPECT_EQ(detect_ooxml("letter.docx", "PK\x03\x04"), OoxmlKind::kNone);
  EXPECT_EQ(detect_ooxml("letter.docx", "plain text"), OoxmlKind::kNone);
  EXPECT_EQ(ooxml_kind_name(OoxmlKind::kXlsx), "xlsx");
}

// ---- Corpus fixtures (corpus/tools/make_office_fixtures.py) ------------------------------

std::string read_fixture(std::string_view name) {
  const char* env = std::getenv("TAMIS_SOURCE_DIR");
  const std::filesystem::path source = env != nullptr && *env != '\0' ? env : TAMIS_SOURCE_DIR;
  std::ifstream in(source / "corpus" / "formats" / name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(OoxmlFixtures, CorpusDocumentsExtractAsWritten) {
  const std::string xlsx = read_fixture("customers.xlsx");
  const std::string docx = read_fixture("letter.docx");
  const std::string pptx = read_fixture("deck.pptx");
  ASSERT_FALSE(xlsx.empty() || docx.empty() || pptx.empty()) << "run make_office_fixtures.py";
  ASSERT_EQ(detect_ooxml("customers.xlsx", xlsx), OoxmlKind::kXlsx);
  ASSERT_EQ(detect_ooxml("letter.docx", docx), OoxmlKind::kDocx);
  ASSERT_EQ(detect_ooxml("deck.pptx", pptx), OoxmlKind::kPptx);

  RecordingOutput cells;
  OoxmlSummary summary = extract_from_file(xlsx, OoxmlKind::kXlsx, cells);
  EXPECT_EQ(summary.status.code, "COMPLETE") << describe(summary);
  EXPECT_TRUE(summary.diagnostics.empty()) << describe(summary);
  const std::string lines = cells.cell_lines();
  EXPECT_NE(lines.find("Customers!B2 (2,2) sheet=Customers [SSN] kw=SSN 536-22-1849"),
            std::string::npos)
      << lines;
  EXPECT_NE(lines.find("[Card number] kw=Card number 4329 0669 6704 9377"), std::string::npos)
      << lines;
  EXPECT_NE(lines.find("[IBAN] kw=IBAN GB59 UODD 7622 6374 5149 62"), std::string::npos) << lines;
  EXPECT_NE(lines.find("Access keys!B2 (2,2) sheet=Access keys [AWS access key id] "
                       "kw=AWS access key id AKIAWX6NKXXG52QQLRR7"),
            std::string::npos)
      << lines;

  RecordingOutput letter;
  summary = extract_from_file(docx, OoxmlKind::kDocx, letter);
  EXPECT_EQ(summary.status.code, "COMPLETE") << describe(summary);
  EXPECT_NE(letter.flowing.find("Card number:\t4329 0669 6704 9377"), std::string::npos)
      << letter.flowing;
  EXPECT_NE(letter.flowing.find("Acme Payroll, confidential"), std::string::npos);
  EXPECT_NE(letter.flowing.find("aws_secret_access_key"), std::string::npos) << letter.flowing;

  RecordingOutput deck;
  summary = extract_from_file(pptx, OoxmlKind::kPptx, deck);
  EXPECT_EQ(summary.status.code, "COMPLETE") << describe(summary);
  EXPECT_LT(deck.flowing.find("Quarterly review"), deck.flowing.find("IBAN GB59 UODD"))
      << deck.flowing;
}

}  // namespace
}  // namespace tamis
