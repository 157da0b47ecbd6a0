#include "config/config.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>
#include <system_error>
#include <utility>

#include "catalog/catalog.h"
#include "config/json_field.h"
#include "config/strict_json.h"
#include "config/utf8_length.h"
#include "config/word_list.h"

namespace tamis {
namespace {

using config_detail::ConfigProblem;
using config_detail::Field;
using nlohmann::json;

// Macie's limits (reference/macie.md §2-§3).
constexpr std::size_t kMaxNameChars = 128;
constexpr std::size_t kMaxDescriptionChars = 512;
constexpr std::size_t kMaxRegexChars = 512;
constexpr std::size_t kMaxKeywords = 50;
constexpr std::size_t kMinKeywordChars = 3;
constexpr std::size_t kMaxKeywordChars = 90;
constexpr std::size_t kMaxIgnoreWords = 10;
constexpr std::size_t kMinIgnoreWordChars = 4;
constexpr std::size_t kMaxIgnoreWordChars = 90;
constexpr std::uint64_t kMinMatchDistance = 1;
constexpr std::uint64_t kMaxMatchDistance = 300;
constexpr std::size_t kMaxSeverityLevels = 3;
constexpr std::uint64_t kNoUpperBound = std::numeric_limits<std::uint64_t>::max();
constexpr std::uint64_t kMaxUint32 = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint64_t kMaxArchiveDepth = 1000;

std::string in_quotes(std::string_view text) {
  std::string out;
  out += '"';
  out += text;
  out += '"';
  return out;
}

// "line L, column C (byte B): <nlohmann's reason>". nlohmann counts the byte it stopped on, so
// `byte` is 1-based; line and column are counted here from the same position (column in bytes).
std::string syntax_error_message(std::string_view text, const json::parse_error& error) {
  // At the end of the input nlohmann counts one byte past it, which is the column to report.
  const std::size_t stop = error.byte;
  const std::size_t scanned = std::min<std::size_t>(stop == 0 ? 0 : stop - 1, text.size());
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < scanned; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  const std::size_t column = stop > line_start ? stop - line_start : 1;
  // what() reads "[json.exception.parse_error.101] parse error at line 1, column 5: <reason>".
  std::string_view reason = error.what();
  if (const auto at = reason.find(", column "); at != std::string_view::npos) {
    if (const auto colon = reason.find(": ", at); colon != std::string_view::npos) {
      reason.remove_prefix(colon + 2);
    }
  }
  // The reason quotes the last bytes read, which may be the malformed UTF-8 being reported; the
  // message must stay printable and embeddable in JSON.
  std::string printable_reason(reason);
  if (!config_detail::utf8_length(printable_reason)) {
    for (char& c : printable_reason) {
      if (static_cast<unsigned char>(c) >= 0x80) c = '?';
    }
  }
  return "JSON syntax error at line " + std::to_string(line) + ", column " +
         std::to_string(column) + " (byte " + std::to_string(error.byte) + "): " + printable_reason;
}

ManagedSelector parse_selector(const Field& root) {
  const auto field = root.find("managedDataIdentifierSelector");
  if (!field) return ManagedSelector::kRecommended;  // Macie: null or absent means RECOMMENDED
  const std::string name = field->text();
  for (auto selector :
       {ManagedSelector::kRecommended, ManagedSelector::kAll, ManagedSelector::kInclude,
        ManagedSelector::kExclude, ManagedSelector::kNone}) {
    if (name == selector_name(selector)) return selector;
  }
  field->fail("unknown selector " + in_quotes(name) +
              " (expected RECOMMENDED, ALL, INCLUDE, EXCLUDE or NONE)");
}

std::vector<std::string> parse_managed_ids(const Field& root, ManagedSelector selector) {
  const bool wanted =
      selector == ManagedSelector::kInclude || selector == ManagedSelector::kExclude;
  const auto field = root.find("managedDataIdentifierIds");
  const std::size_t count =
      field ? field->array_size(std::numeric_limits<std::size_t>::max(), "ids") : 0;
  // When the list is missing, errors still name where it belongs.
  const Field where = field ? *field : Field(root.value(), "/managedDataIdentifierIds");
  if (wanted && count == 0) {
    where.fail(
        "needs at least one managed data identifier id when managedDataIdentifierSelector is " +
        std::string(selector_name(selector)));
  }
  if (!wanted && count > 0) {
    where.fail("only allowed when managedDataIdentifierSelector is INCLUDE or EXCLUDE (it is " +
               std::string(selector_name(selector)) + ")");
  }
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < count; ++i) {
    const Field entry = field->at(i);
    std::string id = entry.text();
    if (find_managed(id) == nullptr) entry.fail("unknown managed data identifier " + in_quotes(id));
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) {
      entry.fail(in_quotes(id) + " is listed twice");
    }
    ids.push_back(std::move(id));
  }
  return ids;
}

// The label errors use for something with a name, when the name is at least a string.
std::string owner_label(const Field& item, std::string_view kind) {
  const json& value = item.value();
  if (!value.is_object()) return {};
  const auto name = value.find("name");
  if (name == value.end() || !name->is_string()) return {};
  return std::string(kind) + " " + in_quotes(name->get<std::string>());
}

std::vector<std::string> parse_string_list(const Field& parent, std::string_view key,
                                           std::size_t max_entries, std::string_view plural,
                                           std::size_t min_chars, std::size_t max_chars,
                                           std::string_view singular) {
  std::vector<std::string> out;
  const auto field = parent.find(key);
  if (!field) return out;
  const std::size_t count = field->array_size(max_entries, plural);
  for (std::size_t i = 0; i < count; ++i) {
    out.push_back(field->at(i).text(min_chars, max_chars, singular));
  }
  return out;
}

Severity parse_severity(const Field& field) {
  const std::string name = field.text();
  if (name == "LOW") return Severity::kLow;
  if (name == "MEDIUM") return Severity::kMedium;
  if (name == "HIGH") return Severity::kHigh;
  field.fail("unknown severity " + in_quotes(name) + " (expected LOW, MEDIUM or HIGH)");
}

std::vector<SeverityLevel> parse_severity_levels(const Field& identifier) {
  std::vector<SeverityLevel> levels;
  const auto field = identifier.find("severityLevels");
  if (!field) return levels;
  const std::size_t count = field->array_size(kMaxSeverityLevels, "severity levels");
  for (std::size_t i = 0; i < count; ++i) {
    const Field entry = field->at(i);
    entry.expect_object({"occurrencesThreshold", "severity"});
    const Field threshold_field = entry.require("occurrencesThreshold");
    const Field severity_field = entry.require("severity");
    SeverityLevel level;
    level.occurrences_threshold = threshold_field.integer(1, kNoUpperBound, "occurrencesThreshold");
    level.severity = parse_severity(severity_field);
    if (!levels.empty()) {
      const SeverityLevel& previous = levels.back();
      if (level.occurrences_threshold <= previous.occurrences_threshold) {
        threshold_field.fail("occurrencesThreshold must be greater than the previous level's (" +
                             std::to_string(previous.occurrences_threshold) + "), got " +
                             std::to_string(level.occurrences_threshold));
      }
      if (level.severity <= previous.severity) {
        severity_field.fail("severity must be higher than the previous level's (" +
                            std::string(severity_api_name(previous.severity)) + "), got " +
                            std::string(severity_api_name(level.severity)));
      }
    }
    levels.push_back(level);
  }
  return levels;
}

CustomIdentifierSpec parse_custom_identifier(const Field& item) {
  item.expect_object({"name", "description", "regex", "keywords", "ignoreWords",
                      "maximumMatchDistance", "severityLevels"});
  CustomIdentifierSpec spec;
  spec.name = item.require("name").text(1, kMaxNameChars, "name");
  if (const auto description = item.find("description")) {
    spec.description = description->text(0, kMaxDescriptionChars, "description");
  }
  spec.regex = item.require("regex").text(1, kMaxRegexChars, "regex");
  spec.keywords = parse_string_list(item, "keywords", kMaxKeywords, "keywords", kMinKeywordChars,
                                    kMaxKeywordChars, "keyword");
  spec.ignore_words = parse_string_list(item, "ignoreWords", kMaxIgnoreWords, "ignore words",
                                        kMinIgnoreWordChars, kMaxIgnoreWordChars, "ignore word");
  if (const auto distance = item.find("maximumMatchDistance")) {
    spec.maximum_match_distance = static_cast<std::uint32_t>(
        distance->integer(kMinMatchDistance, kMaxMatchDistance, "maximumMatchDistance"));
  }
  spec.severity_levels = parse_severity_levels(item);
  return spec;
}

std::vector<CustomIdentifierSpec> parse_custom_identifiers(const Field& root) {
  std::vector<CustomIdentifierSpec> specs;
  const auto field = root.find("customDataIdentifiers");
  if (!field) return specs;
  const std::size_t count =
      field->array_size(std::numeric_limits<std::size_t>::max(), "custom data identifiers");
  for (std::size_t i = 0; i < count; ++i) {
    const Field raw = field->at(i);
    const Field item = raw.with_owner(owner_label(raw, "custom data identifier"));
    CustomIdentifierSpec spec = parse_custom_identifier(item);
    for (std::size_t j = 0; j < specs.size(); ++j) {
      if (specs[j].name == spec.name) {
        item.require("name").fail("name is already used by /customDataIdentifiers/" +
                                  std::to_string(j));
      }
    }
    specs.push_back(std::move(spec));
  }
  return specs;
}

std::vector<std::string> parse_inline_texts(const Field& texts) {
  const std::size_t count = texts.array_size(config_detail::kMaxEntries, "entries");
  if (count == 0) texts.fail("needs at least 1 entry");
  std::vector<std::string> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const Field entry = texts.at(i);
    std::string text = entry.text();
    if (auto problem = config_detail::check_entry(text)) entry.fail(*problem);
    out.push_back(std::move(text));
  }
  return out;
}

std::vector<std::string> parse_word_list_file(const Field& s3_words_list,
                                              const std::filesystem::path& base_dir) {
  s3_words_list.expect_object({"bucketName", "objectKey"});
  // bucketName is accepted so that a Macie definition can be reused as it is; locally the object
  // key is a file path.
  if (const auto bucket = s3_words_list.find("bucketName")) (void)bucket->text();
  const Field key_field = s3_words_list.require("objectKey");
  const std::filesystem::path key =
      key_field.text(1, std::numeric_limits<std::size_t>::max(), "objectKey");
  const std::filesystem::path file = key.is_absolute() ? key : base_dir / key;
  auto entries = config_detail::read_word_list(file);
  if (!entries) key_field.fail(entries.error().message);
  return std::move(entries).value();
}

AllowListSpec parse_allow_list(const Field& item, const std::filesystem::path& base_dir) {
  item.expect_object({"name", "description", "criteria", "texts"});
  AllowListSpec spec;
  spec.name = item.require("name").text(1, kMaxNameChars, "name");
  if (const auto description = item.find("description")) {
    (void)description->text(0, kMaxDescriptionChars, "description");
  }
  const auto criteria = item.find("criteria");
  const auto texts = item.find("texts");
  std::optional<Field> regex;
  std::optional<Field> words_list;
  if (criteria) {
    criteria->expect_object({"regex", "s3WordsList"});
    regex = criteria->find("regex");
    words_list = criteria->find("s3WordsList");
  }
  std::string sources;
  for (const auto& [present, name] : {std::pair{regex.has_value(), "criteria.regex"},
                                      std::pair{words_list.has_value(), "criteria.s3WordsList"},
                                      std::pair{texts.has_value(), "texts"}}) {
    if (!present) continue;
    if (!sources.empty()) sources += ", ";
    sources += name;
  }
  if (sources.empty() || sources.find(',') != std::string::npos) {
    item.fail("needs exactly one of criteria.regex, criteria.s3WordsList or texts, got " +
              (sources.empty() ? std::string("none") : sources));
  }
  if (regex) {
    spec.regex = regex->text(1, kMaxRegexChars, "regex");
  } else if (words_list) {
    spec.texts = parse_word_list_file(*words_list, base_dir);
  } else {
    spec.texts = parse_inline_texts(*texts);
  }
  return spec;
}

std::vector<AllowListSpec> parse_allow_lists(const Field& root,
                                             const std::filesystem::path& base_dir) {
  std::vector<AllowListSpec> specs;
  const auto field = root.find("allowLists");
  if (!field) return specs;
  const std::size_t count =
      field->array_size(std::numeric_limits<std::size_t>::max(), "allow lists");
  for (std::size_t i = 0; i < count; ++i) {
    const Field raw = field->at(i);
    const Field item = raw.with_owner(owner_label(raw, "allow list"));
    AllowListSpec spec = parse_allow_list(item, base_dir);
    for (std::size_t j = 0; j < specs.size(); ++j) {
      if (specs[j].name == spec.name) {
        item.require("name").fail("name is already used by /allowLists/" + std::to_string(j));
      }
    }
    specs.push_back(std::move(spec));
  }
  return specs;
}

// docs/archives.md. 0 levels is allowed (archives are then reported, never opened); the ceiling
// keeps the walker's recursion, one stack frame and one decoder per level, far from any stack
// limit.
void parse_archive_limits(const Field& limits, Limits& out) {
  if (const auto field = limits.find("maxArchiveDepth")) {
    out.max_archive_depth =
        static_cast<std::uint32_t>(field->integer(0, kMaxArchiveDepth, "maxArchiveDepth"));
  }
  if (const auto field = limits.find("maxArchiveMembers")) {
    out.max_archive_members = field->integer(1, kNoUpperBound, "maxArchiveMembers");
  }
  if (const auto field = limits.find("maxDecodedBytes")) {
    out.max_decoded_bytes = field->integer(1, kNoUpperBound, "maxDecodedBytes");
  }
  if (const auto field = limits.find("maxMemberBytes")) {
    out.max_member_bytes = field->integer(1, kNoUpperBound, "maxMemberBytes");
  }
  if (const auto field = limits.find("maxExpansionRatio")) {
    out.max_expansion_ratio =
        static_cast<std::uint32_t>(field->integer(1, kMaxUint32, "maxExpansionRatio"));
  }
}

void parse_document_limits(const Field& limits, Limits& out) {
  if (const auto field = limits.find("maxOfficePackageBytes")) {
    out.max_office_package_bytes = field->integer(1, kNoUpperBound, "maxOfficePackageBytes");
  }
  if (const auto field = limits.find("maxOfficeExpansionRatio")) {
    out.max_office_expansion_ratio =
        static_cast<std::uint32_t>(field->integer(1, kMaxUint32, "maxOfficeExpansionRatio"));
  }
  if (const auto field = limits.find("maxEmailParts")) {
    out.max_email_parts = field->integer(1, kNoUpperBound, "maxEmailParts");
  }
}

void parse_tamis_section(const Field& root, Config& config) {
  const auto section = root.find("tamis");
  if (!section) return;
  section->expect_object({"includeTamisSecrets", "revealValues", "limits"});
  if (const auto field = section->find("includeTamisSecrets")) {
    config.include_tamis_secrets = field->boolean();
  }
  if (const auto field = section->find("revealValues")) config.reveal_values = field->boolean();
  const auto limits = section->find("limits");
  if (!limits) return;
  limits->expect_object({"maxObjectBytes", "maxOccurrencesPerType", "maxMatchBytes",
                         "maxArchiveDepth", "maxArchiveMembers", "maxDecodedBytes",
                         "maxMemberBytes", "maxExpansionRatio", "maxOfficePackageBytes",
                         "maxOfficeExpansionRatio", "maxEmailParts"});
  if (const auto field = limits->find("maxObjectBytes")) {
    config.limits.max_object_bytes = field->integer(1, kNoUpperBound, "maxObjectBytes");
  }
  if (const auto field = limits->find("maxOccurrencesPerType")) {
    config.limits.max_occurrences_per_type =
        static_cast<std::uint32_t>(field->integer(1, kMaxUint32, "maxOccurrencesPerType"));
  }
  if (const auto field = limits->find("maxMatchBytes")) {
    config.limits.max_match_bytes =
        static_cast<std::uint32_t>(field->integer(1, kMaxUint32, "maxMatchBytes"));
  }
  parse_archive_limits(*limits, config.limits);
  parse_document_limits(*limits, config.limits);
}

Config parse_document(const json& document, const std::filesystem::path& base_dir) {
  const Field root(document, "");
  root.expect_object({"managedDataIdentifierSelector", "managedDataIdentifierIds",
                      "customDataIdentifiers", "allowLists", "tamis"});
  Config config;
  config.selector = parse_selector(root);
  config.managed_ids = parse_managed_ids(root, config.selector);
  config.custom_identifiers = parse_custom_identifiers(root);
  config.allow_lists = parse_allow_lists(root, base_dir);
  parse_tamis_section(root, config);
  return config;
}

}  // namespace

std::string_view selector_name(ManagedSelector selector) {
  switch (selector) {
    case ManagedSelector::kRecommended:
      return "RECOMMENDED";
    case ManagedSelector::kAll:
      return "ALL";
    case ManagedSelector::kInclude:
      return "INCLUDE";
    case ManagedSelector::kExclude:
      return "EXCLUDE";
    case ManagedSelector::kNone:
      return "NONE";
  }
  return "RECOMMENDED";
}

std::string_view severity_api_name(Severity severity) {
  switch (severity) {
    case Severity::kLow:
      return "LOW";
    case Severity::kMedium:
      return "MEDIUM";
    case Severity::kHigh:
      return "HIGH";
    case Severity::kNone:
      break;
  }
  return "NONE";
}

Result<Config> parse_config(std::string_view json_text, std::string_view base_dir) {
  json document;
  try {
    document = config_detail::parse_strict_json(json_text);
  } catch (const json::parse_error& error) {
    return Error{syntax_error_message(json_text, error)};
  } catch (const ConfigProblem& problem) {
    return Error{problem.message};
  }
  try {
    return parse_document(document, std::filesystem::path(base_dir));
  } catch (const ConfigProblem& problem) {
    return Error{problem.message};
  }
}

Result<Config> load_config_file(const std::string& path) {
  const auto fail = [&](std::string_view why) {
    std::string message = "cannot read configuration file ";
    message += in_quotes(path);
    message += ": ";
    message += why;
    return Error{std::move(message)};
  };
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return fail("it is a directory");
  errno = 0;
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                             &std::fclose);
  if (!file) return fail(std::generic_category().message(errno));
  std::string content;
  char buffer[1 << 16];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) content.append(buffer, got);
  if (std::ferror(file.get())) return fail(std::generic_category().message(errno));

  std::filesystem::path base_dir = std::filesystem::path(path).parent_path();
  if (base_dir.empty()) base_dir = ".";
  auto config = parse_config(content, base_dir.string());
  if (!config) {
    std::string message = in_quotes(path);
    message += ": ";
    message += config.error().message;
    return Error{std::move(message)};
  }
  return config;
}

}  // namespace tamis
