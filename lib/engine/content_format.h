// Which reader an object or archive member goes to, chosen from its name and first bytes.
#pragma once

#include <cstdint>
#include <string_view>

namespace tamis {

enum class ContentFormat : std::uint8_t {
  kText,
  kCsv,
  kTsv,
  kJson,
  kJsonLines,
  kXml,
  kHtml,
  kEmail,
  kDocx,
  kXlsx,
  kPptx,
  kEncryptedOffice,  // a password-protected Office file: nothing readable without the password
  kBinary,
};

// Up to this many first bytes decide the format.
inline constexpr std::size_t kFormatHeadBytes = 64 * 1024;

// Content first where content is decisive (binary, Office packages, email, JSON, markup), the
// extension where content is ambiguous (CSV/TSV, JSON Lines, markup without a prolog).
ContentFormat detect_content_format(std::string_view name, std::string_view head);

// The mimeType a result reports for content read in this format.
const char* mime_type_of(ContentFormat format);

// Whether the format is a zip that must be read as one document rather than walked as an archive.
bool is_office_package(ContentFormat format);

}  // namespace tamis
