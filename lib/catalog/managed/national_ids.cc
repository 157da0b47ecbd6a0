// National identity numbers, social insurance / security numbers and the UK electoral roll number.
// Every row needs a keyword nearby (as Macie does): most formats are bare digit runs that would
// otherwise fire on order numbers and timestamps, so the keyword plus the validator decide.
#include "catalog/catalog.h"
#include "catalog/validators.h"

namespace tamis::catalog {
namespace {

// NIR: sex, year, month, department (2A/2B for Corsica), commune, order, key; printed grouped.
constexpr std::string_view kFranceInseePatterns[] = {
    R"([1278]\d{4}(?:\d{2}|2[AB])\d{8})",
    R"([1278] \d{2} \d{2} (?:\d{2}|2[AB]) \d{3} \d{3} \d{2})",
};
constexpr std::string_view kFranceInseeKeywords[] = {
    "insee",
    "numéro insee",
    "code insee",
    "nir",
    "sécurité sociale",
    "securite sociale",
    "numéro de sécurité sociale",
    "numéro de sécu",
    "n° sécu",
    "num secu",
    "carte vitale",
    "ssn",
    "social security",
    "social security number",
    "french national id",
};

// New-style card serials start with an authority letter; pre-2010 cards are 10 digits with the
// ICAO check digit last, which the validator checks.
constexpr std::string_view kGermanyIdPatterns[] = {
    R"([CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}\d?)",
    R"(\d{10})",
};
constexpr std::string_view kGermanyIdKeywords[] = {
    "personalausweis", "personalausweisnummer",
    "ausweisnummer",   "ausweis",
    "ausweis nr",      "ausweis-nr",
    "perso",           "dokumentennummer",
    "seriennummer",    "id card",
    "identity card",   "identity card number",
    "national id",     "german id",
};

// Omocodia replaces digits by L M N P Q R S T U V; month letters are A B C D E H L M P R S T.
constexpr std::string_view kItalyCfPatterns[] = {
    R"([A-Z]{6}[0-9LMNP-V]{2}[ABCDEHLMPRST][0-9LMNP-V]{2}[A-Z][0-9LMNP-V]{3}[A-Z])",
};
constexpr std::string_view kItalyCfKeywords[] = {
    "codice fiscale",
    "codice fiscal",
    "cod. fiscale",
    "cod fiscale",
    "c.f.",
    "cf",
    "tessera sanitaria",
    "fiscal code",
    "tax code",
    "italian tax code",
    "carta d'identità",
    "codice identificativo",
};

// DNI control letters never use I, Ñ, O or U.
constexpr std::string_view kSpainDniPatterns[] = {
    R"(\d{8}[- ]?[A-HJ-NP-TV-Z])",
    R"(\d{2}\.\d{3}\.\d{3}[- ]?[A-HJ-NP-TV-Z])",
};
constexpr std::string_view kSpainDniKeywords[] = {
    "dni",
    "d.n.i.",
    "número de dni",
    "numero de dni",
    "nº dni",
    "documento nacional de identidad",
    "documento de identidad",
    "identity card",
    "national identity document",
    "spanish id",
    "carnet de identidad",
};

// Prefix letters exclude D F I Q U V (and O second); groups may be spaced as HMRC prints them.
constexpr std::string_view kUkNinoPatterns[] = {
    R"([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D])",
    R"([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] \d{2} \d{2} \d{2} [A-D])",
};
constexpr std::string_view kUkNinoKeywords[] = {
    "nino",
    "nin",
    "national insurance",
    "national insurance number",
    "national insurance no",
    "ni number",
    "ni no",
    "ni#",
    "insurance number",
};

// Elector numbers are the polling district code (2-3 letters, often a digit) and the elector's
// number in that district, with "/n" for later additions; no checksum, so the keyword decides.
constexpr std::string_view kUkElectoralPatterns[] = {
    R"([A-Z]{2,3}\d?-\d{1,4}(?:/\d{1,2})?)",
    // Spaced only when the district code ends in a digit: "AM 10" or "UTC 12" must not fire.
    R"([A-Z]{2,3}\d \d{1,4}(?:/\d{1,2})?)",
};
constexpr std::string_view kUkElectoralKeywords[] = {
    "electoral roll",    "electoral roll number", "electoral register",
    "electoral number",  "elector number",        "elector no",
    "electoral roll no", "poll number",           "polling number",
    "voter number",      "register of electors",
};

constexpr std::string_view kCanadaSinPatterns[] = {
    R"(\d{3}-\d{3}-\d{3})",
    R"(\d{3} \d{3} \d{3})",
    R"(\d{9})",
};
constexpr std::string_view kCanadaSinKeywords[] = {
    "sin",
    "sin#",
    "sin no",
    "social insurance",
    "social insurance number",
    "nas",
    "assurance sociale",
    "numéro d'assurance sociale",
    "numero d'assurance sociale",
    "insurance number",
};

constexpr std::string_view kUsaSsnPatterns[] = {
    R"(\d{3}-\d{2}-\d{4})",
    R"(\d{3} \d{2} \d{4})",
    R"(\d{9})",
};
constexpr std::string_view kUsaSsnKeywords[] = {
    "social security",
    "social security number",
    "social sec",
    "soc sec",
    "ss#",
    "ss no",
    "ssn",
    "ssns",
    "ssa number",
};

// Province (2 digits), sequence (8 digits), control (2 digits), written grouped or run together.
constexpr std::string_view kSpainSsnPatterns[] = {
    R"(\d{12})",
    R"(\d{2}/\d{8}/\d{2})",
    R"(\d{2}-\d{8}-\d{2})",
    R"(\d{2} \d{8} \d{2})",
};
constexpr std::string_view kSpainSsnKeywords[] = {
    "seguridad social",
    "número de la seguridad social",
    "numero de la seguridad social",
    "número de seguridad social",
    "nss",
    "n.s.s.",
    "número de afiliación",
    "naf",
    "afiliación",
    "ssn",
    "social security",
    "social security number",
};

// Aadhaar never starts with 0 or 1 and is printed in groups of four.
constexpr std::string_view kIndiaAadhaarPatterns[] = {
    R"([2-9]\d{3} \d{4} \d{4})",
    R"([2-9]\d{3}-\d{4}-\d{4})",
    R"([2-9]\d{11})",
};
constexpr std::string_view kIndiaAadhaarKeywords[] = {
    "aadhaar",
    "aadhar",
    "aadhaar number",
    "aadhaar no",
    "uidai",
    "आधार",
    "unique identification number",
};

constexpr ManagedIdentifier kRows[] = {
    {.id = "FRANCE_NATIONAL_IDENTIFICATION_NUMBER",
     .category = Category::kPersonalInformation,
     .countries = "FR",
     .description = "French INSEE number (NIR) with its mod-97 key",
     .patterns = kFranceInseePatterns,
     .keywords = kFranceInseeKeywords,
     .keyword_required = true,
     .validator = validators::france_insee,
     .validator_name = "insee-mod97",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
    {.id = "GERMANY_NATIONAL_IDENTIFICATION_NUMBER",
     .category = Category::kPersonalInformation,
     .countries = "DE",
     .description = "German identity card (Personalausweis) serial number",
     .patterns = kGermanyIdPatterns,
     .keywords = kGermanyIdKeywords,
     .keyword_required = true,
     .validator = validators::germany_id_card,
     .validator_name = "ausweis-alphabet+icao",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
    {.id = "ITALY_NATIONAL_IDENTIFICATION_NUMBER",
     .category = Category::kPersonalInformation,
     .countries = "IT",
     .description = "Italian codice fiscale with its check character",
     .patterns = kItalyCfPatterns,
     .keywords = kItalyCfKeywords,
     .keyword_required = true,
     .validator = validators::italy_codice_fiscale,
     .validator_name = "codice-fiscale-check",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
    {.id = "SPAIN_DNI_NUMBER",
     .category = Category::kPersonalInformation,
     .countries = "ES",
     .description = "Spanish DNI: 8 digits and the mod-23 control letter",
     .patterns = kSpainDniPatterns,
     .keywords = kSpainDniKeywords,
     .keyword_required = true,
     .validator = validators::spain_dni,
     .validator_name = "dni-mod23",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
    {.id = "UK_NATIONAL_INSURANCE_NUMBER",
     .category = Category::kPersonalInformation,
     .countries = "GB",
     .description = "UK National Insurance number (HMRC prefix rules)",
     .patterns = kUkNinoPatterns,
     .keywords = kUkNinoKeywords,
     .keyword_required = true,
     .validator = validators::uk_nino,
     .validator_name = "nino-prefix-rules",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
    {.id = "UK_ELECTORAL_ROLL_NUMBER",
     .category = Category::kPersonalInformation,
     .countries = "GB",
     .description = "UK electoral roll number: polling district and elector number",
     .patterns = kUkElectoralPatterns,
     .keywords = kUkElectoralKeywords,
     .keyword_required = true,
     .validator = nullptr,
     .validator_name = "",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
    {.id = "CANADA_SOCIAL_INSURANCE_NUMBER",
     .category = Category::kPersonalInformation,
     .countries = "CA",
     .description = "Canadian Social Insurance Number (Luhn)",
     .patterns = kCanadaSinPatterns,
     .keywords = kCanadaSinKeywords,
     .keyword_required = true,
     .validator = validators::canada_sin,
     .validator_name = "luhn+sin-rules",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
    {.id = "USA_SOCIAL_SECURITY_NUMBER",
     .category = Category::kPersonalInformation,
     .countries = "US",
     .description = "US Social Security number (SSA area/group/serial rules)",
     .patterns = kUsaSsnPatterns,
     .keywords = kUsaSsnKeywords,
     .keyword_required = true,
     .validator = validators::usa_ssn,
     .validator_name = "ssa-rules",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
    {.id = "SPAIN_SOCIAL_SECURITY_NUMBER",
     .category = Category::kPersonalInformation,
     .countries = "ES",
     .description = "Spanish social security number with its mod-97 control",
     .patterns = kSpainSsnPatterns,
     .keywords = kSpainSsnKeywords,
     .keyword_required = true,
     .validator = validators::spain_ssn,
     .validator_name = "nss-mod97",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
    {.id = "INDIA_AADHAAR_NUMBER",
     .category = Category::kPersonalInformation,
     .countries = "IN",
     .description = "Indian Aadhaar number (Verhoeff check digit)",
     .patterns = kIndiaAadhaarPatterns,
     .keywords = kIndiaAadhaarKeywords,
     .keyword_required = true,
     .validator = validators::india_aadhaar,
     .validator_name = "verhoeff",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryBoth,
     .recommended = false,
     .tamis_default = false},
};

}  // namespace

std::span<const ManagedIdentifier> national_ids() { return kRows; }

}  // namespace tamis::catalog
