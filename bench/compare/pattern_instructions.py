#!/usr/bin/env python3
"""What each expression of the engine's stream database costs in company, in instructions.

`tamis_pattern_cost --leave-one-out` times the database without each expression, but on a shared
virtual machine the wall time drifts by more than most expressions cost. Instructions do not
drift. This compiles the database whole and without each expression (natively, serialised), then
counts one stream-mode scan of the benchmark's mixed text per variant under callgrind, and prints
the whole database's count and what leaving out each expression saves, costliest first. A
negative saving means Hyperscan built a slower database without it. Needs valgrind.

    python3 bench/compare/pattern_instructions.py build/ci/bench/tamis_pattern_instructions \\
        --selector RECOMMENDED --mib 2 --jobs 2 --top 30
"""

import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile


def read_dumps(folder):
    """Instructions by dump label, from every callgrind file in the folder."""
    counts = {}
    for path in glob.glob(os.path.join(folder, "callgrind.*")):
        label = None
        with open(path, encoding="utf-8", errors="replace") as dump:
            for line in dump:
                match = re.match(r"desc: Trigger: Client Request: (.*)", line)
                if match:
                    label = match.group(1).strip()
                elif line.startswith("totals:") and label is not None:
                    counts[label] = int(line.split()[1])
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("tool", help="path to tamis_pattern_instructions")
    parser.add_argument("--selector", default="RECOMMENDED", choices=["RECOMMENDED", "ALL"])
    parser.add_argument("--mib", type=int, default=2, help="MiB of mixed text per scan")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--top", type=int, default=30, help="rows to print (0: all)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([args.tool, "compile", folder, args.selector, str(args.mib)], check=True,
                       stdout=subprocess.DEVNULL)
        expressions = {}
        with open(os.path.join(folder, "expressions.tsv"), encoding="utf-8") as listing:
            for line in listing:
                index, owner, text = line.rstrip("\n").split("\t", 2)
                expressions[int(index)] = (owner, text)
        total = len(expressions)
        bounds = [total * k // args.jobs for k in range(args.jobs + 1)]
        jobs = [
            subprocess.Popen(
                ["valgrind", "--tool=callgrind", "--instr-atstart=no",
                 f"--callgrind-out-file={folder}/callgrind.{k}.%p",
                 args.tool, "count", folder, str(bounds[k]), str(bounds[k + 1])],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for k in range(args.jobs)
        ]
        if any(job.wait() != 0 for job in jobs):
            sys.exit("a callgrind job failed (is valgrind installed, and were its headers there "
                     "when the tool was built?)")
        counts = read_dumps(folder)
    whole = counts.get("all")
    if whole is None:
        sys.exit("no count for the whole database")
    rows = sorted(
        ((whole - counts[f"without {i}"], owner, text)
         for i, (owner, text) in expressions.items() if f"without {i}" in counts),
        reverse=True)
    print(f"{total} expressions, {args.mib} MiB of mixed text, stream mode: "
          f"{whole:,} instructions for the whole database")
    print(f"{'saved':>12} {'share':>7}  without")
    for saved, owner, text in rows[: args.top or len(rows)]:
        print(f"{saved:>12,} {100.0 * saved / whole:6.1f}%  {owner}: {text[:90]}")


if __name__ == "__main__":
    main()
