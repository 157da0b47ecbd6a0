"""Scan results as typed objects, read from the library's Macie result documents.

Each scanned object (a file, a buffer, an archive member) gives one Macie "sensitive data discovery
result" document (docs/result-schema.md). ObjectResult holds it parsed into dataclasses with
snake_case names, and keeps the document itself in `json` for anything not mapped here.
"""

from __future__ import annotations

import enum
import json as _json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterator, Optional


class Severity(enum.IntEnum):
    """Macie's severity score; NONE when a detection does not make the object sensitive."""

    NONE = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3

    @classmethod
    def from_json(cls, value: Optional[dict]) -> Severity:
        return cls.NONE if value is None else cls(value["score"])


class Category(str, enum.Enum):
    """What kind of data an identifier finds (TAMIS_CATEGORY_* in tamis.h)."""

    CREDENTIALS = "CREDENTIALS"
    FINANCIAL_INFORMATION = "FINANCIAL_INFORMATION"
    PERSONAL_INFORMATION = "PERSONAL_INFORMATION"
    CUSTOM_IDENTIFIER = "CUSTOM_IDENTIFIER"


class Location(str, enum.Enum):
    """What an occurrence's offsets are relative to."""

    TEXT = "TEXT"  # the object's (decoded) text: line, column, end_line are set
    CELL = "CELL"  # a CSV/TSV/spreadsheet cell: `cell` is set, offsets are inside the cell
    RECORD = "RECORD"  # a JSON/JSON Lines value: `record` is set, offsets are inside the value


class Status(str, enum.Enum):
    """Macie's object status: how much of the object was analysed."""

    COMPLETE = "COMPLETE"
    PARTIAL = "PARTIAL"
    SKIPPED = "SKIPPED"


@dataclass(frozen=True)
class Cell:
    """A table cell: 1-based row and column, A1 reference ("C7" or "Sheet1!C7")."""

    row: int
    column: int
    reference: str
    column_name: Optional[str] = None
    sheet: Optional[str] = None


@dataclass(frozen=True)
class Record:
    """A JSON value: 0-based record (JSON Lines line) and its JSONPath ("$.customers[2].ssn")."""

    index: int
    json_path: str


@dataclass(frozen=True)
class Occurrence:
    """One place where an identifier matched.

    `start`/`end` are byte offsets (end exclusive) in the object's text for Location.TEXT, inside
    the cell or value otherwise. `text` is the found text, masked unless the configuration sets
    tamis.revealValues. `line`, `end_line` and `column` (1-based, column in characters) are set for
    Location.TEXT only.
    """

    location: Location
    start: int
    end: int
    text: str
    line: Optional[int] = None
    end_line: Optional[int] = None
    column: Optional[int] = None
    cell: Optional[Cell] = None
    record: Optional[Record] = None


@dataclass(frozen=True)
class Finding:
    """All occurrences of one identifier in one object (a Macie "detection").

    `count` counts every occurrence found; `occurrences` keeps at most
    tamis.limits.maxOccurrencesPerType of them (ObjectResult.additional_occurrences says so).
    """

    type: str  # managed identifier id ("USA_SOCIAL_SECURITY_NUMBER") or custom identifier name
    category: Category
    count: int
    severity: Severity
    occurrences: tuple[Occurrence, ...]
    json: dict = field(repr=False, compare=False)

    @property
    def custom(self) -> bool:
        return self.category is Category.CUSTOM_IDENTIFIER


@dataclass(frozen=True)
class Hit:
    """One occurrence with what it belongs to: what the on_occurrence callback receives and what
    ScanResult.occurrences() yields. In a callback, `severity` counts the occurrences so far."""

    object_path: str
    type: str
    category: Category
    severity: Severity
    occurrence: Occurrence

    @property
    def custom(self) -> bool:
        return self.category is Category.CUSTOM_IDENTIFIER


@dataclass(frozen=True)
class EmbeddedFile:
    """Where an archive member or email attachment sits inside its top-level object."""

    file_path: str
    file_extension: str
    file_size: Optional[int]
    file_last_modified: Optional[str]  # ISO 8601 UTC, None when the container records none


@dataclass(frozen=True)
class Diagnostic:
    """Something worth knowing that did not stop the scan ("INVALID_UTF8", "BINARY_CONTENT")."""

    code: str
    detail: str


@dataclass(frozen=True)
class ObjectResult:
    """The result for one object: its status, what it was read as, and its findings."""

    path: str
    extension: str
    size: int
    status: Status
    status_reason: Optional[str]  # why the object was not fully analysed; None when COMPLETE
    status_detail: Optional[str]  # tamis's human-readable explanation, when there is one
    mime_type: Optional[str]
    size_classified: int
    additional_occurrences: bool
    severity: Severity  # the highest over the findings; NONE when nothing sensitive was found
    finding_type: Optional[str]  # Macie's "SensitiveData:S3Object/Personal", None when no finding
    findings: tuple[Finding, ...]
    embedded: Optional[EmbeddedFile]
    diagnostics: tuple[Diagnostic, ...]
    json: dict = field(repr=False, compare=False)
    json_text: str = field(repr=False, compare=False)

    @property
    def sensitive(self) -> bool:
        return self.severity is not Severity.NONE

    def counts(self) -> dict[str, int]:
        """Occurrences found per identifier type."""
        return {finding.type: finding.count for finding in self.findings}

    def occurrences(self) -> Iterator[Hit]:
        """Every kept occurrence, finding by finding."""
        for finding in self.findings:
            for occurrence in finding.occurrences:
                yield Hit(self.path, finding.type, finding.category, finding.severity, occurrence)


@dataclass(frozen=True)
class ScanResult:
    """The results of one scan: one ObjectResult per object (an archive gives one per member).

    `stopped` is True when the on_occurrence callback stopped the scan: the objects then hold what
    was found until then, marked PARTIAL.
    """

    objects: tuple[ObjectResult, ...]
    stopped: bool = False

    def __iter__(self) -> Iterator[ObjectResult]:
        return iter(self.objects)

    def __len__(self) -> int:
        return len(self.objects)

    def __getitem__(self, index: int) -> ObjectResult:
        return self.objects[index]

    @property
    def findings(self) -> list[Finding]:
        return [finding for obj in self.objects for finding in obj.findings]

    @property
    def sensitive(self) -> bool:
        return any(obj.sensitive for obj in self.objects)

    def counts(self) -> dict[str, int]:
        """Occurrences found per identifier type, summed over all objects."""
        total: Counter[str] = Counter()
        for obj in self.objects:
            total.update(obj.counts())
        return dict(total)

    def types(self) -> list[str]:
        """The identifier types found, sorted."""
        return sorted(self.counts())

    def occurrences(self) -> Iterator[Hit]:
        """Every kept occurrence of every object."""
        for obj in self.objects:
            yield from obj.occurrences()

    def to_jsonl(self) -> str:
        """The Macie result documents as JSON Lines, exactly as the library wrote them."""
        return "".join(obj.json_text + "\n" for obj in self.objects)


def _offset_range(entry: dict) -> tuple[int, int]:
    span = entry.get("tamisOffsetRange") or {}
    return span.get("start", 0), span.get("end", 0)


def _occurrences(doc: dict) -> tuple[Occurrence, ...]:
    found: list[Occurrence] = []
    lines = doc.get("lineRanges") or []
    offsets = doc.get("offsetRanges") or []
    # lineRanges[i] and offsetRanges[i] describe the same occurrence i.
    for line, offset in zip(lines, offsets):
        found.append(
            Occurrence(
                location=Location.TEXT,
                start=offset["start"],
                end=offset["end"],
                text=offset.get("tamisText", ""),
                line=line["start"],
                end_line=line["end"],
                column=line["startColumn"],
            )
        )
    for entry in doc.get("cells") or []:
        start, end = _offset_range(entry)
        cell = Cell(
            row=entry["row"],
            column=entry["column"],
            reference=entry.get("cellReference", ""),
            column_name=entry.get("columnName"),
            sheet=entry.get("tamisSheet"),
        )
        found.append(Occurrence(Location.CELL, start, end, entry.get("tamisText", ""), cell=cell))
    for entry in doc.get("records") or []:
        start, end = _offset_range(entry)
        record = Record(index=entry["recordIndex"], json_path=entry["jsonPath"])
        found.append(
            Occurrence(Location.RECORD, start, end, entry.get("tamisText", ""), record=record)
        )
    return tuple(found)


def _finding(detection: dict, category: Category, name_key: str) -> Finding:
    return Finding(
        type=detection[name_key],
        category=category,
        count=detection["count"],
        severity=Severity.from_json(detection.get("tamisSeverity")),
        occurrences=_occurrences(detection.get("occurrences") or {}),
        json=detection,
    )


def parse_object_result(text: str) -> ObjectResult:
    """An ObjectResult from one Macie result document (one line of JSON)."""
    doc = _json.loads(text)
    s3_object = doc["resourcesAffected"]["s3Object"]
    result = doc["classificationDetails"]["result"]
    findings = [
        _finding(detection, Category(group["category"]), "type")
        for group in result.get("sensitiveData") or []
        for detection in group["detections"]
    ]
    custom = result.get("customDataIdentifiers") or {}
    findings += [
        _finding(detection, Category.CUSTOM_IDENTIFIER, "name")
        for detection in custom.get("detections") or []
    ]
    embedded_doc = s3_object.get("embeddedFileDetails")
    embedded = None
    if embedded_doc is not None:
        embedded = EmbeddedFile(
            file_path=embedded_doc["filePath"],
            file_extension=embedded_doc.get("fileExtension", ""),
            file_size=embedded_doc.get("fileSize"),
            file_last_modified=embedded_doc.get("fileLastModified"),
        )
    extra: dict[str, Any] = doc.get("tamis") or {}
    return ObjectResult(
        path=s3_object["key"],
        extension=s3_object.get("extension", ""),
        size=s3_object.get("size", 0),
        status=Status(result["status"]["code"]),
        status_reason=result["status"].get("reason"),
        status_detail=extra.get("statusDetail"),
        mime_type=result.get("mimeType"),
        size_classified=result.get("sizeClassified", 0),
        additional_occurrences=bool(result.get("additionalOccurrences", False)),
        severity=Severity.from_json(doc.get("severity")),
        finding_type=doc.get("type"),
        findings=tuple(findings),
        embedded=embedded,
        diagnostics=tuple(
            Diagnostic(d.get("code", ""), d.get("detail", "")) for d in extra.get("diagnostics", [])
        ),
        json=doc,
        json_text=text,
    )
