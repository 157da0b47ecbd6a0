"""Scanner: one thread's scanning state over an engine (tamis_scanner)."""

from __future__ import annotations

import ctypes
import os
import threading
from typing import Any, Optional

from . import _abi, _inputs
from ._call import CallbackGuard, OccurrenceCallback, check, options, raise_for, take_result
from .results import ScanResult


class Scanner:
    """Per-thread scratch state for scanning with one Engine. Get one from `Engine.scanner()`.

    A Scanner must not be used by two threads at once (the library forbids it): a second
    concurrent call raises RuntimeError instead of corrupting memory. Engine.scan() manages one
    Scanner per thread for you.
    """

    def __init__(self, lib: ctypes.CDLL, engine_handle: ctypes.c_void_p):
        self._lib = lib
        self._handle: Optional[ctypes.c_void_p] = None
        self._busy = threading.Lock()
        self._close_pending = False
        handle = ctypes.c_void_p()
        err = ctypes.c_void_p()
        check(lib, lib.tamis_scanner_new(ctypes.byref(handle), engine_handle, ctypes.byref(err)), err)
        self._handle = handle

    # ---- lifetime ---------------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        return self._handle is None

    def close(self) -> None:
        """Frees the scanner. Called during a scan (from a callback or another thread), the scanner
        is freed when that scan ends. Closing twice is harmless."""
        if not self._busy.acquire(blocking=False):
            self._close_pending = True
            return
        try:
            self._free()
        finally:
            self._busy.release()

    def _free(self) -> None:
        handle, self._handle = self._handle, None
        if handle is not None:
            self._lib.tamis_scanner_free(handle)

    def __enter__(self) -> Scanner:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __del__(self) -> None:
        # The safety net for scanners never closed; by then no scan can be running on it.
        handle = getattr(self, "_handle", None)
        if handle is not None:
            self._handle = None
            self._lib.tamis_scanner_free(handle)

    @property
    def busy(self) -> bool:
        return self._busy.locked()

    def _acquire(self) -> ctypes.c_void_p:
        if not self._busy.acquire(blocking=False):
            raise RuntimeError(
                "this Scanner is already scanning (in another thread, or in a callback of its own "
                "scan): use one Scanner per thread, or Engine.scan()"
            )
        if self._handle is None:
            self._busy.release()
            raise ValueError("scan on a closed Scanner")
        return self._handle

    def _release(self) -> None:
        if self._close_pending:
            self._close_pending = False
            self._free()
        self._busy.release()

    # ---- scanning ---------------------------------------------------------------------------

    def scan(
        self,
        data: Any,
        *,
        name: Optional[str] = None,
        on_occurrence: Optional[OccurrenceCallback] = None,
        raw: bool = False,
    ) -> ScanResult:
        """Scans `data`, chosen by its type:

        - bytes, bytearray, memoryview or any bytes-like object: the bytes (archives walked,
          encodings decoded, CSV/JSON value by value);
        - str: the text, UTF-8 encoded (a str is never taken as a path);
        - pathlib.Path or another os.PathLike: the file at that path (scan_file);
        - a binary file-like object (has read()): streamed through readinto (scan_stream).

        `name` names the object in results (for a file, its path does). `on_occurrence` is called
        with a tamis.Hit for every occurrence as it is found; returning True stops the scan, and the
        result then has `stopped` set. `raw=True` scans the bytes as they are, without archive,
        compression, encoding or format handling.
        """
        if isinstance(data, str):
            return self.scan_bytes(data.encode("utf-8"), name=name, on_occurrence=on_occurrence, raw=raw)
        if isinstance(data, os.PathLike):
            if name is not None:
                raise TypeError("name= does not apply to a path: the path names the object")
            return self.scan_file(data, on_occurrence=on_occurrence, raw=raw)
        if _inputs.is_file_like(data):
            return self.scan_stream(data, name=name, on_occurrence=on_occurrence, raw=raw)
        return self.scan_bytes(data, name=name, on_occurrence=on_occurrence, raw=raw)

    def scan_bytes(
        self,
        data: Any,
        *,
        name: Optional[str] = None,
        on_occurrence: Optional[OccurrenceCallback] = None,
        raw: bool = False,
    ) -> ScanResult:
        """Scans a bytes-like object held in memory (tamis_scan_buffer)."""
        pointer, length = _inputs.buffer(data)
        encoded_name = _inputs.name(name)
        return self._run(
            lambda handle, opts, out, err: self._lib.tamis_scan_buffer(
                handle, pointer, length, encoded_name, opts, out, err
            ),
            on_occurrence,
            raw,
        )

    def scan_file(
        self,
        path: "str | bytes | os.PathLike[str] | os.PathLike[bytes]",
        *,
        on_occurrence: Optional[OccurrenceCallback] = None,
        raw: bool = False,
    ) -> ScanResult:
        """Scans the file at `path` (a str here is a path), reading it in bounded chunks. A missing
        or unreadable file raises ScanIOError; a file too large, not regular or a corrupt archive is
        reported in the result's status, as Macie does."""
        if not isinstance(path, (str, bytes, os.PathLike)):
            raise TypeError(f"path must be str, bytes or os.PathLike, not {type(path).__name__}")
        encoded = _inputs.path(path)
        return self._run(
            lambda handle, opts, out, err: self._lib.tamis_scan_file(handle, encoded, opts, out, err),
            on_occurrence,
            raw,
        )

    def scan_stream(
        self,
        fileobj: Any,
        *,
        name: Optional[str] = None,
        on_occurrence: Optional[OccurrenceCallback] = None,
        raw: bool = False,
    ) -> ScanResult:
        """Scans a binary file-like object as it is read (tamis_scan_reader): archives, compression
        and formats are handled while the bytes stream through, one chunk in memory at a time. The
        name defaults to the file's `name`. An exception raised by the object's read is re-raised
        here. A 7z archive, whose index is at its end, needs scan_file or scan_bytes."""
        if not _inputs.is_file_like(fileobj):
            raise TypeError(f"expected a binary file-like object, not {type(fileobj).__name__}")
        encoded_name = _inputs.name(name if name is not None else _inputs.file_name(fileobj))
        guard = CallbackGuard()
        reader = _inputs.Reader(fileobj, guard)
        return self._run(
            lambda handle, opts, out, err: self._lib.tamis_scan_reader(
                handle, reader.callback, None, encoded_name, opts, out, err
            ),
            on_occurrence,
            raw,
            guard,
        )

    def stream(
        self, *, name: Optional[str] = None, on_occurrence: Optional[OccurrenceCallback] = None
    ) -> Stream:
        """Starts a streamed text scan fed by hand: `feed(chunk)` any number of times, then
        `finish()`. The bytes are scanned as text (no archive or format handling); a match across
        two chunks is found exactly once. The scanner is busy until finish() or close()."""
        return Stream(self, name, on_occurrence)

    def _run(
        self,
        call: Any,
        on_occurrence: Optional[OccurrenceCallback],
        raw: bool,
        guard: Optional[CallbackGuard] = None,
    ) -> ScanResult:
        guard = guard or CallbackGuard()
        opts, trampoline = options(self._lib, on_occurrence, raw, guard)
        handle = self._acquire()
        try:
            out = ctypes.c_void_p()
            err = ctypes.c_void_p()
            status = call(handle, ctypes.byref(opts), ctypes.byref(out), ctypes.byref(err))
        finally:
            self._release()
        del trampoline  # kept alive until here: the library called it during the scan
        if status == _abi.TAMIS_E_STOPPED:
            self._lib.tamis_error_free(err)
            result = take_result(self._lib, out, stopped=True)
            guard.reraise()
            return result
        if status != _abi.TAMIS_OK:
            guard.reraise()
            raise_for(self._lib, status, err)
        result = take_result(self._lib, out, stopped=False)
        guard.reraise()
        return result


class Stream:
    """A streamed text scan in progress (Scanner.stream()): feed() chunks, then finish()."""

    def __init__(
        self, scanner: Scanner, name: Optional[str], on_occurrence: Optional[OccurrenceCallback]
    ):
        lib = scanner._lib
        self._scanner = scanner
        self._guard = CallbackGuard()
        # The options and callback must outlive the stream: the library calls back until finish.
        self._opts, self._trampoline = options(lib, on_occurrence, False, self._guard)
        self._handle: Optional[ctypes.c_void_p] = scanner._acquire()
        self.stopped = False
        err = ctypes.c_void_p()
        status = lib.tamis_scan_begin(
            self._handle, _inputs.name(name), ctypes.byref(self._opts), ctypes.byref(err)
        )
        if status != _abi.TAMIS_OK:
            self._end()
            raise_for(lib, status, err)

    def _end(self) -> None:
        if self._handle is not None:
            self._handle = None
            self._scanner._release()

    def _live_handle(self) -> ctypes.c_void_p:
        if self._handle is None:
            raise ValueError("this stream is finished or closed")
        return self._handle

    def feed(self, data: Any) -> bool:
        """Scans the next chunk (bytes-like, or str encoded as UTF-8). Returns False once the
        callback has stopped the scan (further chunks are then ignored), True otherwise."""
        handle = self._live_handle()
        if isinstance(data, str):
            data = data.encode("utf-8")
        pointer, length = _inputs.buffer(data)
        err = ctypes.c_void_p()
        status = self._scanner._lib.tamis_scan_feed(handle, pointer, length, ctypes.byref(err))
        if status == _abi.TAMIS_E_STOPPED:
            self._scanner._lib.tamis_error_free(err)
            self.stopped = True
            self._guard.reraise()
            return False
        check(self._scanner._lib, status, err)
        return True

    def finish(self) -> ScanResult:
        """Ends the stream and returns its result; the scanner is free again."""
        lib = self._scanner._lib
        handle = self._live_handle()
        out = ctypes.c_void_p()
        err = ctypes.c_void_p()
        try:
            status = lib.tamis_scan_finish(handle, ctypes.byref(out), ctypes.byref(err))
        finally:
            self._end()
        if status not in (_abi.TAMIS_OK, _abi.TAMIS_E_STOPPED):
            self._guard.reraise()
            raise_for(lib, status, err)
        lib.tamis_error_free(err)
        result = take_result(lib, out, stopped=status == _abi.TAMIS_E_STOPPED)
        self._guard.reraise()
        return result

    def close(self) -> None:
        """Abandons the stream if not finished (its result is discarded); the scanner is free."""
        self._end()

    def __enter__(self) -> Stream:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __del__(self) -> None:
        # A stream dropped unfinished must not leave its scanner busy for ever.
        if getattr(self, "_handle", None) is not None:
            self._end()
