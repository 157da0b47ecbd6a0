"""Findings from tamis's JSON Lines results (docs/result-schema.md).

Text occurrences carry byte offsets (`offsetRanges`). Occurrences in CSV cells and JSON Lines
records carry a cell or record position and an offset inside the value; they are turned back into
byte ranges of the file with cell_locator, so every tool is matched against the truth the same way.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from cell_locator import csv_cell_starts, line_starts, locate_in_line
from corpus import read_content
from metrics import Finding


class ResultError(ValueError):
    """A result line is not a tamis result; the message says which line and why."""


def relative_object_path(key: str, root_prefix: str, scanned: set[str]) -> str:
    """The corpus file a result belongs to. A gz file's result is that of its member
    (`gz/app.log.gz/app.log`): it belongs to `gz/app.log.gz`."""
    relative = key[len(root_prefix) :] if root_prefix and key.startswith(root_prefix) else key
    relative = relative.lstrip("/")
    if relative in scanned:
        return relative
    parts = relative.split("/")
    for cut in range(len(parts) - 1, 0, -1):
        candidate = "/".join(parts[:cut])
        if candidate in scanned:
            return candidate
    return relative


class _ContentCache:
    def __init__(self, root: Path) -> None:
        self._root = root
        self._path: str | None = None
        self._content = b""
        self._cells: list[list[tuple[int, int]]] | None = None
        self._records: list[int] | None = None

    def _load(self, path: str) -> None:
        if path != self._path:
            self._path = path
            self._content = read_content(self._root, path)
            self._cells = None
            self._records = None

    def cell_start(self, path: str, row: int, column: int) -> int | None:
        self._load(path)
        if self._cells is None:
            self._cells = csv_cell_starts(self._content)
        if 1 <= row <= len(self._cells) and 1 <= column <= len(self._cells[row - 1]):
            return self._cells[row - 1][column - 1][0]
        return None

    def record_range(self, path: str, record: int, text: str) -> tuple[int, int] | None:
        self._load(path)
        if self._records is None:
            # tamis counts JSON values, so blank lines are not records.
            starts = line_starts(self._content)
            self._records = [s for i, s in enumerate(starts) if self._line(starts, i).strip()]
        return locate_in_line(self._content, self._records, record, text) if self._records else None

    def _line(self, starts: list[int], index: int) -> bytes:
        end = starts[index + 1] if index + 1 < len(starts) else len(self._content)
        return self._content[starts[index] : end]


def _occurrence_ranges(occurrences: dict, path: str, cache: _ContentCache) -> Iterable[tuple[int, int]]:
    for offset in occurrences.get("offsetRanges") or []:
        yield offset["start"], offset["end"]
    for cell in occurrences.get("cells") or []:
        start = cache.cell_start(path, cell["row"], cell["column"])
        inner = cell.get("tamisOffsetRange") or {"start": 0, "end": 0}
        if start is not None:
            yield start + inner["start"], start + inner["end"]
    for record in occurrences.get("records") or []:
        located = cache.record_range(path, record["recordIndex"], record.get("tamisText") or "")
        if located is not None:
            yield located


def parse_tamis(lines: Iterable[str], root: Path, scanned: set[str], key_prefix: str = "") -> list[Finding]:
    """Findings of tamis results whose keys are corpus-relative paths, after key_prefix if any."""
    cache = _ContentCache(root)
    findings: list[Finding] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            result = json.loads(line)
            key = result["resourcesAffected"]["s3Object"]["key"]
            details = result["classificationDetails"]["result"]
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise ResultError(f"tamis output line {number}: not a discovery result ({error})") from error
        path = relative_object_path(key, key_prefix, scanned)
        detections = [d for category in details.get("sensitiveData") or [] for d in category["detections"]]
        custom = (details.get("customDataIdentifiers") or {}).get("detections") or []
        for detection in detections + custom:
            name = detection.get("type") or detection.get("name")
            for start, end in _occurrence_ranges(detection["occurrences"], path, cache):
                findings.append(Finding(path, start, end, name, name))
    return findings
