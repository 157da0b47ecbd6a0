#include "extract/ooxml_shared_strings.h"

namespace tamis {

std::optional<std::string_view> SharedStrings::at(std::uint64_t index) const {
  if (index >= ends_.size()) return std::nullopt;
  const std::uint64_t start = index == 0 ? 0 : ends_[index - 1];
  return std::string_view(text_).substr(start, ends_[index] - start);
}

void SharedStrings::begin_string() {
  in_string_ = true;
  current_start_ = text_.size();
}

void SharedStrings::append(std::string_view utf8) {
  if (!in_string_ || dropped_ > 0) return;
  // Each kept string also costs its end offset.
  const std::uint64_t cost =
      text_.size() + utf8.size() + (ends_.size() + 1) * sizeof(std::uint64_t);
  if (cost > max_bytes_) {
    text_.resize(current_start_);
    dropped_ = 1;  // this one; end_string() counts the rest
    in_string_ = false;
    return;
  }
  text_.append(utf8);
}

void SharedStrings::end_string() {
  if (dropped_ > 0) {
    if (in_string_) ++dropped_;
    in_string_ = false;
    return;
  }
  if (!in_string_) return;
  in_string_ = false;
  if ((ends_.size() + 1) * sizeof(std::uint64_t) + text_.size() > max_bytes_) {
    text_.resize(current_start_);
    dropped_ = 1;
    return;
  }
  ends_.push_back(text_.size());
}

void SharedStringsEvents::start(std::string_view local_name, const XmlAttributes& /*attributes*/) {
  if (local_name == "si") {
    strings_.begin_string();
  } else if (local_name == "rPh") {
    ++phonetic_depth_;
  } else if (local_name == "t") {
    ++text_depth_;
  }
}

void SharedStringsEvents::end(std::string_view local_name) {
  if (local_name == "si") {
    strings_.end_string();
  } else if (local_name == "rPh") {
    if (phonetic_depth_ > 0) --phonetic_depth_;
  } else if (local_name == "t") {
    if (text_depth_ > 0) --text_depth_;
  }
}

void SharedStringsEvents::characters(std::string_view utf8) {
  if (text_depth_ > 0 && phonetic_depth_ == 0) strings_.append(utf8);
}

}  // namespace tamis
