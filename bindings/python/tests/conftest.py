"""Shared fixtures. ctest sets TAMIS_LIBRARY (the freshly built libtamis.so) and TAMIS_REPO_ROOT;
run by hand, set TAMIS_LIBRARY yourself (docs/python.md)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import tamis

SSN_CONFIG = {
    "managedDataIdentifierSelector": "INCLUDE",
    "managedDataIdentifierIds": ["USA_SOCIAL_SECURITY_NUMBER"],
}
# Two SSNs next to their keyword, on lines 3 and 4.
SENSITIVE_TEXT = "Employee record\nName: Jane Doe\nSSN: 536-22-4871\nBackup SSN: 536-22-4871\n"
CLEAN_TEXT = "Nothing to see here.\nJust prose, no identifiers.\n"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    root = Path(os.environ.get("TAMIS_REPO_ROOT", Path(__file__).resolve().parents[3]))
    assert (root / "corpus").is_dir(), f"{root} is not the tamis repository (set TAMIS_REPO_ROOT)"
    return root


@pytest.fixture(scope="session")
def library_file() -> Path:
    value = os.environ.get("TAMIS_LIBRARY")
    assert value, "set TAMIS_LIBRARY to the built libtamis.so (ctest does)"
    return Path(value)


@pytest.fixture(scope="session")
def ssn_engine() -> tamis.Engine:
    """An engine with one identifier: fast to build, shared by the tests that only read it."""
    with tamis.Engine(SSN_CONFIG) as engine:
        yield engine


@pytest.fixture(scope="session")
def default_engine() -> tamis.Engine:
    with tamis.Engine() as engine:
        yield engine
