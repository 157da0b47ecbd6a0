// Payment cards: card numbers (with and without a nearby keyword) and ISO 7813 magnetic-stripe
// tracks. Patterns only find card-shaped digit groups; credit_card() decides (Luhn, brand prefix
// and length, published test numbers), so the patterns stay narrow but never judge validity.
#include "catalog/catalog.h"
#include "catalog/validators.h"

namespace tamis::catalog {
namespace {

// Every brand starts with 2 (Mastercard 2-series), 3 (Amex, Diners, JCB), 4 (Visa), 5 (Mastercard,
// Maestro, Dankort) or 6 (Discover, UnionPay, Maestro). Separators are spaces or hyphens, one kind
// per pattern so that "4111 1111-1111 1111" style mixtures are never taken for a number.
constexpr std::string_view kCardPatterns[] = {
    // 13 to 19 digits written as one run; the boundary check rejects runs embedded in longer ones.
    R"([2-6]\d{12,18})",
    // 4-4-4-4 (16 digits), optionally 4-4-4-4-3 (19 digits).
    R"([2-6]\d{3} \d{4} \d{4} \d{4}(?: \d{3})?)",
    R"([2-6]\d{3}-\d{4}-\d{4}-\d{4}(?:-\d{3})?)",
    // Amex 4-6-5 (15 digits) and Diners 4-6-4 (14 digits).
    R"(3\d{3} \d{6} \d{4,5})",
    R"(3\d{3}-\d{6}-\d{4,5})",
};

// English plus the languages of the main card markets; Macie's list is mostly brand names.
constexpr std::string_view kCardKeywords[] = {
    "account number",
    "american express",
    "amex",
    "bank card",
    "card",
    "card no",
    "card num",
    "card number",
    "cards",
    "carta di credito",
    "carte bancaire",
    "carte bleue",
    "carte de crédit",
    "cartão de crédito",
    "cc#",
    "ccn",
    "check card",
    "credit",
    "credit card",
    "credit card number",
    "credit cards",
    "dankort",
    "debit",
    "debit card",
    "diners club",
    "discover",
    "japanese card bureau",
    "jcb",
    "kartennummer",
    "kreditkarte",
    "maestro",
    "master card",
    "mastercard",
    "numéro de carte",
    "numero di carta",
    "número de tarjeta",
    "pan",
    "payment card",
    "tarjeta de crédito",
    "union pay",
    "unionpay",
    "visa",
};

// ISO/IEC 7813. Track 1: %B PAN ^ NAME ^ YYMM service-code discretionary ? (at most 79 characters).
// The track 1 character set is upper case only. Track 2: ; PAN = YYMM service-code discretionary ?
// (at most 40 characters).
constexpr std::string_view kTrackPatterns[] = {
    R"(%B[2-6]\d{12,18}\^[A-Z0-9 /.'-]{2,26}\^\d{7}[A-Z0-9 /.<>=-]{0,50}\?)",
    R"(;[2-6]\d{12,18}=\d{7}\d{0,24}\?)",
};

constexpr std::string_view kTrackKeywords[] = {
    "banda magnetica", "banda magnética",  "card data",
    "iso 7813",        "iso7813",          "mag",
    "mag stripe",      "magnetic stripe",  "magnetstreifen",
    "magstripe",       "piste magnétique", "stripe",
    "swipe",           "swiped",           "track",
    "track 1",         "track 2",          "track data",
};

constexpr ManagedIdentifier kRows[] = {
    {.id = "CREDIT_CARD_NUMBER",
     .category = Category::kFinancialInformation,
     .countries = "ANY",
     .description = "Payment card number near a card keyword (Luhn, brand prefix and length)",
     .patterns = kCardPatterns,
     .keywords = kCardKeywords,
     .keyword_required = true,
     .validator = validators::credit_card,
     .validator_name = "luhn+brand",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
    {.id = "CREDIT_CARD_NUMBER_(NO_KEYWORD)",
     .category = Category::kFinancialInformation,
     .countries = "ANY",
     .description = "Payment card number anywhere (Luhn, brand prefix and length; no keyword)",
     .patterns = kCardPatterns,
     .keywords = {},
     .keyword_required = false,
     .validator = validators::credit_card,
     .validator_name = "luhn+brand",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryBoth,
     .recommended = false,
     .tamis_default = false},
    {.id = "CREDIT_CARD_MAGNETIC_STRIPE",
     .category = Category::kFinancialInformation,
     .countries = "ANY",
     .description = "ISO 7813 magnetic-stripe track 1 or track 2 data with a valid card number",
     .patterns = kTrackPatterns,
     .keywords = kTrackKeywords,
     .keyword_required = true,
     .validator = validators::credit_card_track,
     .validator_name = "iso7813+luhn+brand",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false},
};

}  // namespace

std::span<const ManagedIdentifier> financial() { return kRows; }

}  // namespace tamis::catalog
