// tamis_corpus: writes the seeded benchmark corpus with its ground truth (see README.md).
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "corpus_generator.h"
#include "size_argument.h"

namespace {

constexpr std::string_view kUsage =
    "usage: tamis_corpus --out DIR [--size 1G|256M|2M|...] [--seed N]\n"
    "  Writes a reproducible benchmark corpus and its ground truth into DIR (which must not\n"
    "  exist or be empty). Defaults: --size 1G, --seed 1.\n";

int fail(std::string_view message) {
  std::fprintf(stderr, "tamis_corpus: %.*s\n%.*s", static_cast<int>(message.size()), message.data(),
               static_cast<int>(kUsage.size()), kUsage.data());
  return 2;
}

std::optional<std::uint64_t> parse_seed(std::string_view text) {
  if (text.empty() || text.size() > 19) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return value;
}

}  // namespace

int main(int argc, char** argv) {
  std::string out;
  std::uint64_t size = std::uint64_t{1} << 30;
  std::uint64_t seed = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage.data(), stdout);
      return 0;
    }
    if (arg != "--out" && arg != "--size" && arg != "--seed") {
      return fail("unknown argument '" + std::string(arg) + "'");
    }
    if (i + 1 >= argc) return fail(std::string(arg) + " needs a value");
    const std::string_view value = argv[++i];
    if (arg == "--out") {
      out = value;
    } else if (arg == "--size") {
      const auto parsed = tamis::corpus::parse_size(value);
      if (!parsed)
        return fail("--size takes a positive byte count with an optional K, M or G suffix, not '" +
                    std::string(value) + "'");
      size = *parsed;
    } else {
      const auto parsed = parse_seed(value);
      if (!parsed)
        return fail("--seed takes a non-negative integer, not '" + std::string(value) + "'");
      seed = *parsed;
    }
  }
  if (out.empty()) return fail("--out DIR is required");
  std::error_code error;
  if (std::filesystem::exists(out, error) && !std::filesystem::is_empty(out, error)) {
    return fail("'" + out + "' is not empty: give a new or empty directory");
  }
  try {
    const auto summary = tamis::corpus::generate_corpus(out, size, seed);
    std::printf("tamis_corpus: wrote %llu files, %llu bytes, %llu planted values to %s\n",
                static_cast<unsigned long long>(summary.files),
                static_cast<unsigned long long>(summary.bytes),
                static_cast<unsigned long long>(summary.planted), out.c_str());
  } catch (const std::exception& e) {
    return fail(e.what());
  }
  return 0;
}
