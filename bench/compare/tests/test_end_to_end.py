"""compare.py from the command line with tamis and cat on the tiny corpus: the tables, the JSON and
the scores tamis gets there. TAMIS_CLI names the tamis binary (ctest passes the one it built)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

COMPARE = Path(__file__).resolve().parent.parent / "compare.py"
TAMIS = os.environ.get("TAMIS_CLI", "")

needs_tamis = pytest.mark.skipif(not Path(TAMIS).is_file(), reason="TAMIS_CLI does not name the tamis binary")


def _compare(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(COMPARE), *arguments], capture_output=True, text=True, check=False)


@needs_tamis
def test_tamis_and_cat_are_timed_and_scored(tiny_corpus: Path, tmp_path: Path):
    out = tmp_path / "numbers.json"
    completed = _compare("--corpus", str(tiny_corpus), "--tools", "tamis,cat", "--tamis", TAMIS, "--skip-install",
                         "--threads", "1", "--work-dir", str(tmp_path / "work"), "--json-out", str(out), "--markdown")
    assert completed.returncode == 0, completed.stderr
    assert "| tool | files | MB | wall s |" in completed.stdout
    assert "| tamis | USA_SOCIAL_SECURITY_NUMBER | value | 3 | 1.000 | 1.000 |" in completed.stdout
    numbers = json.loads(out.read_text())
    tamis, cat = numbers["tamis"], numbers["cat"]
    sizes = {p.relative_to(tiny_corpus).as_posix(): p.stat().st_size for p in tiny_corpus.rglob("*") if p.is_file()}
    assert tamis["files"] == 6 and tamis["bytes"] == sum(s for p, s in sizes.items() if "/" in p)
    assert cat["files"] == 5  # cat reads the plain files; zcat is the floor for gz/
    assert tamis["measurement"]["wall_seconds"] > 0 and tamis["measurement"]["peak_rss_bytes"] > 0
    macie = tamis["scores"]["macie"]
    # The keywordless card is not sensitive under Macie's rules, and tamis does not report it.
    assert (macie["CREDIT_CARD_NUMBER"]["positives"], macie["CREDIT_CARD_NUMBER"]["recall"]) == (2, 1.0)
    assert tamis["scores"]["any-valid"]["CREDIT_CARD_NUMBER"]["recall"] == pytest.approx(2 / 3)
    assert all(score["precision"] == 1.0 for score in macie.values() if score["findings"])
    assert "EMAIL_ADDRESS" not in macie  # not in tamis's default selection: not scored for it


def test_unknown_tool_is_refused(tiny_corpus: Path):
    completed = _compare("--corpus", str(tiny_corpus), "--tools", "tamis,grepx", "--skip-install")
    assert completed.returncode == 2
    assert "unknown tool(s) grepx" in completed.stderr


def test_missing_truth_is_a_clear_error(tiny_corpus: Path):
    (tiny_corpus / "truth.jsonl").unlink()
    completed = _compare("--corpus", str(tiny_corpus), "--tools", "cat", "--skip-install")
    assert completed.returncode == 2
    assert "no ground truth" in completed.stderr


def test_missing_tamis_binary_is_a_clear_error(tiny_corpus: Path, tmp_path: Path):
    completed = _compare("--corpus", str(tiny_corpus), "--tools", "tamis", "--tamis", str(tmp_path / "nope"))
    assert completed.returncode == 2
    assert "tamis CLI not found" in completed.stderr


ALTERNATE = Path(__file__).resolve().parent.parent / "alternate_runs.py"


@needs_tamis
def test_alternate_runs_times_every_build_each_round(tiny_corpus: Path):
    completed = subprocess.run([sys.executable, str(ALTERNATE), "--rounds", "2", str(tiny_corpus),
                                f"before={TAMIS}", f"after={TAMIS}"], capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    assert "2 alternating rounds, one thread" in lines[0]
    assert [line.split()[0] for line in lines[1:]] == ["before", "after"]
    assert all("MB/s" in line and " best " in line and " median " in line for line in lines[1:])


def test_alternate_runs_refuses_a_build_that_is_not_an_executable(tiny_corpus: Path, tmp_path: Path):
    completed = subprocess.run([sys.executable, str(ALTERNATE), str(tiny_corpus), f"x={tmp_path / 'nope'}"],
                               capture_output=True, text=True, check=False)
    assert completed.returncode != 0
    assert "not LABEL=EXECUTABLE" in completed.stderr
