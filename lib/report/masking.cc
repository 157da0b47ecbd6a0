#include "report/masking.h"

#include <algorithm>
#include <cstddef>

namespace tamis {

namespace {
bool starts_character(char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }
}  // namespace

// Called for every reported occurrence: two passes over the value and one allocation, no list of
// character offsets.
std::string mask_value(std::string_view text) {
  const auto chars =
      static_cast<std::size_t>(std::count_if(text.begin(), text.end(), starts_character));
  const std::size_t shown = std::min<std::size_t>(4, chars / 2);
  std::size_t tail = text.size();  // where the last `shown` characters start
  for (std::size_t seen = 0; seen < shown;) {
    if (starts_character(text[--tail])) ++seen;
  }
  std::string out;
  out.reserve(chars - shown + text.size() - tail);
  out.append(chars - shown, '*');
  out.append(text.substr(tail));
  return out;
}

}  // namespace tamis
