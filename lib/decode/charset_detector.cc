#include "decode/charset_detector.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <memory>

#include "core/byte_lanes.h"
#include "core/vector_clones.h"
#include "decode/utf8_checker.h"

namespace tamis {
namespace {

struct Bom {
  std::string_view bytes;
  const char* name;
};

// UTF-32LE first: its mark begins with the UTF-16LE mark.
constexpr std::array<Bom, 5> kBoms = {{
    {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
    {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
    {std::string_view("\xEF\xBB\xBF", 3), "UTF-8"},
    {std::string_view("\xFF\xFE", 2), "UTF-16LE"},
    {std::string_view("\xFE\xFF", 2), "UTF-16BE"},
}};

// A byte that plain text encoded as UTF-16/32 puts in the low byte of a Latin-1 code unit.
bool is_text_byte(unsigned char b) {
  return b == '\t' || b == '\n' || b == '\r' || (b >= 0x20 && b <= 0x7E) || b >= 0xA0;
}

// Fraction (0-100) of code units of `width` bytes whose only non-zero byte is a text byte at
// `text_index`. Mostly-ASCII UTF-16/32 without a BOM scores near 100, any 8-bit text near 0.
int nul_pattern_score(std::string_view head, std::size_t width, std::size_t text_index) {
  const std::size_t units = head.size() / width;
  if (units < 4) return 0;
  std::size_t matching = 0;
  for (std::size_t u = 0; u < units; ++u) {
    const auto* unit = reinterpret_cast<const unsigned char*>(head.data() + u * width);
    bool others_zero = true;
    for (std::size_t i = 0; i < width; ++i) {
      if (i != text_index && unit[i] != 0) others_zero = false;
    }
    if (others_zero && is_text_byte(unit[text_index])) ++matching;
  }
  return static_cast<int>(matching * 100 / units);
}

// Share of code units that must look like ASCII text for a BOM-less UTF-16/32 verdict: allows a
// few non-Latin characters while rejecting binary formats that merely contain many zeros.
constexpr int kNulPatternFloor = 75;

bool sniff_wide_without_bom(std::string_view head, DetectedCharset& out) {
  struct Layout {
    std::size_t width;
    std::size_t text_index;
    const char* name;
  };
  // UTF-32 first: its units also contain UTF-16-looking pairs.
  constexpr std::array<Layout, 4> kLayouts = {{
      {4, 0, "UTF-32LE"},
      {4, 3, "UTF-32BE"},
      {2, 0, "UTF-16LE"},
      {2, 1, "UTF-16BE"},
  }};
  for (const Layout& layout : kLayouts) {
    const int score = nul_pattern_score(head, layout.width, layout.text_index);
    if (score >= kNulPatternFloor) {
      out.name = layout.name;
      out.confidence = score;
      return true;
    }
  }
  return false;
}

// A UTF-16 code unit that running text in a common script is made of. Chosen so that random or
// binary data (zeros, controls, surrogates, private use, rare blocks) mostly falls outside.
bool is_common_text_unit(std::uint16_t u) {
  return u == 0x09 || u == 0x0A || u == 0x0D || (u >= 0x20 && u <= 0x7E) ||
         (u >= 0xA0 && u <= 0x024F) ||    // Latin-1 and Latin Extended
         (u >= 0x0370 && u <= 0x06FF) ||  // Greek, Cyrillic, Armenian, Hebrew, Arabic
         (u >= 0x0900 && u <= 0x0E7F) ||  // Indic scripts, Thai
         (u >= 0x2000 && u <= 0x206F) ||  // general punctuation
         (u >= 0x3000 && u <= 0x30FF) ||  // CJK punctuation, kana
         (u >= 0x4E00 && u <= 0x9FFF) ||  // CJK ideographs
         (u >= 0xAC00 && u <= 0xD7A3) ||  // Hangul syllables
         (u >= 0xFF00 && u <= 0xFFEF);    // full-width and half-width forms
}

// Share (0-100) of UTF-16 units of `head` in common scripts, read in one byte order.
int common_text_score(std::string_view head, bool big_endian) {
  const std::size_t units = head.size() / 2;
  if (units < 8) return 0;
  std::size_t common = 0;
  for (std::size_t i = 0; i < units; ++i) {
    const auto b0 = static_cast<unsigned char>(head[2 * i]);
    const auto b1 = static_cast<unsigned char>(head[2 * i + 1]);
    const auto unit = static_cast<std::uint16_t>(big_endian ? (b0 << 8) | b1 : (b1 << 8) | b0);
    if (is_common_text_unit(unit)) ++common;
  }
  return static_cast<int>(common * 100 / units);
}

// BOM-less UTF-16 in a non-Latin script has no NUL pattern and ICU's detector scores it about
// 10. Asked only after ICU found nothing: legacy CJK encodings read as UTF-16 look like Hangul,
// so this must never overrule a real ICU verdict. Random bytes score about 53 here.
constexpr int kCommonTextFloor = 95;

bool sniff_utf16_by_script(std::string_view head, DetectedCharset& out) {
  const int little = common_text_score(head, false);
  const int big = common_text_score(head, true);
  const int best = std::max(little, big);
  if (best < kCommonTextFloor || std::min(little, big) > best - 20) return false;
  out.name = little >= big ? "UTF-16LE" : "UTF-16BE";
  out.confidence = best;
  return true;
}

// C0 control bytes other than tab, line breaks, form feed and escape. Text in any 8-bit encoding
// has almost none; UTF-16 Greek, Cyrillic, Hebrew or Arabic has one in every other byte (the
// 0x03-0x06 high byte), which would otherwise pass as valid UTF-8.
// Written as byte arithmetic without && or branches so that the census below vectorises: the
// text controls are all below 0x20, so subtracting them leaves the others.
unsigned char is_foreign_control(unsigned char b) {
  const auto bit = [](bool x) { return static_cast<unsigned char>(x); };
  return static_cast<unsigned char>(bit(b < 0x20) - bit(b == '\t') - bit(b == '\n') -
                                    bit(b == '\r') - bit(b == '\f') - bit(b == 0x1B));
}

// What the verdicts below need to know about every byte of the sniff window, which is every
// byte of a small object: counted in one pass.
struct ByteCensus {
  std::size_t nuls = 0;
  std::size_t foreign_controls = 0;

  // Whether enough bytes are NUL for a BOM-less UTF-16/32 layout to reach kNulPatternFloor:
  // each matching UTF-16 unit holds one NUL, each UTF-32 unit three. Most text holds none.
  bool enough_nuls_for_wide(std::size_t size) const {
    return nuls * 100 >= static_cast<std::size_t>(kNulPatternFloor) * (size / 2);
  }
  // Share (0-100) of foreign control bytes.
  int control_share(std::size_t size) const {
    return size == 0 ? 0 : static_cast<int>(foreign_controls * 100 / size);
  }
};

// One pass in byte lanes (core/byte_lanes.h); the byte-by-byte loops with branches it replaced
// cost 13 instructions per byte, more than scanning the text afterwards.
TAMIS_VECTOR_CLONES ByteCensus take_census(std::string_view head) {
  const auto [nuls, foreign_controls] = count_bytes_where<16>(
      head, [](unsigned char b) { return b == 0; },
      [](unsigned char b) { return is_foreign_control(b); });
  return ByteCensus{nuls, foreign_controls};
}

bool is_valid_utf8_prefix(std::string_view head) {
  Utf8Checker checker;
  checker.feed(head);  // no finish(): the sample may end inside a character
  return checker.valid();
}

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

// ICU's detector may name a charset it has no converter for (e.g. "IBM424_rtl"); skip those.
bool has_converter(const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(name, &status);
  if (U_FAILURE(status) || converter == nullptr) return false;
  ucnv_close(converter);
  return true;
}

bool detect_with_icu(std::string_view head, DetectedCharset& out) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
  if (U_FAILURE(status)) return false;
  ucsdet_setText(detector.get(), head.data(), static_cast<std::int32_t>(head.size()), &status);
  std::int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
  if (U_FAILURE(status) || matches == nullptr) return false;
  // Matches come best first.
  for (std::int32_t i = 0; i < count; ++i) {
    UErrorCode match_status = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[i], &match_status);
    const int confidence = ucsdet_getConfidence(matches[i], &match_status);
    if (U_FAILURE(match_status) || name == nullptr) continue;
    if (confidence < kCharsetConfidenceFloor) break;
    if (!has_converter(name)) continue;
    out.name = name;
    out.confidence = confidence;
    return true;
  }
  return false;
}

}  // namespace

DetectedCharset detect_charset(std::string_view head) {
  if (head.size() > kCharsetSniffBytes) head = head.substr(0, kCharsetSniffBytes);
  DetectedCharset result;
  for (const Bom& bom : kBoms) {
    if (head.starts_with(bom.bytes)) {
      result.name = bom.name;
      result.had_bom = true;
      result.bom_length = bom.bytes.size();
      return result;
    }
  }
  const ByteCensus census = take_census(head);
  if (census.enough_nuls_for_wide(head.size()) && sniff_wide_without_bom(head, result)) {
    return result;
  }
  if (census.control_share(head.size()) >= 10 && sniff_utf16_by_script(head, result)) {
    return result;
  }
  if (is_valid_utf8_prefix(head)) return result;  // pure ASCII included
  if (detect_with_icu(head, result)) return result;
  if (sniff_utf16_by_script(head, result)) return result;
  result.name = "UTF-8";
  result.confidence = 0;
  result.below_floor = true;
  return result;
}

std::string canonical_charset_name(std::string_view alias) {
  const std::string name(alias);
  if (name.empty()) return name;  // ICU would read "" as the platform default
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(name.c_str(), &status);
  if (U_FAILURE(status) || converter == nullptr) return name;
  std::string result = name;
  const char* internal = ucnv_getName(converter, &status);
  if (U_SUCCESS(status) && internal != nullptr) {
    for (const char* standard : {"MIME", "IANA"}) {
      UErrorCode lookup = U_ZERO_ERROR;
      const char* standard_name = ucnv_getStandardName(internal, standard, &lookup);
      if (U_SUCCESS(lookup) && standard_name != nullptr) {
        result = standard_name;
        break;
      }
    }
  }
  ucnv_close(converter);
  return result;
}

}  // namespace tamis
