"""Turning what Python callers pass into what the C calls take: byte buffers without copying where
Python allows it, names as UTF-8, and file-like objects as a pull reader."""

from __future__ import annotations

import ctypes
import io
import os
from typing import Any, Optional

from . import _abi
from ._call import CallbackGuard


def buffer(data: Any) -> tuple[Any, int]:
    """(pointer argument, length) for any bytes-like object.

    bytes and writable contiguous buffers (bytearray, writable memoryview, array, mmap) are passed
    without a copy; read-only or non-contiguous views are copied once, because ctypes can only
    point into them through a writable export.
    """
    if isinstance(data, bytes):
        return data, len(data)
    try:
        view = memoryview(data)
    except TypeError:
        raise TypeError(
            f"expected bytes, bytearray, memoryview or another bytes-like object, "
            f"not {type(data).__name__}"
        ) from None
    if view.nbytes == 0:
        return None, 0
    if view.readonly or not view.c_contiguous:
        copy = view.tobytes()
        return copy, len(copy)
    flat = view.cast("B")
    return (ctypes.c_char * flat.nbytes).from_buffer(flat), flat.nbytes


def name(value: Optional[str]) -> Optional[bytes]:
    """An object name as the library wants it (UTF-8; undecodable file-name bytes kept as is)."""
    if value is None:
        return None
    if isinstance(value, os.PathLike):
        return os.fsencode(value)
    if not isinstance(value, str):
        raise TypeError(f"name must be a str, not {type(value).__name__}")
    if "\0" in value:
        raise ValueError("name must not contain NUL characters")
    return value.encode("utf-8", "surrogateescape")


def path(value: "os.PathLike[str] | os.PathLike[bytes]") -> bytes:
    encoded = os.fsencode(value)
    if b"\0" in encoded:
        raise ValueError("path must not contain NUL characters")
    return encoded


def is_file_like(data: Any) -> bool:
    return callable(getattr(data, "read", None))


def file_name(fileobj: Any) -> Optional[str]:
    """The name of an opened file (open() sets it), used as the object's name by default."""
    value = getattr(fileobj, "name", None)
    return os.fspath(value) if isinstance(value, (str, os.PathLike)) else None


class Reader:
    """A tamis_read_cb pulling from a binary file-like object, straight into the library's buffer
    (readinto) when the object has it, so nothing beyond one chunk is ever held in Python."""

    def __init__(self, fileobj: Any, guard: CallbackGuard):
        if isinstance(fileobj, io.TextIOBase):
            raise TypeError("file-like objects must be opened in binary mode ('rb'), not text mode")
        self._fileobj = fileobj
        self._readinto = getattr(fileobj, "readinto", None)
        self._guard = guard
        self.callback = _abi.tamis_read_cb(self._read)

    def _read(self, _user: Any, buffer_address: int, capacity: int) -> int:
        if self._guard.error is not None:
            return -1
        try:
            target = memoryview((ctypes.c_ubyte * capacity).from_address(buffer_address)).cast("B")
            if self._readinto is not None:
                count = self._readinto(target)
            else:
                chunk = self._fileobj.read(capacity)
                if isinstance(chunk, str):
                    raise TypeError("read() returned str: open the file in binary mode ('rb')")
                count = len(chunk)
                if count > capacity:
                    raise ValueError(f"read({capacity}) returned {count} bytes")
                target[:count] = chunk
            if count is None:
                raise BlockingIOError("the file-like object has no data now (non-blocking)")
            return count
        except BaseException as error:  # noqa: BLE001 - re-raised once the scan returns
            self._guard.error = error
            return -1
