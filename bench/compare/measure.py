"""Runs a tool's commands and measures them: wall time, CPU time of the child tree, peak RSS.

CPU time comes from wait4(), which reports the child together with every descendant it waited for
(rg's gzip helpers, a Python runner's interpreter), so MB/s per core charges a tool for all the
work done on its behalf.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path


# ru_maxrss survives exec: a child forked from this Python process inherits Python's peak RSS as its
# own starting point. GNU time, a small process, starts the tool and reports the tool's own peak.
GNU_TIME = shutil.which("time")


class RunError(RuntimeError):
    """A tool could not be started or failed; the message names the command and its status."""


@dataclass
class Measurement:
    wall_seconds: float = 0.0
    user_seconds: float = 0.0
    system_seconds: float = 0.0
    peak_rss_bytes: int = 0
    # False when GNU time is missing: peak_rss_bytes then includes this Python process's own peak.
    peak_rss_exact: bool = True
    exit_codes: list[int] = field(default_factory=list)

    @property
    def cpu_seconds(self) -> float:
        return self.user_seconds + self.system_seconds


def run_measured(
    commands: list[list[str]],
    stdout_path: Path,
    stderr_path: Path,
    accepted_exit_codes: frozenset[int],
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> Measurement:
    """Runs the commands one after another, their outputs written one after another.

    A tool whose argument list would be too long is split into several commands by the caller;
    their costs add up and the peak RSS is the largest of them.
    """
    measurement = Measurement(peak_rss_exact=GNU_TIME is not None)
    # Untimed runs (stderr to /dev/null) need no peak RSS.
    rss_report = None if str(stderr_path) == os.devnull else stderr_path.with_name(stderr_path.name + ".rss")
    started = time.perf_counter()
    with stdout_path.open("wb") as stdout, stderr_path.open("wb") as stderr:
        for argv in commands:
            wrapped = argv
            if GNU_TIME and rss_report:
                wrapped = [GNU_TIME, "--format=%M", f"--output={rss_report}", "--"] + argv
            try:
                process = subprocess.Popen(wrapped, stdout=stdout, stderr=stderr, cwd=cwd, env=env)
            except OSError as error:
                raise RunError(f"cannot start {argv[0]}: {error}") from error
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
            measurement.user_seconds += usage.ru_utime
            measurement.system_seconds += usage.ru_stime
            # Linux reports ru_maxrss in KiB.
            peak_kib = usage.ru_maxrss
            if wrapped is not argv and rss_report:
                peak_kib = int(rss_report.read_text().split()[-1])
            measurement.peak_rss_bytes = max(measurement.peak_rss_bytes, peak_kib * 1024)
            measurement.exit_codes.append(process.returncode)
            if process.returncode not in accepted_exit_codes:
                tail = stderr_path.read_bytes()[-2000:].decode("utf-8", "replace")
                raise RunError(f"{' '.join(argv[:3])}... exited with status {process.returncode}: {tail}")
    measurement.wall_seconds = time.perf_counter() - started
    return measurement


def batch_arguments(prefix: list[str], paths: list[str], limit_bytes: int = 100_000) -> list[list[str]]:
    """prefix + paths split into commands whose argument lists stay well under ARG_MAX."""
    commands: list[list[str]] = []
    current: list[str] = []
    size = 0
    for path in paths:
        if current and size + len(path) + 1 > limit_bytes:
            commands.append(prefix + current)
            current, size = [], 0
        current.append(path)
        size += len(path) + 1
    if current:
        commands.append(prefix + current)
    return commands


def warm_page_cache(paths: list[Path]) -> None:
    """One untimed read of every file, so each tool starts from the same warm page cache."""
    buffer = bytearray(1 << 20)
    for path in paths:
        with path.open("rb", buffering=0) as stream:
            while stream.readinto(buffer):
                pass
