#include "corpus_plan.h"

#include <array>
#include <cstdio>

namespace tamis::corpus {
namespace {

std::string numbered(std::string_view folder, std::string_view stem, std::size_t index,
                     std::string_view extension) {
  std::array<char, 16> number{};
  std::snprintf(number.data(), number.size(), "%03zu", index);
  std::string path(folder);
  path.push_back('/');
  path.append(stem);
  path.append(number.data());
  path.push_back('.');
  path.append(extension);
  return path;
}

void plan_large_kind(Kind kind, std::string_view folder, std::string_view stem,
                     std::string_view extension, std::uint64_t bytes,
                     std::vector<PlannedFile>& files) {
  const std::uint64_t count = bytes == 0 ? 1 : (bytes + kLargeFileBytes - 1) / kLargeFileBytes;
  const std::uint64_t each = bytes / count > 0 ? bytes / count : 1;
  for (std::uint64_t i = 0; i < count; ++i) {
    files.push_back({kind, numbered(folder, stem, i, extension), "", each});
  }
}

void plan_source(std::uint64_t bytes, Rng& rng, std::vector<PlannedFile>& files) {
  constexpr std::string_view kExtensions[] = {"py",   "js",  "go",        "java",
                                              "yaml", "env", "properties"};
  std::uint64_t planned = 0;
  std::size_t index = 0;
  // Every language at least once, then random languages until the share is filled.
  while (planned < bytes || index < std::size(kExtensions)) {
    const std::string_view extension =
        index < std::size(kExtensions) ? kExtensions[index] : rng.pick(kExtensions);
    const bool config = extension == "env" || extension == "properties";
    const std::uint64_t size = config ? rng.between(kSourceMinBytes, 4 << 10)
                                      : rng.between(kSourceMinBytes, kSourceMaxBytes);
    files.push_back(
        {Kind::kSource,
         numbered("source", extension == "env" ? "service-" : "module-", index, extension),
         std::string(extension), size});
    planned += size;
    ++index;
  }
}

}  // namespace

std::vector<PlannedFile> plan_corpus(std::uint64_t total_bytes, Rng& rng) {
  std::vector<PlannedFile> files;
  for (const KindShare& share : kMix) {
    const std::uint64_t bytes =
        total_bytes / 100 * share.percent + total_bytes % 100 * share.percent / 100;
    switch (share.kind) {
      case Kind::kProse:
        plan_large_kind(share.kind, "prose", "prose-", "txt", bytes, files);
        break;
      case Kind::kLogs:
        plan_large_kind(share.kind, "logs", "app-", "log", bytes, files);
        break;
      case Kind::kCsv:
        plan_large_kind(share.kind, "csv", "export-", "csv", bytes, files);
        break;
      case Kind::kJsonl:
        plan_large_kind(share.kind, "jsonl", "events-", "jsonl", bytes, files);
        break;
      case Kind::kSource:
        plan_source(bytes, rng, files);
        break;
    }
  }
  return files;
}

}  // namespace tamis::corpus
