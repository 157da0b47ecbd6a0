// Numbers and strings that look like sensitive values but are not: order ids, amounts,
// timestamps, 16-digit ids that fail Luhn, bare 9-digit numbers, hashes, published test values.
// Writers place them away from every identifier keyword, so any finding on one is a false
// positive.
#pragma once

#include <cstdint>
#include <string>

#include "rng.h"

namespace tamis::corpus::decoys {

std::string order_id(Rng& rng);           // ORD-20240611-48213
std::string amount(Rng& rng);             // 1249.90
std::string sixteen_digit_id(Rng& rng);   // 16 digits, Luhn check deliberately wrong
std::string nine_digit_number(Rng& rng);  // 9 digits, never grouped
std::string uuid(Rng& rng);
std::string hex(Rng& rng, std::size_t count);
std::string ipv4(Rng& rng);
std::string phone_like(Rng& rng);  // extensions and reference codes, not dialable numbers
// Seconds since the corpus epoch (2024-06-01T00:00:00Z) as ISO 8601 with milliseconds.
std::string timestamp(std::uint64_t seconds, std::uint64_t millis);
std::string date(std::uint64_t seconds);  // 2024-06-11

}  // namespace tamis::corpus::decoys
