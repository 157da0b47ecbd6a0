#include "identifiers_command.h"

#include <unistd.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "text_format.h"

namespace tamis::cli {
namespace {

bool on_by_default(const ManagedIdentifier& row) { return row.recommended || row.tamis_default; }

std::string severity_text(const SeverityProfile& profile) {
  if (profile.one == profile.few && profile.few == profile.many) {
    return std::string(severity_name(profile.one));
  }
  return "1: " + std::string(severity_name(profile.one)) +
         " / 2-99: " + std::string(severity_name(profile.few)) +
         " / 100+: " + std::string(severity_name(profile.many));
}

std::string keywords_text(const ManagedIdentifier& row) {
  if (row.keywords.empty()) return "none";
  return std::string(row.keyword_required ? "required" : "optional") + " (" +
         std::to_string(row.keywords.size()) + ")";
}

std::string default_text(const ManagedIdentifier& row) {
  if (row.recommended) return "RECOMMENDED";
  if (row.tamis_default) return "tamis default";
  return "-";
}

std::vector<std::string> split_countries(std::string_view countries) {
  std::vector<std::string> out;
  while (!countries.empty()) {
    const auto comma = countries.find(',');
    std::string_view code = countries.substr(0, comma);
    while (!code.empty() && code.front() == ' ') code.remove_prefix(1);
    while (!code.empty() && code.back() == ' ') code.remove_suffix(1);
    if (!code.empty()) out.emplace_back(code);
    if (comma == std::string_view::npos) break;
    countries.remove_prefix(comma + 1);
  }
  return out;
}

nlohmann::ordered_json row_to_json(const ManagedIdentifier& row) {
  nlohmann::ordered_json keywords = nlohmann::ordered_json::array();
  for (const auto keyword : row.keywords) keywords.push_back(std::string(keyword));
  nlohmann::ordered_json item;
  item["id"] = std::string(row.id);
  item["category"] = std::string(category_name(row.category));
  item["countries"] = split_countries(row.countries);
  item["description"] = std::string(row.description);
  item["keywordRequired"] = row.keyword_required;
  item["keywords"] = std::move(keywords);
  item["validator"] = row.validator_name.empty() ? nlohmann::ordered_json(nullptr)
                                                 : nlohmann::ordered_json(row.validator_name);
  item["severity"] = {{"1", severity_name(row.severity.one)},
                      {"2-99", severity_name(row.severity.few)},
                      {"100+", severity_name(row.severity.many)}};
  item["recommended"] = row.recommended;
  item["tamisDefault"] = row.tamis_default;
  item["onByDefault"] = on_by_default(row);
  return item;
}

}  // namespace

int run_identifiers(const IdentifiersOptions& options) {
  std::vector<const ManagedIdentifier*> rows;
  std::size_t default_count = 0;
  for (const auto& row : managed_catalog()) {
    if (on_by_default(row)) ++default_count;
    if (options.all || on_by_default(row)) rows.push_back(&row);
  }

  if (options.format == OutputFormat::kJson) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto* row : rows) list.push_back(row_to_json(*row));
    std::printf("%s\n", list.dump(2).c_str());
  } else {
    Table table({"ID", "CATEGORY", "COUNTRIES", "KEYWORDS", "VALIDATOR", "SEVERITY", "DEFAULT",
                 "DESCRIPTION"});
    for (const auto* row : rows) {
      table.add_row({std::string(row->id), std::string(category_name(row->category)),
                     std::string(row->countries), keywords_text(*row),
                     row->validator_name.empty() ? "-" : std::string(row->validator_name),
                     severity_text(row->severity), default_text(*row),
                     std::string(row->description)});
    }
    std::fputs(table.render("", ::isatty(STDOUT_FILENO) == 1).c_str(), stdout);
    std::printf("\n%zu of %zu identifiers shown, %zu on by default%s\n", rows.size(),
                managed_catalog().size(), default_count,
                options.all ? "" : " (--all lists every one)");
  }
  return std::fflush(stdout) == 0 ? 0 : 2;
}

}  // namespace tamis::cli
