// Scans one object end to end: compression and archives are walked (each member becomes a result
// of its own, named by its nested path), text in any supported encoding is decoded to normalised
// UTF-8, CSV/TSV and JSON/JSON Lines are scanned value by value with Macie's cell and record
// locations, and everything else is scanned as text. Binary content is scanned raw and flagged.
#pragma once

#include <functional>
#include <string_view>

#include "archive/byte_source.h"
#include "engine/scanner.h"
#include "report/result.h"

namespace tamis {

// How the content of one object or member is read.
enum class ContentFormat : std::uint8_t { kText, kCsv, kTsv, kJson, kJsonLines, kBinary };

// Chooses by name and first bytes (up to 64 KiB): extensions for CSV/TSV, content for JSON.
ContentFormat detect_content_format(std::string_view name, std::string_view head);

class ObjectScanner {
 public:
  using Emit = std::function<void(ObjectResult)>;

  explicit ObjectScanner(Scanner& scanner) : scanner_(scanner) {}

  // Emits one result per scanned object or member, in order, plus one for the container itself
  // when its walk did not complete (a corrupt archive, a limit).
  void scan(ByteSource& source, std::string_view name, const Emit& emit);

 private:
  Scanner& scanner_;
};

}  // namespace tamis
