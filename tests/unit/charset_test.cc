// Charset detection and transcoding to UTF-8. Samples in legacy encodings are produced here with
// ICU from known UTF-8 text, so every expectation is the text we started from.
#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "decode/charset_detector.h"
#include "decode/text_decoder.h"
#include "decode/utf8_checker.h"
#include "decode/utf8_transcoder.h"

namespace tamis {
namespace {

// `utf8` encoded in `encoding` by ICU; fails the test if ICU cannot represent it.
std::string encode(std::string_view utf8, const char* encoding) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(encoding, &status);
  EXPECT_TRUE(U_SUCCESS(status)) << encoding << ": " << u_errorName(status);
  if (U_FAILURE(status)) return {};
  // Unmappable characters must fail loudly, not become '?', or expectations would be wrong.
  ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::string out(static_cast<std::size_t>(text.length()) * 4 + 16, '\0');
  const std::int32_t n =
      ucnv_fromUChars(converter, out.data(), static_cast<std::int32_t>(out.size()),
                      text.getBuffer(), text.length(), &status);
  ucnv_close(converter);
  EXPECT_TRUE(U_SUCCESS(status)) << encoding << ": " << u_errorName(status);
  out.resize(U_SUCCESS(status) ? static_cast<std::size_t>(n) : 0);
  return out;
}

// Realistic prose per script: ICU's statistical recognisers need running text in a language
// they model, which is what real legacy files contain.
constexpr std::string_view kEnglish =
    "Customer records are kept in the billing system. Please contact the support desk if the "
    "invoice address or the card on file needs to change. Thank you for your order.\n";
constexpr std::string_view kFrench =
    "Les données personnelles de nos clients sont protégées. Le numéro de sécurité sociale et "
    "les coordonnées bancaires sont conservés dans un coffre chiffré. Veuillez contacter le "
    "service clientèle pour toute question concernant la confidentialité et la sécurité.\n";
constexpr std::string_view kFrenchWindows =
    "Le client a payé 250 € pour l’abonnement « premium » — merci de vérifier la facture "
    "envoyée à l’adresse indiquée. Les données sont conservées selon la politique de "
    "confidentialité de la société et ne sont jamais vendues à des tiers.\n";
constexpr std::string_view kPolish =
    "Ochrona danych osobowych jest bardzo ważna. Numer PESEL oraz numer rachunku bankowego "
    "klienta są przechowywane w zaszyfrowanej bazie danych. W przypadku pytań prosimy o "
    "kontakt z działem obsługi klienta. Dziękujemy za zaufanie i życzymy miłego dnia.\n";
constexpr std::string_view kRussian =
    "Защита персональных данных является важной задачей компании. Номер паспорта и банковские "
    "реквизиты клиента хранятся в зашифрованной базе данных. По всем вопросам обращайтесь в "
    "службу поддержки клиентов, мы ответим в течение трёх рабочих дней.\n";
constexpr std::string_view kGreek =
    "Η προστασία των προσωπικών δεδομένων είναι πολύ σημαντική για την εταιρεία μας. Ο αριθμός "
    "ταυτότητας και ο τραπεζικός λογαριασμός του πελάτη αποθηκεύονται με ασφάλεια. Για "
    "οποιαδήποτε ερώτηση επικοινωνήστε με την εξυπηρέτηση πελατών.\n";
constexpr std::string_view kArabic =
    "حماية البيانات الشخصية مهمة جدا لشركتنا. يتم تخزين رقم الهوية والحساب المصرفي للعميل في "
    "قاعدة بيانات مشفرة. يرجى الاتصال بخدمة العملاء لأي استفسار حول الخصوصية والأمان.\n";
constexpr std::string_view kHebrew =
    "שלום, פרטי הלקוח נשמרים במאגר מידע מוצפן. מספר תעודת הזהות וחשבון הבנק של הלקוח מאוחסנים "
    "בצורה מאובטחת. לכל שאלה אנא פנו לשירות הלקוחות ונשמח לעזור בהקדם האפשרי.\n";
constexpr std::string_view kTurkish =
    "Kişisel verilerin korunması şirketimiz için çok önemlidir. Müşterinin kimlik numarası ve "
    "banka hesap bilgileri şifreli bir veritabanında saklanmaktadır. Sorularınız için müşteri "
    "hizmetleri ile iletişime geçiniz. Teşekkür ederiz, iyi günler dileriz.\n";
constexpr std::string_view kJapanese =
    "個人情報の取り扱いについて説明します。東京都千代田区に住んでいる山田太郎さんのクレジット"
    "カード番号は、請求書に記載されています。お問い合わせは、カスタマーサポートまでご連絡くだ"
    "さい。当社は、お客様の個人情報を適切に管理し、第三者に提供することはありません。\n";
constexpr std::string_view kKorean =
    "개인정보 보호법에 따라 고객의 주민등록번호와 신용카드 번호는 안전하게 관리되어야 합니다. "
    "서울특별시 강남구에 거주하는 홍길동 고객님의 계좌 정보는 암호화되어 저장됩니다. 문의 "
    "사항은 고객센터로 연락해 주시기 바랍니다. 감사합니다.\n";
constexpr std::string_view kSimplifiedChinese =
    "根据个人信息保护法，客户的身份证号码和银行卡号必须安全保存。北京市朝阳区的张先生的账户"
    "信息已经加密存储。如有任何问题，请联系客户服务中心。我们将在三个工作日内回复您的请求。\n";
constexpr std::string_view kTraditionalChinese =
    "根據個人資料保護法，客戶的身分證號碼和信用卡號碼必須妥善保管。台北市信義區的陳先生的帳戶"
    "資料已經加密儲存。如有任何問題，請聯絡客戶服務中心。我們將在三個工作天內回覆您的要求。\n";

struct Sample {
  const char* encoding;                    // what ICU encodes the text with
  std::string_view text;                   // UTF-8
  std::vector<std::string_view> accepted;  // names detection may give (first: the usual one)
};

std::string twice(std::string_view text) { return std::string(text) + std::string(text); }

const std::vector<Sample>& samples() {
  static const std::vector<Sample> kSamples = {
      {"UTF-16LE", kEnglish, {"UTF-16LE"}},
      {"UTF-16BE", kEnglish, {"UTF-16BE"}},
      {"UTF-32LE", kEnglish, {"UTF-32LE"}},
      {"UTF-32BE", kEnglish, {"UTF-32BE"}},
      // BOM-less UTF-16 without the NUL pattern of Latin text.
      {"UTF-16LE", kJapanese, {"UTF-16LE"}},
      {"UTF-16BE", kSimplifiedChinese, {"UTF-16BE"}},
      {"UTF-16LE", kKorean, {"UTF-16LE"}},
      {"UTF-16BE", kRussian, {"UTF-16BE"}},
      {"ISO-8859-1", kFrench, {"ISO-8859-1"}},
      {"windows-1252", kFrenchWindows, {"windows-1252"}},
      {"ISO-8859-2", kPolish, {"ISO-8859-2"}},
      {"ISO-8859-5", kRussian, {"ISO-8859-5"}},
      {"windows-1251", kRussian, {"windows-1251"}},
      {"KOI8-R", kRussian, {}},
      {"ISO-8859-7", kGreek, {"ISO-8859-7"}},
      {"windows-1256", kArabic, {"windows-1256"}},
      {"ISO-8859-6", kArabic, {"ISO-8859-6"}},
      {"ISO-8859-9", kTurkish, {"ISO-8859-9"}},
      // Logical-order Hebrew: ICU names it ISO-8859-8-I, the same bytes as ISO-8859-8.
      {"ISO-8859-8", kHebrew, {"ISO-8859-8-I", "ISO-8859-8"}},
      {"Shift_JIS", kJapanese, {"Shift_JIS"}},
      {"EUC-JP", kJapanese, {"EUC-JP"}},
      {"EUC-KR", kKorean, {"EUC-KR"}},
      {"GB18030", kSimplifiedChinese, {"GB18030"}},
      {"Big5", kTraditionalChinese, {"Big5"}},
  };
  return kSamples;
}

TEST(CharsetDetect, EachEncodingFromARealisticSample) {
  for (const Sample& sample : samples()) {
    if (sample.accepted.empty()) continue;
    const std::string bytes = encode(twice(sample.text), sample.encoding);
    ASSERT_FALSE(bytes.empty()) << sample.encoding;
    const DetectedCharset d = detect_charset(bytes);
    bool accepted = false;
    for (std::string_view name : sample.accepted) accepted = accepted || d.name == name;
    EXPECT_TRUE(accepted) << "encoded as " << sample.encoding << ", detected " << d.name << " ("
                          << d.confidence << ")";
    EXPECT_GE(d.confidence, kCharsetConfidenceFloor) << sample.encoding;
    EXPECT_FALSE(d.below_floor) << sample.encoding;
    EXPECT_FALSE(d.had_bom) << sample.encoding;
  }
}

TEST(CharsetDetect, ByteOrderMarks) {
  struct Case {
    std::string bytes;
    std::string_view name;
    std::size_t bom_length;
  };
  const std::vector<Case> cases = {
      {"\xEF\xBB\xBFhello", "UTF-8", 3},
      {encode("\xEF\xBB\xBFhello", "UTF-16LE"), "UTF-16LE", 2},
      {encode("\xEF\xBB\xBFhello", "UTF-16BE"), "UTF-16BE", 2},
      {encode("\xEF\xBB\xBFhello", "UTF-32LE"), "UTF-32LE", 4},
      {encode("\xEF\xBB\xBFhello", "UTF-32BE"), "UTF-32BE", 4},
      // A mark alone is still a verdict.
      {std::string("\xFF\xFE", 2), "UTF-16LE", 2},
  };
  for (const Case& c : cases) {
    const DetectedCharset d = detect_charset(c.bytes);
    EXPECT_EQ(d.name, c.name);
    EXPECT_TRUE(d.had_bom) << c.name;
    EXPECT_EQ(d.bom_length, c.bom_length) << c.name;
    EXPECT_EQ(d.confidence, 100) << c.name;
  }
}

TEST(CharsetDetect, ValidUtf8WinsEvenWhenCutMidCharacter) {
  const std::string text = twice(kJapanese);
  EXPECT_EQ(detect_charset(text).name, "UTF-8");
  // The sample window can end inside a character: still UTF-8.
  const std::string cut = text.substr(0, 10);  // 3-byte characters: ends one byte into the 4th
  const DetectedCharset d = detect_charset(cut);
  EXPECT_EQ(d.name, "UTF-8");
  EXPECT_FALSE(d.below_floor);
}

TEST(CharsetDetect, NoiseBelowTheFloorIsReadAsUtf8) {
  // Random bytes from a fixed generator: ICU's best guess scores about 10, under the floor.
  std::string noise;
  std::uint32_t state = 12345;
  for (int i = 0; i < 4096; ++i) {
    state = state * 1103515245u + 12345u;
    noise.push_back(static_cast<char>(state >> 24));
  }
  const DetectedCharset d = detect_charset(noise);
  EXPECT_EQ(d.name, "UTF-8");
  EXPECT_TRUE(d.below_floor);
  EXPECT_EQ(d.confidence, 0);
}

TEST(CharsetDetect, OneLegacyByteInAsciiIsStillALegacyEncoding) {
  // The common real case: an ASCII file with a Latin-1 "é". Decoding it as Latin-1 is right.
  const DetectedCharset d = detect_charset("The caf\xE9 opens at nine. Ask for the manager.\n");
  EXPECT_TRUE(d.name == "ISO-8859-1" || d.name == "windows-1252") << d.name;
  EXPECT_FALSE(d.below_floor);
}

TEST(CharsetDetect, BinaryWithZerosIsNotUtf16) {
  // Zeros at odd offsets but control bytes in between: not text.
  std::string binary;
  for (int i = 0; i < 64; ++i) {
    binary.push_back(static_cast<char>(i % 8 + 1));
    binary.push_back('\0');
  }
  EXPECT_NE(detect_charset(binary).name, "UTF-16LE");
}

// The NUL and control-byte counts behind the BOM-less verdicts are taken 16 bytes at a time in
// blocks of 4080: heads that end on either side of those edges must all be read alike.
TEST(CharsetDetect, BomlessWideTextAtEveryBlockEdge) {
  const std::string line = "Invoice 1042 paid in full, thank you.\n";
  for (std::size_t units : {8U, 9U, 15U, 16U, 17U, 2039U, 2040U, 2041U, 4095U, 4096U, 4097U}) {
    std::string le;
    std::string be;
    for (std::size_t i = 0; i < units; ++i) {
      const char c = line[i % line.size()];
      le += c;
      le += '\0';
      be += '\0';
      be += c;
    }
    EXPECT_EQ(detect_charset(le).name, "UTF-16LE") << units;
    EXPECT_EQ(detect_charset(be).name, "UTF-16BE") << units;
    EXPECT_EQ(detect_charset(std::string(units, 'a') + '\0').name, "UTF-8") << units;
  }
}

TEST(CharsetDetect, OnlyTheFirstWindowIsExamined) {
  std::string text(kCharsetSniffBytes, 'a');
  text += "\xFF\xFE\xFD";  // invalid UTF-8 beyond the window
  EXPECT_EQ(detect_charset(text).name, "UTF-8");
  EXPECT_FALSE(detect_charset(text).below_floor);
}

// ---- Transcoding ---------------------------------------------------------------------------

struct Transcoded {
  std::string utf8;
  std::uint64_t invalid = 0;
  std::uint64_t first_invalid = 0;
};

Transcoded transcode(std::string_view encoding, std::string_view bytes, std::size_t chunk) {
  Transcoded result;
  auto transcoder = Utf8Transcoder::open(encoding);
  EXPECT_TRUE(transcoder.ok()) << encoding;
  if (!transcoder.ok()) return result;
  const auto sink = [&](std::string_view piece) {
    EXPECT_FALSE(piece.empty());
    result.utf8.append(piece);
  };
  for (std::size_t at = 0; at < bytes.size(); at += chunk) {
    transcoder->feed(bytes.substr(at, chunk), sink);
  }
  transcoder->finish(sink);
  result.invalid = transcoder->invalid_sequences();
  result.first_invalid = transcoder->first_invalid_offset();
  EXPECT_EQ(transcoder->bytes_in(), bytes.size());
  return result;
}

std::vector<std::size_t> chunk_sizes(std::size_t whole) {
  std::vector<std::size_t> sizes = {1, 2, 3, 4, 5, 6, 7};
  sizes.push_back(std::max<std::size_t>(whole, 1));
  return sizes;
}

TEST(CharsetTranscode, EverySampleBackToTheExactTextAtEveryChunkSize) {
  for (const Sample& sample : samples()) {
    const std::string expected = twice(sample.text);
    const std::string bytes = encode(expected, sample.encoding);
    for (std::size_t chunk : chunk_sizes(bytes.size())) {
      const Transcoded t = transcode(sample.encoding, bytes, chunk);
      EXPECT_EQ(t.utf8, expected) << sample.encoding << " in chunks of " << chunk;
      EXPECT_EQ(t.invalid, 0u) << sample.encoding << " in chunks of " << chunk;
    }
  }
}

TEST(CharsetTranscode, SurrogatePairsAndFourByteCharactersSplitAnywhere) {
  const std::string expected = "card \xF0\x9F\x92\xB3 4111 \xF0\x9D\x9F\x8F end";  // 💳, 𝟏
  for (const char* encoding :
       {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE", "GB18030", "UTF-8"}) {
    const std::string bytes = encode(expected, encoding);
    for (std::size_t chunk : chunk_sizes(bytes.size())) {
      const Transcoded t = transcode(encoding, bytes, chunk);
      EXPECT_EQ(t.utf8, expected) << encoding << " in chunks of " << chunk;
      EXPECT_EQ(t.invalid, 0u) << encoding;
    }
  }
}

TEST(CharsetTranscode, ByteOrderMarkIsDropped) {
  const std::string text = "hello \xC3\xA9t\xC3\xA9";
  const std::string with_bom = "\xEF\xBB\xBF" + text;
  for (const char* encoding : {"UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"}) {
    const std::string bytes = encode(with_bom, encoding);
    for (std::size_t chunk : chunk_sizes(bytes.size())) {
      EXPECT_EQ(transcode(encoding, bytes, chunk).utf8, text) << encoding << " chunk " << chunk;
    }
  }
  // Only a mark at the very start is one: later U+FEFF is text (the normaliser removes it).
  const std::string inner =
      "a\xEF\xBB\xBF"
      "b";
  EXPECT_EQ(transcode("UTF-16LE", encode(inner, "UTF-16LE"), 1).utf8, inner);
}

TEST(CharsetTranscode, InvalidSequencesBecomeReplacementAndAreCounted) {
  struct Case {
    const char* encoding;
    std::string bytes;
    std::string expected;
    std::uint64_t invalid;
    std::uint64_t first_offset;
  };
  const std::string fffd = "\xEF\xBF\xBD";
  const std::vector<Case> cases = {
      {"UTF-8",
       "abc\xFF"
       "def",
       "abc" + fffd + "def", 1, 3},
      {"UTF-8", "ab\xE2\x82X\xC0\xAF", "ab" + fffd + "X" + fffd + fffd, 3, 2},
      // A lone lead surrogate followed by 'A'.
      {"UTF-16LE",
       std::string("x\0\x00\xD8"
                   "A\0",
                   6),
       "x" + fffd + "A", 1, 2},
      // UTF-32LE: a code point above U+10FFFF.
      {"UTF-32LE", std::string("A\0\0\0\0\0\x11\0B\0\0\0", 12), "A" + fffd + "B", 1, 4},
      // Shift_JIS: 0xA0 is not assigned.
      {"Shift_JIS",
       "ok\xA0"
       "ok",
       "ok" + fffd + "ok", 1, 2},
  };
  for (const Case& c : cases) {
    for (std::size_t chunk : chunk_sizes(c.bytes.size())) {
      const Transcoded t = transcode(c.encoding, c.bytes, chunk);
      EXPECT_EQ(t.utf8, c.expected) << c.encoding << " chunk " << chunk;
      EXPECT_EQ(t.invalid, c.invalid) << c.encoding << " chunk " << chunk;
      EXPECT_EQ(t.first_invalid, c.first_offset) << c.encoding << " chunk " << chunk;
    }
  }
}

TEST(CharsetTranscode, TruncatedMultiByteCharacterAtTheEnd) {
  const std::string fffd = "\xEF\xBF\xBD";
  struct Case {
    const char* encoding;
    std::string bytes;
    std::string expected;
    std::uint64_t first_offset;
  };
  const std::vector<Case> cases = {
      {"UTF-8", "total \xE2\x82", "total " + fffd, 6},
      {"UTF-16LE", std::string("a\0b", 3), "a" + fffd, 2},
      {"UTF-16BE", std::string("\0a\xD8\x3D", 4), "a" + fffd, 2},
      {"Shift_JIS", "id\x93", "id" + fffd, 2},
      {"GB18030", "n\x81\x30", "n" + fffd, 1},
  };
  for (const Case& c : cases) {
    for (std::size_t chunk : chunk_sizes(c.bytes.size())) {
      const Transcoded t = transcode(c.encoding, c.bytes, chunk);
      EXPECT_EQ(t.utf8, c.expected) << c.encoding << " chunk " << chunk;
      EXPECT_EQ(t.invalid, 1u) << c.encoding << " chunk " << chunk;
      EXPECT_EQ(t.first_invalid, c.first_offset) << c.encoding << " chunk " << chunk;
    }
  }
}

TEST(CharsetTranscode, UnknownEncodingIsAnError) {
  EXPECT_FALSE(Utf8Transcoder::open("no-such-charset-42").ok());
  EXPECT_FALSE(Utf8Transcoder::open("").ok());
  const auto bad = Utf8Transcoder::open("no-such-charset-42");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("no-such-charset-42"), std::string::npos);
}

TEST(CharsetTranscode, LargeInputInFixedMemory) {
  // Several times the internal buffer, fed in one call: output arrives in bounded pieces.
  const std::string text(100000, 'x');
  const std::string bytes = encode(text, "UTF-16LE");
  auto transcoder = Utf8Transcoder::open("UTF-16LE");
  ASSERT_TRUE(transcoder.ok());
  std::size_t total = 0;
  std::size_t largest_piece = 0;
  const auto sink = [&](std::string_view piece) {
    total += piece.size();
    largest_piece = std::max(largest_piece, piece.size());
  };
  transcoder->feed(bytes, sink);
  transcoder->finish(sink);
  EXPECT_EQ(total, text.size());
  EXPECT_LT(largest_piece, 16u * 1024);
}

TEST(CharsetDetect, DetectedThenTranscodedEndToEnd) {
  for (const Sample& sample : samples()) {
    if (sample.accepted.empty()) continue;
    const std::string expected = twice(sample.text);
    const std::string bytes = encode(expected, sample.encoding);
    const DetectedCharset d = detect_charset(bytes);
    const Transcoded t = transcode(d.name, std::string_view(bytes).substr(d.bom_length), 5);
    EXPECT_EQ(t.utf8, expected) << sample.encoding << " detected as " << d.name;
  }
}

// ---- The whole chain -----------------------------------------------------------------------

struct Decoded {
  std::string utf8;
  std::string charset;
  std::uint64_t invalid = 0;
  std::uint64_t first_invalid = 0;
};

Decoded decode_all(std::string_view bytes, std::size_t chunk,
                   const TextDecoderOptions& options = {}) {
  Decoded result;
  auto decoder = TextDecoder::create(options);
  EXPECT_TRUE(decoder.ok());
  if (!decoder.ok()) return result;
  const auto sink = [&](std::string_view piece) { result.utf8.append(piece); };
  for (std::size_t at = 0; at < bytes.size(); at += chunk) {
    decoder->feed(bytes.substr(at, chunk), sink);
  }
  decoder->finish(sink);
  EXPECT_TRUE(decoder->charset().has_value());
  if (decoder->charset()) result.charset = decoder->charset()->name;
  result.invalid = decoder->invalid_sequences();
  result.first_invalid = decoder->first_invalid_offset();
  return result;
}

// The samples hold no spaces or format characters the normaliser maps, so ICU's NFKC of the
// whole text is what the chain must produce (full-width punctuation in the CJK samples folds).
std::string nfkc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString folded = icu::Normalizer2::getNFKCInstance(status)->normalize(
      icu::UnicodeString::fromUTF8(utf8), status);
  EXPECT_TRUE(U_SUCCESS(status));
  std::string out;
  folded.toUTF8String(out);
  return out;
}

TEST(CharsetTextDecoder, EverySampleShortAndLongerThanTheDetectionWindow) {
  for (const Sample& sample : samples()) {
    if (sample.accepted.empty()) continue;
    std::string long_text;
    // Twice the window in UTF-8 is more than the window in any of the encodings.
    while (long_text.size() < 2 * kCharsetSniffBytes) long_text += sample.text;
    for (const std::string& text : {twice(sample.text), long_text}) {
      const std::string bytes = encode(text, sample.encoding);
      const std::string normalized = nfkc(text);
      for (std::size_t chunk : {std::size_t{7}, std::size_t{4096}, bytes.size()}) {
        const std::string where = std::string(sample.encoding) + ", " +
                                  std::to_string(bytes.size()) + " bytes in chunks of " +
                                  std::to_string(chunk);
        const Decoded d = decode_all(bytes, chunk);
        EXPECT_EQ(d.utf8, normalized) << where;
        EXPECT_NE(std::find(sample.accepted.begin(), sample.accepted.end(), d.charset),
                  sample.accepted.end())
            << where << ": read as " << d.charset;
        EXPECT_EQ(d.invalid, 0u) << where;
        EXPECT_EQ(decode_all(bytes, chunk, {.encoding = "", .normalize = false}).utf8, text)
            << where << ", not normalised";
      }
    }
  }
}

TEST(CharsetTextDecoder, LegacyEncodingsAreNormalisedToo) {
  // Full-width digits and an ideographic space in Shift_JIS, a zero-width space in UTF-16LE.
  const std::string sjis = encode(
      "\xE3\x82\xAB\xE3\x83\xBC\xE3\x83\x89\xE7\x95\xAA\xE5\x8F\xB7\xEF\xBC\x9A\xEF\xBC\x94\xEF"
      "\xBC\x91\xEF\xBC\x91\xEF\xBC\x91\xE3\x80\x80\xEF\xBC\x91\xEF\xBC\x91\xEF\xBC\x91\xEF\xBC"
      "\x91",
      "Shift_JIS");
  const Decoded d = decode_all(sjis, 3, {.encoding = "Shift_JIS"});
  EXPECT_EQ(d.utf8, "\xE3\x82\xAB\xE3\x83\xBC\xE3\x83\x89\xE7\x95\xAA\xE5\x8F\xB7:4111 1111");
  EXPECT_EQ(d.charset, "Shift_JIS");

  const std::string utf16 = encode(
      "\xEF\xBB\xBF"
      "card 4111\xE2\x80\x8B"
      "1111\xC2\xA0"
      "1111",
      "UTF-16LE");
  for (std::size_t chunk : {std::size_t{1}, std::size_t{3}, utf16.size()}) {
    const Decoded u = decode_all(utf16, chunk);
    EXPECT_EQ(u.utf8, "card 41111111 1111") << "chunks of " << chunk;
    EXPECT_EQ(u.charset, "UTF-16LE");
  }
}

TEST(CharsetTextDecoder, InvalidBytesAreCountedWithObjectOffsets) {
  // UTF-8 path (the normaliser replaces): a bad byte after the 64 KiB window.
  std::string text(kCharsetSniffBytes + 10, 'a');
  text += "\xFF tail";
  const Decoded d = decode_all(text, 1000);
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.invalid, 1u);
  EXPECT_EQ(d.first_invalid, kCharsetSniffBytes + 10);
  EXPECT_EQ(d.utf8, std::string(kCharsetSniffBytes + 10, 'a') + "\xEF\xBF\xBD tail");

  // Transcoder path: a truncated UTF-16 unit at the very end.
  const std::string utf16 = encode("\xEF\xBB\xBFok", "UTF-16LE") + "x";
  const Decoded u = decode_all(utf16, 2);
  EXPECT_EQ(u.utf8, "ok\xEF\xBF\xBD");
  EXPECT_EQ(u.invalid, 1u);
  EXPECT_EQ(u.first_invalid, utf16.size() - 1);
}

TEST(CharsetTextDecoder, OptionsForceTheEncodingOrSkipNormalisation) {
  const std::string russian = encode(kRussian, "KOI8-R");  // detection alone gets this wrong
  EXPECT_EQ(decode_all(russian, 5, {.encoding = "KOI8-R"}).utf8, kRussian);
  EXPECT_NE(decode_all(russian, 5).utf8, kRussian);

  const std::string fullwidth = "\xEF\xBC\x94\xEF\xBC\x91 \xFF";
  const Decoded raw = decode_all(fullwidth, 2, {.encoding = "", .normalize = false});
  EXPECT_EQ(raw.utf8, "\xEF\xBC\x94\xEF\xBC\x91 \xEF\xBF\xBD");
  EXPECT_EQ(raw.invalid, 1u);
  EXPECT_EQ(raw.first_invalid, 7u);
  EXPECT_EQ(decode_all(fullwidth, 2).utf8, "41 \xEF\xBF\xBD");

  const auto bad = TextDecoder::create({.encoding = "no-such-charset-42"});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("no-such-charset-42"), std::string::npos);
}

TEST(CharsetTextDecoder, HostileBytesGiveValidUtf8WhateverTheChunking) {
  std::uint32_t state = 2024;
  const auto next = [&state] {
    state = state * 1664525u + 1013904223u;
    return state >> 24;
  };
  std::vector<std::string> encodings = {"", "UTF-8"};  // "": detect
  for (const Sample& sample : samples()) encodings.emplace_back(sample.encoding);
  for (int round = 0; round < 8; ++round) {
    std::string bytes;
    // Mostly high bytes with NULs and ASCII mixed in: every decoder's error paths.
    for (int i = 0; i < 3000; ++i) {
      const std::uint32_t r = next();
      bytes.push_back(static_cast<char>(r < 40 ? 0 : r < 100 ? 'a' + r % 26 : 0x80 + r % 128));
    }
    for (const std::string& encoding : encodings) {
      const TextDecoderOptions options{.encoding = encoding, .normalize = true};
      const Decoded whole = decode_all(bytes, bytes.size(), options);
      Utf8Checker checker;
      checker.feed(whole.utf8);
      checker.finish();
      EXPECT_TRUE(checker.valid()) << encoding << " round " << round;
      for (std::size_t chunk : {std::size_t{1}, std::size_t{5}, std::size_t{333}}) {
        const Decoded split = decode_all(bytes, chunk, options);
        EXPECT_EQ(split.utf8, whole.utf8) << encoding << " round " << round << " chunk " << chunk;
        EXPECT_EQ(split.invalid, whole.invalid) << encoding << " round " << round;
        EXPECT_EQ(split.first_invalid, whole.first_invalid) << encoding << " round " << round;
      }
    }
  }
}

TEST(CharsetDetect, CanonicalNames) {
  const std::vector<std::pair<std::string_view, std::string_view>> cases = {
      {"utf8", "UTF-8"},
      {"UTF-8", "UTF-8"},
      {"latin1", "ISO-8859-1"},
      {"cp1252", "windows-1252"},
      {"sjis", "Shift_JIS"},
      {"koi8-r", "KOI8-R"},
      {"big5", "Big5"},
      {"UTF-16LE", "UTF-16LE"},
      {"no-such-charset", "no-such-charset"},
      {"", ""},
  };
  for (const auto& [alias, expected] : cases) {
    EXPECT_EQ(canonical_charset_name(alias), expected) << alias;
  }
  // A forced alias of UTF-8 takes the UTF-8 path and reports the usual name.
  const Decoded d = decode_all("caf\xC3\xA9 \xEF\xBC\x91", 2, {.encoding = "utf8"});
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.utf8, "caf\xC3\xA9 1");
}

TEST(CharsetTextDecoder, EmptyObject) {
  const Decoded d = decode_all("", 1);
  EXPECT_EQ(d.utf8, "");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.invalid, 0u);
}

TEST(CharsetDetect, PureAsciiIsUtf8) {
  const DetectedCharset d = detect_charset("plain ASCII text, card 4111 1111 1111 1111\n");
  EXPECT_EQ(d.name, "UTF-8");
  EXPECT_FALSE(d.had_bom);
  EXPECT_EQ(d.bom_length, 0u);
}

}  // namespace
}  // namespace tamis
