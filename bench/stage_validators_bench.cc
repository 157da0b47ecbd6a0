// Validators alone (lib/catalog/validators.h): items/s for each one on a valid and an invalid
// value, the values of tests/unit/validators_test.cc. One family: the first argument picks the
// validator (its name is the label), the second valid (1) or invalid (0). Every value's expected
// verdict is checked before timing, so a validator that changes its answer fails the benchmark.
// Run: tamis_bench --benchmark_filter=StageValidator
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/validators.h"

namespace tamis {
namespace {

namespace v = validators;

struct ValidatorCase {
  const char* name;
  bool (*check)(std::string_view);
  const char* valid;
  const char* invalid;  // a near miss: the right shape, a wrong check
};

bool icao9303_passport_number(std::string_view field_and_check) {
  if (field_and_check.empty()) return false;
  return v::icao9303_check(field_and_check.substr(0, field_and_check.size() - 1),
                           field_and_check.back());
}

const std::vector<ValidatorCase>& validator_cases() {
  static const std::vector<ValidatorCase> cases = {
      {"luhn", v::luhn, "79927398713", "79927398714"},
      {"iso7064_mod97_10", v::iso7064_mod97_10, "WEST12345698765432GB82", "WEST12345698765432GB83"},
      {"iso7064_mod11_10", v::iso7064_mod11_10, "86095742719", "86095742718"},
      {"verhoeff", v::verhoeff, "234123412346", "234123412341"},
      {"icao9303_check", icao9303_passport_number, "L898902C36", "L898902C37"},
      {"credit_card", v::credit_card, "4539 5260 1815 9083", "4539 5260 1815 9084"},
      {"credit_card_track", v::credit_card_track,
       "%B4539526018159083^DOE/JOHN^2912101000000000000000000?",
       "%B4539526018159084^DOE/JOHN^2912101?"},
      {"iban", v::iban, "DE89 3704 0044 0532 0130 00", "GB82WEST12345698765433"},
      {"aws_secret_key", v::aws_secret_key,
       "aws_secret_access_key = Orjj5VfqRTk8j1d/bWWbjkloG1QX647kdNl9cDo/",
       "aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"},
      {"http_basic_auth", v::http_basic_auth,
       "Authorization: Basic YWxpY2U6UzNjcmV0IQ==", "Authorization: Basic dXNlcgE6cHc="},
      {"json_web_token", v::json_web_token,
       "eyJhbGciOiAiUlMyNTYiLCAidHlwIjogIkpXVCIsICJraWQiOiAiazEifQ."
       "eyJzdWIiOiAidS00MiIsICJleHAiOiAxOTAwMDAwMDAwfQ."
       "jztRz0Sovd1cz2leJK6a8DMFthl2i5msbs9dJ8f-bT3KCzo3eYPjzRlkwAUyhICNrtQz4ycXxVHF8Vb9Hdv91w",
       "eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiAidS00MiIsICJleHAiOiAxOTAwMDAwMDAwfQ.c2ln"},
      {"stripe_key", v::stripe_key, "sk_live_XNQ6Fq5axtjRNmHkW5vQ7CF5",
       "sk_test_4eC39HqLyjWDarjtT1zdp7dc"},
      {"github_token", v::github_token, "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",
       "ghp_StZsxnTSWsbCBpWUedoB6SJ95Ypuie0AKxrl"},
      {"database_url_password", v::database_url_password,
       "postgresql://app:S3cr3t-x9@db.internal:5432/app",
       "postgres://app:${DB_PASSWORD}@db.internal"},
      {"azure_storage_key", v::azure_storage_key,
       "AccountKey=DhbNPvsvVSHq086JfvL8Qa3e86I3YtYPhUILEmNPdAaRpLV9/zX/"
       "PoBl3wvA01Fob25Fd7FcoaFjb2MxRHpDLQ==",
       "UclyLNLGQuboZAPAr+2naDI/bXzHLJ6khgiyKhPhr9eM+Q5vINsRWKtH8Ezh/Cxx4JRUg5/DaptIi/"
       "5m0joCwR=="},
      {"usa_ssn", v::usa_ssn, "536-22-8719", "666-22-8719"},
      {"usa_itin", v::usa_itin, "912-70-1234", "912-66-1234"},
      {"canada_sin", v::canada_sin, "130 692 544", "130 692 545"},
      {"uk_nino", v::uk_nino, "AB 12 34 56 C", "QQ 12 34 56 C"},
      {"uk_driving_licence", v::uk_driving_licence, "MORGA657054SM9IJ", "MORGA613054SM9IJ"},
      {"france_insee", v::france_insee, "2 55 08 14 168 025 38", "255081416802539"},
      {"france_tax_id", v::france_tax_id, "12 34 567 890 066", "1234567890067"},
      {"germany_id_card", v::germany_id_card, "T220001293", "T220001294"},
      {"germany_tax_id", v::germany_tax_id, "86 095 742 719", "86095742718"},
      {"italy_codice_fiscale", v::italy_codice_fiscale, "RSSMRA85T10A562S", "RSSMRA85T10A562T"},
      {"spain_dni", v::spain_dni, "12.345.678-Z", "12345678A"},
      {"spain_nie", v::spain_nie, "X-1234567-L", "X1234567T"},
      {"spain_nif", v::spain_nif, "M-1234567-L", "K1234567M"},
      {"spain_tax_id", v::spain_tax_id, "B-1234567-4", "A13585626"},
      {"spain_ssn", v::spain_ssn, "28/12345678/40", "281234567841"},
      {"australia_tfn", v::australia_tfn, "123 456 782", "123456783"},
      {"brazil_cpf", v::brazil_cpf, "111.444.777-35", "111.444.777-36"},
      {"brazil_cnpj", v::brazil_cnpj, "11.222.333/0001-81", "11.222.333/0001-82"},
      {"india_aadhaar", v::india_aadhaar, "2341 2341 2346", "234123412347"},
  };
  return cases;
}

void BM_StageValidator(benchmark::State& state) {
  const ValidatorCase& c = validator_cases()[static_cast<std::size_t>(state.range(0))];
  const bool expect_valid = state.range(1) == 1;
  const std::string value = expect_valid ? c.valid : c.invalid;
  state.SetLabel(std::string(c.name) + (expect_valid ? " valid" : " invalid"));
  if (c.check(value) != expect_valid) {
    state.SkipWithError("the validator's verdict on its sample changed");
    return;
  }
  std::uint64_t accepted = 0;
  for (auto _ : state) {
    // Laundered so the compiler cannot hoist the pure call out of the loop.
    std::string_view input = value;
    benchmark::DoNotOptimize(input);
    accepted += c.check(input) ? 1 : 0;
  }
  benchmark::DoNotOptimize(accepted);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * value.size()));
}

void validator_arguments(benchmark::internal::Benchmark* b) {
  for (std::size_t i = 0; i < validator_cases().size(); ++i) {
    b->Args({static_cast<std::int64_t>(i), 1});
    b->Args({static_cast<std::int64_t>(i), 0});
  }
}

BENCHMARK(BM_StageValidator)->Apply(validator_arguments)->ArgNames({"validator", "valid"});

}  // namespace
}  // namespace tamis
