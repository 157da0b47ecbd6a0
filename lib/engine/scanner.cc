#include "engine/scanner.h"

#include <cstring>
#include <utility>

#include "engine/object_scan.h"

namespace tamis {
namespace {

constexpr std::size_t kSegmentBatchBytes = 64 * 1024;

// Like git and grep: a NUL byte early in the object means it is not text.
constexpr std::uint64_t kBinarySniffBytes = 8192;

void set_status(ObjectResult& result, std::string code, std::string reason, std::string detail) {
  result.status = ObjectStatus{std::move(code), std::move(reason), std::move(detail)};
}

// Raw bytes are read by the checker. Text already known to be well-formed moves it on unread,
// unless raw bytes fed before it left a character open, which only reading can close or condemn.
void pass_to_utf8_check(Utf8Checker& checker, std::string_view bytes, bool known_valid) {
  if (known_valid) {
    checker.skip_valid(bytes);
  } else {
    checker.feed(bytes);
  }
}

}  // namespace

Scanner::Scanner(std::shared_ptr<const Engine> engine)
    : engine_(std::move(engine)),
      scan_(std::make_unique<ObjectScan>(engine_->rules(), engine_->config())) {
  scan_->aggregator.set_callback(&scan_->callback, &scan_->result.path);
}

Scanner::~Scanner() = default;
Scanner::Scanner(Scanner&&) noexcept = default;
Scanner& Scanner::operator=(Scanner&&) noexcept = default;

void Scanner::set_occurrence_callback(OccurrenceCallback callback) {
  scan_->callback = std::move(callback);
}

const std::string& Scanner::current_path() const { return scan_->result.path; }

Scanner Scanner::spawn() const {
  Scanner child(engine_);
  child.set_occurrence_callback(scan_->callback);
  return child;
}

void Scanner::begin(std::string path) {
  ObjectScan& s = *scan_;
  s.result = ObjectResult{};
  s.result.path = std::move(path);
  s.aggregator.reset();
  s.utf8.reset();
  s.active = true;
  s.stopped = false;
  s.binary = false;
  s.in_segment = false;
  s.segments_begun = 0;
  s.batch.clear();
  s.context_cache.begin_object();
  if (s.matcher.begin() != match::StreamMatcher::Status::kOk) {
    set_status(s.result, "PARTIAL", "UNABLE_TO_PARSE_FILE", "engine: " + s.matcher.error());
    s.stopped = true;
  }
}

void Scanner::feed(std::string_view bytes) { feed_bytes(bytes, false); }

void Scanner::feed_utf8(std::string_view text) { feed_bytes(text, true); }

void Scanner::feed_bytes(std::string_view bytes, bool known_valid) {
  ObjectScan& s = *scan_;
  if (!s.active) begin("");
  s.result.size += bytes.size();
  if (s.stopped || bytes.empty()) return;
  if (s.segments_begun > 0) {
    pass_to_utf8_check(s.utf8, bytes, known_valid);
    s.result.size_classified += bytes.size();
    s.batch.append(bytes);
    if (s.batch.size() >= kSegmentBatchBytes) flush_batch();
    return;
  }
  scan_bytes(bytes, true, known_valid);
}

void Scanner::flush_batch() {
  ObjectScan& s = *scan_;
  if (s.batch.empty()) return;
  const std::string batch = std::move(s.batch);
  s.batch.clear();
  scan_bytes(batch, false);
}

void Scanner::scan_bytes(std::string_view bytes, bool count, bool known_valid) {
  ObjectScan& s = *scan_;
  if (s.stopped) return;
  const std::uint64_t offset = s.matcher.offset();
  if (!s.binary && offset < kBinarySniffBytes) {
    const std::size_t sniff = std::min<std::size_t>(bytes.size(), kBinarySniffBytes - offset);
    if (const void* nul = std::memchr(bytes.data(), '\0', sniff)) {
      s.binary = true;
      s.binary_offset =
          offset + static_cast<std::uint64_t>(static_cast<const char*>(nul) - bytes.data());
    }
  }
  const auto status = s.matcher.feed(bytes, s.aggregator);
  // After the matcher, not before: whoever reads a chunk first waits for it to come from memory,
  // and Hyperscan's scan hides that wait better than this loop (5-9% of a text scan).
  if (count) {
    pass_to_utf8_check(s.utf8, bytes, known_valid);
    s.result.size_classified += bytes.size();
  }
  if (status == match::StreamMatcher::Status::kStopped) {
    set_status(
        s.result, "PARTIAL", "STOPPED_BY_CALLER",
        "the occurrence callback stopped the scan at byte " + std::to_string(s.matcher.offset()));
    s.stopped = true;
  } else if (status == match::StreamMatcher::Status::kFailed) {
    set_status(s.result, "PARTIAL", "UNABLE_TO_PARSE_FILE", "engine: " + s.matcher.error());
    s.stopped = true;
  }
}

void Scanner::begin_segment(const SegmentLocation& location) {
  ObjectScan& s = *scan_;
  if (!s.active) begin("");
  if (s.in_segment) end_segment();
  if (s.stopped) return;
  // A newline between values keeps them apart for word boundaries; it is never part of a match.
  if (s.segments_begun++ > 0) s.batch += '\n';
  const std::span<const std::uint32_t> context_rules = s.context_cache.rules_for(
      location.context_keywords, location.context_id,
      [&](const std::vector<std::string>& names) { return s.matcher.context_rules(names); });
  // Locations are dropped in batches: the matcher's oldest live segment moves slowly.
  if ((s.segments_begun & 1023U) == 0) {
    s.aggregator.forget_segments_before(s.matcher.oldest_live_segment());
  }
  const std::uint64_t index = s.aggregator.add_segment(location);
  s.matcher.begin_segment(index, context_rules, s.matcher.offset() + s.batch.size());
  s.in_segment = true;
}

void Scanner::end_segment() {
  ObjectScan& s = *scan_;
  if (!s.in_segment) return;
  s.matcher.end_segment(s.matcher.offset() + s.batch.size());
  s.in_segment = false;
}

void Scanner::fail(ObjectStatus status) {
  ObjectScan& s = *scan_;
  if (!s.active) begin("");
  end_segment();
  flush_batch();
  s.result.status = std::move(status);
  s.stopped = true;
}

ObjectResult Scanner::finish() {
  ObjectScan& s = *scan_;
  if (!s.active) begin("");
  end_segment();
  flush_batch();
  // Even a stopped scan decides the matches it already saw, so nothing found is lost.
  const auto status = s.matcher.finish(s.aggregator);
  if (status == match::StreamMatcher::Status::kFailed && s.result.status.code == "COMPLETE") {
    set_status(s.result, "PARTIAL", "UNABLE_TO_PARSE_FILE", "engine: " + s.matcher.error());
  } else if (status == match::StreamMatcher::Status::kStopped &&
             s.result.status.code == "COMPLETE") {
    // Matches are decided when their context is complete, often only at the end: a stop there
    // is as much a stop as one while feeding.
    set_status(s.result, "PARTIAL", "STOPPED_BY_CALLER",
               "the occurrence callback stopped the scan at the end of the object");
  }
  s.utf8.finish();
  if (s.binary) {
    s.result.mime_type = "application/octet-stream";
    if (s.result.status.code == "COMPLETE") {
      set_status(s.result, "PARTIAL", "UNSUPPORTED_FILE_TYPE",
                 "binary content (NUL byte at offset " + std::to_string(s.binary_offset) +
                     "): scanned as raw bytes");
    }
  } else if (!s.utf8.valid() && s.result.size_classified > 0) {
    s.result.diagnostics.push_back(
        {"INVALID_UTF8", "not valid UTF-8 from byte " +
                             std::to_string(s.utf8.first_error_offset()) +
                             "; scanned as raw bytes"});
  }
  s.aggregator.finish_into(s.result);
  s.active = false;
  return std::move(s.result);
}

ObjectResult Scanner::scan(std::string path, std::string_view bytes) {
  begin(std::move(path));
  feed(bytes);
  return finish();
}

}  // namespace tamis
