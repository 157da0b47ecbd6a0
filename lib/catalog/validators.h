// Checksum and plausibility validators for managed identifiers. Each takes the exact matched text
// (separators such as spaces, dots, hyphens and slashes included, as the pattern matched it),
// strips what the format allows, and returns whether the value is real. Pure, allocation-free where
// possible, and table-tested in tests/unit/validators_test.cc with published valid and invalid
// values.
#pragma once

#include <string_view>

namespace tamis::validators {

// ---- Building blocks (operate on digits only, no separators) --------------------------------
bool luhn(std::string_view digits);              // ISO/IEC 7812-1 mod 10
bool iso7064_mod97_10(std::string_view alnum);   // IBAN check: letters A=10..Z=35, result == 1
bool iso7064_mod11_10(std::string_view digits);  // German Steuer-ID check digit (last digit)
bool verhoeff(std::string_view digits);          // Aadhaar-style, last digit is the check digit
bool icao9303_check(std::string_view field, char check_digit);  // 7-3-1 weights, '<' = 0

// ---- Financial -------------------------------------------------------------------------------
// 13-19 digits (spaces/hyphens between groups allowed), Luhn, a known brand prefix and length
// (Amex, Dankort, Diners, Discover, Visa Electron, JCB, Mastercard, UnionPay, Visa, Maestro), and
// not one of the published test card numbers (4111111111111111, 5555555555554444, ...).
bool credit_card(std::string_view match);
// ISO 7813 track 1 (%B<PAN>^NAME^YYMM...?) or track 2 (;<PAN>=YYMM...?): PAN passes credit_card().
bool credit_card_track(std::string_view match);
// IBAN with optional spaces/hyphens: the country's registered length (ISO 13616 registry) and
// mod-97.
bool iban(std::string_view match);

// ---- Credentials -----------------------------------------------------------------------------
// A 40-character AWS secret access key that is not one of AWS's two documentation example keys,
// and not a run of one repeated character. The match may include the key name and separator,
// e.g. `aws_secret_access_key = wJal...`; the key is the last 40 characters.
bool aws_secret_key(std::string_view match);
// `Authorization: Basic <b64>` / `Proxy-Authorization: Basic <b64>`: the base64 decodes to
// printable `user:password` with a non-empty user.
bool http_basic_auth(std::string_view match);
// RFC 7519 JWS compact form: header and payload base64url-decode to JSON objects, header has "alg".
bool json_web_token(std::string_view match);
// Stripe secret/restricted/publishable keys that are not Stripe's documentation test keys.
bool stripe_key(std::string_view match);
// GitHub tokens with the CRC32 checksum in the last 6 base62 characters (ghp_, gho_, ghu_, ghs_,
// ghr_).
bool github_token(std::string_view match);
// A URL with user:password@host where the password is not a placeholder (`password`, `***`,
// `${...}`).
bool database_url_password(std::string_view match);
// Azure storage account key: 88 base64 characters ending with "==" that decode to 64 bytes.
bool azure_storage_key(std::string_view match);

// ---- Personal: North America -----------------------------------------------------------------
// SSA rules: area not 000, 666 or 900-999; group not 00; serial not 0000; not the famous
// advertising values (078-05-1120, 219-09-9999); separators consistent.
bool usa_ssn(std::string_view match);
// 9XX-[50-65|70-88|90-92|94-99]-XXXX (IRS ITIN ranges).
bool usa_itin(std::string_view match);
// 9 digits, Luhn, first digit not 0 or 8.
bool canada_sin(std::string_view match);

// ---- Personal: Europe ------------------------------------------------------------------------
// UK NINO: two prefix letters per HMRC rules (no D,F,I,Q,U,V; second not O; not BG GB KN NK NT TN
// ZZ), six digits, suffix A-D (spaces allowed).
bool uk_nino(std::string_view match);
// UK (DVLA) driving licence: 5-char surname part, decade digit, month (01-12 or 51-62), day, year
// digit, 2 initials (9 = filler), check digit, 2 computer digits.
bool uk_driving_licence(std::string_view match);
// French NIR (INSEE): sex 1/2/7/8, year, month 01-12 or 20-42/50-99, department incl. 2A/2B, and
// key = 97 - (number mod 97).
bool france_insee(std::string_view match);
// French numéro fiscal (SPI): 13 digits, first 0-3, last 3 digits = first 10 digits mod 511.
bool france_tax_id(std::string_view match);
// German Personalausweis / passport serial (9 chars from [CFGHJKLMNPRTVWXYZ0-9]) with optional
// ICAO check digit when 10 characters are given.
bool germany_id_card(std::string_view match);
// German Steuer-IdNr: 11 digits, first not 0, one digit appears 2 or 3 times in the first 10,
// ISO 7064 mod 11,10 check digit.
bool germany_tax_id(std::string_view match);
// Italian codice fiscale: 16 chars, omocodia letters accepted, check character (odd/even tables).
bool italy_codice_fiscale(std::string_view match);
// Spanish DNI: 8 digits + letter (mod 23); 00000000 and 99999999 refused.
bool spain_dni(std::string_view match);
// Spanish NIE: X/Y/Z + 7 digits + letter (mod 23 with X=0, Y=1, Z=2).
bool spain_nie(std::string_view match);
// Spanish NIF: a DNI, an NIE, or a K/L/M personal NIF (letter + 7 digits + control letter).
bool spain_nif(std::string_view match);
// Spanish tax id (SPAIN_TAX_IDENTIFICATION_NUMBER): a personal NIF as above, or an entity CIF
// (organisation letter + 7 digits + control digit or letter as the organisation type requires).
bool spain_tax_id(std::string_view match);
// Spanish social security number: 2-digit province + 8 digits + 2 control digits (mod 97).
bool spain_ssn(std::string_view match);

// ---- Personal: rest of the world -------------------------------------------------------------
// Australian TFN: 8 or 9 digits with the ATO weighted mod-11 check.
bool australia_tfn(std::string_view match);
// Brazilian CPF: 11 digits (dots and hyphen allowed), two mod-11 check digits, not all equal.
bool brazil_cpf(std::string_view match);
// Brazilian CNPJ: 14 digits, two mod-11 check digits, not all equal.
bool brazil_cnpj(std::string_view match);
// Indian Aadhaar: 12 digits, first not 0 or 1, Verhoeff check digit.
bool india_aadhaar(std::string_view match);

}  // namespace tamis::validators
