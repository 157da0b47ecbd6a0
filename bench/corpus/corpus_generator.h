// Writes a whole corpus (files, gz copies, truth.jsonl, manifest.json) into a directory.
#pragma once

#include <cstdint>
#include <filesystem>

namespace tamis::corpus {

struct CorpusSummary {
  std::uint64_t files = 0;
  std::uint64_t bytes = 0;
  std::uint64_t planted = 0;
};

// Throws std::runtime_error with a message naming the path on any I/O failure.
CorpusSummary generate_corpus(const std::filesystem::path& out, std::uint64_t total_bytes,
                              std::uint64_t seed);

}  // namespace tamis::corpus
