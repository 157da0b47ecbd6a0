"""Streaming: file-like objects read chunk by chunk, and streams fed by hand."""

from __future__ import annotations

import io

import pytest

import tamis
from conftest import SENSITIVE_TEXT

SSN = "USA_SOCIAL_SECURITY_NUMBER"
FILLER = b"The quarterly figures were reviewed and no action is needed at this time.\n"
SENSITIVE_LINE = b"SSN: 536-22-4871\n"


class GeneratedText(io.RawIOBase):
    """`total` bytes of filler with SENSITIVE_LINE at every `every`-th line, produced as read and
    never held whole; remembers the largest read asked for and how many reads there were."""

    def __init__(self, lines: int, every: int):
        self._lines, self._every = lines, every
        self._line = 0
        self._pending = b""
        self.largest_read = 0
        self.reads = 0
        self.expected_starts = []
        self._offset = 0

    def readable(self):
        return True

    def _next_line(self) -> bytes:
        line = SENSITIVE_LINE if self._line % self._every == 0 else FILLER
        if line is SENSITIVE_LINE:
            self.expected_starts.append(self._offset + line.index(b"536"))
        self._line += 1
        self._offset += len(line)
        return line

    def readinto(self, buffer) -> int:
        self.reads += 1
        self.largest_read = max(self.largest_read, len(buffer))
        while len(self._pending) < len(buffer) and self._line < self._lines:
            parts = [self._pending]
            size = len(self._pending)
            while size < len(buffer) and self._line < self._lines:
                line = self._next_line()
                parts.append(line)
                size += len(line)
            self._pending = b"".join(parts)
        count = min(len(buffer), len(self._pending))
        buffer[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        return count


def test_large_generated_input_streams_in_bounded_reads(ssn_engine):
    lines = 600_000  # ~43 MiB
    source = GeneratedText(lines, every=50_000)
    result = ssn_engine.scan(source, name="generated.log")
    total = source._offset
    assert total > 40 * 1024 * 1024
    assert source.reads > 10
    assert source.largest_read <= 16 * 1024 * 1024  # chunks, never the whole object
    (obj,) = result
    assert obj.size == total and obj.status is tamis.Status.COMPLETE
    starts = [hit.occurrence.start for hit in obj.occurrences()]
    assert starts == source.expected_starts and len(starts) == 12


def test_hand_fed_stream_finds_a_match_across_chunks(ssn_engine):
    data = SENSITIVE_TEXT.encode()
    split = data.index(b"22-48")  # inside the first SSN
    with ssn_engine.scanner() as scanner:
        stream = scanner.stream(name="chunks.txt")
        assert stream.feed(data[:split])
        assert stream.feed(bytearray(data[split:]))
        result = stream.finish()
        assert result[0].path == "chunks.txt"
        assert result.counts() == {SSN: 2}
        assert [h.occurrence.line for h in result.occurrences()] == [3, 4]
        with pytest.raises(ValueError, match="finished"):
            stream.feed(b"more")
        # Byte by byte, and str chunks.
        with scanner.stream() as stream:
            for byte in data:
                stream.feed(bytes([byte]))
            assert stream.finish().counts() == {SSN: 2}
        with scanner.stream() as stream:
            stream.feed(SENSITIVE_TEXT)
            assert stream.finish().counts() == {SSN: 2}


def test_stream_holds_its_scanner_until_finished(ssn_engine):
    with ssn_engine.scanner() as scanner:
        stream = scanner.stream()
        with pytest.raises(RuntimeError, match="already scanning"):
            scanner.scan("x")
        stream.close()
        assert scanner.scan(SENSITIVE_TEXT).counts() == {SSN: 2}


def test_stopped_stream_ignores_further_chunks(ssn_engine):
    # Occurrences are decided a little behind the data, so the stop shows from a later feed (a
    # chunk large enough to move decisions forward) or, at the latest, from finish().
    chunk = (SENSITIVE_LINE + FILLER) * 10_000
    seen = []
    with ssn_engine.scanner() as scanner:
        stream = scanner.stream(on_occurrence=lambda hit: seen.append(hit) or True)
        answers = [stream.feed(chunk) for _ in range(3)]
        assert answers[-1] is False and stream.stopped
        result = stream.finish()
    assert len(seen) == 1
    assert result.stopped and result[0].status_reason == "STOPPED_BY_CALLER"


def test_stream_rejects_bad_chunks(ssn_engine):
    with ssn_engine.scanner() as scanner, scanner.stream() as stream:
        with pytest.raises(TypeError, match="bytes-like"):
            stream.feed(12)
        assert stream.feed(b"")
