// JSONPath spelling of a value's location, as Macie reports it in `records[].jsonPath`:
// `$.customers[2].ssn`, and `$['first name']` for keys that are not simple identifiers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tamis {

// True when `key` can be written after a dot: an ASCII letter or `_` followed by letters, digits
// or `_`. Anything else (spaces, dots, quotes, non-ASCII, empty) needs bracket notation.
bool is_simple_json_key(std::string_view key);

// Appends `.key` or `['key']` (with `'` and `\` escaped by a backslash inside the brackets).
void append_json_path_member(std::string& path, std::string_view key);

// Appends `[index]`.
void append_json_path_index(std::string& path, std::uint64_t index);

}  // namespace tamis
