/* tamis.h compiles on its own as strict C99 (-std=c99 -pedantic -Werror). */
#include "tamis/tamis.h"

int tamis_header_c_compiles(void);
int tamis_header_c_compiles(void) {
  tamis_scan_options options = TAMIS_SCAN_OPTIONS_INIT;
  return (int)options.struct_size + TAMIS_VERSION_NUMBER;
}
