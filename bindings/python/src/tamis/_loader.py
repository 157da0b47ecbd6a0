"""Finds and loads libtamis, once, on first use.

Order: the TAMIS_LIBRARY environment variable (a full path: when set, nothing else is tried, so a
wrong path is an error rather than a silent fallback), then a libtamis shared library next to this
package (a vendored copy or a wheel), then the system loader (ctypes.util.find_library, then the
soname itself, which honours LD_LIBRARY_PATH).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
import threading
from pathlib import Path

from . import _abi
from .errors import IncompatibleLibraryError, LibraryNotFoundError

ENVIRONMENT_VARIABLE = "TAMIS_LIBRARY"

if sys.platform == "darwin":
    _FILE_NAMES = ("libtamis.0.dylib", "libtamis.dylib")
elif sys.platform == "win32":
    _FILE_NAMES = ("tamis.dll",)
else:
    _FILE_NAMES = ("libtamis.so.0", "libtamis.so")

_lock = threading.Lock()
_loaded: ctypes.CDLL | None = None
_loaded_from: str | None = None


def _candidates() -> list[str]:
    """Paths and names to try when TAMIS_LIBRARY is not set, in order."""
    package_dir = Path(__file__).resolve().parent
    candidates = [str(package_dir / name) for name in _FILE_NAMES]
    found = ctypes.util.find_library("tamis")
    if found:
        candidates.append(found)
    candidates.extend(_FILE_NAMES)  # the bare soname: the loader's own search path
    return candidates


def _open(candidates: list[str], explicit: bool) -> tuple[ctypes.CDLL, str]:
    tried = []
    for candidate in candidates:
        if os.sep in candidate and not os.path.exists(candidate):
            tried.append(f"{candidate}: no such file")
            continue
        try:
            return ctypes.CDLL(candidate), candidate
        except OSError as error:
            tried.append(f"{candidate}: {error}")
    hint = (
        f"{ENVIRONMENT_VARIABLE} names a library that cannot be loaded"
        if explicit
        else f"set {ENVIRONMENT_VARIABLE} to the full path of libtamis.so (built in "
        "<build>/capi/), put it next to the tamis package, or on the loader's path"
    )
    raise LibraryNotFoundError("cannot load libtamis: " + hint + ". Tried:\n  " + "\n  ".join(tried))


def _check_version(lib: ctypes.CDLL, where: str) -> None:
    number = lib.tamis_version_number()
    if number // 10000 != _abi.ABI_MAJOR:
        raise IncompatibleLibraryError(
            f"{where} is tamis {lib.tamis_version().decode()}, but this binding supports ABI "
            f"major version {_abi.ABI_MAJOR} only"
        )


def library() -> ctypes.CDLL:
    """The loaded libtamis, its functions declared; raises LibraryNotFoundError naming attempts."""
    global _loaded, _loaded_from
    with _lock:
        if _loaded is None:
            explicit = os.environ.get(ENVIRONMENT_VARIABLE)
            if explicit:
                lib, where = _open([explicit], explicit=True)
            else:
                lib, where = _open(_candidates(), explicit=False)
            try:
                _abi.declare(lib)
            except AttributeError as error:
                raise IncompatibleLibraryError(
                    f"{where} lacks a function this binding needs (not libtamis, or too old): {error}"
                ) from None
            _check_version(lib, where)
            _loaded, _loaded_from = lib, where
        return _loaded


def library_path() -> str:
    """Where libtamis was loaded from (a path, or the name the system loader resolved)."""
    library()
    assert _loaded_from is not None
    return _loaded_from
