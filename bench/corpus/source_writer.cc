// Source and configuration files with secrets assigned to the names developers give them, and the
// decoys secret scanners trip on: published test cards, AWS's documentation key, Stripe's doc
// key, placeholder connection strings, hashes and build ids.
#include <array>

#include "decoys.h"
#include "types.h"
#include "values.h"
#include "words.h"
#include "writers.h"

namespace tamis::corpus {
namespace {

// How one language writes a comment and a string constant.
struct Syntax {
  std::string_view extension;
  std::string_view comment;        // line comment prefix
  std::string_view assign_before;  // before the name
  std::string_view assign_middle;  // between the name and the value
  std::string_view assign_after;   // after the value
  bool upper_names;                // constant names in upper case (else lower snake case)
  std::string_view pem_eol;        // line end inside a PEM value ("" when PEMs do not fit)
};

constexpr Syntax kSyntaxes[] = {
    {"py", "# ", "", " = \"", "\"", true, "\n"},
    {"js", "// ", "const ", " = '", "';", false, "\\n"},
    {"go", "// ", "\t", " := \"", "\"", false, "\\n"},
    {"java", "// ", "    private static final String ", " = \"", "\";", true, "\\n"},
    {"yaml", "# ", "  ", ": \"", "\"", false, ""},
    {"env", "# ", "", "=", "", true, ""},
    {"properties", "# ", "", "=", "", false, ""},
};

const Syntax& syntax_for(std::string_view extension) {
  for (const Syntax& syntax : kSyntaxes) {
    if (syntax.extension == extension) return syntax;
  }
  return kSyntaxes[0];
}

// `name` is written in lower snake case and upper-cased for languages that want it.
void write_name(Document& doc, const Syntax& syntax, std::string_view name) {
  for (char c : name) {
    doc << (syntax.upper_names && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
}

void open_assignment(Document& doc, const Syntax& syntax, std::string_view name) {
  doc << syntax.assign_before;
  write_name(doc, syntax, name);
  doc << syntax.assign_middle;
}

void assign_decoy(Document& doc, const Syntax& syntax, std::string_view name,
                  std::string_view value) {
  open_assignment(doc, syntax, name);
  doc << value << syntax.assign_after << '\n';
}

void assign_secret(Document& doc, const Syntax& syntax, std::string_view name,
                   std::string_view type, std::string_view value) {
  open_assignment(doc, syntax, name);
  doc.plant(type, value);
  doc << syntax.assign_after << '\n';
}

void write_secret(Rng& rng, Document& doc, const Syntax& syntax) {
  switch (rng.below(syntax.pem_eol.empty() ? 9 : 11)) {
    case 0:
      assign_secret(doc, syntax, "aws_access_key_id", types::kAwsAccessKeyId,
                    values::aws_access_key_id(rng));
      break;
    case 1:
      assign_secret(doc, syntax, "aws_secret_access_key", types::kAwsSecretKey,
                    values::aws_secret_key(rng));
      break;
    case 2:
      assign_secret(doc, syntax, "github_token", types::kGithubToken, values::github_token(rng));
      break;
    case 3:
      assign_secret(doc, syntax, "slack_bot_token", types::kSlackToken,
                    values::slack_bot_token(rng));
      break;
    case 4:
      assign_secret(doc, syntax, "stripe_secret_key", types::kStripeKey,
                    values::stripe_secret_key(rng));
      break;
    case 5:
      open_assignment(doc, syntax, "database_url");
      doc.plant(types::kDatabaseUrl, values::database_url(rng));
      doc << ':' << values::digits(rng, 4) << "/app" << syntax.assign_after << '\n';
      break;
    case 6:
      assign_secret(doc, syntax, "service_jwt", types::kJwt, values::jwt(rng));
      break;
    case 7:
      doc << syntax.comment << "curl -H \"";
      doc.plant(types::kBasicAuth, values::basic_auth_header(rng));
      doc << "\" https://repo.example.net/artifacts\n";
      break;
    case 8:
      assign_secret(doc, syntax, "support_phone", types::kPhone, values::phone(rng));
      break;
    case 9:
      if (syntax.extension == "py") {
        doc << "PRIVATE_KEY = \"\"\"";
        doc.plant(types::kPkcsKey, values::pkcs_private_key(rng, syntax.pem_eol));
        doc << "\"\"\"\n";
      } else {
        open_assignment(doc, syntax, "signing_key");
        doc.plant(types::kPkcsKey, values::pkcs_private_key(rng, syntax.pem_eol));
        doc << syntax.assign_after << '\n';
      }
      break;
    default:
      open_assignment(doc, syntax, "deploy_key");
      doc.plant(types::kOpensshKey, values::openssh_private_key(rng, syntax.pem_eol));
      doc << syntax.assign_after << '\n';
      break;
  }
}

void write_decoy(Rng& rng, Document& doc, const Syntax& syntax) {
  switch (rng.below(9)) {
    case 0:
      assign_decoy(doc, syntax, "test_card_number", "4111111111111111");
      break;
    case 1:
      doc << syntax.comment
          << "example: aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n";
      break;
    case 2:
      assign_decoy(doc, syntax, "stripe_doc_key", "sk_test_4eC39HqLyjWDarjtT1zdp7dc");
      break;
    case 3:
      assign_decoy(doc, syntax, "database_url", "postgres://app:${DB_PASSWORD}@db:5432/app");
      break;
    case 4:
      assign_decoy(doc, syntax, "cache_digest", decoys::hex(rng, 40));
      break;
    case 5:
      assign_decoy(doc, syntax, "build_id", decoys::uuid(rng));
      break;
    case 6:
      assign_decoy(doc, syntax, "legacy_ref", decoys::sixteen_digit_id(rng));
      break;
    case 7:
      assign_decoy(doc, syntax, "batch_size", decoys::nine_digit_number(rng));
      break;
    default:
      assign_decoy(doc, syntax, "region", "eu-west-1");
      break;
  }
}

void write_code_line(Rng& rng, Document& doc, const Syntax& syntax) {
  constexpr std::string_view kIdentifiers[] = {"orders",   "invoice", "result", "payload",
                                               "items",    "retries", "total",  "report",
                                               "shipment", "client"};
  const std::string_view a = rng.pick(kIdentifiers);
  const std::string_view b = rng.pick(kIdentifiers);
  switch (rng.below(6)) {
    case 0:
      doc << syntax.comment << words::sentence(rng) << '\n';
      break;
    case 1:
      assign_decoy(doc, syntax, "timeout_ms", values::digits(rng, 4));
      break;
    case 2:
      if (syntax.extension == "yaml" || syntax.extension == "env" ||
          syntax.extension == "properties") {
        assign_decoy(doc, syntax, "log_level", "info");
      } else {
        doc << "    " << a << " = process(" << b << ", " << values::digits(rng, 3) << ")\n";
      }
      break;
    case 3:
      if (syntax.extension == "yaml" || syntax.extension == "env" ||
          syntax.extension == "properties") {
        assign_decoy(doc, syntax, "service_host", words::any_host_name(rng));
      } else {
        doc << "    if " << a << " > " << values::digits(rng, 2) << " { return " << b << " }\n";
      }
      break;
    case 4:
      assign_decoy(doc, syntax, "feature_flag", rng.chance(500'000) ? "true" : "false");
      break;
    default:
      doc << '\n';
      break;
  }
}

}  // namespace

Document write_source(Rng& rng, std::size_t target_bytes, std::string_view extension) {
  const Syntax& syntax = syntax_for(extension);
  Document doc(target_bytes);
  doc << syntax.comment << "Maintainer: " << words::any_first_name(rng) << ' '
      << words::any_last_name(rng) << " <";
  doc.plant(types::kEmail, values::email(rng));
  doc << ">\n\n";
  // Configuration files are short and dense with credentials; code has them on ~1.5% of lines.
  const bool config = extension == "env" || extension == "yaml" || extension == "properties";
  const std::uint64_t secret_per_million = config ? 60'000 : 15'000;
  if (extension == "yaml") doc << "service:\n";
  while (doc.size() < target_bytes) {
    if (rng.chance(secret_per_million)) {
      write_secret(rng, doc, syntax);
    } else if (rng.chance(30'000)) {
      write_decoy(rng, doc, syntax);
    } else {
      write_code_line(rng, doc, syntax);
    }
  }
  return doc;
}

}  // namespace tamis::corpus
