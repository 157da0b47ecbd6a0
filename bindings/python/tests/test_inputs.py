"""Every kind of input scan() takes, and the errors for those it does not."""

from __future__ import annotations

import array
import io
import mmap
import pathlib
import zipfile

import pytest

import tamis
from conftest import CLEAN_TEXT, SENSITIVE_TEXT

SSN = "USA_SOCIAL_SECURITY_NUMBER"
EXPECTED = {SSN: 2}
DATA = SENSITIVE_TEXT.encode()


def zip_bytes(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "make",
    [
        lambda: DATA,
        lambda: bytearray(DATA),
        lambda: memoryview(DATA),
        lambda: memoryview(bytearray(DATA)),
        lambda: memoryview(b"xx" + DATA + b"yy")[2:-2],
        lambda: array.array("B", DATA),
        lambda: SENSITIVE_TEXT,
        lambda: io.BytesIO(DATA),
    ],
    ids=["bytes", "bytearray", "memoryview", "writable-view", "sliced-view", "array", "str", "file"],
)
def test_every_in_memory_kind_finds_the_same(ssn_engine, make):
    result = ssn_engine.scan(make(), name="record.txt")
    assert len(result) == 1
    assert result[0].path == "record.txt"
    assert result.counts() == EXPECTED
    assert [hit.occurrence.line for hit in result.occurrences()] == [3, 4]


def test_path_scans_the_file(ssn_engine, tmp_path):
    path = tmp_path / "record.txt"
    path.write_bytes(DATA)
    for result in (ssn_engine.scan(path), ssn_engine.scan_file(str(path))):
        assert result[0].path == str(path)
        assert result[0].size == len(DATA)
        assert result.counts() == EXPECTED


def test_a_str_is_text_never_a_path(ssn_engine, tmp_path):
    path = tmp_path / "record.txt"
    path.write_bytes(DATA)
    result = ssn_engine.scan(str(path))
    assert result.counts() == {}
    assert result[0].size == len(str(path).encode())


def test_opened_file_is_streamed_under_its_name(ssn_engine, tmp_path):
    path = tmp_path / "record.txt"
    path.write_bytes(DATA)
    with open(path, "rb") as file:
        result = ssn_engine.scan(file)
    assert result[0].path == str(path)
    assert result.counts() == EXPECTED
    with open(path, "rb", buffering=0) as file:
        assert ssn_engine.scan(file, name="given").counts() == EXPECTED


def test_file_like_with_only_read(ssn_engine):
    class OnlyRead:
        def __init__(self, data: bytes):
            self._source = io.BytesIO(data)

        def read(self, size: int) -> bytes:
            return self._source.read(min(size, 7))  # short reads are fine

    assert ssn_engine.scan(OnlyRead(DATA)).counts() == EXPECTED


def test_mmap_is_scanned_in_place(ssn_engine, tmp_path):
    path = tmp_path / "record.txt"
    path.write_bytes(DATA)
    with open(path, "r+b") as file, mmap.mmap(file.fileno(), 0) as mapped:
        assert ssn_engine.scan(mapped).counts() == EXPECTED


def test_empty_input_is_one_clean_complete_object(ssn_engine):
    for empty in (b"", "", bytearray(), io.BytesIO()):
        result = ssn_engine.scan(empty)
        assert len(result) == 1
        (obj,) = result
        assert obj.status is tamis.Status.COMPLETE
        assert obj.size == 0 and obj.findings == () and not obj.sensitive


def test_clean_text_has_no_findings(ssn_engine):
    (obj,) = ssn_engine.scan(CLEAN_TEXT, name="notes.md")
    assert obj.findings == () and obj.severity is tamis.Severity.NONE
    assert obj.finding_type is None and obj.extension == "md"


def test_nul_bytes_are_scanned_as_binary(ssn_engine):
    data = b"SSN: 536-22-4871\x00\x01\x02 SSN: 536-22-4871\n"
    (obj,) = ssn_engine.scan(data)
    assert obj.status is tamis.Status.PARTIAL
    assert obj.status_reason == "UNSUPPORTED_FILE_TYPE"
    assert "NUL byte at offset 16" in obj.status_detail
    assert obj.counts() == {SSN: 2}


def test_zip_gives_one_result_per_member(ssn_engine):
    data = zip_bytes({"dir/a.txt": SENSITIVE_TEXT, "b.txt": CLEAN_TEXT})
    result = ssn_engine.scan(data, name="bundle.zip")
    by_path = {obj.path: obj for obj in result}
    assert set(by_path) == {"bundle.zip/dir/a.txt", "bundle.zip/b.txt"}
    member = by_path["bundle.zip/dir/a.txt"]
    assert member.counts() == EXPECTED
    assert member.embedded.file_path == "dir/a.txt"
    assert member.embedded.file_size == len(DATA)
    assert {hit.object_path for hit in result.occurrences()} == {"bundle.zip/dir/a.txt"}


def test_zip_streamed_from_a_file_like_object(ssn_engine):
    data = zip_bytes({"a.txt": SENSITIVE_TEXT})
    result = ssn_engine.scan(io.BytesIO(data), name="bundle.zip")
    assert [obj.path for obj in result] == ["bundle.zip/a.txt"]
    assert result.counts() == EXPECTED


def test_raw_skips_archive_handling(ssn_engine):
    data = zip_bytes({"a.txt": SENSITIVE_TEXT})
    result = ssn_engine.scan(data, name="bundle.zip", raw=True)
    assert [obj.path for obj in result] == ["bundle.zip"]
    assert result.counts() == {}


def test_corpus_zip_with_a_corrupt_member(ssn_engine, repo_root):
    result = ssn_engine.scan(repo_root / "corpus/formats/corrupt_member.zip")
    by_name = {pathlib.PurePath(obj.path).name: obj for obj in result}
    assert by_name["first.txt"].counts() == {SSN: 1}
    assert by_name["second.txt"].status is tamis.Status.SKIPPED
    assert by_name["second.txt"].status_reason == "UNABLE_TO_PARSE_FILE"
    assert by_name["corrupt_member.zip"].status is tamis.Status.PARTIAL


def test_missing_file_raises_scan_io_error(ssn_engine, tmp_path):
    missing = tmp_path / "absent.txt"
    with pytest.raises(tamis.ScanIOError) as caught:
        ssn_engine.scan(missing)
    assert caught.value.status == -4 and caught.value.status_name == "TAMIS_E_IO"
    assert str(missing) in caught.value.message
    assert isinstance(caught.value, OSError)


@pytest.mark.parametrize("bad", [42, 3.5, None, object(), ["a"]])
def test_unsupported_input_type_is_a_type_error(ssn_engine, bad):
    with pytest.raises(TypeError, match="bytes-like"):
        ssn_engine.scan(bad)


def test_text_mode_file_is_refused(ssn_engine, tmp_path):
    path = tmp_path / "record.txt"
    path.write_text(SENSITIVE_TEXT)
    with open(path, "r") as file, pytest.raises(TypeError, match="binary mode"):
        ssn_engine.scan(file)
    with pytest.raises(TypeError, match="binary mode"):
        ssn_engine.scan(io.StringIO(SENSITIVE_TEXT))


def test_bad_names_and_paths(ssn_engine, tmp_path):
    with pytest.raises(ValueError, match="NUL"):
        ssn_engine.scan(DATA, name="a\0b")
    with pytest.raises(TypeError, match="name must be a str"):
        ssn_engine.scan(DATA, name=12)
    with pytest.raises(ValueError, match="NUL"):
        ssn_engine.scan_file("a\0b")
    with pytest.raises(TypeError, match="does not apply to a path"):
        ssn_engine.scan(tmp_path / "x", name="other")
    with pytest.raises(TypeError, match="path must be"):
        ssn_engine.scan_file(12)


def test_non_utf8_name_round_trips_as_replacement(ssn_engine):
    # Names are bytes on POSIX; one that is not UTF-8 is written with U+FFFD, never rejected.
    result = ssn_engine.scan(DATA, name="caf\udce9.txt")
    assert result[0].path == "caf\ufffd.txt"
