#include "extract/markup_detect.h"

#include <algorithm>
#include <array>
#include <cstddef>

#include "core/ascii_case.h"

namespace tamis {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}
bool is_name_char(char c) {
  return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

std::size_t find_nocase(std::string_view text, std::string_view needle, std::size_t from = 0) {
  if (needle.size() > text.size()) return std::string_view::npos;
  for (std::size_t i = from; i + needle.size() <= text.size(); ++i) {
    if (starts_with_ignoring_case(text.substr(i), needle)) return i;
  }
  return std::string_view::npos;
}

// The head as ASCII-compatible bytes: a UTF-8 BOM dropped, UTF-16 (by BOM or by the NUL pattern
// of "<" in either byte order) reduced to its low bytes, which is all the sniffing looks at. A
// view of `head` itself unless it is UTF-16 (then of `storage`): this runs on the head of every
// text object, up to 64 KiB.
std::string_view ascii_view_of(std::string_view head, std::string& storage) {
  if (head.size() >= 3 && head.substr(0, 3) == "\xEF\xBB\xBF") return head.substr(3);
  std::size_t first = 0;  // which byte of each UTF-16 pair carries the ASCII
  bool utf16 = false;
  if (head.size() >= 2 && (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF")) {
    utf16 = true;
    first = head[0] == '\xFF' ? 0 : 1;
    head.remove_prefix(2);
  } else if (head.size() >= 4 && head[0] == '<' && head[1] == '\0' && head[3] == '\0') {
    utf16 = true;
  } else if (head.size() >= 4 && head[0] == '\0' && head[1] == '<' && head[2] == '\0') {
    utf16 = true;
    first = 1;
  }
  if (!utf16) return head;
  storage.clear();
  storage.reserve(head.size() / 2);
  // Whole code units only: a last odd byte has no partner to read.
  for (std::size_t unit = 0; 2 * unit + 1 < head.size(); ++unit) {
    const char ascii = head[2 * unit + first];
    const char other = head[2 * unit + 1 - first];
    storage.push_back(other == '\0' ? ascii : '?');
  }
  return storage;
}

constexpr std::array<std::string_view, 44> kHtmlElements = {
    "a",      "abbr", "article", "aside",  "b",   "blockquote", "body",    "br",   "button",
    "center", "code", "dd",      "div",    "dl",  "dt",         "em",      "font", "footer",
    "form",   "h1",   "h2",      "h3",     "h4",  "h5",         "h6",      "head", "header",
    "hr",     "html", "i",       "iframe", "img", "input",      "label",   "li",   "link",
    "meta",   "nav",  "ol",      "p",      "pre", "script",     "section", "span"};
constexpr std::array<std::string_view, 10> kMoreHtmlElements = {
    "strong", "style", "table", "tbody", "td", "textarea", "th", "title", "tr", "ul"};

bool is_html_element(std::string_view name) {
  std::string lowered(name);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(), ascii_lower);
  return std::find(kHtmlElements.begin(), kHtmlElements.end(), lowered) != kHtmlElements.end() ||
         std::find(kMoreHtmlElements.begin(), kMoreHtmlElements.end(), lowered) !=
             kMoreHtmlElements.end();
}

// `text` starts with '<' + a name: does it read as an element rather than a bracketed word?
// It must either be closed later ("</name"), or carry a quoted attribute, or be self-closing and
// followed by more markup. "<INFO> service started" is none of these.
std::optional<MarkupKind> leading_element(std::string_view text) {
  std::size_t pos = 1;
  if (pos >= text.size() || !is_name_start(text[pos])) return std::nullopt;
  while (pos < text.size() && is_name_char(text[pos])) ++pos;
  const std::string_view name = text.substr(1, pos - 1);
  const MarkupKind kind = is_html_element(name) ? MarkupKind::kHtml : MarkupKind::kXml;
  std::string closing = "</";
  closing.append(name);
  if (text.find(closing) != std::string_view::npos) return kind;
  if (kind == MarkupKind::kHtml && find_nocase(text, closing) != std::string_view::npos) {
    return kind;
  }
  // Attributes: name="value" or name='value' before the tag's end.
  std::size_t tag_end = text.find('>', pos);
  if (tag_end == std::string_view::npos) tag_end = text.size();
  const std::string_view attributes = text.substr(pos, tag_end - pos);
  if (!attributes.empty() && !is_space(attributes.front()) && attributes.front() != '/') {
    return std::nullopt;
  }
  const std::size_t eq = attributes.find('=');
  if (eq != std::string_view::npos) {
    std::size_t q = eq + 1;
    while (q < attributes.size() && is_space(attributes[q])) ++q;
    if (q < attributes.size() && (attributes[q] == '"' || attributes[q] == '\'')) return kind;
  }
  if (tag_end < text.size() && tag_end > 0 && text[tag_end - 1] == '/') {
    std::size_t next = tag_end + 1;
    while (next < text.size() && is_space(text[next])) ++next;
    if (next == text.size() || text[next] == '<') return kind;
  }
  return std::nullopt;
}

std::optional<MarkupKind> by_content(std::string_view text) {
  while (true) {
    std::size_t start = 0;
    while (start < text.size() && is_space(text[start])) ++start;
    text.remove_prefix(start);
    if (text.empty() || text[0] != '<') return std::nullopt;
    if (starts_with_ignoring_case(text, "<?xml")) {
      // XHTML is parsed as HTML: its named entities (&nbsp;) are not XML's.
      const std::size_t html = find_nocase(text, "<html");
      const std::size_t doctype = find_nocase(text, "<!doctype html");
      if (html != std::string_view::npos || doctype != std::string_view::npos) {
        return MarkupKind::kHtml;
      }
      return MarkupKind::kXml;
    }
    if (starts_with_ignoring_case(text, "<!doctype html")) return MarkupKind::kHtml;
    if (starts_with_ignoring_case(text, "<!doctype")) return MarkupKind::kXml;
    if (starts_with_ignoring_case(text, "<html") || starts_with_ignoring_case(text, "<head") ||
        starts_with_ignoring_case(text, "<body")) {
      return MarkupKind::kHtml;
    }
    if (starts_with_ignoring_case(text, "<svg")) return MarkupKind::kXml;
    if (text.substr(0, 4) == "<!--") {
      const std::size_t end = text.find("-->", 4);
      if (end == std::string_view::npos) return std::nullopt;
      text.remove_prefix(end + 3);
      continue;
    }
    return leading_element(text);
  }
}

std::optional<MarkupKind> by_extension(std::string_view name) {
  const std::size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string ext(name.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(), ascii_lower);
  static constexpr std::array<std::string_view, 5> kHtml = {"html", "htm", "xhtml", "xht", "shtml"};
  static constexpr std::array<std::string_view, 22> kXml = {
      "xml",  "svg",  "xsd",    "xsl",     "xslt", "rss", "atom",  "plist", "kml", "gpx",    "wsdl",
      "xaml", "resx", "csproj", "vcxproj", "pom",  "xlf", "xliff", "gml",   "rdf", "nuspec", "xul"};
  if (std::find(kHtml.begin(), kHtml.end(), ext) != kHtml.end()) return MarkupKind::kHtml;
  if (std::find(kXml.begin(), kXml.end(), ext) != kXml.end()) return MarkupKind::kXml;
  return std::nullopt;
}

// The value after `key` = in `text` (quoted or not), or empty.
std::string value_after(std::string_view text, std::size_t key_end) {
  std::size_t pos = key_end;
  while (pos < text.size() && is_space(text[pos])) ++pos;
  if (pos >= text.size() || text[pos] != '=') return {};
  ++pos;
  while (pos < text.size() && is_space(text[pos])) ++pos;
  char quote = 0;
  if (pos < text.size() && (text[pos] == '"' || text[pos] == '\'')) quote = text[pos++];
  const std::size_t start = pos;
  while (pos < text.size() && text[pos] != quote && !is_space(text[pos]) && text[pos] != ';' &&
         text[pos] != '>' && text[pos] != '"' && text[pos] != '\'' && text[pos] != '/') {
    ++pos;
  }
  return std::string(text.substr(start, pos - start));
}

}  // namespace

std::optional<MarkupKind> detect_markup(std::string_view name, std::string_view head) {
  std::string storage;
  if (auto kind = by_content(ascii_view_of(head, storage))) return kind;
  return by_extension(name);
}

std::string declared_markup_encoding(std::string_view head) {
  std::string storage;
  const std::string_view view = ascii_view_of(head, storage);
  std::size_t start = 0;
  while (start < view.size() && is_space(view[start])) ++start;
  if (view.substr(start, 5) == "<?xml") {
    const std::size_t end = view.find("?>", start);
    const std::string_view declaration =
        view.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    const std::size_t key = declaration.find("encoding");
    if (key != std::string_view::npos) return value_after(declaration, key + 8);
  }
  for (std::size_t meta = find_nocase(view, "<meta"); meta != std::string_view::npos;
       meta = find_nocase(view, "<meta", meta + 5)) {
    const std::size_t end = view.find('>', meta);
    const std::string_view tag =
        view.substr(meta, end == std::string_view::npos ? std::string_view::npos : end - meta);
    for (std::size_t key = find_nocase(tag, "charset"); key != std::string_view::npos;
         key = find_nocase(tag, "charset", key + 7)) {
      std::string value = value_after(tag, key + 7);
      if (!value.empty()) return value;
    }
  }
  return {};
}

}  // namespace tamis
