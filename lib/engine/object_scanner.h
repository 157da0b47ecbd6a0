// Scans one object end to end: compression and archives are walked (each member becomes a result
// of its own, named by its nested path), text in any supported encoding is decoded to normalised
// UTF-8, CSV/TSV and JSON/JSON Lines are scanned value by value with Macie's cell and record
// locations, XML/HTML as text without their markup, emails part by part with their attachments as
// objects of their own, Office documents through their XML, and everything else as text. Binary
// content is scanned raw and flagged. content_format.h says how the format is chosen.
#pragma once

#include <functional>
#include <string_view>

#include "archive/byte_source.h"
#include "engine/content_format.h"
#include "engine/scanner.h"
#include "report/result.h"

namespace tamis {

class ObjectScanner {
 public:
  using Emit = std::function<void(ObjectResult)>;

  explicit ObjectScanner(Scanner& scanner) : scanner_(scanner) {}

  // Emits one result per scanned object or member, in order (an email's attachments before the
  // email), plus one for the container itself when its walk did not complete (a corrupt archive,
  // a limit).
  void scan(ByteSource& source, std::string_view name, const Emit& emit);

 private:
  Scanner& scanner_;
};

}  // namespace tamis
