// Is an object XML or HTML, and which encoding does its head declare? Used before decoding (the
// declared charset feeds the decoder) and to route the decoded text through MarkupText.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "extract/markup_text.h"

namespace tamis {

// By content first (after an optional BOM and whitespace: <?xml, <!DOCTYPE html, <html, <svg, a
// comment, or a leading element that looks like markup: a name, then attributes, '>' or '/>'),
// then by extension (.xml .html .htm .xhtml .svg .xsd .xsl .xslt .rss .atom .plist .kml .gpx
// .wsdl .xaml .resx .csproj .pom ...). nullopt: not markup. A text that merely contains a '<'
// somewhere, a log line starting with "<INFO>" (a lone word in brackets followed by plain text,
// never closed) and JSON are not markup unless the extension says so.
std::optional<MarkupKind> detect_markup(std::string_view name, std::string_view head);

// The encoding the document declares in its head: <?xml ... encoding="..."?>, <meta charset=...>,
// <meta http-equiv="Content-Type" content="...; charset=...">. Empty when none. Returned as
// written (trimmed), for the charset decoder to interpret.
std::string declared_markup_encoding(std::string_view head);

}  // namespace tamis
