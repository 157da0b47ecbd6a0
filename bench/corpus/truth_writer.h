// truth.jsonl: one line per planted value, {"path","start","end","type","value","keyword"},
// offsets in bytes into the file as stored (into the decompressed content for gz/ files).
#pragma once

#include <string>
#include <string_view>

#include "document.h"

namespace tamis::corpus {

void append_truth_lines(std::string& out, std::string_view path, const Document& doc);

// A JSON string literal (quotes included) for `text`, which is ASCII/UTF-8.
void append_json_string(std::string& out, std::string_view text);

}  // namespace tamis::corpus
