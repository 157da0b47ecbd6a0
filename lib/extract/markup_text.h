// XML and HTML turned into plain text the scanner can read with Macie's text rules (lineRanges,
// keywords within 30 characters), streaming, on libxml2's push SAX parsers.
//
// What comes out (docs/formats-xml-html.md has the whole story):
// - text, CDATA, comments, processing instructions, HTML <script>/<style> contents, attribute
//   values, and element and attribute names as words, each on the line it has in the input and,
//   where possible, at the same column (padding with spaces and newlines). Markup itself
//   (`<`, `>`, `=`, quotes, `/`) becomes spaces, so two text nodes never read as one word and a
//   value never sticks to its tag.
// - entities decoded (`&amp;`, `&#32;`, `&#x41;`, HTML's named ones, internal DTD entities);
//   text that follows a decoded entity on the same line is appended right after it, so its
//   column is off by what the entity saved. Lines are always exact.
// - external DTDs and entities are never loaded; internal entity expansion is bounded.
// - recovery on malformed input; if libxml2 stops altogether, the rest of the input is passed
//   through verbatim as plain text and finish() says so.
//
// Input must already be UTF-8 (the caller decodes charsets first); the declared encoding is
// ignored. Memory stays bounded: no DOM, only libxml2's own look-ahead and a copy of the bytes it
// has not finished with.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "report/result.h"

namespace tamis {

enum class MarkupKind : std::uint8_t { kXml, kHtml };

struct MarkupOptions {
  // Bytes handed to libxml2 per parse call. Small enough that libxml2's look-ahead limit (10 MB
  // without XML_PARSE_HUGE) is only hit by a construct that really is that large.
  std::size_t parse_slice_bytes = std::size_t{64} << 10;
  // Output is handed to the sink in pieces of about this size.
  std::size_t output_piece_bytes = std::size_t{64} << 10;
  // Text produced by internal DTD entity expansion, in total. libxml2 already stops exponential
  // expansion (billion laughs); this also bounds the linear kind. Beyond it, expansions are
  // dropped and a diagnostic says so.
  std::uint64_t max_entity_text_bytes = std::uint64_t{16} << 20;
};

class MarkupText {
 public:
  using Sink = std::function<void(std::string_view utf8)>;

  // Fails only when libxml2 cannot allocate a parser.
  static Result<MarkupText> create(MarkupKind kind, Sink sink, MarkupOptions options = {});

  MarkupText(MarkupText&&) noexcept;
  MarkupText& operator=(MarkupText&&) noexcept;
  MarkupText(const MarkupText&) = delete;
  MarkupText& operator=(const MarkupText&) = delete;
  ~MarkupText();

  // Chunks may be split anywhere, even inside a UTF-8 sequence or a tag. Text reaches the sink as
  // soon as libxml2 has parsed it. Does nothing after finish().
  void feed(std::string_view utf8);

  // Ends the input and flushes everything to the sink. COMPLETE (possibly with diagnostics about
  // recovered errors), or PARTIAL / UNABLE_TO_PARSE_FILE when libxml2 gave up and the rest was
  // passed through as plain text. Calling it again returns the same status.
  ObjectStatus finish();

  // XML_MALFORMED / HTML_MALFORMED (error count, first error's line and message),
  // XML_PARSE_STOPPED / HTML_PARSE_STOPPED, XML_TEXT_AS_PLAIN / HTML_TEXT_AS_PLAIN (an unparsed
  // tail passed through), XML_ENTITY_LIMIT. Complete after finish().
  const std::vector<Diagnostic>& diagnostics() const;

  struct Impl;

 private:
  explicit MarkupText(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tamis
