// An Excel workbook's shared string table (xl/sharedStrings.xml): cells of type "s" hold an
// index into it, so it is read before the sheets and kept in memory, packed in one buffer and
// held to a byte limit. Rich-text runs of one string are joined; phonetic guides (rPh) are not
// text of the cell and are left out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/ooxml_sax.h"

namespace tamis {

class SharedStrings {
 public:
  explicit SharedStrings(std::uint64_t max_bytes) : max_bytes_(max_bytes) {}

  // The string at `index`; nullopt when there is none (missing, or dropped at the limit).
  std::optional<std::string_view> at(std::uint64_t index) const;
  std::uint64_t size() const { return ends_.size(); }
  // Strings past the limit: from the first of them on, none is kept, so that indices stay right.
  std::uint64_t dropped() const { return dropped_; }
  bool is_dropped(std::uint64_t index) const { return dropped_ > 0 && index >= ends_.size(); }

  void begin_string();
  void append(std::string_view utf8);
  void end_string();

 private:
  std::uint64_t max_bytes_;
  std::string text_;                 // every kept string, back to back
  std::vector<std::uint64_t> ends_;  // end offset of each kept string in text_
  std::uint64_t current_start_ = 0;
  bool in_string_ = false;
  std::uint64_t dropped_ = 0;
};

class SharedStringsEvents final : public XmlEvents {
 public:
  explicit SharedStringsEvents(SharedStrings& strings) : strings_(strings) {}
  void start(std::string_view local_name, const XmlAttributes& attributes) override;
  void end(std::string_view local_name) override;
  void characters(std::string_view utf8) override;

 private:
  SharedStrings& strings_;
  std::uint32_t text_depth_ = 0;      // inside t
  std::uint32_t phonetic_depth_ = 0;  // inside rPh
};

}  // namespace tamis
