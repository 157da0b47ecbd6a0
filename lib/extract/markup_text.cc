#include "extract/markup_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace tamis {
namespace {

struct SourcePosition {
  std::uint64_t line = 1;
  std::uint64_t column = 1;  // in code points, like libxml2's and the scanner's columns
};

bool is_continuation_byte(unsigned char b) { return (b & 0xC0) == 0x80; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The raw input libxml2 has not finished with, addressed by absolute byte offsets, with line and
// column of any offset in it. Lines end at "\n", "\r\n" or a lone "\r", as libxml2 counts them.
class RawWindow {
 public:
  void append(std::string_view bytes) { bytes_.append(bytes); }
  std::uint64_t begin() const { return base_; }
  std::uint64_t end() const { return base_ + bytes_.size(); }
  std::size_t size() const { return bytes_.size(); }

  std::string_view slice(std::uint64_t from, std::uint64_t to) const {
    from = std::clamp(from, begin(), end());
    to = std::clamp(to, from, end());
    return std::string_view(bytes_).substr(from - base_, to - from);
  }
  char at(std::uint64_t offset) const { return bytes_[offset - base_]; }

  // Forgets bytes before `offset` (positions stay known through the moving cursor).
  void trim_to(std::uint64_t offset) {
    offset = std::clamp(offset, begin(), end());
    if (offset == base_) return;
    base_position_ = position_of(offset);
    bytes_.erase(0, offset - base_);
    base_ = offset;
  }

  // Usually called with increasing offsets, so the walk is amortised over the input.
  SourcePosition position_of(std::uint64_t offset) {
    offset = std::clamp(offset, begin(), end());
    if (offset < cursor_) {
      // Steps back are short and rarely cross a line: count back within the line if possible.
      const std::string_view between = slice(offset, cursor_);
      if (between.find_first_of("\r\n") == std::string_view::npos) {
        std::uint64_t characters = 0;
        for (char c : between)
          characters += is_continuation_byte(static_cast<unsigned char>(c)) ? 0 : 1;
        return {cursor_position_.line, cursor_position_.column - characters};
      }
      cursor_ = base_;
      cursor_position_ = base_position_;
    }
    for (; cursor_ < offset; ++cursor_) {
      const auto b = static_cast<unsigned char>(bytes_[cursor_ - base_]);
      if (b == '\n') {
        ++cursor_position_.line;
        cursor_position_.column = 1;
      } else if (b == '\r') {
        const bool crlf = cursor_ + 1 < end() && bytes_[cursor_ + 1 - base_] == '\n';
        if (!crlf) {
          ++cursor_position_.line;
          cursor_position_.column = 1;
        }
      } else if (!is_continuation_byte(b)) {
        ++cursor_position_.column;
      }
    }
    return cursor_position_;
  }

 private:
  std::string bytes_;
  std::uint64_t base_ = 0;
  SourcePosition base_position_;
  std::uint64_t cursor_ = 0;
  SourcePosition cursor_position_;
};

// The output text and where its end stands, so each piece can be placed at its source position.
class LayoutWriter {
 public:
  LayoutWriter(MarkupText::Sink& sink, std::size_t piece_bytes)
      : sink_(sink), piece_bytes_(piece_bytes) {}

  SourcePosition position() const { return position_; }

  // Pads up to `target`. Content from another node never touches what precedes it: when the
  // target is behind (or at) the current end, a space separates them unless `glue` says the
  // piece continues the same text.
  void move_to(SourcePosition target, bool glue) {
    if (target.line > position_.line) {
      buffer_.append(target.line - position_.line, '\n');
      position_ = {target.line, 1};
      last_is_space_ = true;
    }
    if (target.line == position_.line && target.column > position_.column) {
      buffer_.append(target.column - position_.column, ' ');
      position_.column = target.column;
      last_is_space_ = true;
      return;
    }
    const bool adjacent = target.line == position_.line && target.column == position_.column;
    if (!(adjacent && glue)) separate();
  }

  // Only moves down to `line` (never back), then separates unless glued.
  void move_to_line(std::uint64_t line, bool glue) {
    if (line > position_.line) {
      move_to({line, 1}, glue);
    } else if (!glue) {
      separate();
    }
  }

  void separate() {
    if (!last_is_space_) put(" ", 1);
  }

  // `newlines_real`: the text's line breaks are line breaks of the source. Otherwise (decoded
  // references, entity expansions) they become spaces so later lines stay exact.
  void write(std::string_view text, bool newlines_real) {
    std::size_t run_start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (c != '\n' && c != '\r') continue;
      put(text.data() + run_start, i - run_start);
      run_start = i + 1;
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
      if (newlines_real) {
        buffer_.push_back('\n');
        ++position_.line;
        position_.column = 1;
        last_is_space_ = true;
      } else {
        put(" ", 1);
      }
    }
    put(text.data() + run_start, text.size() - run_start);
    if (buffer_.size() >= piece_bytes_) flush();
  }

  // Raw bytes passed through verbatim (after libxml2 gave up): positions follow "\n" only.
  void write_raw(std::string_view bytes) {
    for (char c : bytes) {
      if (c == '\n') {
        ++position_.line;
        position_.column = 1;
      } else if (!is_continuation_byte(static_cast<unsigned char>(c))) {
        ++position_.column;
      }
    }
    if (!bytes.empty()) last_is_space_ = is_space(bytes.back());
    buffer_.append(bytes);
    if (buffer_.size() >= piece_bytes_) flush();
  }

  void flush() {
    if (buffer_.empty()) return;
    if (sink_) sink_(buffer_);
    buffer_.clear();
  }

 private:
  void put(const char* data, std::size_t size) {
    if (size == 0) return;
    buffer_.append(data, size);
    for (std::size_t i = 0; i < size; ++i) {
      if (!is_continuation_byte(static_cast<unsigned char>(data[i]))) ++position_.column;
    }
    last_is_space_ = is_space(data[size - 1]);
  }

  MarkupText::Sink& sink_;
  std::size_t piece_bytes_;
  std::string buffer_;
  SourcePosition position_;
  bool last_is_space_ = true;
};

// ---- Lexing the raw text of a tag libxml2 has just reported, to place names and values.

bool is_tag_name_end(char c) { return is_space(c) || c == '>' || c == '/'; }

struct RawAttribute {
  std::uint64_t name_offset = 0;
  std::string_view name;
  bool has_value = false;
  std::uint64_t value_offset = 0;
  std::string_view value;
};

struct RawStartTag {
  std::uint64_t name_offset = 0;
  std::string_view name;
  std::vector<RawAttribute> attributes;
};

// Lexes `<name attr="v" ...` starting at text[lt] and succeeds only if the tag's attributes end
// exactly at text[end] (where libxml2's cursor stands: at its `>` or `/>`).
std::optional<RawStartTag> lex_start_tag(std::string_view text, std::size_t lt, std::size_t end,
                                         std::uint64_t base) {
  RawStartTag tag;
  std::size_t pos = lt + 1;
  while (pos < end && !is_tag_name_end(text[pos])) ++pos;
  if (pos == lt + 1) return std::nullopt;
  tag.name_offset = base + lt + 1;
  tag.name = text.substr(lt + 1, pos - lt - 1);
  while (true) {
    while (pos < end && (is_space(text[pos]) || text[pos] == '/')) ++pos;
    if (pos == end) return tag;
    if (pos > end || text[pos] == '>') return std::nullopt;
    RawAttribute attribute;
    const std::size_t name_start = pos;
    while (pos < end && !is_space(text[pos]) && text[pos] != '=' && text[pos] != '>' &&
           text[pos] != '/') {
      ++pos;
    }
    if (pos == name_start) {
      ++pos;  // a stray '=': skip it
      continue;
    }
    attribute.name_offset = base + name_start;
    attribute.name = text.substr(name_start, pos - name_start);
    std::size_t after_name = pos;
    while (after_name < end && is_space(text[after_name])) ++after_name;
    if (after_name < end && text[after_name] == '=') {
      pos = after_name + 1;
      while (pos < end && is_space(text[pos])) ++pos;
      if (pos < end && (text[pos] == '"' || text[pos] == '\'')) {
        const std::size_t close = text.find(text[pos], pos + 1);
        if (close == std::string_view::npos || close >= end) return std::nullopt;
        attribute.value_offset = base + pos + 1;
        attribute.value = text.substr(pos + 1, close - pos - 1);
        pos = close + 1;
      } else {
        const std::size_t value_start = pos;
        while (pos < end && !is_space(text[pos]) && text[pos] != '>') ++pos;
        attribute.value_offset = base + value_start;
        attribute.value = text.substr(value_start, pos - value_start);
      }
      attribute.has_value = true;
    }
    tag.attributes.push_back(attribute);
  }
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string_view as_view(const xmlChar* s) {
  return s == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(s));
}

std::string qualified_name(const xmlChar* prefix, const xmlChar* local) {
  std::string name;
  if (prefix != nullptr) {
    name.append(as_view(prefix));
    name.push_back(':');
  }
  name.append(as_view(local));
  return name;
}

// Without entity substitution libxml2 hands attribute values over with every '&' written as
// "&#38;" (so a later pass could tell it from a reference); every other reference is decoded.
std::string unescape_ampersands(std::string_view value) {
  static constexpr std::string_view kEscaped = "&#38;";
  std::string out;
  out.reserve(value.size());
  std::size_t pos = 0;
  while (true) {
    const std::size_t hit = value.find(kEscaped, pos);
    if (hit == std::string_view::npos) break;
    out.append(value.substr(pos, hit - pos));
    out.push_back('&');
    pos = hit + kEscaped.size();
  }
  out.append(value.substr(pos));
  return out;
}

// Does `text` end with a character or entity reference ("&amp;", "&#32;", "&#x41;")?
bool ends_with_reference(std::string_view text) {
  if (text.empty() || text.back() != ';') return false;
  const std::size_t limit = std::min<std::size_t>(text.size(), 40);
  for (std::size_t back = 2; back <= limit; ++back) {
    const char c = text[text.size() - back];
    if (c == '&') return back > 2;
    const bool name_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '#' || c == '_' || c == '-' || c == '.' ||
                           c == ':' || static_cast<unsigned char>(c) >= 0x80;
    if (!name_char) return false;
  }
  return false;
}

bool is_single_code_point(std::string_view text) {
  if (text.empty()) return false;
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (!is_continuation_byte(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

// Decodes the references in a stretch of text libxml2 skipped (after a well-formedness error it
// drops even "&amp;"): predefined and numeric references; anything else is kept as written.
std::string decode_simple_references(std::string_view raw) {
  std::string out;
  std::size_t pos = 0;
  while (pos < raw.size()) {
    const std::size_t amp = raw.find('&', pos);
    if (amp == std::string_view::npos) {
      out.append(raw.substr(pos));
      break;
    }
    const std::size_t semi = raw.find(';', amp);
    if (semi == std::string_view::npos || semi - amp > 12) {
      out.append(raw.substr(pos, amp + 1 - pos));
      pos = amp + 1;
      continue;
    }
    out.append(raw.substr(pos, amp - pos));
    const std::string name(raw.substr(amp + 1, semi - amp - 1));
    if (!name.empty() && name[0] == '#') {
      const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
      const std::string digits = name.substr(hex ? 2 : 1);
      char* parse_end = nullptr;
      const unsigned long code = std::strtoul(digits.c_str(), &parse_end, hex ? 16 : 10);
      if (!digits.empty() && *parse_end == '\0' && code > 0 && code <= 0x10FFFF &&
          (code < 0xD800 || code > 0xDFFF)) {
        xmlChar encoded[8] = {};
        const int length = xmlCopyCharMultiByte(encoded, static_cast<int>(code));
        out.append(reinterpret_cast<const char*>(encoded), static_cast<std::size_t>(length));
      } else {
        out.append(raw.substr(amp, semi - amp + 1));
      }
    } else if (const xmlEntity* entity = xmlGetPredefinedEntity(BAD_CAST name.c_str())) {
      out.append(as_view(entity->content));
    } else {
      out.append(raw.substr(amp, semi - amp + 1));
    }
    pos = semi + 1;
  }
  return out;
}

void init_libxml2_once() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace

struct MarkupText::Impl {
  Impl(MarkupKind k, Sink s, MarkupOptions o)
      : kind(k),
        sink(std::move(s)),
        options(o),
        out(sink, std::max<std::size_t>(options.output_piece_bytes, 1)) {}
  ~Impl() {
    if (ctxt == nullptr) return;
    if (ctxt->myDoc != nullptr) xmlFreeDoc(ctxt->myDoc);
    ctxt->myDoc = nullptr;
    if (kind == MarkupKind::kHtml) {
      htmlFreeParserCtxt(ctxt);
    } else {
      xmlFreeParserCtxt(ctxt);
    }
  }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  std::string code(std::string_view suffix) const {
    std::string c = kind == MarkupKind::kXml ? "XML_" : "HTML_";
    c.append(suffix);
    return c;
  }

  // Absolute byte offset of libxml2's cursor in the document (not inside an entity).
  std::uint64_t cursor() const {
    const xmlParserInputPtr in = ctxt->inputTab[0];
    return static_cast<std::uint64_t>(in->consumed) +
           static_cast<std::uint64_t>(in->cur - in->base);
  }
  SourcePosition libxml2_position() const {
    const xmlParserInputPtr in = ctxt->inputTab[0];
    return {static_cast<std::uint64_t>(std::max(in->line, 1)),
            static_cast<std::uint64_t>(std::max(in->col, 1))};
  }

  void mark_covered(std::uint64_t offset) {
    covered_to = std::max(covered_to, offset);
    lower_bound = std::max(lower_bound, offset);
  }

  // ---- Emission helpers

  void emit_at(std::uint64_t offset, std::string_view text, bool newlines_real) {
    out.move_to(raw.position_of(offset), in_text_run);
    out.write(text, newlines_real);
  }

  // Text whose source span is unknown (decoded references): right after what precedes it.
  void emit_continuation(std::string_view text) {
    if (!in_text_run) out.separate();
    out.write(text, false);
  }

  // Text produced by expanding an internal entity: glued to the run, bounded in total.
  void emit_entity_text(std::string_view text) {
    if (entity_bytes + text.size() > options.max_entity_text_bytes) {
      if (!entity_limit_hit) {
        entity_limit_hit = true;
        std::string detail = "internal entity expansions beyond ";
        detail.append(std::to_string(options.max_entity_text_bytes));
        detail.append(" bytes were not scanned");
        diagnostics.push_back({code("ENTITY_LIMIT"), detail});
      }
      return;
    }
    entity_bytes += text.size();
    emit_continuation(text);
    in_text_run = true;
    run_decoded = true;
  }

  // Text that libxml2 skipped between two text pieces of one run (references after a
  // well-formedness error): decoded as far as is safe and glued to the run.
  void fill_gap(std::uint64_t from, std::uint64_t to) {
    const std::string_view gap = raw.slice(from, to);
    if (gap.empty() || gap.find('<') != std::string_view::npos) return;
    const std::string decoded = decode_simple_references(gap);
    out.move_to(raw.position_of(from), true);
    out.write(decoded, false);
    run_decoded = run_decoded || decoded.size() != gap.size();
  }

  // A text node's piece (characters or CDATA), with libxml2's cursor at its start or its end.
  void on_text(std::string_view text, bool may_be_reference) {
    const std::uint64_t at = cursor();
    if (may_be_reference && is_single_code_point(text) &&
        ends_with_reference(raw.slice(at > 40 ? at - 40 : 0, at))) {
      emit_continuation(text);
      in_text_run = true;
      run_decoded = true;
      mark_covered(at);
      return;
    }
    std::optional<std::uint64_t> start;
    if (raw.slice(at, at + text.size()) == text) {
      start = at;
    } else if (at >= text.size() && raw.slice(at - text.size(), at) == text) {
      start = at - text.size();
    }
    if (!start) {
      // Line breaks rewritten by libxml2 ("\r\n"): only libxml2's line/column of the end is known.
      const SourcePosition end = libxml2_position();
      const auto breaks = static_cast<std::uint64_t>(std::count(text.begin(), text.end(), '\n'));
      const std::uint64_t first_line = end.line > breaks ? end.line - breaks : 1;
      out.move_to_line(first_line, in_text_run);
      out.write(text, true);
      in_text_run = true;
      mark_covered(at);
      return;
    }
    const std::uint64_t end = *start + text.size();
    if (in_text_run && *start > covered_to) fill_gap(covered_to, *start);
    if (run_decoded) {
      out.move_to_line(raw.position_of(*start).line, true);
      out.write(text, true);
    } else {
      emit_at(*start, text, true);
    }
    in_text_run = true;
    mark_covered(end);
  }

  void end_text_run() {
    in_text_run = false;
    run_decoded = false;
  }

  // Finds the '<' that opens the tag whose attributes end at `end` (libxml2's cursor).
  std::optional<RawStartTag> find_start_tag(std::uint64_t end) {
    const std::uint64_t from = std::clamp(lower_bound, raw.begin(), end);
    const std::string_view text = raw.slice(from, end + 1);
    const std::size_t stop = static_cast<std::size_t>(end - from);
    for (std::size_t lt = text.find('<'); lt != std::string_view::npos && lt < stop;
         lt = text.find('<', lt + 1)) {
      if (auto tag = lex_start_tag(text, lt, stop, from)) return tag;
    }
    return std::nullopt;
  }

  // One attribute of a lexed tag: its name, then its value at the value's position. The value
  // written is libxml2's decoded one unless the raw text has no reference to decode, in which
  // case the raw text keeps its line breaks.
  void emit_attribute(const RawAttribute& attribute, const std::optional<std::string>& decoded) {
    emit_at(attribute.name_offset, attribute.name, false);
    if (!attribute.has_value || attribute.value.empty()) return;
    const bool has_reference = attribute.value.find('&') != std::string_view::npos;
    if (has_reference && decoded) {
      emit_at(attribute.value_offset, *decoded, false);
    } else {
      emit_at(attribute.value_offset, attribute.value, true);
    }
  }

  void finish_start_tag(std::uint64_t end) {
    std::uint64_t covered = end;
    if (end < raw.end() && raw.at(end) == '>') covered = end + 1;
    if (end + 1 < raw.end() && raw.at(end) == '/' && raw.at(end + 1) == '>') covered = end + 2;
    mark_covered(covered);
  }

  void on_xml_start(const xmlChar* localname, const xmlChar* prefix, int nb_namespaces,
                    const xmlChar** namespaces, int nb_attributes, int nb_defaulted,
                    const xmlChar** attributes) {
    end_text_run();
    const std::uint64_t end = cursor();
    const int given = nb_attributes - nb_defaulted;
    auto decoded_value = [&](std::string_view raw_name) -> std::optional<std::string> {
      for (int i = 0; i < given; ++i) {
        const xmlChar** a = attributes + 5 * i;
        if (qualified_name(a[1], a[0]) == raw_name) {
          return unescape_ampersands(std::string_view(reinterpret_cast<const char*>(a[3]),
                                                      static_cast<std::size_t>(a[4] - a[3])));
        }
      }
      for (int i = 0; i < nb_namespaces; ++i) {
        std::string declaration = "xmlns";
        if (namespaces[2 * i] != nullptr) {
          declaration.push_back(':');
          declaration.append(as_view(namespaces[2 * i]));
        }
        if (declaration == raw_name) return std::string(as_view(namespaces[2 * i + 1]));
      }
      return std::nullopt;
    };
    if (auto tag = find_start_tag(end)) {
      emit_at(tag->name_offset, tag->name, false);
      for (const RawAttribute& attribute : tag->attributes) {
        emit_attribute(attribute, decoded_value(attribute.name));
      }
    } else {
      // The tag could not be matched in the raw text (recovered damage): keep what libxml2 saw.
      out.move_to_line(raw.position_of(end).line, false);
      out.write(qualified_name(prefix, localname), false);
      for (int i = 0; i < given; ++i) {
        const xmlChar** a = attributes + 5 * i;
        out.separate();
        out.write(unescape_ampersands(std::string_view(reinterpret_cast<const char*>(a[3]),
                                                       static_cast<std::size_t>(a[4] - a[3]))),
                  false);
      }
    }
    finish_start_tag(end);
  }

  void on_html_start(const xmlChar* name, const xmlChar** attributes) {
    end_text_run();
    const std::uint64_t end = cursor();
    auto decoded_value = [&](std::string_view raw_name) -> std::optional<std::string> {
      for (int i = 0; attributes != nullptr && attributes[i] != nullptr; i += 2) {
        if (iequals(as_view(attributes[i]), raw_name)) {
          return std::string(as_view(attributes[i + 1]));
        }
      }
      return std::nullopt;
    };
    if (auto tag = find_start_tag(end); tag && iequals(tag->name, as_view(name))) {
      emit_at(tag->name_offset, tag->name, false);
      for (const RawAttribute& attribute : tag->attributes) {
        emit_attribute(attribute, decoded_value(attribute.name));
      }
      finish_start_tag(end);
    } else if (attributes != nullptr && attributes[0] != nullptr) {
      out.move_to_line(raw.position_of(end).line, false);
      for (int i = 0; attributes[i] != nullptr; i += 2) {
        out.separate();
        out.write(as_view(attributes[i]), false);
        if (attributes[i + 1] == nullptr) continue;
        out.separate();
        out.write(as_view(attributes[i + 1]), false);
      }
    }
    // Implied elements (no tag in the source) produce nothing: their names are not in the text.
  }

  // The end tag's name as written, if there is one in the source (not for implied or empty ones).
  void on_end() {
    end_text_run();
    const std::uint64_t end = cursor();
    const std::uint64_t from = std::clamp(lower_bound, raw.begin(), end);
    if (end <= from || raw.at(end - 1) != '>') return;
    const std::string_view text = raw.slice(from, end);
    const std::size_t open = text.rfind("</");
    if (open == std::string_view::npos) {
      if (text.size() >= 2 && text.substr(text.size() - 2) == "/>") mark_covered(end);
      return;
    }
    std::size_t name_end = open + 2;
    while (name_end < text.size() && !is_tag_name_end(text[name_end])) ++name_end;
    if (name_end > open + 2) {
      emit_at(from + open + 2, text.substr(open + 2, name_end - open - 2), false);
    }
    mark_covered(end);
  }

  void on_comment(std::string_view content) {
    end_text_run();
    const std::uint64_t end = cursor();
    const std::uint64_t from = std::clamp(lower_bound, raw.begin(), end);
    const std::size_t open = raw.slice(from, end).find("<!--");
    if (open != std::string_view::npos) {
      emit_at(from + open + 4, content, true);
    } else {
      out.move_to_line(raw.position_of(end).line, false);
      out.write(content, false);
    }
    mark_covered(end);
  }

  void on_processing_instruction(std::string_view target, std::string_view data) {
    end_text_run();
    const std::uint64_t end = cursor();
    const std::uint64_t from = std::clamp(lower_bound, raw.begin(), end);
    const std::string_view text = raw.slice(from, end);
    std::string opener = "<?";
    opener.append(target);
    const std::size_t open = text.find(opener);
    if (open != std::string_view::npos) {
      emit_at(from + open + 2, target, false);
      std::size_t data_start = open + opener.size();
      while (data_start < text.size() && is_space(text[data_start])) ++data_start;
      if (!data.empty()) emit_at(from + data_start, data, true);
    } else {
      out.move_to_line(raw.position_of(end).line, false);
      out.write(target, false);
      out.separate();
      out.write(data, false);
    }
    mark_covered(end);
  }

  void on_error(const xmlError& error) {
    if (error.level < XML_ERR_ERROR) return;
    ++error_count;
    std::string message = error.message == nullptr ? "unknown error" : error.message;
    while (!message.empty() && is_space(message.back())) message.pop_back();
    last_error_line = static_cast<std::uint64_t>(std::max(error.line, 0));
    last_error = message;
    if (error_count == 1) {
      first_error_line = last_error_line;
      first_error = std::move(message);
    }
  }

  // ---- Driving libxml2

  bool parser_stopped() const { return ctxt->instate == XML_PARSER_EOF; }

  int parse(const char* data, int size, bool terminate) {
    return kind == MarkupKind::kHtml ? htmlParseChunk(ctxt, data, size, terminate ? 1 : 0)
                                     : xmlParseChunk(ctxt, data, size, terminate ? 1 : 0);
  }

  void after_parse() {
    if (!parser_stopped()) {
      raw.trim_to(std::min({covered_to, lower_bound, cursor()}));
      return;
    }
    stopped = true;
    std::string detail = "libxml2 stopped";
    if (!last_error.empty()) {
      detail.append(" at line ");
      detail.append(std::to_string(last_error_line));
      detail.append(": ");
      detail.append(last_error);
    }
    const SourcePosition rest = raw.position_of(covered_to);
    detail.append("; the rest, from line ");
    detail.append(std::to_string(rest.line));
    detail.append(", was scanned as plain text");
    status = {"PARTIAL", "UNABLE_TO_PARSE_FILE", detail};
    diagnostics.push_back({code("PARSE_STOPPED"), detail});
    pass_through_from(covered_to);
  }

  // Everything from `offset` on goes out verbatim (and so does everything fed later).
  void pass_through_from(std::uint64_t offset) {
    offset = std::max(offset, raw.begin());
    const std::string_view rest = raw.slice(offset, raw.end());
    if (!rest.empty()) {
      out.move_to(raw.position_of(offset), false);
      out.write_raw(rest);
    }
    raw.trim_to(raw.end());
  }

  void feed(std::string_view bytes) {
    if (finished) return;
    if (stopped) {
      out.write_raw(bytes);
      out.flush();
      return;
    }
    // A short tail that opens a tag ("<", "</scr") is held back until more arrives: libxml2's
    // HTML push parser misreads a <script> end tag split across chunks, which would make the
    // output depend on how the caller happened to split the input.
    pending.append(bytes);
    std::size_t ready = pending.size();
    const std::size_t lt = pending.rfind('<');
    if (lt != std::string::npos && pending.find('>', lt) == std::string::npos &&
        pending.size() - lt <= kHeldBackBytes) {
      ready = lt;
    }
    parse_bytes(std::string_view(pending).substr(0, ready));
    pending.erase(0, ready);
    out.flush();
  }

  void parse_bytes(std::string_view bytes) {
    const std::size_t slice = std::max<std::size_t>(options.parse_slice_bytes, 1);
    while (!bytes.empty() && !stopped) {
      const std::string_view piece = bytes.substr(0, slice);
      bytes.remove_prefix(piece.size());
      raw.append(piece);
      parse(piece.data(), static_cast<int>(piece.size()), false);
      after_parse();
    }
    if (!bytes.empty()) out.write_raw(bytes);
  }

  void finish() {
    if (finished) return;
    finished = true;
    parse_bytes(pending);
    pending.clear();
    if (!stopped) {
      parse(nullptr, 0, true);
      // The parser always ends in XML_PARSER_EOF; xmlHaltParser (giving up) also disables SAX.
      if (ctxt->disableSAX != 0) {
        after_parse();
      } else {
        pass_through_unparsed_tail();
      }
    }
    if (error_count > 0) {
      std::string detail = std::to_string(error_count);
      detail.append(error_count == 1 ? " error" : " errors");
      detail.append(", first at line ");
      detail.append(std::to_string(first_error_line));
      detail.append(": ");
      detail.append(first_error);
      diagnostics.insert(diagnostics.begin(), {code("MALFORMED"), detail});
    }
    out.flush();
  }

  // Text after the last construct libxml2 reported (an unterminated comment or tag, junk after
  // the root element) would otherwise be lost.
  void pass_through_unparsed_tail() {
    const std::uint64_t from = std::max(covered_to, raw.begin());
    const std::string_view tail = raw.slice(from, raw.end());
    const bool has_content = std::any_of(tail.begin(), tail.end(), [](char c) {
      const auto b = static_cast<unsigned char>(c);
      return b >= 0x80 || (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
    });
    if (!has_content) return;
    const SourcePosition at = raw.position_of(from);
    std::string detail = std::to_string(tail.size());
    detail.append(" bytes from line ");
    detail.append(std::to_string(at.line));
    detail.append(" were not parsed as markup and were scanned as plain text");
    diagnostics.push_back({code("TEXT_AS_PLAIN"), detail});
    pass_through_from(from);
  }

  MarkupKind kind;
  Sink sink;
  MarkupOptions options;
  LayoutWriter out;
  RawWindow raw;
  xmlParserCtxtPtr ctxt = nullptr;
  static constexpr std::size_t kHeldBackBytes = 1024;
  std::string pending;  // fed but held back from libxml2 (see feed)

  std::uint64_t covered_to = 0;   // raw bytes before this are emitted or are markup
  std::uint64_t lower_bound = 0;  // the next construct starts at or after this offset
  bool in_text_run = false;       // the last thing written is text the next piece may continue
  bool run_decoded = false;       // the run holds decoded text: its columns no longer match

  std::uint64_t entity_bytes = 0;
  bool entity_limit_hit = false;

  std::uint64_t error_count = 0;
  std::uint64_t first_error_line = 0;
  std::string first_error;
  std::uint64_t last_error_line = 0;
  std::string last_error;

  bool stopped = false;
  bool finished = false;
  ObjectStatus status;
  std::vector<Diagnostic> diagnostics;
};

namespace {

using Impl = MarkupText::Impl;

// Callbacks get the parser context as user data: inside an internal entity's expansion libxml2
// runs a second context (sharing _private), which is how expanded text is told from source text.
Impl* impl_of(void* ctx, bool& in_entity) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  auto* impl = static_cast<Impl*>(ctxt->_private);
  in_entity = ctxt != impl->ctxt;
  return impl;
}

std::string_view view(const xmlChar* s, int len) {
  return {reinterpret_cast<const char*>(s), static_cast<std::size_t>(std::max(len, 0))};
}

void on_characters(void* ctx, const xmlChar* s, int len) {
  bool in_entity = false;
  Impl* impl = impl_of(ctx, in_entity);
  if (in_entity) return impl->emit_entity_text(view(s, len));
  impl->on_text(view(s, len), true);
}

void on_cdata(void* ctx, const xmlChar* s, int len) {
  bool in_entity = false;
  Impl* impl = impl_of(ctx, in_entity);
  if (in_entity) return impl->emit_entity_text(view(s, len));
  impl->on_text(view(s, len), false);
}

void on_comment(void* ctx, const xmlChar* value) {
  bool in_entity = false;
  Impl* impl = impl_of(ctx, in_entity);
  if (in_entity) return impl->emit_entity_text(as_view(value));
  impl->on_comment(as_view(value));
}

void on_processing_instruction(void* ctx, const xmlChar* target, const xmlChar* data) {
  bool in_entity = false;
  Impl* impl = impl_of(ctx, in_entity);
  if (in_entity) return impl->emit_entity_text(as_view(data));
  impl->on_processing_instruction(as_view(target), as_view(data));
}

void on_xml_start(void* ctx, const xmlChar* localname, const xmlChar* prefix, const xmlChar*,
                  int nb_namespaces, const xmlChar** namespaces, int nb_attributes,
                  int nb_defaulted, const xmlChar** attributes) {
  bool in_entity = false;
  Impl* impl = impl_of(ctx, in_entity);
  if (in_entity) {
    impl->emit_entity_text(" ");
    impl->emit_entity_text(qualified_name(prefix, localname));
    impl->emit_entity_text(" ");
    return;
  }
  impl->on_xml_start(localname, prefix, nb_namespaces, namespaces, nb_attributes, nb_defaulted,
                     attributes);
}

void on_xml_end(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
  bool in_entity = false;
  Impl* impl = impl_of(ctx, in_entity);
  if (in_entity) return impl->emit_entity_text(" ");
  impl->on_end();
}

void on_html_start(void* ctx, const xmlChar* name, const xmlChar** attributes) {
  bool in_entity = false;
  impl_of(ctx, in_entity)->on_html_start(name, attributes);
}

void on_html_end(void* ctx, const xmlChar*) {
  bool in_entity = false;
  impl_of(ctx, in_entity)->on_end();
}

// An entity reference: after an internal one libxml2 has already delivered its expansion; an
// external one is never loaded. Either way the text that follows continues the run.
void on_reference(void* ctx, const xmlChar*) {
  bool in_entity = false;
  Impl* impl = impl_of(ctx, in_entity);
  if (in_entity) return;
  impl->run_decoded = impl->in_text_run;
  impl->mark_covered(impl->cursor());
}

void on_structured_error(void* ctx, xmlErrorPtr error) {
  if (ctx == nullptr || error == nullptr) return;
  bool in_entity = false;
  Impl* impl = impl_of(ctx, in_entity);
  impl->on_error(*error);
}

// Never resolve anything outside the document (XXE): no file, no network.
xmlParserInputPtr refuse_external_entity(void*, const xmlChar*, const xmlChar*) { return nullptr; }

xmlSAXHandler make_handler(MarkupKind kind) {
  xmlSAXHandler handler;
  std::memset(&handler, 0, sizeof(handler));
  if (kind == MarkupKind::kXml) {
    // SAX2 defaults keep the internal subset's entity declarations (in a document without
    // element nodes) so references to them expand, under libxml2's amplification checks.
    xmlSAXVersion(&handler, 2);
    handler.startElementNs = on_xml_start;
    handler.endElementNs = on_xml_end;
    handler.startElement = nullptr;
    handler.endElement = nullptr;
    handler.reference = on_reference;
    handler.externalSubset = nullptr;
    handler.resolveEntity = refuse_external_entity;
  } else {
    handler.startElement = on_html_start;
    handler.endElement = on_html_end;
  }
  handler.characters = on_characters;
  handler.ignorableWhitespace = on_characters;
  handler.cdataBlock = on_cdata;
  handler.comment = on_comment;
  handler.processingInstruction = on_processing_instruction;
  handler.warning = nullptr;
  handler.error = nullptr;
  handler.fatalError = nullptr;
  handler.serror = on_structured_error;
  // libxml2 only routes errors to serror for handlers marked as SAX2.
  handler.initialized = XML_SAX2_MAGIC;
  return handler;
}

}  // namespace

Result<MarkupText> MarkupText::create(MarkupKind kind, Sink sink, MarkupOptions options) {
  init_libxml2_once();
  auto impl = std::make_unique<Impl>(kind, std::move(sink), options);
  xmlSAXHandler handler = make_handler(kind);
  if (kind == MarkupKind::kHtml) {
    impl->ctxt =
        htmlCreatePushParserCtxt(&handler, nullptr, nullptr, 0, nullptr, XML_CHAR_ENCODING_UTF8);
    if (impl->ctxt == nullptr) return Error{"cannot create an HTML parser (out of memory)"};
    // Not HTML_PARSE_NOIMPLIED: without an implied <html> the push parser ends the document at the
    // first top-level element that closes. Implied elements write nothing anyway.
    htmlCtxtUseOptions(impl->ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
  } else {
    impl->ctxt = xmlCreatePushParserCtxt(&handler, nullptr, nullptr, 0, nullptr);
    if (impl->ctxt == nullptr) return Error{"cannot create an XML parser (out of memory)"};
    // No XML_PARSE_NOENT (external entities would load), no DTDLOAD, no HUGE (keep the limits).
    xmlCtxtUseOptions(impl->ctxt, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_IGNORE_ENC);
    xmlSwitchEncoding(impl->ctxt, XML_CHAR_ENCODING_UTF8);
  }
  impl->ctxt->_private = impl.get();
  return MarkupText(std::move(impl));
}

MarkupText::MarkupText(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
MarkupText::MarkupText(MarkupText&&) noexcept = default;
MarkupText& MarkupText::operator=(MarkupText&&) noexcept = default;
MarkupText::~MarkupText() = default;

void MarkupText::feed(std::string_view utf8) { impl_->feed(utf8); }

ObjectStatus MarkupText::finish() {
  impl_->finish();
  return impl_->status;
}

const std::vector<Diagnostic>& MarkupText::diagnostics() const { return impl_->diagnostics; }

}  // namespace tamis
