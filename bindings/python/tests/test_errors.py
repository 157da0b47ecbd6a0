"""The exception hierarchy mirrors tamis.h's status codes."""

from __future__ import annotations

import ctypes

import pytest

import tamis
from tamis import _loader
from tamis.errors import error_for

STATUSES = {
    -1: (tamis.InvalidArgumentError, "TAMIS_E_INVALID_ARG", ValueError),
    -2: (tamis.OutOfMemoryError, "TAMIS_E_NOMEM", MemoryError),
    -3: (tamis.ConfigError, "TAMIS_E_CONFIG", ValueError),
    -4: (tamis.ScanIOError, "TAMIS_E_IO", OSError),
    -5: (tamis.StoppedError, "TAMIS_E_STOPPED", tamis.Error),
    -6: (tamis.UnsupportedError, "TAMIS_E_UNSUPPORTED", tamis.Error),
    -7: (tamis.DatabaseVersionError, "TAMIS_E_DB_VERSION", tamis.Error),
    -8: (tamis.DatabaseCorruptError, "TAMIS_E_DB_CORRUPT", tamis.Error),
    -99: (tamis.InternalError, "TAMIS_E_INTERNAL", tamis.Error),
}


@pytest.mark.parametrize("status", sorted(STATUSES))
def test_one_class_per_status_named_as_the_library_names_it(status):
    cls, name, builtin = STATUSES[status]
    library_name = _loader.library().tamis_status_str(status).decode()
    assert library_name == name
    error = error_for(status, "what happened", library_name)
    assert type(error) is cls
    assert isinstance(error, tamis.Error) and isinstance(error, builtin)
    assert (error.status, error.status_name, error.message) == (status, name, "what happened")
    assert str(error) == f"what happened [{name}]"


def test_unknown_status_gives_the_base_class():
    error = error_for(-1234, "new in a later tamis", "unknown status")
    assert type(error) is tamis.Error
    assert error.status == -1234


def test_library_status_becomes_the_matching_exception():
    # A scanner without an engine is TAMIS_E_INVALID_ARG; the binding never makes that call, so
    # make it here to prove a library status reaches Python as InvalidArgumentError.
    from tamis._call import check

    lib = _loader.library()
    err = ctypes.c_void_p()
    status = lib.tamis_scanner_new(ctypes.byref(ctypes.c_void_p()), None, ctypes.byref(err))
    with pytest.raises(tamis.InvalidArgumentError) as caught:
        check(lib, status, err)
    assert caught.value.status == -1 and caught.value.message
