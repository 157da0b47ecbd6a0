// Engine serialisation to and from bytes (include/tamis/tamis.h; the format is in
// lib/engine/engine_image.h).
#include <cstring>
#include <new>
#include <string_view>

#include "capi_internal.h"
#include "engine/engine_image.h"

extern "C" {

tamis_status tamis_engine_serialize(const tamis_engine* engine, char** bytes, size_t* len,
                                    tamis_error** err) {
  return tamis::capi::guarded(err, [&]() -> tamis_status {
    if (bytes == nullptr || len == nullptr) {
      return tamis::capi::invalid_arg(err, "tamis_engine_serialize: bytes or len is NULL");
    }
    *bytes = nullptr;
    *len = 0;
    if (engine == nullptr) {
      return tamis::capi::invalid_arg(err, "tamis_engine_serialize: engine is NULL");
    }
    auto image = tamis::serialize_engine(*engine->impl);
    if (!image) return tamis::capi::fail(err, TAMIS_E_NOMEM, image.error().message);
    // Allocated here and freed by tamis_bytes_free, so the caller never mixes allocators.
    char* out = new char[image->size()];
    std::memcpy(out, image->data(), image->size());
    *bytes = out;
    *len = image->size();
    return TAMIS_OK;
  });
}

void tamis_bytes_free(char* bytes) { delete[] bytes; }

tamis_status tamis_engine_deserialize(tamis_engine** out, const void* bytes, size_t len,
                                      tamis_error** err) {
  return tamis::capi::guarded(err, [&]() -> tamis_status {
    if (out == nullptr)
      return tamis::capi::invalid_arg(err, "tamis_engine_deserialize: out is NULL");
    *out = nullptr;
    if (bytes == nullptr && len > 0) {
      return tamis::capi::invalid_arg(err, "tamis_engine_deserialize: bytes is NULL");
    }
    const std::string_view image(static_cast<const char*>(bytes), bytes == nullptr ? 0 : len);
    tamis::LoadedEngine loaded = tamis::deserialize_engine(image);
    switch (loaded.fault) {
      case tamis::ImageFault::kNone:
        *out = new tamis_engine{std::move(loaded.engine)};
        return TAMIS_OK;
      case tamis::ImageFault::kVersion:
        return tamis::capi::fail(err, TAMIS_E_DB_VERSION, loaded.message);
      case tamis::ImageFault::kCorrupt:
        break;
    }
    return tamis::capi::fail(err, TAMIS_E_DB_CORRUPT, loaded.message);
  });
}

}  // extern "C"
