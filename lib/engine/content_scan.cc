#include "engine/content_scan.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "archive/archive_limits.h"
#include "archive/head_replay_source.h"
#include "archive/member_name.h"
#include "decode/text_decoder.h"
#include "decode/text_normalizer.h"
#include "engine/content_format.h"
#include "extract/csv_extractor.h"
#include "extract/json_extractor.h"
#include "extract/markup_detect.h"
#include "extract/markup_text.h"
#include "extract/mime_walker.h"
#include "extract/ooxml_extractor.h"

namespace tamis {
namespace {

// Hands extracted values to the scanner as segments.
class ScannerSegments final : public SegmentSink {
 public:
  explicit ScannerSegments(Scanner& scanner) : scanner_(scanner) {}
  bool begin_segment(const SegmentLocation& location) override {
    scanner_.begin_segment(location);
    return true;
  }
  bool segment_text(std::string_view utf8) override {
    scanner_.feed_utf8(utf8);
    return true;
  }
  bool end_segment() override {
    scanner_.end_segment();
    return true;
  }

 private:
  Scanner& scanner_;
};

// Values that come straight out of XML (spreadsheet cells) have not been through the text
// decoder: they are normalised here, value by value.
class NormalizedSegments final : public SegmentSink {
 public:
  NormalizedSegments(Scanner& scanner, TextNormalizer& normalizer)
      : scanner_(scanner),
        normalizer_(normalizer),
        feed_([this](std::string_view text) { scanner_.feed_utf8(text); }) {}
  bool begin_segment(const SegmentLocation& location) override {
    scanner_.begin_segment(location);
    return true;
  }
  bool segment_text(std::string_view utf8) override {
    normalizer_.feed(utf8, feed_);
    return true;
  }
  bool end_segment() override {
    normalizer_.finish(feed_);
    scanner_.end_segment();
    return true;
  }

 private:
  Scanner& scanner_;
  TextNormalizer& normalizer_;
  TextNormalizer::Sink feed_;
};

// The name an email attachment gets under the email's path: its file name, else its MIME part.
std::string attachment_name(const MimePart& part) {
  if (!part.filename.empty()) return escape_member_name(part.filename);
  std::string name = "part-";
  name += part.part_path.empty() ? "1" : part.part_path;
  if (part.content_type == "message/rfc822") name += ".eml";
  return name;
}

class ContentScan {
 public:
  ContentScan(Scanner& scanner, ByteSource& content, const MemberInfo& member,
              NestedObjects& nested)
      : scanner_(scanner), content_(content), member_(member), nested_(nested) {}

  ObjectResult run() {
    read_head();
    const ContentFormat format = detect_content_format(member_.path, head_);
    scanner_.begin(member_.path);
    switch (format) {
      case ContentFormat::kBinary:
        scan_raw();
        return finish(format);
      case ContentFormat::kEncryptedOffice:
        extract_status_ = ObjectStatus{"SKIPPED", std::string(kReasonEncrypted),
                                       "password-protected Office document: not scanned"};
        return finish(format);
      case ContentFormat::kDocx:
      case ContentFormat::kXlsx:
      case ContentFormat::kPptx:
        scan_office(format);
        return finish(format);
      case ContentFormat::kEmail:
        scan_email();
        return finish(format);
      case ContentFormat::kXml:
      case ContentFormat::kHtml: {
        const MarkupKind kind =
            format == ContentFormat::kHtml ? MarkupKind::kHtml : MarkupKind::kXml;
        HeadReplaySource all(head_, content_, ended_);
        if (!scan_markup(all, kind, declared_markup_encoding(head_), "")) {
          return finish(ContentFormat::kText);
        }
        return finish(format);
      }
      case ContentFormat::kText:
      case ContentFormat::kCsv:
      case ContentFormat::kTsv:
      case ContentFormat::kJson:
      case ContentFormat::kJsonLines:
        break;
    }
    return finish(scan_text(format));
  }

 private:
  void read_head() {
    std::string_view chunk;
    while (head_.size() < kFormatHeadBytes) {
      if (content_.pull(chunk) == Pull::kEnd) {
        ended_ = true;
        return;
      }
      head_.append(chunk);
    }
  }

  void scan_raw() {
    HeadReplaySource all(head_, content_, ended_);
    scan_raw_source(all);
  }

  // Every byte of `source` through `decoder` into `out`.
  static void pump(ByteSource& source, TextDecoder& decoder, const TextDecoder::Sink& out) {
    std::string_view chunk;
    while (source.pull(chunk) == Pull::kData) decoder.feed(chunk, out);
    decoder.finish(out);
  }

  // Plain text, CSV/TSV and JSON/JSON Lines: returns the format the object was read as (a .csv
  // that is not CSV is read as text).
  ContentFormat scan_text(ContentFormat format) {
    auto decoder = TextDecoder::create();
    if (!decoder) {
      scan_raw();
      return ContentFormat::kBinary;
    }
    ScannerSegments segments(scanner_);
    std::optional<CsvExtractor> csv;
    std::optional<JsonExtractor> json;
    if (format == ContentFormat::kCsv || format == ContentFormat::kTsv) {
      CsvOptions options;
      options.tsv_hint = format == ContentFormat::kTsv;
      options.stop_if_implausible = true;
      csv.emplace(segments, options);
    } else if (format == ContentFormat::kJson || format == ContentFormat::kJsonLines) {
      JsonOptions options;
      options.lines = format == ContentFormat::kJsonLines;
      json.emplace(segments, options);
    }
    bool csv_fallback = false;  // named .csv but not CSV: scanned as plain text instead
    const TextDecoder::Sink out = [&](std::string_view utf8) {
      if (csv && !csv_fallback) {
        if (csv->feed(utf8) || !csv->sniffed() || csv->plausible()) return;
        csv_fallback = true;
        scanner_.feed_utf8(csv->buffered_input());
      } else if (csv_fallback) {
        scanner_.feed_utf8(utf8);
      } else if (json) {
        json->feed(utf8);
      } else {
        scanner_.feed_utf8(utf8);
      }
    };
    HeadReplaySource all(head_, content_, ended_);
    pump(all, *decoder, out);
    if (csv && !csv_fallback) {
      extract_status_ = csv->finish();
      if (csv->sniffed() && !csv->plausible()) {
        // The whole object fitted in the sniff window and it is not CSV: scan it as text.
        scanner_.feed_utf8(csv->buffered_input());
        extract_status_ = ObjectStatus{};
        csv_fallback = true;
      }
      append(csv->diagnostics());
    }
    if (json) extract_status_ = json->finish();
    note_charset(*decoder, "");
    return csv_fallback ? ContentFormat::kText : format;
  }

  // XML or HTML from `source` (an object, or an email's HTML part), as layout-preserving text.
  // False when no markup reader could be made (the text was then scanned as it is).
  bool scan_markup(ByteSource& source, MarkupKind kind, const std::string& encoding,
                   std::string_view part) {
    TextDecoderOptions options;
    options.normalize = false;  // after markup: a full-width '<' must not become a tag
    options.encoding = encoding;
    auto decoder = TextDecoder::create(options);
    if (!decoder && !options.encoding.empty()) {
      add_diagnostic("ENCODING", std::string(part) + "unknown declared encoding \"" + encoding +
                                     "\": detected instead");
      options.encoding.clear();
      decoder = TextDecoder::create(options);
    }
    auto normalizer = TextNormalizer::create();
    if (!decoder || !normalizer) {
      scan_raw_source(source);
      return false;
    }
    const TextNormalizer::Sink to_scanner = [&](std::string_view text) {
      scanner_.feed_utf8(text);
    };
    auto markup = MarkupText::create(
        kind, [&](std::string_view text) { normalizer->feed(text, to_scanner); });
    if (!markup) {
      add_diagnostic("MARKUP_UNAVAILABLE", std::string(part) + markup.error().message);
      scan_raw_source(source);
      return false;
    }
    pump(source, *decoder, [&](std::string_view utf8) { markup->feed(utf8); });
    const ObjectStatus status = markup->finish();
    normalizer->finish(to_scanner);
    if (!is_complete(status) && is_complete(extract_status_)) extract_status_ = status;
    append(markup->diagnostics(), part);
    note_charset(*decoder, part);
    return true;
  }

  void scan_raw_source(ByteSource& source) {
    std::string_view chunk;
    while (source.pull(chunk) == Pull::kData) scanner_.feed(chunk);
  }

  // A text part of an email: decoded from its declared charset (detected when none), normalised.
  void scan_text_part(ByteSource& source, const std::string& charset, std::string_view part) {
    TextDecoderOptions options;
    options.encoding = charset;
    auto decoder = TextDecoder::create(options);
    if (!decoder && !charset.empty()) {
      add_diagnostic("ENCODING",
                     std::string(part) + "unknown charset \"" + charset + "\": detected instead");
      decoder = TextDecoder::create();
    }
    if (!decoder) {
      scan_raw_source(source);
      return;
    }
    pump(source, *decoder, [&](std::string_view utf8) { scanner_.feed_utf8(utf8); });
    note_charset(*decoder, part);
  }

  // The email's own text is its header blocks and inline text parts, in order, one after the
  // other; attachments (and attached emails) are objects of their own.
  class EmailReader final : public MimeVisitor {
   public:
    explicit EmailReader(ContentScan& scan) : scan_(scan) {}

    void on_headers(const MimePart& /*part*/, std::string_view header_text) override {
      separate();
      auto normalizer = TextNormalizer::create();
      const TextNormalizer::Sink to_scanner = [&](std::string_view t) {
        scan_.scanner_.feed_utf8(t);
      };
      if (!normalizer) {
        scan_.scanner_.feed(header_text);
        return;
      }
      normalizer->feed(header_text, to_scanner);
      normalizer->finish(to_scanner);
    }

    void on_body(const MimePart& part, ByteSource& decoded) override {
      if (part.attachment || !part.content_type.starts_with("text/")) {
        MemberInfo member;
        member.path = join_member_path(scan_.member_.path, attachment_name(part));
        member.depth = scan_.member_.depth + 1;
        member.container_format = "email";
        scan_.nested_.scan(decoded, member);
        return;
      }
      separate();
      std::string label = "part ";
      label += part.part_path.empty() ? "1" : part.part_path;
      label += ": ";
      if (part.content_type == "text/html" || part.content_type == "text/xml" ||
          part.content_type == "application/xhtml+xml") {
        scan_.scan_markup(decoded,
                          part.content_type == "text/html" ? MarkupKind::kHtml : MarkupKind::kXml,
                          part.charset, label);
      } else {
        scan_.scan_text_part(decoded, part.charset, label);
      }
    }

   private:
    // Parts never run into each other: each starts on a line of its own.
    void separate() {
      if (any_) scan_.scanner_.feed_utf8("\n");
      any_ = true;
    }

    ContentScan& scan_;
    bool any_ = false;
  };

  void scan_email() {
    HeadReplaySource all(head_, content_, ended_);
    EmailReader reader(*this);
    MimeLimits limits;
    limits.max_parts = scanner_.engine().config().limits.max_email_parts;
    MimeSummary summary = walk_mime(all, limits, reader);
    if (!is_complete(summary.status)) extract_status_ = summary.status;
    append(summary.diagnostics);
  }

  // Word and PowerPoint text flows into the text scanner; spreadsheet cells are segments.
  class OfficeReader final : public OoxmlOutput {
   public:
    OfficeReader(Scanner& scanner, TextNormalizer& text_normalizer, TextNormalizer& cell_normalizer)
        : scanner_(scanner),
          normalizer_(text_normalizer),
          to_scanner_([this](std::string_view t) { scanner_.feed_utf8(t); }),
          cells_(scanner, cell_normalizer) {}
    void text(std::string_view utf8) override { normalizer_.feed(utf8, to_scanner_); }
    SegmentSink& cells() override { return cells_; }
    void finish() { normalizer_.finish(to_scanner_); }

   private:
    Scanner& scanner_;
    TextNormalizer& normalizer_;
    TextNormalizer::Sink to_scanner_;
    NormalizedSegments cells_;
  };

  void scan_office(ContentFormat format) {
    auto text_normalizer = TextNormalizer::create();
    auto cell_normalizer = TextNormalizer::create();
    if (!text_normalizer || !cell_normalizer) {
      scan_raw();
      return;
    }
    const OoxmlKind kind = format == ContentFormat::kDocx   ? OoxmlKind::kDocx
                           : format == ContentFormat::kXlsx ? OoxmlKind::kXlsx
                                                            : OoxmlKind::kPptx;
    HeadReplaySource package(head_, content_, ended_);
    OfficeReader reader(scanner_, *text_normalizer, *cell_normalizer);
    const Limits& configured = scanner_.engine().config().limits;
    OoxmlLimits limits;
    limits.max_package_bytes = configured.max_office_package_bytes;
    limits.max_expansion_ratio = configured.max_office_expansion_ratio;
    limits.max_part_bytes = std::min(limits.max_part_bytes, configured.max_member_bytes);
    limits.max_total_bytes = std::min(limits.max_total_bytes, configured.max_member_bytes);
    OoxmlSummary summary = extract_ooxml(package, kind, limits, reader);
    reader.finish();
    if (!is_complete(summary.status)) extract_status_ = summary.status;
    append(summary.diagnostics);
  }

  void note_charset(const TextDecoder& decoder, std::string_view part) {
    if (!decoder.charset()) return;
    const DetectedCharset& charset = *decoder.charset();
    if (charset.name != "UTF-8") {
      std::string detail(part);
      detail += "decoded from ";
      detail += charset.name;
      detail += " (confidence ";
      detail += std::to_string(charset.confidence);
      detail += "); offsets refer to the decoded UTF-8 text";
      add_diagnostic("ENCODING", std::move(detail));
    }
    if (decoder.invalid_sequences() > 0) {
      std::string detail(part);
      detail += std::to_string(decoder.invalid_sequences());
      detail += " invalid byte sequences replaced by U+FFFD, the first at byte ";
      detail += std::to_string(decoder.first_invalid_offset());
      add_diagnostic("INVALID_ENCODING", std::move(detail));
    }
  }

  void add_diagnostic(std::string code, std::string detail) {
    diagnostics_.push_back({std::move(code), std::move(detail)});
  }

  void append(const std::vector<Diagnostic>& more, std::string_view part = {}) {
    for (const Diagnostic& d : more) {
      std::string detail(part);
      detail += d.detail;
      diagnostics_.push_back({d.code, std::move(detail)});
    }
  }

  ObjectResult finish(ContentFormat format) {
    if (!is_complete(content_.status())) scanner_.fail(content_.status());
    ObjectResult result = scanner_.finish();
    result.mime_type = mime_type_of(format);
    if (result.status.code == "COMPLETE" && !is_complete(extract_status_)) {
      result.status = extract_status_;
    }
    if (member_.size) result.size = std::max(result.size, *member_.size);
    if (member_.depth > 0) result.embedded = EmbeddedFile{{}, member_.size, member_.modified};
    result.diagnostics.insert(result.diagnostics.end(), diagnostics_.begin(), diagnostics_.end());
    return result;
  }

  Scanner& scanner_;
  ByteSource& content_;
  const MemberInfo& member_;
  NestedObjects& nested_;
  std::string head_;
  bool ended_ = false;  // content_ returned kEnd while the head was read
  ObjectStatus extract_status_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace

ObjectResult scan_content(Scanner& scanner, ByteSource& content, const MemberInfo& member,
                          NestedObjects& nested) {
  return ContentScan(scanner, content, member, nested).run();
}

}  // namespace tamis
