// JSON parsing for configuration files, stricter than nlohmann's default: a key repeated in one
// object is refused instead of the last value silently winning, because a second
// "maximumMatchDistance" left in by mistake must not change a scan unnoticed.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace tamis::config_detail {

// Throws nlohmann::json::parse_error for syntax errors and ConfigProblem (json_field.h) for a
// duplicate key, naming the duplicate's JSON pointer. Both are caught in parse_config().
nlohmann::json parse_strict_json(std::string_view text);

}  // namespace tamis::config_detail
