// Credential validators: they refuse values that the patterns accept but that are not secrets,
// chiefly vendors' documentation examples, placeholders and strings that do not decode.
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "catalog/validators.h"
#include "catalog/validators/base64.h"
#include "catalog/validators/compact.h"

namespace tamis::validators {
namespace {

using internal::base64_decode;
using internal::Base64Alphabet;
using internal::is_alnum;
using internal::is_digit;
using internal::is_lower;
using internal::is_upper;

bool is_standard_base64_char(char c) { return is_alnum(c) || c == '+' || c == '/'; }

bool equals_caseless(std::string_view text, std::string_view lower_word) {
  if (text.size() != lower_word.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (internal::to_upper(text[i]) != internal::to_upper(lower_word[i])) return false;
  }
  return true;
}

bool starts_with_caseless(std::string_view text, std::string_view word) {
  return text.size() >= word.size() && equals_caseless(text.substr(0, word.size()), word);
}

bool contains(std::string_view text, std::string_view needle) {
  return text.find(needle) != std::string_view::npos;
}

std::string_view skip_blanks(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  return text;
}

// How many of the classes upper case, lower case and digit occur: random keys use all of them,
// hand-typed placeholders rarely more than one.
int character_classes(std::string_view text) {
  bool upper = false;
  bool lower = false;
  bool digit = false;
  for (char c : text) {
    upper = upper || is_upper(c);
    lower = lower || is_lower(c);
    digit = digit || is_digit(c);
  }
  return int{upper} + int{lower} + int{digit};
}

// AWS's documentation keys (IAM user guide and CLI configuration pages). Every key AWS publishes
// as an example ends in "EXAMPLEKEY", which a random key does with probability 64^-10.
constexpr std::string_view kAwsExampleSuffix = "EXAMPLEKEY";
constexpr std::string_view kAwsDocumentationKeys[] = {
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
};

// Keys printed in Stripe's API reference and quick starts, past and present.
constexpr std::string_view kStripeDocumentationKeys[] = {
    "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
    "pk_test_TYooMQauvdEDq54NiTphI7jx",
    "sk_test_BQokikJOvBiI2HlWgH4olfQ2",
    "pk_test_6pRNASCoBOKtIshFeQd4XMUh",
};

// The storage key of the Azure Storage Emulator and Azurite, published in Microsoft's docs.
constexpr std::string_view kAzureEmulatorKey =
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

constexpr std::string_view kBase62Digits =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// Bytes a credential may contain once decoded: printable ASCII, tab, and UTF-8 beyond ASCII.
bool printable_credential_byte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x80 || (byte >= 0x20 && byte < 0x7F);
}

// Trims leading JSON whitespace and tests whether the text is a JSON object.
bool is_json_object(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.front() == '\r' ||
                           text.front() == '\t')) {
    text.remove_prefix(1);
  }
  if (text.empty() || text.front() != '{') return false;
  return nlohmann::json::accept(text.begin(), text.end());
}

// Whether the (already validated) JSON object text has "alg" as a member name. A JSON string
// "alg" followed by ':' can only be a member name.
bool has_alg_member(std::string_view object) {
  std::size_t at = 0;
  while ((at = object.find("\"alg\"", at)) != std::string_view::npos) {
    at += 5;
    std::size_t next = at;
    while (next < object.size() && (object[next] == ' ' || object[next] == '\t' ||
                                    object[next] == '\n' || object[next] == '\r')) {
      ++next;
    }
    if (next < object.size() && object[next] == ':') return true;
  }
  return false;
}

// `${NAME...}` or `$NAME` with a shell-style variable name: a template, not a value.
bool is_environment_reference(std::string_view after_dollar) {
  if (after_dollar.front() == '{') return after_dollar.back() == '}';
  return std::all_of(after_dollar.begin(), after_dollar.end(),
                     [](char c) { return is_upper(c) || is_digit(c) || c == '_'; });
}

bool is_placeholder_password(std::string_view password) {
  if (password.empty()) return true;
  constexpr std::string_view kPlaceholderWords[] = {
      "password", "passwd", "pass", "pwd",  "secret",  "changeme",
      "redacted", "hidden", "none", "null", "example", "test",
  };
  for (std::string_view word : kPlaceholderWords) {
    if (equals_caseless(password, word)) return true;
  }
  // Masks (***, xxxx), template variables (${DB_PASS}, $PASS, {{pass}}, %s, %(pw)s, <password>,
  // [password]) and already-redacted values are not secrets.
  if (internal::all_same(password) && (password.front() == '*' || password.front() == 'x' ||
                                       password.front() == 'X' || password.front() == '.')) {
    return true;
  }
  const char first = password.front();
  const char last = password.back();
  if (first == '$' && password.size() > 1 && is_environment_reference(password.substr(1))) {
    return true;
  }
  // printf-style slots; a percent-encoded real password (%40...) starts with two hex digits.
  if (password == "%s" || (first == '%' && password.size() > 1 && password[1] == '(')) return true;
  if ((first == '<' && last == '>') || (first == '[' && last == ']') ||
      (first == '{' && last == '}')) {
    return true;
  }
  return false;
}

bool is_url_scheme(std::string_view scheme) {
  if (scheme.empty() || !internal::is_alpha(scheme.front())) return false;
  return std::all_of(scheme.begin(), scheme.end(),
                     [](char c) { return is_alnum(c) || c == '+' || c == '.' || c == '-'; });
}

}  // namespace

bool aws_secret_key(std::string_view match) {
  const std::string_view key = internal::trailing_value(match, is_standard_base64_char);
  if (key.size() != 40) return false;
  if (std::find(std::begin(kAwsDocumentationKeys), std::end(kAwsDocumentationKeys), key) !=
      std::end(kAwsDocumentationKeys)) {
    return false;
  }
  if (key.ends_with(kAwsExampleSuffix) || internal::all_same(key)) return false;
  // A random 40-character base64 key lacks upper or lower case letters with probability ~1e-9.
  bool upper = false;
  bool lower = false;
  for (char c : key) {
    upper = upper || is_upper(c);
    lower = lower || is_lower(c);
  }
  return upper && lower;
}

bool http_basic_auth(std::string_view match) {
  std::string_view rest = match;
  if (starts_with_caseless(rest, "proxy-")) rest.remove_prefix(6);
  if (!starts_with_caseless(rest, "authorization")) return false;
  rest = skip_blanks(rest.substr(13));
  if (rest.empty() || rest.front() != ':') return false;
  rest = skip_blanks(rest.substr(1));
  if (!starts_with_caseless(rest, "basic")) return false;
  rest.remove_prefix(5);
  const std::string_view token = skip_blanks(rest);
  if (token.size() == rest.size() || token.empty()) return false;  // at least one blank needed

  std::array<char, 1024> decoded{};
  const long size = base64_decode(token, Base64Alphabet::kStandard, decoded.data(), decoded.size());
  if (size <= 0) return false;
  const std::string_view credentials(decoded.data(), static_cast<std::size_t>(size));
  if (!std::all_of(credentials.begin(), credentials.end(), printable_credential_byte)) {
    return false;
  }
  const std::size_t colon = credentials.find(':');
  return colon != std::string_view::npos && colon > 0;
}

bool json_web_token(std::string_view match) {
  const std::size_t first_dot = match.find('.');
  if (first_dot == std::string_view::npos) return false;
  const std::size_t second_dot = match.find('.', first_dot + 1);
  if (second_dot == std::string_view::npos) return false;
  const std::string_view header = match.substr(0, first_dot);
  const std::string_view payload = match.substr(first_dot + 1, second_dot - first_dot - 1);
  const std::string_view signature = match.substr(second_dot + 1);
  // JWS compact serialization is unpadded base64url (RFC 7515 §2); the signature may be empty
  // only for "alg": "none", which is still a token worth reporting.
  for (char c : signature) {
    if (internal::base64_value(c, Base64Alphabet::kUrlSafe) < 0) return false;
  }
  if (contains(header, "=") || contains(payload, "=")) return false;

  std::array<char, 4096> decoded{};
  long size = base64_decode(header, Base64Alphabet::kUrlSafe, decoded.data(), decoded.size());
  if (size <= 0) return false;
  const std::string_view header_json(decoded.data(), static_cast<std::size_t>(size));
  if (!is_json_object(header_json) || !has_alg_member(header_json)) return false;

  size = base64_decode(payload, Base64Alphabet::kUrlSafe, decoded.data(), decoded.size());
  if (size <= 0) return false;
  return is_json_object(std::string_view(decoded.data(), static_cast<std::size_t>(size)));
}

bool stripe_key(std::string_view match) {
  if (match.size() < 8) return false;
  const std::string_view kind = match.substr(0, 3);
  if (kind != "sk_" && kind != "rk_" && kind != "pk_") return false;
  std::string_view body = match.substr(3);
  if (body.starts_with("live_")) {
    body.remove_prefix(5);
  } else if (body.starts_with("test_")) {
    body.remove_prefix(5);
  } else {
    return false;
  }
  if (body.size() < 24 || body.size() > 247) return false;
  if (!std::all_of(body.begin(), body.end(), is_alnum)) return false;
  if (std::find(std::begin(kStripeDocumentationKeys), std::end(kStripeDocumentationKeys), match) !=
      std::end(kStripeDocumentationKeys)) {
    return false;
  }
  // Random keys mix at least two of upper case, lower case and digits; "xxxx..." does not.
  return !internal::all_same(body) && character_classes(body) >= 2;
}

bool github_token(std::string_view match) {
  constexpr std::string_view kPrefixes[] = {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"};
  if (match.size() != 40) return false;
  if (std::find(std::begin(kPrefixes), std::end(kPrefixes), match.substr(0, 4)) ==
      std::end(kPrefixes)) {
    return false;
  }
  // GitHub's format (github.blog, "Behind GitHub's new authentication token formats", 2021):
  // 30 random base62 characters, then their CRC32 in base62 (0-9A-Za-z), zero-padded to 6.
  const std::string_view entropy = match.substr(4, 30);
  const std::string_view checksum = match.substr(34);
  std::uint64_t encoded = 0;
  for (char c : checksum) {
    const std::size_t digit = kBase62Digits.find(c);
    if (digit == std::string_view::npos) return false;
    encoded = encoded * 62 + digit;
  }
  if (!std::all_of(entropy.begin(), entropy.end(), is_alnum)) return false;
  const uLong crc = crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(entropy.data()),
                          static_cast<uInt>(entropy.size()));
  return encoded == crc;
}

bool database_url_password(std::string_view match) {
  const std::size_t scheme_end = match.find("://");
  if (scheme_end == std::string_view::npos || !is_url_scheme(match.substr(0, scheme_end))) {
    return false;
  }
  const std::string_view after_scheme = match.substr(scheme_end + 3);
  // The authority ends at the first '/', '?' or '#'; the userinfo ends at its last '@' (an
  // unencoded '@' inside a password is common in hand-written URLs).
  const std::string_view authority = after_scheme.substr(0, after_scheme.find_first_of("/?#"));
  const std::size_t at = authority.rfind('@');
  if (at == std::string_view::npos) return false;
  const std::string_view userinfo = authority.substr(0, at);
  const std::string_view host = authority.substr(at + 1);
  const std::size_t colon = userinfo.find(':');
  if (colon == std::string_view::npos || host.empty()) return false;
  const std::string_view password = userinfo.substr(colon + 1);
  for (char c : userinfo) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F) return false;
  }
  const char host_first = host.front();
  if (!is_alnum(host_first) && host_first != '[' && host_first != '_') return false;
  return !is_placeholder_password(password);
}

bool azure_storage_key(std::string_view match) {
  constexpr std::size_t kKeyLength = 88;
  std::string_view trimmed = match;
  while (!trimmed.empty() && (trimmed.back() == '"' || trimmed.back() == '\'' ||
                              trimmed.back() == ';' || trimmed.back() == ' ')) {
    trimmed.remove_suffix(1);
  }
  if (trimmed.size() < kKeyLength) return false;
  const std::string_view key = trimmed.substr(trimmed.size() - kKeyLength);
  // The key must stand alone: `AccountKey=<key>` is fine, a longer base64 run is not this key.
  if (trimmed.size() > kKeyLength &&
      is_standard_base64_char(trimmed[trimmed.size() - kKeyLength - 1])) {
    return false;
  }
  if (!key.ends_with("==") || key == kAzureEmulatorKey) return false;
  std::array<char, 66> decoded{};
  if (base64_decode(key, Base64Alphabet::kStandard, decoded.data(), decoded.size()) != 64) {
    return false;
  }
  return !internal::all_same(key.substr(0, kKeyLength - 2)) && character_classes(key) == 3;
}

}  // namespace tamis::validators
