// Customer order exports with a header row. As in real exports, card numbers and SSNs are masked
// in most rows; about 1.5% of rows hold a full value in its named column (the column name is the
// keyword Macie needs) and a few hold a valid number in the keyword-free `reference` column.
#include "decoys.h"
#include "types.h"
#include "values.h"
#include "words.h"
#include "writers.h"

namespace tamis::corpus {
namespace {

constexpr std::string_view kHeader =
    "order_id,customer_id,first_name,last_name,email,phone,card_number,ssn,iban,amount,currency,"
    "created_at,reference,status\n";

constexpr std::uint64_t kSensitiveRowsPerMillion = 15'000;

enum class Column { kEmail, kPhone, kCard, kSsn, kIban, kReferenceCard, kReferenceSsn };

Column any_sensitive_column(Rng& rng) {
  constexpr Column kColumns[] = {Column::kEmail, Column::kEmail,         Column::kPhone,
                                 Column::kCard,  Column::kCard,          Column::kSsn,
                                 Column::kIban,  Column::kReferenceCard, Column::kReferenceSsn};
  return rng.pick(kColumns);
}

std::string masked_email(Rng& rng) {
  std::string out(1, static_cast<char>('a' + rng.below(26)));
  out.append("***@");
  out.append(words::any_mail_domain(rng));
  return out;
}

void write_row(Rng& rng, Document& doc, std::uint64_t clock, bool sensitive) {
  using values::Grouping;
  const Column column = sensitive ? any_sensitive_column(rng) : Column::kReferenceSsn;
  doc << decoys::order_id(rng) << ",c-" << values::digits(rng, 7) << ','
      << words::any_first_name(rng) << ',' << words::any_last_name(rng) << ',';
  if (sensitive && column == Column::kEmail) {
    doc.plant(types::kEmail, values::email(rng));
  } else {
    doc << masked_email(rng);
  }
  doc << ',';
  if (sensitive && column == Column::kPhone) {
    doc.plant(types::kPhone, values::phone(rng));
  } else {
    doc << "***-***-" << values::digits(rng, 4);
  }
  doc << ',';
  if (sensitive && column == Column::kCard) {
    doc.plant(types::kCreditCard, values::credit_card(rng, values::any_grouping(rng)));
  } else {
    doc << "************" << values::digits(rng, 4);
  }
  doc << ',';
  if (sensitive && column == Column::kSsn) {
    doc.plant(types::kUsaSsn, values::usa_ssn(rng, values::any_grouping(rng)));
  } else {
    doc << "***-**-" << values::digits(rng, 4);
  }
  doc << ',';
  if (sensitive && column == Column::kIban) {
    const values::IbanCountry& country = values::any_iban_country(rng);
    doc.plant(country.tamis_type, values::iban(rng, country, rng.chance(300'000)));
  }
  doc << ',' << decoys::amount(rng) << ',' << (rng.chance(500'000) ? "USD" : "EUR") << ','
      << decoys::timestamp(clock, rng.below(1000)) << ',';
  if (sensitive && column == Column::kReferenceCard) {
    doc.plant(types::kCreditCard, values::credit_card(rng, Grouping::kNone), false);
  } else if (sensitive && column == Column::kReferenceSsn) {
    doc.plant(types::kUsaSsn, values::usa_ssn(rng, Grouping::kHyphens), false);
  } else if (rng.chance(500'000)) {
    doc << decoys::sixteen_digit_id(rng);
  } else {
    doc << decoys::nine_digit_number(rng);
  }
  constexpr std::string_view kStatuses[] = {"paid", "paid", "refunded", "pending", "shipped"};
  doc << ',' << rng.pick(kStatuses) << '\n';
}

}  // namespace

Document write_csv(Rng& rng, std::size_t target_bytes) {
  Document doc(target_bytes);
  doc << kHeader;
  std::uint64_t clock = rng.below(86400 * 20);
  while (doc.size() < target_bytes) {
    clock += rng.below(120);
    write_row(rng, doc, clock, rng.chance(kSensitiveRowsPerMillion));
  }
  return doc;
}

}  // namespace tamis::corpus
