// Reads a file into a Scanner in fixed-size chunks, so memory stays bounded whatever the file size,
// and turns every I/O problem into the object's status instead of an error for the whole scan.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "engine/scanner.h"
#include "report/result.h"

namespace tamis {

inline constexpr std::size_t kDefaultReadChunk = 256 * 1024;

// Status mapping: missing file -> SKIPPED/SOURCE_OBJECT_NO_LONGER_AVAILABLE; no permission ->
// SKIPPED/PERMISSION_DENIED; larger than Limits::max_object_bytes ->
// SKIPPED/FILE_EXCEEDS_SIZE_LIMIT; not a regular file -> SKIPPED/UNSUPPORTED_FILE_TYPE; read error
// part-way -> PARTIAL/UNABLE_TO_PARSE_FILE with the findings before the fault kept. `detail`
// carries the OS error text.
ObjectResult scan_file(Scanner& scanner, const std::string& path,
                       std::size_t chunk_size = kDefaultReadChunk);

// The same checks and status mapping, then the whole object path (engine/object_scanner.h):
// archives and compressed files are walked, one result per member; encodings are decoded; CSV
// and JSON are scanned value by value. Results reach `emit` in order.
void scan_file_objects(Scanner& scanner, const std::string& path,
                       const std::function<void(ObjectResult)>& emit,
                       std::size_t chunk_size = kDefaultReadChunk);

}  // namespace tamis
