"""Precision and recall of a tool's findings against the ground truth, per truth type.

A finding matches a truth entry of the same type in the same file when their byte ranges overlap.
Tools that report only per file (ClamAV) are scored per file instead: a file counts as positive for
a type when it holds at least one positive truth entry of that type.

Two views of keyword:false entries (valid values of keyword-required types planted without their
keyword):
- "macie": they are negatives. A finding on one is a false positive, and they are not recalled.
- "any-valid": they are positives, the view of a tool that matches patterns without keywords.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from corpus import TruthEntry

VIEWS = ("macie", "any-valid")


@dataclass(frozen=True)
class Finding:
    path: str
    start: int | None  # byte range in the analysed content; None for a per-file verdict
    end: int | None
    rule: str  # the tool's own rule or entity name
    type: str | None  # the truth type it maps to, None when it has no counterpart


@dataclass
class TypeScore:
    type: str
    true_positives: int = 0  # findings that hit a positive truth entry (files, for per-file tools)
    findings: int = 0
    recalled: int = 0  # positive truth entries (files) hit by at least one finding
    positives: int = 0

    @property
    def precision(self) -> float | None:
        return self.true_positives / self.findings if self.findings else None

    @property
    def recall(self) -> float | None:
        return self.recalled / self.positives if self.positives else None


def _is_positive(entry: TruthEntry, view: str) -> bool:
    if view not in VIEWS:
        raise ValueError(f"unknown view '{view}', expected one of {', '.join(VIEWS)}")
    return entry.keyword or view == "any-valid"


def _overlaps(finding: Finding, entry: TruthEntry) -> bool:
    assert finding.start is not None and finding.end is not None
    return finding.start < entry.end and entry.start < finding.end


def score_spans(
    findings: list[Finding], truth: list[TruthEntry], types: set[str], view: str
) -> dict[str, TypeScore]:
    """Scores findings that carry byte ranges, for each type in `types`."""
    scores = {t: TypeScore(t) for t in types}
    positives_by_key: dict[tuple[str, str], list[TruthEntry]] = defaultdict(list)
    for entry in truth:
        if entry.type in scores and _is_positive(entry, view):
            scores[entry.type].positives += 1
            positives_by_key[(entry.path, entry.type)].append(entry)
    recalled: set[int] = set()
    for finding in findings:
        if finding.type not in scores:
            continue
        score = scores[finding.type]
        score.findings += 1
        hits = [e for e in positives_by_key.get((finding.path, finding.type), []) if _overlaps(finding, e)]
        if hits:
            score.true_positives += 1
            recalled.update(id(e) for e in hits)
    for entries in positives_by_key.values():
        for entry in entries:
            if id(entry) in recalled:
                scores[entry.type].recalled += 1
    return scores


def score_files(
    findings: list[Finding], truth: list[TruthEntry], types: set[str], view: str
) -> dict[str, TypeScore]:
    """Scores per-file verdicts: one finding per (file, type) at most is counted."""
    scores = {t: TypeScore(t) for t in types}
    positive_files: dict[str, set[str]] = defaultdict(set)
    for entry in truth:
        if entry.type in scores and _is_positive(entry, view):
            positive_files[entry.type].add(entry.path)
    flagged: dict[str, set[str]] = defaultdict(set)
    for finding in findings:
        if finding.type in scores:
            flagged[finding.type].add(finding.path)
    for type_name, score in scores.items():
        score.positives = len(positive_files[type_name])
        score.findings = len(flagged[type_name])
        score.true_positives = len(flagged[type_name] & positive_files[type_name])
        score.recalled = score.true_positives
    return scores


def restrict_truth(truth: list[TruthEntry], paths: set[str]) -> list[TruthEntry]:
    """The truth of the files a tool actually scanned (a sample, or only the gz files)."""
    return [entry for entry in truth if entry.path in paths]
