// Driver's licence numbers for the United States, Canada and the United Kingdom. US and Canadian
// numbers carry no public checksum and their formats overlap with any short code, so one row per
// country lists the issuing authorities' shapes and the required keyword does the deciding.
#include "catalog/catalog.h"
#include "catalog/validators.h"

namespace tamis::catalog {
namespace {

// The 50 states and DC, grouped by shape (states in the comment of each group).
constexpr std::string_view kUsaPatterns[] = {
    // Letter + digits: AZ CA FL IL IN KS KY MA MD MI MN MO MT NE NJ NY OH OK RI VA WI (5-14).
    R"([A-Z]\d{5,14})",
    // Digits only: AL AK AR CT DC DE GA HI IA LA ME MS MT NC NM NV NY OR PA SC SD TN TX UT VT WY.
    R"(\d{7,14})",
    // Digits + letter: ME (X), VT (A), MO.
    R"(\d{7,9}[A-Z])",
    // Two letters + digits: CO, OH, WV.
    R"([A-Z]{2}\d{3,7})",
    R"([A-Z]{2}\d{6}[A-Z])",  // ID
    R"([A-Z]{3}\d{6})",       // ND
    R"(\d{3}[A-Z]{2}\d{4})",  // IA
    R"(\d{2}[A-Z]{3}\d{5})",  // NH
    // WA before 2018: surname (5, '*'-padded), initials, birth-year code, check characters.
    R"([A-Z][A-Z*]{4}[A-Z][A-Z*]\d{3}[A-Z0-9]{2})",
    R"(WDL[A-Z0-9]{9})",  // WA since 2018
    // As printed on the cards.
    R"([A-Z]\d{3}-\d{3}-\d{2}-\d{3}-\d)",  // FL
    R"([A-Z]\d{3}-\d{4}-\d{4})",           // IL
    R"([A-Z]\d{3}-\d{4}-\d{4}-\d{2})",     // WI
    R"([A-Z]-\d{3}-\d{3}-\d{3}-\d{3})",    // MD
    R"([A-Z] \d{3} \d{3} \d{3} \d{3})",    // MI, MN
    R"(\d{3} \d{3} \d{3})",                // NY
};
constexpr std::string_view kUsaKeywords[] = {
    "driver license",
    "drivers license",
    "driver's license",
    "driver licence",
    "drivers licence",
    "driver's licence",
    "driving license",
    "driving licence",
    "dl#",
    "dl number",
    "dl no",
    "dln",
    "license number",
    "licence number",
    "license no",
    "lic#",
    "driver permit",
    "driving permit",
    "drivers lic",
    "driver's lic",
    "operator license",
    "operator's license",
    "dmv",
};

constexpr std::string_view kCanadaPatterns[] = {
    R"([A-Z]\d{4}-\d{5}-\d{5})",  // ON
    R"([A-Z]\d{4} \d{5} \d{5})",
    R"([A-Z]\d{14})",
    R"([A-Z]\d{4}-\d{6}-\d{2})",  // QC
    R"([A-Z]\d{4} \d{6} \d{2})",
    R"([A-Z]\d{12})",
    R"([A-Z]\d{9})",                                     // NL
    R"([A-Z]{5}-?\d{9})",                                // NS
    R"([A-Z]{2}-[A-Z]{2}-[A-Z]{2}-[A-Z]\d{3}[A-Z]{2})",  // MB
    R"(\d{6}-\d{3})",                                    // AB
    // AB, BC, SK, NB, PE, NT, NU: 6 to 9 digits.
    R"(\d{6,9})",
};
constexpr std::string_view kCanadaKeywords[] = {
    "driver's licence",   "drivers licence",
    "driver licence",     "driving licence",
    "driver's license",   "drivers license",
    "driver license",     "dl#",
    "dl number",          "dln",
    "licence number",     "license number",
    "licence no",         "permis de conduire",
    "permis de conduite", "numéro de permis",
    "numero de permis",   "no de permis",
    "n° de permis",
};

// DVLA: surname (9-padded), decade, month (+50 for women), day, year, initials, check, computer.
constexpr std::string_view kUkPatterns[] = {
    R"([A-Z9]{5}\d[0156]\d[0-3]\d\d[A-Z9]{2}\d[A-Z0-9]{2})",
};
constexpr std::string_view kUkKeywords[] = {
    "driving licence",        "driving license", "driver's licence",
    "drivers licence",        "driver licence",  "dvla",
    "licence number",         "licence no",      "driver number",
    "driving licence number", "dl number",       "dln",
};

constexpr ManagedIdentifier kRows[] = {
    {.id = "DRIVERS_LICENSE",
     .category = Category::kPersonalInformation,
     .countries = "US",
     .description = "US driver's licence number (formats of the 50 states and DC)",
     .patterns = kUsaPatterns,
     .keywords = kUsaKeywords,
     .keyword_required = true,
     .validator = nullptr,
     .validator_name = "",
     .severity = kLowMediumHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
    {.id = "CANADA_DRIVERS_LICENSE",
     .category = Category::kPersonalInformation,
     .countries = "CA",
     .description = "Canadian provincial driver's licence number",
     .patterns = kCanadaPatterns,
     .keywords = kCanadaKeywords,
     .keyword_required = true,
     .validator = nullptr,
     .validator_name = "",
     .severity = kLowMediumHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
    {.id = "UK_DRIVERS_LICENSE",
     .category = Category::kPersonalInformation,
     .countries = "GB",
     .description = "UK (DVLA) driving licence number",
     .patterns = kUkPatterns,
     .keywords = kUkKeywords,
     .keyword_required = true,
     .validator = validators::uk_driving_licence,
     .validator_name = "dvla-structure",
     .severity = kLowMediumHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
};

}  // namespace

std::span<const ManagedIdentifier> drivers_licences() { return kRows; }

}  // namespace tamis::catalog
