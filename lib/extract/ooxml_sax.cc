#include "extract/ooxml_sax.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <cstring>

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

SaxPartParser& parser_of(void* context) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(context);
  return *static_cast<SaxPartParser*>(ctxt->_private);
}

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
  // For parser errors libxml2 passes the parser context as `context`.
  auto* ctxt = static_cast<xmlParserCtxtPtr>(context);
  if (ctxt == nullptr || ctxt->_private == nullptr) return;
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

void init_libxml2_once() {
  static const bool initialised = [] {
    xmlInitParser();
    return true;
  }();
  (void)initialised;
}

}  // namespace

std::string_view XmlAttributes::get(std::string_view local_name) const {
  for (int i = 0; i < count_; ++i) {
    const unsigned char* const* attribute = attributes_ + 5 * i;
    if (view(attribute[0]) != local_name) continue;
    const auto* start = reinterpret_cast<const char*>(attribute[3]);
    const auto* end = reinterpret_cast<const char*>(attribute[4]);
    return start == nullptr || end < start
               ? std::string_view()
               : std::string_view(start, static_cast<std::size_t>(end - start));
  }
  return {};
}

SaxPartParser::SaxPartParser(XmlEvents& events) : events_(events) {
  init_libxml2_once();
  xmlSAXHandler handler = make_handler();
  xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&handler, nullptr, nullptr, 0, nullptr);
  if (ctxt == nullptr) {
    errors_ = 1;
    first_error_ = "libxml2 could not create a parser";
    return;
  }
  ctxt->_private = this;
  // RECOVER: keep going after a well-formedness error. No NOENT (entities stay unexpanded), no
  // DTDLOAD, NONET: nothing outside the part is ever read; no HUGE: libxml2's caps stay.
  xmlCtxtUseOptions(ctxt, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOCDATA);
  context_ = ctxt;
}

SaxPartParser::~SaxPartParser() {
  if (context_ != nullptr) xmlFreeParserCtxt(static_cast<xmlParserCtxtPtr>(context_));
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
