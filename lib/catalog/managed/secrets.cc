// Our own high-precision secret detectors (not in Macie): vendor tokens with a fixed literal
// prefix, and a checksum where the vendor publishes one. On by default beside Macie's RECOMMENDED
// set, so every row must stay close to zero false positives.
#include "catalog/catalog.h"
#include "catalog/validators.h"

namespace tamis::catalog {
namespace {

// Classic tokens: prefix, then 30 random base62 characters and a 6-character base62 CRC32.
// One pattern per prefix rather than `gh[pousr]_`: beside the rest of the stream database,
// Hyperscan compiled the class form into something that cost 31% of the whole database's
// instructions on mixed text; the five literal-prefixed forms cost 1% (docs/performance.md).
constexpr std::string_view kGithubPatterns[] = {
    R"(ghp_[A-Za-z0-9]{36})", R"(gho_[A-Za-z0-9]{36})", R"(ghu_[A-Za-z0-9]{36})",
    R"(ghs_[A-Za-z0-9]{36})", R"(ghr_[A-Za-z0-9]{36})",
};
constexpr std::string_view kGithubKeywords[] = {"github", "gh_token", "github_token", "token"};

constexpr std::string_view kGithubFineGrainedPatterns[] = {
    R"(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})"};
constexpr std::string_view kGithubFineGrainedKeywords[] = {"github", "github_token", "token"};

// Personal/project/group access tokens (glpat-), pipeline trigger tokens (glptt-, 40 hex) and
// deploy tokens (gldt-).
constexpr std::string_view kGitlabPatterns[] = {
    R"(glpat-[A-Za-z0-9_-]{20})",
    R"(glptt-[0-9a-f]{40})",
    R"(gldt-[A-Za-z0-9_-]{20})",
};
constexpr std::string_view kGitlabKeywords[] = {"gitlab", "private-token", "token"};

// Bot tokens carry workspace and bot ids; user tokens workspace, user and team ids and 32 hex;
// app-level (xoxa), refresh (xoxr) and session (xoxs) tokens a version number then the secret.
constexpr std::string_view kSlackTokenPatterns[] = {
    R"(xoxb-[0-9]{8,14}-[0-9]{8,14}-[A-Za-z0-9]{20,40})",
    R"(xoxp-[0-9]{8,14}-[0-9]{8,14}-[0-9]{8,14}-[a-f0-9]{32})",
    R"(xox[ars]-(?:[0-9]{1,14}-){1,4}[A-Za-z0-9]{20,80})",
};
constexpr std::string_view kSlackTokenKeywords[] = {"slack", "slack_token", "bot token"};

constexpr std::string_view kSlackWebhookPatterns[] = {
    R"((?:https://)?hooks\.slack\.com/services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24})",
};
constexpr std::string_view kSlackWebhookKeywords[] = {"slack", "webhook", "incoming webhook"};

constexpr std::string_view kNpmPatterns[] = {R"(npm_[A-Za-z0-9]{36})"};
constexpr std::string_view kNpmKeywords[] = {"npm", "npmrc", "_authToken", "npm_token"};

// PyPI API tokens are macaroons whose serialisation always starts with the location "pypi.org",
// which base64url-encodes to the fixed prefix below. Tokens run to 150-250 characters; the match
// (and so the occurrence) is the first 80, because a long variable tail that may itself contain
// "pypi-" is too large for Hyperscan's start-of-match tracking, which the engine needs.
constexpr std::string_view kPypiPatterns[] = {R"(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{60})"};
constexpr std::string_view kPypiKeywords[] = {"pypi", "twine", "pypirc", "password"};

constexpr std::string_view kSendgridPatterns[] = {R"(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})"};
constexpr std::string_view kSendgridKeywords[] = {"sendgrid", "api key", "SENDGRID_API_KEY"};

// "SK" + 32 hex is only a Twilio API key SID shape; without the vendor's name nearby it is just
// hex.
constexpr std::string_view kTwilioPatterns[] = {R"(SK[0-9a-f]{32})"};
constexpr std::string_view kTwilioKeywords[] = {"twilio", "twilio api key", "twilio_api_key"};

// Connection strings (`AccountKey=`) and the usual configuration names; only the 88-character key
// is reported, so every pattern ends with it.
constexpr std::string_view kAzureStoragePatterns[] = {
    R"(AccountKey=[A-Za-z0-9+/]{86}==)",
    R"((?i)(?:azure[-_]?storage[-_]?(?:account[-_]?)?(?:access[-_]?)?key|account[-_]?key|storage[-_]?account[-_]?key)["']?[ \t]{0,5}[:=][ \t]{0,5}["']?[A-Za-z0-9+/]{86}==)",
};
constexpr std::string_view kAzureStorageKeywords[] = {"AccountKey", "azure", "storage account",
                                                      "DefaultEndpointsProtocol", "AccountName"};

// scheme://user:password@host for the common database and broker URL schemes.
constexpr std::string_view kDatabaseUrlPatterns[] = {
    R"((?i)(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?)://[^\s:/@"'<>]{1,64}:[^\s/@"'<>]{1,128}@[A-Za-z0-9.-]{1,253})",
};
constexpr std::string_view kDatabaseUrlKeywords[] = {
    "database_url", "connection string", "dsn", "db_url", "redis_url", "mongo_uri", "broker_url"};

// Long-term (AKIA), temporary (ASIA) and other IAM key id prefixes. The key ids of AWS's
// documentation all end in "EXAMPLE"; the pattern refuses that suffix itself (a real key ending so
// is a 1 in 32^7 event) because no validator receives the id.
constexpr std::string_view kAwsAccessKeyIdPatterns[] = {
    R"((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{9}(?:[A-DF-Z2-7][A-Z2-7]{6}|E[A-WYZ2-7][A-Z2-7]{5}|EX[B-Z2-7][A-Z2-7]{4}|EXA[A-LN-Z2-7][A-Z2-7]{3}|EXAM[A-OQ-Z2-7][A-Z2-7]{2}|EXAMP[A-KM-Z2-7][A-Z2-7]|EXAMPL[A-DF-Z2-7]))",
};
constexpr std::string_view kAwsAccessKeyIdKeywords[] = {"aws_access_key_id", "access key",
                                                        "access key id", "AccessKeyId", "aws"};

constexpr ManagedIdentifier secret_row(std::string_view id, std::string_view description,
                                       std::span<const std::string_view> patterns,
                                       std::span<const std::string_view> keywords,
                                       Validator validator = nullptr,
                                       std::string_view validator_name = "") {
  return {.id = id,
          .category = Category::kCredentials,
          .countries = "ANY",
          .description = description,
          .patterns = patterns,
          .keywords = keywords,
          .keyword_required = false,
          .validator = validator,
          .validator_name = validator_name,
          .severity = kAlwaysHigh,
          .boundaries = kBoundaryBoth,
          .recommended = false,
          .tamis_default = true};
}

constexpr ManagedIdentifier with_keyword_required(ManagedIdentifier row) {
  row.keyword_required = true;
  return row;
}

constexpr ManagedIdentifier with_boundaries(ManagedIdentifier row, std::uint8_t boundaries) {
  row.boundaries = boundaries;
  return row;
}

constexpr ManagedIdentifier with_tail(ManagedIdentifier row, std::uint16_t tail_bytes) {
  row.report_tail_bytes = tail_bytes;
  return row;
}

constexpr ManagedIdentifier kRows[] = {
    secret_row("TAMIS_GITHUB_TOKEN", "GitHub classic token (ghp_/gho_/ghu_/ghs_/ghr_) with CRC32",
               kGithubPatterns, kGithubKeywords, validators::github_token, "github-crc32"),
    secret_row("TAMIS_GITHUB_FINE_GRAINED_TOKEN", "GitHub fine-grained personal access token",
               kGithubFineGrainedPatterns, kGithubFineGrainedKeywords),
    secret_row("TAMIS_GITLAB_TOKEN", "GitLab access, pipeline trigger or deploy token",
               kGitlabPatterns, kGitlabKeywords),
    secret_row("TAMIS_SLACK_TOKEN", "Slack bot, user, app, refresh or session token",
               kSlackTokenPatterns, kSlackTokenKeywords),
    secret_row("TAMIS_SLACK_WEBHOOK_URL", "Slack incoming webhook URL", kSlackWebhookPatterns,
               kSlackWebhookKeywords),
    secret_row("TAMIS_NPM_TOKEN", "npm access token", kNpmPatterns, kNpmKeywords),
    // The match stops inside the token, so only the start boundary applies.
    with_boundaries(secret_row("TAMIS_PYPI_TOKEN", "PyPI API token (pypi.org macaroon)",
                               kPypiPatterns, kPypiKeywords),
                    kBoundaryStart),
    secret_row("TAMIS_SENDGRID_API_KEY", "SendGrid API key", kSendgridPatterns, kSendgridKeywords),
    with_keyword_required(secret_row("TAMIS_TWILIO_API_KEY", "Twilio API key SID near 'twilio'",
                                     kTwilioPatterns, kTwilioKeywords)),
    // The key name before the key is a word, so only the end boundary applies.
    with_boundaries(
        with_tail(secret_row("TAMIS_AZURE_STORAGE_KEY", "Azure storage account key in a setting",
                             kAzureStoragePatterns, kAzureStorageKeywords,
                             validators::azure_storage_key, "base64-64-bytes"),
                  88),
        kBoundaryEnd),
    secret_row("TAMIS_DATABASE_URL_PASSWORD", "Database or broker URL with an embedded password",
               kDatabaseUrlPatterns, kDatabaseUrlKeywords, validators::database_url_password,
               "not-placeholder"),
    secret_row("TAMIS_AWS_ACCESS_KEY_ID", "AWS access key id (doc examples ending EXAMPLE ignored)",
               kAwsAccessKeyIdPatterns, kAwsAccessKeyIdKeywords),
};

}  // namespace

std::span<const ManagedIdentifier> secrets() { return kRows; }

}  // namespace tamis::catalog
