// Decides the text encoding of an object from its first bytes: byte order marks, then the NUL
// pattern of BOM-less UTF-16/UTF-32, then UTF-8 validity, then ICU's statistical detector.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tamis {

// How much of an object detection looks at; callers pass at most this many leading bytes.
inline constexpr std::size_t kCharsetSniffBytes = 64 * 1024;

// ICU's detector reports a 0-100 confidence. On text that is not valid UTF-8 its single-byte
// recognisers score real prose in their language at 30 or more, while binary noise and very
// short or mixed samples score 10-20; below this floor a guess is more likely to garble UTF-8
// with a few stray bytes than to recover a legacy encoding, so we keep UTF-8 (with errors).
inline constexpr int kCharsetConfidenceFloor = 25;

struct DetectedCharset {
  std::string name = "UTF-8";  // ICU/IANA name: "UTF-16LE", "windows-1252", "Shift_JIS", ...
  int confidence = 100;        // 0-100
  bool had_bom = false;
  std::size_t bom_length = 0;  // bytes of the byte order mark at the start (0 without one)
  // No detector reached the floor: the text is read as UTF-8 and its bad bytes become U+FFFD.
  bool below_floor = false;
};

// `head` is the start of the object (up to kCharsetSniffBytes; more is ignored). A multi-byte
// character cut off at the end of `head` does not count against UTF-8.
DetectedCharset detect_charset(std::string_view head);

// The usual name of an encoding given by any alias ICU knows: its MIME name ("utf8" → "UTF-8",
// "latin1" → "ISO-8859-1", "sjis" → "Shift_JIS"), else its IANA name ("cp1252" →
// "windows-1252"), else `alias` unchanged (also when ICU does not know it).
std::string canonical_charset_name(std::string_view alias);

}  // namespace tamis
