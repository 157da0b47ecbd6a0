// Deterministic synthetic text for benchmarks: prose, application logs and CSV rows, with
// sensitive values (and their keywords) on about 2% of lines, as in a typical business share.
// `keyword_dense` makes every prose word a likely keyword ("card", "account", "passport"...):
// the worst case for keyword-gated identifiers.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace tamis::bench {

inline std::string generate_text(std::size_t bytes, bool keyword_dense = false,
                                 std::uint32_t seed = 42) {
  static const std::vector<std::string> kProse = {
      "the",      "of",        "and",       "to",       "in",     "is",       "that",     "for",
      "it",       "as",        "was",       "with",     "be",     "by",       "on",       "not",
      "he",       "this",      "are",       "or",       "his",    "from",     "at",       "which",
      "but",      "have",      "an",        "had",      "they",   "you",      "were",     "their",
      "one",      "all",       "we",        "can",      "her",    "has",      "there",    "been",
      "if",       "more",      "when",      "will",     "would",  "who",      "so",       "no",
      "team",     "project",   "meeting",   "quarter",  "review", "budget",   "plan",     "release",
      "customer", "order",     "delivery",  "schedule", "update", "report",   "analysis", "design",
      "support",  "service",   "product",   "market",   "growth", "revenue",  "cost",     "process",
      "system",   "data",      "feature",   "issue",    "result", "change",   "week",     "month",
      "today",    "tomorrow",  "office",    "manager",  "client", "contract", "proposal", "invoice",
      "shipping", "warehouse", "inventory", "training"};
  static const std::vector<std::string> kKeywordHeavy = {
      "card",   "account",  "number", "passport",  "license", "tax",
      "social", "security", "credit", "identity",  "secret",  "token",
      "key",    "password", "bank",   "insurance", "id",      "driver"};
  static const char* const kSensitive[] = {
      "SSN: 536-22-1849",
      "Card number: 4329 0669 6704 9377 (exp 08/28)",
      "export AWS_SECRET_ACCESS_KEY=HwDqzuM14qHOXHlpaBqCefuv2FSJghB6hRLeos47",
      "Beneficiary IBAN: DE89 3704 0044 0532 0130 00",
      "Authorization: Basic c3ZjLWJhY2t1cDpXcTkjclQyIW1McA==",
      "Passport number: 534817206",
      "GITHUB_TOKEN=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",
  };
  const auto& words = keyword_dense ? kKeywordHeavy : kProse;
  std::mt19937 rng(seed);
  std::string out;
  out.reserve(bytes + 256);
  std::uint64_t line = 0;
  while (out.size() < bytes) {
    ++line;
    const std::uint32_t kind = rng() % 100;
    if (kind < 2) {
      out += kSensitive[rng() % (sizeof kSensitive / sizeof kSensitive[0])];
    } else if (kind < 27) {
      out += "2024-03-" + std::to_string(10 + rng() % 20) + "T" + std::to_string(10 + rng() % 14) +
             ":" + std::to_string(10 + rng() % 50) + ":" + std::to_string(10 + rng() % 50) +
             "Z INFO [worker-" + std::to_string(rng() % 16) + "] request " + std::to_string(rng()) +
             " GET /api/v2/orders/" + std::to_string(rng() % 100000) +
             " status=200 latency_ms=" + std::to_string(rng() % 900) +
             " bytes=" + std::to_string(rng() % 70000) + " client=10.0." +
             std::to_string(rng() % 256) + "." + std::to_string(rng() % 256);
    } else if (kind < 50) {
      out += std::to_string(line) + "," + std::to_string(rng() % 1000000) + ",2024-0" +
             std::to_string(1 + rng() % 9) + "-1" + std::to_string(rng() % 10) + "," +
             std::to_string(rng() % 100000) + "." + std::to_string(rng() % 100) + ",EUR," +
             words[rng() % words.size()] + "," + std::to_string(rng() % 1000);
    } else {
      const int count = 8 + static_cast<int>(rng() % 14);
      for (int w = 0; w < count; ++w) {
        if (w > 0) out += ' ';
        out += words[rng() % words.size()];
      }
      out += '.';
    }
    out += '\n';
  }
  out.resize(bytes);
  return out;
}

}  // namespace tamis::bench
