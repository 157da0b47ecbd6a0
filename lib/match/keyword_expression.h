// Turns a keyword into the Hyperscan expression that finds it the way Macie does: case-insensitive,
// and a space in the keyword also matching '_', '-' or nothing.
#pragma once

#include <string>
#include <string_view>

namespace tamis::match {

// The expression is compiled with HS_FLAG_CASELESS and without HS_FLAG_UTF8 (byte mode is much
// faster), so ASCII case is Hyperscan's job while every non-ASCII letter is spelled out as an
// alternation of its lower, upper and title case UTF-8 forms.
std::string keyword_expression(std::string_view keyword);

}  // namespace tamis::match
