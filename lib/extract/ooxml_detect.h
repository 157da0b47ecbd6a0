// Recognises Office Open XML packages (docx, xlsx, pptx) by their first bytes, and the
// password-protected ones, which are not zips at all but OLE compound files holding an
// EncryptedPackage stream. The walker asks this before descending into a zip, so that a document
// is delivered whole to extract_ooxml instead of as a heap of XML members.
#pragma once

#include <cstdint>
#include <string_view>

namespace tamis {

enum class OoxmlKind : std::uint8_t { kNone, kDocx, kXlsx, kPptx, kEncrypted };

// By content: zip magic and a local file header named [Content_Types].xml within `head` (the
// first entry in every producer we know of), with the kind from the extension of `name`
// (.docx/.docm/.dotx/.dotm, .xlsx/.xlsm/.xltx/.xltm, .pptx/.pptm/.potx/.potm/.ppsx/.ppsm) or,
// without one, from the part names visible in `head`'s local headers (word/, xl/, ppt/).
// An OLE compound file (D0 CF 11 E0 A1 B1 1A E1) with an OOXML extension is kEncrypted unless its
// directory lies within `head` and names no EncryptedPackage stream (a legacy .doc renamed .docx).
// Anything else, including a zip with an OOXML extension but no [Content_Types].xml: kNone.
OoxmlKind detect_ooxml(std::string_view name, std::string_view head);

// "docx", "xlsx", "pptx", "encrypted" or "none": for messages and the result's mime type choice.
std::string_view ooxml_kind_name(OoxmlKind kind);

}  // namespace tamis
