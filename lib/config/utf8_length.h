// Counting characters the way Macie states its limits: UTF-8 code points, not bytes.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace tamis::config_detail {

// Number of code points in `text`, or nullopt when it is not well-formed UTF-8 (overlong forms,
// surrogates, values above U+10FFFF and truncated sequences are all refused).
std::optional<std::size_t> utf8_length(std::string_view text);

}  // namespace tamis::config_detail
