// `--size` values: a byte count with an optional K, M or G suffix (powers of 1024), e.g. 256M.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace tamis::corpus {

// nullopt for anything else (empty, other suffixes, overflow, zero).
std::optional<std::uint64_t> parse_size(std::string_view text);

}  // namespace tamis::corpus
