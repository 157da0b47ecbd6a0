"""The exceptions of the tamis binding: one class per tamis_status code of tamis.h.

Every failed library call raises a subclass of `Error` carrying the status code, its C name and the
library's message. Classes also derive from the closest builtin (ValueError, OSError,
MemoryError) so generic handlers keep working.
"""

from __future__ import annotations

from . import _abi


class Error(Exception):
    """A tamis call failed. `status` is the tamis_status code, `status_name` its C name."""

    status: int = _abi.TAMIS_E_INTERNAL
    status_name: str = "TAMIS_E_INTERNAL"

    def __init__(self, message: str, status: int | None = None, status_name: str | None = None):
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status
        if status_name is not None:
            self.status_name = status_name

    def __str__(self) -> str:
        return f"{self.message} [{self.status_name}]"


class InvalidArgumentError(Error, ValueError):
    """An argument the library rejected, or a call out of sequence (TAMIS_E_INVALID_ARG)."""

    status, status_name = _abi.TAMIS_E_INVALID_ARG, "TAMIS_E_INVALID_ARG"


class OutOfMemoryError(Error, MemoryError):
    """The library ran out of memory (TAMIS_E_NOMEM)."""

    status, status_name = _abi.TAMIS_E_NOMEM, "TAMIS_E_NOMEM"


class ConfigError(Error, ValueError):
    """The configuration is invalid; the message says where and why (TAMIS_E_CONFIG)."""

    status, status_name = _abi.TAMIS_E_CONFIG, "TAMIS_E_CONFIG"


class ScanIOError(Error, OSError):
    """A file could not be opened or read (TAMIS_E_IO)."""

    status, status_name = _abi.TAMIS_E_IO, "TAMIS_E_IO"


class StoppedError(Error):
    """The scan was stopped by the occurrence callback (TAMIS_E_STOPPED).

    A stopped `scan()` does not raise it (its result says `stopped`); a stream fed after its
    callback stopped it does.
    """

    status, status_name = _abi.TAMIS_E_STOPPED, "TAMIS_E_STOPPED"


class UnsupportedError(Error):
    """Unknown flag bits or struct fields: library older than the binding (TAMIS_E_UNSUPPORTED)."""

    status, status_name = _abi.TAMIS_E_UNSUPPORTED, "TAMIS_E_UNSUPPORTED"


class DatabaseVersionError(Error):
    """A serialised engine from another tamis, Hyperscan build or CPU (TAMIS_E_DB_VERSION)."""

    status, status_name = _abi.TAMIS_E_DB_VERSION, "TAMIS_E_DB_VERSION"


class DatabaseCorruptError(Error):
    """A serialised engine damaged, truncated or not an engine at all (TAMIS_E_DB_CORRUPT)."""

    status, status_name = _abi.TAMIS_E_DB_CORRUPT, "TAMIS_E_DB_CORRUPT"


class InternalError(Error):
    """A bug in tamis: please report the message (TAMIS_E_INTERNAL)."""

    status, status_name = _abi.TAMIS_E_INTERNAL, "TAMIS_E_INTERNAL"


class LibraryNotFoundError(ImportError):
    """libtamis could not be loaded; the message lists every place that was tried."""


class IncompatibleLibraryError(ImportError):
    """The loaded libtamis has another ABI major version than this binding supports."""


_BY_STATUS: dict[int, type[Error]] = {
    cls.status: cls
    for cls in (
        InvalidArgumentError,
        OutOfMemoryError,
        ConfigError,
        ScanIOError,
        StoppedError,
        UnsupportedError,
        DatabaseVersionError,
        DatabaseCorruptError,
        InternalError,
    )
}


def error_for(status: int, message: str, status_name: str) -> Error:
    """The exception for a status; a code this binding does not know gives the base class."""
    cls = _BY_STATUS.get(status)
    if cls is None:
        return Error(message, status, status_name)
    return cls(message)
