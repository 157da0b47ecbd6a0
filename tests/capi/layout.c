/* The layout of the public structs is ABI: frozen per release. Appending a field changes the
 * sizes below on purpose (update them); moving or resizing an existing one must never happen. */
#include <stddef.h>
#include <stdint.h>

#include "tamis/tamis.h"

#define P sizeof(void*)
#define ALIGN8(n) (((n) + 7u) & ~(size_t)7u)

_Static_assert(offsetof(tamis_scan_options, struct_size) == 0, "scan options: struct_size first");
_Static_assert(offsetof(tamis_scan_options, on_occurrence) == P, "scan options layout");
_Static_assert(offsetof(tamis_scan_options, user) == 2 * P, "scan options layout");
_Static_assert(offsetof(tamis_scan_options, flags) == 3 * P, "scan options layout");
_Static_assert(offsetof(tamis_scan_options, reserved) == 3 * P + 4, "scan options layout");
_Static_assert(sizeof(tamis_scan_options) == 3 * P + 8, "scan options size");

_Static_assert(offsetof(tamis_occurrence, struct_size) == 0, "occurrence: struct_size first");
_Static_assert(offsetof(tamis_occurrence, object_path) == P, "occurrence layout");
_Static_assert(offsetof(tamis_occurrence, type) == 2 * P, "occurrence layout");
_Static_assert(offsetof(tamis_occurrence, category) == 3 * P, "occurrence layout");
_Static_assert(offsetof(tamis_occurrence, severity) == 3 * P + 4, "occurrence layout");
_Static_assert(offsetof(tamis_occurrence, start) == ALIGN8(3 * P + 8), "occurrence layout");
_Static_assert(offsetof(tamis_occurrence, end) == offsetof(tamis_occurrence, start) + 8, "layout");
_Static_assert(offsetof(tamis_occurrence, line) == offsetof(tamis_occurrence, start) + 16,
               "layout");
_Static_assert(offsetof(tamis_occurrence, column) == offsetof(tamis_occurrence, start) + 24,
               "occurrence layout");
_Static_assert(offsetof(tamis_occurrence, text) == offsetof(tamis_occurrence, start) + 32,
               "occurrence layout");
_Static_assert(offsetof(tamis_occurrence, cell_reference) == offsetof(tamis_occurrence, text) + P,
               "occurrence layout");
_Static_assert(offsetof(tamis_occurrence, json_path) == offsetof(tamis_occurrence, text) + 2 * P,
               "occurrence layout");
_Static_assert(offsetof(tamis_occurrence, end_line) ==
                   ALIGN8(offsetof(tamis_occurrence, text) + 3 * P),
               "occurrence layout");
_Static_assert(offsetof(tamis_occurrence, location) == offsetof(tamis_occurrence, end_line) + 8,
               "occurrence layout");
_Static_assert(offsetof(tamis_occurrence, custom) == offsetof(tamis_occurrence, location) + 4,
               "occurrence layout");
_Static_assert(offsetof(tamis_occurrence, row) == offsetof(tamis_occurrence, location) + 8,
               "occurrence layout");
_Static_assert(offsetof(tamis_occurrence, cell_column) == offsetof(tamis_occurrence, row) + 8,
               "occurrence layout");
_Static_assert(offsetof(tamis_occurrence, record_index) == offsetof(tamis_occurrence, row) + 16,
               "occurrence layout");
_Static_assert(offsetof(tamis_occurrence, column_name) == offsetof(tamis_occurrence, row) + 24,
               "occurrence layout");
_Static_assert(offsetof(tamis_occurrence, sheet) == offsetof(tamis_occurrence, column_name) + P,
               "occurrence layout");
#if UINTPTR_MAX == 0xffffffffffffffffu
_Static_assert(sizeof(tamis_occurrence) == 144, "occurrence size (LP64)");
_Static_assert(sizeof(tamis_scan_options) == 32, "scan options size (LP64)");
#endif

int tamis_layout_checked(void);
int tamis_layout_checked(void) { return 0; }
