// The library's version, checked at compile time against the header's macros so they never drift.
#include "capi_internal.h"

static_assert(TAMIS_VERSION_MAJOR == TAMIS_PROJECT_VERSION_MAJOR &&
                  TAMIS_VERSION_MINOR == TAMIS_PROJECT_VERSION_MINOR &&
                  TAMIS_VERSION_PATCH == TAMIS_PROJECT_VERSION_PATCH,
              "include/tamis/tamis.h version macros differ from the CMake project version");

extern "C" {

const char* tamis_version(void) { return TAMIS_VERSION; }

uint32_t tamis_version_number(void) { return TAMIS_VERSION_NUMBER; }

}  // extern "C"
