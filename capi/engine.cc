// Engine construction from the JSON configuration.
#include <string_view>

#include "capi_internal.h"
#include "config/config.h"

extern "C" {

tamis_status tamis_engine_new(tamis_engine** out, const char* config_json, size_t len,
                              tamis_error** err) {
  return tamis::capi::guarded(err, [&]() -> tamis_status {
    if (out == nullptr) return tamis::capi::invalid_arg(err, "tamis_engine_new: out is NULL");
    *out = nullptr;
    tamis::Config config;
    if (config_json != nullptr && len > 0) {
      auto parsed = tamis::parse_config(std::string_view(config_json, len));
      if (!parsed) return tamis::capi::fail(err, TAMIS_E_CONFIG, parsed.error().message);
      config = std::move(parsed.value());
    }
    auto built = tamis::Engine::build(config);
    // Build errors are configuration errors too: a custom regex Hyperscan refuses, for example.
    if (!built) return tamis::capi::fail(err, TAMIS_E_CONFIG, built.error().message);
    *out = new tamis_engine{std::move(built.value())};
    return TAMIS_OK;
  });
}

void tamis_engine_free(tamis_engine* engine) { delete engine; }

}  // extern "C"
