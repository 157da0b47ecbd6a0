// Streaming normalisation: compatibility forms fold to what identifiers expect, and the output
// never depends on where the input was cut.
#include "decode/text_normalizer.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace tamis {
namespace {

struct Normalized {
  std::string text;
  std::uint64_t invalid = 0;
  std::uint64_t first_invalid = 0;
  std::size_t emitted_before_finish = 0;
};

Normalized normalize(std::string_view input, std::size_t chunk) {
  Normalized result;
  auto normalizer = TextNormalizer::create();
  EXPECT_TRUE(normalizer.ok());
  if (!normalizer.ok()) return result;
  const auto sink = [&](std::string_view piece) { result.text.append(piece); };
  for (std::size_t at = 0; at < input.size(); at += chunk) {
    normalizer->feed(input.substr(at, chunk), sink);
  }
  result.emitted_before_finish = result.text.size();
  normalizer->finish(sink);
  result.invalid = normalizer->invalid_sequences();
  result.first_invalid = normalizer->first_invalid_offset();
  return result;
}

std::vector<std::size_t> chunk_sizes(std::size_t whole) {
  return {1, 2, 3, 4, 5, 6, 7, std::max<std::size_t>(whole, 1)};
}

struct Case {
  const char* what;
  std::string input;
  std::string expected;
};

void expect_all_chunkings(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    for (std::size_t chunk : chunk_sizes(c.input.size())) {
      const Normalized n = normalize(c.input, chunk);
      EXPECT_EQ(n.text, c.expected) << c.what << ", chunks of " << chunk;
      EXPECT_EQ(n.invalid, 0u) << c.what;
    }
  }
}

TEST(TextNormalizer, CompatibilityFormsFoldToAscii) {
  expect_all_chunkings({
      {"full-width digits and ideographic space",
       "\xEF\xBC\x94\xEF\xBC\x91\xEF\xBC\x91\xEF\xBC\x91\xE3\x80\x80\xEF\xBC\x91\xEF\xBC\x91\xEF"
       "\xBC"
       "\x91\xEF\xBC\x91",
       "4111 1111"},
      {"full-width letters", "\xEF\xBC\xA1\xEF\xBC\xAB\xEF\xBC\xA9\xEF\xBC\xA1", "AKIA"},
      {"ligature fi",
       "con\xEF\xAC\x81"
       "dential",
       "confidential"},
      {"circled and superscript digits", "\xE2\x91\xA0\xC2\xB2\xE2\x82\x83", "123"},
      {"mathematical bold digits", "\xF0\x9D\x9F\x8F\xF0\x9D\x9F\x90", "12"},
  });
}

TEST(TextNormalizer, UnicodeSpacesBecomeAsciiSpaces) {
  expect_all_chunkings({
      {"no-break space",
       "4111\xC2\xA0"
       "1111",
       "4111 1111"},
      {"narrow no-break space",
       "4111\xE2\x80\xAF"
       "1111",
       "4111 1111"},
      {"figure space",
       "4111\xE2\x80\x87"
       "1111",
       "4111 1111"},
      {"thin and hair spaces",
       "a\xE2\x80\x89"
       "b\xE2\x80\x8A"
       "c",
       "a b c"},
      {"ogham space mark (NFKC keeps it)",
       "a\xE1\x9A\x80"
       "b",
       "a b"},
      {"medium mathematical space",
       "a\xE2\x81\x9F"
       "b",
       "a b"},
  });
}

TEST(TextNormalizer, FormatCharactersInsideANumberAreRemoved) {
  expect_all_chunkings({
      {"zero-width space, non-joiner, joiner",
       "4111\xE2\x80\x8B"
       "1111\xE2\x80\x8C"
       "1111\xE2\x80\x8D"
       "1111",
       "4111111111111111"},
      {"word joiner and soft hyphen",
       "4111\xE2\x81\xA0"
       "1111\xC2\xAD"
       "1111",
       "411111111111"},
      {"BOM inside text",
       "12\xEF\xBB\xBF"
       "34",
       "1234"},
      {"bidi marks",
       "\xE2\x80\x8F"
       "4111\xE2\x80\x8E"
       "1111",
       "41111111"},
  });
}

TEST(TextNormalizer, CombiningSequencesComposeAcrossChunks) {
  expect_all_chunkings({
      {"e + acute",
       "caf"
       "e\xCC\x81",
       "caf\xC3\xA9"},
      {"A + ring above at start",
       "A\xCC\x8A"
       "ngstr\xC3\xB6m",
       "\xC3\x85ngstr\xC3\xB6m"},
      {"two marks reordered by combining class", "a\xCC\x81\xCC\xA3",  // acute, dot below
       "\xE1\xBA\xA1\xCC\x81"},                                        // ạ + acute
      {"Hangul jamo compose to a syllable", "\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8", "\xEA\xB0\x81"},
      {"mark after a removed joiner still composes", "e\xE2\x80\x8D\xCC\x81", "\xC3\xA9"},
  });
}

TEST(TextNormalizer, AsciiPassesThroughUnchangedAndStreams) {
  std::string text;
  for (int i = 0; text.size() < 200000; ++i) {
    text += "line " + std::to_string(i) + ": card 4111 1111 1111 1111, ssn 078-05-1120\n";
  }
  for (std::size_t chunk : {std::size_t{1}, std::size_t{7}, std::size_t{4096}, text.size()}) {
    const Normalized n = normalize(text, chunk);
    EXPECT_EQ(n.text, text) << "chunks of " << chunk;
    // Only the last character waits for finish(): the rest streams out as it arrives.
    EXPECT_EQ(n.emitted_before_finish, text.size() - 1) << "chunks of " << chunk;
  }
}

TEST(TextNormalizer, MalformedUtf8BecomesReplacement) {
  const std::string fffd = "\xEF\xBF\xBD";
  struct Bad {
    std::string input;
    std::string expected;
    std::uint64_t invalid;
    std::uint64_t first_offset;
  };
  const std::vector<Bad> cases = {
      {"a\xFF"
       "b",
       "a" + fffd + "b", 1, 1},
      {"a\xE2\x82"
       "b",
       "a" + fffd + "b", 1, 1},
      {"end \xE2\x82", "end " + fffd, 1, 4},
      {"ab\xE2\x82X\xFF", "ab" + fffd + "X" + fffd, 2,
       2},  // bad sequence across chunks       // cut off by the end of the text
      {"ok \xC0\xAF", "ok " + fffd + fffd, 2, 3},  // overlong
      {"\xED\xA0\x80", fffd + fffd + fffd, 3, 0},  // surrogate code point
  };
  for (const Bad& c : cases) {
    for (std::size_t chunk : chunk_sizes(c.input.size())) {
      const Normalized n = normalize(c.input, chunk);
      EXPECT_EQ(n.text, c.expected) << "chunks of " << chunk;
      EXPECT_EQ(n.invalid, c.invalid) << "chunks of " << chunk;
      EXPECT_EQ(n.first_invalid, c.first_offset) << "chunks of " << chunk;
    }
  }
}

// Independent oracle: ICU's NFKC over the whole text after the same character mapping.
std::string whole_text_oracle(std::string_view input) {
  icu::UnicodeString mapped;
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(input);
  for (std::int32_t i = 0; i < source.length();) {
    const UChar32 c = source.char32At(i);
    i += U16_LENGTH(c);
    const bool removed = c == 0xAD || (c >= 0x200B && c <= 0x200F) || c == 0x2060 || c == 0xFEFF;
    if (removed) continue;
    mapped.append(c == 0xA0 || c == 0x3000 ? UChar32{' '} : c);
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString normalized =
      icu::Normalizer2::getNFKCInstance(status)->normalize(mapped, status);
  EXPECT_TRUE(U_SUCCESS(status));
  std::string out;
  normalized.toUTF8String(out);
  return out;
}

TEST(TextNormalizer, MixedScriptsMatchWholeTextNormalisation) {
  const std::string text =
      "Kund\xC3\xA4nummer: \xEF\xBC\x94\xEF\xBC\x91\xEF\xBC\x91\xEF\xBC\x91 \xE2\x80\x8B"
      "1111\xC2\xA0\xE3\x82\xAB\xE3\x82\x99\xE3\x83\x89 \xEF\xBD\xB6\xEF\xBE\x9E\xEF\xBE\x84\xEF"
      "\xBE\x9E \xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8 \xEA\xB0\x81 \xD9\x84\xD8\xA7 "
      "\xEF\xBB\xBB \xD0\xB9 \xD0\xB8\xCC\x86 o\xCC\x88\xCC\x81 \xE2\x85\xAB \xF0\x9F\x92\xB3\n";
  const std::string expected = whole_text_oracle(text);
  ASSERT_FALSE(expected.empty());
  for (std::size_t chunk : {1, 2, 3, 4, 5, 6, 7, 11, 13, 64}) {
    EXPECT_EQ(normalize(text, chunk).text, expected) << "chunks of " << chunk;
  }
  EXPECT_EQ(normalize(text, text.size()).text, expected);
}

TEST(TextNormalizer, EndlessCombiningMarksStayBounded) {
  // No normalisation boundary for 300 KB: the normaliser must emit in pieces, not hoard it.
  std::string text = "a";
  for (int i = 0; i < 100000; ++i) text += "\xCC\x81";  // U+0301, 2 bytes each
  const std::string expected = whole_text_oracle(text);
  // One byte at a time too: looking for a boundary must not rescan what is held back each time.
  for (std::size_t chunk : {std::size_t{1}, std::size_t{4096}}) {
    const Normalized n = normalize(text, chunk);
    EXPECT_GT(n.emitted_before_finish, text.size() - 2 * TextNormalizer::kMaxPendingBytes);
    // Marks of one combining class do not reorder, so the pieces equal the whole-text result.
    EXPECT_EQ(n.text, expected) << "chunks of " << chunk;
  }
}

}  // namespace
}  // namespace tamis
