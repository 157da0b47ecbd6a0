// Application logs: request lines, job and payment messages full of ids, amounts and IPs. About
// 1.5% of lines carry a value (auth headers, connection strings, tokens, a few card numbers).
#include "decoys.h"
#include "types.h"
#include "values.h"
#include "words.h"
#include "writers.h"

namespace tamis::corpus {
namespace {

constexpr std::uint64_t kSensitiveLinesPerMillion = 15'000;

void write_sensitive_message(Rng& rng, Document& doc) {
  using values::Grouping;
  switch (rng.below(14)) {
    case 0:
      doc << "DEBUG [gateway] upstream request headers: ";
      doc.plant(types::kBasicAuth, values::basic_auth_header(rng));
      break;
    case 1:
      doc << "ERROR [worker] could not connect to ";
      doc.plant(types::kDatabaseUrl, values::database_url(rng));
      doc << ":5432/orders: connection timed out";
      break;
    case 2:
      doc << "INFO  [auth] login ok session=";
      doc.plant(types::kJwt, values::jwt(rng));
      doc << " user=u-" << values::digits(rng, 6);
      break;
    case 3:
      doc << "WARN  [payments] retrying charge card=";
      doc.plant(types::kCreditCard, values::credit_card(rng, Grouping::kNone));
      doc << " attempt=2";
      break;
    case 4:
      doc << "DEBUG [import] row skipped ref=";
      doc.plant(types::kCreditCard, values::credit_card(rng, Grouping::kNone), false);
      doc << " reason=duplicate";
      break;
    case 5:
      doc << "INFO  [kyc] verified ssn=";
      doc.plant(types::kUsaSsn, values::usa_ssn(rng, Grouping::kHyphens));
      doc << " status=ok";
      break;
    case 6:
      doc << "DEBUG [import] external ref ";
      doc.plant(types::kUsaSsn, values::usa_ssn(rng, Grouping::kHyphens), false);
      doc << " not matched";
      break;
    case 7:
      doc << "INFO  [s3] signed request with key id ";
      doc.plant(types::kAwsAccessKeyId, values::aws_access_key_id(rng));
      break;
    case 8:
      doc << "DEBUG [notify] POST https://slack.com/api/chat.postMessage?channel=C0"
          << values::digits(rng, 7) << "&token=";
      doc.plant(types::kSlackToken, values::slack_bot_token(rng));
      break;
    case 9:
      doc << "DEBUG [ci] cloning with GITHUB_TOKEN=";
      doc.plant(types::kGithubToken, values::github_token(rng));
      break;
    case 10:
    case 11:
      doc << "INFO  [mailer] sent receipt to ";
      doc.plant(types::kEmail, values::email(rng));
      break;
    case 12:
      doc << "INFO  [sms] sent one-time code to ";
      doc.plant(types::kPhone, values::phone(rng));
      break;
    default:
      doc << "DEBUG [billing] client configured with ";
      doc.plant(types::kStripeKey, values::stripe_secret_key(rng));
      break;
  }
}

void write_ordinary_message(Rng& rng, Document& doc) {
  constexpr std::string_view kMethods[] = {"GET", "GET", "GET", "POST", "PUT", "DELETE"};
  constexpr std::string_view kPaths[] = {"/api/v1/orders/", "/api/v1/invoices/", "/api/v2/items/",
                                         "/health/", "/api/v1/shipments/"};
  constexpr std::string_view kStatuses[] = {"200", "200", "200", "201", "204", "404", "500"};
  switch (rng.below(8)) {
    case 0:
    case 1:
    case 2:
      doc << "INFO  [http] " << rng.pick(kMethods) << ' ' << rng.pick(kPaths)
          << decoys::order_id(rng) << ' ' << rng.pick(kStatuses) << ' ' << values::digits(rng, 2)
          << "ms ip=" << decoys::ipv4(rng) << " req=" << decoys::uuid(rng);
      break;
    case 3:
      doc << "INFO  [orders] order " << decoys::order_id(rng) << " total=" << decoys::amount(rng)
          << " EUR items=" << values::digits(rng, 1) << " customer=c-" << values::digits(rng, 7);
      break;
    case 4:
      doc << "INFO  [ledger] txn " << decoys::sixteen_digit_id(rng)
          << " settled amount=" << decoys::amount(rng)
          << " batch=" << decoys::nine_digit_number(rng);
      break;
    case 5:
      doc << "DEBUG [cache] miss object=sha1:" << decoys::hex(rng, 40)
          << " size=" << values::digits(rng, 5);
      break;
    case 6:
      doc << "WARN  [jobs] job " << decoys::uuid(rng) << " slow: " << values::digits(rng, 4)
          << "ms rows=" << decoys::nine_digit_number(rng);
      break;
    default:
      doc << "INFO  [support] callback scheduled for " << words::any_first_name(rng) << ' '
          << decoys::phone_like(rng) << " in " << words::any_city(rng);
      break;
  }
}

}  // namespace

Document write_log(Rng& rng, std::size_t target_bytes) {
  Document doc(target_bytes);
  std::uint64_t clock = rng.below(86400 * 20);
  while (doc.size() < target_bytes) {
    clock += rng.below(3);
    doc << decoys::timestamp(clock, rng.below(1000)) << ' ';
    if (rng.chance(kSensitiveLinesPerMillion)) {
      write_sensitive_message(rng, doc);
    } else {
      write_ordinary_message(rng, doc);
    }
    doc << '\n';
  }
  return doc;
}

}  // namespace tamis::corpus
