// Typed, position-aware access to the configuration's JSON: every check knows its JSON pointer and
// the identifier or list it belongs to, so a refusal says exactly where the problem is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace tamis::config_detail {

// The first problem found. Thrown inside lib/config only and caught by parse_config(), which turns
// it into an Error; it lets the checks read as straight-line code.
struct ConfigProblem {
  std::string message;
};

// Escapes one JSON pointer reference token (RFC 6901: '~' as "~0", '/' as "~1").
std::string pointer_token(std::string_view key);

class Field {
 public:
  // `owner` names what the value belongs to, e.g. `custom data identifier "EmployeeId"`.
  Field(const nlohmann::json& value, std::string pointer, std::string owner = {});

  const nlohmann::json& value() const { return *value_; }
  const std::string& pointer() const { return pointer_; }
  Field with_owner(std::string owner) const;

  // "<pointer> (<owner>): <message>"; the root is called "configuration".
  [[noreturn]] void fail(std::string_view message) const;

  // Requires an object whose keys are all in `allowed`: an unknown key is refused, because a
  // misspelt option must not silently change a scan.
  void expect_object(std::initializer_list<std::string_view> allowed) const;

  // The member `key` of an object; nullopt when it is absent or null (null means "use the
  // default").
  std::optional<Field> find(std::string_view key) const;
  Field require(std::string_view key) const;
  Field at(std::size_t index) const;

  // Requires an array of at most `max` elements; `what` names them in the error ("keywords").
  std::size_t array_size(std::size_t max, std::string_view what) const;
  std::string text() const;
  // A string of min_chars..max_chars UTF-8 characters; `what` names it in the error ("keyword").
  std::string text(std::size_t min_chars, std::size_t max_chars, std::string_view what) const;
  // A whole number in min..max; `what` names it in the error ("maximumMatchDistance").
  std::uint64_t integer(std::uint64_t min, std::uint64_t max, std::string_view what) const;
  bool boolean() const;

 private:
  [[noreturn]] void fail_type(std::string_view expected) const;

  const nlohmann::json* value_;
  std::string pointer_;
  std::string owner_;
};

}  // namespace tamis::config_detail
