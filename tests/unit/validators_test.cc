// Table-driven tests for every checksum validator. Each valid value was computed to pass the
// official check (the computation is noted beside it) or comes from the issuer's published example,
// and was cross-checked with an independent implementation (python-stdnum) before being written
// here. Invalid values are one digit off, a wrong check digit, a wrong length or prefix, a run of
// one digit, or a published test/example value the validator must refuse.
#include "catalog/validators.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>

namespace tamis::validators {
namespace {

struct Case {
  std::string_view value;
  bool expected;
};

void expect_cases(bool (*validator)(std::string_view), std::initializer_list<Case> cases) {
  for (const Case& c : cases) {
    // Copy into an exact-size heap buffer so a validator reading past the view would be caught
    // by the sanitizer build.
    const std::string copy(c.value);
    EXPECT_EQ(validator(copy), c.expected) << "value: \"" << c.value << "\"";
  }
}

// ---- Building blocks ---------------------------------------------------------------------------

TEST(ValidatorsChecksums, Luhn) {
  expect_cases(luhn, {
                         {"79927398713", true},  // the textbook example of ISO/IEC 7812-1
                         {"4111111111111111", true},
                         {"0000000000", true},  // sum 0: Luhn alone accepts it, callers refuse
                         {"79927398710", false},
                         {"79927398714", false},
                         {"89927398713", false},  // one digit off
                         {"97927398713", false},  // adjacent transposition, caught by Luhn
                         {"7992739871a", false},
                         {"7", false},
                         {"", false},
                     });
}

TEST(ValidatorsChecksums, Iso7064Mod97_10) {
  expect_cases(iso7064_mod97_10, {
                                     {"79444", true},  // ISO 7064 example: 794 -> check "44"
                                     {"WEST12345698765432GB82", true},  // rearranged GB IBAN
                                     {"79445", false},
                                     {"WEST12345698765432GB83", false},
                                     {"west12345698765432GB82", false},  // lower case refused
                                     {"7944 4", false},
                                     {"1", false},
                                 });
}

TEST(ValidatorsChecksums, Iso7064Mod11_10) {
  expect_cases(iso7064_mod11_10, {
                                     {"07945", true},        // ISO 7064 example: 0794 -> 5
                                     {"86095742719", true},  // BZSt's published Steuer-ID
                                     {"07946", false},
                                     {"86095742718", false},
                                     {"86095742791", false},
                                     {"8609574271x", false},
                                     {"5", false},
                                 });
}

TEST(ValidatorsChecksums, Verhoeff) {
  expect_cases(verhoeff, {
                             {"2363", true},  // Verhoeff's own example: 236 -> 3
                             {"234123412346", true},
                             {"2364", false},
                             {"2336", false},  // transposition, which Verhoeff always detects
                             {"234123412341", false},
                             {"23a3", false},
                             {"", false},
                         });
}

TEST(ValidatorsChecksums, Icao9303) {
  // ICAO Doc 9303 specimen passport: L898902C3 <6>, birth 740812 <2>, expiry 120415 <9>.
  EXPECT_TRUE(icao9303_check("L898902C3", '6'));
  EXPECT_TRUE(icao9303_check("740812", '2'));
  EXPECT_TRUE(icao9303_check("120415", '9'));
  EXPECT_TRUE(icao9303_check("L898902C<", '3'));  // the filler counts as 0: 313 mod 10
  EXPECT_FALSE(icao9303_check("L898902C3", '7'));
  EXPECT_FALSE(icao9303_check("740812", '3'));
  EXPECT_FALSE(icao9303_check("l898902C3", '6'));  // lower case is not an MRZ character
  EXPECT_FALSE(icao9303_check("L898902C3", '<'));
  EXPECT_FALSE(icao9303_check("", '0'));
}

// ---- Financial -------------------------------------------------------------------------------

// Valid numbers below were generated for each brand range (prefix + digits + Luhn check digit,
// checked with python-stdnum's luhn) and are not on any processor's test-card list.
TEST(ValidatorsFinancial, CreditCardAcceptsEveryBrandAndLength) {
  expect_cases(credit_card, {
                                {"4539526018159083", true},     // Visa 16
                                {"4916301661313", true},        // Visa 13
                                {"4024860913909960303", true},  // Visa 19
                                {"4175288200182634", true},     // Visa Electron 417500
                                {"5382462819482190", true},     // Mastercard 51-55
                                {"2221865797543233", true},     // Mastercard 2-series low end
                                {"2720935181909377", true},     // Mastercard 2-series high end
                                {"341948757491186", true},      // Amex 34
                                {"376252760189558", true},      // Amex 37
                                {"6011597971147102", true},     // Discover 16
                                {"6011497465075291704", true},  // Discover 19
                                {"6453423667127685", true},     // Discover 644-649
                                {"6542684656321224", true},     // Discover 65
                                {"6221263307924401", true},     // Discover/UnionPay 622126
                                {"6229252685995283", true},     // 622925
                                {"3528907866661765", true},     // JCB low end
                                {"3589031372159010920", true},  // JCB 19
                                {"30081590139626", true},       // Diners 300
                                {"30545957117771", true},       // Diners 305
                                {"36741215472801", true},       // Diners 36
                                {"3838528084148529", true},     // Diners 38, 16 digits
                                {"62538885393363382", true},    // UnionPay 17
                                {"5019750047439573", true},     // Dankort
                                {"505513137353799073", true},   // Maestro 50, 18 digits
                                {"5651163726511", true},        // Maestro 56, 13 digits
                                {"6967612220297299750", true},  // Maestro 69, 19 digits
                            });
}

TEST(ValidatorsFinancial, CreditCardSeparators) {
  expect_cases(credit_card, {
                                {"4539 5260 1815 9083", true},
                                {"4539-5260-1815-9083", true},
                                {"3419 487574 91186", true},  // Amex 4-6-5
                                {"3419-487574-91186", true},
                                {"4539 5260-1815 9083", false},   // mixed separators
                                {"4539  5260 1815 9083", false},  // doubled separator
                                {" 4539526018159083", false},
                                {"4539526018159083 ", false},
                                {"4539.5260.1815.9083", false},  // dots are not card separators
                            });
}

TEST(ValidatorsFinancial, CreditCardRefusals) {
  expect_cases(credit_card, {
                                {"4539526018159084", false},  // check digit off by one
                                {"4539526018159093", false},  // one digit changed
                                {"453952601815908", false},   // Visa cannot be 15 digits
                                {"7304348395486203", false},  // Luhn-valid, no brand starts with 7
                                {"1579868282880722", false},  // ... or with 1
                                {"2219902227918059", false},  // just below Mastercard 2221
                                {"2721888718033402", false},  // just above Mastercard 2720
                                {"3489834788783849", false},  // Amex prefix, but 16 digits
                                {"30683726167510", false},    // 306 is not a Diners range
                                {"561878017590", false},      // 12 digits: below 13
                                {"45395260181590830000", false},  // 20 digits
                                {"0000000000000000", false},
                                {"", false},
                                {"4539x26018159083", false},
                            });
}

TEST(ValidatorsFinancial, CreditCardRefusesPublishedTestNumbers) {
  expect_cases(credit_card, {
                                {"4111111111111111", false},  // PayPal / Braintree
                                {"4111 1111 1111 1111", false},
                                {"4242424242424242", false},  // Stripe
                                {"4242-4242-4242-4242", false},
                                {"5555555555554444", false},  // Stripe Mastercard
                                {"378282246310005", false},   // Amex
                                {"6011111111111117", false},  // Discover
                                {"3530111333300000", false},  // JCB
                                {"30569309025904", false},    // Diners
                                {"4012888888881881", false},
                                {"4222222222222", false},  // 13-digit Visa test number
                                {"5105105105105100", false},
                                {"6200000000000005", false},  // UnionPay (Stripe)
                                {"4444333322221111", false},  // Adyen
                                {"2222400070000005", false},  // Adyen 2-series
                                {"5019717010103742", false},  // Dankort test card
                            });
}

TEST(ValidatorsFinancial, CreditCardTrack) {
  expect_cases(credit_card_track,
               {
                   {"%B4539526018159083^DOE/JOHN^2912101000000000000000000?", true},
                   {"%B4539526018159083^DOE/JOHN^29121010000?", true},
                   {"B4539526018159083^DOE/JOHN^2912101", true},  // sentinels optional
                   {";4539526018159083=29121010000000000000?", true},
                   {";4539526018159083=2912?", true},
                   {"4539526018159083=29121010000", true},
                   {"%B4539526018159084^DOE/JOHN^2912101?", false},  // PAN fails Luhn
                   {"%B4111111111111111^DOE/JOHN^2912101?", false},  // published test card
                   {"%B4539526018159083^DOE/JOHN^2913101?", false},  // month 13
                   {"%B4539526018159083^D^2912101?", false},         // name too short
                   {"%B4539526018159083DOE/JOHN^2912101?", false},   // no separator after PAN
                   {";4539526018159083=2900?", false},               // month 00
                   {";4539526018159083=29121A?", false},             // track 2 is numeric
                   {";4111111111111111=2912101?", false},
                   {"", false},
               });
}

TEST(ValidatorsFinancial, Iban) {
  expect_cases(iban, {
                         {"GB82WEST12345698765432", true},  // ISO 13616 / registry examples
                         {"GB82 WEST 1234 5698 7654 32", true},
                         {"GB82-WEST-1234-5698-7654-32", true},
                         {"DE89370400440532013000", true},
                         {"DE89 3704 0044 0532 0130 00", true},
                         {"FR1420041010050500013M02606", true},
                         {"NO9386011117947", true},                   // shortest (15)
                         {"LC55HEMM000100010012001200023015", true},  // longest (32)
                         {"MT84MALT011000012345MTLCAST001S", true},
                         {"BE68539007547034", true},
                         {"GB82WEST12345698765433", false},  // one digit off
                         {"GB28WEST12345698765432", false},  // check digits swapped
                         {"GB82WEST1234569876543", false},   // one short for GB (22)
                         {"DE8937040044053201300", false},   // one short for DE (22)
                         {"XX82WEST12345698765432", false},  // no such country
                         {"gb82WEST12345698765432", false},  // country must be upper case
                         {"GB82west12345698765432", false},
                         {"GB82 WEST 1234 5698-7654 32", false},  // mixed separators
                         {"GB82WEST 1234 5698 7654 32", false},   // not grouped by four
                         {"GB82  WEST 1234 5698 7654 32", false},
                         {"", false},
                     });
}

// ---- Credentials -----------------------------------------------------------------------------

TEST(ValidatorsCredentials, AwsSecretKey) {
  expect_cases(aws_secret_key,
               {
                   {"+LwiqD9jJBAciI05FhfwKVqlUr5Qrec8TNecj9iN", true},  // random, generated
                   {"aws_secret_access_key = Orjj5VfqRTk8j1d/bWWbjkloG1QX647kdNl9cDo/", true},
                   {"\"SecretAccessKey\": \"Orjj5VfqRTk8j1d/bWWbjkloG1QX647kdNl9cDo/\"", true},
                   {"-SecretKey Orjj5VfqRTk8j1d/bWWbjkloG1QX647kdNl9cDo/", true},
                   // AWS's documentation keys and other EXAMPLEKEY variants
                   {"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", false},
                   {"je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY", false},
                   {"aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", false},
                   {"wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY", false},
                   {"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", false},
                   {"abcdefghijklmnopqrstuvwxyzabcdefghijklmn", false},   // no upper case
                   {"Orjj5VfqRTk8j1d/bWWbjkloG1QX647kdNl9cDo", false},    // 39 characters
                   {"xOrjj5VfqRTk8j1d/bWWbjkloG1QX647kdNl9cDo/", false},  // 41 characters
                   {"", false},
               });
}

TEST(ValidatorsCredentials, HttpBasicAuth) {
  expect_cases(
      http_basic_auth,
      {
          {"Authorization: Basic dXNlcjpwYXNz", true},         // user:pass
          {"authorization:basic YWxpY2U6UzNjcmV0IQ==", true},  // blanks around the colon optional
          {"Authorization: BasicdXNlcjpwYXNz", false},         // but one is needed before the token
          {"authorization: basic YWxpY2U6UzNjcmV0IQ==", true},  // alice:S3cret!
          {"Proxy-Authorization: Basic YWxpY2U6UzNjcmV0IQ==", true},
          {"AUTHORIZATION :\tBASIC  am9zw6k6Y29udHJhc2XDsWE=", true},  // UTF-8 user
          {"Authorization: Basic YWxpY2U6UzNjcmV0IQ", true},           // padding omitted
          {"Authorization: Basic OnBhc3M=", false},                    // ":pass", empty user
          {"Authorization: Basic bm9jb2xvbg==", false},                // "nocolon"
          {"Authorization: Basic dXNlcgE6cHc=", false},                // control character
          {"Authorization: Basic dXNlcjpwYXN", false},                 // truncated quantum
          {"Authorization: Basic dXNlcjpwYXNz=", false},               // misplaced padding
          {"Authorization: Bearer dXNlcjpwYXNz", false},
          {"Authentication: Basic dXNlcjpwYXNz", false},
          {"dXNlcjpwYXNz", false},
      });
}

TEST(ValidatorsCredentials, JsonWebToken) {
  expect_cases(
      json_web_token,
      {
          // Built for this test: {"alg": "RS256", "typ": "JWT", "kid": "k1"} and
          // {"sub": "u-42", "exp": 1900000000}, signature random bytes.
          {"eyJhbGciOiAiUlMyNTYiLCAidHlwIjogIkpXVCIsICJraWQiOiAiazEifQ."
           "eyJzdWIiOiAidS00MiIsICJleHAiOiAxOTAwMDAwMDAwfQ."
           "jztRz0Sovd1cz2leJK6a8DMFthl2i5msbs9dJ8f-bT3KCzo3eYPjzRlkwAUyhICNrtQz4ycXxVHF8Vb9Hdv91w",
           true},
          // Unsecured JWS ({"alg":"none"}): empty signature.
          {"eyJhbGciOiJub25lIn0.eyJzdWIiOiAidS00MiIsICJleHAiOiAxOTAwMDAwMDAwfQ.", true},
          // {"typ":"JWT"}: no "alg".
          {"eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiAidS00MiIsICJleHAiOiAxOTAwMDAwMDAwfQ.c2ln", false},
          // {"typ":"alg"}: "alg" only as a value.
          {"eyJ0eXAiOiJhbGcifQ.eyJzdWIiOiAidS00MiIsICJleHAiOiAxOTAwMDAwMDAwfQ.c2ln", false},
          // Payload [1,2] is JSON but not an object.
          {"eyJhbGciOiAiUlMyNTYiLCAidHlwIjogIkpXVCIsICJraWQiOiAiazEifQ.WzEsMl0.c2ln", false},
          // Header {"alg":"HS256" is truncated JSON.
          {"eyJhbGciOiJIUzI1NiI.eyJzdWIiOiAidS00MiIsICJleHAiOiAxOTAwMDAwMDAwfQ.c2ln", false},
          {"eyJhbGciOiJub25lIn0.eyJzdWIiOiAidS00MiIsICJleHAiOiAxOTAwMDAwMDAwfQ", false},  // 1 dot
          {"eyJhbGciOiJub25lIn0.eyJzdWIiOiAidS00MiIsICJleHAiOiAxOTAwMDAwMDAwfQ.a+b", false},
          {"eyJhbGciOiJub25lIn0=.eyJzdWIiOiAidS00MiIsICJleHAiOiAxOTAwMDAwMDAwfQ.", false},
          {"eyJub3QganNvbg.eyJzdWIiOiAidS00MiIsICJleHAiOiAxOTAwMDAwMDAwfQ.c2ln", false},
      });
}

TEST(ValidatorsCredentials, StripeKey) {
  expect_cases(stripe_key,
               {
                   {"sk_live_XNQ6Fq5axtjRNmHkW5vQ7CF5", true},
                   {"pk_test_mm0EqlTaWEITclorXwIS8HGN", true},
                   {"rk_live_puzQqmOBZZW6m4nyoL6uniiFw152cTe8r0khCEr7n1AyOHFRuT11NCue1cr3McRTrKwtPY"
                    "KbPizDmbX1rpXjYdOhCgOIPOZx9eR",
                    true},
                   {"sk_test_4eC39HqLyjWDarjtT1zdp7dc", false},  // Stripe's documentation keys
                   {"pk_test_TYooMQauvdEDq54NiTphI7jx", false},
                   {"sk_live_xxxxxxxxxxxxxxxxxxxxxxxx", false},  // placeholder
                   {"sk_live_abcdefghijklmnopqrstuvwx", false},  // one character class only
                   {"sk_live_XNQ6Fq5axtjRNmHkW5vQ7CF", false},   // 23 characters
                   {"sk_prod_XNQ6Fq5axtjRNmHkW5vQ7CF5", false},
                   {"ak_live_XNQ6Fq5axtjRNmHkW5vQ7CF5", false},
                   {"sk_live_XNQ6Fq5axtjRNmHkW5vQ7CF5!", false},
               });
}

TEST(ValidatorsCredentials, GithubToken) {
  // Generated: 30 random base62 characters plus their CRC32 in base62 (0-9A-Za-z), padded to 6.
  expect_cases(github_token, {
                                 {"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", true},
                                 {"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", true},
                                 {"ghs_EeIV0g5TfHQZxr5jGKmEWI14an6P6s0Im6Bv", true},
                                 {"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", true},
                                 {"ghu_zQmx78Fj603TpVBhZCSWCkn8QfO7PQ0qaVch", true},
                                 {"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", true},  // 0-padded
                                 {"ghp_StZsxnTSWsbCBpWUedoB6SJ95Ypuie0AKxrl", false},
                                 {"ghp_StZsxnTSWsbCBpWUedoB6SJ95Ypuie0aKxrk", false},
                                 {"ghp_TtZsxnTSWsbCBpWUedoB6SJ95Ypuie0AKxrk", false},
                                 // GitHub's documentation example does not carry a checksum.
                                 {"gho_16C7e42F292c6912E7710c838347Ae178B4a", false},
                                 {"ghx_StZsxnTSWsbCBpWUedoB6SJ95Ypuie0AKxrk", false},
                                 {"ghp_StZsxnTSWsbCBpWUedoB6SJ95Ypuie0AKxr", false},
                                 {"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0", false},
                             });
}

TEST(ValidatorsCredentials, DatabaseUrlPassword) {
  expect_cases(database_url_password,
               {
                   {"postgres://app:S3cr3t-x9@db.internal", true},
                   {"postgresql://app:S3cr3t-x9@db.internal:5432/app", true},
                   {"mongodb+srv://svc:Zq81pLm2@cluster0.mongodb.net/db", true},
                   {"redis://:h7Gk2pQw@cache:6379", true},     // Redis has no user name
                   {"mysql://root:p@ss:w0rd@10.0.0.5", true},  // unencoded '@' in the password
                   {"postgres://app:password@db.internal", false},
                   {"postgres://app:PASSWORD@db.internal", false},
                   {"postgres://app:***@db.internal", false},
                   {"postgres://app:xxxxxx@db.internal", false},
                   {"postgres://app:${DB_PASSWORD}@db.internal", false},
                   {"postgres://app:$DB_PASSWORD@db.internal", false},
                   {"postgres://app:{{ db_password }}@db.internal", false},
                   {"postgres://app:<password>@db.internal", false},
                   {"postgres://app:%s@db.internal", false},
                   {"postgres://app:%(password)s@db.internal", false},
                   {"postgres://app:%40Xk9mQ2v@db.internal", true},  // percent-encoded '@'
                   {"postgres://app:$ecret99x@db.internal", true},   // not a variable name
                   {"postgres://app:@db.internal", false},
                   {"postgres://app@db.internal", false},  // no password at all
                   {"postgres://app:S3cr3t-x9@", false},   // no host
                   {"app:S3cr3t-x9@db.internal", false},   // no scheme
               });
}

TEST(ValidatorsCredentials, AzureStorageKey) {
  // Generated from 64 random bytes.
  expect_cases(
      azure_storage_key,
      {
          {"UclyLNLGQuboZAPAr+2naDI/bXzHLJ6khgiyKhPhr9eM+Q5vINsRWKtH8Ezh/Cxx4JRUg5/DaptIi/"
           "5m0joCwQ==",
           true},
          {"AccountKey=DhbNPvsvVSHq086JfvL8Qa3e86I3YtYPhUILEmNPdAaRpLV9/zX/"
           "PoBl3wvA01Fob25Fd7FcoaFjb2MxRHpDLQ==",
           true},
          {"azure_storage_key: \"DhbNPvsvVSHq086JfvL8Qa3e86I3YtYPhUILEmNPdAaRpLV9/zX/"
           "PoBl3wvA01Fob25Fd7FcoaFjb2MxRHpDLQ==\"",
           true},
          // The Azure Storage Emulator / Azurite key published by Microsoft.
          {"AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/"
           "K1SZFPTOtr/KBHBeksoGMGw==",
           false},
          // Last data character has non-zero unused bits: not canonical base64.
          {"UclyLNLGQuboZAPAr+2naDI/bXzHLJ6khgiyKhPhr9eM+Q5vINsRWKtH8Ezh/Cxx4JRUg5/DaptIi/"
           "5m0joCwR==",
           false},
          // 63 bytes encode to 84 characters without padding.
          {"hMYx3tdAZs4JMWa3uDuvYCT2NgwT9kthXjpoWFCQMB9E7Ccxp8jv2rXca78GFGZc0Oi4vc9jVDAHpSvPYa6E",
           false},
          {"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
           "==",
           false},
          // Part of a longer base64 run, not a key of its own.
          {"xUclyLNLGQuboZAPAr+2naDI/bXzHLJ6khgiyKhPhr9eM+Q5vINsRWKtH8Ezh/Cxx4JRUg5/DaptIi/"
           "5m0joCwQ==",
           false},
      });
}

// ---- North America ---------------------------------------------------------------------------

TEST(ValidatorsNorthAmerica, UsaSsn) {
  expect_cases(usa_ssn, {
                            {"536-22-8719", true},  {"536 22 8719", true},  {"536228719", true},
                            {"001-01-0001", true},  {"665-99-9999", true},  {"899-12-3456", true},
                            {"536-22 8719", false},  // inconsistent separators
                            {"53-622-8719", false},  // wrong grouping
                            {"000-22-8719", false},  // area 000
                            {"666-22-8719", false},  // area 666
                            {"900-22-8719", false},  // area 900-999 (ITIN / advertising)
                            {"987-65-4321", false}, {"536-00-8719", false},  // group 00
                            {"536-22-0000", false},                          // serial 0000
                            {"078-05-1120", false},  // Woolworth wallet card
                            {"219-09-9999", false},  // SSA advertising leaflet
                            {"536-22-871", false},  {"5362287190", false},  {"536.22.8719", false},
                        });
}

TEST(ValidatorsNorthAmerica, UsaItin) {
  expect_cases(usa_itin, {
                             {"912-70-1234", true},
                             {"912 50 1234", true},
                             {"912651234", true},
                             {"999-88-0001", true},
                             {"900-90-1234", true},
                             {"900-92-1234", true},
                             {"900-94-1234", true},
                             {"900-99-1234", true},
                             {"912-49-1234", false},  // below 50
                             {"912-66-1234", false},  // 66-69 not used
                             {"912-89-1234", false},
                             {"912-93-1234", false},
                             {"812-70-1234", false},  // must start with 9
                             {"912-70 1234", false},
                             {"912-70-123", false},
                         });
}

TEST(ValidatorsNorthAmerica, CanadaSin) {
  // Luhn check digits computed with python-stdnum: 13069254 -> 4, 93069254 -> 6, 71234567 -> 7.
  expect_cases(canada_sin, {
                               {"130692544", true},
                               {"130 692 544", true},
                               {"130-692-544", true},
                               {"930692546", true},  // temporary resident
                               {"712345677", true},
                               {"130692545", false},  // check digit off
                               {"130692454", false},  // transposition
                               {"046454286", false},  // the Government's example, prefix 0
                               {"830692547", false},  // Luhn-valid, but 8 is for business numbers
                               {"130 692-544", false},
                               {"13069254", false},
                               {"000000000", false},
                           });
}

// ---- Europe ----------------------------------------------------------------------------------

TEST(ValidatorsEurope, UkNino) {
  expect_cases(uk_nino, {
                            {"AB123456C", true},
                            {"AB 12 34 56 C", true},
                            {"AB 123456 C", true},
                            {"JG103759A", true},
                            {"ZY987654D", true},
                            {"QQ123456C", false},  // HMRC's published example prefix
                            {"QQ 12 34 56 C", false},
                            {"DA123456A", false},  // D never used
                            {"AO123456A", false},  // O never second
                            {"BG123456A", false},  // unallocated pairs
                            {"GB123456A", false},
                            {"NK123456A", false},
                            {"TN123456A", false},
                            {"ZZ123456A", false},
                            {"AB123456E", false},  // suffix A-D only
                            {"AB12345C", false},
                            {"AB12 34 56 C", false},  // partial grouping
                            {"ab123456c", false},
                        });
}

TEST(ValidatorsEurope, UkDrivingLicence) {
  // DVLA's sample licence MORGA657054SM9IJ: Morgan, born 5 July 1965 (month 57 = female, July).
  expect_cases(uk_driving_licence, {
                                       {"MORGA657054SM9IJ", true},
                                       {"MORGA607054SM9IJ", true},   // male, July
                                       {"LI999802299A99AB", true},   // short surname, no middle
                                       {"SMITH812310JA1AB", true},   // 31 December
                                       {"MORGA613054SM9IJ", false},  // month 13
                                       {"MORGA663054SM9IJ", false},  // month 63
                                       {"MORGA600054SM9IJ", false},  // month 00
                                       {"MORGA602304SM9IJ", false},  // 30 February
                                       {"MORGA657004SM9IJ", false},  // day 00
                                       {"M9RGA657054SM9IJ", false},  // 9 inside the surname
                                       {"9ORGA657054SM9IJ", false},
                                       {"MORGA657054S99IJ", true},
                                       {"MORGA6570549M9IJ", false},  // first initial missing
                                       {"MORGA657054SMXIJ", false},  // position 14 is a digit
                                       {"MORGA657054SM9I", false},
                                   });
}

TEST(ValidatorsEurope, FranceInsee) {
  // Keys from python-stdnum fr.nir.calc_check_digits: 2550814168025 -> 38,
  // 1850378006048 -> 95, 185032A006048 -> 39 (2A counts as 19), 175122B321005 -> 23.
  expect_cases(france_insee, {
                                 {"255081416802538", true},
                                 {"2 55 08 14 168 025 38", true},
                                 {"185037800604895", true},
                                 {"185032A00604839", true},
                                 {"1 85 03 2A 006 048 39", true},
                                 {"175122B32100523", true},
                                 {"255081416802539", false},  // key off by one
                                 {"255081416802638", false},  // one digit off
                                 {"355081416802538", false},  // sex digit 3
                                 {"255131416802538", false},  // month 13
                                 {"185032C00604839", false},  // only 2A and 2B exist
                                 {"2 55 08 14 168 02538", false},
                                 {"25508141680253", false},
                             });
}

TEST(ValidatorsEurope, FranceTaxId) {
  // Check part = first 10 digits mod 511: 1234567890 % 511 = 66, 3023217600 % 511 = 53,
  // 0300000001 % 511 = 77.
  expect_cases(france_tax_id, {
                                  {"1234567890066", true},
                                  {"12 34 567 890 066", true},
                                  {"3023217600053", true},
                                  {"0300000001077", true},
                                  {"1234567890067", false},
                                  {"1234567891066", false},
                                  {"4234567890066", false},  // first digit 0-3
                                  {"0000000000000", false},
                                  {"123456789006", false},
                                  {"12 34 567 890066", false},
                              });
}

TEST(ValidatorsEurope, GermanyIdCard) {
  // The specimen card's serial T22000129 has ICAO check digit 3; 1220001297 is an old-style
  // all-digit serial with its check digit (7*1+3*2+2+7*2+0+0+7*1+3*2+9 = 57 -> 7).
  expect_cases(germany_id_card, {
                                    {"T220001293", true},
                                    {"T22000129", true},  // serial without check digit
                                    {"1220001297", true},
                                    {"L01X00T47", true},
                                    {"T220001294", false},  // wrong check digit
                                    {"1220001298", false},
                                    {"122000129", false},   // bare digits need the check digit
                                    {"T2200012A3", false},  // A is not in the serial alphabet
                                    {"TO2000129", false},   // neither is O
                                    {"t220001293", false},
                                    {"CCCCCCCCC", false},
                                    {"T2200012", false},
                                });
}

TEST(ValidatorsEurope, GermanyTaxId) {
  expect_cases(germany_tax_id, {
                                   {"86095742719", true},  // BZSt's published example
                                   {"86 095 742 719", true},
                                   {"47036892816", true},
                                   {"65929970489", true},  // 9 three times
                                   {"11234567890", true},
                                   {"86095742718", false},  // check digit off
                                   {"12345678903", false},  // check fine but no repeated digit
                                   {"11123456786", true},   // 1 three times is allowed
                                   {"11112345678", false},  // check fine, but 1 four times
                                   {"11223456785", false},  // check fine, but two digits repeat
                                   {"01234567891", false},  // leading zero
                                   {"8609574271", false},
                                   {"86 0957 42719", false},
                               });
}

TEST(ValidatorsEurope, ItalyCodiceFiscale) {
  // Check characters from python-stdnum it.codicefiscale: RSSMRA85T10A56N -> H (omocodia on the
  // last digit), RSSMRA85T50A562 -> W (woman, day 10 + 40), RSSMRARUTLMALSN -> P.
  expect_cases(italy_codice_fiscale,
               {
                   {"RSSMRA85T10A562S", true},  // Agenzia delle Entrate
                   {"RSSMRA85T10A56NH", true},
                   {"RSSMRA85T50A562W", true},
                   {"RSSMRARUTLMALSNP", true},
                   {"RSSMRA85T10A562T", false},  // wrong check letter
                   {"RSSMRA85T10A563S", false},  // one digit off
                   {"RSSMRA85F10A562R", false},  // F is not a month (check letter right)
                   {"RSSMRA85T32A562Y", false},  // day 32 (check letter right)
                   {"RSSMRA85T10A56WJ", false},  // W is not omocodia (check letter right)
                   {"rssmra85t10a562s", false},
                   {"RSSMRA85T10A562", false},
               });
}

TEST(ValidatorsEurope, SpainDni) {
  expect_cases(spain_dni, {
                              {"12345678Z", true},
                              {"12345678-Z", true},
                              {"12345678 Z", true},
                              {"12.345.678-Z", true},
                              {"12.345.678Z", true},
                              {"87654321X", true},
                              {"04815162C", true},
                              {"12345678A", false},  // wrong letter
                              {"12345679Z", false},
                              {"00000000T", false},  // refused although the letter fits
                              {"99999999R", false},
                              {"11111111H", false},  // all same digits
                              {"1234567Z", false},
                              {"12.345678Z", false},
                              {"12345678--Z", false},
                          });
}

TEST(ValidatorsEurope, SpainNie) {
  expect_cases(spain_nie, {
                              {"X1234567L", true},
                              {"X-1234567-L", true},
                              {"X 1234567 L", true},
                              {"Y7654321G", true},
                              {"Z0123456C", true},
                              {"X1234567T", false},
                              {"Y1234567L", false},  // prefix changes the letter
                              {"W1234567L", false},
                              {"X-1234567 L", false},  // inconsistent separators
                              {"X123456L", false},
                              {"12345678Z", false},  // a DNI is not an NIE
                          });
}

TEST(ValidatorsEurope, SpainNif) {
  expect_cases(spain_nif, {
                              {"12345678Z", true},  // DNI
                              {"X1234567L", true},  // NIE
                              {"K1234567L", true},  // K/L/M personal NIF
                              {"L7654321J", true},
                              {"M-1234567-L", true},
                              {"K1234567M", false},
                              {"A13585625", false},  // an entity CIF is not a personal NIF
                              {"N1234567L", false},
                          });
}

TEST(ValidatorsEurope, SpainTaxId) {
  // CIF controls from python-stdnum es.cif.calc_check_digits: B1234567 -> 4/D, Q2826000 -> H,
  // P0800000 -> B, G6543210 -> 6/F.
  expect_cases(spain_tax_id, {
                                 {"12345678Z", true},
                                 {"X1234567L", true},
                                 {"A13585625", true},
                                 {"B1234567-4", true},  // each separator is optional
                                 {"B12345674", true},
                                 {"B-1234567-4", true},
                                 {"Q2826000H", true},
                                 {"P0800000B", true},
                                 {"G65432106", true},
                                 {"G6543210F", true},   // either form for G
                                 {"B1234567D", false},  // companies use the digit
                                 {"Q28260008", false},  // public bodies use the letter
                                 {"A13585626", false},
                                 {"I1234567J", false},  // no organisation type I
                             });
}

TEST(ValidatorsEurope, SpainSsn) {
  // Controls per the TGSS rule: 28/12345678 -> 2812345678 % 97 = 40;
  // 08/01234567 -> 8 * 10^7 + 1234567 = 81234567 % 97 = 74.
  expect_cases(spain_ssn, {
                              {"281234567840", true},
                              {"28/12345678/40", true},
                              {"28-12345678-40", true},
                              {"28 12345678 40", true},
                              {"080123456774", true},
                              {"281234567841", false},
                              {"281234567940", false},
                              {"001234567840", false},  // province 00
                              {"28/12345678-40", false},
                              {"28123456783", false},
                          });
}

// ---- Rest of the world -----------------------------------------------------------------------

TEST(ValidatorsRestOfWorld, AustraliaTfn) {
  // 123 456 782 is the ATO's worked example (weighted sum 253 = 23 * 11). 8-digit values use the
  // legacy weights 10 7 8 4 6 3 5 1: 12345677 sums to 154 = 14 * 11.
  expect_cases(australia_tfn, {
                                  {"123456782", true},
                                  {"123 456 782", true},
                                  {"123-456-782", true},
                                  {"876543210", true},
                                  {"465782912", true},
                                  {"12345677", true},
                                  {"123 456 77", true},
                                  {"87654322", true},
                                  {"123456783", false},
                                  {"123456728", false},
                                  {"12345678", false},
                                  {"000000000", false},
                                  {"123 456-782", false},
                                  {"1234567820", false},
                              });
}

TEST(ValidatorsRestOfWorld, BrazilCpf) {
  expect_cases(brazil_cpf, {
                               {"111.444.777-35", true},  // Receita Federal's example
                               {"11144477735", true},
                               {"111444777-35", true},
                               {"529.982.247-25", true},
                               {"111.444.777-36", false},
                               {"111.444.777-45", false},
                               {"111.444.778-35", false},
                               {"111.111.111-11", false},  // all equal (passes the mod 11)
                               {"000.000.000-00", false},
                               {"111-444-777.35", false},
                               {"1114447773", false},
                           });
}

TEST(ValidatorsRestOfWorld, BrazilCnpj) {
  expect_cases(brazil_cnpj, {
                                {"11.222.333/0001-81", true},
                                {"11222333000181", true},
                                {"112223330001-81", true},
                                {"04.252.011/0001-10", true},
                                {"11.222.333/0001-82", false},
                                {"11.222.333/0002-81", false},
                                {"00.000.000/0000-00", false},
                                {"11.111.111/1111-11", false},
                                {"11.222.333.0001-81", false},
                                {"1122233300018", false},
                            });
}

TEST(ValidatorsRestOfWorld, IndiaAadhaar) {
  // Verhoeff check digits from python-stdnum: 49983625103 -> 7, 98765432101 -> 2.
  expect_cases(india_aadhaar, {
                                  {"234123412346", true},
                                  {"2341 2341 2346", true},
                                  {"2341-2341-2346", true},
                                  {"499836251037", true},
                                  {"987654321012", true},
                                  {"234123412347", false},
                                  {"234123412364", false},  // transposition
                                  {"134123412346", false},  // never starts with 0 or 1
                                  {"2341 2341-2346", false},
                                  {"23412341234", false},
                              });
}

}  // namespace
}  // namespace tamis::validators
