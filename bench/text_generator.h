// Deterministic synthetic text for benchmarks: prose, numbers, dates, identifiers and code-like
// lines, with sensitive values sprinkled at a realistic low density.
#pragma once

#include <cstdint>
#include <random>
#include <string>

namespace tamis::bench {

inline std::string generate_text(std::size_t bytes, std::uint32_t seed = 42) {
  static const char* const kWords[] = {
      "the",     "account", "customer", "order",  "invoice", "number", "date",   "shipping",
      "address", "total",   "payment",  "status", "pending", "name",   "record", "update",
      "service", "request", "user",     "id",     "value",   "config", "server", "error",
      "report",  "monthly", "balance",  "card",   "secret",  "token",  "phone",  "email"};
  static const char* const kSensitive[] = {
      "SSN: 536-22-4871",
      "card number 4556 7375 8689 9855",
      "aws_secret_access_key = 9drTJvcXLB89EXAMPLELB8923FB892xMFI8ELIdQX",
      "IBAN DE44 5001 0517 5407 3249 31",
      "Authorization: Basic dXNlcjpwYXNzd29yZA==",
  };
  std::mt19937 rng(seed);
  std::string out;
  out.reserve(bytes + 128);
  std::size_t line = 0;
  while (out.size() < bytes) {
    ++line;
    const std::uint32_t kind = rng() % 100;
    if (kind < 2) {
      out += kSensitive[rng() % 5];
    } else if (kind < 30) {
      out += std::to_string(line) + "," + std::to_string(rng() % 1000000) + ",2024-0" +
             std::to_string(1 + rng() % 9) + "-1" + std::to_string(rng() % 10) + "," +
             std::to_string(rng()) + "," + std::to_string(rng() % 100000) + "." +
             std::to_string(rng() % 100);
    } else {
      const int words = 6 + static_cast<int>(rng() % 12);
      for (int w = 0; w < words; ++w) {
        if (w > 0) out += ' ';
        out += kWords[rng() % (sizeof kWords / sizeof kWords[0])];
      }
      out += '.';
    }
    out += '\n';
  }
  out.resize(bytes);
  return out;
}

}  // namespace tamis::bench
