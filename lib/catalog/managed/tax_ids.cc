// Personal tax identification numbers. All carry a check digit or letter, so patterns stay loose
// about separators and the validator decides; a keyword is still required, as in Macie.
#include "catalog/catalog.h"
#include "catalog/validators.h"

namespace tamis::catalog {
namespace {

constexpr std::string_view kAustraliaTfnPatterns[] = {
    R"(\d{3} \d{3} \d{3})",
    R"(\d{3}-\d{3}-\d{3})",
    R"(\d{3} \d{3} \d{2})",
    R"(\d{8,9})",
};
constexpr std::string_view kAustraliaTfnKeywords[] = {
    "tfn",    "tax file number", "tax file no", "tax file", "australian tax file number",
    "tfn no", "tax file num",
};

constexpr std::string_view kBrazilCpfPatterns[] = {
    R"(\d{3}\.\d{3}\.\d{3}-\d{2})",
    R"(\d{9}-\d{2})",
    R"(\d{11})",
};
constexpr std::string_view kBrazilCpfKeywords[] = {
    "cpf",
    "cpf/mf",
    "cpf nº",
    "número do cpf",
    "numero do cpf",
    "inscrição no cpf",
    "cadastro de pessoas físicas",
    "cadastro de pessoas fisicas",
    "cadastro de pessoa física",
    "brazilian tax id",
};

constexpr std::string_view kBrazilCnpjPatterns[] = {
    R"(\d{2}\.\d{3}\.\d{3}/\d{4}-\d{2})",
    R"(\d{12}-\d{2})",
    R"(\d{14})",
};
constexpr std::string_view kBrazilCnpjKeywords[] = {
    "cnpj",
    "cnpj/mf",
    "cnpj nº",
    "número do cnpj",
    "numero do cnpj",
    "cadastro nacional da pessoa jurídica",
    "cadastro nacional da pessoa juridica",
    "brazilian company tax id",
};

// Numéro fiscal (SPI): 13 digits starting 0-3, printed "30 23 217 600 053" on tax notices.
constexpr std::string_view kFranceTaxPatterns[] = {
    R"([0-3]\d{12})",
    R"([0-3]\d \d{2} \d{3} \d{3} \d{3})",
};
constexpr std::string_view kFranceTaxKeywords[] = {
    "numéro fiscal",
    "numero fiscal",
    "n° fiscal",
    "no fiscal",
    "nº fiscal",
    "spi",
    "numéro spi",
    "identifiant fiscal",
    "référence fiscale",
    "numéro d'identification fiscale",
    "tin",
    "tax identification number",
    "french tax id",
    "numéro fiscal de référence",
};

constexpr std::string_view kGermanyTaxPatterns[] = {
    R"([1-9]\d{10})",
    R"([1-9]\d \d{3} \d{3} \d{3})",
};
constexpr std::string_view kGermanyTaxKeywords[] = {
    "steuer id",
    "steuer-id",
    "steuer-idnr",
    "steueridentifikationsnummer",
    "steuerliche identifikationsnummer",
    "identifikationsnummer",
    "idnr",
    "id-nr",
    "steuernummer",
    "tin",
    "tax id",
    "tax identification number",
    "german tax id",
};

// NIE: X/Y/Z, 7 digits, control letter (never I, Ñ, O, U).
constexpr std::string_view kSpainNiePatterns[] = {
    R"([XYZ][- ]?\d{7}[- ]?[A-HJ-NP-TV-Z])",
};
constexpr std::string_view kSpainNieKeywords[] = {
    "nie",
    "n.i.e.",
    "número de identidad de extranjero",
    "numero de identidad de extranjero",
    "número de identificación de extranjero",
    "tarjeta de residencia",
    "foreigner identity number",
    "foreigner id",
    "extranjero",
    "residence card",
};

// NIF for people: a DNI, an NIE, or a K/L/M NIF.
constexpr std::string_view kSpainNifPatterns[] = {
    R"(\d{8}[- ]?[A-HJ-NP-TV-Z])",
    R"([XYZKLM][- ]?\d{7}[- ]?[A-HJ-NP-TV-Z])",
};
constexpr std::string_view kSpainNifKeywords[] = {
    "nif",
    "n.i.f.",
    "número de identificación fiscal",
    "numero de identificacion fiscal",
    "identificación fiscal",
    "tin",
    "tax identification number",
    "spanish tax id",
    "nif/cif",
};

// Any Spanish taxpayer: the personal NIF forms plus the entity CIF (organisation letter, 7
// digits, control digit or letter A-J).
constexpr std::string_view kSpainTaxPatterns[] = {
    R"(\d{8}[- ]?[A-HJ-NP-TV-Z])",
    R"([XYZKLM][- ]?\d{7}[- ]?[A-HJ-NP-TV-Z])",
    R"([ABCDEFGHJNPQRSUVW][- ]?\d{7}[- ]?[0-9A-J])",
};
constexpr std::string_view kSpainTaxKeywords[] = {
    "nif",
    "cif",
    "nif/cif",
    "n.i.f.",
    "c.i.f.",
    "número de identificación fiscal",
    "código de identificación fiscal",
    "codigo de identificacion fiscal",
    "identificación fiscal",
    "tin",
    "tax id",
    "tax identification number",
};

// ITINs start with 9 and use group numbers 50-65, 70-88, 90-92, 94-99 (the validator narrows).
constexpr std::string_view kUsaItinPatterns[] = {
    R"(9\d{2}-[5-9]\d-\d{4})",
    R"(9\d{2} [5-9]\d \d{4})",
    R"(9\d{2}[5-9]\d{5})",
};
constexpr std::string_view kUsaItinKeywords[] = {
    "itin",
    "i.t.i.n.",
    "itin#",
    "individual taxpayer",
    "individual taxpayer identification",
    "individual taxpayer identification number",
    "taxpayer identification number",
    "tax id",
    "tin",
};

constexpr ManagedIdentifier kRows[] = {
    {.id = "AUSTRALIA_TAX_FILE_NUMBER",
     .category = Category::kPersonalInformation,
     .countries = "AU",
     .description = "Australian tax file number (ATO weighted mod-11)",
     .patterns = kAustraliaTfnPatterns,
     .keywords = kAustraliaTfnKeywords,
     .keyword_required = true,
     .validator = validators::australia_tfn,
     .validator_name = "tfn-mod11",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
    {.id = "BRAZIL_CPF_NUMBER",
     .category = Category::kPersonalInformation,
     .countries = "BR",
     .description = "Brazilian CPF (two mod-11 check digits)",
     .patterns = kBrazilCpfPatterns,
     .keywords = kBrazilCpfKeywords,
     .keyword_required = true,
     .validator = validators::brazil_cpf,
     .validator_name = "cpf-mod11",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
    {.id = "BRAZIL_CNPJ_NUMBER",
     .category = Category::kPersonalInformation,
     .countries = "BR",
     .description = "Brazilian CNPJ company number (two mod-11 check digits)",
     .patterns = kBrazilCnpjPatterns,
     .keywords = kBrazilCnpjKeywords,
     .keyword_required = true,
     .validator = validators::brazil_cnpj,
     .validator_name = "cnpj-mod11",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryBoth,
     .recommended = false,
     .tamis_default = false},
    {.id = "FRANCE_TAX_IDENTIFICATION_NUMBER",
     .category = Category::kPersonalInformation,
     .countries = "FR",
     .description = "French numéro fiscal (SPI, mod-511 key)",
     .patterns = kFranceTaxPatterns,
     .keywords = kFranceTaxKeywords,
     .keyword_required = true,
     .validator = validators::france_tax_id,
     .validator_name = "spi-mod511",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
    {.id = "GERMANY_TAX_IDENTIFICATION_NUMBER",
     .category = Category::kPersonalInformation,
     .countries = "DE",
     .description = "German Steuer-IdNr (ISO 7064 mod 11,10)",
     .patterns = kGermanyTaxPatterns,
     .keywords = kGermanyTaxKeywords,
     .keyword_required = true,
     .validator = validators::germany_tax_id,
     .validator_name = "iso7064-mod11-10",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
    {.id = "SPAIN_NIE_NUMBER",
     .category = Category::kPersonalInformation,
     .countries = "ES",
     .description = "Spanish foreigner identity number (NIE, mod-23 letter)",
     .patterns = kSpainNiePatterns,
     .keywords = kSpainNieKeywords,
     .keyword_required = true,
     .validator = validators::spain_nie,
     .validator_name = "nie-mod23",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
    {.id = "SPAIN_NIF_NUMBER",
     .category = Category::kPersonalInformation,
     .countries = "ES",
     .description = "Spanish personal NIF (DNI, NIE or K/L/M forms)",
     .patterns = kSpainNifPatterns,
     .keywords = kSpainNifKeywords,
     .keyword_required = true,
     .validator = validators::spain_nif,
     .validator_name = "nif-mod23",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
    {.id = "SPAIN_TAX_IDENTIFICATION_NUMBER",
     .category = Category::kPersonalInformation,
     .countries = "ES",
     .description = "Spanish tax id: personal NIF or entity CIF",
     .patterns = kSpainTaxPatterns,
     .keywords = kSpainTaxKeywords,
     .keyword_required = true,
     .validator = validators::spain_tax_id,
     .validator_name = "nif+cif-control",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
    {.id = "USA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER",
     .category = Category::kPersonalInformation,
     .countries = "US",
     .description = "US ITIN (9XX with IRS group ranges)",
     .patterns = kUsaItinPatterns,
     .keywords = kUsaItinKeywords,
     .keyword_required = true,
     .validator = validators::usa_itin,
     .validator_name = "itin-ranges",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
};

}  // namespace

std::span<const ManagedIdentifier> tax_ids() { return kRows; }

}  // namespace tamis::catalog
