#include "values.h"

#include <array>
#include <cstdint>
#include <cstdio>

#include "words.h"

namespace tamis::corpus::values {
namespace {

constexpr std::string_view kDigits = "0123456789";
constexpr std::string_view kUpper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr std::string_view kBase62 =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr std::string_view kBase64 =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kBase64Url =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

char luhn_check_digit(std::string_view payload) {
  // Doubling starts at the rightmost payload digit, since the check digit will follow it.
  int sum = 0;
  bool doubled = true;
  for (auto it = payload.rbegin(); it != payload.rend(); ++it) {
    int d = *it - '0';
    if (doubled) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
    doubled = !doubled;
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

std::string group_digits(std::string_view digits, std::initializer_list<int> sizes,
                         char separator) {
  std::string out;
  std::size_t at = 0;
  for (int size : sizes) {
    if (!out.empty()) out.push_back(separator);
    out.append(digits.substr(at, static_cast<std::size_t>(size)));
    at += static_cast<std::size_t>(size);
  }
  return out;
}

char separator_of(Grouping grouping) { return grouping == Grouping::kHyphens ? '-' : ' '; }

std::uint32_t crc32(std::string_view bytes) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (char c : bytes) {
    crc ^= static_cast<unsigned char>(c);
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

// mod 97 of an IBAN rearranged (BBAN, country, "00") with letters as 10..35.
int iban_remainder(std::string_view rearranged) {
  int remainder = 0;
  for (char c : rearranged) {
    if (c >= '0' && c <= '9') {
      remainder = (remainder * 10 + (c - '0')) % 97;
    } else {
      remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
    }
  }
  return remainder;
}

std::string random_base64_text(Rng& rng, std::size_t count, std::string_view alphabet) {
  return from_alphabet(rng, alphabet, count);
}

bool has_upper_and_lower(std::string_view text) {
  bool upper = false;
  bool lower = false;
  for (char c : text) {
    upper = upper || (c >= 'A' && c <= 'Z');
    lower = lower || (c >= 'a' && c <= 'z');
  }
  return upper && lower;
}

std::string pem_body(Rng& rng, std::string_view fixed_start, std::size_t lines,
                     std::size_t line_length, std::string_view eol) {
  std::string body(fixed_start);
  body.append(random_base64_text(rng, line_length - fixed_start.size(), kBase64));
  body.append(eol);
  for (std::size_t i = 1; i < lines; ++i) {
    body.append(random_base64_text(rng, line_length, kBase64));
    body.append(eol);
  }
  return body;
}

// Passwords people actually set: letters and digits with a symbol or two, never a character that
// would end the URL's userinfo or need percent-encoding.
std::string password(Rng& rng) {
  std::string out = from_alphabet(rng, kBase62, rng.between(8, 16));
  if (rng.chance(500'000)) out.insert(rng.below(out.size()), 1, rng.pick("!*-_.~"));
  return out;
}

}  // namespace

std::string digits(Rng& rng, std::size_t count) { return from_alphabet(rng, kDigits, count); }

std::string from_alphabet(Rng& rng, std::string_view alphabet, std::size_t count) {
  std::string out(count, ' ');
  for (char& c : out) c = rng.pick(alphabet);
  return out;
}

std::string base64(std::string_view bytes, bool url_safe) {
  const std::string_view alphabet = url_safe ? kBase64Url : kBase64;
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const std::uint32_t n = (std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16) |
                            (std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8) |
                            std::uint32_t{static_cast<unsigned char>(bytes[i + 2])};
    for (int shift = 18; shift >= 0; shift -= 6) out.push_back(alphabet[(n >> shift) & 63]);
  }
  const std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    std::uint32_t n = std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16;
    if (rest == 2) n |= std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8;
    out.push_back(alphabet[(n >> 18) & 63]);
    out.push_back(alphabet[(n >> 12) & 63]);
    if (rest == 2) out.push_back(alphabet[(n >> 6) & 63]);
    // JWS (RFC 7515) is unpadded; standard base64 in headers is padded.
    if (!url_safe) out.append(rest == 1 ? "==" : "=");
  }
  return out;
}

Grouping any_grouping(Rng& rng) {
  constexpr Grouping kGroupings[] = {Grouping::kNone, Grouping::kSpaces, Grouping::kHyphens};
  return rng.pick(kGroupings);
}

std::string credit_card(Rng& rng, Grouping grouping) {
  struct Brand {
    std::string_view prefix;
    std::size_t length;
  };
  constexpr Brand kBrands[] = {
      {"4", 16},    {"4", 16},  {"51", 16}, {"53", 16},   {"55", 16}, {"2221", 16},
      {"2720", 16}, {"34", 15}, {"37", 15}, {"6011", 16}, {"65", 16}, {"3528", 16},
      {"3589", 16}, {"4", 16},  {"52", 16}, {"54", 16},
  };
  const Brand& brand = rng.pick(kBrands);
  std::string number(brand.prefix);
  number.append(digits(rng, brand.length - brand.prefix.size() - 1));
  number.push_back(luhn_check_digit(number));
  if (grouping == Grouping::kNone) return number;
  if (brand.length == 15) return group_digits(number, {4, 6, 5}, separator_of(grouping));
  return group_digits(number, {4, 4, 4, 4}, separator_of(grouping));
}

std::string usa_ssn(Rng& rng, Grouping grouping) {
  std::uint64_t area = 0;
  do {
    area = rng.between(1, 899);
  } while (area == 666);
  const std::uint64_t group = rng.between(1, 99);
  const std::uint64_t serial = rng.between(1, 9999);
  std::array<char, 10> text{};
  std::snprintf(text.data(), text.size(), "%03u%02u%04u", static_cast<unsigned>(area),
                static_cast<unsigned>(group), static_cast<unsigned>(serial));
  const std::string_view ssn(text.data(), 9);
  if (grouping == Grouping::kNone) return std::string(ssn);
  return group_digits(ssn, {3, 2, 4}, separator_of(grouping));
}

std::string usa_passport(Rng& rng) {
  if (rng.chance(400'000)) {
    std::string out(1, rng.pick("ACEFGHJKLMNPRSTUVWXYZ"));
    out.push_back(rng.pick("123456789"));
    out.append(digits(rng, 7));
    return out;
  }
  std::string out(1, rng.pick("123456789"));
  out.append(digits(rng, 8));
  return out;
}

std::string uk_nino(Rng& rng, bool spaced) {
  constexpr std::string_view kFirst = "ABCEGHJKLMNPRSTWXYZ";
  constexpr std::string_view kSecond = "ABCEGHJKLMNPRSTWXYZ";
  constexpr std::string_view kRefused[] = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"};
  std::string prefix;
  bool refused = true;
  while (refused) {
    prefix = {rng.pick(kFirst), rng.pick(kSecond)};
    refused = false;
    for (std::string_view bad : kRefused) refused = refused || prefix == bad;
  }
  const std::string number = digits(rng, 6);
  const char suffix = rng.pick("ABCD");
  std::string out = prefix;
  if (spaced) {
    out.push_back(' ');
    out.append(group_digits(number, {2, 2, 2}, ' '));
    out.push_back(' ');
  } else {
    out.append(number);
  }
  out.push_back(suffix);
  return out;
}

const IbanCountry& any_iban_country(Rng& rng) {
  static constexpr IbanCountry kCountries[] = {
      {"DE", "GERMANY_BANK_ACCOUNT_NUMBER"}, {"FR", "FRANCE_BANK_ACCOUNT_NUMBER"},
      {"GB", "UK_BANK_ACCOUNT_NUMBER"},      {"ES", "SPAIN_BANK_ACCOUNT_NUMBER"},
      {"IT", "ITALY_BANK_ACCOUNT_NUMBER"},
  };
  return rng.pick(kCountries);
}

std::string iban(Rng& rng, const IbanCountry& country, bool grouped) {
  std::string bban;
  if (country.code == "DE") {
    bban = digits(rng, 18);
  } else if (country.code == "FR") {
    bban = digits(rng, 23);
  } else if (country.code == "GB") {
    bban = from_alphabet(rng, kUpper, 4) + digits(rng, 14);
  } else if (country.code == "ES") {
    bban = digits(rng, 20);
  } else {  // IT: CIN letter, ABI, CAB, 12-character account
    bban = std::string(1, rng.pick(kUpper)) + digits(rng, 22);
  }
  std::string rearranged = bban;
  rearranged.append(country.code);
  rearranged.append("00");
  const int check = 98 - iban_remainder(rearranged);
  std::string compact(country.code);
  compact.push_back(static_cast<char>('0' + check / 10));
  compact.push_back(static_cast<char>('0' + check % 10));
  compact.append(bban);
  if (!grouped) return compact;
  std::string out;
  for (std::size_t i = 0; i < compact.size(); i += 4) {
    if (i > 0) out.push_back(' ');
    out.append(compact.substr(i, 4));
  }
  return out;
}

std::string aws_access_key_id(Rng& rng) {
  return "AKIA" + from_alphabet(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
}

std::string aws_secret_key(Rng& rng) {
  std::string key;
  do {
    key = from_alphabet(rng, kBase64, 40);
  } while (!has_upper_and_lower(key));
  return key;
}

std::string github_token(Rng& rng) {
  const std::string entropy = from_alphabet(rng, kBase62, 30);
  std::uint64_t crc = crc32(entropy);
  std::string checksum(6, '0');
  for (std::size_t i = 6; i-- > 0;) {
    checksum[i] = kBase62[crc % 62];
    crc /= 62;
  }
  std::string out = "ghp_";
  out.append(entropy);
  out.append(checksum);
  return out;
}

std::string slack_bot_token(Rng& rng) {
  std::string out = "xoxb-";
  out.append(digits(rng, rng.between(10, 12)));
  out.push_back('-');
  out.append(digits(rng, 13));
  out.push_back('-');
  out.append(from_alphabet(rng, kBase62, 24));
  return out;
}

std::string stripe_secret_key(Rng& rng) {
  std::string out = rng.chance(700'000) ? "sk_live_" : "rk_live_";
  std::string body;
  do {
    body = from_alphabet(rng, kBase62, rng.chance(500'000) ? 24 : 99);
  } while (!has_upper_and_lower(body));
  out.append(body);
  return out;
}

std::string pkcs_private_key(Rng& rng, std::string_view eol) {
  // The first bytes of the DER structure are fixed by the key type, as in real keys.
  std::string out;
  if (rng.chance(500'000)) {
    out.append("-----BEGIN RSA PRIVATE KEY-----").append(eol);
    out.append(pem_body(rng, "MIIEowIBAAKCAQEA", 25, 64, eol));
    out.append(random_base64_text(rng, 24, kBase64)).append(eol);
    out.append("-----END RSA PRIVATE KEY-----");
  } else {
    out.append("-----BEGIN PRIVATE KEY-----").append(eol);
    out.append(pem_body(rng, "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", 25, 64, eol));
    out.append(random_base64_text(rng, 40, kBase64)).append(eol);
    out.append("-----END PRIVATE KEY-----");
  }
  return out;
}

std::string openssh_private_key(Rng& rng, std::string_view eol) {
  std::string out = "-----BEGIN OPENSSH PRIVATE KEY-----";
  out.append(eol);
  // "openssh-key-v1\0", cipher "none", kdf "none": the fixed start of every unencrypted key.
  out.append(pem_body(rng, "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW",
                      6, 70, eol));
  out.append(random_base64_text(rng, 8, kBase64)).append("==").append(eol);
  out.append("-----END OPENSSH PRIVATE KEY-----");
  return out;
}

std::string basic_auth_header(Rng& rng) {
  std::string credentials(words::any_user_name(rng));
  credentials.push_back(':');
  credentials.append(password(rng));
  std::string out = rng.chance(800'000) ? "Authorization: Basic " : "authorization: basic ";
  out.append(base64(credentials, false));
  return out;
}

std::string database_url(Rng& rng) {
  constexpr std::string_view kSchemes[] = {"postgres", "postgresql", "mysql",
                                           "mongodb",  "redis",      "amqp"};
  std::string out(rng.pick(kSchemes));
  out.append("://");
  out.append(words::any_user_name(rng));
  out.push_back(':');
  out.append(password(rng));
  out.push_back('@');
  out.append(words::any_host_name(rng));
  return out;
}

std::string jwt(Rng& rng) {
  constexpr std::string_view kHeaders[] = {
      R"({"alg":"HS256","typ":"JWT"})",
      R"({"alg":"RS256","typ":"JWT","kid":"k-2024-06"})",
      R"({"typ":"JWT","alg":"ES256"})",
  };
  std::string payload = R"({"sub":"user-)";
  payload.append(digits(rng, 6));
  payload.append(R"(","iat":17)");
  payload.append(digits(rng, 8));
  payload.append(R"(,"role":")");
  payload.append(words::any_role(rng));
  payload.append(R"("})");
  std::string out = base64(rng.pick(kHeaders), true);
  out.push_back('.');
  out.append(base64(payload, true));
  out.push_back('.');
  out.append(from_alphabet(rng, kBase64Url, 43));
  return out;
}

std::string email(Rng& rng) {
  std::string out(words::any_first_name(rng));
  out.push_back(rng.pick("._"));
  out.append(words::any_last_name(rng));
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (rng.chance(300'000)) out.append(digits(rng, 2));
  out.push_back('@');
  out.append(words::any_mail_domain(rng));
  return out;
}

std::string phone(Rng& rng) {
  constexpr std::string_view kAreaCodes[] = {"212", "312", "415", "503", "617", "646", "702",
                                             "713", "206", "305", "404", "512", "718", "801"};
  const std::string_view area = rng.pick(kAreaCodes);
  std::string exchange(1, rng.pick("23456789"));
  exchange.append(digits(rng, 2));
  if (exchange == "555") exchange = "556";  // 555 is reserved for fiction
  const std::string line = digits(rng, 4);
  std::string out;
  switch (rng.below(4)) {
    case 0:
      out.append("(").append(area).append(") ").append(exchange).append("-").append(line);
      break;
    case 1:
      out.append("+1 ").append(area).append("-").append(exchange).append("-").append(line);
      break;
    case 2:
      out.append(area).append(".").append(exchange).append(".").append(line);
      break;
    default:
      out.append("+1 (").append(area).append(") ").append(exchange).append(" ").append(line);
      break;
  }
  return out;
}

}  // namespace tamis::corpus::values
