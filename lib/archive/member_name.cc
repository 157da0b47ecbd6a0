#include "archive/member_name.h"

#include <array>
#include <cstdint>

namespace tamis {
namespace {

void append_hex_escape(std::string& out, unsigned char byte) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += "\\x";
  out += kHex[byte >> 4];
  out += kHex[byte & 0xf];
}

bool is_continuation(unsigned char byte) { return (byte & 0xc0) == 0x80; }

// Length of the well-formed UTF-8 sequence starting at `i`, or 0 when it is not well formed
// (overlong forms, surrogates and code points past U+10FFFF included).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = at(i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  std::uint32_t code_point = 0;
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2;
    code_point = lead & 0x1f;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    code_point = lead & 0x0f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    code_point = lead & 0x07;
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if (!is_continuation(at(i + k))) return 0;
    code_point = (code_point << 6) | (at(i + k) & 0x3f);
  }
  const bool overlong =
      (length == 3 && code_point < 0x800) || (length == 4 && code_point < 0x10000);
  const bool surrogate = code_point >= 0xd800 && code_point <= 0xdfff;
  if (overlong || surrogate || code_point > 0x10ffff) return 0;
  return length;
}

struct Suffix {
  std::string_view from;
  std::string_view to;
};

constexpr std::array<Suffix, 15> kCompressorSuffixes{{
    {".tgz", ".tar"},
    {".taz", ".tar"},
    {".tbz2", ".tar"},
    {".tbz", ".tar"},
    {".txz", ".tar"},
    {".tzst", ".tar"},
    {".tlz", ".tar"},
    {".gz", ""},
    {".bz2", ""},
    {".xz", ""},
    {".zst", ""},
    {".lz4", ""},
    {".Z", ""},
    {".lz", ""},
    {".lzma", ""},
}};

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t length = utf8_sequence_length(s, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

bool needs_escaping(std::string_view raw) {
  if (!is_valid_utf8(raw)) return true;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const auto byte = static_cast<unsigned char>(raw[i]);
    if (byte < 0x20 || byte == 0x7f) return true;
    if (byte == 0xc2 && i + 1 < raw.size() && static_cast<unsigned char>(raw[i + 1]) < 0xa0) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string escape_member_name(std::string_view raw) {
  if (!needs_escaping(raw)) return std::string(raw);
  // A name in some other charset (CP932, CP437) can contain stray valid UTF-8 sequences; showing
  // those would be mojibake, so such a name has every non-ASCII byte escaped. Backslashes are
  // escaped too in an escaped name, so that `\x41` can only mean an escaped byte.
  const bool utf8 = is_valid_utf8(raw);
  std::string out;
  out.reserve(raw.size() * 2);
  std::size_t i = 0;
  while (i < raw.size()) {
    const auto byte = static_cast<unsigned char>(raw[i]);
    const std::size_t length = utf8 ? utf8_sequence_length(raw, i) : (byte < 0x80 ? 1 : 0);
    const bool c0_del_or_backslash = length == 1 && (byte < 0x20 || byte == 0x7f || byte == '\\');
    const bool c1 = length == 2 && byte == 0xc2 && static_cast<unsigned char>(raw[i + 1]) < 0xa0;
    if (length == 0 || c0_del_or_backslash) {
      append_hex_escape(out, byte);
      ++i;
      continue;
    }
    if (c1) {
      append_hex_escape(out, byte);
      append_hex_escape(out, static_cast<unsigned char>(raw[i + 1]));
    } else {
      out.append(raw.substr(i, length));
    }
    i += length;
  }
  return out;
}

std::string single_stream_member_name(std::string_view object_path) {
  const std::size_t slash = object_path.find_last_of('/');
  const std::string_view base =
      slash == std::string_view::npos ? object_path : object_path.substr(slash + 1);
  for (const Suffix& suffix : kCompressorSuffixes) {
    if (base.size() > suffix.from.size() && base.ends_with(suffix.from)) {
      std::string name(base.substr(0, base.size() - suffix.from.size()));
      name += suffix.to;
      return name;
    }
  }
  return "data";
}

std::string join_member_path(std::string_view parent, std::string_view member) {
  std::string path;
  path.reserve(parent.size() + 1 + member.size());
  path.append(parent);
  path += '/';
  path.append(member);
  return path;
}

}  // namespace tamis
