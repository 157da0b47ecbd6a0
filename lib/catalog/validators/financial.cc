// Payment cards (brand prefix and length table, Luhn, published test numbers), magnetic-stripe
// track data and IBANs (ISO 13616 registry lengths, ISO 7064 mod 97-10).
#include <algorithm>
#include <array>
#include <cstdint>

#include "catalog/validators.h"
#include "catalog/validators/compact.h"

namespace tamis::validators {
namespace {

using internal::Compact;
using internal::digit_value;
using internal::is_digit;
using internal::is_upper;

// One issuer range: the first `prefix_digits` digits of the PAN, read as a number, fall in
// [low, high], and the PAN length is in [min_length, max_length].
struct BrandRange {
  std::uint32_t low;
  std::uint32_t high;
  std::uint8_t prefix_digits;
  std::uint8_t min_length;
  std::uint8_t max_length;
};

// Issuer identification ranges of the brands Macie names. Visa's 13/16/19 lengths are not a
// contiguous range, so Visa is checked separately (Visa Electron's ranges are inside Visa's).
constexpr BrandRange kBrandRanges[] = {
    {51, 55, 2, 16, 16},          // Mastercard
    {2221, 2720, 4, 16, 16},      // Mastercard 2-series
    {34, 34, 2, 15, 15},          // American Express
    {37, 37, 2, 15, 15},          // American Express
    {6011, 6011, 4, 16, 19},      // Discover
    {644, 649, 3, 16, 19},        // Discover
    {65, 65, 2, 16, 19},          // Discover
    {622126, 622925, 6, 16, 19},  // Discover (co-branded UnionPay range)
    {3528, 3589, 4, 16, 19},      // JCB
    {300, 305, 3, 14, 19},        // Diners Club International
    {36, 36, 2, 14, 19},          // Diners Club International
    {38, 39, 2, 14, 19},          // Diners Club International
    {62, 62, 2, 16, 19},          // UnionPay
    {5019, 5019, 4, 16, 16},      // Dankort
    {50, 50, 2, 12, 19},          // Maestro
    {56, 69, 2, 12, 19},          // Maestro
};

bool visa_length(std::size_t length) { return length == 13 || length == 16 || length == 19; }

bool known_brand(std::string_view pan) {
  if (pan.front() == '4') return visa_length(pan.size());
  for (const BrandRange& range : kBrandRanges) {
    if (pan.size() < range.min_length || pan.size() > range.max_length) continue;
    std::uint32_t prefix = 0;
    for (std::size_t i = 0; i < range.prefix_digits; ++i) {
      prefix = prefix * 10 + static_cast<std::uint32_t>(digit_value(pan[i]));
    }
    if (prefix >= range.low && prefix <= range.high) return true;
  }
  return false;
}

// Card numbers that payment processors (Stripe, PayPal/Braintree, Adyen, Worldpay, Mastercard
// Gateway and others) publish for integration testing: they pass every check but are never real
// cards, and they fill documentation, fixtures and sample data. Sorted for binary search.
constexpr std::string_view kPublishedTestCards[] = {
    "2222400070000005", "2222410740360010",    "2222420000001113",    "2223000048400011",
    "2223000048410010", "2223003122003222",    "3056930009020004",    "30569309025904",
    "3530111333300000", "3566000020000410",    "3566002020360505",    "3566111111111113",
    "3569990010095841", "36006666333344",      "36148900647913",      "36227206271667",
    "36259600000004",   "36700102000000",      "370000000000002",     "370000000100018",
    "371449635398431",  "374245455400126",     "378282246310005",     "378734493671000",
    "38520000023237",   "4000000000000002",    "4000000000000010",    "4000000000000028",
    "4000000000000036", "4000000000000044",    "4000000000000069",    "4000000000000077",
    "4000000000000093", "4000000000000101",    "4000000000000119",    "4000000000000127",
    "4000000000000341", "4000000000003220",    "4000000000009987",    "4000000000009995",
    "4000002500003155", "4000002760003184",    "4000056655665556",    "4000060000000006",
    "4000180000000002", "4000620000000007",    "4001590000000001",    "4001919257537193",
    "4007702835532454", "4012000033330026",    "4012000077777777",    "4012888888881881",
    "4035501000000008", "4111111111111111",    "4111112014267661",    "4166676667666746",
    "4222222222222",    "4242424242424242",    "4263982640269299",    "4293189100000008",
    "4444333322221111", "4646464646464644",    "4761739001010010",    "4761739001010119",
    "4917300800000000", "4917484589897107",    "4917610000000000",    "4988080000000000",
    "4988438843884305", "5019717010103742",    "5105105105105100",    "5136333333333335",
    "5200828282828210", "5425233430109903",    "5431111111111111",    "5454545454545454",
    "5500000000000004", "5555341244441115",    "5555444433331111",    "5555555555554444",
    "5577000055770004", "5585558555855583",    "6011000400000000",    "6011000990139424",
    "6011000991300009", "6011111111111117",    "6011601160116611",    "6011981111111113",
    "6200000000000005", "6200000000000047",    "6205500000000000004", "6243030000000001",
    "6304000000000000", "6331101999990016",    "6445644564456445",    "6555900000604105",
    "6759649826438453", "6799990100000000019",
};
static_assert(std::is_sorted(std::begin(kPublishedTestCards), std::end(kPublishedTestCards)));

bool is_published_test_card(std::string_view pan) {
  return std::binary_search(std::begin(kPublishedTestCards), std::end(kPublishedTestCards), pan);
}

// ISO 13616 IBAN registry: total IBAN length per country (SWIFT's registry, 89 countries).
struct IbanCountry {
  char code[2];
  std::uint8_t length;
};
constexpr IbanCountry kIbanCountries[] = {
    {{'A', 'D'}, 24}, {{'A', 'E'}, 23}, {{'A', 'L'}, 28}, {{'A', 'T'}, 20}, {{'A', 'Z'}, 28},
    {{'B', 'A'}, 20}, {{'B', 'E'}, 16}, {{'B', 'G'}, 22}, {{'B', 'H'}, 22}, {{'B', 'I'}, 27},
    {{'B', 'R'}, 29}, {{'B', 'Y'}, 28}, {{'C', 'H'}, 21}, {{'C', 'R'}, 22}, {{'C', 'Y'}, 28},
    {{'C', 'Z'}, 24}, {{'D', 'E'}, 22}, {{'D', 'J'}, 27}, {{'D', 'K'}, 18}, {{'D', 'O'}, 28},
    {{'E', 'E'}, 20}, {{'E', 'G'}, 29}, {{'E', 'S'}, 24}, {{'F', 'I'}, 18}, {{'F', 'K'}, 18},
    {{'F', 'O'}, 18}, {{'F', 'R'}, 27}, {{'G', 'B'}, 22}, {{'G', 'E'}, 22}, {{'G', 'I'}, 23},
    {{'G', 'L'}, 18}, {{'G', 'R'}, 27}, {{'G', 'T'}, 28}, {{'H', 'N'}, 28}, {{'H', 'R'}, 21},
    {{'H', 'U'}, 28}, {{'I', 'E'}, 22}, {{'I', 'L'}, 23}, {{'I', 'Q'}, 23}, {{'I', 'S'}, 26},
    {{'I', 'T'}, 27}, {{'J', 'O'}, 30}, {{'K', 'W'}, 30}, {{'K', 'Z'}, 20}, {{'L', 'B'}, 28},
    {{'L', 'C'}, 32}, {{'L', 'I'}, 21}, {{'L', 'T'}, 20}, {{'L', 'U'}, 20}, {{'L', 'V'}, 21},
    {{'L', 'Y'}, 25}, {{'M', 'C'}, 27}, {{'M', 'D'}, 24}, {{'M', 'E'}, 22}, {{'M', 'K'}, 19},
    {{'M', 'N'}, 20}, {{'M', 'R'}, 27}, {{'M', 'T'}, 31}, {{'M', 'U'}, 30}, {{'N', 'I'}, 28},
    {{'N', 'L'}, 18}, {{'N', 'O'}, 15}, {{'O', 'M'}, 23}, {{'P', 'K'}, 24}, {{'P', 'L'}, 28},
    {{'P', 'S'}, 29}, {{'P', 'T'}, 25}, {{'Q', 'A'}, 29}, {{'R', 'O'}, 24}, {{'R', 'S'}, 22},
    {{'R', 'U'}, 33}, {{'S', 'A'}, 24}, {{'S', 'C'}, 31}, {{'S', 'D'}, 18}, {{'S', 'E'}, 24},
    {{'S', 'I'}, 19}, {{'S', 'K'}, 24}, {{'S', 'M'}, 27}, {{'S', 'O'}, 23}, {{'S', 'T'}, 25},
    {{'S', 'V'}, 28}, {{'T', 'L'}, 23}, {{'T', 'N'}, 24}, {{'T', 'R'}, 26}, {{'U', 'A'}, 29},
    {{'V', 'A'}, 22}, {{'V', 'G'}, 24}, {{'X', 'K'}, 20}, {{'Y', 'E'}, 30},
};

int registered_iban_length(char first, char second) {
  for (const IbanCountry& country : kIbanCountries) {
    if (country.code[0] == first && country.code[1] == second) return country.length;
  }
  return -1;
}

// Track 1 and 2 expiry: YYMM with a real month.
bool plausible_expiry(std::string_view yymm) {
  if (yymm.size() != 4 || !internal::all_digits(yymm)) return false;
  const int month = digit_value(yymm[2]) * 10 + digit_value(yymm[3]);
  return month >= 1 && month <= 12;
}

// Printable characters of ISO 7813 track 1 other than the field separator and sentinels.
bool track1_name_char(char c) { return c >= ' ' && c <= '_' && c != '^' && c != '%' && c != '?'; }

bool track1(std::string_view text) {
  if (!text.empty() && text.front() == '%') text.remove_prefix(1);
  if (text.empty() || text.front() != 'B') return false;
  text.remove_prefix(1);
  const std::size_t pan_end = text.find('^');
  if (pan_end == std::string_view::npos) return false;
  const std::string_view pan = text.substr(0, pan_end);
  text.remove_prefix(pan_end + 1);
  const std::size_t name_end = text.find('^');
  if (name_end == std::string_view::npos || name_end < 2 || name_end > 26) return false;
  for (char c : text.substr(0, name_end)) {
    if (!track1_name_char(c)) return false;
  }
  text.remove_prefix(name_end + 1);
  if (!plausible_expiry(text.substr(0, 4))) return false;
  text.remove_prefix(4);
  if (!text.empty() && text.back() == '?') text.remove_suffix(1);
  for (char c : text) {
    if (!track1_name_char(c)) return false;
  }
  return internal::all_digits(pan) && credit_card(pan);
}

bool track2(std::string_view text) {
  if (!text.empty() && text.front() == ';') text.remove_prefix(1);
  const std::size_t pan_end = text.find('=');
  if (pan_end == std::string_view::npos) return false;
  const std::string_view pan = text.substr(0, pan_end);
  text.remove_prefix(pan_end + 1);
  if (!plausible_expiry(text.substr(0, 4))) return false;
  text.remove_prefix(4);
  if (!text.empty() && text.back() == '?') text.remove_suffix(1);
  return internal::all_digits(pan) && (text.empty() || internal::all_digits(text)) &&
         credit_card(pan);
}

}  // namespace

bool credit_card(std::string_view match) {
  Compact pan;
  if (!internal::strip_separators(match, " -", pan, /*require_consistent=*/true)) return false;
  const std::string_view digits = pan.view();
  if (digits.size() < 13 || digits.size() > 19 || !internal::all_digits(digits)) return false;
  return known_brand(digits) && luhn(digits) && !internal::all_same(digits) &&
         !is_published_test_card(digits);
}

bool credit_card_track(std::string_view match) {
  if (match.empty()) return false;
  const char first = match.front();
  if (first == '%' || first == 'B') return track1(match);
  return track2(match);
}

bool iban(std::string_view match) {
  Compact compact;
  if (!internal::strip_separators(match, " -", compact, /*require_consistent=*/true)) {
    return false;
  }
  const std::string_view value = compact.view();
  if (value.size() < 15 || !is_upper(value[0]) || !is_upper(value[1]) || !is_digit(value[2]) ||
      !is_digit(value[3])) {
    return false;
  }
  if (static_cast<int>(value.size()) != registered_iban_length(value[0], value[1])) return false;
  // The BBAN is alphanumeric; registries write its letters in upper case.
  for (char c : value.substr(4)) {
    if (!is_digit(c) && !is_upper(c)) return false;
  }
  // Groups, when present, are the ISO 13616 paper format: blocks of four from the left.
  if (value.size() != match.size()) {
    for (std::size_t i = 4; i < match.size(); i += 5) {
      if (match[i] != ' ' && match[i] != '-') return false;
    }
  }
  // Move country code and check digits to the end; mod 97 of the whole must be 1.
  std::array<char, Compact::kCapacity> rearranged{};
  const std::size_t bban_size = value.size() - 4;
  std::copy(value.begin() + 4, value.end(), rearranged.begin());
  std::copy(value.begin(), value.begin() + 4, rearranged.begin() + bban_size);
  return iso7064_mod97_10(std::string_view(rearranged.data(), value.size()));
}

}  // namespace tamis::validators
