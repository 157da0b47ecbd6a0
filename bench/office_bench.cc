// Office documents inside a zip (issue #3): the whole object path — zip walk, OOXML package read,
// libxml2 SAX over word/document.xml and xl/worksheets, cells as segments — on generated .docx
// and .xlsx files. Throughput counts the text the documents hold, the bytes a user thinks of.
// Run: tamis_bench --benchmark_filter=Office
#include <benchmark/benchmark.h>

#include <string>
#include <utility>
#include <vector>

#include "archive/callback_byte_source.h"
#include "engine/engine.h"
#include "engine/engine_cache.h"
#include "engine/object_scanner.h"
#include "engine/scanner.h"
#include "stage_inputs.h"
#include "text_generator.h"

namespace tamis {
namespace {

constexpr std::size_t kDocuments = 8;              // of each kind
constexpr std::size_t kTextPerDocument = 2 << 20;  // bytes of text in each document

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') {
      out += c;
    }
  }
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

constexpr const char* kContentTypesDocx =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(</Types>)";

constexpr const char* kContentTypesXlsx =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>)"
    R"(<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>)"
    R"(</Types>)";

std::string docx(const std::string& text) {
  std::string body =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)";
  for (const std::string& line : lines_of(text)) {
    body +=
        R"(<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:rPr><w:lang w:val="en-GB"/></w:rPr><w:t xml:space="preserve">)";
    body += escape_xml(line);
    body += "</w:t></w:r></w:p>";
  }
  body += "</w:body></w:document>";
  return bench::archive_bytes(
      {
          {"[Content_Types].xml", kContentTypesDocx},
          {"_rels/.rels",
           R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>)"},
          {"word/document.xml", body},
      },
      bench::ArchiveKind::kZip);
}

// One row per line of text: an id, the line cut into three cells, inline strings.
std::string xlsx(const std::string& text) {
  std::string sheet =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)";
  std::size_t row = 1;
  for (const std::string& line : lines_of(text)) {
    const std::string r = std::to_string(row);
    sheet += "<row r=\"" + r + "\"><c r=\"A" + r + "\"><v>" + r + "</v></c>";
    const std::size_t third = line.size() / 3;
    const char* columns[] = {"B", "C", "D"};
    for (std::size_t i = 0; i < 3; ++i) {
      const std::string cell = line.substr(i * third, i == 2 ? std::string::npos : third);
      if (cell.empty()) continue;
      sheet += std::string("<c r=\"") + columns[i] + r + "\" t=\"inlineStr\"><is><t>" +
               escape_xml(cell) + "</t></is></c>";
    }
    sheet += "</row>";
    ++row;
  }
  sheet += "</sheetData></worksheet>";
  return bench::archive_bytes(
      {
          {"[Content_Types].xml", kContentTypesXlsx},
          {"_rels/.rels",
           R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)"},
          {"xl/workbook.xml",
           R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
          {"xl/_rels/workbook.xml.rels",
           R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>)"},
          {"xl/worksheets/sheet1.xml", sheet},
      },
      bench::ArchiveKind::kZip);
}

struct OfficeZip {
  std::string bytes;
  std::size_t text_bytes = 0;
};

const OfficeZip& office_zip() {
  static const OfficeZip zip = [] {
    OfficeZip out;
    std::vector<std::pair<std::string, std::string>> files;
    for (std::size_t i = 0; i < kDocuments; ++i) {
      const std::string text = bench::generate_text(kTextPerDocument, false, 100 + i);
      files.emplace_back("reports/report" + std::to_string(i) + ".docx", docx(text));
      files.emplace_back("exports/export" + std::to_string(i) + ".xlsx", xlsx(text));
      out.text_bytes += 2 * text.size();
    }
    out.bytes = bench::archive_bytes(files, bench::ArchiveKind::kZip);
    return out;
  }();
  return zip;
}

void BM_OfficeZipOfDocxAndXlsx(benchmark::State& state) {
  static const auto engine = build_engine_cached(Config{}, "/tmp/tamis-bench-cache")->engine;
  const OfficeZip& zip = office_zip();
  Scanner scanner(engine);
  ObjectScanner objects(scanner);
  std::uint64_t findings = 0;
  std::uint64_t objects_seen = 0;
  for (auto _ : state) {
    std::size_t at = 0;
    CallbackByteSource source([&](std::string_view& chunk) {
      if (at >= zip.bytes.size()) return Pull::kEnd;
      chunk = std::string_view(zip.bytes).substr(at, 256 << 10);
      at += chunk.size();
      return Pull::kData;
    });
    findings = 0;
    objects_seen = 0;
    objects.scan(source, "office.zip", [&](ObjectResult r) {
      findings += r.total_count();
      ++objects_seen;
    });
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * zip.text_bytes));
  state.counters["findings"] = static_cast<double>(findings);
  state.counters["objects"] = static_cast<double>(objects_seen);
  state.counters["zip_MiB"] = static_cast<double>(zip.bytes.size()) / (1 << 20);
}

}  // namespace

BENCHMARK(BM_OfficeZipOfDocxAndXlsx)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace tamis
