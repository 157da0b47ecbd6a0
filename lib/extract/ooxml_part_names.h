// Part names inside an OOXML package: resolving relationship targets, finding a part's
// relationships part, and listing numbered parts (slide2 before slide10).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/ooxml_package.h"

namespace tamis {

// The folder of a part, with its trailing slash ("xl/" for "xl/workbook.xml"; "" at the root).
std::string_view part_folder(std::string_view part_name);

// A relationship's Target resolved against the part that owns the relationship: relative to that
// part's folder, or from the package root when it starts with '/'; "." and ".." are applied
// (never above the root).
std::string resolve_target(std::string_view source_part, std::string_view target);

// "xl/_rels/workbook.xml.rels" for "xl/workbook.xml"; "_rels/.rels" for the package ("").
std::string relationships_part(std::string_view source_part);

// The parts named `<prefix><number><suffix>` (ASCII case ignored), ordered by number, then by
// name. "word/header" and ".xml" give header1.xml, header2.xml, header10.xml.
std::vector<const OoxmlPart*> numbered_parts(const std::vector<OoxmlPart>& parts,
                                             std::string_view prefix, std::string_view suffix);

}  // namespace tamis
