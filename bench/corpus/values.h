// Generators of sensitive values, each valid for its format (checksums, allocation rules, vendor
// prefixes), so that a detector that refuses it is wrong, not the corpus.
#pragma once

#include <string>
#include <string_view>

#include "rng.h"

namespace tamis::corpus::values {

// How digit groups are separated when a format allows it.
enum class Grouping { kNone, kSpaces, kHyphens };
Grouping any_grouping(Rng& rng);

// Visa, Mastercard (51-55 and 2221-2720), Amex, Discover, JCB; Luhn-valid.
std::string credit_card(Rng& rng, Grouping grouping);
// SSA rules: area 001-899 except 666, group 01-99, serial 0001-9999.
std::string usa_ssn(Rng& rng, Grouping grouping);
// Current books: 9 digits, or a letter and 8 digits (next-generation passports).
std::string usa_passport(Rng& rng);
// HMRC prefix rules, six digits, suffix A-D; "AB 12 34 56 C" or "AB123456C".
std::string uk_nino(Rng& rng, bool spaced);

// An IBAN with correct mod-97 check digits; `country` is one of iban_countries().
struct IbanCountry {
  std::string_view code;
  std::string_view tamis_type;  // tamis's per-country identifier for IBANs of this country
};
const IbanCountry& any_iban_country(Rng& rng);
std::string iban(Rng& rng, const IbanCountry& country, bool grouped);

std::string aws_access_key_id(Rng& rng);
std::string aws_secret_key(Rng& rng);
// ghp_ + 30 base62 + base62 CRC32 of those 30, zero-padded to 6 characters.
std::string github_token(Rng& rng);
std::string slack_bot_token(Rng& rng);
std::string stripe_secret_key(Rng& rng);
// PEM blocks with a line end of `eol` ("\n", or "\\n" inside a JSON string).
std::string pkcs_private_key(Rng& rng, std::string_view eol);
std::string openssh_private_key(Rng& rng, std::string_view eol);
// "Authorization: Basic <base64 of user:password>".
std::string basic_auth_header(Rng& rng);
// scheme://user:password@host; the caller appends port and path (not part of the finding).
std::string database_url(Rng& rng);
std::string jwt(Rng& rng);

std::string email(Rng& rng);
// North American numbers with a real area code and exchange, in several written forms.
std::string phone(Rng& rng);

// Plain text building blocks shared with the decoys.
std::string digits(Rng& rng, std::size_t count);
std::string from_alphabet(Rng& rng, std::string_view alphabet, std::size_t count);
std::string base64(std::string_view bytes, bool url_safe);

}  // namespace tamis::corpus::values
