// Reads one object or archive member in the format its name and first bytes call for (text in any
// encoding, CSV/TSV, JSON/JSON Lines, XML/HTML, email, Office documents, binary) and scans it.
#pragma once

#include "archive/archive_walker.h"
#include "archive/byte_source.h"
#include "engine/scanner.h"
#include "report/result.h"

namespace tamis {

// Where objects found inside an object that is not an archive go (an email's attachments): they
// are scanned as objects of their own, with their own results.
class NestedObjects {
 public:
  virtual ~NestedObjects() = default;
  virtual void scan(ByteSource& content, const MemberInfo& member) = 0;
};

// Scans `content` as one object named and nested as `member` says and returns its result.
// Objects inside it reach `nested` (their results are emitted before this one's).
ObjectResult scan_content(Scanner& scanner, ByteSource& content, const MemberInfo& member,
                          NestedObjects& nested);

}  // namespace tamis
