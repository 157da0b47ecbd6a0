// `tamis scan`: load the configuration, build the engine once, walk the paths, scan them in
// parallel and write the results. Returns the process exit code (0 clean, 1 findings, 2 error).
#pragma once

#include "cli_args.h"

namespace tamis::cli {

int run_scan(const ScanOptions& options);

}  // namespace tamis::cli
