// JSON Lines events: page views, orders and payments with nested objects. About 1.5% of records
// carry a value under a key that names it ("card", "ssn", "iban"), which Macie counts as the
// keyword; a few carry a valid number under the keyword-free key "external_ref".
#include "decoys.h"
#include "types.h"
#include "values.h"
#include "words.h"
#include "writers.h"

namespace tamis::corpus {
namespace {

constexpr std::uint64_t kSensitiveRecordsPerMillion = 15'000;

void write_sensitive_record(Rng& rng, Document& doc) {
  using values::Grouping;
  doc << R"("event":")";
  switch (rng.below(11)) {
    case 0:
    case 1:
      doc << R"(payment.captured","payment":{"amount":)" << decoys::amount(rng)
          << R"(,"card":{"number":")";
      doc.plant(types::kCreditCard, values::credit_card(rng, values::any_grouping(rng)));
      doc << R"(","brand":"unknown"}})";
      break;
    case 2:
      doc << R"(kyc.completed","applicant":{"ssn":")";
      doc.plant(types::kUsaSsn, values::usa_ssn(rng, values::any_grouping(rng)));
      doc << R"(","result":"pass"})";
      break;
    case 3:
      doc << R"(import.unmatched","row":{"external_ref":")";
      if (rng.chance(500'000)) {
        doc.plant(types::kCreditCard, values::credit_card(rng, Grouping::kNone), false);
      } else {
        doc.plant(types::kUsaSsn, values::usa_ssn(rng, Grouping::kHyphens), false);
      }
      doc << R"("})";
      break;
    case 4: {
      const values::IbanCountry& country = values::any_iban_country(rng);
      doc << R"(payout.created","payout":{"iban":")";
      doc.plant(country.tamis_type, values::iban(rng, country, false));
      doc << R"(","amount":)" << decoys::amount(rng) << '}';
      break;
    }
    case 5:
    case 6:
      doc << R"(user.updated","user":{"email":")";
      doc.plant(types::kEmail, values::email(rng));
      doc << R"(","locale":"en"})";
      break;
    case 7:
      doc << R"(user.updated","user":{"phone":")";
      doc.plant(types::kPhone, values::phone(rng));
      doc << R"("})";
      break;
    case 8:
      doc << R"(session.created","session":{"id_token":")";
      doc.plant(types::kJwt, values::jwt(rng));
      doc << R"("})";
      break;
    case 9:
      doc << R"(traveller.verified","traveller":{"passport_number":")";
      doc.plant(types::kUsaPassport, values::usa_passport(rng));
      doc << R"(","country":"US"})";
      break;
    default:
      doc << R"(integration.saved","integration":{"slack":{"bot_token":")";
      doc.plant(types::kSlackToken, values::slack_bot_token(rng));
      doc << R"("}})";
      break;
  }
}

void write_ordinary_record(Rng& rng, Document& doc) {
  switch (rng.below(3)) {
    case 0:
      doc << R"("event":"page.viewed","page":{"path":"/products/)" << values::digits(rng, 5)
          << R"(","ms":)" << rng.between(1, 999) << R"(},"request":{"ip":")" << decoys::ipv4(rng)
          << R"(","id":")" << decoys::uuid(rng) << R"("})";
      break;
    case 1:
      doc << R"("event":"order.created","order":{"id":")" << decoys::order_id(rng)
          << R"(","total":)" << decoys::amount(rng) << R"(,"currency":"EUR","items":[{"sku":"SKU-)"
          << values::digits(rng, 6) << R"(","qty":)" << values::digits(rng, 1)
          << R"(}]},"customer":{"id":"c-)" << values::digits(rng, 7) << R"(","city":")"
          << words::any_city(rng) << R"("})";
      break;
    default:
      doc << R"("event":"ledger.posted","entry":{"txn":")" << decoys::sixteen_digit_id(rng)
          << R"(","batch":)" << decoys::nine_digit_number(rng) << R"(,"amount":)"
          << decoys::amount(rng) << '}';
      break;
  }
}

}  // namespace

Document write_jsonl(Rng& rng, std::size_t target_bytes) {
  Document doc(target_bytes);
  std::uint64_t clock = rng.below(86400 * 20);
  while (doc.size() < target_bytes) {
    clock += rng.below(5);
    doc << R"({"ts":")" << decoys::timestamp(clock, rng.below(1000)) << R"(",)";
    if (rng.chance(kSensitiveRecordsPerMillion)) {
      write_sensitive_record(rng, doc);
    } else {
      write_ordinary_record(rng, doc);
    }
    doc << "}\n";
  }
  return doc;
}

}  // namespace tamis::corpus
