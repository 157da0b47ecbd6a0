// European personal identifiers: UK (NINO, DVLA driving licence), France (NIR, numéro fiscal),
// Germany (ID card serial, Steuer-IdNr), Italy (codice fiscale) and Spain (DNI, NIE, NIF, CIF,
// social security number).
#include <algorithm>
#include <array>
#include <cstdint>

#include "catalog/validators.h"
#include "catalog/validators/compact.h"

namespace tamis::validators {
namespace {

using internal::all_digits;
using internal::Compact;
using internal::digit_value;
using internal::is_digit;
using internal::is_upper;
using internal::parse_small_number;

bool contains_char(std::string_view set, char c) { return set.find(c) != std::string_view::npos; }

// ---- UK ----------------------------------------------------------------------------------------

// HMRC: neither prefix letter is D, F, I, Q, U or V; the second is not O; and these pairs are
// never allocated (BG, GB, NK, KN, TN, NT, ZZ are administrative or temporary).
bool valid_nino_prefix(char first, char second) {
  constexpr std::string_view kNeverUsed = "DFIQUV";
  if (!is_upper(first) || !is_upper(second)) return false;
  if (contains_char(kNeverUsed, first) || contains_char(kNeverUsed, second) || second == 'O') {
    return false;
  }
  constexpr std::string_view kUnallocated[] = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"};
  const char pair[2] = {first, second};
  for (std::string_view unallocated : kUnallocated) {
    if (unallocated == std::string_view(pair, 2)) return false;
  }
  return true;
}

int days_in_month(int month) {
  constexpr int kDays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return kDays[month - 1];
}

// ---- France ------------------------------------------------------------------------------------

// Mod 97 of a run of decimal digits, folded so it never overflows.
int mod97_of_digits(std::string_view digits) {
  int remainder = 0;
  for (char c : digits) remainder = (remainder * 10 + digit_value(c)) % 97;
  return remainder;
}

// ---- Italy -------------------------------------------------------------------------------------

// Omocodia: when two people would share a code, the Agenzia delle Entrate replaces digits, from
// the right, by these letters (L = 0 ... V = 9).
constexpr std::string_view kOmocodiaLetters = "LMNPQRSTUV";

int omocodia_digit(char c) {
  if (is_digit(c)) return digit_value(c);
  const std::size_t at = kOmocodiaLetters.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

// Values of characters in odd positions (1st, 3rd, ...), indexed by digit or letter (0-9 and
// A-J share values, as the ministerial decree of 1976 defines them).
constexpr std::array<int, 26> kOddPositionValues = {
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};

int codice_fiscale_value(char c, bool odd_position) {
  const int index = is_digit(c) ? digit_value(c) : c - 'A';
  return odd_position ? kOddPositionValues[static_cast<std::size_t>(index)] : index;
}

// ---- Spain -------------------------------------------------------------------------------------

constexpr std::string_view kDniLetters = "TRWAGMYFPDXBNJZSQVHLCKE";

char dni_letter(int number) { return kDniLetters[static_cast<std::size_t>(number % 23)]; }

// Splits "<prefix letter>[- ]<7 digits>[- ]<control>" (NIE, K/L/M NIF, CIF) into its three parts;
// each separator is optional but, when both are present, they must agree.
struct LetterForm {
  char letter;
  std::string_view digits;
  char control;
};

bool split_letter_form(std::string_view match, LetterForm& out) {
  if (match.size() < 9 || match.size() > 11) return false;
  out.letter = match.front();
  std::string_view rest = match.substr(1);
  char first_separator = '\0';
  if (rest.front() == '-' || rest.front() == ' ') {
    first_separator = rest.front();
    rest.remove_prefix(1);
  }
  if (rest.size() < 8) return false;
  out.digits = rest.substr(0, 7);
  rest.remove_prefix(7);
  if (rest.size() == 2) {
    if (rest.front() != '-' && rest.front() != ' ') return false;
    if (first_separator != '\0' && first_separator != rest.front()) return false;
    rest.remove_prefix(1);
  }
  if (rest.size() != 1) return false;
  out.control = rest.front();
  return all_digits(out.digits);
}

// CIF control (Orden EHA/451/2008): digits in odd places are doubled and their digits summed,
// even places added; the control is (10 - sum mod 10) mod 10, as a digit or as the letter
// "JABCDEFGHI"[control]. Public bodies, foreign entities and others (N P Q R S W) use the letter;
// companies (A B E H) the digit; the remaining types are seen with either.
bool valid_cif(const LetterForm& form) {
  constexpr std::string_view kCifTypes = "ABCDEFGHJNPQRSUVW";
  if (!contains_char(kCifTypes, form.letter)) return false;
  int sum = 0;
  for (std::size_t i = 0; i < 7; ++i) {
    int d = digit_value(form.digits[i]);
    if (i % 2 == 0) {
      d *= 2;
      d = d / 10 + d % 10;
    }
    sum += d;
  }
  const int control = (10 - sum % 10) % 10;
  const char as_digit = static_cast<char>('0' + control);
  const char as_letter = "JABCDEFGHI"[control];
  if (contains_char("NPQRSW", form.letter)) return form.control == as_letter;
  if (contains_char("ABEH", form.letter)) return form.control == as_digit;
  return form.control == as_digit || form.control == as_letter;
}

bool personal_nif_with_letter(std::string_view match) {
  LetterForm form{};
  if (!split_letter_form(match, form) || !contains_char("KLM", form.letter)) return false;
  return !internal::all_same(form.digits) &&
         form.control == dni_letter(parse_small_number(form.digits));
}

}  // namespace

bool uk_nino(std::string_view match) {
  Compact nino;
  if (!internal::compact_groups(match, {2, 2, 2, 2, 1}, " ", nino) &&
      !internal::compact_groups(match, {2, 6, 1}, " ", nino)) {
    return false;
  }
  const std::string_view value = nino.view();
  return valid_nino_prefix(value[0], value[1]) && all_digits(value.substr(2, 6)) &&
         value[8] >= 'A' && value[8] <= 'D';
}

bool uk_driving_licence(std::string_view match) {
  if (match.size() != 16) return false;
  // Surname: up to five letters, padded on the right with 9s.
  bool padding = false;
  for (std::size_t i = 0; i < 5; ++i) {
    const char c = match[i];
    if (c == '9' && i > 0) {
      padding = true;
    } else if (!is_upper(c) || padding) {
      return false;
    }
  }
  const std::string_view birth = match.substr(5, 6);  // decade, month(+50), day, year
  if (!all_digits(birth)) return false;
  int month = parse_small_number(birth.substr(1, 2));
  if (month > 50) month -= 50;  // women's licences add 5 to the month's tens digit
  if (month < 1 || month > 12) return false;
  const int day = parse_small_number(birth.substr(3, 2));
  if (day < 1 || day > days_in_month(month)) return false;
  // Initials: the first is a letter, a missing middle initial is 9.
  if (!is_upper(match[11]) || !(is_upper(match[12]) || match[12] == '9')) return false;
  if (!is_digit(match[13])) return false;
  // Two computer-generated check characters close the number.
  return internal::is_alnum(match[14]) && internal::is_alnum(match[15]);
}

bool france_insee(std::string_view match) {
  Compact nir;
  if (!internal::compact_groups(match, {15}, "", nir) &&
      !internal::compact_groups(match, {1, 2, 2, 2, 3, 3, 2}, " ", nir)) {
    return false;
  }
  std::array<char, 13> number{};
  const std::string_view value = nir.view();
  if (!contains_char("1278", value[0])) return false;
  const int month = parse_small_number(value.substr(3, 2));
  if (month < 1 || (month > 12 && month < 20) || (month > 42 && month < 50)) return false;
  // Corsica's departments 2A and 2B count as 19 and 18 in the key computation.
  for (std::size_t i = 0; i < 13; ++i) number[i] = value[i];
  const std::string_view department = value.substr(5, 2);
  if (department == "2A" || department == "2B") {
    number[5] = '1';
    number[6] = department[1] == 'A' ? '9' : '8';
  }
  const std::string_view digits(number.data(), number.size());
  const std::string_view key_text = value.substr(13, 2);
  if (!all_digits(digits) || !all_digits(key_text)) return false;
  return parse_small_number(key_text) == 97 - mod97_of_digits(digits);
}

bool france_tax_id(std::string_view match) {
  Compact spi;
  if (!internal::compact_groups(match, {13}, "", spi) &&
      !internal::compact_groups(match, {2, 2, 3, 3, 3}, " ", spi)) {
    return false;
  }
  const std::string_view digits = spi.view();
  if (!all_digits(digits) || digits.front() > '3' || internal::all_same(digits)) return false;
  std::uint64_t first_ten = 0;
  for (char c : digits.substr(0, 10))
    first_ten = first_ten * 10 + static_cast<unsigned>(digit_value(c));
  return static_cast<int>(first_ten % 511) == parse_small_number(digits.substr(10, 3));
}

bool germany_id_card(std::string_view match) {
  constexpr std::string_view kSerialAlphabet = "CFGHJKLMNPRTVWXYZ0123456789";
  if (match.size() != 9 && match.size() != 10) return false;
  const std::string_view serial = match.substr(0, 9);
  for (char c : serial) {
    if (!contains_char(kSerialAlphabet, c)) return false;
  }
  if (internal::all_same(serial)) return false;
  if (match.size() == 10) return icao9303_check(serial, match[9]);
  // A bare 9-character serial has no check digit; only new-style serials start with a letter.
  return is_upper(serial.front());
}

bool germany_tax_id(std::string_view match) {
  Compact idnr;
  if (!internal::compact_groups(match, {11}, "", idnr) &&
      !internal::compact_groups(match, {2, 3, 3, 3}, " ", idnr)) {
    return false;
  }
  const std::string_view digits = idnr.view();
  if (!all_digits(digits) || digits.front() == '0') return false;
  // In the first ten digits exactly one digit occurs twice or three times and no other repeats.
  std::array<int, 10> counts{};
  for (char c : digits.substr(0, 10)) ++counts[static_cast<std::size_t>(digit_value(c))];
  int repeated = 0;
  for (int count : counts) {
    if (count > 3) return false;
    if (count > 1) ++repeated;
  }
  return repeated == 1 && iso7064_mod11_10(digits);
}

bool italy_codice_fiscale(std::string_view match) {
  if (match.size() != 16) return false;
  constexpr std::string_view kMonthLetters = "ABCDEHLMPRST";
  for (std::size_t i : {0, 1, 2, 3, 4, 5, 8, 11, 15}) {
    if (!is_upper(match[i])) return false;
  }
  for (std::size_t i : {6, 7, 9, 10, 12, 13, 14}) {
    if (omocodia_digit(match[i]) < 0) return false;
  }
  if (!contains_char(kMonthLetters, match[8])) return false;
  const int day = omocodia_digit(match[9]) * 10 + omocodia_digit(match[10]);
  // Women's codes add 40 to the day of birth.
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return false;
  int sum = 0;
  for (std::size_t i = 0; i < 15; ++i) sum += codice_fiscale_value(match[i], i % 2 == 0);
  return match[15] == static_cast<char>('A' + sum % 26);
}

bool spain_dni(std::string_view match) {
  Compact compact;
  std::string_view rest = match;
  // Digits, optionally dotted as 12.345.678.
  if (rest.size() >= 10 && rest[2] == '.' && rest[6] == '.') {
    for (std::size_t i = 0; i < 10; ++i) {
      if (i != 2 && i != 6 && !compact.push(rest[i])) return false;
    }
    rest.remove_prefix(10);
  } else {
    for (std::size_t i = 0; i < 8 && i < rest.size(); ++i) compact.push(rest[i]);
    rest.remove_prefix(std::min<std::size_t>(8, rest.size()));
  }
  if (rest.size() == 2 && (rest.front() == '-' || rest.front() == ' ')) rest.remove_prefix(1);
  if (rest.size() != 1) return false;
  const std::string_view digits = compact.view();
  if (digits.size() != 8 || !all_digits(digits) || internal::all_same(digits)) return false;
  return rest.front() == dni_letter(parse_small_number(digits));
}

bool spain_nie(std::string_view match) {
  LetterForm form{};
  if (!split_letter_form(match, form)) return false;
  const int prefix = form.letter == 'X' ? 0 : form.letter == 'Y' ? 1 : form.letter == 'Z' ? 2 : -1;
  if (prefix < 0 || internal::all_same(form.digits)) return false;
  return form.control == dni_letter(prefix * 10'000'000 + parse_small_number(form.digits));
}

bool spain_nif(std::string_view match) {
  return spain_dni(match) || spain_nie(match) || personal_nif_with_letter(match);
}

bool spain_tax_id(std::string_view match) {
  if (spain_nif(match)) return true;
  LetterForm form{};
  return split_letter_form(match, form) && !internal::all_same(form.digits) && valid_cif(form);
}

bool spain_ssn(std::string_view match) {
  Compact naf;
  if (!internal::compact_groups(match, {2, 8, 2}, "/- ", naf)) return false;
  const std::string_view digits = naf.view();
  if (!all_digits(digits)) return false;
  // Province codes 01-52 plus 53 (assigned centrally); 00 and higher values are not issued.
  const int province = parse_small_number(digits.substr(0, 2));
  if (province < 1 || province > 53) return false;
  const int number = parse_small_number(digits.substr(2, 8));
  if (number == 0) return false;
  // TGSS rule: numbers below 10,000,000 are keyed on province * 10^7 + number, the others on the
  // plain concatenation.
  const std::uint64_t keyed = number < 10'000'000
                                  ? static_cast<std::uint64_t>(province) * 10'000'000 + number
                                  : static_cast<std::uint64_t>(province) * 100'000'000 + number;
  return static_cast<int>(keyed % 97) == parse_small_number(digits.substr(10, 2));
}

}  // namespace tamis::validators
