#include "truth_writer.h"

#include <array>
#include <cstdio>

namespace tamis::corpus {

void append_json_string(std::string& out, std::string_view text) {
  out.push_back('"');
  for (char c : text) {
    switch (c) {
      case '"':
        out.append("\\\"");
        break;
      case '\\':
        out.append("\\\\");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\r':
        out.append("\\r");
        break;
      case '\t':
        out.append("\\t");
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          std::array<char, 8> escape{};
          std::snprintf(escape.data(), escape.size(), "\\u%04x", static_cast<unsigned>(c));
          out.append(escape.data());
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

void append_truth_lines(std::string& out, std::string_view path, const Document& doc) {
  for (const Planted& planted : doc.planted()) {
    out.append("{\"path\":");
    append_json_string(out, path);
    out.append(",\"start\":");
    out.append(std::to_string(planted.start));
    out.append(",\"end\":");
    out.append(std::to_string(planted.end));
    out.append(",\"type\":");
    append_json_string(out, planted.type);
    out.append(",\"value\":");
    append_json_string(out, doc.value(planted));
    out.append(",\"keyword\":");
    out.append(planted.keyword ? "true" : "false");
    out.append("}\n");
  }
}

}  // namespace tamis::corpus
