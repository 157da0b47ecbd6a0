"""Engine: a compiled configuration (tamis_engine), shared by every thread."""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import threading
import weakref
from typing import Any, Iterator, Optional, Union

from . import _inputs, _loader
from ._call import OccurrenceCallback, check
from .results import ScanResult
from .scanner import Scanner

Config = Union[dict, str, bytes, "os.PathLike[str]", None]


def _config_bytes(config: Config) -> Optional[bytes]:
    if config is None:
        return None
    if isinstance(config, dict):
        return json.dumps(config).encode("utf-8")
    if isinstance(config, str):
        return config.encode("utf-8")
    if isinstance(config, bytes):
        return config
    if isinstance(config, os.PathLike):
        with open(config, "rb") as file:
            return file.read()
    raise TypeError(
        "config must be a dict, JSON text (str or bytes), a path to a JSON file (os.PathLike) or "
        f"None for the defaults, not {type(config).__name__}"
    )


class Engine:
    """The compiled identifiers, custom identifiers and allow lists of one configuration.

    `config` is the configuration of docs/config.md as a dict, as JSON text (str or bytes) or as a
    path to a JSON file (pathlib.Path); None builds Macie's recommended managed identifiers. An
    invalid configuration raises ConfigError with the parser's message.

    An Engine is immutable and safe to share: `engine.scan()` may be called from any number of
    threads at once (each thread gets its own Scanner, created on first use). Scans release the GIL.
    """

    def __init__(self, config: Config = None):
        self._init(_loader.library())
        encoded = _config_bytes(config)
        handle = ctypes.c_void_p()
        err = ctypes.c_void_p()
        status = self._lib.tamis_engine_new(
            ctypes.byref(handle), encoded, len(encoded) if encoded else 0, ctypes.byref(err)
        )
        check(self._lib, status, err)
        self._handle = handle

    def _init(self, lib: ctypes.CDLL) -> None:
        self._lib = lib
        self._handle: Optional[ctypes.c_void_p] = None
        # Guards the handle against close() while another thread makes a scanner or serialises.
        self._lock = threading.Lock()
        self._local = threading.local()
        self._thread_scanners: weakref.WeakSet[Scanner] = weakref.WeakSet()

    @classmethod
    def deserialize(cls, blob: Any) -> Engine:
        """Loads an engine from serialize()'s bytes, skipping the regex compilation. A blob from
        another tamis version, Hyperscan build or CPU raises DatabaseVersionError; a truncated,
        damaged or foreign blob raises DatabaseCorruptError. Either way, build from the config."""
        engine = cls.__new__(cls)
        engine._init(_loader.library())
        pointer, length = _inputs.buffer(blob)
        handle = ctypes.c_void_p()
        err = ctypes.c_void_p()
        status = engine._lib.tamis_engine_deserialize(
            ctypes.byref(handle), pointer, length, ctypes.byref(err)
        )
        check(engine._lib, status, err)
        engine._handle = handle
        return engine

    def serialize(self) -> bytes:
        """The engine as one self-contained blob (configuration and compiled databases) to cache,
        keyed by your configuration; it is tied to this tamis version, Hyperscan build and CPU."""
        with self._lock:
            handle = self._live_handle()
            data = ctypes.c_void_p()
            length = ctypes.c_size_t()
            err = ctypes.c_void_p()
            status = self._lib.tamis_engine_serialize(
                handle, ctypes.byref(data), ctypes.byref(length), ctypes.byref(err)
            )
            check(self._lib, status, err)
            try:
                return ctypes.string_at(data, length.value)
            finally:
                self._lib.tamis_bytes_free(data)

    # ---- lifetime ---------------------------------------------------------------------------

    def _live_handle(self) -> ctypes.c_void_p:
        if self._handle is None:
            raise ValueError("operation on a closed Engine")
        return self._handle

    @property
    def closed(self) -> bool:
        return self._handle is None

    def close(self) -> None:
        """Frees the engine. Scanners made from it keep working (they keep the compiled engine
        alive); the per-thread scanners of engine.scan() are freed, after any scan in progress."""
        with self._lock:
            handle, self._handle = self._handle, None
            scanners = list(self._thread_scanners)
        if handle is not None:
            self._lib.tamis_engine_free(handle)
        for scanner in scanners:
            scanner.close()

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __del__(self) -> None:
        handle = getattr(self, "_handle", None)
        if handle is not None:
            self._handle = None
            self._lib.tamis_engine_free(handle)

    # ---- scanning ---------------------------------------------------------------------------

    def scanner(self) -> Scanner:
        """A new Scanner for explicit control: use it from one thread at a time, close() it."""
        with self._lock:
            return Scanner(self._lib, self._live_handle())

    def _thread_scanner(self) -> Scanner:
        scanner: Optional[Scanner] = getattr(self._local, "scanner", None)
        if scanner is None or scanner.closed:
            scanner = self.scanner()
            self._local.scanner = scanner
            self._thread_scanners.add(scanner)
        return scanner

    @contextlib.contextmanager
    def _call_scanner(self) -> Iterator[Scanner]:
        """This thread's scanner, or a scanner of its own for a scan nested in an occurrence
        callback of this thread's scan (a scanner is not re-entrant)."""
        self._live_handle()
        scanner = self._thread_scanner()
        if not scanner.busy:
            yield scanner
            return
        with self.scanner() as nested:
            yield nested

    def scan(
        self,
        data: Any,
        *,
        name: Optional[str] = None,
        on_occurrence: Optional[OccurrenceCallback] = None,
        raw: bool = False,
    ) -> ScanResult:
        """Scans bytes, str (as text), a path (pathlib.Path) or a binary file-like object with this
        thread's scanner; see Scanner.scan for each kind. Safe from any number of threads."""
        with self._call_scanner() as scanner:
            return scanner.scan(data, name=name, on_occurrence=on_occurrence, raw=raw)

    def scan_file(
        self,
        path: "str | bytes | os.PathLike[str] | os.PathLike[bytes]",
        *,
        on_occurrence: Optional[OccurrenceCallback] = None,
        raw: bool = False,
    ) -> ScanResult:
        """Scans the file at `path` (here a str is a path) with this thread's scanner."""
        with self._call_scanner() as scanner:
            return scanner.scan_file(path, on_occurrence=on_occurrence, raw=raw)
