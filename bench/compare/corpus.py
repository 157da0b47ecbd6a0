"""The benchmark corpus as the comparison sees it: its files, its ground truth, and samples of it.

The layout is the one `tamis_corpus` writes: manifest.json and truth.jsonl at the top, data files
below (gz/ holds gzip files whose truth offsets are in the decompressed content).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

TRUTH_FILE = "truth.jsonl"
METADATA_FILES = frozenset({"manifest.json", TRUTH_FILE})


class CorpusError(RuntimeError):
    """The corpus directory or its truth file is unusable; the message says where and why."""


@dataclass(frozen=True)
class TruthEntry:
    path: str
    start: int
    end: int
    type: str
    value: str
    # False: a valid value of a keyword-required type planted without its keyword. Under Macie's
    # rules it is not sensitive; a regex-only tool cannot know that.
    keyword: bool


@dataclass(frozen=True)
class CorpusFile:
    path: str  # relative to the corpus root, '/' separated
    size: int  # bytes on disk (compressed size for gz files)

    @property
    def is_gzip(self) -> bool:
        return self.path.endswith(".gz")


def list_files(root: Path) -> list[CorpusFile]:
    if not root.is_dir():
        raise CorpusError(f"corpus directory not found: {root}")
    files = []
    for entry in sorted(root.rglob("*")):
        if not entry.is_file():
            continue
        relative = entry.relative_to(root).as_posix()
        if relative in METADATA_FILES:
            continue
        files.append(CorpusFile(relative, entry.stat().st_size))
    if not files:
        raise CorpusError(f"corpus directory has no data files: {root}")
    return files


def load_truth(root: Path) -> list[TruthEntry]:
    truth_path = root / TRUTH_FILE
    if not truth_path.is_file():
        raise CorpusError(f"no ground truth: {truth_path} is missing")
    entries = []
    with truth_path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                entries.append(
                    TruthEntry(
                        path=str(record["path"]),
                        start=int(record["start"]),
                        end=int(record["end"]),
                        type=str(record["type"]),
                        value=str(record.get("value", "")),
                        keyword=bool(record.get("keyword", True)),
                    )
                )
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
                raise CorpusError(f"{truth_path}:{number}: not a truth record ({error})") from error
    return entries


def choose_sample(files: list[CorpusFile], sample_bytes: int) -> list[CorpusFile]:
    """A deterministic sample of about sample_bytes: files in the order of a hash of their path.

    Hash order mixes the kinds (prose, logs, CSV...) the way the whole corpus does, and the same
    corpus always yields the same sample, so sampled peers are compared on identical files.
    """
    ordered = sorted(files, key=lambda f: hashlib.sha256(f.path.encode()).hexdigest())
    chosen, total = [], 0
    for corpus_file in ordered:
        if total >= sample_bytes:
            break
        chosen.append(corpus_file)
        total += corpus_file.size
    return sorted(chosen, key=lambda f: f.path)


def read_content(root: Path, relative: str) -> bytes:
    """The bytes a scanner analyses: the file itself, or the decompressed content of a gz file."""
    path = root / relative
    if relative.endswith(".gz"):
        with gzip.open(path, "rb") as stream:
            return stream.read()
    return path.read_bytes()
