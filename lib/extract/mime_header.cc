#include "extract/mime_header.h"

#include <algorithm>
#include <cstdint>
#include <map>

#include "decode/base64_stream.h"
#include "decode/utf8_transcoder.h"

namespace tamis {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_space(char c) { return is_blank(c) || c == '\r' || c == '\n'; }

char to_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = to_lower(c);
  return out;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  }
  return true;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "=XX" escapes, and "_" for a space when `underscore_is_space` (RFC 2047 Q encoding); anything
// malformed is kept as written.
std::string decode_escapes(std::string_view text, char escape, bool underscore_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == escape && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
        hex_value(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2])));
      i += 2;
    } else if (c == '_' && underscore_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// One well-formed encoded word found in a text.
struct EncodedWord {
  std::size_t begin = 0;  // of "=?"
  std::size_t end = 0;    // past "?="
  std::string_view charset;
  std::string bytes;  // the decoded bytes, still in `charset`
};

bool is_charset_char(char c) {
  return c > ' ' && c < 127 && c != '?' && c != '=' && c != '"' && c != '(' && c != ')';
}

// Parses the encoded word starting at `begin` (which holds "=?").
std::optional<EncodedWord> parse_encoded_word(std::string_view text, std::size_t begin) {
  std::size_t i = begin + 2;
  const std::size_t charset_begin = i;
  while (i < text.size() && is_charset_char(text[i])) ++i;
  if (i == charset_begin || i + 2 >= text.size() || text[i] != '?') return std::nullopt;
  std::string_view charset = text.substr(charset_begin, i - charset_begin);
  // RFC 2231 section 5: a language may follow the charset ("utf-8*en").
  charset = charset.substr(0, charset.find('*'));
  if (charset.empty()) return std::nullopt;
  const char encoding = to_lower(text[i + 1]);
  if ((encoding != 'b' && encoding != 'q') || text[i + 2] != '?') return std::nullopt;
  const std::size_t text_begin = i + 3;
  const std::size_t close = text.find("?=", text_begin);
  if (close == std::string_view::npos) return std::nullopt;
  const std::string_view encoded = text.substr(text_begin, close - text_begin);
  if (std::any_of(encoded.begin(), encoded.end(), [](char c) { return is_space(c) || c == '?'; })) {
    return std::nullopt;
  }
  EncodedWord word;
  word.begin = begin;
  word.end = close + 2;
  word.charset = charset;
  word.bytes = encoding == 'b' ? decode_base64(encoded) : decode_escapes(encoded, '=', true);
  return word;
}

// Adjacent encoded words in one charset, waiting to be converted together.
struct PendingWords {
  std::string_view charset;
  std::string bytes;
  std::size_t begin = 0;  // in the text, for leaving them as written when the charset is unknown
  std::size_t end = 0;
  bool active = false;
};

void flush(PendingWords& pending, std::string_view text, std::string& out) {
  if (!pending.active) return;
  if (auto utf8 = charset_to_utf8(pending.bytes, pending.charset)) {
    out += *utf8;
  } else {
    out.append(text.substr(pending.begin, pending.end - pending.begin));
  }
  pending = PendingWords{};
}

// The `charset'language'%XX` form of an RFC 2231 extended value: charset and decoded bytes.
std::pair<std::string, std::string> split_extended_initial(std::string_view value) {
  const std::size_t first = value.find('\'');
  const std::size_t second =
      first == std::string_view::npos ? std::string_view::npos : value.find('\'', first + 1);
  if (second == std::string_view::npos) return {"", decode_escapes(value, '%', false)};
  return {std::string(value.substr(0, first)),
          decode_escapes(value.substr(second + 1), '%', false)};
}

struct RawParameter {
  std::string name;  // lower-case
  std::string value;
};

// Splits `params` ("; a=b; c="d"") into names and unquoted values.
std::vector<RawParameter> split_parameters(std::string_view params) {
  std::vector<RawParameter> out;
  std::size_t i = 0;
  while (i < params.size()) {
    while (i < params.size() && (is_space(params[i]) || params[i] == ';')) ++i;
    const std::size_t name_begin = i;
    while (i < params.size() && params[i] != '=' && params[i] != ';') ++i;
    const std::string_view name = trim(params.substr(name_begin, i - name_begin));
    if (i >= params.size() || params[i] == ';') continue;  // an attribute without a value
    ++i;                                                   // '='
    while (i < params.size() && is_space(params[i])) ++i;
    std::string value;
    if (i < params.size() && params[i] == '"') {
      for (++i; i < params.size() && params[i] != '"'; ++i) {
        if (params[i] == '\\' && i + 1 < params.size()) ++i;
        value.push_back(params[i]);
      }
      // Whatever follows the closing quote up to the next ';' is noise.
      while (i < params.size() && params[i] != ';') ++i;
    } else {
      // Lenient: unquoted values with spaces ("filename=my file.pdf") are common.
      const std::size_t value_begin = i;
      while (i < params.size() && params[i] != ';') ++i;
      value = std::string(trim(params.substr(value_begin, i - value_begin)));
    }
    if (!name.empty()) out.push_back({lower(name), std::move(value)});
  }
  return out;
}

// Where the first ';' outside a quoted string is.
std::size_t first_separator(std::string_view value) {
  bool quoted = false;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '"') quoted = !quoted;
    if (value[i] == '\\' && quoted) ++i;
    if (value[i] == ';' && !quoted) return i;
  }
  return std::string_view::npos;
}

void set_parameter(ParameterizedValue& out, std::string name, std::string value) {
  for (auto& [existing, old] : out.parameters) {
    if (existing == name) {
      old = std::move(value);
      return;
    }
  }
  out.parameters.emplace_back(std::move(name), std::move(value));
}

// RFC 2231 sections of one parameter: number -> (extended, value).
using Sections = std::map<std::uint32_t, std::pair<bool, std::string>>;

std::string join_sections(const Sections& sections) {
  std::string charset;
  std::string bytes;
  for (const auto& [number, section] : sections) {
    const auto& [extended, value] = section;
    if (!extended) {
      bytes += value;
    } else if (number == 0) {
      auto [initial_charset, decoded] = split_extended_initial(value);
      charset = std::move(initial_charset);
      bytes += decoded;
    } else {
      bytes += decode_escapes(value, '%', false);
    }
  }
  if (charset.empty()) return bytes;
  auto utf8 = charset_to_utf8(bytes, charset);
  return utf8 ? std::move(*utf8) : bytes;
}

}  // namespace

std::size_t header_colon_position(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] > ' ' && line[i] < 127 && line[i] != ':') ++i;
  if (i == 0) return 0;
  std::size_t colon = i;
  while (colon < line.size() && is_blank(line[colon])) ++colon;
  return colon < line.size() && line[colon] == ':' ? colon : 0;
}

void HeaderBlock::start_field(std::string_view line, std::size_t colon) {
  HeaderField field;
  field.name = std::string(trim(line.substr(0, colon)));
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && is_blank(value.front())) value.remove_prefix(1);
  field.value = std::string(value);
  fields_.push_back(std::move(field));
}

void HeaderBlock::continue_field(std::string_view line) {
  if (!fields_.empty()) fields_.back().value += line;
}

std::optional<std::string_view> HeaderBlock::find(std::string_view name) const {
  for (const auto& field : fields_) {
    if (equals_ignoring_case(field.name, name)) return field.value;
  }
  return std::nullopt;
}

std::string HeaderBlock::decoded_text() const {
  std::string out;
  for (const auto& field : fields_) {
    out += field.name;
    out += ": ";
    out += decode_encoded_words(trim(field.value));
    out += '\n';
  }
  return out;
}

std::optional<std::string_view> ParameterizedValue::parameter(std::string_view name) const {
  for (const auto& [key, text] : parameters) {
    if (key == name) return text;
  }
  return std::nullopt;
}

ParameterizedValue parse_parameterized(std::string_view value) {
  ParameterizedValue out;
  const std::size_t separator = first_separator(value);
  out.value = lower(trim(value.substr(0, separator)));
  if (separator == std::string_view::npos) return out;

  std::vector<std::pair<std::string, Sections>> extended;  // in order of first appearance
  for (auto& raw : split_parameters(value.substr(separator + 1))) {
    const std::size_t star = raw.name.find('*');
    if (star == std::string::npos) {
      // Not standard, but common: RFC 2047 words inside a quoted filename.
      std::string decoded = raw.value.find("=?") != std::string::npos
                                ? decode_encoded_words(raw.value)
                                : std::move(raw.value);
      if (!out.parameter(raw.name)) out.parameters.emplace_back(raw.name, std::move(decoded));
      continue;
    }
    // "name*" (one extended value), "name*N" or "name*N*" (section N, plain or extended).
    const std::string base = raw.name.substr(0, star);
    std::string_view rest = std::string_view(raw.name).substr(star + 1);
    bool is_extended = rest.empty();
    if (!rest.empty() && rest.back() == '*') {
      is_extended = true;
      rest.remove_suffix(1);
    }
    std::uint32_t number = 0;
    bool valid = rest.size() <= 5;  // sections beyond 99999 are not a real header
    for (const char c : rest) valid = valid && c >= '0' && c <= '9';
    if (!valid || base.empty()) continue;
    for (const char c : rest) number = number * 10 + static_cast<std::uint32_t>(c - '0');
    auto group = std::find_if(extended.begin(), extended.end(),
                              [&](const auto& entry) { return entry.first == base; });
    if (group == extended.end()) group = extended.insert(extended.end(), {base, Sections{}});
    group->second.emplace(number, std::make_pair(is_extended, std::move(raw.value)));
  }
  // RFC 2231 values win over plain ones of the same name (senders add both for old readers).
  for (auto& [base, sections] : extended) set_parameter(out, base, join_sections(sections));
  return out;
}

std::string decode_encoded_words(std::string_view text) {
  if (text.find("=?") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  PendingWords pending;
  std::size_t done = 0;  // text before this is in `out` or `pending`
  std::size_t search = 0;
  while (true) {
    const std::size_t start = text.find("=?", search);
    if (start == std::string_view::npos) break;
    auto word = parse_encoded_word(text, start);
    if (!word) {
      search = start + 2;
      continue;
    }
    const std::string_view between = text.substr(done, start - done);
    const bool only_blanks = std::all_of(between.begin(), between.end(), is_space);
    if (!(pending.active && only_blanks)) {
      flush(pending, text, out);
      out.append(between);
    }
    if (pending.active && !equals_ignoring_case(pending.charset, word->charset)) {
      flush(pending, text, out);
    }
    if (!pending.active) {
      pending.active = true;
      pending.charset = word->charset;
      pending.begin = word->begin;
    }
    pending.bytes += word->bytes;
    pending.end = word->end;
    done = search = word->end;
  }
  flush(pending, text, out);
  out.append(text.substr(done));
  return out;
}

std::optional<std::string> charset_to_utf8(std::string_view bytes, std::string_view charset) {
  auto transcoder = Utf8Transcoder::open(charset);
  if (!transcoder) return std::nullopt;
  std::string out;
  const auto sink = [&out](std::string_view utf8) { out += utf8; };
  transcoder->feed(bytes, sink);
  transcoder->finish(sink);
  return out;
}

}  // namespace tamis
