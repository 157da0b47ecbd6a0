#include "extract/mime_walker.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <utility>

#include "core/ascii_case.h"
#include "decode/base64_stream.h"
#include "decode/quoted_printable_stream.h"
#include "extract/mime_header.h"

namespace tamis {
namespace {

// How far ahead a line is examined: a delimiter line ("--" + boundary, at most 70 characters by
// RFC 2046, plus "--" and transport padding) or the start of a header field must fit in it.
constexpr std::size_t kLineProbe = 1024;
constexpr std::size_t kMaxBoundary = 900;
// Recursion ceiling whatever MimeLimits says: two stack frames per multipart level.
constexpr std::uint32_t kDepthCeiling = 256;

constexpr std::string_view kCrLf = "\r\n";
constexpr std::string_view kLf = "\n";

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_space(char c) { return is_blank(c) || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

std::string_view strip_line_break(std::string_view line) {
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// The raw email, buffered so that a line's start can be examined before it is consumed. The
// buffer holds one chunk of the source plus at most kLineProbe bytes carried over.
class RawReader {
 public:
  explicit RawReader(ByteSource& raw) : raw_(raw) {}

  // At least `want` bytes from the current position; fewer only at the end of the email. Views
  // returned earlier are invalid after this call.
  std::string_view peek(std::size_t want) {
    while (buffer_.size() - pos_ < want && !exhausted_) fill();
    return std::string_view(buffer_).substr(pos_);
  }
  void consume(std::size_t bytes) { pos_ += bytes; }
  bool at_end() { return peek(1).empty(); }
  // The source has said kEnd (bytes may still be buffered).
  bool exhausted() const { return exhausted_; }
  const ObjectStatus& source_status() const { return raw_.status(); }

 private:
  void fill() {
    std::string_view chunk;
    if (raw_.pull(chunk) == Pull::kEnd) {
      exhausted_ = true;
      return;
    }
    buffer_.erase(0, pos_);
    pos_ = 0;
    buffer_.append(chunk);
  }

  ByteSource& raw_;
  std::string buffer_;
  std::size_t pos_ = 0;
  bool exhausted_ = false;
};

// A delimiter line of one of the open multiparts.
struct Delimiter {
  std::size_t level = 0;        // index into the boundary stack (0: outermost)
  bool close = false;           // "--boundary--"
  std::size_t line_length = 0;  // line break included
};

// The delimiter at the reader's position, if the line there is one. The innermost multipart is
// tried first; a line matches only when nothing but blanks follows the boundary (and its "--"),
// so "--abc" never ends a part whose boundary is "ab".
std::optional<Delimiter> delimiter_at(RawReader& reader, const std::vector<std::string>& stack) {
  if (stack.empty()) return std::nullopt;
  const std::string_view start = reader.peek(2);
  if (start.size() < 2 || start[0] != '-' || start[1] != '-') return std::nullopt;
  const std::string_view view = reader.peek(kLineProbe).substr(0, kLineProbe);
  const std::size_t newline = view.find('\n');
  if (newline == std::string_view::npos && view.size() == kLineProbe) return std::nullopt;
  const std::size_t line_length = newline == std::string_view::npos ? view.size() : newline + 1;
  const std::string_view line = view.substr(2, line_length - 2);
  for (std::size_t level = stack.size(); level-- > 0;) {
    const std::string& boundary = stack[level];
    if (!line.starts_with(boundary)) continue;
    std::string_view rest = line.substr(boundary.size());
    const bool close = rest.starts_with("--");
    if (close) rest.remove_prefix(2);
    if (std::all_of(rest.begin(), rest.end(), is_space)) {
      return Delimiter{level, close, line_length};
    }
  }
  return std::nullopt;
}

// The raw bytes of one part's body: up to the line break before the next delimiter of any open
// multipart, or the end of the email. Runs of lines are handed over whole; only a line starting
// with "--" is examined, so the common case costs one memchr per line.
class PartBodySource final : public ByteSource {
 public:
  PartBodySource(RawReader& reader, const std::vector<std::string>& stack)
      : reader_(reader), stack_(stack) {}

  Pull pull(std::string_view& chunk) override {
    while (!ended_) {
      if (at_line_start_) {
        // At the end of the email the held line break is content; before a delimiter it is not.
        const bool end = reader_.at_end();
        if (!end && delimiter_at(reader_, stack_)) break;
        at_line_start_ = false;
        if (!pending_break_.empty()) {
          chunk = std::exchange(pending_break_, {});
          return Pull::kData;
        }
        if (end) break;
      }
      if (next_run(chunk)) return Pull::kData;
    }
    finish();
    return Pull::kEnd;
  }
  const ObjectStatus& status() const override { return status_; }

  void drain() {
    std::string_view chunk;
    while (pull(chunk) == Pull::kData) {
    }
  }

 private:
  // Hands over text up to a line break after which a delimiter could start; false when nothing
  // could be handed over yet.
  bool next_run(std::string_view& chunk) {
    const std::string_view view = reader_.peek(1);
    if (view.empty()) {
      at_line_start_ = true;  // the end: pull() finishes
      return false;
    }
    std::size_t scan = 0;
    while (true) {
      const void* found = std::memchr(view.data() + scan, '\n', view.size() - scan);
      if (found == nullptr) {
        std::size_t take = view.size();
        // A CR at the end may be the first half of the CRLF before a delimiter: wait for more.
        if (view.back() == '\r' && !reader_.exhausted()) --take;
        if (take == 0) {
          reader_.peek(2);
          return false;
        }
        chunk = view.substr(0, take);
        reader_.consume(take);
        return true;
      }
      const std::size_t newline =
          static_cast<std::size_t>(static_cast<const char*>(found) - view.data());
      const std::size_t next = newline + 1;
      const bool next_line_is_text = (next < view.size() && view[next] != '-') ||
                                     (next + 1 < view.size() && view[next + 1] != '-');
      if (next_line_is_text) {
        scan = next;
        continue;
      }
      const bool crlf = newline > 0 && view[newline - 1] == '\r';
      const std::size_t content_end = crlf ? newline - 1 : newline;
      pending_break_ = crlf ? kCrLf : kLf;
      at_line_start_ = true;
      chunk = view.substr(0, content_end);
      reader_.consume(next);
      return content_end > 0;
    }
  }

  void finish() {
    if (ended_) return;
    ended_ = true;
    if (reader_.at_end() && !is_complete(reader_.source_status())) {
      status_ = reader_.source_status();
    }
  }

  RawReader& reader_;
  const std::vector<std::string>& stack_;
  bool at_line_start_ = true;
  // The line break before the current line: part of the delimiter if the line is one.
  std::string_view pending_break_;
  bool ended_ = false;
  ObjectStatus status_;
};

// Replays one chunk already pulled from `rest`, then the rest of it.
class ReplaySource final : public ByteSource {
 public:
  ReplaySource(std::string_view first, ByteSource& rest) : first_(first), rest_(rest) {}
  Pull pull(std::string_view& chunk) override {
    if (!first_.empty()) {
      chunk = std::exchange(first_, {});
      return Pull::kData;
    }
    return rest_.pull(chunk);
  }
  const ObjectStatus& status() const override { return rest_.status(); }

 private:
  std::string_view first_;
  ByteSource& rest_;
};

enum class HeaderEnd : std::uint8_t {
  kBlankLine,  // the normal end
  kDelimiter,  // a delimiter line: the part has no body
  kBody,       // a line that is no header field: the body starts there
  kEnd,        // the end of the email
};

struct HeaderRead {
  HeaderBlock block;
  HeaderEnd end = HeaderEnd::kEnd;
  bool over_limit = false;
};

std::string child_path(std::string_view parent, std::uint64_t number) {
  std::string path(parent);
  if (!path.empty()) path += '.';
  path += std::to_string(number);
  return path;
}

std::string suffixed_path(std::string_view parent, std::string_view suffix) {
  std::string path(parent);
  if (!path.empty()) path += '.';
  path += suffix;
  return path;
}

class Walker {
 public:
  Walker(ByteSource& raw, const MimeLimits& limits, MimeVisitor& visitor)
      : reader_(raw), limits_(limits), visitor_(visitor) {}

  MimeSummary run() {
    // With no multipart open around it, the message's body or epilogue runs to the end.
    walk_entity("", 0, "text/plain");
    if (reader_.exhausted() && !is_complete(reader_.source_status()) &&
        is_complete(summary_.status)) {
      summary_.status = reader_.source_status();
    }
    return std::move(summary_);
  }

 private:
  void walk_entity(std::string path, std::uint32_t depth, std::string_view default_type) {
    if (summary_.parts >= limits_.max_parts) {
      stop(make_status("PARTIAL", "MIME_PARTS_OVER_LIMIT",
                       "more than " + std::to_string(limits_.max_parts) + " parts; part " +
                           (path.empty() ? std::string("(message)") : path) +
                           " and later not scanned"));
      return;
    }
    ++summary_.parts;
    HeaderRead headers = read_headers(path.empty() && depth == 0);
    if (headers.over_limit) {
      diagnose("MIME_HEADER_OVER_LIMIT", header_limit_detail(path));
      limit_hit(make_status("PARTIAL", "MIME_HEADER_OVER_LIMIT", header_limit_detail(path)));
    }
    if (headers.end == HeaderEnd::kBody && !headers.block.empty()) {
      diagnose("MIME_MISSING_HEADER_SEPARATOR",
               describe_path(path) + ": no blank line between the headers and the body");
    }
    const std::optional<std::string_view> type_field = headers.block.find("Content-Type");
    const ParameterizedValue content_type =
        parse_parameterized(type_field ? *type_field : std::string_view());
    MimePart part = describe(headers.block, content_type, std::move(path), depth, default_type);
    if (!headers.block.empty()) visitor_.on_headers(part, headers.block.decoded_text());
    if (headers.end == HeaderEnd::kDelimiter || headers.end == HeaderEnd::kEnd) return;

    if (part.content_type.starts_with("multipart/")) {
      const std::optional<std::string_view> boundary = content_type.parameter("boundary");
      if (!boundary || boundary->empty() || boundary->size() > kMaxBoundary) {
        diagnose("MIME_MISSING_BOUNDARY", describe_path(part.part_path) +
                                              ": multipart without a usable boundary; " +
                                              "its body is scanned as one part");
        part.attachment = true;
        deliver_leaf(part);
        return;
      }
      if (depth >= std::min(limits_.max_depth, kDepthCeiling)) {
        const std::string detail = describe_path(part.part_path) +
                                   ": multipart nested deeper than " +
                                   std::to_string(limits_.max_depth) + " levels, not scanned";
        diagnose("MIME_NESTING_LEVEL_OVER_LIMIT", detail);
        limit_hit(make_status("PARTIAL", "MIME_NESTING_LEVEL_OVER_LIMIT", detail));
        PartBodySource(reader_, boundaries_).drain();
        return;
      }
      walk_multipart(part, std::string(*boundary));
      return;
    }
    deliver_leaf(part);
  }

  void walk_multipart(const MimePart& part, std::string boundary) {
    boundaries_.push_back(std::move(boundary));
    const std::size_t level = boundaries_.size() - 1;
    const std::string_view child_default =
        part.content_type == "multipart/digest" ? "message/rfc822" : "text/plain";
    deliver_between(suffixed_path(part.part_path, "preamble"), part.depth + 1);
    std::uint64_t children = 0;
    bool closed = false;
    while (!stopped_) {
      std::optional<Delimiter> delimiter = delimiter_at(reader_, boundaries_);
      if (!delimiter && !reader_.at_end()) {
        // Defensive: every body ends at a delimiter or the end, so this only skips to one.
        PartBodySource(reader_, boundaries_).drain();
        continue;
      }
      if (!delimiter || delimiter->level < level) break;  // the end, or an outer multipart's
      reader_.consume(delimiter->line_length);
      if (delimiter->close) {
        closed = true;
        break;
      }
      walk_entity(child_path(part.part_path, ++children), part.depth + 1, child_default);
    }
    const std::string boundary_used = std::move(boundaries_.back());
    boundaries_.pop_back();
    if (stopped_) return;
    if (!closed) {
      std::string detail = describe_path(part.part_path);
      detail += ": no closing delimiter \"--";
      detail += boundary_used;
      detail += "--\" (truncated email?); the parts before it were scanned";
      diagnose("MIME_UNTERMINATED_MULTIPART", std::move(detail));
      return;
    }
    deliver_between(suffixed_path(part.part_path, "epilogue"), part.depth + 1);
  }

  void deliver_leaf(const MimePart& part) {
    PartBodySource body(reader_, boundaries_);
    const std::string& encoding = part.transfer_encoding;
    if (encoding == "base64") {
      Base64DecodeSource decoded(body);
      visitor_.on_body(part, decoded);
      if (decoded.decoder().invalid_characters() > 0) {
        diagnose("MIME_INVALID_BASE64", describe_path(part.part_path) + ": " +
                                            std::to_string(decoded.decoder().invalid_characters()) +
                                            " characters outside the base64 alphabet skipped");
      }
    } else if (encoding == "quoted-printable") {
      QuotedPrintableDecodeSource decoded(body);
      visitor_.on_body(part, decoded);
      if (decoded.decoder().invalid_sequences() > 0) {
        diagnose("MIME_INVALID_QUOTED_PRINTABLE",
                 describe_path(part.part_path) + ": " +
                     std::to_string(decoded.decoder().invalid_sequences()) +
                     " malformed \"=\" escapes kept as written");
      }
    } else {
      if (!encoding.empty() && encoding != "7bit" && encoding != "8bit" && encoding != "binary") {
        diagnose("MIME_UNKNOWN_TRANSFER_ENCODING",
                 describe_path(part.part_path) + ": transfer encoding \"" + encoding +
                     "\" unknown; the body is scanned as written");
      }
      visitor_.on_body(part, body);
    }
    body.drain();
  }

  // Preamble or epilogue: delivered as text when it holds more than blanks.
  void deliver_between(std::string path, std::uint32_t depth) {
    PartBodySource body(reader_, boundaries_);
    std::string_view chunk;
    while (body.pull(chunk) == Pull::kData) {
      while (!chunk.empty() && is_space(chunk.front())) chunk.remove_prefix(1);
      if (chunk.empty()) continue;
      MimePart part;
      part.part_path = std::move(path);
      part.content_type = "text/plain";
      part.depth = depth;
      ReplaySource text(chunk, body);
      visitor_.on_body(part, text);
      break;
    }
    body.drain();
  }

  HeaderRead read_headers(bool top_level) {
    HeaderRead out;
    std::uint64_t used = 0;
    bool first_line = true;
    std::string line;
    while (true) {
      if (delimiter_at(reader_, boundaries_)) {
        out.end = HeaderEnd::kDelimiter;
        return out;
      }
      const std::string_view view = reader_.peek(kLineProbe);
      if (view.empty()) {
        out.end = HeaderEnd::kEnd;
        return out;
      }
      const std::string_view probe = view.substr(0, std::min(view.size(), kLineProbe));
      const std::string_view probe_line = probe.substr(0, probe.find('\n'));
      if (strip_line_break(probe_line).empty() && probe_line.size() < probe.size()) {
        reader_.consume(probe_line.size() + 1);
        out.end = HeaderEnd::kBlankLine;
        return out;
      }
      const bool mbox_line = top_level && first_line && probe_line.starts_with("From ");
      const bool continuation = is_blank(probe_line.front());
      const std::size_t colon = continuation ? 0 : header_colon_position(probe_line);
      if (!mbox_line && (continuation ? out.block.empty() : colon == 0)) {
        out.end = HeaderEnd::kBody;
        return out;
      }
      first_line = false;
      // The block keeps its first max_header_bytes; the rest is read past.
      const std::uint64_t budget =
          limits_.max_header_bytes > used ? limits_.max_header_bytes - used : 0;
      const std::uint64_t length = read_line(line, budget);
      if (length > budget) out.over_limit = true;
      used += length;
      if (mbox_line) continue;
      const std::string_view text = strip_line_break(line);
      if (continuation) {
        out.block.continue_field(text);
      } else if (colon < text.size()) {
        out.block.start_field(text, colon);
      }
    }
  }

  // Consumes one line (line break included), keeping at most `keep` bytes of it in `line`.
  // Returns the line's full length.
  std::uint64_t read_line(std::string& line, std::uint64_t keep) {
    line.clear();
    std::uint64_t length = 0;
    while (true) {
      const std::string_view view = reader_.peek(1);
      if (view.empty()) return length;
      const std::size_t newline = view.find('\n');
      const std::size_t take = newline == std::string_view::npos ? view.size() : newline + 1;
      if (line.size() < keep) {
        line.append(view.substr(
            0, static_cast<std::size_t>(std::min<std::uint64_t>(take, keep - line.size()))));
      }
      reader_.consume(take);
      length += take;
      if (newline != std::string_view::npos) return length;
    }
  }

  MimePart describe(const HeaderBlock& block, const ParameterizedValue& content_type,
                    std::string path, std::uint32_t depth, std::string_view default_type) const {
    MimePart part;
    part.part_path = std::move(path);
    part.depth = depth;
    // RFC 2045 section 5.2: a missing type is the default, a malformed one is text/plain.
    const std::string& type = content_type.value;
    if (!block.find("Content-Type")) {
      part.content_type = std::string(default_type);
    } else if (const std::size_t slash = type.find('/');
               slash != std::string::npos && slash > 0 && slash + 1 < type.size() &&
               std::none_of(type.begin(), type.end(), is_space)) {
      part.content_type = type;
    } else {
      part.content_type = "text/plain";
    }
    if (auto charset = content_type.parameter("charset")) part.charset = std::string(*charset);
    if (auto encoding = block.find("Content-Transfer-Encoding")) {
      part.transfer_encoding = lower(trim(*encoding));
    }
    const std::optional<std::string_view> disposition_field = block.find("Content-Disposition");
    const ParameterizedValue disposition =
        parse_parameterized(disposition_field ? *disposition_field : std::string_view());
    if (auto name = disposition.parameter("filename")) {
      part.filename = std::string(*name);
    } else if (auto type_name = content_type.parameter("name")) {
      part.filename = std::string(*type_name);
    }
    if (!part.content_type.starts_with("multipart/")) {
      part.attachment =
          disposition.value == "attachment" || !part.content_type.starts_with("text/");
    }
    return part;
  }

  std::string describe_path(std::string_view path) const {
    if (path.empty()) return "message";
    std::string out = "part ";
    out += path;
    return out;
  }

  std::string header_limit_detail(std::string_view path) const {
    std::string out = describe_path(path);
    out += ": header block larger than ";
    out += std::to_string(limits_.max_header_bytes);
    out += " bytes; the rest of it was not scanned";
    return out;
  }

  void diagnose(std::string code, std::string detail) {
    summary_.diagnostics.push_back(Diagnostic{std::move(code), std::move(detail)});
  }
  // A limit that leaves part of the email unscanned; the walk goes on.
  void limit_hit(ObjectStatus status) {
    if (is_complete(summary_.status)) summary_.status = std::move(status);
  }
  // A limit that ends the walk.
  void stop(ObjectStatus status) {
    diagnose(status.reason, status.detail);
    limit_hit(std::move(status));
    stopped_ = true;
  }

  RawReader reader_;
  const MimeLimits& limits_;
  MimeVisitor& visitor_;
  std::vector<std::string> boundaries_;  // of the open multiparts, outermost first
  MimeSummary summary_;
  bool stopped_ = false;
};

// Fields that mark an email when several of them open a text.
constexpr std::array<std::string_view, 15> kEmailFields = {
    "from",   "to",           "cc",          "bcc",        "subject",
    "date",   "received",     "return-path", "message-id", "reply-to",
    "sender", "delivered-to", "in-reply-to", "references", "mime-version"};

}  // namespace

MimeSummary walk_mime(ByteSource& raw, const MimeLimits& limits, MimeVisitor& visitor) {
  return Walker(raw, limits, visitor).run();
}

bool looks_like_email(std::string_view name, std::string_view head) {
  std::array<bool, kEmailFields.size()> seen{};
  bool mbox = false;
  bool mime_version = false;
  bool first = true;
  std::size_t known = 0;
  for (int lines = 0; lines < 200 && !head.empty(); ++lines) {
    const std::size_t newline = head.find('\n');
    // A line cut by the end of `head` is not judged.
    if (newline == std::string_view::npos && lines > 0) break;
    const std::string_view line = strip_line_break(head.substr(0, newline));
    head.remove_prefix(newline == std::string_view::npos ? head.size() : newline + 1);
    if (line.empty()) break;  // the end of the header block
    if (first && line.starts_with("From ")) {
      mbox = true;
      first = false;
      continue;
    }
    if (is_blank(line.front())) {
      if (first) return false;
      continue;
    }
    const std::size_t colon = header_colon_position(line);
    if (colon == 0) break;  // a line that is no header field ends the block
    first = false;
    const std::string_view field = trim(line.substr(0, colon));
    // Mail software capitalises field names; YAML and configuration keys are lower-case.
    if (field.front() < 'A' || field.front() > 'Z') continue;
    const std::string key = lower(field);
    for (std::size_t i = 0; i < kEmailFields.size(); ++i) {
      if (key == kEmailFields[i] && !seen[i]) {
        seen[i] = true;
        ++known;
        if (key == "mime-version") mime_version = true;
      }
    }
  }
  if (mime_version) return true;
  if (mbox && known >= 1) return true;
  if (ends_with_ignoring_case(name, ".eml") && known >= 1) return true;
  return known >= 3;
}

}  // namespace tamis
