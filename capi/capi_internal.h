// What the C handles hold, and the guard every entry point runs its body in, so no C++ exception
// or type ever crosses the C ABI (include/tamis/tamis.h, convention 8).
#pragma once

#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "archive/byte_source.h"
#include "engine/engine.h"
#include "engine/scanner.h"
#include "tamis/tamis.h"

namespace tamis::match {
struct Rule;
}

struct tamis_error {
  tamis_status status;
  std::string message;
};

struct tamis_engine {
  std::shared_ptr<const tamis::Engine> impl;
};

struct tamis_result {
  std::vector<std::string> documents;  // one Macie result document per object
  // Built on first use; call_once keeps concurrent readers of one result safe.
  mutable std::once_flag jsonl_once;
  mutable std::string jsonl;
};

struct tamis_scanner {
  explicit tamis_scanner(std::shared_ptr<const tamis::Engine> engine);

  std::shared_ptr<const tamis::Engine> engine;
  tamis::Scanner scanner;
  // Severity in the callback is computed from the rule and the count so far.
  std::unordered_map<std::string_view, const tamis::match::Rule*> rules_by_type;

  // The scan in progress.
  tamis_scan_options options{};
  std::string object_path;
  bool stopped = false;
  // The callback refused an occurrence of the object being scanned (reset per object).
  bool object_stopped = false;
  bool streaming = false;
};

namespace tamis::capi {

// Stores a new error in *err (when err is not NULL) and returns status. Never throws: without
// memory for the error, *err stays NULL and the status still tells what happened.
tamis_status fail(tamis_error** err, tamis_status status, std::string_view message) noexcept;

inline tamis_status invalid_arg(tamis_error** err, std::string_view message) noexcept {
  return fail(err, TAMIS_E_INVALID_ARG, message);
}

template <class Body>
tamis_status guarded(tamis_error** err, Body&& body) noexcept {
  if (err != nullptr) *err = nullptr;
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return fail(err, TAMIS_E_NOMEM, "out of memory");
  } catch (const std::exception& e) {
    return fail(err, TAMIS_E_INTERNAL, e.what());
  } catch (...) {
    return fail(err, TAMIS_E_INTERNAL, "unknown exception inside tamis");
  }
}

// Reads caller options by the struct-size rule (tamis.h, convention 6) into `out`.
tamis_status read_scan_options(const tamis_scan_options* in, tamis_scan_options& out,
                               tamis_error** err);

// PARTIAL / STOPPED_BY_CALLER: what an object the occurrence callback stopped reports.
inline ObjectStatus stopped_by_caller() {
  return make_status("PARTIAL", "STOPPED_BY_CALLER", "the occurrence callback stopped the scan");
}

// The engine marks a stop PARTIAL only when it happens while bytes are fed, not when the last
// matches are decided at the end of the object; this marks the other case too.
void mark_if_stopped(tamis_scanner& scanner, ObjectResult& object);

// Makes a result from the scanned objects.
std::unique_ptr<tamis_result> make_result(const std::vector<ObjectResult>& objects);

// Fills a C occurrence from the engine's detection and occurrence; the pointers borrow from them.
tamis_occurrence to_c_occurrence(const tamis_scanner& scanner, const std::string& object_path,
                                 const Detection& detection, const Occurrence& occurrence);

}  // namespace tamis::capi
