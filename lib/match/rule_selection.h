// Which managed identifiers a Config turns on (Macie's managedDataIdentifierSelector).
#pragma once

#include <vector>

#include "catalog/identifier.h"
#include "config/config.h"
#include "core/result.h"

namespace tamis::match {

// In catalogue order. RECOMMENDED adds tamis's own default secret detectors unless the config
// turns them off; INCLUDE/EXCLUDE ids must all exist.
Result<std::vector<const ManagedIdentifier*>> select_managed(const Config& config);

}  // namespace tamis::match
