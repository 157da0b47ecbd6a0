// Allow-list entries, from a file of one entry per line (Macie's s3WordsList, read locally) or
// from an inline array; both follow Macie's predefined-text rules (reference/macie.md §3).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace tamis::config_detail {

inline constexpr std::size_t kMinEntryChars = 1;
inline constexpr std::size_t kMaxEntryChars = 90;
inline constexpr std::size_t kMaxEntries = 100'000;
inline constexpr std::uintmax_t kMaxWordListBytes = 35ULL * 1024 * 1024;  // 35 MB

// Why one entry is unacceptable (its length in characters, or not UTF-8); nullopt when it is fine.
std::optional<std::string> check_entry(std::string_view entry);

// Splits a word-list file's content: one entry per line, trailing CR removed (CRLF files), lines
// that are empty or only spaces and tabs skipped. Errors name the 1-based line.
Result<std::vector<std::string>> split_word_list(std::string_view content);

// Reads and splits a word-list file, refusing files over kMaxWordListBytes before reading them.
Result<std::vector<std::string>> read_word_list(const std::filesystem::path& path);

}  // namespace tamis::config_detail
