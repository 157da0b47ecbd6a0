// One XML part through libxml2's SAX2 push parser: fed in chunks as it inflates, never built as a
// tree. Safe for hostile input: no network, no external DTD, entities declared in the document
// are neither stored nor expanded, libxml2's default depth and size caps stay on, and
// well-formedness errors are recovered from (what follows them still arrives) and counted, never
// printed. Markup-compatibility fallbacks (mc:Fallback, Word's VML copy of every modern text box)
// are skipped, so that their text is not extracted twice.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tamis {

// The attributes of one element, looked up by local name (the prefix is ignored: "r:id" is "id").
class XmlAttributes {
 public:
  // libxml2's SAX2 layout: per attribute localname, prefix, URI, value start, value end.
  XmlAttributes(const unsigned char** attributes, int count)
      : attributes_(attributes), count_(count) {}
  // Empty when absent. Predefined entities and character references are decoded.
  std::string get(std::string_view local_name) const;

 private:
  const unsigned char** attributes_;
  int count_;
};

// What a part handler sees. Element names are local names: OOXML's transitional and strict
// flavours put the same elements in different namespaces, and local names do not collide
// within the parts read here.
class XmlEvents {
 public:
  virtual ~XmlEvents() = default;
  virtual void start(std::string_view local_name, const XmlAttributes& attributes) = 0;
  virtual void end(std::string_view local_name) = 0;
  // Text and CDATA, UTF-8, in pieces of any size.
  virtual void characters(std::string_view utf8) = 0;
  // True once the handler wants no more input (its sink said stop).
  virtual bool stopped() const { return false; }
};

class SaxPartParser {
 public:
  explicit SaxPartParser(XmlEvents& events);
  ~SaxPartParser();
  SaxPartParser(const SaxPartParser&) = delete;
  SaxPartParser& operator=(const SaxPartParser&) = delete;

  // False once feeding more is pointless: the parser halted on an unrecoverable error, or the
  // handler stopped.
  bool feed(std::string_view bytes);
  // Ends the document (reports a truncated one as an error). Call once.
  void finish();

  std::uint64_t errors() const { return errors_; }
  // The first error, "line N: message".
  const std::string& first_error() const { return first_error_; }

  // libxml2's callbacks (public so that the C handler table can name them).
  void on_start(std::string_view local_name, std::string_view uri, const XmlAttributes& attrs);
  void on_end(std::string_view local_name, std::string_view uri);
  void on_characters(std::string_view text);
  void on_error(int line, std::string_view message);

 private:
  XmlEvents& events_;
  void* context_ = nullptr;  // xmlParserCtxtPtr
  std::size_t depth_ = 0;
  std::size_t fallback_depth_ = 0;  // depth of the mc:Fallback being skipped; 0: none
  std::uint64_t errors_ = 0;
  std::string first_error_;
  bool finished_ = false;
};

}  // namespace tamis
