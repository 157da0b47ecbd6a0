#include "decoys.h"

#include <array>
#include <cstdio>

#include "values.h"

namespace tamis::corpus::decoys {
namespace {

bool passes_luhn(std::string_view digits) {
  int sum = 0;
  bool doubled = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = *it - '0';
    if (doubled) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
    doubled = !doubled;
  }
  return sum % 10 == 0;
}

// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
void civil_from_days(std::int64_t days, int& year, unsigned& month, unsigned& day) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  day = doy - (153 * mp + 2) / 5 + 1;
  month = mp < 10 ? mp + 3 : mp - 9;
  year = static_cast<int>(yoe) + static_cast<int>(era) * 400 + (month <= 2 ? 1 : 0);
}

constexpr std::uint64_t kEpoch = 1717200000;  // 2024-06-01T00:00:00Z

}  // namespace

std::string order_id(Rng& rng) {
  std::string out = "ORD-";
  out.append(date(rng.below(86400 * 30)).substr(0, 4));
  out.push_back('-');
  out.append(values::digits(rng, 7));
  return out;
}

std::string amount(Rng& rng) {
  std::array<char, 32> text{};
  std::snprintf(text.data(), text.size(), "%u.%02u", static_cast<unsigned>(rng.between(1, 4999)),
                static_cast<unsigned>(rng.below(100)));
  return text.data();
}

std::string sixteen_digit_id(Rng& rng) {
  std::string id;
  do {
    id = values::digits(rng, 16);
  } while (passes_luhn(id) || id[0] == '0');
  return id;
}

std::string nine_digit_number(Rng& rng) {
  std::string out(1, rng.pick("123456789"));
  out.append(values::digits(rng, 8));
  return out;
}

std::string uuid(Rng& rng) {
  std::string out = hex(rng, 8);
  out.push_back('-');
  out.append(hex(rng, 4));
  out.append("-4");
  out.append(hex(rng, 3));
  out.push_back('-');
  out.push_back(rng.pick("89ab"));
  out.append(hex(rng, 3));
  out.push_back('-');
  out.append(hex(rng, 12));
  return out;
}

std::string hex(Rng& rng, std::size_t count) {
  return values::from_alphabet(rng, "0123456789abcdef", count);
}

std::string ipv4(Rng& rng) {
  std::array<char, 20> text{};
  std::snprintf(text.data(), text.size(), "10.%u.%u.%u", static_cast<unsigned>(rng.below(256)),
                static_cast<unsigned>(rng.below(256)), static_cast<unsigned>(rng.between(1, 254)));
  return text.data();
}

std::string phone_like(Rng& rng) {
  switch (rng.below(3)) {
    case 0:
      return "ext. " + values::digits(rng, 4);
    case 1: {
      std::string out = "REF ";
      out.append(values::digits(rng, 3)).append("-").append(values::digits(rng, 4));
      out.append("-").append(values::digits(rng, 2));
      return out;
    }
    default: {
      std::string out = "build 24.";
      out.append(values::digits(rng, 2)).append(".").append(values::digits(rng, 4));
      return out;
    }
  }
}

std::string timestamp(std::uint64_t seconds, std::uint64_t millis) {
  const std::uint64_t absolute = kEpoch + seconds;
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  civil_from_days(static_cast<std::int64_t>(absolute / 86400), year, month, day);
  const std::uint64_t in_day = absolute % 86400;
  std::array<char, 40> text{};
  std::snprintf(text.data(), text.size(), "%04d-%02u-%02uT%02u:%02u:%02u.%03uZ", year, month, day,
                static_cast<unsigned>(in_day / 3600), static_cast<unsigned>(in_day / 60 % 60),
                static_cast<unsigned>(in_day % 60), static_cast<unsigned>(millis % 1000));
  return text.data();
}

std::string date(std::uint64_t seconds) { return timestamp(seconds, 0).substr(0, 10); }

}  // namespace tamis::corpus::decoys
