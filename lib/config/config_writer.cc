#include "config/config_writer.h"

#include <nlohmann/json.hpp>

namespace tamis {
namespace {

using json = nlohmann::ordered_json;

json custom_identifier_json(const CustomIdentifierSpec& spec) {
  json out = {{"name", spec.name},
              {"description", spec.description},
              {"regex", spec.regex},
              {"keywords", spec.keywords},
              {"ignoreWords", spec.ignore_words},
              {"maximumMatchDistance", spec.maximum_match_distance}};
  if (!spec.severity_levels.empty()) {
    json levels = json::array();
    for (const SeverityLevel& level : spec.severity_levels) {
      levels.push_back({{"occurrencesThreshold", level.occurrences_threshold},
                        {"severity", severity_api_name(level.severity)}});
    }
    out["severityLevels"] = std::move(levels);
  }
  return out;
}

json allow_list_json(const AllowListSpec& spec) {
  if (spec.regex) return {{"name", spec.name}, {"criteria", {{"regex", *spec.regex}}}};
  return {{"name", spec.name}, {"texts", spec.texts}};
}

json limits_json(const Limits& limits) {
  return {{"maxObjectBytes", limits.max_object_bytes},
          {"maxOccurrencesPerType", limits.max_occurrences_per_type},
          {"maxMatchBytes", limits.max_match_bytes},
          {"maxArchiveDepth", limits.max_archive_depth},
          {"maxArchiveMembers", limits.max_archive_members},
          {"maxDecodedBytes", limits.max_decoded_bytes},
          {"maxMemberBytes", limits.max_member_bytes},
          {"maxExpansionRatio", limits.max_expansion_ratio},
          {"maxOfficePackageBytes", limits.max_office_package_bytes},
          {"maxOfficeExpansionRatio", limits.max_office_expansion_ratio},
          {"maxEmailParts", limits.max_email_parts}};
}

}  // namespace

std::string config_to_json(const Config& config) {
  json out;
  out["managedDataIdentifierSelector"] = selector_name(config.selector);
  if (!config.managed_ids.empty()) out["managedDataIdentifierIds"] = config.managed_ids;
  json customs = json::array();
  for (const CustomIdentifierSpec& spec : config.custom_identifiers) {
    customs.push_back(custom_identifier_json(spec));
  }
  out["customDataIdentifiers"] = std::move(customs);
  json allow_lists = json::array();
  for (const AllowListSpec& spec : config.allow_lists) allow_lists.push_back(allow_list_json(spec));
  out["allowLists"] = std::move(allow_lists);
  out["tamis"] = {{"includeTamisSecrets", config.include_tamis_secrets},
                  {"revealValues", config.reveal_values},
                  {"limits", limits_json(config.limits)}};
  return out.dump();
}

}  // namespace tamis
