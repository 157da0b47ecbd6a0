"""Findings from each peer's own output format, as byte ranges in the corpus files.

Every peer runs with the corpus root as its working directory and relative paths, so the paths in
its output are corpus-relative (a leading './' is dropped). Rule and entity names are mapped to
truth types with type_map; the byte range decides between candidate types.
"""

from __future__ import annotations

import json
import re
from base64 import b64decode
from collections import defaultdict
from pathlib import Path
from typing import Iterable

import regex_set
import type_map
from cell_locator import line_starts
from corpus import TruthEntry, read_content
from metrics import Finding


class PeerOutputError(ValueError):
    """A peer's output is not in the format expected; the message says which tool and where."""


def _normalise(path: str) -> str:
    return path[2:] if path.startswith("./") else path


class _Lines:
    """Line start offsets of corpus files, read on demand (gz files decompressed)."""

    def __init__(self, root: Path) -> None:
        self._root = root
        self._cache: dict[str, tuple[bytes, list[int]]] = {}

    def span(self, path: str, line_number: int) -> tuple[bytes, int, int] | None:
        if path not in self._cache:
            content = read_content(self._root, path)
            self._cache = {path: (content, line_starts(content))}
        content, starts = self._cache[path]
        if not 1 <= line_number <= len(starts):
            return None
        end = starts[line_number] if line_number < len(starts) else len(content)
        return content, starts[line_number - 1], end


def _by_path(truth: list[TruthEntry]) -> dict[str, list[TruthEntry]]:
    grouped: dict[str, list[TruthEntry]] = defaultdict(list)
    for entry in truth:
        grouped[entry.path].append(entry)
    return grouped


def _finding(table: dict, rule: str, path: str, start: int | None, end: int | None, truth_by_path) -> Finding:
    candidates = table.get(rule, ())
    return Finding(path, start, end, rule, type_map.resolve_type(candidates, path, start, end, truth_by_path))


def parse_gitleaks(report: str, root: Path, truth: list[TruthEntry]) -> list[Finding]:
    """gitleaks' JSON report: a list of findings with File, StartLine and the Secret text.

    The Secret is looked up from the start of its StartLine (multi-line secrets such as private keys
    span to EndLine); when it cannot be found the finding covers its whole lines."""
    try:
        records = json.loads(report) if report.strip() else []
    except json.JSONDecodeError as error:
        raise PeerOutputError(f"gitleaks report is not JSON: {error}") from error
    lines = _Lines(root)
    truth_by_path = _by_path(truth)
    findings = []
    for record in records:
        try:
            path = _normalise(record["File"]).split("!", 1)[0]
            first, last = int(record["StartLine"]), int(record["EndLine"])
            secret = str(record.get("Secret") or record.get("Match") or "")
            rule = str(record["RuleID"])
        except (KeyError, TypeError, ValueError) as error:
            raise PeerOutputError(f"gitleaks finding without File/StartLine/RuleID: {error}") from error
        start_span, end_span = lines.span(path, first), lines.span(path, max(first, last))
        if start_span is None or end_span is None:
            raise PeerOutputError(f"gitleaks reports line {first} of {path}, which has fewer lines")
        content, begin, _ = start_span
        finish = end_span[2]
        found = content.find(secret.encode(), begin, finish) if secret else -1
        start, end = (found, found + len(secret.encode())) if found != -1 else (begin, finish)
        findings.append(_finding(type_map.GITLEAKS, rule, path, start, end, truth_by_path))
    return findings


def parse_detect_secrets(baseline: str, root: Path, truth: list[TruthEntry]) -> list[Finding]:
    """detect-secrets' baseline: per file, findings with a type and a line number (the secret itself
    is only stored hashed), so each finding covers its whole line."""
    try:
        results = json.loads(baseline)["results"]
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        raise PeerOutputError(f"detect-secrets output is not a baseline with 'results': {error}") from error
    lines = _Lines(root)
    truth_by_path = _by_path(truth)
    findings = []
    for filename, secrets in results.items():
        path = _normalise(filename)
        for secret in secrets:
            span = lines.span(path, int(secret["line_number"]))
            if span is None:
                raise PeerOutputError(f"detect-secrets reports line {secret['line_number']} of {path}, beyond its end")
            _, start, end = span
            findings.append(_finding(type_map.DETECT_SECRETS, str(secret["type"]), path, start, end, truth_by_path))
    return findings


def parse_presidio(lines: Iterable[str], truth: list[TruthEntry]) -> tuple[str, list[Finding]]:
    """presidio_runner.py's output: a mode line, then one JSON line per result. Returns the mode."""
    truth_by_path = _by_path(truth)
    mode = ""
    findings = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if "mode" in record:
                mode = str(record["mode"])
                continue
            path = _normalise(record["path"])
            start, end, entity = int(record["start"]), int(record["end"]), str(record["entity"])
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
            raise PeerOutputError(f"presidio runner line {number}: {error}") from error
        findings.append(_finding(type_map.PRESIDIO, entity, path, start, end, truth_by_path))
    if not mode:
        raise PeerOutputError("presidio runner output has no mode line: did it start?")
    return mode, findings


_CLAMSCAN_LINE = re.compile(r"^(?P<path>.*): (?P<name>\S+) FOUND$")


def parse_clamscan(lines: Iterable[str]) -> list[Finding]:
    """clamscan's per-file verdicts: 'path: Heuristics.Structured.SSN FOUND' (one line per signature
    with --allmatch). ClamAV says which files hold data, never where: findings have no range."""
    findings = []
    for line in lines:
        line = line.rstrip("\n")
        matched = _CLAMSCAN_LINE.match(line)
        if matched is None:
            if line and not line.endswith(": OK") and not line.endswith(": Empty file"):
                raise PeerOutputError(f"clamscan line not understood: {line!r}")
            continue
        name = matched["name"]
        candidates = type_map.CLAMAV.get(name, ())
        findings.append(Finding(_normalise(matched["path"]), None, None, name, candidates[0] if candidates else None))
    return findings


def _rg_text(field: dict) -> str:
    if "text" in field:
        return field["text"]
    return b64decode(field["bytes"]).decode("utf-8", errors="replace")


def parse_rg(lines: Iterable[str], card_only: bool) -> list[Finding]:
    """ripgrep --json: each match has the line's absolute byte offset and submatch offsets in it.
    With the card patterns alone every match is a card; with the type set each match is classified
    by the first pattern it matches whole (regex_set.classify)."""
    findings = []
    for number, line in enumerate(lines, start=1):
        try:
            message = json.loads(line)
        except json.JSONDecodeError as error:
            raise PeerOutputError(f"rg --json line {number} is not JSON: {error}") from error
        if message.get("type") != "match":
            continue
        data = message["data"]
        path = _normalise(_rg_text(data["path"]))
        base = int(data["absolute_offset"])
        for submatch in data["submatches"]:
            text = _rg_text(submatch["match"])
            type_name = "CREDIT_CARD_NUMBER" if card_only else regex_set.classify(text)
            rule = "card-pattern" if card_only else (type_name or "unclassified")
            findings.append(Finding(path, base + submatch["start"], base + submatch["end"], rule, type_name))
    return findings
