// Status names and per-call error objects.
#include "capi_internal.h"

namespace tamis::capi {

tamis_status fail(tamis_error** err, tamis_status status, std::string_view message) noexcept {
  if (err == nullptr) return status;
  try {
    *err = new tamis_error{status, std::string(message)};
  } catch (...) {
    *err = nullptr;
  }
  return status;
}

}  // namespace tamis::capi

extern "C" {

const char* tamis_status_str(tamis_status status) {
  switch (status) {
    case TAMIS_OK:
      return "TAMIS_OK";
    case TAMIS_E_INVALID_ARG:
      return "TAMIS_E_INVALID_ARG";
    case TAMIS_E_NOMEM:
      return "TAMIS_E_NOMEM";
    case TAMIS_E_CONFIG:
      return "TAMIS_E_CONFIG";
    case TAMIS_E_IO:
      return "TAMIS_E_IO";
    case TAMIS_E_STOPPED:
      return "TAMIS_E_STOPPED";
    case TAMIS_E_UNSUPPORTED:
      return "TAMIS_E_UNSUPPORTED";
    case TAMIS_E_DB_VERSION:
      return "TAMIS_E_DB_VERSION";
    case TAMIS_E_DB_CORRUPT:
      return "TAMIS_E_DB_CORRUPT";
    case TAMIS_E_INTERNAL:
      return "TAMIS_E_INTERNAL";
    default:
      return "unknown status";
  }
}

tamis_status tamis_error_status(const tamis_error* error) {
  return error == nullptr ? TAMIS_E_INVALID_ARG : error->status;
}

const char* tamis_error_message(const tamis_error* error) {
  return error == nullptr ? "" : error->message.c_str();
}

void tamis_error_free(tamis_error* error) { delete error; }

}  // extern "C"
