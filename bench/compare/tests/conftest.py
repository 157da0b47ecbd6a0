"""Shared fixtures: the modules under test are imported from bench/compare, and the tiny corpus is
written afresh for each test that needs it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from tiny_corpus import write_tiny_corpus  # noqa: E402

FIXTURES = HERE / "fixtures"


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    write_tiny_corpus(root)
    return root
