// Walks an email (RFC 5322 message, MIME RFC 2045-2049) as a stream: the message's and every
// part's headers reach the visitor as text (unfolded, encoded words decoded), and every leaf part
// reaches it as a ByteSource of its transfer-decoded body (base64, quoted-printable), pulled
// straight from the raw email, so a 2 GiB attachment is never held in memory. The walker does not
// open attachments: an attachment (a zip, a CSV, a message/rfc822 email) is for the caller to
// scan as an object of its own. docs/formats-email.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "archive/byte_source.h"
#include "report/result.h"

namespace tamis {

struct MimePart {
  // IMAP-style numbering: "1", "2", "2.1"; "" for the message itself (and for the body of a
  // message that is not multipart). Preamble and epilogue text of a multipart: "preamble",
  // "2.epilogue".
  std::string part_path;
  std::string content_type;       // lower-case type/subtype; default text/plain
  std::string charset;            // Content-Type charset parameter as written; "" when absent
  std::string filename;           // Content-Disposition filename, else Content-Type name (UTF-8)
  std::string transfer_encoding;  // lower-case as written; "" when absent (7bit)
  // Content-Disposition: attachment, or any leaf part that is not text/* (message/rfc822 counts).
  bool attachment = false;
  std::uint32_t depth = 0;  // multipart nesting: 0 the message, 1 a part of its multipart, ...
};

class MimeVisitor {
 public:
  virtual ~MimeVisitor() = default;
  // A header block (the message's own, a part's): unfolded, encoded words decoded to UTF-8, one
  // field per line ("Subject: ...\n").
  virtual void on_headers(const MimePart& part, std::string_view header_text) = 0;
  // A leaf part's body, transfer-decoded, still in its own charset. Also the non-blank preamble
  // and epilogue text of a multipart (content_type text/plain, part_path "<multipart>.preamble").
  // The visitor may stop pulling early or not pull at all: the walker skips the rest of the part.
  virtual void on_body(const MimePart& part, ByteSource& decoded) = 0;
};

struct MimeLimits {
  std::uint32_t max_depth = 32;              // multipart nesting; deeper multiparts are skipped
  std::uint64_t max_parts = 10'000;          // message and body parts; the walk stops there
  std::uint64_t max_header_bytes = 1 << 20;  // per header block; the excess is skipped
};

struct MimeSummary {
  // COMPLETE, or PARTIAL when a limit left something unread (reason MIME_*_OVER_LIMIT) or the
  // raw stream failed (its own status).
  ObjectStatus status;
  std::uint64_t parts = 0;  // the message itself and every body part seen
  // Malformed but readable structure: MIME_UNTERMINATED_MULTIPART, MIME_INVALID_BASE64, ...
  std::vector<Diagnostic> diagnostics;
};

MimeSummary walk_mime(ByteSource& raw, const MimeLimits& limits, MimeVisitor& visitor);

// True when `head` (the first bytes of an object) starts like an email: an mbox "From " line or
// several well-known RFC 5322 header fields (MIME-Version alone is enough), with nothing but
// header fields before them. `name` ending in .eml lowers the bar to one known field.
bool looks_like_email(std::string_view name, std::string_view head);

}  // namespace tamis
