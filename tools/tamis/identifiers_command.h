// `tamis identifiers`: the managed identifier catalogue as an aligned table or a JSON array.
#pragma once

#include "cli_args.h"

namespace tamis::cli {

int run_identifiers(const IdentifiersOptions& options);

}  // namespace tamis::cli
