// What of a found value a result shows by default: enough to recognise it, not enough to use it.
#pragma once

#include <string>
#include <string_view>

namespace tamis {

// Every character replaced by '*' except the last four, and never more than half of the value:
// "4111 1111 1111 1111" -> "***************1111", "12345" -> "***45". Counts UTF-8 characters.
std::string mask_value(std::string_view text);

}  // namespace tamis
