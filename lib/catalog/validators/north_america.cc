// United States and Canada: SSN and ITIN (SSA / IRS allocation rules, no check digit) and the
// Canadian SIN (Luhn).
#include "catalog/validators.h"
#include "catalog/validators/compact.h"

namespace tamis::validators {
namespace {

using internal::Compact;
using internal::parse_small_number;

// SSNs and ITINs print as AAA-GG-SSSS, with hyphens, spaces or nothing.
bool compact_ssn_shape(std::string_view match, Compact& out) {
  return internal::compact_groups(match, {3, 2, 4}, "- ", out) && internal::all_digits(out.view());
}

}  // namespace

bool usa_ssn(std::string_view match) {
  Compact ssn;
  if (!compact_ssn_shape(match, ssn)) return false;
  const std::string_view digits = ssn.view();
  const int area = parse_small_number(digits.substr(0, 3));
  const int group = parse_small_number(digits.substr(3, 2));
  const int serial = parse_small_number(digits.substr(5, 4));
  // SSA never assigns area 000, 666 or 900-999 (the last are ITINs and advertising numbers),
  // group 00 or serial 0000.
  if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) return false;
  // Numbers printed on a wallet insert (Woolworth, 1938) and in an SSA advertising leaflet, used
  // by thousands of people but never anyone's own.
  return digits != "078051120" && digits != "219099999";
}

bool usa_itin(std::string_view match) {
  Compact itin;
  if (!compact_ssn_shape(match, itin)) return false;
  const std::string_view digits = itin.view();
  if (digits.front() != '9') return false;
  // IRS ITIN group ranges: 50-65, 70-88, 90-92 and 94-99 (93 and 89 are not used for ITINs).
  const int group = parse_small_number(digits.substr(3, 2));
  return (group >= 50 && group <= 65) || (group >= 70 && group <= 88) ||
         (group >= 90 && group <= 92) || (group >= 94 && group <= 99);
}

bool canada_sin(std::string_view match) {
  Compact sin;
  if (!internal::compact_groups(match, {3, 3, 3}, "- ", sin)) return false;
  const std::string_view digits = sin.view();
  if (!internal::all_digits(digits)) return false;
  // First digit 0 is unassigned (used in examples such as 046 454 286) and 8 is reserved for
  // business numbers; the province digits are 1-7 and 9 (temporary residents).
  if (digits.front() == '0' || digits.front() == '8') return false;
  return luhn(digits) && !internal::all_same(digits);
}

}  // namespace tamis::validators
