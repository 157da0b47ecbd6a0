// Gzip compression for the inflate benchmark's copies of log files. The header carries no time
// or name, so the same input always gives the same bytes (with the same zlib).
#pragma once

#include <string>
#include <string_view>

namespace tamis::corpus {

std::string gzip(std::string_view data);

}  // namespace tamis::corpus
