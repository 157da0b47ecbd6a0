// The seven passport numbers of Macie's recommended set. Passport numbers carry no check digit
// outside the machine-readable zone (Germany's serial alphabet being the exception), so the
// keyword within 30 characters is what separates them from any other short code.
#include "catalog/catalog.h"
#include "catalog/validators.h"

namespace tamis::catalog {
namespace {

constexpr std::string_view kCanadaPatterns[] = {R"([A-Z]{2}\d{6})"};
constexpr std::string_view kCanadaKeywords[] = {
    "passport",        "passport number",     "passport no",
    "passport#",       "travel document",     "canadian passport",
    "passeport",       "numéro de passeport", "numero de passeport",
    "no de passeport", "passeport canadien",  "document de voyage",
};

constexpr std::string_view kFrancePatterns[] = {R"(\d{2}[A-Z]{2}\d{5})"};
constexpr std::string_view kFranceKeywords[] = {
    "passport",           "passport number",     "passport no",
    "passport#",          "travel document",     "french passport",
    "passeport",          "numéro de passeport", "numero de passeport",
    "n° de passeport",    "no de passeport",     "passeport français",
    "document de voyage",
};

// Same serial alphabet as the identity card; the validator checks it and an optional check digit.
constexpr std::string_view kGermanyPatterns[] = {
    R"([CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}\d?)",
};
constexpr std::string_view kGermanyKeywords[] = {
    "passport",        "passport number", "passport no",     "passport#",  "travel document",
    "german passport", "reisepass",       "reisepassnummer", "passnummer", "pass-nr",
    "pass nr",         "reisedokument",   "passnr",
};

constexpr std::string_view kItalyPatterns[] = {R"([A-Z]{2}\d{7})"};
constexpr std::string_view kItalyKeywords[] = {
    "passport",      "passport number",     "passport no",
    "passport#",     "travel document",     "italian passport",
    "passaporto",    "numero passaporto",   "numero di passaporto",
    "n. passaporto", "passaporto italiano", "documento di viaggio",
};

// Older books: three letters and six digits; current ones: two letters and six or seven digits.
constexpr std::string_view kSpainPatterns[] = {R"([A-Z]{3}\d{6})", R"([A-Z]{2}\d{6,7})"};
constexpr std::string_view kSpainKeywords[] = {
    "passport",           "passport number",     "passport no",
    "passport#",          "travel document",     "spanish passport",
    "pasaporte",          "número de pasaporte", "numero de pasaporte",
    "nº de pasaporte",    "no. pasaporte",       "pasaporte español",
    "documento de viaje",
};

constexpr std::string_view kUkPatterns[] = {R"(\d{9})", R"([A-Z]{2}\d{7})"};
constexpr std::string_view kUkKeywords[] = {
    "passport",    "passport number",  "passport no", "passport#",    "travel document",
    "uk passport", "british passport", "hm passport", "passport num",
};

// Book numbers are 9 digits; next-generation books (2021 on) are a letter and 8 digits.
constexpr std::string_view kUsaPatterns[] = {R"(\d{9})", R"([A-Z]\d{8})"};
constexpr std::string_view kUsaKeywords[] = {
    "passport",    "passport number", "passport no",   "passport#",     "travel document",
    "us passport", "u.s. passport",   "passport book", "passport card", "pasaporte",
};

constexpr ManagedIdentifier kRows[] = {
    {.id = "CANADA_PASSPORT_NUMBER",
     .category = Category::kPersonalInformation,
     .countries = "CA",
     .description = "Canadian passport number (2 letters, 6 digits)",
     .patterns = kCanadaPatterns,
     .keywords = kCanadaKeywords,
     .keyword_required = true,
     .validator = nullptr,
     .validator_name = "",
     .severity = kMediumHighHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
    {.id = "FRANCE_PASSPORT_NUMBER",
     .category = Category::kPersonalInformation,
     .countries = "FR",
     .description = "French passport number (2 digits, 2 letters, 5 digits)",
     .patterns = kFrancePatterns,
     .keywords = kFranceKeywords,
     .keyword_required = true,
     .validator = nullptr,
     .validator_name = "",
     .severity = kMediumHighHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
    {.id = "GERMANY_PASSPORT_NUMBER",
     .category = Category::kPersonalInformation,
     .countries = "DE",
     .description = "German passport serial (9 characters, optional check digit)",
     .patterns = kGermanyPatterns,
     .keywords = kGermanyKeywords,
     .keyword_required = true,
     .validator = validators::germany_id_card,
     .validator_name = "ausweis-alphabet+icao",
     .severity = kMediumHighHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
    {.id = "ITALY_PASSPORT_NUMBER",
     .category = Category::kPersonalInformation,
     .countries = "IT",
     .description = "Italian passport number (2 letters, 7 digits)",
     .patterns = kItalyPatterns,
     .keywords = kItalyKeywords,
     .keyword_required = true,
     .validator = nullptr,
     .validator_name = "",
     .severity = kMediumHighHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
    {.id = "SPAIN_PASSPORT_NUMBER",
     .category = Category::kPersonalInformation,
     .countries = "ES",
     .description = "Spanish passport number (2-3 letters, 6-7 digits)",
     .patterns = kSpainPatterns,
     .keywords = kSpainKeywords,
     .keyword_required = true,
     .validator = nullptr,
     .validator_name = "",
     .severity = kMediumHighHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
    {.id = "UK_PASSPORT_NUMBER",
     .category = Category::kPersonalInformation,
     .countries = "GB",
     .description = "UK passport number (9 digits, or 2 letters and 7 digits)",
     .patterns = kUkPatterns,
     .keywords = kUkKeywords,
     .keyword_required = true,
     .validator = nullptr,
     .validator_name = "",
     .severity = kMediumHighHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
    {.id = "USA_PASSPORT_NUMBER",
     .category = Category::kPersonalInformation,
     .countries = "US",
     .description = "US passport book number (9 digits, or a letter and 8 digits)",
     .patterns = kUsaPatterns,
     .keywords = kUsaKeywords,
     .keyword_required = true,
     .validator = nullptr,
     .validator_name = "",
     .severity = kMediumHighHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
};

}  // namespace

std::span<const ManagedIdentifier> passports() { return kRows; }

}  // namespace tamis::catalog
