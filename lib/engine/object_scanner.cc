#include "engine/object_scanner.h"

#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "archive/archive_walker.h"
#include "decode/charset_detector.h"
#include "decode/text_decoder.h"
#include "extract/csv_extractor.h"
#include "extract/json_detect.h"
#include "extract/json_extractor.h"

namespace tamis {
namespace {

constexpr std::size_t kHeadBytes = 64 * 1024;

bool ends_with(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    char c = text[text.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

// UTF-16/32 text is full of NUL bytes too; only NULs that no text encoding explains mean binary.
// The charset detector knows UTF-16/32 by BOM, NUL pattern and script share.
bool looks_binary(std::string_view head) {
  if (std::memchr(head.data(), '\0', head.size()) == nullptr) return false;
  const std::string name = detect_charset(head).name;
  return !(name.starts_with("UTF-16") || name.starts_with("UTF-32"));
}

// Hands extracted values to the scanner as segments.
class ScannerSegments final : public SegmentSink {
 public:
  explicit ScannerSegments(Scanner& scanner) : scanner_(scanner) {}
  bool begin_segment(const SegmentLocation& location) override {
    scanner_.begin_segment(location);
    return true;
  }
  bool segment_text(std::string_view utf8) override {
    scanner_.feed(utf8);
    return true;
  }
  bool end_segment() override {
    scanner_.end_segment();
    return true;
  }

 private:
  Scanner& scanner_;
};

const char* mime_type_of(ContentFormat format) {
  switch (format) {
    case ContentFormat::kCsv:
      return "text/csv";
    case ContentFormat::kTsv:
      return "text/tab-separated-values";
    case ContentFormat::kJson:
      return "application/json";
    case ContentFormat::kJsonLines:
      return "application/x-ndjson";
    case ContentFormat::kBinary:
      return "application/octet-stream";
    case ContentFormat::kText:
      break;
  }
  return "text/plain";
}

// One object or member: sniff, decode, extract, scan.
class ContentScan {
 public:
  ContentScan(Scanner& scanner, ByteSource& content, std::string path)
      : scanner_(scanner), content_(content), path_(std::move(path)) {}

  ObjectResult run() {
    std::string head;
    std::string_view chunk;
    bool ended = false;
    while (head.size() < kHeadBytes) {
      if (content_.pull(chunk) == Pull::kEnd) {
        ended = true;
        break;
      }
      head.append(chunk);
    }
    const ContentFormat format = detect_content_format(path_, head);
    scanner_.begin(path_);
    if (format == ContentFormat::kBinary) {
      scanner_.feed(head);
      if (!ended) {
        while (content_.pull(chunk) == Pull::kData) scanner_.feed(chunk);
      }
      return finish(format, nullptr, {});
    }
    auto decoder = TextDecoder::create();
    if (!decoder) {
      scanner_.feed(head);
      return finish(ContentFormat::kBinary, nullptr, {});
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
        scanner_.feed(csv->buffered_input());
      } else if (csv_fallback) {
        scanner_.feed(utf8);
      } else if (json) {
        json->feed(utf8);
      } else {
        scanner_.feed(utf8);
      }
    };
    decoder->feed(head, out);
    if (!ended) {
      while (content_.pull(chunk) == Pull::kData) decoder->feed(chunk, out);
    }
    decoder->finish(out);
    ObjectStatus extract_status;
    std::vector<Diagnostic> extract_diagnostics;
    ContentFormat scanned_as = format;
    if (csv && !csv_fallback) {
      extract_status = csv->finish();
      if (csv->sniffed() && !csv->plausible()) {
        // The whole object fitted in the sniff window and it is not CSV: scan it as text.
        scanner_.feed(csv->buffered_input());
        extract_status = ObjectStatus{};
        csv_fallback = true;
      }
      extract_diagnostics = csv->diagnostics();
    }
    if (csv_fallback) scanned_as = ContentFormat::kText;
    if (json) extract_status = json->finish();
    ObjectResult result = finish(scanned_as, &*decoder, extract_status);
    result.diagnostics.insert(result.diagnostics.end(), extract_diagnostics.begin(),
                              extract_diagnostics.end());
    return result;
  }

 private:
  ObjectResult finish(ContentFormat format, const TextDecoder* decoder,
                      const ObjectStatus& extract_status) {
    if (!is_complete(content_.status())) scanner_.fail(content_.status());
    ObjectResult result = scanner_.finish();
    if (format != ContentFormat::kBinary || result.mime_type != "application/octet-stream") {
      result.mime_type = mime_type_of(format);
    }
    if (result.status.code == "COMPLETE" && !is_complete(extract_status)) {
      result.status = extract_status;
    }
    if (decoder != nullptr && decoder->charset()) {
      const DetectedCharset& charset = *decoder->charset();
      if (charset.name != "UTF-8") {
        result.diagnostics.push_back(
            {"ENCODING", "decoded from " + charset.name + " (confidence " +
                             std::to_string(charset.confidence) +
                             "); offsets refer to the decoded UTF-8 text"});
      }
      if (decoder->invalid_sequences() > 0) {
        result.diagnostics.push_back(
            {"INVALID_ENCODING",
             std::to_string(decoder->invalid_sequences()) +
                 " invalid byte sequences replaced by U+FFFD, the first at byte " +
                 std::to_string(decoder->first_invalid_offset())});
      }
    }
    return result;
  }

  Scanner& scanner_;
  ByteSource& content_;
  std::string path_;
};

class ScanningVisitor final : public MemberVisitor {
 public:
  ScanningVisitor(Scanner& scanner, const ObjectScanner::Emit& emit)
      : scanner_(scanner), emit_(emit) {}

  void on_member(const MemberInfo& member, ByteSource& content) override {
    ObjectResult result = ContentScan(scanner_, content, member.path).run();
    if (member.size) result.size = std::max(result.size, *member.size);
    emit_(std::move(result));
  }
  void on_unreadable(const MemberInfo& member, const ObjectStatus& status) override {
    ObjectResult result;
    result.path = member.path;
    result.size = member.size.value_or(0);
    result.mime_type.clear();
    result.status = status;
    emit_(std::move(result));
  }

 private:
  Scanner& scanner_;
  const ObjectScanner::Emit& emit_;
};

}  // namespace

ContentFormat detect_content_format(std::string_view name, std::string_view head) {
  if (looks_binary(head)) return ContentFormat::kBinary;
  if (ends_with(name, ".tsv") || ends_with(name, ".tab")) return ContentFormat::kTsv;
  if (ends_with(name, ".csv")) return ContentFormat::kCsv;
  if (ends_with(name, ".jsonl") || ends_with(name, ".ndjson")) return ContentFormat::kJsonLines;
  if (looks_like_json_lines(head)) return ContentFormat::kJsonLines;
  if (looks_like_json(head)) return ContentFormat::kJson;
  return ContentFormat::kText;
}

void ObjectScanner::scan(ByteSource& source, std::string_view name, const Emit& emit) {
  std::uint64_t emitted = 0;
  const Emit counting = [&](ObjectResult result) {
    ++emitted;
    emit(std::move(result));
  };
  ScanningVisitor visitor(scanner_, counting);
  const WalkSummary summary =
      walk_archive(source, name, scanner_.engine().config().limits, visitor);
  if (!is_complete(summary.status) && (summary.members > 0 || emitted == 0)) {
    ObjectResult container;
    container.path = std::string(name);
    container.mime_type = summary.mime_type;
    container.status = summary.status;
    emit(std::move(container));
  }
}

}  // namespace tamis
