// The scan entry points: a buffer and a file through the object path (archives, formats), and a
// stream of chunks through the plain text path.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "archive/callback_byte_source.h"
#include "capi_internal.h"
#include "engine/object_scanner.h"
#include "source/file_source.h"

namespace tamis::capi {
namespace {

// The buffer reaches the object walker in bounded pieces, so a stop from the callback also ends
// the walk of an archive instead of scanning the rest with nobody listening.
constexpr std::size_t kBufferPiece = 1 << 20;
// What one call of a caller's read callback may fill.
constexpr std::size_t kReaderChunk = 256 << 10;

tamis_status start_scan(tamis_scanner* scanner, const char* name, const tamis_scan_options* opts,
                        tamis_error** err) {
  scanner->streaming = false;  // starting any scan discards a streamed one
  if (const tamis_status status = read_scan_options(opts, scanner->options, err);
      status != TAMIS_OK) {
    return status;
  }
  scanner->object_path = name == nullptr ? "" : name;
  scanner->stopped = false;
  scanner->object_stopped = false;
  return TAMIS_OK;
}

tamis_status deliver(tamis_scanner* scanner, const std::vector<ObjectResult>& objects,
                     tamis_result** out, tamis_error** err) {
  *out = make_result(objects).release();
  if (scanner->stopped)
    return fail(err, TAMIS_E_STOPPED, "the occurrence callback stopped the scan");
  return TAMIS_OK;
}

}  // namespace

void mark_if_stopped(tamis_scanner& scanner, ObjectResult& object) {
  if (scanner.object_stopped && object.status.code == "COMPLETE")
    object.status = stopped_by_caller();
  scanner.object_stopped = false;
}

namespace {

// Walks one object pulled from `source` through the object path (archives, compression, formats),
// one result per object.
void walk_source(tamis_scanner& scanner, ByteSource& source, std::vector<ObjectResult>& objects) {
  ObjectScanner walker(scanner.scanner);
  walker.scan(source, scanner.object_path, [&](ObjectResult result) {
    mark_if_stopped(scanner, result);
    objects.push_back(std::move(result));
  });
}

bool is_io_failure(const std::vector<ObjectResult>& objects) {
  if (objects.size() != 1 || objects.front().status.code != "SKIPPED") return false;
  const std::string& reason = objects.front().status.reason;
  return reason == "SOURCE_OBJECT_NO_LONGER_AVAILABLE" || reason == "PERMISSION_DENIED";
}

}  // namespace
}  // namespace tamis::capi

using tamis::capi::guarded;
using tamis::capi::invalid_arg;

extern "C" {

tamis_status tamis_scan_buffer(tamis_scanner* scanner, const void* data, size_t len,
                               const char* name, const tamis_scan_options* opts, tamis_result** out,
                               tamis_error** err) {
  return guarded(err, [&]() -> tamis_status {
    if (out == nullptr) return invalid_arg(err, "tamis_scan_buffer: out is NULL");
    *out = nullptr;
    if (scanner == nullptr) return invalid_arg(err, "tamis_scan_buffer: scanner is NULL");
    if (data == nullptr && len > 0) return invalid_arg(err, "tamis_scan_buffer: data is NULL");
    if (const tamis_status s = tamis::capi::start_scan(scanner, name, opts, err); s != TAMIS_OK) {
      return s;
    }
    const std::string_view bytes(static_cast<const char*>(data), data == nullptr ? 0 : len);
    std::vector<tamis::ObjectResult> objects;
    if ((scanner->options.flags & TAMIS_SCAN_RAW) != 0) {
      objects.push_back(scanner->scanner.scan(scanner->object_path, bytes));
      tamis::capi::mark_if_stopped(*scanner, objects.back());
    } else {
      std::size_t offset = 0;
      tamis::CallbackByteSource source(
          [&](std::string_view& chunk) {
            if (offset >= bytes.size() || scanner->stopped) return tamis::Pull::kEnd;
            chunk = bytes.substr(offset, tamis::capi::kBufferPiece);
            offset += chunk.size();
            return tamis::Pull::kData;
          },
          [&] {
            if (!scanner->stopped || offset >= bytes.size()) return tamis::ObjectStatus{};
            return tamis::capi::stopped_by_caller();
          });
      tamis::capi::walk_source(*scanner, source, objects);
    }
    return tamis::capi::deliver(scanner, objects, out, err);
  });
}

tamis_status tamis_scan_reader(tamis_scanner* scanner, tamis_read_cb read, void* read_user,
                               const char* name, const tamis_scan_options* opts, tamis_result** out,
                               tamis_error** err) {
  return guarded(err, [&]() -> tamis_status {
    if (out == nullptr) return invalid_arg(err, "tamis_scan_reader: out is NULL");
    *out = nullptr;
    if (scanner == nullptr) return invalid_arg(err, "tamis_scan_reader: scanner is NULL");
    if (read == nullptr) return invalid_arg(err, "tamis_scan_reader: read is NULL");
    if (const tamis_status s = tamis::capi::start_scan(scanner, name, opts, err); s != TAMIS_OK) {
      return s;
    }
    std::vector<char> buffer(tamis::capi::kReaderChunk);
    std::uint64_t delivered = 0;
    bool read_failed = false;
    tamis::CallbackByteSource source(
        [&](std::string_view& chunk) {
          if (scanner->stopped) return tamis::Pull::kEnd;
          const std::ptrdiff_t got = read(read_user, buffer.data(), buffer.size());
          if (got <= 0 || static_cast<std::size_t>(got) > buffer.size()) {
            read_failed = got != 0;
            return tamis::Pull::kEnd;
          }
          chunk = std::string_view(buffer.data(), static_cast<std::size_t>(got));
          delivered += chunk.size();
          return tamis::Pull::kData;
        },
        [&] {
          if (read_failed) {
            return tamis::make_status(
                "PARTIAL", "SOURCE_OBJECT_NO_LONGER_AVAILABLE",
                "the read callback failed after " + std::to_string(delivered) + " bytes");
          }
          if (scanner->stopped) return tamis::capi::stopped_by_caller();
          return tamis::ObjectStatus{};
        });
    std::vector<tamis::ObjectResult> objects;
    if ((scanner->options.flags & TAMIS_SCAN_RAW) != 0) {
      scanner->scanner.begin(scanner->object_path);
      std::string_view chunk;
      while (source.pull(chunk) == tamis::Pull::kData) scanner->scanner.feed(chunk);
      objects.push_back(scanner->scanner.finish());
      if (!tamis::is_complete(source.status())) objects.back().status = source.status();
      tamis::capi::mark_if_stopped(*scanner, objects.back());
    } else {
      tamis::capi::walk_source(*scanner, source, objects);
    }
    return tamis::capi::deliver(scanner, objects, out, err);
  });
}

tamis_status tamis_scan_begin(tamis_scanner* scanner, const char* name,
                              const tamis_scan_options* opts, tamis_error** err) {
  return guarded(err, [&]() -> tamis_status {
    if (scanner == nullptr) return invalid_arg(err, "tamis_scan_begin: scanner is NULL");
    if (const tamis_status s = tamis::capi::start_scan(scanner, name, opts, err); s != TAMIS_OK) {
      return s;
    }
    scanner->scanner.begin(scanner->object_path);
    scanner->streaming = true;
    return TAMIS_OK;
  });
}

tamis_status tamis_scan_feed(tamis_scanner* scanner, const void* data, size_t len,
                             tamis_error** err) {
  return guarded(err, [&]() -> tamis_status {
    if (scanner == nullptr) return invalid_arg(err, "tamis_scan_feed: scanner is NULL");
    if (data == nullptr && len > 0) return invalid_arg(err, "tamis_scan_feed: data is NULL");
    if (!scanner->streaming) return invalid_arg(err, "tamis_scan_feed: no tamis_scan_begin before");
    if (!scanner->stopped && len > 0) {
      scanner->scanner.feed(std::string_view(static_cast<const char*>(data), len));
    }
    if (scanner->stopped) {
      return tamis::capi::fail(err, TAMIS_E_STOPPED, "the occurrence callback stopped the scan");
    }
    return TAMIS_OK;
  });
}

tamis_status tamis_scan_finish(tamis_scanner* scanner, tamis_result** out, tamis_error** err) {
  return guarded(err, [&]() -> tamis_status {
    if (out == nullptr) return invalid_arg(err, "tamis_scan_finish: out is NULL");
    *out = nullptr;
    if (scanner == nullptr) return invalid_arg(err, "tamis_scan_finish: scanner is NULL");
    if (!scanner->streaming)
      return invalid_arg(err, "tamis_scan_finish: no tamis_scan_begin before");
    scanner->streaming = false;
    std::vector<tamis::ObjectResult> objects;
    objects.push_back(scanner->scanner.finish());
    tamis::capi::mark_if_stopped(*scanner, objects.back());
    return tamis::capi::deliver(scanner, objects, out, err);
  });
}

tamis_status tamis_scan_file(tamis_scanner* scanner, const char* path,
                             const tamis_scan_options* opts, tamis_result** out,
                             tamis_error** err) {
  return guarded(err, [&]() -> tamis_status {
    if (out == nullptr) return invalid_arg(err, "tamis_scan_file: out is NULL");
    *out = nullptr;
    if (scanner == nullptr) return invalid_arg(err, "tamis_scan_file: scanner is NULL");
    if (path == nullptr) return invalid_arg(err, "tamis_scan_file: path is NULL");
    if (const tamis_status s = tamis::capi::start_scan(scanner, path, opts, err); s != TAMIS_OK) {
      return s;
    }
    std::vector<tamis::ObjectResult> objects;
    if ((scanner->options.flags & TAMIS_SCAN_RAW) != 0) {
      objects.push_back(tamis::scan_file(scanner->scanner, scanner->object_path));
      tamis::capi::mark_if_stopped(*scanner, objects.back());
    } else {
      tamis::scan_file_objects(scanner->scanner, scanner->object_path,
                               [&](tamis::ObjectResult result) {
                                 tamis::capi::mark_if_stopped(*scanner, result);
                                 objects.push_back(std::move(result));
                               });
    }
    if (tamis::capi::is_io_failure(objects)) {
      std::string message = "cannot read ";
      message += scanner->object_path;
      message += ": ";
      message += objects.front().status.detail;
      return tamis::capi::fail(err, TAMIS_E_IO, message);
    }
    return tamis::capi::deliver(scanner, objects, out, err);
  });
}

}  // extern "C"
