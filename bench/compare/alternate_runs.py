#!/usr/bin/env python3
"""Before/after throughput of two (or more) tamis builds on a shared, noisy machine.

On a virtual machine whose neighbours come and go, the same binary's speed moves by tens of
percent from one minute to the next, so builds measured one after the other are compared across
different conditions. This runs them in alternation, round after round, each with its own engine
cache (warmed first, so no run pays for a compile), and prints the best and the median CPU time
(user + system) of a one-thread scan for each.

    python3 bench/compare/alternate_runs.py --rounds 5 /tmp/corpus256/prose \\
        before=/tmp/tamis-before after=build/ci/tools/tamis
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile


def input_bytes(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    return sum(
        os.path.getsize(os.path.join(folder, name))
        for folder, _, names in os.walk(path)
        for name in names
    )


def cpu_seconds_of_scan(binary, path, cache_home):
    env = dict(os.environ, XDG_CACHE_HOME=cache_home)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [binary, "scan", "--threads", "1", "--no-progress", "--format", "jsonl", path],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        check=False,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", help="file or folder to scan")
    parser.add_argument("builds", nargs="+", help="LABEL=PATH of a tamis binary")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    builds = []
    for spec in args.builds:
        label, sep, binary = spec.partition("=")
        if not sep or not os.access(binary, os.X_OK):
            sys.exit(f"not LABEL=EXECUTABLE: {spec}")
        builds.append((label, binary))
    megabytes = input_bytes(args.path) / 1e6

    with tempfile.TemporaryDirectory(prefix="tamis-alternate-") as work:
        caches = {label: os.path.join(work, label) for label, _ in builds}
        for label, binary in builds:  # warm each engine cache
            cpu_seconds_of_scan(binary, args.path, caches[label])
        times = {label: [] for label, _ in builds}
        for _ in range(args.rounds):
            for label, binary in builds:
                times[label].append(cpu_seconds_of_scan(binary, args.path, caches[label]))

    print(f"{args.path}: {megabytes:.1f} MB, {args.rounds} alternating rounds, one thread")
    for label, _ in builds:
        best = min(times[label])
        median = statistics.median(times[label])
        print(
            f"{label:12s} best {best:.3f} s ({megabytes / best:.0f} MB/s)"
            f"  median {median:.3f} s ({megabytes / median:.0f} MB/s)"
        )


if __name__ == "__main__":
    main()
