#include "extract/markup_text.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "extract/markup_detect.h"
#include "text_position.h"
namespace tamis {
namespace {

struct Converted {
  std::string text;
  ObjectStatus status;
  std::vector<Diagnostic> diagnostics;

  bool has_diagnostic(std::string_view code) const {
    for (const auto& d : diagnostics) {
      if (d.code == code) return true;
    }
    return false;
  }
};

// Feeds `input` in chunks of `chunk` bytes (0: all at once).
Converted convert(MarkupKind kind, std::string_view input, std::size_t chunk = 0,
                  MarkupOptions options = {}) {
  Converted result;
  auto markup = MarkupText::create(
      kind, [&](std::string_view piece) { result.text.append(piece); }, options);
  EXPECT_TRUE(markup.ok());
  if (chunk == 0) chunk = input.size() + 1;
  for (std::size_t pos = 0; pos < input.size(); pos += chunk) {
    markup->feed(input.substr(pos, chunk));
  }
  result.status = markup->finish();
  result.diagnostics = markup->diagnostics();
  return result;
}

Converted xml(std::string_view input, std::size_t chunk = 0) {
  return convert(MarkupKind::kXml, input, chunk);
}
Converted html(std::string_view input, std::size_t chunk = 0) {
  return convert(MarkupKind::kHtml, input, chunk);
}

// The 1-based line and column (in code points) where `needle` starts in `text`.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text,
                                                    std::string_view needle) {
  const std::size_t at = text.find(needle);
  if (at == std::string_view::npos) return {0, 0};
  return testing_support::line_and_column_at(text, at);
}

// Words of the output, split at whitespace.
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t') {
      if (!current.empty()) out.push_back(current);
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) out.push_back(current);
  return out;
}

TEST(MarkupText, CellsNeverGlue) {
  const auto r = html("<table><tr><td>123</td><td>45</td></tr></table>");
  EXPECT_EQ(r.text.find("12345"), std::string::npos) << r.text;
  EXPECT_EQ(words(r.text), (std::vector<std::string>{"table", "tr", "td", "123", "td", "td", "45",
                                                     "td", "tr", "table"}));
  const auto x = xml("<r><a>123</a><b>45</b></r>");
  EXPECT_EQ(x.text.find("12345"), std::string::npos) << x.text;
  EXPECT_EQ(x.status.code, "COMPLETE");
}

TEST(MarkupText, OutputKeepsColumnsOfTextAndNames) {
  const std::string input = "<r><ssn>123-45-6789</ssn></r>";
  const auto r = xml(input);
  EXPECT_EQ(r.text.find("123-45-6789"), input.find("123-45-6789")) << r.text;
  EXPECT_EQ(r.text.find("ssn"), input.find("ssn"));
  EXPECT_EQ(words(r.text), (std::vector<std::string>{"r", "ssn", "123-45-6789", "ssn", "r"}));
}

TEST(MarkupText, AttributeValuesAreScannedAtTheirPlace) {
  const std::string input = "<form><input name=\"ssn\" value=\"123-45-6789\" checked></form>";
  const auto r = html(input);
  EXPECT_EQ(r.text.find("123-45-6789"), input.find("123-45-6789")) << r.text;
  EXPECT_EQ(words(r.text), (std::vector<std::string>{"form", "input", "name", "ssn", "value",
                                                     "123-45-6789", "checked", "form"}));
  const auto x = xml("<r><card number='4111111111111111' type=\"visa\"/></r>");
  EXPECT_EQ(words(x.text), (std::vector<std::string>{"r", "card", "number", "4111111111111111",
                                                     "type", "visa", "r"}));
}

TEST(MarkupText, MultiLineTagsKeepExactLines) {
  const std::string input =
      "<?xml version=\"1.0\"?>\n"
      "<customer\n"
      "    id=\"7\"\n"
      "\n"
      "    ssn='123-45-6789'\n"
      "  >\n"
      "  <note>call\n"
      "   555-0100</note><!-- old\n"
      "  key AKIAIOSFODNN7EXAMPLE -->\n"
      "</customer>\n";
  const auto r = xml(input);
  EXPECT_EQ(line_and_column(r.text, "123-45-6789"), line_and_column(input, "123-45-6789"))
      << r.text;
  EXPECT_EQ(line_and_column(r.text, "ssn"), line_and_column(input, "ssn"));
  EXPECT_EQ(line_and_column(r.text, "555-0100"), line_and_column(input, "555-0100"));
  EXPECT_EQ(line_and_column(r.text, "AKIAIOSFODNN7EXAMPLE"),
            line_and_column(input, "AKIAIOSFODNN7EXAMPLE"));
  EXPECT_EQ(line_and_column(r.text, "note"), line_and_column(input, "note"));
  EXPECT_EQ(r.status.code, "COMPLETE");
  EXPECT_TRUE(r.diagnostics.empty());
}

TEST(MarkupText, CrLfLinesStayExact) {
  const std::string input = "<r>\r\n<a>one\r\ntwo</a>\r\n<b x=\"y\r\nz\">three</b></r>";
  const auto r = xml(input);
  EXPECT_EQ(line_and_column(r.text, "two").first, 3u) << r.text;
  EXPECT_EQ(line_and_column(r.text, "y").first, 4u) << r.text;
  EXPECT_EQ(line_and_column(r.text, "z").first, 5u) << r.text;
  EXPECT_EQ(line_and_column(r.text, "three"), line_and_column(input, "three")) << r.text;
}

TEST(MarkupText, EntitiesAreDecoded) {
  const auto r = xml("<r><cc>4111&#32;1111&#x20;1111 1111</cc><co>AT&amp;T &lt;x&gt;</co></r>");
  EXPECT_NE(r.text.find("4111 1111 1111 1111"), std::string::npos) << r.text;
  EXPECT_NE(r.text.find("AT&T <x>"), std::string::npos) << r.text;
  const auto h = html("<p>4111&nbsp;1111 &eacute;t&eacute; &#x41;&#66;C</p>");
  EXPECT_NE(h.text.find("4111\u00a01111 \u00e9t\u00e9 ABC"), std::string::npos) << h.text;
  const auto a = xml("<r v=\"a&amp;b&#65;&lt;\"/>");
  EXPECT_NE(a.text.find("a&bA<"), std::string::npos) << a.text;
  const auto ha = html("<a title=\"t&amp;t&eacute;\">x</a>");
  EXPECT_NE(ha.text.find("t&t\u00e9"), std::string::npos) << ha.text;
}

TEST(MarkupText, DecodedNewlinesDoNotShiftLines) {
  const std::string input = "<r>a&#10;b&#13;&#10;c\n<k>after</k></r>";
  const auto r = xml(input);
  EXPECT_EQ(line_and_column(r.text, "after").first, 2u) << r.text;
}

TEST(MarkupText, CdataCommentsScriptsAndPis) {
  const auto r =
      xml("<r><![CDATA[secret <b>123-45-6789</b>]]><!-- pw=hunter2 --><?app token=abc?></r>");
  for (const char* expected : {"secret <b>123-45-6789</b>", "pw=hunter2", "app", "token=abc"}) {
    EXPECT_NE(r.text.find(expected), std::string::npos) << expected << " in " << r.text;
  }
  const auto h = html(
      "<html><head><style>.x{}</style><script>var key = \"AKIAIOSFODNN7EXAMPLE\"; if (a<b) "
      "{}</script></head><body><!-- ssn 123-45-6789 --></body></html>");
  for (const char* expected :
       {"var key = \"AKIAIOSFODNN7EXAMPLE\"; if (a<b) {}", "ssn 123-45-6789", ".x{}"}) {
    EXPECT_NE(h.text.find(expected), std::string::npos) << expected << " in " << h.text;
  }
}

TEST(MarkupText, NamespacesAndDeclarations) {
  const auto r = xml("<ns:doc xmlns:ns=\"urn:x\"><ns:ssn>123-45-6789</ns:ssn></ns:doc>");
  EXPECT_EQ(words(r.text), (std::vector<std::string>{"ns:doc", "xmlns:ns", "urn:x", "ns:ssn",
                                                     "123-45-6789", "ns:ssn", "ns:doc"}));
  EXPECT_TRUE(r.diagnostics.empty());
}

TEST(MarkupText, EverySplitPointGivesTheSameOutput) {
  const std::string input =
      "<?xml version=\"1.0\"?>\n<r a=\"x&amp;y\">caf\u00e9 \u4e2d\u6587 &#233;<![CDATA[c]]>\n"
      "<!-- c\nd --><s:k xmlns:s='u'>t&lt;u</s:k><e/>\u00e9\r\n</r>\n";
  const std::string whole = xml(input).text;
  for (std::size_t chunk = 1; chunk < input.size(); ++chunk) {
    EXPECT_EQ(xml(input, chunk).text, whole) << "chunk " << chunk;
  }
  const std::string page =
      "<!DOCTYPE html><p class=x>caf\u00e9 &eacute;<td>1</td><script>a<b</script>\n<br>z";
  const std::string page_whole = html(page).text;
  for (std::size_t chunk = 1; chunk < page.size(); ++chunk) {
    EXPECT_EQ(html(page, chunk).text, page_whole) << "chunk " << chunk;
  }
}

TEST(MarkupText, MalformedXmlIsRecovered) {
  const auto r = xml("<r><a>1</b> x &amp; y\n<c>123-45-6789</c></r>");
  EXPECT_NE(r.text.find("123-45-6789"), std::string::npos) << r.text;
  EXPECT_NE(r.text.find("x & y"), std::string::npos) << r.text;
  EXPECT_EQ(r.status.code, "COMPLETE");
  ASSERT_TRUE(r.has_diagnostic("XML_MALFORMED"));
  EXPECT_NE(r.diagnostics[0].detail.find("line 1"), std::string::npos) << r.diagnostics[0].detail;
}

TEST(MarkupText, UnterminatedTailIsPassedThrough) {
  const auto r = xml("<r>text<!-- secret 123-45-6789");
  EXPECT_NE(r.text.find("123-45-6789"), std::string::npos) << r.text;
  EXPECT_TRUE(r.has_diagnostic("XML_TEXT_AS_PLAIN"));
  const auto h = html("<p>x<!-- c 987-65-4320");
  EXPECT_NE(h.text.find("987-65-4320"), std::string::npos) << h.text;
}

TEST(MarkupText, TagSoupHtml) {
  const auto r = html(
      "<p>one<p>two<b><i>three</b></i><td>4</td><div class=a class=b>five<TD>6</TD>"
      "<a href=x title=\"a<b\">seven</a></div>eight");
  for (const char* word : {"one", "two", "three", "4", "five", "6", "seven", "eight", "a<b"}) {
    EXPECT_NE(r.text.find(word), std::string::npos) << word << " in " << r.text;
  }
  EXPECT_EQ(r.text.find("html"), std::string::npos) << "implied elements are not in the text";
  EXPECT_EQ(r.status.code, "COMPLETE");
}

TEST(MarkupText, BillionLaughsStopsFastWithAStatus) {
  std::string input = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
  for (int level = 1; level <= 9; ++level) {
    std::string previous = level == 1 ? "lol" : "lol" + std::to_string(level - 1);
    input.append(" <!ENTITY lol").append(std::to_string(level)).append(" \"");
    for (int i = 0; i < 10; ++i) input.append("&").append(previous).append(";");
    input.append("\">\n");
  }
  input.append("]>\n<lolz>&lol9; tail 123-45-6789</lolz>\n");
  const auto start = std::chrono::steady_clock::now();
  const auto r = xml(input);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, std::chrono::seconds(2));
  EXPECT_LT(r.text.size(), 1u << 20);
  EXPECT_EQ(r.status.code, "PARTIAL");
  EXPECT_EQ(r.status.reason, "UNABLE_TO_PARSE_FILE");
  EXPECT_TRUE(r.has_diagnostic("XML_PARSE_STOPPED"));
  EXPECT_NE(r.text.find("123-45-6789"), std::string::npos) << "the rest is scanned as text";
  EXPECT_EQ(line_and_column(r.text, "123-45-6789").first, 14u);
}

TEST(MarkupText, InternalEntitiesExpandOnTheirLine) {
  const auto r =
      xml("<!DOCTYPE r [<!ENTITY who \"John &amp; Jane\">]>\n<r>to &who; now\n<z>1</z></r>");
  EXPECT_NE(r.text.find("to John & Jane now"), std::string::npos) << r.text;
  EXPECT_EQ(line_and_column(r.text, "z").first, 3u) << r.text;
}

TEST(MarkupText, QuadraticEntityExpansionIsBounded) {
  std::string input = "<!DOCTYPE r [<!ENTITY big \"";
  input.append(10000, 'x');
  input.append("\">]>\n<r>");
  for (int i = 0; i < 3000; ++i) input.append("&big;");
  input.append("</r>");
  MarkupOptions options;
  options.max_entity_text_bytes = 1 << 20;
  const auto r = convert(MarkupKind::kXml, input, 4096, options);
  EXPECT_LT(r.text.size(), 2u << 20);
  EXPECT_TRUE(r.has_diagnostic("XML_ENTITY_LIMIT") || r.status.code == "PARTIAL");
}

TEST(MarkupText, ExternalEntitiesAreNeverLoaded) {
  const char* path = "/tmp/tamis_markup_xxe_secret.txt";
  {
    std::ofstream file(path);
    file << "TOPSECRET-XXE-CONTENT";
  }
  const std::string uri = std::string("file://") + path;
  std::string general = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"";
  general.append(uri).append("\">]>\n<r>&x;</r>");
  std::string parameter = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY % p SYSTEM \"";
  parameter.append(uri).append("\"> %p;]>\n<r>x</r>");
  std::string subset = "<!DOCTYPE r SYSTEM \"";
  subset.append(uri).append("\">\n<r>&y;</r>");
  for (const std::string& input : {general, parameter, subset}) {
    const auto r = xml(input);
    EXPECT_EQ(r.text.find("TOPSECRET"), std::string::npos) << r.text;
  }
  std::remove(path);
}

TEST(MarkupText, LargeTextNodeIsNotTruncated) {
  std::string input = "<r><big>";
  const std::size_t size = std::size_t{10} << 20;
  input.append(size / 2, 'a');
  input.append(" 123-45-6789 ");
  input.append(size / 2, 'b');
  input.append("</big><after>AKIAIOSFODNN7EXAMPLE</after></r>");
  std::size_t total = 0;
  std::size_t largest_piece = 0;
  std::string tail;
  auto markup = MarkupText::create(MarkupKind::kXml, [&](std::string_view piece) {
    total += piece.size();
    largest_piece = std::max(largest_piece, piece.size());
    tail.append(piece);
    if (tail.size() > 4096) tail.erase(0, tail.size() - 4096);
  });
  ASSERT_TRUE(markup.ok());
  for (std::size_t pos = 0; pos < input.size(); pos += 1 << 20)
    markup->feed(input.substr(pos, 1 << 20));
  const ObjectStatus status = markup->finish();
  EXPECT_EQ(status.code, "COMPLETE");
  EXPECT_TRUE(markup->diagnostics().empty());
  EXPECT_GE(total, size + 13);
  EXPECT_LT(largest_piece, 1u << 20) << "output is streamed in pieces";
  EXPECT_NE(tail.find("AKIAIOSFODNN7EXAMPLE"), std::string::npos);
}

TEST(MarkupText, HugeCommentIsPassedThroughWithADiagnostic) {
  std::string input = "<r><!-- ";
  input.append(std::size_t{11} << 20, 'c');
  input.append(" 123-45-6789 --><z>after</z></r>");
  std::string tail;
  std::size_t total = 0;
  auto markup = MarkupText::create(MarkupKind::kXml, [&](std::string_view piece) {
    total += piece.size();
    tail.append(piece);
    if (tail.size() > 4096) tail.erase(0, tail.size() - 4096);
  });
  ASSERT_TRUE(markup.ok());
  for (std::size_t pos = 0; pos < input.size(); pos += 1 << 20)
    markup->feed(input.substr(pos, 1 << 20));
  const ObjectStatus status = markup->finish();
  EXPECT_GE(total, std::size_t{11} << 20);
  EXPECT_NE(tail.find("123-45-6789"), std::string::npos);
  EXPECT_NE(tail.find("after"), std::string::npos);
  EXPECT_FALSE(markup->diagnostics().empty());
  EXPECT_EQ(status.code, "PARTIAL");
}

TEST(MarkupText, DeepNestingStillGivesTheText) {
  std::string input;
  for (int i = 0; i < 100000; ++i) input.append("<d>");
  input.append("123-45-6789");
  for (int i = 0; i < 100000; ++i) input.append("</d>");
  const auto r = xml(input, 65536);
  EXPECT_NE(r.text.find("123-45-6789"), std::string::npos);
  const auto h = html(input, 65536);
  EXPECT_NE(h.text.find("123-45-6789"), std::string::npos);
}

TEST(MarkupText, DeclaredEncodingIsIgnored) {
  const auto r = xml("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r>caf\u00e9</r>");
  EXPECT_NE(r.text.find("caf\u00e9"), std::string::npos) << r.text;
  const auto h = html("<meta charset=\"windows-1252\"><p>caf\u00e9</p>");
  EXPECT_NE(h.text.find("caf\u00e9"), std::string::npos) << h.text;
}

TEST(MarkupText, FinishIsRepeatableAndFeedAfterFinishIsIgnored) {
  std::string text;
  auto markup =
      MarkupText::create(MarkupKind::kXml, [&](std::string_view piece) { text.append(piece); });
  ASSERT_TRUE(markup.ok());
  markup->feed("<r>a</r>");
  EXPECT_EQ(markup->finish().code, "COMPLETE");
  const std::string once = text;
  markup->feed("<more/>");
  EXPECT_EQ(markup->finish().code, "COMPLETE");
  EXPECT_EQ(text, once);
  MarkupText moved = std::move(*markup);
  EXPECT_EQ(moved.finish().code, "COMPLETE");
}

TEST(MarkupText, EmptyAndGarbageInputs) {
  EXPECT_EQ(xml("").text.find_first_not_of(" \n"), std::string::npos);
  const auto g = xml("just text, 123-45-6789, no markup");
  EXPECT_NE(g.text.find("123-45-6789"), std::string::npos) << g.text;
  const auto n = xml(std::string("<r>a\0b</r>", 10));
  EXPECT_NE(n.text.find('a'), std::string::npos);
}

}  // namespace
}  // namespace tamis

namespace tamis {
namespace {

TEST(MarkupDetect, ByContent) {
  EXPECT_EQ(detect_markup("a.txt", "<?xml version=\"1.0\"?><r/>"), MarkupKind::kXml);
  EXPECT_EQ(detect_markup("a", "\xEF\xBB\xBF  <?xml version='1.0'?>"), MarkupKind::kXml);
  EXPECT_EQ(detect_markup("a", "<!DOCTYPE html><p>x"), MarkupKind::kHtml);
  EXPECT_EQ(detect_markup("a", "<!doctype HTML>"), MarkupKind::kHtml);
  EXPECT_EQ(detect_markup("a", "\n<HTML><body>"), MarkupKind::kHtml);
  EXPECT_EQ(detect_markup("a", "<svg xmlns=\"http://www.w3.org/2000/svg\">"), MarkupKind::kXml);
  EXPECT_EQ(detect_markup("a", "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"x\">\n<html>"),
            MarkupKind::kHtml);
  EXPECT_EQ(detect_markup("a", "<!-- generated -->\n<catalog><book id=\"1\"/></catalog>"),
            MarkupKind::kXml);
  EXPECT_EQ(detect_markup("a", "<div class=\"x\">hello</div>"), MarkupKind::kHtml);
  EXPECT_EQ(detect_markup("a", "<note><to>Tove</to></note>"), MarkupKind::kXml);
  EXPECT_EQ(detect_markup("a", "<item id='3'>"), MarkupKind::kXml);
  // UTF-16 heads (before decoding) are recognised too.
  const std::string utf16("\xFF\xFE<\0?\0x\0m\0l\0 \0", 14);
  EXPECT_EQ(detect_markup("a", utf16), MarkupKind::kXml);
  // Big-endian, with or without a mark, and cut off inside a code unit (a head ends anywhere).
  const auto utf16be = [](std::string_view ascii) {
    std::string out;
    for (const char c : ascii) out += {'\0', c};
    return out;
  };
  EXPECT_EQ(detect_markup("a", utf16be("<html>") + std::string(1, '\0')), MarkupKind::kHtml);
  EXPECT_EQ(declared_markup_encoding("\xFE\xFF" + utf16be("<?xml encoding='KOI8-R'?>")), "KOI8-R");
  const std::string utf16le_odd("<\0?\0x\0m\0l\0 \0v", 13);
  EXPECT_EQ(detect_markup("a", utf16le_odd), MarkupKind::kXml);
}

TEST(MarkupDetect, FalsePositivesAreAvoided) {
  EXPECT_EQ(detect_markup("log.txt", "<INFO> service started\n<WARN> disk at 91%\n"), std::nullopt);
  EXPECT_EQ(detect_markup("notes.txt", "if a < b then c > d\n<not markup"), std::nullopt);
  EXPECT_EQ(detect_markup("data.json", "{\"a\": \"<b>x</b>\"}"), std::nullopt);
  EXPECT_EQ(detect_markup("data", "[\"<html>\"]"), std::nullopt);
  EXPECT_EQ(detect_markup("mail.txt", "Name <john@example.com>\nhello"), std::nullopt);
  EXPECT_EQ(detect_markup("a.txt", "<3 love"), std::nullopt);
  EXPECT_EQ(detect_markup("a.txt", ""), std::nullopt);
}

TEST(MarkupDetect, ByExtension) {
  EXPECT_EQ(detect_markup("dir/FEED.RSS", "plain"), MarkupKind::kXml);
  EXPECT_EQ(detect_markup("x.zip/page.htm", "hello"), MarkupKind::kHtml);
  EXPECT_EQ(detect_markup("a.xhtml", ""), MarkupKind::kHtml);
  for (const char* name :
       {"a.xml", "a.svg", "a.xsd", "a.xsl", "a.atom", "a.plist", "a.kml", "a.gpx", "b.csproj"}) {
    EXPECT_EQ(detect_markup(name, "text"), MarkupKind::kXml) << name;
  }
  EXPECT_EQ(detect_markup("log.txt", "<INFO> x"), std::nullopt);
  EXPECT_EQ(detect_markup("report.html", "<INFO> x"), MarkupKind::kHtml);
  EXPECT_EQ(detect_markup("noext", "text"), std::nullopt);
  // Content first: an XML document named .html is XML.
  EXPECT_EQ(detect_markup("a.html", "<?xml version=\"1.0\"?><r/>"), MarkupKind::kXml);
}

TEST(MarkupDetect, DeclaredEncoding) {
  EXPECT_EQ(declared_markup_encoding("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r/>"),
            "ISO-8859-1");
  EXPECT_EQ(declared_markup_encoding("\xEF\xBB\xBF<?xml version='1.0' encoding = 'Shift_JIS' ?>"),
            "Shift_JIS");
  EXPECT_EQ(declared_markup_encoding("<?xml version=\"1.0\"?><r encoding=\"x\"/>"), "");
  EXPECT_EQ(declared_markup_encoding("<html><head><meta charset=\"windows-1252\">"),
            "windows-1252");
  EXPECT_EQ(declared_markup_encoding("<META CHARSET=utf-8>"), "utf-8");
  EXPECT_EQ(declared_markup_encoding(
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-15\">"),
            "ISO-8859-15");
  EXPECT_EQ(declared_markup_encoding("<html><p>charset=koi8-r</p>"), "");
  EXPECT_EQ(declared_markup_encoding("plain text"), "");
}

}  // namespace
}  // namespace tamis
