// Severity of a detection from its occurrence count (reference/macie.md §2 and §4).
#pragma once

#include <cstdint>
#include <span>

#include "catalog/identifier.h"
#include "config/config.h"

namespace tamis {

// Custom identifiers: the severity of the highest threshold the count reaches; kNone below the
// lowest one (Macie then creates no finding); MEDIUM from one occurrence when no levels are given.
Severity custom_severity(std::span<const SeverityLevel> levels, std::uint64_t count);

}  // namespace tamis
