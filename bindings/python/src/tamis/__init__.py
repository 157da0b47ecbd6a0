"""tamis: find and classify sensitive data the way Amazon Macie does.

The binding loads libtamis through its stable C ABI (ctypes, no compiled extension). Start with
`tamis.Engine(config)` and `engine.scan(data)`; see docs/python.md.
"""

from __future__ import annotations

from . import _loader
from .engine import Engine
from .errors import (
    ConfigError,
    DatabaseCorruptError,
    DatabaseVersionError,
    Error,
    IncompatibleLibraryError,
    InternalError,
    InvalidArgumentError,
    LibraryNotFoundError,
    OutOfMemoryError,
    ScanIOError,
    StoppedError,
    UnsupportedError,
)
from .results import (
    Category,
    Cell,
    Diagnostic,
    EmbeddedFile,
    Finding,
    Hit,
    Location,
    ObjectResult,
    Occurrence,
    Record,
    ScanResult,
    Severity,
    Status,
)
from .scanner import Scanner, Stream

__version__ = "0.1.0"


def library_version() -> str:
    """The version of the loaded libtamis ("0.1.0")."""
    return _loader.library().tamis_version().decode("ascii")


def library_path() -> str:
    """Where libtamis was loaded from."""
    return _loader.library_path()


__all__ = [
    "Category",
    "Cell",
    "ConfigError",
    "DatabaseCorruptError",
    "DatabaseVersionError",
    "Diagnostic",
    "EmbeddedFile",
    "Engine",
    "Error",
    "Finding",
    "Hit",
    "IncompatibleLibraryError",
    "InternalError",
    "InvalidArgumentError",
    "LibraryNotFoundError",
    "Location",
    "ObjectResult",
    "Occurrence",
    "OutOfMemoryError",
    "Record",
    "ScanIOError",
    "ScanResult",
    "Scanner",
    "Severity",
    "Status",
    "StoppedError",
    "Stream",
    "UnsupportedError",
    "library_path",
    "library_version",
]
