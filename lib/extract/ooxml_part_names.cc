#include "extract/ooxml_part_names.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>

#include "core/ascii_case.h"

namespace tamis {
namespace {

// The number between prefix and suffix, when only digits are there (at most 18 of them).
std::optional<std::uint64_t> number_between(std::string_view name, std::string_view prefix,
                                            std::string_view suffix) {
  if (name.size() <= prefix.size() + suffix.size()) return std::nullopt;
  if (!starts_with_ignoring_case(name, prefix) || !ends_with_ignoring_case(name, suffix)) {
    return std::nullopt;
  }
  const std::string_view digits =
      name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
  if (digits.size() > 18) return std::nullopt;
  std::uint64_t number = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    number = number * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return number;
}

}  // namespace

std::string_view part_folder(std::string_view part_name) {
  const std::size_t slash = part_name.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : part_name.substr(0, slash + 1);
}

std::string resolve_target(std::string_view source_part, std::string_view target) {
  std::string joined;
  if (target.starts_with('/')) {
    joined = target.substr(1);
  } else {
    joined = part_folder(source_part);
    joined += target;
  }
  std::vector<std::string_view> segments;
  std::string_view rest = joined;
  while (!rest.empty()) {
    const std::size_t slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (segment.empty() || segment == ".") continue;
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
      continue;
    }
    segments.push_back(segment);
  }
  std::string resolved;
  resolved.reserve(joined.size());
  for (const std::string_view segment : segments) {
    if (!resolved.empty()) resolved += '/';
    resolved += segment;
  }
  return resolved;
}

std::string relationships_part(std::string_view source_part) {
  const std::string_view folder = part_folder(source_part);
  std::string rels(folder);
  rels += "_rels/";
  rels += source_part.substr(folder.size());
  rels += ".rels";
  return rels;
}

std::vector<const OoxmlPart*> numbered_parts(const std::vector<OoxmlPart>& parts,
                                             std::string_view prefix, std::string_view suffix) {
  std::vector<std::pair<std::uint64_t, const OoxmlPart*>> found;
  for (const OoxmlPart& part : parts) {
    if (const auto number = number_between(part.name, prefix, suffix)) {
      found.emplace_back(*number, &part);
    }
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second->name < b.second->name;
  });
  std::vector<const OoxmlPart*> ordered;
  ordered.reserve(found.size());
  for (const auto& entry : found) ordered.push_back(entry.second);
  return ordered;
}

}  // namespace tamis
