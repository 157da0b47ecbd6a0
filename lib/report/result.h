// The result of scanning one object, as the engine produces it. json_writer.h turns it into the
// Macie-shaped discovery result document (docs/result-schema.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "catalog/identifier.h"
#include "extract/segment.h"

namespace tamis {

// Macie's result.status: code COMPLETE | PARTIAL | SKIPPED and a reason (empty when COMPLETE).
struct ObjectStatus {
  std::string code = "COMPLETE";
  std::string reason;  // e.g. UNSUPPORTED_FILE_TYPE, FILE_EXCEEDS_SIZE_LIMIT, PERMISSION_DENIED
  std::string detail;  // human-readable, ours (errno text, which limit, at which offset)
};

// Something worth saying about an object that did not stop its scan (ours, not Macie's).
struct Diagnostic {
  std::string code;  // e.g. INVALID_UTF8, BINARY_CONTENT
  std::string detail;
};

struct Occurrence {
  std::uint64_t start = 0;     // byte offset of the first byte of the found text
  std::uint64_t end = 0;       // byte offset one past the last byte
  std::uint64_t line = 0;      // 1-based line of `start`
  std::uint64_t column = 0;    // 1-based column of `start`, in characters (UTF-8 code points)
  std::uint64_t end_line = 0;  // 1-based line of the last byte
  std::string text;            // masked preview, or the full text when values are revealed
  // Set when the object was scanned as segments (CSV cells, JSON values): where the match sits.
  // start/end are then byte offsets inside that segment's text.
  std::variant<std::monostate, CellLocation, RecordLocation> where;
};

struct Detection {
  std::string type;  // managed id, or the custom identifier's name
  Category category = Category::kCustomIdentifier;
  bool custom = false;
  std::uint64_t count = 0;              // every occurrence, also beyond the kept ones
  Severity severity = Severity::kNone;  // kNone: custom identifier below its lowest threshold
  std::vector<Occurrence> occurrences;  // the first max_occurrences_per_type, in text order
};

// Macie's embeddedFileDetails: set for an object found inside another one (an archive member, an
// email attachment).
struct EmbeddedFile {
  std::string file_path;  // the path inside the top-level object (`bundle/data.zip/users.csv`)
  std::optional<std::uint64_t> size;     // as the container declares it
  std::optional<std::int64_t> modified;  // seconds since 1970 (UTC), when recorded
};

struct ObjectResult {
  std::string path;  // file path, or nested member path (`outer.tar.gz/bundle/users.csv`)
  std::optional<EmbeddedFile> embedded;
  std::uint64_t size = 0;  // object size in bytes as read
  std::uint64_t size_classified = 0;
  std::string mime_type = "text/plain";
  ObjectStatus status;
  std::vector<Diagnostic> diagnostics;
  std::vector<Detection> detections;  // managed first (catalogue order), then custom (config order)
  Severity severity = Severity::kNone;  // max over detections
  bool additional_occurrences = false;  // some detection kept fewer occurrences than it counted

  std::uint64_t total_count() const {
    std::uint64_t n = 0;
    for (const auto& d : detections) n += d.count;
    return n;
  }
};

}  // namespace tamis
