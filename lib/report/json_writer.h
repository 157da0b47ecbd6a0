// Writes an ObjectResult as a Macie sensitive data discovery result (docs/result-schema.md).
#pragma once

#include <string>

#include "report/result.h"

namespace tamis {

struct JsonWriteOptions {
  bool pretty = false;  // indent with two spaces; false writes one line (JSON Lines)
};

std::string result_to_json(const ObjectResult& result, const JsonWriteOptions& options = {});

}  // namespace tamis
