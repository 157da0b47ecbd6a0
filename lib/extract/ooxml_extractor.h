// Office Open XML extraction: the text of Word documents and PowerPoint decks, and the cells of
// Excel workbooks, from the package's bytes (a zip). Streaming: every XML part goes through a
// libxml2 SAX push parser, nothing is built as a tree; only the package itself (when the source
// cannot seek) and an Excel workbook's shared strings are held in memory, each under a limit.
// docs/formats-office.md.
//
//   FileByteSource file(path);
//   OoxmlSummary summary = extract_ooxml(file, detect_ooxml(path, head), {}, output);
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "archive/byte_source.h"
#include "extract/ooxml_detect.h"
#include "extract/segment.h"
#include "report/result.h"

namespace tamis {

// Status reasons (Macie's own, reference/macie.md §5).
inline constexpr std::string_view kReasonOoxmlSize = "OOXML_UNCOMPRESSED_SIZE_EXCEEDS_LIMIT";
inline constexpr std::string_view kReasonOoxmlRatio = "OOXML_UNCOMPRESSED_RATIO_EXCEEDS_LIMIT";
inline constexpr std::string_view kReasonOfficeMalformed = "MALFORMED_OR_FILE_SIZE_EXCEEDS_LIMIT";

struct OoxmlLimits {
  // A source that cannot seek is copied into memory first (a zip's directory is at its end, and
  // parts must be read in a chosen order); a larger package is SKIPPED. Macie's docx/xlsx cap.
  std::uint64_t max_package_bytes = 512ULL << 20;
  // Decompressed bytes of one XML part, and of all parts read: beyond them reading stops, what
  // was extracted stands, and the status is PARTIAL / OOXML_UNCOMPRESSED_SIZE_EXCEEDS_LIMIT.
  std::uint64_t max_part_bytes = 1ULL << 30;
  std::uint64_t max_total_bytes = 3ULL << 30;  // Macie's per-file cap for extracted files
  // A part inflating more than this many times its compressed size (judged once it has produced
  // ratio_check_floor bytes, as small repetitive parts legitimately compress far better) is a
  // zip bomb: PARTIAL / OOXML_UNCOMPRESSED_RATIO_EXCEEDS_LIMIT.
  std::uint32_t max_expansion_ratio = 100;
  std::uint64_t ratio_check_floor = 1ULL << 20;
  // An xlsx's shared strings are referenced by index from every sheet, so they are held in
  // memory; strings past this many bytes are dropped, the cells using them are not scanned, and
  // the status says so (PARTIAL / OOXML_UNCOMPRESSED_SIZE_EXCEEDS_LIMIT).
  std::uint64_t max_shared_strings_bytes = 256ULL << 20;
  // Parts are read in document order (workbook before sheets, slide 2 before slide 10), which
  // may mean reopening the zip to go back; past this many reopens the remaining parts are read in
  // the zip's own order instead (a diagnostic says so), so that a hostile order costs nothing.
  std::uint32_t max_reopens = 64;
};

// Where the extracted content goes. docx and pptx produce flowing UTF-8 text (paragraphs on
// lines, table cells separated by tabs); xlsx produces one segment per non-empty cell.
class OoxmlOutput {
 public:
  virtual ~OoxmlOutput() = default;
  virtual void text(std::string_view utf8) = 0;
  virtual SegmentSink& cells() = 0;
};

struct OoxmlSummary {
  // COMPLETE; PARTIAL with a reason when a limit or a corrupt part stopped some of the reading
  // (what was extracted before stands), or with no reason when the segment sink asked to stop;
  // SKIPPED when nothing could be read (ENCRYPTED, MALFORMED_OR_FILE_SIZE_EXCEEDS_LIMIT).
  ObjectStatus status;
  // OOXML_MALFORMED_XML, OOXML_MISSING_PART, OOXML_CORRUPT_PART, OOXML_MISSING_SHARED_STRING,
  // OOXML_PART_ORDER: each names the part and what was lost.
  std::vector<Diagnostic> diagnostics;
  std::uint64_t parts_read = 0;
  std::uint64_t uncompressed_bytes = 0;  // XML bytes inflated from the parts read
};

// Reads `package` to its end (or to a limit) and sends what it holds to `out`. `kind` is what
// detect_ooxml said; kEncrypted and kNone are reported as SKIPPED without reading.
OoxmlSummary extract_ooxml(ByteSource& package, OoxmlKind kind, const OoxmlLimits& limits,
                           OoxmlOutput& out);

}  // namespace tamis
