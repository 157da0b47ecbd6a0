#include "words.h"

namespace tamis::corpus::words {
namespace {

constexpr std::string_view kFirstNames[] = {
    "James", "Mary",   "Robert", "Patricia", "John",   "Jennifer", "Michael", "Linda",
    "David", "Sarah",  "Daniel", "Karen",    "Thomas", "Nancy",    "Mark",    "Lisa",
    "Paul",  "Sandra", "Kevin",  "Emily",    "Brian",  "Michelle", "George",  "Laura",
    "Akua",  "Mateo",  "Chen",   "Priya",    "Omar",   "Ingrid",   "Luca",    "Yuki"};
constexpr std::string_view kLastNames[] = {
    "Smith",  "Johnson", "Williams", "Brown",    "Jones",  "Garcia",  "Miller",  "Davis",
    "Wilson", "Moore",   "Taylor",   "Anderson", "Thomas", "Jackson", "White",   "Harris",
    "Martin", "Clark",   "Lewis",    "Walker",   "Hall",   "Young",   "Mansa",   "Rossi",
    "Novak",  "Okafor",  "Tanaka",   "Schmidt",  "Dubois", "Larsen",  "Fischer", "Moreau"};
constexpr std::string_view kUserPrefixes[] = {"svc-", "app-", "etl-", "ops-", "ci-", ""};
constexpr std::string_view kUserWords[] = {"billing",   "reports", "deploy",  "backup",
                                           "orders",    "sync",    "jmorris", "agarcia",
                                           "warehouse", "ledger",  "mailer",  "metrics"};
constexpr std::string_view kHostWords[] = {"db",        "pg",        "mysql",   "cache",  "mq",
                                           "orders-db", "analytics", "primary", "replica"};
constexpr std::string_view kHostDomains[] = {"internal.example.net", "prod.example.com",
                                             "corp.example.org", "eu-west-1.rds.example.com",
                                             "svc.cluster.local"};
constexpr std::string_view kMailDomains[] = {"example.com",       "acme-corp.com", "northwind.io",
                                             "contoso.org",       "globex.net",    "initech.co",
                                             "umbrella-mail.com", "fabrikam.eu"};
constexpr std::string_view kRoles[] = {"viewer", "editor", "admin", "analyst", "auditor", "owner"};
constexpr std::string_view kCities[] = {"Boston",  "Denver", "Austin", "Seattle", "Chicago",
                                        "Atlanta", "Dublin", "Berlin", "Lyon",    "Madrid",
                                        "Milan",   "Leeds",  "Oslo",   "Toronto", "Phoenix"};
constexpr std::string_view kProducts[] = {"Starter plan",       "Team plan",      "Enterprise plan",
                                          "support add-on",     "storage bundle", "analytics seat",
                                          "onboarding package", "annual renewal"};
constexpr std::string_view kTeams[] = {"finance",     "sales",       "marketing",
                                       "engineering", "legal",       "operations",
                                       "support",     "procurement", "people"};

constexpr std::string_view kSubjects[] = {
    "The quarterly review", "Our onboarding process", "The vendor contract", "The migration plan",
    "The marketing budget", "This release",           "The steering group",  "The audit schedule",
    "Customer feedback",    "The renewal pipeline",   "The hiring plan",     "Our roadmap",
    "The office move",      "The pricing proposal",   "The support backlog", "The new dashboard"};
constexpr std::string_view kVerbs[] = {
    "needs",       "depends on",    "was moved to", "should include", "will cover",
    "has delayed", "is blocked by", "now includes", "must reflect",   "was approved with"};
constexpr std::string_view kObjects[] = {"a revised timeline",
                                         "the remaining action items",
                                         "input from the regional leads",
                                         "a short summary for the board",
                                         "the updated forecast",
                                         "a second round of interviews",
                                         "the feedback from last week",
                                         "clearer ownership",
                                         "the draft agreement",
                                         "a follow-up meeting",
                                         "the new reporting format",
                                         "fewer manual steps",
                                         "the shared calendar",
                                         "the latest figures",
                                         "a decision from management"};
constexpr std::string_view kTails[] = {"",
                                       " before the end of the month",
                                       " as discussed on the call",
                                       " according to the latest notes",
                                       " once legal has signed off",
                                       " so please plan accordingly",
                                       " and the team agreed to revisit it",
                                       " pending approval from the director",
                                       " which everyone found helpful",
                                       " if nobody objects"};

}  // namespace

std::string_view any_first_name(Rng& rng) { return rng.pick(kFirstNames); }
std::string_view any_last_name(Rng& rng) { return rng.pick(kLastNames); }
std::string_view any_mail_domain(Rng& rng) { return rng.pick(kMailDomains); }
std::string_view any_role(Rng& rng) { return rng.pick(kRoles); }
std::string_view any_city(Rng& rng) { return rng.pick(kCities); }
std::string_view any_product(Rng& rng) { return rng.pick(kProducts); }
std::string_view any_team(Rng& rng) { return rng.pick(kTeams); }

std::string any_user_name(Rng& rng) {
  std::string out(rng.pick(kUserPrefixes));
  out.append(rng.pick(kUserWords));
  return out;
}

std::string any_host_name(Rng& rng) {
  std::string out(rng.pick(kHostWords));
  out.push_back('-');
  out.push_back(rng.pick("0123"));
  out.push_back(rng.pick("123456789"));
  out.push_back('.');
  out.append(rng.pick(kHostDomains));
  return out;
}

std::string sentence(Rng& rng) {
  std::string out(rng.pick(kSubjects));
  out.push_back(' ');
  out.append(rng.pick(kVerbs));
  out.push_back(' ');
  out.append(rng.pick(kObjects));
  out.append(rng.pick(kTails));
  out.push_back('.');
  return out;
}

}  // namespace tamis::corpus::words
