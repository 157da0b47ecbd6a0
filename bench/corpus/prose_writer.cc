// Business prose: emails and meeting notes. About 1.2% of lines carry a value, most of them with
// the keyword Macie needs right before it; the rest of the text is keyword-free filler.
#include "types.h"
#include "values.h"
#include "words.h"
#include "writers.h"

namespace tamis::corpus {
namespace {

constexpr std::uint64_t kSensitiveLinesPerMillion = 12'000;

void write_sensitive_sentence(Rng& rng, Document& doc) {
  using values::Grouping;
  switch (rng.below(12)) {
    case 0:
      doc << "The customer read out the card number ";
      doc.plant(types::kCreditCard, values::credit_card(rng, values::any_grouping(rng)));
      doc << " over the phone.";
      break;
    case 1:
      doc << "Reference ";
      doc.plant(types::kCreditCard, values::credit_card(rng, Grouping::kNone), false);
      doc << " was copied from the legacy system.";
      break;
    case 2:
      doc << "Her SSN is ";
      doc.plant(types::kUsaSsn, values::usa_ssn(rng, Grouping::kHyphens));
      doc << " according to the onboarding file.";
      break;
    case 3:
      doc << "Ticket ";
      doc.plant(types::kUsaSsn, values::usa_ssn(rng, Grouping::kHyphens), false);
      doc << " was reopened by the customer.";
      break;
    case 4:
      doc << "His passport number is ";
      doc.plant(types::kUsaPassport, values::usa_passport(rng));
      doc << " and it expires next spring.";
      break;
    case 5:
      doc << "The national insurance number ";
      doc.plant(types::kUkNino, values::uk_nino(rng, rng.chance(500'000)));
      doc << " is on the payroll form.";
      break;
    case 6:
      doc << "Staff code ";
      doc.plant(types::kUkNino, values::uk_nino(rng, false), false);
      doc << " was added to the roster.";
      break;
    case 7:
    case 8:
      doc << "You can reach " << words::any_first_name(rng) << " at ";
      doc.plant(types::kEmail, values::email(rng));
      doc << " for details.";
      break;
    case 9:
    case 10:
      doc << "Call the front desk on ";
      doc.plant(types::kPhone, values::phone(rng));
      doc << " if the door is locked.";
      break;
    default: {
      const values::IbanCountry& country = values::any_iban_country(rng);
      doc << "Please wire the deposit to IBAN ";
      doc.plant(country.tamis_type, values::iban(rng, country, rng.chance(500'000)));
      doc << " before Friday.";
      break;
    }
  }
}

void write_filler_line(Rng& rng, Document& doc) {
  doc << words::sentence(rng);
  if (rng.chance(600'000)) doc << ' ' << words::sentence(rng);
}

void write_email_header(Rng& rng, Document& doc) {
  const std::string_view first = words::any_first_name(rng);
  doc << "From: " << first << ' ' << words::any_last_name(rng) << " <";
  doc.plant(types::kEmail, values::email(rng));
  doc << ">\nTo: " << words::any_team(rng) << " team\nSubject: " << words::any_product(rng)
      << " update for " << words::any_city(rng) << "\n\nHi all,\n\n";
}

void write_meeting_header(Rng& rng, Document& doc) {
  doc << "Meeting notes: " << words::any_team(rng) << " sync in " << words::any_city(rng)
      << "\nAttendees: " << words::any_first_name(rng) << ", " << words::any_first_name(rng) << ", "
      << words::any_first_name(rng) << "\n\n";
}

}  // namespace

Document write_prose(Rng& rng, std::size_t target_bytes) {
  Document doc(target_bytes);
  while (doc.size() < target_bytes) {
    const bool email = rng.chance(500'000);
    if (email) {
      write_email_header(rng, doc);
    } else {
      write_meeting_header(rng, doc);
    }
    const std::uint64_t lines = rng.between(20, 60);
    for (std::uint64_t i = 0; i < lines; ++i) {
      if (rng.chance(kSensitiveLinesPerMillion)) {
        write_sensitive_sentence(rng, doc);
      } else {
        write_filler_line(rng, doc);
      }
      doc << (rng.chance(150'000) ? "\n\n" : "\n");
    }
    doc << (email ? "\nBest regards,\n" : "\nNext sync in two weeks.\n");
    doc << words::any_first_name(rng) << "\n\n";
  }
  return doc;
}

}  // namespace tamis::corpus
