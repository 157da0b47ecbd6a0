"""Engine serialisation: a round trip gives an engine with the same results; bad blobs are refused
with DatabaseCorruptError."""

from __future__ import annotations

import pytest

import tamis
from conftest import SENSITIVE_TEXT, SSN_CONFIG

CUSTOM_CONFIG = {
    **SSN_CONFIG,
    "customDataIdentifiers": [
        {"name": "EmployeeId", "regex": "EMP-[0-9]{6}", "keywords": ["employee"]}
    ],
    "allowLists": [{"name": "known", "criteria": {"regex": "536-22-0000"}}],
}
TEXT = SENSITIVE_TEXT + "employee EMP-123456\nSSN: 536-22-0000\n"


def flip_middle_byte(blob: bytes) -> bytes:
    # The middle of the blob is compiled database, covered by the checksum, not the version header.
    middle = len(blob) // 2
    return blob[:middle] + bytes([blob[middle] ^ 0xFF]) + blob[middle + 1 :]


@pytest.fixture(scope="module")
def blob() -> bytes:
    with tamis.Engine(CUSTOM_CONFIG) as engine:
        return engine.serialize()


def test_round_trip_gives_the_same_results(blob):
    assert isinstance(blob, bytes) and len(blob) > 0
    with tamis.Engine(CUSTOM_CONFIG) as built, tamis.Engine.deserialize(blob) as loaded:
        expected = built.scan(TEXT, name="a.txt")
        got = loaded.scan(TEXT, name="a.txt")
        assert got == expected
        assert got.to_jsonl() == expected.to_jsonl()
        assert got.counts() == {"USA_SOCIAL_SECURITY_NUMBER": 2, "EmployeeId": 1}
        # A loaded engine serialises again, and to something that loads.
        again = loaded.serialize()
    with tamis.Engine.deserialize(again) as reloaded:
        assert reloaded.scan(TEXT, name="a.txt") == expected


def test_blob_from_any_bytes_like(blob):
    for form in (bytearray(blob), memoryview(blob)):
        with tamis.Engine.deserialize(form) as engine:
            assert engine.scan(TEXT).counts()["EmployeeId"] == 1


@pytest.mark.parametrize(
    "make_bad",
    [
        lambda blob: b"",
        lambda blob: b"not an engine at all",
        lambda blob: blob[: len(blob) // 2],
        lambda blob: blob[:-1],
        lambda blob: flip_middle_byte(blob),
        lambda blob: bytes(len(blob)),
    ],
    ids=["empty", "foreign", "half", "one-byte-short", "flipped-byte", "zeros"],
)
def test_damaged_blobs_are_corrupt(blob, make_bad):
    with pytest.raises(tamis.DatabaseCorruptError) as caught:
        tamis.Engine.deserialize(make_bad(blob))
    assert caught.value.status == -8 and caught.value.status_name == "TAMIS_E_DB_CORRUPT"
    assert caught.value.message


def test_blob_of_the_wrong_type_is_a_type_error():
    with pytest.raises(TypeError, match="bytes-like"):
        tamis.Engine.deserialize("text is not a blob")
