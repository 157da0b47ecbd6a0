#include "extract/ooxml_detect.h"

#include <array>
#include <cstddef>
#include <utility>

#include "core/ascii_case.h"

namespace tamis {
namespace {

constexpr std::string_view kZipLocalHeader = "PK\x03\x04";
constexpr std::string_view kOleMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
constexpr std::string_view kContentTypes = "[Content_Types].xml";
constexpr std::size_t kLocalHeaderBytes = 30;

std::uint32_t little_endian(std::string_view bytes, std::size_t offset, std::size_t width) {
  std::uint32_t value = 0;
  for (std::size_t i = width; i-- > 0;) {
    value = (value << 8) | static_cast<unsigned char>(bytes[offset + i]);
  }
  return value;
}

OoxmlKind kind_from_extension(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, OoxmlKind>, 14> kExtensions{{
      {".docx", OoxmlKind::kDocx},
      {".docm", OoxmlKind::kDocx},
      {".dotx", OoxmlKind::kDocx},
      {".dotm", OoxmlKind::kDocx},
      {".xlsx", OoxmlKind::kXlsx},
      {".xlsm", OoxmlKind::kXlsx},
      {".xltx", OoxmlKind::kXlsx},
      {".xltm", OoxmlKind::kXlsx},
      {".pptx", OoxmlKind::kPptx},
      {".pptm", OoxmlKind::kPptx},
      {".potx", OoxmlKind::kPptx},
      {".potm", OoxmlKind::kPptx},
      {".ppsx", OoxmlKind::kPptx},
      {".ppsm", OoxmlKind::kPptx},
  }};
  for (const auto& [extension, kind] : kExtensions) {
    if (ends_with_ignoring_case(name, extension)) return kind;
  }
  return OoxmlKind::kNone;
}

// What the local file headers visible in `head` say. Entries written with a data descriptor do
// not state their compressed size, so headers are found by their signature rather than by
// walking from one to the next; a stray signature inside compressed data only adds a name that
// is very unlikely to look like an OOXML part.
struct VisibleParts {
  bool content_types = false;
  OoxmlKind kind = OoxmlKind::kNone;
};

VisibleParts scan_local_headers(std::string_view head) {
  VisibleParts parts;
  for (std::size_t at = head.find(kZipLocalHeader); at != std::string_view::npos;
       at = head.find(kZipLocalHeader, at + 1)) {
    if (head.size() - at < kLocalHeaderBytes) break;
    const std::size_t name_length = little_endian(head, at + 26, 2);
    const std::string_view name = head.substr(at + kLocalHeaderBytes, name_length);
    if (name == kContentTypes) parts.content_types = true;
    if (parts.kind != OoxmlKind::kNone) continue;
    if (starts_with_ignoring_case(name, "word/")) parts.kind = OoxmlKind::kDocx;
    if (starts_with_ignoring_case(name, "xl/")) parts.kind = OoxmlKind::kXlsx;
    if (starts_with_ignoring_case(name, "ppt/")) parts.kind = OoxmlKind::kPptx;
  }
  return parts;
}

// An OLE file whose directory we can see and that names no EncryptedPackage stream is some other
// compound document (a .doc saved under a .docx name), not an encrypted OOXML package.
bool ole_names_no_encrypted_package(std::string_view head) {
  if (head.size() < 512) return false;
  const std::uint32_t sector_shift = little_endian(head, 30, 2);
  const std::uint32_t first_directory_sector = little_endian(head, 48, 4);
  if (sector_shift < 7 || sector_shift > 16) return false;
  const std::uint64_t directory_offset = (std::uint64_t{first_directory_sector} + 1)
                                         << sector_shift;
  if (directory_offset + 512 > head.size()) return false;  // not visible: presume encrypted
  static constexpr std::string_view kEncryptedPackageUtf16 =
      std::string_view("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
  return head.find(kEncryptedPackageUtf16) == std::string_view::npos;
}

}  // namespace

OoxmlKind detect_ooxml(std::string_view name, std::string_view head) {
  const OoxmlKind by_extension = kind_from_extension(name);
  if (head.starts_with(kOleMagic)) {
    if (by_extension == OoxmlKind::kNone || ole_names_no_encrypted_package(head)) {
      return OoxmlKind::kNone;
    }
    return OoxmlKind::kEncrypted;
  }
  if (!head.starts_with(kZipLocalHeader)) return OoxmlKind::kNone;
  const VisibleParts parts = scan_local_headers(head);
  if (!parts.content_types) return OoxmlKind::kNone;
  return by_extension != OoxmlKind::kNone ? by_extension : parts.kind;
}

std::string_view ooxml_kind_name(OoxmlKind kind) {
  switch (kind) {
    case OoxmlKind::kDocx:
      return "docx";
    case OoxmlKind::kXlsx:
      return "xlsx";
    case OoxmlKind::kPptx:
      return "pptx";
    case OoxmlKind::kEncrypted:
      return "encrypted";
    case OoxmlKind::kNone:
      break;
  }
  return "none";
}

}  // namespace tamis
