// Anchored identifiers (ManagedIdentifier::anchor) are searched only around their anchor's hits
// instead of in the stream database. That must change no finding: the default selection is run
// with and without anchoring over seeded text full of near misses (blanks over the limit, runs
// longer than the pattern allows, anchors inside values, '+' '/' '=' inside runs), whole, in
// small feeds and as segments, and every occurrence must agree.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "base64_test_support.h"
#include "engine_test_support.h"
#include "match/compiled_rules.h"

namespace tamis {
namespace {

using testing_support::expect_same_results;
using testing_support::scan_in_chunks;

class Text {
 public:
  explicit Text(std::uint32_t seed) : random_(seed) {}

  std::string build(std::size_t pieces) {
    std::string out;
    for (std::size_t i = 0; i < pieces; ++i) {
      switch (pick(6)) {
        case 0:
          out += basic_header();
          break;
        case 1:
          out += aws_secret();
          break;
        case 2:
          out += pick_of({"authorization", "Authorization:", "secret", "SECRET key", "basic",
                          "-secretkey", "proxy-", "Proxy-Authorization", "access_key="});
          break;
        default:
          out += pick_of({"the", "request", "value", "token", "GET / HTTP/1.1", "Host: x", "=", "+",
                          "/", "\"", "'", ":", "\t", "key", "id=7"});
          break;
      }
      out += pick_of({" ", " ", " ", "\n", "", "\t", ", "});
    }
    return out;
  }

 private:
  std::size_t pick(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_);
  }

  std::string pick_of(std::initializer_list<const char*> options) {
    return *(options.begin() + pick(options.size()));
  }

  std::string blanks(std::size_t max) {
    std::string out;
    for (std::size_t n = pick(max + 2); n > 0; --n) out += pick(3) == 0 ? '\t' : ' ';
    return out;
  }

  std::string run(std::size_t length, bool base64_signs) {
    static constexpr char kLetters[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    std::string out;
    for (std::size_t i = 0; i < length; ++i) {
      out += base64_signs && pick(12) == 0 ? (pick(2) == 0 ? '+' : '/') : kLetters[pick(62)];
    }
    return out;
  }

  std::string basic_header() {
    std::string out = pick_of({"", "", "Proxy-", "proxy-", "x-"});
    out += pick_of({"Authorization", "authorization", "AUTHORIZATION", "Authorisation"});
    out += blanks(3);
    out += pick(10) == 0 ? "=" : ":";
    out += blanks(3);
    out += pick_of({"Basic", "basic", "BASIC", "Bearer"});
    out += blanks(3);
    switch (pick(5)) {
      case 0:  // longer than the pattern's 1,024 characters, signs inside or not
        out += run(1000 + pick(60), pick(2) == 0);
        break;
      case 1:  // another header inside the value
        out += run(pick(12), false) + "Authorization: Basic " +
               testing_support::encode_base64("eve:" + run(9, false));
        break;
      default: {
        std::string credentials = run(1 + pick(10), false) + ":" + run(pick(30), true);
        out += testing_support::encode_base64(credentials);
        break;
      }
    }
    return out;
  }

  std::string aws_secret() {
    std::string out = pick_of({"aws_", "", "", "-", "my"});
    out += pick_of({"secret_access_key", "SecretAccessKey", "secret-key", "SECRET KEY", "secretkey",
                    "SecretKey", "secret__key"});
    out += pick_of({"", "\"", "'"});
    out += blanks(5);
    out += pick_of({"=", ":", "=>", ":=", " "});
    out += blanks(5);
    out += pick_of({"", "\"", "'"});
    out += run(pick(6) == 0 ? 38 + pick(5) : 40, true);
    return out;
  }

  std::mt19937 random_;
};

std::shared_ptr<const Engine> default_engine(bool use_anchors) {
  Config config;
  config.reveal_values = true;
  config.limits.max_occurrences_per_type = 100000;
  auto built = Engine::build(config, BuildOptions{.use_anchors = use_anchors});
  EXPECT_TRUE(built.ok()) << (built.ok() ? "" : built.error().message);
  return built.ok() ? *built : nullptr;
}

std::size_t count_of(const ObjectResult& result, std::string_view type) {
  const Detection* d = testing_support::find_detection(result, type);
  return d != nullptr ? d->occurrences.size() : 0;
}

// Anchored, and decided by probes from the starts its anchors allow (the prefix database).
bool is_anchored(const Engine& engine, std::string_view type) {
  for (const match::Rule& rule : engine.rules().rules) {
    if (rule.type == type) return rule.anchored && rule.start->prefix_database() != nullptr;
  }
  return false;
}

// Each line a CSV-like cell, every other one under a column named after an anchor: names never
// gate an anchored identifier.
ObjectResult scan_as_cells(Scanner& scanner, std::string_view text) {
  return testing_support::scan_as_cells(
      scanner, text, [](std::uint64_t row) { return row % 2 == 0 ? "Authorization" : "notes"; });
}

TEST(AnchoredPatterns, FindExactlyWhatTheStreamDatabaseFinds) {
  auto anchored_engine = default_engine(true);
  auto streamed_engine = default_engine(false);
  ASSERT_NE(anchored_engine, nullptr);
  ASSERT_NE(streamed_engine, nullptr);
  for (std::string_view type : {"HTTP_BASIC_AUTH_HEADER", "AWS_CREDENTIALS"}) {
    ASSERT_TRUE(is_anchored(*anchored_engine, type)) << type;
    ASSERT_FALSE(is_anchored(*streamed_engine, type)) << type;
  }
  Scanner anchored(anchored_engine);
  Scanner streamed(streamed_engine);
  for (std::uint32_t seed = 1; seed <= 4; ++seed) {
    const std::string text = Text(seed).build(1500);
    const ObjectResult whole = anchored.scan("mem", text);
    // Not a comparison of two empty results: the text holds both kinds, and near misses.
    EXPECT_GE(count_of(whole, "HTTP_BASIC_AUTH_HEADER"), 20U) << "seed " << seed;
    EXPECT_GE(count_of(whole, "AWS_CREDENTIALS"), 20U) << "seed " << seed;
    expect_same_results(whole, streamed.scan("mem", text), "whole, seed " + std::to_string(seed));
    for (std::size_t chunk : {1, 5, 64, 1000}) {
      const std::string how = "chunk " + std::to_string(chunk) + ", seed " + std::to_string(seed);
      expect_same_results(scan_in_chunks(anchored, text, chunk), whole, how);
    }
    expect_same_results(scan_as_cells(anchored, text), scan_as_cells(streamed, text),
                        "cells, seed " + std::to_string(seed));
  }
}

TEST(AnchoredPatterns, SomLeftmostModeAgreesToo) {
  Config config;
  config.reveal_values = true;
  config.start_offset_mode = StartOffsetMode::kSomLeftmost;
  auto som = Engine::build(config);
  ASSERT_TRUE(som.ok()) << som.error().message;
  auto recover = default_engine(false);
  ASSERT_NE(recover, nullptr);
  Scanner a(*som);
  Scanner b(recover);
  const std::string text = Text(11).build(1500);
  const ObjectResult result = a.scan("mem", text);
  EXPECT_GE(count_of(result, "HTTP_BASIC_AUTH_HEADER"), 20U);
  expect_same_results(result, b.scan("mem", text), "som");
}

}  // namespace
}  // namespace tamis
