// Scanner handles: one engine Scanner each, with the C occurrence callback bridged in once.
#include "capi_internal.h"
#include "match/compiled_rules.h"

tamis_scanner::tamis_scanner(std::shared_ptr<const tamis::Engine> shared_engine)
    : engine(std::move(shared_engine)), scanner(engine) {
  for (const tamis::match::Rule& rule : engine->rules().rules)
    rules_by_type.emplace(rule.type, &rule);
  tamis_scan_options_init(&options);
  // `this` is stable: handles live on the heap and are never moved.
  scanner.set_occurrence_callback([this](const std::string& occurrence_path,
                                         const tamis::Detection& detection,
                                         const tamis::Occurrence& occurrence) {
    if (options.on_occurrence == nullptr) return true;
    if (stopped) {
      object_stopped = true;
      return false;
    }
    const tamis_occurrence c =
        tamis::capi::to_c_occurrence(*this, occurrence_path, detection, occurrence);
    if (options.on_occurrence(&c, options.user) != 0) stopped = object_stopped = true;
    return !stopped;
  });
}

extern "C" {

tamis_status tamis_scanner_new(tamis_scanner** out, const tamis_engine* engine, tamis_error** err) {
  return tamis::capi::guarded(err, [&]() -> tamis_status {
    if (out == nullptr) return tamis::capi::invalid_arg(err, "tamis_scanner_new: out is NULL");
    *out = nullptr;
    if (engine == nullptr)
      return tamis::capi::invalid_arg(err, "tamis_scanner_new: engine is NULL");
    *out = new tamis_scanner(engine->impl);
    return TAMIS_OK;
  });
}

void tamis_scanner_free(tamis_scanner* scanner) { delete scanner; }

}  // extern "C"
