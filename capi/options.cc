// Scan options by the struct-size rule: an older, smaller caller struct gets defaults for the
// fields it lacks; a newer, larger one is accepted only when the fields we do not know are zero.
#include <algorithm>
#include <cstring>

#include "capi_internal.h"

namespace tamis::capi {

tamis_status read_scan_options(const tamis_scan_options* in, tamis_scan_options& out,
                               tamis_error** err) {
  out = tamis_scan_options TAMIS_SCAN_OPTIONS_INIT;
  if (in == nullptr) return TAMIS_OK;
  const std::size_t given = in->struct_size;
  if (given < sizeof(std::size_t)) {
    return invalid_arg(err,
                       "tamis_scan_options.struct_size is too small: use TAMIS_SCAN_OPTIONS_INIT");
  }
  if (given > sizeof(tamis_scan_options)) {
    const auto* tail = reinterpret_cast<const unsigned char*>(in) + sizeof(tamis_scan_options);
    if (std::any_of(tail, tail + (given - sizeof(tamis_scan_options)),
                    [](unsigned char byte) { return byte != 0; })) {
      return fail(err, TAMIS_E_UNSUPPORTED,
                  "tamis_scan_options has fields this version of tamis does not know (non-zero)");
    }
  }
  std::memcpy(&out, in, std::min(given, sizeof(tamis_scan_options)));
  out.struct_size = sizeof(tamis_scan_options);
  constexpr uint32_t kKnownFlags = TAMIS_SCAN_RAW;
  if ((out.flags & ~kKnownFlags) != 0 || out.reserved != 0) {
    return fail(err, TAMIS_E_UNSUPPORTED,
                "tamis_scan_options: unknown flag bits or reserved field set");
  }
  return TAMIS_OK;
}

}  // namespace tamis::capi

extern "C" void tamis_scan_options_init(tamis_scan_options* options) {
  if (options != nullptr) *options = tamis_scan_options TAMIS_SCAN_OPTIONS_INIT;
}
