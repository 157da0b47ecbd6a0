#include "extract/ooxml_sax.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <cstdint>
#include <cstring>
#include <utility>

namespace tamis {
namespace {

constexpr std::string_view kMarkupCompatibility =
    "http://schemas.openxmlformats.org/markup-compatibility/2006";
// An error message is kept this long at most (libxml2 quotes input in some of them).
constexpr std::size_t kMaxMessageBytes = 200;

std::string_view view(const xmlChar* text) {
  return text == nullptr ? std::string_view()
                         : std::string_view(reinterpret_cast<const char*>(text));
}

// The user data is the SaxPartParser, never the parser context: when the two are the same,
// libxml2 falls back to its tree builder's entity table, which stores and expands what the
// document declares (billion laughs).
SaxPartParser& parser_of(void* context) { return *static_cast<SaxPartParser*>(context); }

void start_element(void* context, const xmlChar* local_name, const xmlChar* /*prefix*/,
                   const xmlChar* uri, int /*namespace_count*/, const xmlChar** /*namespaces*/,
                   int attribute_count, int /*defaulted_count*/, const xmlChar** attributes) {
  parser_of(context).on_start(view(local_name), view(uri),
                              XmlAttributes(attributes, attribute_count));
}

void end_element(void* context, const xmlChar* local_name, const xmlChar* /*prefix*/,
                 const xmlChar* uri) {
  parser_of(context).on_end(view(local_name), view(uri));
}

void characters(void* context, const xmlChar* text, int length) {
  if (length <= 0) return;
  parser_of(context).on_characters(
      std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(length)));
}

void structured_error(void* context, xmlErrorPtr error) {
  if (error == nullptr || error->level < XML_ERR_ERROR) return;
  if (context == nullptr) return;
  std::string_view message = error->message != nullptr ? error->message : "XML error";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
    message.remove_suffix(1);
  }
  parser_of(context).on_error(error->line, message.substr(0, kMaxMessageBytes));
}

xmlSAXHandler make_handler() {
  xmlSAXHandler handler;
  std::memset(&handler, 0, sizeof handler);
  // Only these: no entity or DTD callbacks, so nothing a document declares is stored, expanded
  // or fetched, and no tree is built.
  handler.initialized = XML_SAX2_MAGIC;
  handler.startElementNs = start_element;
  handler.endElementNs = end_element;
  handler.characters = characters;
  handler.ignorableWhitespace = characters;  // xml:space="preserve" blanks are text in OOXML
  handler.cdataBlock = characters;
  handler.serror = structured_error;
  return handler;
}

void append_utf8(std::string& out, std::uint32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

// The value of a character reference body ("#38", "#x26"); 0 when it is not a valid one.
std::uint32_t character_reference(std::string_view body) {
  if (body.size() < 2 || body.front() != '#') return 0;
  body.remove_prefix(1);
  const bool hex = body.front() == 'x';
  if (hex) body.remove_prefix(1);
  if (body.empty() || body.size() > 8) return 0;
  std::uint32_t value = 0;
  for (const char c : body) {
    std::uint32_t digit = 0;
    if (c >= '0' && c <= '9') {
      digit = static_cast<std::uint32_t>(c - '0');
    } else if (hex && c >= 'a' && c <= 'f') {
      digit = static_cast<std::uint32_t>(c - 'a' + 10);
    } else if (hex && c >= 'A' && c <= 'F') {
      digit = static_cast<std::uint32_t>(c - 'A' + 10);
    } else {
      return 0;
    }
    value = value * (hex ? 16 : 10) + digit;
  }
  return value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF) ? value : 0;
}

// libxml2's SAX2 interface hands attribute values over with '&' still escaped as "&#38;" (and,
// for a document that uses them, other references), leaving the decoding to its tree builder.
// Only character references and the five predefined entities are decoded here; a reference to
// anything the document declared stays as written.
std::string decode_references(std::string_view value) {
  if (value.find('&') == std::string_view::npos) return std::string(value);
  std::string out;
  out.reserve(value.size());
  while (!value.empty()) {
    const std::size_t amp = value.find('&');
    out += value.substr(0, amp);
    if (amp == std::string_view::npos) break;
    value.remove_prefix(amp);
    const std::size_t semicolon = value.find(';');
    const std::string_view body =
        semicolon == std::string_view::npos ? std::string_view() : value.substr(1, semicolon - 1);
    static constexpr std::pair<std::string_view, char> kPredefined[] = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
    bool decoded = false;
    for (const auto& [name, character] : kPredefined) {
      if (body == name) {
        out += character;
        decoded = true;
      }
    }
    if (!decoded) {
      if (const std::uint32_t code_point = character_reference(body)) {
        append_utf8(out, code_point);
        decoded = true;
      }
    }
    if (decoded) {
      value.remove_prefix(semicolon + 1);
    } else {
      out += '&';
      value.remove_prefix(1);
    }
  }
  return out;
}

void init_libxml2_once() {
  static const bool initialised = [] {
    xmlInitParser();
    return true;
  }();
  (void)initialised;
}

}  // namespace

std::string XmlAttributes::get(std::string_view local_name) const {
  for (int i = 0; i < count_; ++i) {
    const unsigned char* const* attribute = attributes_ + 5 * i;
    if (view(attribute[0]) != local_name) continue;
    const auto* start = reinterpret_cast<const char*>(attribute[3]);
    const auto* end = reinterpret_cast<const char*>(attribute[4]);
    if (start == nullptr || end < start) return {};
    return decode_references(std::string_view(start, static_cast<std::size_t>(end - start)));
  }
  return {};
}

SaxPartParser::SaxPartParser(XmlEvents& events) : events_(events) {
  init_libxml2_once();
  xmlSAXHandler handler = make_handler();
  xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&handler, this, nullptr, 0, nullptr);
  if (ctxt == nullptr) {
    errors_ = 1;
    first_error_ = "libxml2 could not create a parser";
    return;
  }
  // RECOVER: keep going after a well-formedness error. No NOENT (entities stay unexpanded), no
  // DTDLOAD, NONET: nothing outside the part is ever read; no HUGE: libxml2's caps stay.
  xmlCtxtUseOptions(ctxt, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOCDATA);
  context_ = ctxt;
}

SaxPartParser::~SaxPartParser() {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(context_);
  if (ctxt == nullptr) return;
  // A DOCTYPE with entity declarations makes libxml2 keep them in a stub document even in SAX
  // mode (never used here: see parser_of); the context does not free it.
  if (ctxt->myDoc != nullptr) xmlFreeDoc(ctxt->myDoc);
  ctxt->myDoc = nullptr;
  xmlFreeParserCtxt(ctxt);
}

bool SaxPartParser::feed(std::string_view bytes) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(context_);
  if (ctxt == nullptr || finished_) return false;
  while (!bytes.empty()) {
    const std::size_t size = std::min<std::size_t>(bytes.size(), INT_MAX / 2);
    xmlParseChunk(ctxt, bytes.data(), static_cast<int>(size), 0);
    bytes.remove_prefix(size);
    if (ctxt->disableSAX != 0 || events_.stopped()) return false;
  }
  return true;
}

void SaxPartParser::finish() {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(context_);
  if (ctxt == nullptr || finished_) return;
  finished_ = true;
  if (ctxt->disableSAX == 0 && !events_.stopped()) xmlParseChunk(ctxt, nullptr, 0, 1);
}

void SaxPartParser::on_start(std::string_view local_name, std::string_view uri,
                             const XmlAttributes& attrs) {
  ++depth_;
  if (fallback_depth_ != 0) return;
  if (local_name == "Fallback" && uri == kMarkupCompatibility) {
    fallback_depth_ = depth_;
    return;
  }
  events_.start(local_name, attrs);
}

void SaxPartParser::on_end(std::string_view local_name, std::string_view /*uri*/) {
  const std::size_t depth = depth_;
  if (depth_ > 0) --depth_;
  if (fallback_depth_ != 0) {
    if (depth == fallback_depth_) fallback_depth_ = 0;
    return;
  }
  events_.end(local_name);
}

void SaxPartParser::on_characters(std::string_view text) {
  if (fallback_depth_ == 0) events_.characters(text);
}

void SaxPartParser::on_error(int line, std::string_view message) {
  if (errors_++ > 0) return;
  first_error_ = "line ";
  first_error_ += std::to_string(line);
  first_error_ += ": ";
  first_error_ += message;
}

}  // namespace tamis
