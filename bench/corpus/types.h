// The truth `type` of every planted value: tamis identifier ids, plus EMAIL_ADDRESS and
// PHONE_NUMBER for values only peers detect (tamis's default set has no identifier for them).
#pragma once

#include <string_view>

namespace tamis::corpus::types {

inline constexpr std::string_view kCreditCard = "CREDIT_CARD_NUMBER";
inline constexpr std::string_view kUsaSsn = "USA_SOCIAL_SECURITY_NUMBER";
inline constexpr std::string_view kUsaPassport = "USA_PASSPORT_NUMBER";
inline constexpr std::string_view kUkNino = "UK_NATIONAL_INSURANCE_NUMBER";
inline constexpr std::string_view kAwsSecretKey = "AWS_CREDENTIALS";
inline constexpr std::string_view kAwsAccessKeyId = "TAMIS_AWS_ACCESS_KEY_ID";
inline constexpr std::string_view kGithubToken = "TAMIS_GITHUB_TOKEN";
inline constexpr std::string_view kSlackToken = "TAMIS_SLACK_TOKEN";
inline constexpr std::string_view kStripeKey = "STRIPE_CREDENTIALS";
inline constexpr std::string_view kPkcsKey = "PKCS";
inline constexpr std::string_view kOpensshKey = "OPENSSH_PRIVATE_KEY";
inline constexpr std::string_view kBasicAuth = "HTTP_BASIC_AUTH_HEADER";
inline constexpr std::string_view kDatabaseUrl = "TAMIS_DATABASE_URL_PASSWORD";
inline constexpr std::string_view kJwt = "JSON_WEB_TOKEN";
inline constexpr std::string_view kEmail = "EMAIL_ADDRESS";
inline constexpr std::string_view kPhone = "PHONE_NUMBER";

}  // namespace tamis::corpus::types
