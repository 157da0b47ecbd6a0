// Engine serialisation to and from bytes (include/tamis/tamis.h).
#include "capi_internal.h"

extern "C" {

tamis_status tamis_engine_serialize(const tamis_engine* engine, char** bytes, size_t* len,
                                    tamis_error** err) {
  return tamis::capi::guarded(err, [&]() -> tamis_status {
    if (bytes != nullptr) *bytes = nullptr;
    if (len != nullptr) *len = 0;
    (void)engine;
    return tamis::capi::fail(err, TAMIS_E_INTERNAL, "WIP");
  });
}

void tamis_bytes_free(char* bytes) { delete[] bytes; }

tamis_status tamis_engine_deserialize(tamis_engine** out, const void* bytes, size_t len,
                                      tamis_error** err) {
  return tamis::capi::guarded(err, [&]() -> tamis_status {
    if (out != nullptr) *out = nullptr;
    (void)bytes;
    (void)len;
    return tamis::capi::fail(err, TAMIS_E_INTERNAL, "WIP");
  });
}

}  // extern "C"
