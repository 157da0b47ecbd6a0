"""Threads: one shared engine scanned from several threads gives each the right results, and a scan
releases the GIL."""

from __future__ import annotations

import sys
import threading

import tamis
from conftest import CLEAN_TEXT

SSN = "USA_SOCIAL_SECURITY_NUMBER"


def test_two_threads_in_parallel_get_their_own_results(ssn_engine):
    # Different inputs per thread, so a result crossing threads (shared scratch state) shows.
    inputs = {
        "a": ("SSN: 536-22-4871\n" * 3 + CLEAN_TEXT) * 200,
        "b": (CLEAN_TEXT + "SSN: 536-22-4871\n") * 150,
    }
    expected = {key: ssn_engine.scan(text, name=key).counts() for key, text in inputs.items()}
    assert expected == {"a": {SSN: 600}, "b": {SSN: 150}}
    start = threading.Barrier(2)
    outcomes: dict[str, list] = {"a": [], "b": []}
    errors: list[BaseException] = []

    def work(key: str) -> None:
        try:
            start.wait()
            for _ in range(30):
                result = ssn_engine.scan(inputs[key], name=key)
                outcomes[key].append((result[0].path, result.counts()))
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)

    threads = [threading.Thread(target=work, args=(key,)) for key in inputs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    for key in inputs:
        assert outcomes[key] == [(key, expected[key])] * 30


def test_explicit_scanners_one_per_thread(ssn_engine):
    results = []

    def work() -> None:
        with ssn_engine.scanner() as scanner:
            results.append(scanner.scan("SSN: 536-22-4871\n").counts())

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [{SSN: 1}] * 4


def test_a_scan_releases_the_gil(ssn_engine):
    """Python code runs in another thread while a scan is inside the library.

    With the switch interval made huge, the main thread gives the GIL up only where C code releases
    it; the watcher thread can then observe `scanning` set only if the scan call released it.
    Without GIL release this can never pass; with it, a slow thread wake-up could make one attempt
    miss, hence a few attempts with growing input (no timing assertion).
    """
    previous = sys.getswitchinterval()
    text = ("SSN: 536-22-4871\n" + CLEAN_TEXT * 20) * 2_000
    seen_during_scan = False
    try:
        sys.setswitchinterval(1000.0)
        for attempt in range(5):
            state = {"scanning": False, "observed": None}
            go = threading.Event()

            def watch() -> None:
                go.wait()
                state["observed"] = state["scanning"]

            watcher = threading.Thread(target=watch)
            watcher.start()
            data = (text * (attempt + 1)).encode()
            state["scanning"] = True
            go.set()
            ssn_engine.scan(data)
            state["scanning"] = False
            watcher.join()
            if state["observed"]:
                seen_during_scan = True
                break
    finally:
        sys.setswitchinterval(previous)
    assert seen_during_scan
