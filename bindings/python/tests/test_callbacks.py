"""Occurrence callbacks: stopping, exceptions, nested scans, and scanner exclusivity."""

from __future__ import annotations

import io

import pytest

import tamis
from conftest import SENSITIVE_TEXT

SSN = "USA_SOCIAL_SECURITY_NUMBER"


def test_returning_true_stops_the_scan(ssn_engine):
    calls = []

    def stop_at_first(hit):
        calls.append(hit)
        return True

    result = ssn_engine.scan(SENSITIVE_TEXT, on_occurrence=stop_at_first)
    assert len(calls) == 1
    assert result.stopped
    assert result[0].status is tamis.Status.PARTIAL
    assert result[0].status_reason == "STOPPED_BY_CALLER"


def test_returning_none_or_false_goes_on(ssn_engine):
    for answer in (None, False, 0):
        calls = []
        result = ssn_engine.scan(SENSITIVE_TEXT, on_occurrence=lambda h: calls.append(h) or answer)
        assert len(calls) == 2 and not result.stopped
        assert result[0].status is tamis.Status.COMPLETE


def test_exception_in_callback_propagates_and_stops(ssn_engine):
    calls = []

    def explode(hit):
        calls.append(hit)
        raise KeyError("from the callback")

    with pytest.raises(KeyError, match="from the callback"):
        ssn_engine.scan(SENSITIVE_TEXT, on_occurrence=explode)
    assert len(calls) == 1
    # The thread's scanner is usable again.
    assert ssn_engine.scan(SENSITIVE_TEXT).counts() == {SSN: 2}


def test_exception_in_read_propagates(ssn_engine):
    class Failing(io.RawIOBase):
        def readable(self):
            return True

        def readinto(self, buffer):
            raise OSError("disk gone")

    with pytest.raises(OSError, match="disk gone"):
        ssn_engine.scan(Failing())
    assert ssn_engine.scan(SENSITIVE_TEXT).counts() == {SSN: 2}


def test_non_callable_callback_is_a_type_error(ssn_engine):
    with pytest.raises(TypeError, match="callable"):
        ssn_engine.scan(SENSITIVE_TEXT, on_occurrence="print")


def test_engine_scan_from_inside_a_callback(ssn_engine):
    inner_results = []

    def nested(hit):
        inner_results.append(ssn_engine.scan(f"SSN: 536-22-4871 seen at {hit.occurrence.line}\n"))

    outer = ssn_engine.scan(SENSITIVE_TEXT, on_occurrence=nested)
    assert outer.counts() == {SSN: 2}
    assert [r.counts() for r in inner_results] == [{SSN: 1}, {SSN: 1}]


def test_a_scanner_is_not_reentrant(ssn_engine):
    with ssn_engine.scanner() as scanner:

        def reenter(hit):
            scanner.scan("x")

        with pytest.raises(RuntimeError, match="already scanning"):
            scanner.scan(SENSITIVE_TEXT, on_occurrence=reenter)
        assert scanner.scan(SENSITIVE_TEXT).counts() == {SSN: 2}


def test_close_during_a_scan_waits_for_its_end(ssn_engine):
    scanner = ssn_engine.scanner()
    result = scanner.scan(SENSITIVE_TEXT, on_occurrence=lambda hit: scanner.close())
    assert result.counts() == {SSN: 2}
    assert scanner.closed
