#include "extract/json_detect.h"

#include "extract/json_extractor.h"

namespace tamis {

namespace {

class DiscardingSink final : public SegmentSink {
 public:
  bool begin_segment(const SegmentLocation&) override { return true; }
  bool segment_text(std::string_view) override { return true; }
  bool end_segment() override { return true; }
};

std::string_view skip_byte_order_mark(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  return bytes;
}

bool opens_container(std::string_view line) {
  const std::size_t first = line.find_first_not_of(" \t\r");
  return first != std::string_view::npos && (line[first] == '{' || line[first] == '[');
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

}  // namespace

bool looks_like_json(std::string_view first_bytes) {
  const std::string_view bytes = skip_byte_order_mark(first_bytes);
  const std::size_t first = bytes.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || (bytes[first] != '{' && bytes[first] != '[')) {
    return false;
  }
  DiscardingSink sink;
  JsonExtractor extractor(sink, JsonOptions{});
  extractor.feed(bytes);
  return !extractor.failed();
}

bool looks_like_json_lines(std::string_view first_bytes) {
  const std::string_view bytes = skip_byte_order_mark(first_bytes);
  const std::size_t last_newline = bytes.rfind('\n');
  if (last_newline == std::string_view::npos) return false;

  std::string_view rest = bytes;
  bool any_record = false;
  while (!rest.empty()) {
    const std::size_t newline = rest.find('\n');
    const std::string_view line = rest.substr(0, newline);
    if (!is_blank(line)) {
      if (!opens_container(line)) return false;
      any_record = true;
    }
    if (newline == std::string_view::npos) break;
    rest.remove_prefix(newline + 1);
  }
  if (!any_record) return false;

  DiscardingSink sink;
  JsonOptions options;
  options.lines = true;
  JsonExtractor extractor(sink, options);
  extractor.feed(bytes);
  return !extractor.failed() && extractor.records_parsed() > 0;
}

}  // namespace tamis
