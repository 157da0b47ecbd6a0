// The generic check-digit algorithms the family validators build on.
#include "catalog/validators.h"
#include "catalog/validators/compact.h"

namespace tamis::validators {

using internal::all_digits;
using internal::digit_value;
using internal::is_digit;
using internal::is_upper;

bool luhn(std::string_view digits) {
  if (digits.size() < 2 || !all_digits(digits)) return false;
  int sum = 0;
  bool double_it = false;  // the rightmost digit (the check digit) is not doubled
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = digit_value(*it);
    if (double_it) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double_it = !double_it;
  }
  return sum % 10 == 0;
}

bool iso7064_mod97_10(std::string_view alnum) {
  if (alnum.size() < 2) return false;
  // Letters expand to two digits (A=10 .. Z=35); the remainder is folded as we go so no big
  // integer is ever needed.
  int remainder = 0;
  for (char c : alnum) {
    if (is_digit(c)) {
      remainder = (remainder * 10 + digit_value(c)) % 97;
    } else if (is_upper(c)) {
      remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
    } else {
      return false;
    }
  }
  return remainder == 1;
}

bool iso7064_mod11_10(std::string_view digits) {
  if (digits.size() < 2 || !all_digits(digits)) return false;
  int product = 10;
  for (std::size_t i = 0; i + 1 < digits.size(); ++i) {
    int sum = (digit_value(digits[i]) + product) % 10;
    if (sum == 0) sum = 10;
    product = (sum * 2) % 11;
  }
  int check = 11 - product;
  if (check == 10) check = 0;
  return check == digit_value(digits.back());
}

namespace {

// Verhoeff's dihedral group D5: multiplication, position permutation and (implicitly) inverse.
constexpr int kVerhoeffMultiply[10][10] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
    {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
    {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
    {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
constexpr int kVerhoeffPermute[8][10] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
    {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
    {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};

// ICAO 9303 character values: digits as themselves, A-Z = 10-35, the filler '<' = 0.
int icao_value(char c) {
  if (is_digit(c)) return digit_value(c);
  if (is_upper(c)) return c - 'A' + 10;
  if (c == '<') return 0;
  return -1;
}

}  // namespace

bool verhoeff(std::string_view digits) {
  if (digits.size() < 2 || !all_digits(digits)) return false;
  int check = 0;
  std::size_t position = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it, ++position) {
    check = kVerhoeffMultiply[check][kVerhoeffPermute[position % 8][digit_value(*it)]];
  }
  return check == 0;
}

bool icao9303_check(std::string_view field, char check_digit) {
  if (field.empty() || !is_digit(check_digit)) return false;
  constexpr int kWeights[3] = {7, 3, 1};
  int sum = 0;
  for (std::size_t i = 0; i < field.size(); ++i) {
    const int value = icao_value(field[i]);
    if (value < 0) return false;
    sum += value * kWeights[i % 3];
  }
  return sum % 10 == digit_value(check_digit);
}

}  // namespace tamis::validators
