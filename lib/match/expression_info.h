// What Hyperscan's analysis says about one expression: the widths of its matches. Rules need them
// to size their windows; a serialised engine carries them so loading skips the analysis.
#pragma once

#include <cstdint>
#include <string>

namespace tamis::match {

struct ExpressionInfo {
  std::uint32_t min_width = 0;
  std::uint32_t max_width = 0;  // UINT32_MAX when unbounded
};

// What an ExpressionInfo is filed under: the expression and the flags it is analysed with.
inline std::string expression_info_key(const std::string& expression, unsigned flags) {
  std::string key = std::to_string(flags);
  key += ' ';
  key += expression;
  return key;
}

}  // namespace tamis::match
