"""The C ABI of include/tamis/tamis.h as ctypes declarations.

Only what the header declares lives here, with the same names, so a change to the header has one
place to be mirrored. ctypes releases the GIL around every call into a CDLL, which is what lets
scans run in parallel threads.
"""

from __future__ import annotations

import ctypes

# tamis.h's ABI major version this binding was written for (TAMIS_VERSION_MAJOR).
ABI_MAJOR = 0

TAMIS_OK = 0
TAMIS_E_INVALID_ARG = -1
TAMIS_E_NOMEM = -2
TAMIS_E_CONFIG = -3
TAMIS_E_IO = -4
TAMIS_E_STOPPED = -5
TAMIS_E_UNSUPPORTED = -6
TAMIS_E_DB_VERSION = -7
TAMIS_E_DB_CORRUPT = -8
TAMIS_E_INTERNAL = -99

TAMIS_LOCATION_TEXT = 0
TAMIS_LOCATION_CELL = 1
TAMIS_LOCATION_RECORD = 2

TAMIS_SCAN_RAW = 0x1

# Opaque handles are plain pointers; `handle_out` is how a tamis_xxx** output parameter is passed.
handle = ctypes.c_void_p
handle_out = ctypes.POINTER(ctypes.c_void_p)
error_out = ctypes.POINTER(ctypes.c_void_p)


class tamis_occurrence(ctypes.Structure):  # noqa: N801 - the C name
    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("object_path", ctypes.c_char_p),
        ("type", ctypes.c_char_p),
        ("category", ctypes.c_uint32),
        ("severity", ctypes.c_uint32),
        ("start", ctypes.c_uint64),
        ("end", ctypes.c_uint64),
        ("line", ctypes.c_uint64),
        ("column", ctypes.c_uint64),
        ("text", ctypes.c_char_p),
        ("cell_reference", ctypes.c_char_p),
        ("json_path", ctypes.c_char_p),
        ("end_line", ctypes.c_uint64),
        ("location", ctypes.c_uint32),
        ("custom", ctypes.c_uint32),
        ("row", ctypes.c_uint64),
        ("cell_column", ctypes.c_uint64),
        ("record_index", ctypes.c_uint64),
        ("column_name", ctypes.c_char_p),
        ("sheet", ctypes.c_char_p),
    ]


tamis_occurrence_cb = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(tamis_occurrence), ctypes.c_void_p
)
tamis_read_cb = ctypes.CFUNCTYPE(ctypes.c_ssize_t, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t)


class tamis_scan_options(ctypes.Structure):  # noqa: N801 - the C name
    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("on_occurrence", tamis_occurrence_cb),
        ("user", ctypes.c_void_p),
        ("flags", ctypes.c_uint32),
        ("reserved", ctypes.c_uint32),
    ]


_PROTOTYPES = {
    "tamis_version": (ctypes.c_char_p, []),
    "tamis_version_number": (ctypes.c_uint32, []),
    "tamis_status_str": (ctypes.c_char_p, [ctypes.c_int]),
    "tamis_error_status": (ctypes.c_int, [handle]),
    "tamis_error_message": (ctypes.c_char_p, [handle]),
    "tamis_error_free": (None, [handle]),
    "tamis_engine_new": (ctypes.c_int, [handle_out, ctypes.c_char_p, ctypes.c_size_t, error_out]),
    "tamis_engine_free": (None, [handle]),
    "tamis_engine_serialize": (
        ctypes.c_int,
        [handle, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_size_t), error_out],
    ),
    "tamis_bytes_free": (None, [ctypes.c_void_p]),
    "tamis_engine_deserialize": (
        ctypes.c_int,
        [handle_out, ctypes.c_void_p, ctypes.c_size_t, error_out],
    ),
    "tamis_scanner_new": (ctypes.c_int, [handle_out, handle, error_out]),
    "tamis_scanner_free": (None, [handle]),
    "tamis_scan_options_init": (None, [ctypes.POINTER(tamis_scan_options)]),
    "tamis_result_count": (ctypes.c_size_t, [handle]),
    "tamis_result_json": (
        ctypes.c_int,
        [handle, ctypes.c_size_t, ctypes.POINTER(ctypes.c_char_p), ctypes.POINTER(ctypes.c_size_t)],
    ),
    "tamis_result_free": (None, [handle]),
    "tamis_scan_buffer": (
        ctypes.c_int,
        [
            handle,
            ctypes.c_void_p,
            ctypes.c_size_t,
            ctypes.c_char_p,
            ctypes.POINTER(tamis_scan_options),
            handle_out,
            error_out,
        ],
    ),
    "tamis_scan_begin": (
        ctypes.c_int,
        [handle, ctypes.c_char_p, ctypes.POINTER(tamis_scan_options), error_out],
    ),
    "tamis_scan_feed": (ctypes.c_int, [handle, ctypes.c_void_p, ctypes.c_size_t, error_out]),
    "tamis_scan_finish": (ctypes.c_int, [handle, handle_out, error_out]),
    "tamis_scan_reader": (
        ctypes.c_int,
        [
            handle,
            tamis_read_cb,
            ctypes.c_void_p,
            ctypes.c_char_p,
            ctypes.POINTER(tamis_scan_options),
            handle_out,
            error_out,
        ],
    ),
    "tamis_scan_file": (
        ctypes.c_int,
        [handle, ctypes.c_char_p, ctypes.POINTER(tamis_scan_options), handle_out, error_out],
    ),
}


def declare(lib: ctypes.CDLL) -> None:
    """Gives every entry point its C signature (ctypes would otherwise guess int everywhere)."""
    for name, (restype, argtypes) in _PROTOTYPES.items():
        function = getattr(lib, name)
        function.restype = restype
        function.argtypes = argtypes
