// Base64 and quoted-printable stream decoders, and MIME header parsing (encoded words, RFC 2231
// parameters, field lines).
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "archive/byte_source.h"
#include "archive_test_support.h"
#include "base64_test_support.h"
#include "decode/base64_stream.h"
#include "decode/quoted_printable_stream.h"
#include "extract/mime_header.h"

namespace tamis {
namespace {

using archive_test::StringSource;
using testing_support::encode_base64;

std::string read_all(ByteSource& source) {
  std::string out;
  std::string_view chunk;
  while (source.pull(chunk) == Pull::kData) out += chunk;
  return out;
}

std::string random_bytes(std::size_t size, unsigned seed) {
  std::mt19937 generator(seed);
  std::string out(size, '\0');
  for (char& c : out) c = static_cast<char>(generator() & 0xFF);
  return out;
}

// Decodes `input` split into two pushes at `split`.
std::string base64_split(std::string_view input, std::size_t split, std::uint64_t* invalid) {
  Base64Decoder decoder;
  std::string out(Base64Decoder::max_output(input.size()) + 3, '\0');
  std::size_t size = decoder.decode(input.substr(0, split), out.data());
  size += decoder.decode(input.substr(split), out.data() + size);
  size += decoder.finish(out.data() + size);
  out.resize(size);
  if (invalid != nullptr) *invalid = decoder.invalid_characters();
  return out;
}

std::string qp_split(std::string_view input, std::size_t split, std::uint64_t* invalid) {
  QuotedPrintableDecoder decoder;
  std::string out(QuotedPrintableDecoder::max_output(input.size()) * 2, '\0');
  std::size_t size = decoder.decode(input.substr(0, split), out.data());
  size += decoder.decode(input.substr(split), out.data() + size);
  size += decoder.finish(out.data() + size);
  out.resize(size);
  if (invalid != nullptr) *invalid = decoder.invalid_sequences();
  return out;
}

TEST(Base64Stream, DecodesPaddedAndUnpaddedText) {
  EXPECT_EQ(decode_base64("SGVsbG8gV29ybGQ="), "Hello World");
  EXPECT_EQ(decode_base64("SGVsbG8gV29ybGQ"), "Hello World");  // padding missing
  EXPECT_EQ(decode_base64("SGk="), "Hi");
  EXPECT_EQ(decode_base64("SGk"), "Hi");
  EXPECT_EQ(decode_base64(""), "");
}

TEST(Base64Stream, SkipsLineBreaksAndWhitespace) {
  EXPECT_EQ(decode_base64("SGVs\r\nbG8g\nV29y bGQ\t="), "Hello World");
}

TEST(Base64Stream, SkipsAndCountsInvalidCharacters) {
  std::uint64_t invalid = 0;
  EXPECT_EQ(base64_split("SG!Vs*bG8", 4, &invalid), "Hello");
  EXPECT_EQ(invalid, 2u);
  // A lone last character cannot encode a byte.
  EXPECT_EQ(base64_split("SGVsbA", 0, &invalid), "Hell");
  EXPECT_EQ(invalid, 0u);
  EXPECT_EQ(base64_split("SGVsb", 2, &invalid), "Hel");
  EXPECT_EQ(invalid, 1u);
}

TEST(Base64Stream, PaddingInTheMiddleEndsAQuantum) {
  // Two blocks encoded separately and concatenated, as some mailers do.
  EXPECT_EQ(decode_base64("SGk=SGk="), "HiHi");
  EXPECT_EQ(decode_base64("SA==SGk"), "HHi");
}

TEST(Base64Stream, EverySplitPositionGivesTheSameBytes) {
  const std::string bytes = random_bytes(301, 7);
  const std::string encoded = encode_base64(bytes, 76);
  for (std::size_t split = 0; split <= encoded.size(); ++split) {
    std::uint64_t invalid = 99;
    ASSERT_EQ(base64_split(encoded, split, &invalid), bytes) << "split at " << split;
    EXPECT_EQ(invalid, 0u);
  }
}

TEST(Base64Stream, SourceAdapterDecodesAnyChunking) {
  const std::string bytes = random_bytes(200'000, 11);
  const std::string encoded = encode_base64(bytes, 76);
  for (const std::size_t chunk : {1u, 3u, 77u, 4096u, 1u << 20}) {
    StringSource inner(encoded, chunk);
    Base64DecodeSource decoded(inner);
    ASSERT_EQ(read_all(decoded), bytes) << "chunk " << chunk;
    EXPECT_EQ(decoded.decoder().invalid_characters(), 0u);
    EXPECT_TRUE(is_complete(decoded.status()));
  }
}

TEST(QuotedPrintableStream, DecodesEscapesInEitherCase) {
  EXPECT_EQ(qp_split("caf=C3=A9 =3d=3D", 0, nullptr), "caf\xC3\xA9 ==");
  EXPECT_EQ(qp_split("=e2=82=ac", 0, nullptr), "\xE2\x82\xAC");
}

TEST(QuotedPrintableStream, RemovesSoftLineBreaks) {
  EXPECT_EQ(qp_split("long li=\r\nne and=\nmore", 0, nullptr), "long line andmore");
  // Blanks between "=" and the line break are transport padding.
  EXPECT_EQ(qp_split("a= \t\r\nb", 0, nullptr), "ab");
  // Hard line breaks stay.
  EXPECT_EQ(qp_split("one\r\ntwo\nthree", 0, nullptr), "one\r\ntwo\nthree");
}

TEST(QuotedPrintableStream, KeepsAndCountsMalformedEscapes) {
  std::uint64_t invalid = 0;
  EXPECT_EQ(qp_split("a=zb", 0, &invalid), "a=zb");
  EXPECT_EQ(invalid, 1u);
  EXPECT_EQ(qp_split("x=4g", 0, &invalid), "x=4g");
  EXPECT_EQ(invalid, 1u);
  EXPECT_EQ(qp_split("1+1=2 ok", 0, &invalid), "1+1=2 ok");  // "=2 " is no escape
  EXPECT_EQ(invalid, 1u);
  EXPECT_EQ(qp_split("end=", 0, &invalid), "end=");
  EXPECT_EQ(invalid, 1u);
  EXPECT_EQ(qp_split("end=4", 0, &invalid), "end=4");
  EXPECT_EQ(invalid, 1u);
  EXPECT_EQ(qp_split("a= b", 0, &invalid), "a= b");
  EXPECT_EQ(invalid, 1u);
}

TEST(QuotedPrintableStream, EverySplitPositionGivesTheSameBytes) {
  const std::string encoded =
      "Card 4111=20=31111 =\r\n1111 1111=\nend =E2=82=ac x=zy = \r\nq=\r\r\nlast=4";
  const std::string expected = qp_split(encoded, 0, nullptr);
  EXPECT_EQ(expected, "Card 4111 1111 1111 1111end \xE2\x82\xAC x=zy q\r\nlast=4");
  for (std::size_t split = 0; split <= encoded.size(); ++split) {
    ASSERT_EQ(qp_split(encoded, split, nullptr), expected) << "split at " << split;
  }
}

TEST(QuotedPrintableStream, SourceAdapterDecodesAnyChunking) {
  std::string encoded;
  std::string expected;
  for (int i = 0; i < 4'000; ++i) {
    encoded += "Line =C3=A9t=C3=A9 number " + std::to_string(i) + "=\r\n continues\r\n";
    expected += "Line \xC3\xA9t\xC3\xA9 number " + std::to_string(i) + " continues\r\n";
  }
  for (const std::size_t chunk : {1u, 2u, 3u, 1000u, 1u << 22}) {
    StringSource inner(encoded, chunk);
    QuotedPrintableDecodeSource decoded(inner);
    ASSERT_EQ(read_all(decoded), expected) << "chunk " << chunk;
    EXPECT_EQ(decoded.decoder().invalid_sequences(), 0u);
  }
}

TEST(MimeHeader, DecodesEncodedWordsInAnyCharset) {
  EXPECT_EQ(decode_encoded_words("=?ISO-8859-1?Q?Caf=E9_cr=E8me?="), "Caf\xC3\xA9 cr\xC3\xA8me");
  EXPECT_EQ(decode_encoded_words("=?utf-8?B?w4lsw6h2ZQ==?= report"), "\xC3\x89l\xC3\xA8ve report");
  EXPECT_EQ(decode_encoded_words("Re: =?windows-1252?q?=80100?= due"),
            "Re: \xE2\x82\xAC"
            "100 due");
  EXPECT_EQ(decode_encoded_words("=?utf-8*en?Q?hi?="), "hi");  // RFC 2231 language suffix
}

TEST(MimeHeader, JoinsAdjacentEncodedWords) {
  // The blank between two encoded words goes; a character split across them survives.
  EXPECT_EQ(decode_encoded_words("=?UTF-8?B?4oI=?= =?UTF-8?B?rA==?="), "\xE2\x82\xAC");
  EXPECT_EQ(decode_encoded_words("=?utf-8?q?a?=\r\n =?utf-8?q?b?= c =?utf-8?q?d?="), "ab c d");
  EXPECT_EQ(decode_encoded_words("=?iso-8859-1?q?=E9?= =?utf-8?q?=C3=A9?="), "\xC3\xA9\xC3\xA9");
}

TEST(MimeHeader, LeavesMalformedEncodedWordsAsWritten) {
  for (const std::string_view text :
       {"=?utf-8?X?abc?=", "=?utf-8?Q?no end", "=??Q?abc?=", "=?utf-8?Q?has space?=",
        "=?no-such-charset-xyz?Q?abc?=", "a =? b ?= c", "=?"}) {
    EXPECT_EQ(decode_encoded_words(text), text);
  }
  EXPECT_EQ(decode_encoded_words("=?bad?X?x?= =?utf-8?q?ok?="), "=?bad?X?x?= ok");
}

TEST(MimeHeader, ParsesQuotedAndPlainParameters) {
  const ParameterizedValue value = parse_parameterized(
      " Multipart/Mixed ; boundary=\"a;b \\\"c\\\"\"; CHARSET=utf-8; name = my file.pdf ;x");
  EXPECT_EQ(value.value, "multipart/mixed");
  EXPECT_EQ(value.parameter("boundary"), "a;b \"c\"");
  EXPECT_EQ(value.parameter("charset"), "utf-8");
  EXPECT_EQ(value.parameter("name"), "my file.pdf");
  EXPECT_FALSE(value.parameter("x"));
  EXPECT_EQ(parse_parameterized("attachment; filename=\"unterminated").parameter("filename"),
            "unterminated");
}

TEST(MimeHeader, DecodesRfc2231Parameters) {
  EXPECT_EQ(parse_parameterized("attachment; filename*=utf-8''%E2%82%AC%20rates.pdf")
                .parameter("filename"),
            "\xE2\x82\xAC rates.pdf");
  EXPECT_EQ(
      parse_parameterized("attachment; filename*=iso-8859-1'fr'caf%E9.txt").parameter("filename"),
      "caf\xC3\xA9.txt");
  // Continuations, out of order, plain and extended sections mixed.
  EXPECT_EQ(parse_parameterized("attachment; filename*1=\"_report\"; "
                                "filename*0*=UTF-8''%C3%A9t%C3%A9; filename*2*=%2Epdf")
                .parameter("filename"),
            "\xC3\xA9t\xC3\xA9_report.pdf");
  // The RFC 2231 value wins over the plain fallback.
  EXPECT_EQ(parse_parameterized("attachment; filename=\"fallback.pdf\"; filename*=utf-8''real.pdf")
                .parameter("filename"),
            "real.pdf");
  // RFC 2047 words inside a quoted value (not standard, common).
  EXPECT_EQ(parse_parameterized("image/png; name=\"=?utf-8?B?w6kucG5n?=\"").parameter("name"),
            "\xC3\xA9.png");
}

TEST(MimeHeader, RecognisesFieldLines) {
  EXPECT_EQ(header_colon_position("Subject: hi"), 7u);
  EXPECT_EQ(header_colon_position("X-Odd-Field :value"), 12u);
  EXPECT_EQ(header_colon_position("Subject hi"), 0u);
  EXPECT_EQ(header_colon_position(": no name"), 0u);
  EXPECT_EQ(header_colon_position(" Folded: no"), 0u);
  EXPECT_EQ(header_colon_position("Two words: no"), 0u);
}

TEST(MimeHeader, UnfoldsAndDecodesABlock) {
  HeaderBlock block;
  block.start_field("Subject: =?utf-8?q?caf=C3=A9?=", 7);
  block.continue_field(" =?utf-8?q?_cr=C3=A8me?=");
  block.start_field("To: a@example.com,", 2);
  block.continue_field("\tb@example.com");
  EXPECT_EQ(block.find("subject"), "=?utf-8?q?caf=C3=A9?= =?utf-8?q?_cr=C3=A8me?=");
  EXPECT_EQ(block.decoded_text(),
            "Subject: caf\xC3\xA9 cr\xC3\xA8me\nTo: a@example.com,\tb@example.com\n");
}

}  // namespace
}  // namespace tamis
