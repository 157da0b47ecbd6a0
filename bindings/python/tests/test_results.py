"""The typed results against the Macie documents they are read from."""

from __future__ import annotations

import json

import pytest

import tamis
from conftest import SENSITIVE_TEXT

SSN = "USA_SOCIAL_SECURITY_NUMBER"


def test_text_occurrences_have_lines_columns_and_offsets(ssn_engine):
    (obj,) = ssn_engine.scan(SENSITIVE_TEXT, name="hr/record.txt")
    assert obj.path == "hr/record.txt" and obj.extension == "txt"
    assert obj.status is tamis.Status.COMPLETE and obj.status_reason is None
    assert obj.mime_type == "text/plain" and obj.size == len(SENSITIVE_TEXT)
    assert obj.severity is tamis.Severity.HIGH and obj.sensitive
    assert obj.finding_type == "SensitiveData:S3Object/Personal"
    (finding,) = obj.findings
    assert finding.type == SSN and finding.count == 2 and not finding.custom
    assert finding.category is tamis.Category.PERSONAL_INFORMATION
    first, second = finding.occurrences
    start = SENSITIVE_TEXT.index("536")
    assert (first.location, first.line, first.end_line, first.column) == (
        tamis.Location.TEXT, 3, 3, 6)
    assert (first.start, first.end) == (start, start + 11)
    assert first.text == "*******4871"  # masked by default
    assert second.line == 4 and second.column == 13
    assert first.cell is None and first.record is None


def test_revealed_values(repo_root):
    config = {"managedDataIdentifierSelector": "INCLUDE", "managedDataIdentifierIds": [SSN],
              "tamis": {"revealValues": True}}
    with tamis.Engine(config) as engine:
        hit = next(engine.scan(SENSITIVE_TEXT).occurrences())
    assert hit.occurrence.text == "536-22-4871"


def test_csv_cells(ssn_engine, repo_root):
    (obj,) = ssn_engine.scan(repo_root / "corpus/samples/hr_export.csv")
    assert obj.mime_type == "text/csv"
    cells = [hit.occurrence.cell for hit in obj.occurrences()]
    assert [c.reference for c in cells] == ["D2", "D3"]
    assert all(c.column_name == "ssn" and c.column == 4 and c.sheet is None for c in cells)
    assert all(hit.occurrence.location is tamis.Location.CELL for hit in obj.occurrences())
    assert all(hit.occurrence.line is None for hit in obj.occurrences())


def test_spreadsheet_cells_name_their_sheet(default_engine, repo_root):
    (obj,) = default_engine.scan(repo_root / "corpus/formats/customers.xlsx")
    cells = {hit.occurrence.cell.reference: hit for hit in obj.occurrences()}
    assert cells["Customers!D2"].type == "CREDIT_CARD_NUMBER"
    assert cells["Customers!D2"].occurrence.cell.sheet == "Customers"
    assert cells["Access keys!B2"].category is tamis.Category.CREDENTIALS


def test_json_records(default_engine, repo_root):
    (obj,) = default_engine.scan(repo_root / "corpus/samples/events.jsonl")
    records = [hit.occurrence.record for hit in obj.occurrences()]
    assert records and all(r.index == 0 for r in records)
    assert records[0].json_path == "$.user['passport number']"


def test_counts_types_and_flat_iteration(default_engine):
    text = "Card number: 4329 0669 6704 9377\nSSN: 536-22-4871\nSSN: 536-22-4871\n"
    result = default_engine.scan(text)
    assert result.counts() == {"CREDIT_CARD_NUMBER": 1, SSN: 2}
    assert result.types() == ["CREDIT_CARD_NUMBER", SSN]
    assert result[0].finding_type == "SensitiveData:S3Object/Multiple"
    hits = list(result.occurrences())
    assert len(hits) == 3 == sum(len(f.occurrences) for f in result.findings)
    assert result.sensitive


def test_callback_hits_match_the_result(ssn_engine):
    seen = []
    result = ssn_engine.scan(SENSITIVE_TEXT, name="a.txt", on_occurrence=seen.append)
    assert [h.occurrence for h in seen] == [h.occurrence for h in result.occurrences()]
    assert {h.object_path for h in seen} == {"a.txt"}
    assert all(h.type == SSN and h.severity >= tamis.Severity.LOW for h in seen)


def test_custom_identifier_below_its_threshold_has_no_severity():
    config = {
        "managedDataIdentifierSelector": "NONE",
        "customDataIdentifiers": [{
            "name": "EmployeeId", "regex": "EMP-[0-9]{6}", "keywords": ["employee"],
            "severityLevels": [{"occurrencesThreshold": 5, "severity": "HIGH"}],
        }],
    }
    with tamis.Engine(config) as engine:
        (obj,) = engine.scan("employee EMP-123456\n")
    (finding,) = obj.findings
    assert finding.severity is tamis.Severity.NONE and finding.count == 1
    assert not obj.sensitive and obj.finding_type is None
    assert finding.json["name"] == "EmployeeId" and finding.json["arn"] is None


def test_raw_json_is_kept(ssn_engine):
    result = ssn_engine.scan(SENSITIVE_TEXT, name="a.txt")
    obj = result[0]
    assert obj.json["schemaVersion"] == "1.0"
    assert json.loads(obj.json_text) == obj.json
    assert result.to_jsonl() == obj.json_text + "\n"
    assert "\n" not in obj.json_text


def test_too_many_occurrences_are_counted_not_kept():
    config = {"managedDataIdentifierSelector": "INCLUDE", "managedDataIdentifierIds": [SSN],
              "tamis": {"limits": {"maxOccurrencesPerType": 3}}}
    with tamis.Engine(config) as engine:
        (obj,) = engine.scan("SSN: 536-22-4871\n" * 5)
    (finding,) = obj.findings
    assert finding.count == 5 and len(finding.occurrences) == 3
    assert obj.additional_occurrences


@pytest.mark.parametrize("score", [0, 1, 2, 3])
def test_severity_from_json(score):
    doc = None if score == 0 else {"description": "x", "score": score}
    assert tamis.Severity.from_json(doc) == score
