// Invariants every managed identifier must keep: unique ids, patterns that Hyperscan compiles with
// a bounded width, keyword rules that make sense, and the RECOMMENDED set matching Macie's 35 ids.
#include "catalog/catalog.h"

#include <gtest/gtest.h>
#include <hs/hs.h>

#include <set>
#include <string>

namespace tamis {
namespace {

TEST(Catalog, IdsAreUniqueAndWellFormed) {
  std::set<std::string_view> seen;
  for (const auto& row : managed_catalog()) {
    EXPECT_TRUE(seen.insert(row.id).second) << "duplicate id " << row.id;
    EXPECT_FALSE(row.patterns.empty()) << row.id;
    EXPECT_FALSE(row.description.empty()) << row.id;
    EXPECT_FALSE(row.countries.empty()) << row.id;
    if (row.keyword_required) {
      EXPECT_FALSE(row.keywords.empty()) << row.id;
    }
    for (char c : row.id) {
      EXPECT_TRUE((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '(' ||
                  c == ')')
          << row.id;
    }
  }
}

TEST(Catalog, EveryPatternCompilesWithBoundedWidthAndNoWordBoundary) {
  for (const auto& row : managed_catalog()) {
    for (auto pattern : row.patterns) {
      const std::string expr(pattern);
      EXPECT_EQ(expr.find("\\b"), std::string::npos) << row.id << ": no \\b in patterns";
      hs_expr_info_t* info = nullptr;
      hs_compile_error_t* error = nullptr;
      hs_error_t rc = hs_expression_info(expr.c_str(), 0, &info, &error);
      ASSERT_EQ(rc, HS_SUCCESS) << row.id << ": " << (error ? error->message : "?") << " in /"
                                << expr << "/";
      EXPECT_NE(info->max_width, UINT_MAX) << row.id << ": unbounded pattern /" << expr << "/";
      EXPECT_GT(info->min_width, 0u) << row.id << ": pattern can match empty text";
      free(info);
    }
  }
}

TEST(Catalog, RecommendedSetIsMacies35) {
  const std::set<std::string_view> expected = {"AWS_CREDENTIALS",
                                               "HTTP_BASIC_AUTH_HEADER",
                                               "OPENSSH_PRIVATE_KEY",
                                               "PGP_PRIVATE_KEY",
                                               "PUTTY_PRIVATE_KEY",
                                               "PKCS",
                                               "CREDIT_CARD_MAGNETIC_STRIPE",
                                               "CREDIT_CARD_NUMBER",
                                               "CANADA_DRIVERS_LICENSE",
                                               "DRIVERS_LICENSE",
                                               "UK_DRIVERS_LICENSE",
                                               "UK_ELECTORAL_ROLL_NUMBER",
                                               "FRANCE_NATIONAL_IDENTIFICATION_NUMBER",
                                               "GERMANY_NATIONAL_IDENTIFICATION_NUMBER",
                                               "ITALY_NATIONAL_IDENTIFICATION_NUMBER",
                                               "SPAIN_DNI_NUMBER",
                                               "UK_NATIONAL_INSURANCE_NUMBER",
                                               "CANADA_PASSPORT_NUMBER",
                                               "FRANCE_PASSPORT_NUMBER",
                                               "GERMANY_PASSPORT_NUMBER",
                                               "ITALY_PASSPORT_NUMBER",
                                               "SPAIN_PASSPORT_NUMBER",
                                               "UK_PASSPORT_NUMBER",
                                               "USA_PASSPORT_NUMBER",
                                               "CANADA_SOCIAL_INSURANCE_NUMBER",
                                               "SPAIN_SOCIAL_SECURITY_NUMBER",
                                               "USA_SOCIAL_SECURITY_NUMBER",
                                               "AUSTRALIA_TAX_FILE_NUMBER",
                                               "BRAZIL_CPF_NUMBER",
                                               "FRANCE_TAX_IDENTIFICATION_NUMBER",
                                               "GERMANY_TAX_IDENTIFICATION_NUMBER",
                                               "SPAIN_NIE_NUMBER",
                                               "SPAIN_NIF_NUMBER",
                                               "SPAIN_TAX_IDENTIFICATION_NUMBER",
                                               "USA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER"};
  std::set<std::string_view> recommended;
  for (const auto& row : managed_catalog()) {
    if (row.recommended) recommended.insert(row.id);
    EXPECT_FALSE(row.recommended && row.tamis_default) << row.id;
  }
  EXPECT_EQ(recommended, expected);
  EXPECT_GE(managed_catalog().size(), 45u);
}

}  // namespace
}  // namespace tamis
