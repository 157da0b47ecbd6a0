// One generated file in memory: its bytes and the sensitive values planted in it, with their byte
// offsets, recorded at the moment they are appended so offsets can never drift from the text.
#pragma once

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tamis::corpus {

struct Planted {
  std::size_t start = 0;  // byte offset of the value's first byte
  std::size_t end = 0;    // one past its last byte
  std::string_view type;  // tamis identifier id, or EMAIL_ADDRESS / PHONE_NUMBER
  bool keyword = true;    // false: a keyword-required identifier planted with no keyword nearby
};

class Document {
 public:
  explicit Document(std::size_t reserve_bytes) { text_.reserve(reserve_bytes + 4096); }

  Document& operator<<(std::string_view text) {
    text_.append(text);
    return *this;
  }
  Document& operator<<(char c) {
    text_.push_back(c);
    return *this;
  }
  Document& operator<<(std::uint64_t number) {
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, number);
    text_.append(digits, result.ptr);
    return *this;
  }

  // Appends a sensitive value and records where it landed.
  Document& plant(std::string_view type, std::string_view value, bool keyword = true) {
    planted_.push_back({text_.size(), text_.size() + value.size(), type, keyword});
    text_.append(value);
    return *this;
  }

  std::size_t size() const { return text_.size(); }
  const std::string& text() const { return text_; }
  const std::vector<Planted>& planted() const { return planted_; }
  std::string_view value(const Planted& p) const {
    return std::string_view(text_).substr(p.start, p.end - p.start);
  }

 private:
  std::string text_;
  std::vector<Planted> planted_;
};

}  // namespace tamis::corpus
