#include "config/json_field.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "config/utf8_length.h"

namespace tamis::config_detail {
namespace {

std::string range_text(std::uint64_t min, std::uint64_t max) {
  if (max == std::numeric_limits<std::uint64_t>::max()) return "at least " + std::to_string(min);
  return std::to_string(min) + "-" + std::to_string(max);
}

}  // namespace

std::string pointer_token(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

Field::Field(const nlohmann::json& value, std::string pointer, std::string owner)
    : value_(&value), pointer_(std::move(pointer)), owner_(std::move(owner)) {}

Field Field::with_owner(std::string owner) const {
  return Field(*value_, pointer_, std::move(owner));
}

void Field::fail(std::string_view message) const {
  std::string out = pointer_.empty() ? "configuration" : pointer_;
  if (!owner_.empty()) out += " (" + owner_ + ")";
  out += ": ";
  out += message;
  throw ConfigProblem{std::move(out)};
}

void Field::fail_type(std::string_view expected) const {
  fail("must be " + std::string(expected) + ", got " + value_->type_name());
}

void Field::expect_object(std::initializer_list<std::string_view> allowed) const {
  if (!value_->is_object()) fail_type("an object");
  // nlohmann::json keeps keys sorted, so the first unknown key reported is deterministic.
  for (const auto& [key, member] : value_->items()) {
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string expected;
    for (auto name : allowed) {
      if (!expected.empty()) expected += ", ";
      expected += name;
    }
    Field(member, pointer_ + "/" + pointer_token(key), owner_)
        .fail("unknown key \"" + key + "\" (expected one of: " + expected + ")");
  }
}

std::optional<Field> Field::find(std::string_view key) const {
  const auto it = value_->find(key);
  if (it == value_->end() || it->is_null()) return std::nullopt;
  return Field(*it, pointer_ + "/" + pointer_token(key), owner_);
}

Field Field::require(std::string_view key) const {
  auto member = find(key);
  if (!member) fail("missing required key \"" + std::string(key) + "\"");
  return *member;
}

Field Field::at(std::size_t index) const {
  return Field((*value_)[index], pointer_ + "/" + std::to_string(index), owner_);
}

std::size_t Field::array_size(std::size_t max, std::string_view what) const {
  if (!value_->is_array()) fail_type("an array");
  if (value_->size() > max) {
    fail("at most " + std::to_string(max) + " " + std::string(what) + " allowed, got " +
         std::to_string(value_->size()));
  }
  return value_->size();
}

std::string Field::text() const {
  if (!value_->is_string()) fail_type("a string");
  return value_->get<std::string>();
}

std::string Field::text(std::size_t min_chars, std::size_t max_chars, std::string_view what) const {
  std::string out = text();
  // The JSON parser has already refused malformed UTF-8, so the length is always known here.
  const std::size_t chars = utf8_length(out).value_or(out.size());
  if (chars < min_chars || chars > max_chars) {
    const std::string limit =
        min_chars == 0 ? "at most " + std::to_string(max_chars) : range_text(min_chars, max_chars);
    fail(std::string(what) + " must be " + limit + " characters, got " + std::to_string(chars));
  }
  return out;
}

std::uint64_t Field::integer(std::uint64_t min, std::uint64_t max, std::string_view what) const {
  const std::string limit = std::string(what) + " must be " + range_text(min, max) + ", got ";
  if (value_->is_number_unsigned()) {
    const auto number = value_->get<std::uint64_t>();
    if (number < min || number > max) fail(limit + std::to_string(number));
    return number;
  }
  if (value_->is_number_integer()) {  // only negative values land here; unsigned ones are above
    fail(limit + std::to_string(value_->get<std::int64_t>()));
  }
  if (value_->is_number_float())
    fail(std::string(what) + " must be a whole number, got " + value_->dump());
  fail_type("an integer");
}

bool Field::boolean() const {
  if (!value_->is_boolean()) fail_type("true or false");
  return value_->get<bool>();
}

}  // namespace tamis::config_detail
