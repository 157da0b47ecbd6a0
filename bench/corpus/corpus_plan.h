// Which files the corpus has and how large each is: the large kinds depend on the total size
// alone, the many small source files also on the seed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rng.h"

namespace tamis::corpus {

enum class Kind { kProse, kLogs, kCsv, kJsonl, kSource };

// Share of the requested bytes per kind, in percent. The gzip copies of logs come on top.
struct KindShare {
  Kind kind;
  std::string_view name;  // manifest "kind" and folder name
  unsigned percent;
};
inline constexpr KindShare kMix[] = {
    {Kind::kProse, "prose", 30}, {Kind::kLogs, "logs", 30},     {Kind::kCsv, "csv", 15},
    {Kind::kJsonl, "jsonl", 15}, {Kind::kSource, "source", 10},
};
inline constexpr unsigned kGzipExtraPercent = 5;
inline constexpr std::size_t kLargeFileBytes = std::size_t{8} << 20;
inline constexpr std::size_t kSourceMinBytes = std::size_t{1} << 10;
inline constexpr std::size_t kSourceMaxBytes = std::size_t{50} << 10;

struct PlannedFile {
  Kind kind;
  std::string path;       // relative to the output directory
  std::string extension;  // for source files: the language ("py", "env", ...)
  std::size_t target_bytes;
};

// Files for `total_bytes`: large kinds split into equal files of at most 8 MiB, source files of
// 1-50 KiB with sizes and languages drawn from `rng`. Every kind gets at least one file.
std::vector<PlannedFile> plan_corpus(std::uint64_t total_bytes, Rng& rng);

}  // namespace tamis::corpus
