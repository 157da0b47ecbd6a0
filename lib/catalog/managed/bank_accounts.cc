// IBANs (ISO 13616), one identifier per country as Macie names them. Each pattern starts with the
// literal country code and follows that country's registered BBAN structure and length, in the
// electronic form (no spaces) and the print form (groups of four separated by single spaces, or by
// hyphens). iban() then checks the registered length and the mod-97 check digits, so a pattern only
// has to be as narrow as the registry's character classes (a = A-Z, n = 0-9, c = A-Z0-9).
//
// Macie needs no keyword for IBANs. Its FRANCE/GERMANY/ITALY/SPAIN/UK ids also cover the bare
// national BBAN next to a keyword; that form is not handled by these rows.
#include "catalog/catalog.h"
#include "catalog/validators.h"

namespace tamis::catalog {
namespace {

constexpr ManagedIdentifier iban_row(std::string_view id, std::string_view country,
                                     std::string_view description,
                                     std::span<const std::string_view> patterns) {
  return {.id = id,
          .category = Category::kFinancialInformation,
          .countries = country,
          .description = description,
          .patterns = patterns,
          .keywords = {},
          .keyword_required = false,
          .validator = validators::iban,
          .validator_name = "iso13616-mod97",
          .severity = kAlwaysHigh,
          .boundaries = kBoundaryBoth,
          .recommended = false,
          .tamis_default = false};
}

// Per country: electronic form, print form with spaces, print form with hyphens.
constexpr std::string_view kAlbania[] = {
    R"(AL\d{10}[A-Z0-9]{16})",
    R"(AL\d{2}(?: \d{4}){2}(?: [A-Z0-9]{4}){4})",
    R"(AL\d{2}(?:-\d{4}){2}(?:-[A-Z0-9]{4}){4})",
};
constexpr std::string_view kAndorra[] = {
    R"(AD\d{10}[A-Z0-9]{12})",
    R"(AD\d{2}(?: \d{4}){2}(?: [A-Z0-9]{4}){3})",
    R"(AD\d{2}(?:-\d{4}){2}(?:-[A-Z0-9]{4}){3})",
};
constexpr std::string_view kAustria[] = {
    R"(AT\d{18})",
    R"(AT\d{2}(?: \d{4}){4})",
    R"(AT\d{2}(?:-\d{4}){4})",
};
constexpr std::string_view kAzerbaijan[] = {
    R"(AZ\d{2}[A-Z]{4}[A-Z0-9]{20})",
    R"(AZ\d{2} [A-Z]{4}(?: [A-Z0-9]{4}){5})",
    R"(AZ\d{2}-[A-Z]{4}(?:-[A-Z0-9]{4}){5})",
};
constexpr std::string_view kBahrain[] = {
    R"(BH\d{2}[A-Z]{4}[A-Z0-9]{14})",
    R"(BH\d{2} [A-Z]{4}(?: [A-Z0-9]{4}){3} [A-Z0-9]{2})",
    R"(BH\d{2}-[A-Z]{4}(?:-[A-Z0-9]{4}){3}-[A-Z0-9]{2})",
};
constexpr std::string_view kBelgium[] = {
    R"(BE\d{14})",
    R"(BE\d{2}(?: \d{4}){3})",
    R"(BE\d{2}(?:-\d{4}){3})",
};
constexpr std::string_view kBosniaAndHerzegovina[] = {
    R"(BA\d{18})",
    R"(BA\d{2}(?: \d{4}){4})",
    R"(BA\d{2}(?:-\d{4}){4})",
};
constexpr std::string_view kBrazil[] = {
    R"(BR\d{25}[A-Z][A-Z0-9])",
    R"(BR\d{2}(?: \d{4}){5} \d{3}[A-Z] [A-Z0-9])",
    R"(BR\d{2}(?:-\d{4}){5}-\d{3}[A-Z]-[A-Z0-9])",
};
constexpr std::string_view kBritishVirginIslands[] = {
    R"(VG\d{2}[A-Z]{4}\d{16})",
    R"(VG\d{2} [A-Z]{4}(?: \d{4}){4})",
    R"(VG\d{2}-[A-Z]{4}(?:-\d{4}){4})",
};
constexpr std::string_view kBulgaria[] = {
    R"(BG\d{2}[A-Z]{4}\d{6}[A-Z0-9]{8})",
    R"(BG\d{2} [A-Z]{4} \d{4} \d{2}[A-Z0-9]{2} [A-Z0-9]{4} [A-Z0-9]{2})",
    R"(BG\d{2}-[A-Z]{4}-\d{4}-\d{2}[A-Z0-9]{2}-[A-Z0-9]{4}-[A-Z0-9]{2})",
};
constexpr std::string_view kCostaRica[] = {
    R"(CR\d{20})",
    R"(CR\d{2}(?: \d{4}){4} \d{2})",
    R"(CR\d{2}(?:-\d{4}){4}-\d{2})",
};
constexpr std::string_view kCroatia[] = {
    R"(HR\d{19})",
    R"(HR\d{2}(?: \d{4}){4} \d)",
    R"(HR\d{2}(?:-\d{4}){4}-\d)",
};
constexpr std::string_view kCyprus[] = {
    R"(CY\d{10}[A-Z0-9]{16})",
    R"(CY\d{2}(?: \d{4}){2}(?: [A-Z0-9]{4}){4})",
    R"(CY\d{2}(?:-\d{4}){2}(?:-[A-Z0-9]{4}){4})",
};
constexpr std::string_view kCzechRepublic[] = {
    R"(CZ\d{22})",
    R"(CZ\d{2}(?: \d{4}){5})",
    R"(CZ\d{2}(?:-\d{4}){5})",
};
constexpr std::string_view kDenmark[] = {
    R"(DK\d{16})",
    R"(DK\d{2}(?: \d{4}){3} \d{2})",
    R"(DK\d{2}(?:-\d{4}){3}-\d{2})",
};
constexpr std::string_view kDominicanRepublic[] = {
    R"(DO\d{2}[A-Z0-9]{4}\d{20})",
    R"(DO\d{2} [A-Z0-9]{4}(?: \d{4}){5})",
    R"(DO\d{2}-[A-Z0-9]{4}(?:-\d{4}){5})",
};
constexpr std::string_view kEgypt[] = {
    R"(EG\d{27})",
    R"(EG\d{2}(?: \d{4}){6} \d)",
    R"(EG\d{2}(?:-\d{4}){6}-\d)",
};
constexpr std::string_view kEstonia[] = {
    R"(EE\d{18})",
    R"(EE\d{2}(?: \d{4}){4})",
    R"(EE\d{2}(?:-\d{4}){4})",
};
constexpr std::string_view kFaroeIslands[] = {
    R"(FO\d{16})",
    R"(FO\d{2}(?: \d{4}){3} \d{2})",
    R"(FO\d{2}(?:-\d{4}){3}-\d{2})",
};
constexpr std::string_view kFinland[] = {
    R"(FI\d{16})",
    R"(FI\d{2}(?: \d{4}){3} \d{2})",
    R"(FI\d{2}(?:-\d{4}){3}-\d{2})",
};
constexpr std::string_view kFrance[] = {
    R"(FR\d{12}[A-Z0-9]{11}\d{2})",
    R"(FR\d{2}(?: \d{4}){2} \d{2}[A-Z0-9]{2}(?: [A-Z0-9]{4}){2} [A-Z0-9]\d{2})",
    R"(FR\d{2}(?:-\d{4}){2}-\d{2}[A-Z0-9]{2}(?:-[A-Z0-9]{4}){2}-[A-Z0-9]\d{2})",
};
constexpr std::string_view kGeorgia[] = {
    R"(GE\d{2}[A-Z]{2}\d{16})",
    R"(GE\d{2} [A-Z]{2}\d{2}(?: \d{4}){3} \d{2})",
    R"(GE\d{2}-[A-Z]{2}\d{2}(?:-\d{4}){3}-\d{2})",
};
constexpr std::string_view kGermany[] = {
    R"(DE\d{20})",
    R"(DE\d{2}(?: \d{4}){4} \d{2})",
    R"(DE\d{2}(?:-\d{4}){4}-\d{2})",
};
constexpr std::string_view kGibraltar[] = {
    R"(GI\d{2}[A-Z]{4}[A-Z0-9]{15})",
    R"(GI\d{2} [A-Z]{4}(?: [A-Z0-9]{4}){3} [A-Z0-9]{3})",
    R"(GI\d{2}-[A-Z]{4}(?:-[A-Z0-9]{4}){3}-[A-Z0-9]{3})",
};
constexpr std::string_view kGreece[] = {
    R"(GR\d{9}[A-Z0-9]{16})",
    R"(GR\d{2} \d{4} \d{3}[A-Z0-9](?: [A-Z0-9]{4}){3} [A-Z0-9]{3})",
    R"(GR\d{2}-\d{4}-\d{3}[A-Z0-9](?:-[A-Z0-9]{4}){3}-[A-Z0-9]{3})",
};
constexpr std::string_view kGreenland[] = {
    R"(GL\d{16})",
    R"(GL\d{2}(?: \d{4}){3} \d{2})",
    R"(GL\d{2}(?:-\d{4}){3}-\d{2})",
};
constexpr std::string_view kGuatemala[] = {
    R"(GT\d{2}[A-Z0-9]{24})",
    R"(GT\d{2}(?: [A-Z0-9]{4}){6})",
    R"(GT\d{2}(?:-[A-Z0-9]{4}){6})",
};
constexpr std::string_view kHungary[] = {
    R"(HU\d{26})",
    R"(HU\d{2}(?: \d{4}){6})",
    R"(HU\d{2}(?:-\d{4}){6})",
};
constexpr std::string_view kIceland[] = {
    R"(IS\d{24})",
    R"(IS\d{2}(?: \d{4}){5} \d{2})",
    R"(IS\d{2}(?:-\d{4}){5}-\d{2})",
};
constexpr std::string_view kIreland[] = {
    R"(IE\d{2}[A-Z]{4}\d{14})",
    R"(IE\d{2} [A-Z]{4}(?: \d{4}){3} \d{2})",
    R"(IE\d{2}-[A-Z]{4}(?:-\d{4}){3}-\d{2})",
};
constexpr std::string_view kIsrael[] = {
    R"(IL\d{21})",
    R"(IL\d{2}(?: \d{4}){4} \d{3})",
    R"(IL\d{2}(?:-\d{4}){4}-\d{3})",
};
constexpr std::string_view kItaly[] = {
    R"(IT\d{2}[A-Z]\d{10}[A-Z0-9]{12})",
    R"(IT\d{2} [A-Z]\d{3} \d{4} \d{3}[A-Z0-9](?: [A-Z0-9]{4}){2} [A-Z0-9]{3})",
    R"(IT\d{2}-[A-Z]\d{3}-\d{4}-\d{3}[A-Z0-9](?:-[A-Z0-9]{4}){2}-[A-Z0-9]{3})",
};
constexpr std::string_view kJordan[] = {
    R"(JO\d{2}[A-Z]{4}\d{4}[A-Z0-9]{18})",
    R"(JO\d{2} [A-Z]{4} \d{4}(?: [A-Z0-9]{4}){4} [A-Z0-9]{2})",
    R"(JO\d{2}-[A-Z]{4}-\d{4}(?:-[A-Z0-9]{4}){4}-[A-Z0-9]{2})",
};
constexpr std::string_view kKosovo[] = {
    R"(XK\d{18})",
    R"(XK\d{2}(?: \d{4}){4})",
    R"(XK\d{2}(?:-\d{4}){4})",
};
constexpr std::string_view kKuwait[] = {
    R"(KW\d{2}[A-Z]{4}[A-Z0-9]{22})",
    R"(KW\d{2} [A-Z]{4}(?: [A-Z0-9]{4}){5} [A-Z0-9]{2})",
    R"(KW\d{2}-[A-Z]{4}(?:-[A-Z0-9]{4}){5}-[A-Z0-9]{2})",
};
constexpr std::string_view kLatvia[] = {
    R"(LV\d{2}[A-Z]{4}[A-Z0-9]{13})",
    R"(LV\d{2} [A-Z]{4}(?: [A-Z0-9]{4}){3} [A-Z0-9])",
    R"(LV\d{2}-[A-Z]{4}(?:-[A-Z0-9]{4}){3}-[A-Z0-9])",
};
constexpr std::string_view kLebanon[] = {
    R"(LB\d{6}[A-Z0-9]{20})",
    R"(LB\d{2} \d{4}(?: [A-Z0-9]{4}){5})",
    R"(LB\d{2}-\d{4}(?:-[A-Z0-9]{4}){5})",
};
constexpr std::string_view kLiechtenstein[] = {
    R"(LI\d{7}[A-Z0-9]{12})",
    R"(LI\d{2} \d{4} \d[A-Z0-9]{3}(?: [A-Z0-9]{4}){2} [A-Z0-9])",
    R"(LI\d{2}-\d{4}-\d[A-Z0-9]{3}(?:-[A-Z0-9]{4}){2}-[A-Z0-9])",
};
constexpr std::string_view kLithuania[] = {
    R"(LT\d{18})",
    R"(LT\d{2}(?: \d{4}){4})",
    R"(LT\d{2}(?:-\d{4}){4})",
};
constexpr std::string_view kLuxembourg[] = {
    R"(LU\d{5}[A-Z0-9]{13})",
    R"(LU\d{2} \d{3}[A-Z0-9](?: [A-Z0-9]{4}){3})",
    R"(LU\d{2}-\d{3}[A-Z0-9](?:-[A-Z0-9]{4}){3})",
};
constexpr std::string_view kMacedonia[] = {
    R"(MK\d{5}[A-Z0-9]{10}\d{2})",
    R"(MK\d{2} \d{3}[A-Z0-9](?: [A-Z0-9]{4}){2} [A-Z0-9]\d{2})",
    R"(MK\d{2}-\d{3}[A-Z0-9](?:-[A-Z0-9]{4}){2}-[A-Z0-9]\d{2})",
};
constexpr std::string_view kMalta[] = {
    R"(MT\d{2}[A-Z]{4}\d{5}[A-Z0-9]{18})",
    R"(MT\d{2} [A-Z]{4} \d{4} \d[A-Z0-9]{3}(?: [A-Z0-9]{4}){3} [A-Z0-9]{3})",
    R"(MT\d{2}-[A-Z]{4}-\d{4}-\d[A-Z0-9]{3}(?:-[A-Z0-9]{4}){3}-[A-Z0-9]{3})",
};
constexpr std::string_view kMauritania[] = {
    R"(MR\d{25})",
    R"(MR\d{2}(?: \d{4}){5} \d{3})",
    R"(MR\d{2}(?:-\d{4}){5}-\d{3})",
};
constexpr std::string_view kMauritius[] = {
    R"(MU\d{2}[A-Z]{4}\d{19}[A-Z]{3})",
    R"(MU\d{2} [A-Z]{4}(?: \d{4}){4} \d{3}[A-Z] [A-Z]{2})",
    R"(MU\d{2}-[A-Z]{4}(?:-\d{4}){4}-\d{3}[A-Z]-[A-Z]{2})",
};
constexpr std::string_view kMonaco[] = {
    R"(MC\d{12}[A-Z0-9]{11}\d{2})",
    R"(MC\d{2}(?: \d{4}){2} \d{2}[A-Z0-9]{2}(?: [A-Z0-9]{4}){2} [A-Z0-9]\d{2})",
    R"(MC\d{2}(?:-\d{4}){2}-\d{2}[A-Z0-9]{2}(?:-[A-Z0-9]{4}){2}-[A-Z0-9]\d{2})",
};
constexpr std::string_view kMontenegro[] = {
    R"(ME\d{20})",
    R"(ME\d{2}(?: \d{4}){4} \d{2})",
    R"(ME\d{2}(?:-\d{4}){4}-\d{2})",
};
constexpr std::string_view kNetherlands[] = {
    R"(NL\d{2}[A-Z]{4}\d{10})",
    R"(NL\d{2} [A-Z]{4}(?: \d{4}){2} \d{2})",
    R"(NL\d{2}-[A-Z]{4}(?:-\d{4}){2}-\d{2})",
};
constexpr std::string_view kNorway[] = {
    R"(NO\d{13})",
    R"(NO\d{2}(?: \d{4}){2} \d{3})",
    R"(NO\d{2}(?:-\d{4}){2}-\d{3})",
};
constexpr std::string_view kPakistan[] = {
    R"(PK\d{2}[A-Z]{4}[A-Z0-9]{16})",
    R"(PK\d{2} [A-Z]{4}(?: [A-Z0-9]{4}){4})",
    R"(PK\d{2}-[A-Z]{4}(?:-[A-Z0-9]{4}){4})",
};
constexpr std::string_view kPalestine[] = {
    R"(PS\d{2}[A-Z]{4}[A-Z0-9]{21})",
    R"(PS\d{2} [A-Z]{4}(?: [A-Z0-9]{4}){5} [A-Z0-9])",
    R"(PS\d{2}-[A-Z]{4}(?:-[A-Z0-9]{4}){5}-[A-Z0-9])",
};
constexpr std::string_view kPoland[] = {
    R"(PL\d{26})",
    R"(PL\d{2}(?: \d{4}){6})",
    R"(PL\d{2}(?:-\d{4}){6})",
};
constexpr std::string_view kPortugal[] = {
    R"(PT\d{23})",
    R"(PT\d{2}(?: \d{4}){5} \d)",
    R"(PT\d{2}(?:-\d{4}){5}-\d)",
};
constexpr std::string_view kQatar[] = {
    R"(QA\d{2}[A-Z]{4}[A-Z0-9]{21})",
    R"(QA\d{2} [A-Z]{4}(?: [A-Z0-9]{4}){5} [A-Z0-9])",
    R"(QA\d{2}-[A-Z]{4}(?:-[A-Z0-9]{4}){5}-[A-Z0-9])",
};
constexpr std::string_view kRomania[] = {
    R"(RO\d{2}[A-Z]{4}[A-Z0-9]{16})",
    R"(RO\d{2} [A-Z]{4}(?: [A-Z0-9]{4}){4})",
    R"(RO\d{2}-[A-Z]{4}(?:-[A-Z0-9]{4}){4})",
};
constexpr std::string_view kSaintLucia[] = {
    R"(LC\d{2}[A-Z]{4}[A-Z0-9]{24})",
    R"(LC\d{2} [A-Z]{4}(?: [A-Z0-9]{4}){6})",
    R"(LC\d{2}-[A-Z]{4}(?:-[A-Z0-9]{4}){6})",
};
constexpr std::string_view kSanMarino[] = {
    R"(SM\d{2}[A-Z]\d{10}[A-Z0-9]{12})",
    R"(SM\d{2} [A-Z]\d{3} \d{4} \d{3}[A-Z0-9](?: [A-Z0-9]{4}){2} [A-Z0-9]{3})",
    R"(SM\d{2}-[A-Z]\d{3}-\d{4}-\d{3}[A-Z0-9](?:-[A-Z0-9]{4}){2}-[A-Z0-9]{3})",
};
constexpr std::string_view kSaudiArabia[] = {
    R"(SA\d{4}[A-Z0-9]{18})",
    R"(SA\d{2} \d{2}[A-Z0-9]{2}(?: [A-Z0-9]{4}){4})",
    R"(SA\d{2}-\d{2}[A-Z0-9]{2}(?:-[A-Z0-9]{4}){4})",
};
constexpr std::string_view kSerbia[] = {
    R"(RS\d{20})",
    R"(RS\d{2}(?: \d{4}){4} \d{2})",
    R"(RS\d{2}(?:-\d{4}){4}-\d{2})",
};
constexpr std::string_view kSlovakia[] = {
    R"(SK\d{22})",
    R"(SK\d{2}(?: \d{4}){5})",
    R"(SK\d{2}(?:-\d{4}){5})",
};
constexpr std::string_view kSlovenia[] = {
    R"(SI\d{17})",
    R"(SI\d{2}(?: \d{4}){3} \d{3})",
    R"(SI\d{2}(?:-\d{4}){3}-\d{3})",
};
constexpr std::string_view kSpain[] = {
    R"(ES\d{22})",
    R"(ES\d{2}(?: \d{4}){5})",
    R"(ES\d{2}(?:-\d{4}){5})",
};
constexpr std::string_view kSweden[] = {
    R"(SE\d{22})",
    R"(SE\d{2}(?: \d{4}){5})",
    R"(SE\d{2}(?:-\d{4}){5})",
};
constexpr std::string_view kSwitzerland[] = {
    R"(CH\d{7}[A-Z0-9]{12})",
    R"(CH\d{2} \d{4} \d[A-Z0-9]{3}(?: [A-Z0-9]{4}){2} [A-Z0-9])",
    R"(CH\d{2}-\d{4}-\d[A-Z0-9]{3}(?:-[A-Z0-9]{4}){2}-[A-Z0-9])",
};
constexpr std::string_view kTimorLeste[] = {
    R"(TL\d{21})",
    R"(TL\d{2}(?: \d{4}){4} \d{3})",
    R"(TL\d{2}(?:-\d{4}){4}-\d{3})",
};
constexpr std::string_view kTunisia[] = {
    R"(TN\d{22})",
    R"(TN\d{2}(?: \d{4}){5})",
    R"(TN\d{2}(?:-\d{4}){5})",
};
constexpr std::string_view kTurkey[] = {
    R"(TR\d{8}[A-Z0-9]{16})",
    R"(TR\d{2} \d{4} \d{2}[A-Z0-9]{2}(?: [A-Z0-9]{4}){3} [A-Z0-9]{2})",
    R"(TR\d{2}-\d{4}-\d{2}[A-Z0-9]{2}(?:-[A-Z0-9]{4}){3}-[A-Z0-9]{2})",
};
constexpr std::string_view kUk[] = {
    R"(GB\d{2}[A-Z]{4}\d{14})",
    R"(GB\d{2} [A-Z]{4}(?: \d{4}){3} \d{2})",
    R"(GB\d{2}-[A-Z]{4}(?:-\d{4}){3}-\d{2})",
};
constexpr std::string_view kUkraine[] = {
    R"(UA\d{8}[A-Z0-9]{19})",
    R"(UA\d{2} \d{4} \d{2}[A-Z0-9]{2}(?: [A-Z0-9]{4}){4} [A-Z0-9])",
    R"(UA\d{2}-\d{4}-\d{2}[A-Z0-9]{2}(?:-[A-Z0-9]{4}){4}-[A-Z0-9])",
};
constexpr std::string_view kUnitedArabEmirates[] = {
    R"(AE\d{21})",
    R"(AE\d{2}(?: \d{4}){4} \d{3})",
    R"(AE\d{2}(?:-\d{4}){4}-\d{3})",
};

// Rows in alphabetical order of Macie's country names.
constexpr ManagedIdentifier kRows[] = {
    iban_row("ALBANIA_BANK_ACCOUNT_NUMBER", "AL", "Albania IBAN (28 characters, BBAN 8n16c)",
             kAlbania),
    iban_row("ANDORRA_BANK_ACCOUNT_NUMBER", "AD", "Andorra IBAN (24 characters, BBAN 4n4n12c)",
             kAndorra),
    iban_row("AUSTRIA_BANK_ACCOUNT_NUMBER", "AT", "Austria IBAN (20 characters, BBAN 5n11n)",
             kAustria),
    iban_row("AZERBAIJAN_BANK_ACCOUNT_NUMBER", "AZ", "Azerbaijan IBAN (28 characters, BBAN 4a20c)",
             kAzerbaijan),
    iban_row("BAHRAIN_BANK_ACCOUNT_NUMBER", "BH", "Bahrain IBAN (22 characters, BBAN 4a14c)",
             kBahrain),
    iban_row("BELGIUM_BANK_ACCOUNT_NUMBER", "BE", "Belgium IBAN (16 characters, BBAN 3n7n2n)",
             kBelgium),
    iban_row("BOSNIA_AND_HERZEGOVINA_BANK_ACCOUNT_NUMBER", "BA",
             "Bosnia and Herzegovina IBAN (20 characters, BBAN 3n3n8n2n)", kBosniaAndHerzegovina),
    iban_row("BRAZIL_BANK_ACCOUNT_NUMBER", "BR", "Brazil IBAN (29 characters, BBAN 8n5n10n1a1c)",
             kBrazil),
    iban_row("BRITISH_VIRGIN_ISLANDS_BANK_ACCOUNT_NUMBER", "VG",
             "British Virgin Islands IBAN (24 characters, BBAN 4a16n)", kBritishVirginIslands),
    iban_row("BULGARIA_BANK_ACCOUNT_NUMBER", "BG", "Bulgaria IBAN (22 characters, BBAN 4a4n2n8c)",
             kBulgaria),
    iban_row("COSTA_RICA_BANK_ACCOUNT_NUMBER", "CR", "Costa Rica IBAN (22 characters, BBAN 4n14n)",
             kCostaRica),
    iban_row("CROATIA_BANK_ACCOUNT_NUMBER", "HR", "Croatia IBAN (21 characters, BBAN 7n10n)",
             kCroatia),
    iban_row("CYPRUS_BANK_ACCOUNT_NUMBER", "CY", "Cyprus IBAN (28 characters, BBAN 3n5n16c)",
             kCyprus),
    iban_row("CZECH_REPUBLIC_BANK_ACCOUNT_NUMBER", "CZ",
             "Czech Republic IBAN (24 characters, BBAN 4n6n10n)", kCzechRepublic),
    iban_row("DENMARK_BANK_ACCOUNT_NUMBER", "DK", "Denmark IBAN (18 characters, BBAN 4n9n1n)",
             kDenmark),
    iban_row("DOMINICAN_REPUBLIC_BANK_ACCOUNT_NUMBER", "DO",
             "Dominican Republic IBAN (28 characters, BBAN 4c20n)", kDominicanRepublic),
    iban_row("EGYPT_BANK_ACCOUNT_NUMBER", "EG", "Egypt IBAN (29 characters, BBAN 4n4n17n)", kEgypt),
    iban_row("ESTONIA_BANK_ACCOUNT_NUMBER", "EE", "Estonia IBAN (20 characters, BBAN 2n2n11n1n)",
             kEstonia),
    iban_row("FAROE_ISLANDS_BANK_ACCOUNT_NUMBER", "FO",
             "Faroe Islands IBAN (18 characters, BBAN 4n9n1n)", kFaroeIslands),
    iban_row("FINLAND_BANK_ACCOUNT_NUMBER", "FI", "Finland IBAN (18 characters, BBAN 3n11n)",
             kFinland),
    iban_row("FRANCE_BANK_ACCOUNT_NUMBER", "FR", "France IBAN (27 characters, BBAN 5n5n11c2n)",
             kFrance),
    iban_row("GEORGIA_BANK_ACCOUNT_NUMBER", "GE", "Georgia IBAN (22 characters, BBAN 2a16n)",
             kGeorgia),
    iban_row("GERMANY_BANK_ACCOUNT_NUMBER", "DE", "Germany IBAN (22 characters, BBAN 8n10n)",
             kGermany),
    iban_row("GIBRALTAR_BANK_ACCOUNT_NUMBER", "GI", "Gibraltar IBAN (23 characters, BBAN 4a15c)",
             kGibraltar),
    iban_row("GREECE_BANK_ACCOUNT_NUMBER", "GR", "Greece IBAN (27 characters, BBAN 3n4n16c)",
             kGreece),
    iban_row("GREENLAND_BANK_ACCOUNT_NUMBER", "GL", "Greenland IBAN (18 characters, BBAN 4n9n1n)",
             kGreenland),
    iban_row("GUATEMALA_BANK_ACCOUNT_NUMBER", "GT", "Guatemala IBAN (28 characters, BBAN 4c20c)",
             kGuatemala),
    iban_row("HUNGARY_BANK_ACCOUNT_NUMBER", "HU", "Hungary IBAN (28 characters, BBAN 3n4n1n15n1n)",
             kHungary),
    iban_row("ICELAND_BANK_ACCOUNT_NUMBER", "IS", "Iceland IBAN (26 characters, BBAN 4n2n6n10n)",
             kIceland),
    iban_row("IRELAND_BANK_ACCOUNT_NUMBER", "IE", "Ireland IBAN (22 characters, BBAN 4a6n8n)",
             kIreland),
    iban_row("ISRAEL_BANK_ACCOUNT_NUMBER", "IL", "Israel IBAN (23 characters, BBAN 3n3n13n)",
             kIsrael),
    iban_row("ITALY_BANK_ACCOUNT_NUMBER", "IT", "Italy IBAN (27 characters, BBAN 1a5n5n12c)",
             kItaly),
    iban_row("JORDAN_BANK_ACCOUNT_NUMBER", "JO", "Jordan IBAN (30 characters, BBAN 4a4n18c)",
             kJordan),
    iban_row("KOSOVO_BANK_ACCOUNT_NUMBER", "XK", "Kosovo IBAN (20 characters, BBAN 4n10n2n)",
             kKosovo),
    iban_row("KUWAIT_BANK_ACCOUNT_NUMBER", "KW", "Kuwait IBAN (30 characters, BBAN 4a22c)",
             kKuwait),
    iban_row("LATVIA_BANK_ACCOUNT_NUMBER", "LV", "Latvia IBAN (21 characters, BBAN 4a13c)",
             kLatvia),
    iban_row("LEBANON_BANK_ACCOUNT_NUMBER", "LB", "Lebanon IBAN (28 characters, BBAN 4n20c)",
             kLebanon),
    iban_row("LIECHTENSTEIN_BANK_ACCOUNT_NUMBER", "LI",
             "Liechtenstein IBAN (21 characters, BBAN 5n12c)", kLiechtenstein),
    iban_row("LITHUANIA_BANK_ACCOUNT_NUMBER", "LT", "Lithuania IBAN (20 characters, BBAN 5n11n)",
             kLithuania),
    iban_row("LUXEMBOURG_BANK_ACCOUNT_NUMBER", "LU", "Luxembourg IBAN (20 characters, BBAN 3n13c)",
             kLuxembourg),
    iban_row("MACEDONIA_BANK_ACCOUNT_NUMBER", "MK",
             "North Macedonia IBAN (19 characters, BBAN 3n10c2n)", kMacedonia),
    iban_row("MALTA_BANK_ACCOUNT_NUMBER", "MT", "Malta IBAN (31 characters, BBAN 4a5n18c)", kMalta),
    iban_row("MAURITANIA_BANK_ACCOUNT_NUMBER", "MR",
             "Mauritania IBAN (27 characters, BBAN 5n5n11n2n)", kMauritania),
    iban_row("MAURITIUS_BANK_ACCOUNT_NUMBER", "MU",
             "Mauritius IBAN (30 characters, BBAN 4a2n2n12n3n3a)", kMauritius),
    iban_row("MONACO_BANK_ACCOUNT_NUMBER", "MC", "Monaco IBAN (27 characters, BBAN 5n5n11c2n)",
             kMonaco),
    iban_row("MONTENEGRO_BANK_ACCOUNT_NUMBER", "ME",
             "Montenegro IBAN (22 characters, BBAN 3n13n2n)", kMontenegro),
    iban_row("NETHERLANDS_BANK_ACCOUNT_NUMBER", "NL",
             "Netherlands IBAN (18 characters, BBAN 4a10n)", kNetherlands),
    iban_row("NORWAY_BANK_ACCOUNT_NUMBER", "NO", "Norway IBAN (15 characters, BBAN 4n6n1n)",
             kNorway),
    iban_row("PAKISTAN_BANK_ACCOUNT_NUMBER", "PK", "Pakistan IBAN (24 characters, BBAN 4a16c)",
             kPakistan),
    iban_row("PALESTINE_BANK_ACCOUNT_NUMBER", "PS", "Palestine IBAN (29 characters, BBAN 4a21c)",
             kPalestine),
    iban_row("POLAND_BANK_ACCOUNT_NUMBER", "PL", "Poland IBAN (28 characters, BBAN 8n16n)",
             kPoland),
    iban_row("PORTUGAL_BANK_ACCOUNT_NUMBER", "PT", "Portugal IBAN (25 characters, BBAN 4n4n11n2n)",
             kPortugal),
    iban_row("QATAR_BANK_ACCOUNT_NUMBER", "QA", "Qatar IBAN (29 characters, BBAN 4a21c)", kQatar),
    iban_row("ROMANIA_BANK_ACCOUNT_NUMBER", "RO", "Romania IBAN (24 characters, BBAN 4a16c)",
             kRomania),
    iban_row("SAINT_LUCIA_BANK_ACCOUNT_NUMBER", "LC",
             "Saint Lucia IBAN (32 characters, BBAN 4a24c)", kSaintLucia),
    iban_row("SAN_MARINO_BANK_ACCOUNT_NUMBER", "SM",
             "San Marino IBAN (27 characters, BBAN 1a5n5n12c)", kSanMarino),
    iban_row("SAUDI_ARABIA_BANK_ACCOUNT_NUMBER", "SA",
             "Saudi Arabia IBAN (24 characters, BBAN 2n18c)", kSaudiArabia),
    iban_row("SERBIA_BANK_ACCOUNT_NUMBER", "RS", "Serbia IBAN (22 characters, BBAN 3n13n2n)",
             kSerbia),
    iban_row("SLOVAKIA_BANK_ACCOUNT_NUMBER", "SK", "Slovakia IBAN (24 characters, BBAN 4n6n10n)",
             kSlovakia),
    iban_row("SLOVENIA_BANK_ACCOUNT_NUMBER", "SI", "Slovenia IBAN (19 characters, BBAN 5n8n2n)",
             kSlovenia),
    iban_row("SPAIN_BANK_ACCOUNT_NUMBER", "ES", "Spain IBAN (24 characters, BBAN 4n4n1n1n10n)",
             kSpain),
    iban_row("SWEDEN_BANK_ACCOUNT_NUMBER", "SE", "Sweden IBAN (24 characters, BBAN 3n16n1n)",
             kSweden),
    iban_row("SWITZERLAND_BANK_ACCOUNT_NUMBER", "CH",
             "Switzerland IBAN (21 characters, BBAN 5n12c)", kSwitzerland),
    iban_row("TIMOR_LESTE_BANK_ACCOUNT_NUMBER", "TL",
             "Timor-Leste IBAN (23 characters, BBAN 3n14n2n)", kTimorLeste),
    iban_row("TUNISIA_BANK_ACCOUNT_NUMBER", "TN", "Tunisia IBAN (24 characters, BBAN 2n3n13n2n)",
             kTunisia),
    iban_row("TURKEY_BANK_ACCOUNT_NUMBER", "TR", "Turkey IBAN (26 characters, BBAN 5n1n16c)",
             kTurkey),
    iban_row("UK_BANK_ACCOUNT_NUMBER", "GB", "United Kingdom IBAN (22 characters, BBAN 4a6n8n)",
             kUk),
    iban_row("UKRAINE_BANK_ACCOUNT_NUMBER", "UA", "Ukraine IBAN (29 characters, BBAN 6n19c)",
             kUkraine),
    iban_row("UNITED_ARAB_EMIRATES_BANK_ACCOUNT_NUMBER", "AE",
             "United Arab Emirates IBAN (23 characters, BBAN 3n16n)", kUnitedArabEmirates),
};

}  // namespace

std::span<const ManagedIdentifier> bank_accounts() { return kRows; }

}  // namespace tamis::catalog
