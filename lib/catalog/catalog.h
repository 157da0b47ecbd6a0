// The managed identifier catalogue: one table per family, concatenated in catalog.cc.
#pragma once

#include <span>
#include <string_view>

#include "catalog/identifier.h"

namespace tamis {

// Every managed identifier, in a stable order (families in the order below, rows as written).
std::span<const ManagedIdentifier> managed_catalog();

// nullptr when no managed identifier has this id.
const ManagedIdentifier* find_managed(std::string_view id);

namespace catalog {
// One function per family file in lib/catalog/managed/. Each returns a static table.
std::span<const ManagedIdentifier> credentials();    // Macie's credential ids
std::span<const ManagedIdentifier> secrets();        // ours: TAMIS_* high-precision secrets
std::span<const ManagedIdentifier> financial();      // cards, magnetic stripe
std::span<const ManagedIdentifier> bank_accounts();  // <COUNTRY>_BANK_ACCOUNT_NUMBER (IBAN)
std::span<const ManagedIdentifier> national_ids();   // national ids, NINO, SIN, SSN, electoral roll
std::span<const ManagedIdentifier> passports();      // the seven passports
std::span<const ManagedIdentifier> drivers_licences();  // DRIVERS_LICENSE (US), CA, UK
std::span<const ManagedIdentifier> tax_ids();  // tax ids (AU TFN, BR CPF, FR, DE, ES, US ITIN)
}  // namespace catalog

}  // namespace tamis
