// Vocabulary for filler text. No word here is a keyword of any tamis identifier (card, credit,
// pan, visa, token, track, ...): filler must never turn a decoy number into a finding.
#pragma once

#include <string>
#include <string_view>

#include "rng.h"

namespace tamis::corpus::words {

std::string_view any_first_name(Rng& rng);
std::string_view any_last_name(Rng& rng);
std::string any_user_name(Rng& rng);  // e.g. "svc-billing", "jmorris"
std::string any_host_name(Rng& rng);  // e.g. "db-03.internal.example.net"
std::string_view any_mail_domain(Rng& rng);
std::string_view any_role(Rng& rng);
std::string_view any_city(Rng& rng);
std::string_view any_product(Rng& rng);
std::string_view any_team(Rng& rng);
// A sentence of business prose, capitalised and ending with a full stop, no digits.
std::string sentence(Rng& rng);

}  // namespace tamis::corpus::words
