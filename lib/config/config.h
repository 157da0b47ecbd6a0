// Engine configuration, shaped like Macie's job and identifier definitions (camelCase JSON), plus
// tamis's own knobs under clearly named fields. parse_config() reports every error with where it
// is.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/identifier.h"
#include "core/result.h"

namespace tamis {

enum class ManagedSelector : std::uint8_t { kRecommended, kAll, kInclude, kExclude, kNone };

struct SeverityLevel {
  std::uint64_t occurrences_threshold = 1;
  Severity severity = Severity::kMedium;
};

// One custom data identifier, Macie's CreateCustomDataIdentifier fields.
struct CustomIdentifierSpec {
  std::string name;  // 1-128 characters, unique in the config
  std::string description;
  std::string regex;                          // Hyperscan/PCRE subset, at most 512 characters
  std::vector<std::string> keywords;          // 0-50, each 3-90 characters, case-insensitive
  std::vector<std::string> ignore_words;      // 0-10, each 4-90 characters, case-sensitive
  std::uint32_t maximum_match_distance = 50;  // 1-300 characters
  // Ascending thresholds; empty means Macie's default: MEDIUM for one or more occurrences.
  std::vector<SeverityLevel> severity_levels;
};

// One allow list: either literal texts (inline `texts`, or a file of one entry per line through
// `s3WordsList`'s `objectKey` read as a local path) or one regex.
struct AllowListSpec {
  std::string name;
  std::vector<std::string> texts;  // each 1-90 characters; compared case-insensitively, whole text
  std::optional<std::string> regex;
};

// Hard limits. Every limit that is hit is reported in the object's status, never silently.
struct Limits {
  std::uint64_t max_object_bytes = 20ULL << 30;   // Macie: non-binary text up to 20 GB
  std::uint32_t max_occurrences_per_type = 1000;  // kept per detection; all are counted
  std::uint32_t max_match_bytes = 8192;           // width used for unbounded custom regexes
  // Archives and compression (reference/macie.md: Macie stops at 10 levels, 1M files, 10 GB).
  std::uint32_t max_archive_depth = 10;           // archives within archives
  std::uint64_t max_archive_members = 1'000'000;  // members per archive, nested ones included
  std::uint64_t max_decoded_bytes = 10ULL << 30;  // bytes decoded from one top-level object
  std::uint64_t max_member_bytes = 10ULL << 30;   // bytes decoded from one member
  std::uint32_t max_expansion_ratio = 1000;       // decoded / compressed, per member (bombs)
  // Documents (docs/formats-office.md, docs/formats-email.md).
  std::uint64_t max_office_package_bytes = 512ULL << 20;  // Macie's docx/xlsx cap
  std::uint32_t max_office_expansion_ratio = 100;         // per XML part of an Office package
  std::uint64_t max_email_parts = 10'000;                 // MIME parts per email
};

// How exact start offsets are found (design/ARCHITECTURE.md). kRecoverOnHit streams without
// start-of-match tracking and recovers the start only around hits; kSomLeftmost asks Hyperscan for
// it on every match. Both are exact; the benchmark (bench/start_offset_bench.cc) compares them.
// Not part of the JSON configuration: an engine-level knob for measurement.
enum class StartOffsetMode : std::uint8_t { kRecoverOnHit, kSomLeftmost };

struct Config {
  ManagedSelector selector = ManagedSelector::kRecommended;
  std::vector<std::string> managed_ids;  // for kInclude / kExclude
  // tamis's own high-precision secret detectors are on with RECOMMENDED unless this is false.
  bool include_tamis_secrets = true;
  std::vector<CustomIdentifierSpec> custom_identifiers;
  std::vector<AllowListSpec> allow_lists;
  Limits limits;
  bool reveal_values = false;  // put full found text in results instead of a masked preview
  StartOffsetMode start_offset_mode = StartOffsetMode::kRecoverOnHit;
  // Decompress archive members on a second thread while the first scans them (the member then
  // costs the slower of the two, not their sum). Off: the scan never starts a thread.
  bool decode_in_background = true;
};

// The JSON spellings of a selector ("RECOMMENDED") and of a custom severity ("HIGH").
std::string_view selector_name(ManagedSelector selector);
std::string_view severity_api_name(Severity severity);

// Parses a JSON configuration. Errors name the JSON position (byte offset, line, column) for
// syntax errors and the JSON pointer plus identifier name for semantic ones; `base_dir` resolves
// relative allow-list file paths.
Result<Config> parse_config(std::string_view json, std::string_view base_dir = ".");

// Reads and parses a configuration file; relative paths inside it resolve against its folder.
Result<Config> load_config_file(const std::string& path);

}  // namespace tamis
