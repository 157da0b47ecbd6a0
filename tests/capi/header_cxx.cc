// tamis.h compiles on its own as C++ and declares C linkage.
#include <type_traits>

#include "tamis/tamis.h"

static_assert(std::is_same_v<decltype(&tamis_version), const char* (*)()>);
static_assert(std::is_standard_layout_v<tamis_occurrence> &&
              std::is_trivially_copyable_v<tamis_occurrence>);
static_assert(std::is_standard_layout_v<tamis_scan_options>);

int tamis_header_cxx_compiles() {
  tamis_scan_options options = TAMIS_SCAN_OPTIONS_INIT;
  return static_cast<int>(options.struct_size);
}
