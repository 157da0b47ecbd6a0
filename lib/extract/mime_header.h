// Header fields of an email or a MIME part: recognising field lines, unfolding, structured values
// with parameters (RFC 2045 and RFC 2231: quoted strings, charsets, continuations) and encoded
// words (RFC 2047), all decoded to UTF-8 through ICU's converters.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tamis {

struct HeaderField {
  std::string name;   // as written
  std::string value;  // blanks after the colon dropped, unfolded (folding blanks kept), not decoded
};

// A header block collected line by line.
class HeaderBlock {
 public:
  // Starts a new field from a line (line break removed) whose colon is at `colon`, as found by
  // header_colon_position().
  void start_field(std::string_view line, std::size_t colon);
  // Appends a continuation line (one starting with a blank) to the current field.
  void continue_field(std::string_view line);
  bool empty() const { return fields_.empty(); }

  const std::vector<HeaderField>& fields() const { return fields_; }
  // The value of the first field named `name` (case-insensitive), if any.
  std::optional<std::string_view> find(std::string_view name) const;
  // One field per line, "Name: value\n", encoded words decoded to UTF-8.
  std::string decoded_text() const;

 private:
  std::vector<HeaderField> fields_;
};

// Where the colon is when `line` starts a header field ("Name:" or the obsolete "Name :"); 0 when
// it does not start one.
std::size_t header_colon_position(std::string_view line);

// A structured value such as `text/plain; charset="utf-8"` or `attachment; filename*=...`.
struct ParameterizedValue {
  std::string value;  // before the first ';', trimmed, lower-case
  // Names lower-case; values unquoted and, for RFC 2231 or RFC 2047 forms, decoded to UTF-8.
  // RFC 2231 continuations are joined under their base name.
  std::vector<std::pair<std::string, std::string>> parameters;

  // The named parameter (lower-case name), if present.
  std::optional<std::string_view> parameter(std::string_view name) const;
};

ParameterizedValue parse_parameterized(std::string_view value);

// Decodes RFC 2047 encoded words (`=?charset?B|Q?text?=`, any ICU-known charset, an RFC 2231
// language suffix allowed) to UTF-8. Whitespace between adjacent encoded words is dropped and
// their bytes are joined before conversion, so a character split across two words survives.
// Malformed words and unknown charsets are left exactly as written.
std::string decode_encoded_words(std::string_view text);

// Converts `bytes` in `charset` to UTF-8 (invalid sequences become U+FFFD); nullopt when ICU does
// not know the charset.
std::optional<std::string> charset_to_utf8(std::string_view bytes, std::string_view charset);

}  // namespace tamis
