"""What every call into libtamis shares: turning a failed status into an exception, taking
ownership of a result handle, and adapting Python callbacks to the C ones."""

from __future__ import annotations

import ctypes
from typing import Callable, Optional

from . import _abi
from .errors import error_for
from .results import Category, Cell, Hit, Location, Occurrence, Record, Severity, ScanResult
from .results import parse_object_result

OccurrenceCallback = Callable[[Hit], Optional[bool]]

_CATEGORIES = {
    1: Category.CREDENTIALS,
    2: Category.FINANCIAL_INFORMATION,
    3: Category.PERSONAL_INFORMATION,
    4: Category.CUSTOM_IDENTIFIER,
}


def raise_for(lib: ctypes.CDLL, status: int, err: ctypes.c_void_p) -> None:
    """Raises the Error of a failed call (status != TAMIS_OK); frees the tamis_error."""
    try:
        message = lib.tamis_error_message(err).decode("utf-8", "replace") if err else ""
    finally:
        lib.tamis_error_free(err)
    name = lib.tamis_status_str(status).decode("ascii", "replace")
    raise error_for(status, message or name, name)


def check(lib: ctypes.CDLL, status: int, err: ctypes.c_void_p) -> None:
    if status != _abi.TAMIS_OK:
        raise_for(lib, status, err)


def take_result(lib: ctypes.CDLL, handle: ctypes.c_void_p, stopped: bool) -> ScanResult:
    """Reads every document of a tamis_result into a ScanResult and frees the handle."""
    try:
        texts = []
        for index in range(lib.tamis_result_count(handle)):
            text = ctypes.c_char_p()
            length = ctypes.c_size_t()
            status = lib.tamis_result_json(handle, index, ctypes.byref(text), ctypes.byref(length))
            if status != _abi.TAMIS_OK:
                raise error_for(status, f"result {index} unreadable", "TAMIS_E_INTERNAL")
            texts.append(ctypes.string_at(text, length.value).decode("utf-8"))
    finally:
        lib.tamis_result_free(handle)
    return ScanResult(tuple(parse_object_result(text) for text in texts), stopped=stopped)


def _string(occurrence: _abi.tamis_occurrence, name: str) -> Optional[str]:
    value = getattr(occurrence, name)
    return value.decode("utf-8", "replace") if value else None


def _within(occurrence: _abi.tamis_occurrence, name: str) -> bool:
    """Whether the library's struct is long enough to hold this field (versioned structs)."""
    member = getattr(_abi.tamis_occurrence, name)
    return member.offset + member.size <= occurrence.struct_size


def hit_from(occurrence: _abi.tamis_occurrence) -> Hit:
    """A Hit copied out of the borrowed C occurrence (valid only during the callback)."""
    location = occurrence.location if _within(occurrence, "location") else _abi.TAMIS_LOCATION_TEXT
    text = _string(occurrence, "text") or ""
    if location == _abi.TAMIS_LOCATION_CELL and _within(occurrence, "sheet"):
        cell = Cell(
            row=occurrence.row,
            column=occurrence.cell_column,
            reference=_string(occurrence, "cell_reference") or "",
            column_name=_string(occurrence, "column_name"),
            sheet=_string(occurrence, "sheet"),
        )
        found = Occurrence(Location.CELL, occurrence.start, occurrence.end, text, cell=cell)
    elif location == _abi.TAMIS_LOCATION_RECORD and _within(occurrence, "record_index"):
        record = Record(occurrence.record_index, _string(occurrence, "json_path") or "")
        found = Occurrence(Location.RECORD, occurrence.start, occurrence.end, text, record=record)
    else:
        end_line = occurrence.end_line if _within(occurrence, "end_line") else occurrence.line
        found = Occurrence(
            Location.TEXT,
            occurrence.start,
            occurrence.end,
            text,
            line=occurrence.line,
            end_line=end_line,
            column=occurrence.column,
        )
    return Hit(
        object_path=_string(occurrence, "object_path") or "",
        type=_string(occurrence, "type") or "",
        category=_CATEGORIES.get(occurrence.category, Category.CUSTOM_IDENTIFIER),
        severity=Severity(occurrence.severity) if occurrence.severity <= 3 else Severity.HIGH,
        occurrence=found,
    )


class CallbackGuard:
    """Holds a Python exception raised inside a C callback until the C call returns.

    ctypes cannot propagate an exception through C: the callback records it and asks the library
    to stop, and the caller re-raises it once control is back in Python.
    """

    def __init__(self) -> None:
        self.error: Optional[BaseException] = None

    def reraise(self) -> None:
        if self.error is not None:
            error, self.error = self.error, None
            raise error


def options(
    lib: ctypes.CDLL, on_occurrence: Optional[OccurrenceCallback], raw: bool, guard: CallbackGuard
) -> tuple[_abi.tamis_scan_options, object]:
    """The scan options and the C callback object, which the caller must keep alive until the scan
    ends (ctypes frees the trampoline with it)."""
    opts = _abi.tamis_scan_options()
    lib.tamis_scan_options_init(ctypes.byref(opts))
    opts.flags = _abi.TAMIS_SCAN_RAW if raw else 0
    trampoline: object = None
    if on_occurrence is not None:
        if not callable(on_occurrence):
            raise TypeError("on_occurrence must be callable (a function taking a tamis.Hit)")

        def call(occurrence_ptr, _user):  # type: ignore[no-untyped-def]
            if guard.error is not None:
                return 1
            try:
                return 1 if on_occurrence(hit_from(occurrence_ptr.contents)) else 0
            except BaseException as error:  # noqa: BLE001 - re-raised by the caller
                guard.error = error
                return 1

        trampoline = _abi.tamis_occurrence_cb(call)
        opts.on_occurrence = trampoline
    return opts, trampoline

