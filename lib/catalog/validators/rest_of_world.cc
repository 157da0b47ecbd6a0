// Australia (TFN), Brazil (CPF, CNPJ) and India (Aadhaar).
#include <array>

#include "catalog/validators.h"
#include "catalog/validators/compact.h"

namespace tamis::validators {
namespace {

using internal::all_digits;
using internal::Compact;
using internal::digit_value;

// Brazil's mod-11 check digit over `digits` with the given weights (Receita Federal): the
// remainder r of the weighted sum gives 0 when r < 2, else 11 - r.
template <std::size_t N>
int brazil_check_digit(std::string_view digits, const std::array<int, N>& weights) {
  int sum = 0;
  for (std::size_t i = 0; i < N; ++i) sum += digit_value(digits[i]) * weights[i];
  const int remainder = sum % 11;
  return remainder < 2 ? 0 : 11 - remainder;
}

}  // namespace

bool australia_tfn(std::string_view match) {
  Compact tfn;
  const bool shaped = internal::compact_groups(match, {3, 3, 3}, " -", tfn) ||
                      internal::compact_groups(match, {3, 3, 2}, " -", tfn);
  const std::string_view digits = tfn.view();
  if (!shaped || !all_digits(digits) || internal::all_same(digits)) return false;
  // ATO weights: 9-digit TFNs 1 4 3 7 5 8 6 9 10; legacy 8-digit TFNs 10 7 8 4 6 3 5 1. The
  // weighted sum of a valid number is a multiple of 11.
  constexpr std::array<int, 9> kNineDigitWeights = {1, 4, 3, 7, 5, 8, 6, 9, 10};
  constexpr std::array<int, 8> kEightDigitWeights = {10, 7, 8, 4, 6, 3, 5, 1};
  int sum = 0;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    const int weight = digits.size() == 9 ? kNineDigitWeights[i] : kEightDigitWeights[i];
    sum += digit_value(digits[i]) * weight;
  }
  return sum % 11 == 0;
}

bool brazil_cpf(std::string_view match) {
  Compact cpf;
  std::string_view rest = match;
  if (rest.size() == 14) {  // 111.444.777-35
    if (rest[3] != '.' || rest[7] != '.' || rest[11] != '-') return false;
    for (std::size_t i = 0; i < rest.size(); ++i) {
      if (i != 3 && i != 7 && i != 11) cpf.push(rest[i]);
    }
  } else if (!internal::compact_groups(rest, {11}, "", cpf) &&
             !internal::compact_groups(rest, {9, 2}, "-", cpf)) {
    return false;
  }
  const std::string_view digits = cpf.view();
  if (digits.size() != 11 || !all_digits(digits) || internal::all_same(digits)) return false;
  constexpr std::array<int, 9> kFirstWeights = {10, 9, 8, 7, 6, 5, 4, 3, 2};
  constexpr std::array<int, 10> kSecondWeights = {11, 10, 9, 8, 7, 6, 5, 4, 3, 2};
  return brazil_check_digit(digits, kFirstWeights) == digit_value(digits[9]) &&
         brazil_check_digit(digits, kSecondWeights) == digit_value(digits[10]);
}

bool brazil_cnpj(std::string_view match) {
  Compact cnpj;
  std::string_view rest = match;
  if (rest.size() == 18) {  // 11.222.333/0001-81
    if (rest[2] != '.' || rest[6] != '.' || rest[10] != '/' || rest[15] != '-') return false;
    for (std::size_t i = 0; i < rest.size(); ++i) {
      if (i != 2 && i != 6 && i != 10 && i != 15) cnpj.push(rest[i]);
    }
  } else if (!internal::compact_groups(rest, {14}, "", cnpj) &&
             !internal::compact_groups(rest, {12, 2}, "-", cnpj)) {
    return false;
  }
  const std::string_view digits = cnpj.view();
  if (digits.size() != 14 || !all_digits(digits) || internal::all_same(digits)) return false;
  constexpr std::array<int, 12> kFirstWeights = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
  constexpr std::array<int, 13> kSecondWeights = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
  return brazil_check_digit(digits, kFirstWeights) == digit_value(digits[12]) &&
         brazil_check_digit(digits, kSecondWeights) == digit_value(digits[13]);
}

bool india_aadhaar(std::string_view match) {
  Compact aadhaar;
  if (!internal::compact_groups(match, {4, 4, 4}, " -", aadhaar)) return false;
  const std::string_view digits = aadhaar.view();
  // UIDAI never issues numbers starting with 0 or 1.
  if (!all_digits(digits) || digits.front() == '0' || digits.front() == '1') return false;
  return verhoeff(digits) && !internal::all_same(digits);
}

}  // namespace tamis::validators
