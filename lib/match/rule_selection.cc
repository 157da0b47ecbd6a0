#include "match/rule_selection.h"

#include <algorithm>
#include <string>

#include "catalog/catalog.h"

namespace tamis::match {

Result<std::vector<const ManagedIdentifier*>> select_managed(const Config& config) {
  for (const std::string& id : config.managed_ids) {
    if (find_managed(id) == nullptr) {
      return Error{"managedDataIdentifierIds: unknown managed data identifier \"" + id + "\""};
    }
  }
  auto listed = [&](std::string_view id) {
    return std::find(config.managed_ids.begin(), config.managed_ids.end(), id) !=
           config.managed_ids.end();
  };
  std::vector<const ManagedIdentifier*> selected;
  for (const ManagedIdentifier& mdi : managed_catalog()) {
    bool on = false;
    switch (config.selector) {
      case ManagedSelector::kRecommended:
        on = mdi.recommended || (config.include_tamis_secrets && mdi.tamis_default);
        break;
      case ManagedSelector::kAll:
        on = true;
        break;
      case ManagedSelector::kInclude:
        on = listed(mdi.id);
        break;
      case ManagedSelector::kExclude:
        on = !listed(mdi.id);
        break;
      case ManagedSelector::kNone:
        on = false;
        break;
    }
    if (on) selected.push_back(&mdi);
  }
  return selected;
}

}  // namespace tamis::match
