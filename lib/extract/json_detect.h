// Content sniffing for the engine: does the start of an object read as JSON or as JSON Lines?
// Both judge only the bytes given (say the first 8 KiB), which may end anywhere.
#pragma once

#include <string_view>

namespace tamis {

// The first value (after an optional UTF-8 BOM and whitespace) is an object or an array and the
// bytes given contain no JSON syntax error. A one-line JSON document passes both tests; a
// pretty-printed document passes only this one; JSON Lines with two or more records only the other.
bool looks_like_json(std::string_view first_bytes);

// At least one whole line, every whole non-blank line is one JSON object or array, and the last
// (possibly cut) line has no error so far. Lines of bare numbers or strings do not count: a column
// of numbers is far more often plain text than JSON Lines.
bool looks_like_json_lines(std::string_view first_bytes);

}  // namespace tamis
