#include "catalog/catalog.h"

#include <array>
#include <vector>

namespace tamis {

std::string_view category_name(Category category) {
  switch (category) {
    case Category::kCredentials:
      return "CREDENTIALS";
    case Category::kFinancialInformation:
      return "FINANCIAL_INFORMATION";
    case Category::kPersonalInformation:
      return "PERSONAL_INFORMATION";
    case Category::kCustomIdentifier:
      return "CUSTOM_IDENTIFIER";
  }
  return "CUSTOM_IDENTIFIER";
}

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::kNone:
      return "None";
    case Severity::kLow:
      return "Low";
    case Severity::kMedium:
      return "Medium";
    case Severity::kHigh:
      return "High";
  }
  return "None";
}

std::span<const ManagedIdentifier> managed_catalog() {
  // Built once on first use from the constant family tables; immutable afterwards, so sharing it
  // between threads is safe (function-local static initialisation is thread-safe in C++11+).
  static const std::vector<ManagedIdentifier> all = [] {
    std::vector<ManagedIdentifier> rows;
    const std::array families = {catalog::credentials(),      catalog::secrets(),
                                 catalog::financial(),        catalog::bank_accounts(),
                                 catalog::national_ids(),     catalog::passports(),
                                 catalog::drivers_licences(), catalog::tax_ids()};
    for (const auto& family : families) rows.insert(rows.end(), family.begin(), family.end());
    return rows;
  }();
  return all;
}

const ManagedIdentifier* find_managed(std::string_view id) {
  for (const auto& row : managed_catalog()) {
    if (row.id == id) return &row;
  }
  return nullptr;
}

}  // namespace tamis
