"""Runs pytest with the given arguments, or exits 77 (ctest's SKIP_RETURN_CODE) when pytest is not
installed, so a machine without it reports the tests as skipped rather than failed."""

import importlib.util
import sys

if importlib.util.find_spec("pytest") is None:
    print("pytest is not installed: bench.compare tests skipped (pip install pytest)")
    sys.exit(77)

import pytest  # noqa: E402

sys.exit(pytest.main(sys.argv[1:]))
