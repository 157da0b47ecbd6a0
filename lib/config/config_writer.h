// The JSON configuration that parse_config() reads back into an equal Config. Allow lists read
// from files are written inline, so the document stands on its own (a serialised engine carries
// it to another machine).
#pragma once

#include <string>

#include "config/config.h"

namespace tamis {

// Compact JSON. Config fields that are not part of the JSON schema (start_offset_mode,
// decode_in_background) are not written.
std::string config_to_json(const Config& config);

}  // namespace tamis
