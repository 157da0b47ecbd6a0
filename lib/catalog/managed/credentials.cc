// Macie's CREDENTIALS identifiers (reference/macie.md §1.3): cloud keys, auth headers, tokens and
// private-key blocks. Every pattern starts with a literal (key name, header, BEGIN marker, vendor
// prefix) so Hyperscan can skip most text without entering an automaton.
#include "catalog/catalog.h"
#include "catalog/validators.h"

namespace tamis::catalog {
namespace {

// A key name, an assignment (`=`, `:`, `=>`, Go's `:=`, quoted or not) and the 40-character secret.
// Only the secret is reported (report_tail_bytes), so every pattern must end with exactly the 40
// bytes.
constexpr std::string_view kAwsSecretPatterns[] = {
    R"((?i)secret[-_ ]?access[-_ ]?key["']?\s{0,5}(?::=|=>?|:)\s{0,5}["']?[A-Za-z0-9/+]{40})",
    R"((?i)secret[-_ ]?key["']?\s{0,5}(?::=|=>?|:)\s{0,5}["']?[A-Za-z0-9/+]{40})",
    // PowerShell: Set-AWSCredential (or Initialize-AWSDefaultConfiguration) ... -SecretKey <key>
    R"((?i)-secretkey[ \t]{1,5}["']?[A-Za-z0-9/+]{40})",
};
constexpr std::string_view kAwsSecretKeywords[] = {
    "aws_secret_access_key", "credentials", "secret access key", "secret key", "set-awscredential",
};

// The header name is caseless (RFC 9110), and so is the scheme (RFC 7617); the credentials are
// case-sensitive base64.
constexpr std::string_view kBasicAuthPatterns[] = {
    R"((?i:(?:proxy-)?authorization)[ \t]{0,3}:[ \t]{0,3}(?i:basic)[ \t]{1,3}[A-Za-z0-9+/]{4,1024}={0,2})",
};
constexpr std::string_view kBasicAuthKeywords[] = {"authorization", "basic", "proxy-authorization"};

// Key blocks: the BEGIN marker, a line break (real, or `\n` escaped inside a JSON/YAML string) and
// the start of the body, so prose or code that merely names the marker does not fire.
// An OpenSSH body always starts with base64("openssh-key-v1\0").
constexpr std::string_view kOpenSshPatterns[] = {
    R"(-----BEGIN OPENSSH PRIVATE KEY-----(?:\r?\n|(?:\\r)?\\n)[ \t]{0,8}b3BlbnNzaC1rZXktdjE)",
};
constexpr std::string_view kOpenSshKeywords[] = {"openssh", "private key", "id_rsa", "id_ed25519"};

// ASCII armor: either a blank line and the body, or the first armor header (RFC 4880 §6.2). The
// header values are not spanned: free text that may contain '-' after the BEGIN marker makes the
// pattern too large for Hyperscan's start-of-match tracking, which the engine needs.
constexpr std::string_view kPgpPatterns[] = {
    R"(-----BEGIN PGP PRIVATE KEY BLOCK-----(?:\r?\n|(?:\\r)?\\n)(?:(?:\r?\n|(?:\\r)?\\n)[A-Za-z0-9+/]{16}|(?:Version|Comment|Hash|Charset|MessageID): ))",
};
constexpr std::string_view kPgpKeywords[] = {"pgp", "gpg", "private key", "secret key"};

// PKCS#1 (RSA/DSA/EC) and PKCS#8 (plain or encrypted) PEM. The body is DER, which starts with a
// SEQUENCE tag 0x30, i.e. base64 'M'. Legacy encrypted PKCS#1 has Proc-Type and DEK-Info headers.
constexpr std::string_view kPkcsPatterns[] = {
    R"(-----BEGIN (?:RSA |DSA |EC |ENCRYPTED )?PRIVATE KEY-----(?:\r?\n|(?:\\r)?\\n)(?:Proc-Type: 4,ENCRYPTED(?:\r?\n|(?:\\r)?\\n)DEK-Info: [A-Z0-9-]{3,24},[0-9A-Fa-f]{16,32}(?:\r?\n|(?:\\r)?\\n){2})?[ \t]{0,8}M[A-Za-z0-9+/]{15})",
};
constexpr std::string_view kPkcsKeywords[] = {"private key", "pkcs", "pkcs8", "pem", "rsa"};

// PuTTY's .ppk header sequence, in its fixed order, up to the start of the public blob (an SSH
// wire-format string, whose 4-byte length prefix encodes as "AAAA").
constexpr std::string_view kPuttyPatterns[] = {
    R"(PuTTY-User-Key-File-[23]: [a-z0-9@.-]{3,60}\r?\nEncryption: [a-z0-9-]{3,30}\r?\nComment: [^\r\n]{0,200}\r?\nPublic-Lines: [0-9]{1,3}\r?\nAAAA[A-Za-z0-9+/]{12})",
};
constexpr std::string_view kPuttyKeywords[] = {"putty", "ppk", "private key"};

// JWS compact form: base64url header and payload objects (`{"` encodes as "eyJ"), then an optional
// signature (empty for alg "none"); payload and signature widths cover RS512 with 4096-bit keys.
// The header is capped at 70 characters (about 52 bytes of JSON) because a wider header repeat is
// too large for Hyperscan's start-of-match tracking, which the engine needs.
constexpr std::string_view kJwtPatterns[] = {
    R"(eyJ[A-Za-z0-9_-]{8,70}\.eyJ[A-Za-z0-9_-]{4,2500}\.[A-Za-z0-9_-]{0,700})",
};
constexpr std::string_view kJwtKeywords[] = {"jwt", "bearer", "token", "id_token", "access_token"};

constexpr std::string_view kStripePatterns[] = {
    R"((?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{24,247})",
};
constexpr std::string_view kStripeKeywords[] = {"stripe", "api key", "secret key",
                                                "publishable key"};

// "AIza" is the fixed start of every Google API key string; the other 35 characters are base64url.
constexpr std::string_view kGcpApiKeyPatterns[] = {R"(AIza[0-9A-Za-z_-]{35})"};
constexpr std::string_view kGcpApiKeyKeywords[] = {
    "G_PLACES_KEY",   "GCP api key",          "GCP key",     "google cloud key",
    "google-api-key", "google-cloud-apikeys", "GOOGLEKEY",   "X-goog-api-key",
    "google api key", "google maps key",      "gcp_api_key",
};

constexpr ManagedIdentifier kRows[] = {
    {.id = "AWS_CREDENTIALS",
     .category = Category::kCredentials,
     .countries = "ANY",
     .description = "AWS secret access key after a key name (doc example keys ignored)",
     .patterns = kAwsSecretPatterns,
     .keywords = kAwsSecretKeywords,
     // The key name is part of every pattern, so the keyword condition is met by construction.
     .keyword_required = false,
     .validator = validators::aws_secret_key,
     .validator_name = "aws-secret-key",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryEnd,
     .recommended = true,
     .tamis_default = false,
     .report_tail_bytes = 40,
     // "-SecretKey" puts it one byte in.
     .anchor = "secret",
     .anchor_lead = 1},
    {.id = "HTTP_BASIC_AUTH_HEADER",
     .category = Category::kCredentials,
     .countries = "ANY",
     .description = "HTTP Authorization / Proxy-Authorization header with Basic credentials",
     .patterns = kBasicAuthPatterns,
     .keywords = kBasicAuthKeywords,
     .keyword_required = false,
     .validator = validators::http_basic_auth,
     .validator_name = "basic-auth-base64",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryBoth,
     .recommended = true,
     .tamis_default = false,
     // After "Proxy-" when there is one.
     .anchor = "authorization",
     .anchor_lead = 6},
    // Key blocks end mid-body, so there is no end boundary to check.
    {.id = "OPENSSH_PRIVATE_KEY",
     .category = Category::kCredentials,
     .countries = "ANY",
     .description = "OpenSSH private key block (openssh-key-v1)",
     .patterns = kOpenSshPatterns,
     .keywords = kOpenSshKeywords,
     .keyword_required = false,
     .validator = nullptr,
     .validator_name = "",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryNone,
     .recommended = true,
     .tamis_default = false},
    {.id = "PGP_PRIVATE_KEY",
     .category = Category::kCredentials,
     .countries = "ANY",
     .description = "OpenPGP ASCII-armored private key block",
     .patterns = kPgpPatterns,
     .keywords = kPgpKeywords,
     .keyword_required = false,
     .validator = nullptr,
     .validator_name = "",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryNone,
     .recommended = true,
     .tamis_default = false},
    {.id = "PKCS",
     .category = Category::kCredentials,
     .countries = "ANY",
     .description = "PKCS#1 / PKCS#8 PEM private key (RSA, DSA, EC, encrypted)",
     .patterns = kPkcsPatterns,
     .keywords = kPkcsKeywords,
     .keyword_required = false,
     .validator = nullptr,
     .validator_name = "",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryNone,
     .recommended = true,
     .tamis_default = false},
    {.id = "PUTTY_PRIVATE_KEY",
     .category = Category::kCredentials,
     .countries = "ANY",
     .description = "PuTTY private key file (PPK v2/v3 standard header sequence)",
     .patterns = kPuttyPatterns,
     .keywords = kPuttyKeywords,
     .keyword_required = false,
     .validator = nullptr,
     .validator_name = "",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryStart,
     .recommended = true,
     .tamis_default = false},
    {.id = "JSON_WEB_TOKEN",
     .category = Category::kCredentials,
     .countries = "ANY",
     .description = "JSON Web Token, JWS compact form (signed or unsigned)",
     .patterns = kJwtPatterns,
     .keywords = kJwtKeywords,
     .keyword_required = false,
     .validator = validators::json_web_token,
     .validator_name = "jws-json",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryBoth,
     .recommended = false,
     .tamis_default = false},
    {.id = "STRIPE_CREDENTIALS",
     .category = Category::kCredentials,
     .countries = "ANY",
     .description = "Stripe secret, restricted or publishable API key (doc test keys ignored)",
     .patterns = kStripePatterns,
     .keywords = kStripeKeywords,
     .keyword_required = false,
     .validator = validators::stripe_key,
     .validator_name = "stripe-key",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryBoth,
     .recommended = false,
     .tamis_default = false},
    {.id = "GCP_API_KEY",
     .category = Category::kCredentials,
     .countries = "ANY",
     .description = "Google Cloud API key string (AIza...) near a Google key name",
     .patterns = kGcpApiKeyPatterns,
     .keywords = kGcpApiKeyKeywords,
     .keyword_required = true,
     .validator = nullptr,
     .validator_name = "",
     .severity = kAlwaysHigh,
     .boundaries = kBoundaryBoth,
     .recommended = false,
     .tamis_default = false},
};

}  // namespace

std::span<const ManagedIdentifier> credentials() { return kRows; }

}  // namespace tamis::catalog
