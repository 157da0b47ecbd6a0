#include "report/masking.h"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace tamis {

std::string mask_value(std::string_view text) {
  std::vector<std::size_t> char_starts;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) char_starts.push_back(i);
  }
  const std::size_t chars = char_starts.size();
  const std::size_t shown = std::min<std::size_t>(4, chars / 2);
  std::string out(chars - shown, '*');
  if (shown > 0) out.append(text.substr(char_starts[chars - shown]));
  return out;
}

}  // namespace tamis
