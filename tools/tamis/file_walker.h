// Expands the user's paths into the list of objects to scan, in a stable order: each directory's
// entries sorted by name, depth first. Symbolic links to directories are not followed inside a
// tree (a path named on the command line is), so the walk cannot loop.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "report/result.h"

namespace tamis::cli {

struct WalkItem {
  std::string path;        // as the user gave it, joined with the relative path below it
  std::uint64_t size = 0;  // from the walk's stat; 0 when unknown
  // Set when the walk already knows the object cannot be scanned (special file, unreadable
  // directory); such an item is reported, never opened.
  std::optional<ObjectStatus> skip;
};

struct WalkResult {
  std::vector<WalkItem> items;
  std::uint64_t total_bytes = 0;  // of the items to be scanned
};

WalkResult walk_paths(const std::vector<std::string>& paths);

}  // namespace tamis::cli
