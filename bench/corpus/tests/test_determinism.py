"""Same seed and size give byte-identical corpora; another seed gives a different one."""

import argparse
import filecmp
import os
import tempfile

from corpus_files import Failures, all_files, generate


def identical_trees(a, b):
    files_a = all_files(a) + ["manifest.json", "truth.jsonl"]
    if all_files(a) != all_files(b):
        return False
    return all(filecmp.cmp(os.path.join(a, f), os.path.join(b, f), shallow=False) for f in files_a)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--generator", required=True)
    args = parser.parse_args()
    failures = Failures()
    with tempfile.TemporaryDirectory() as tmp:
        first, second, other = (os.path.join(tmp, n) for n in ("first", "second", "other"))
        generate(args.generator, first, "3M", 7)
        generate(args.generator, second, "3M", 7)
        generate(args.generator, other, "3M", 8)
        failures.check(identical_trees(first, second), "two runs with seed 7 differ")
        differing = [f for f in all_files(first)
                     if not os.path.exists(os.path.join(other, f))
                     or not filecmp.cmp(os.path.join(first, f), os.path.join(other, f), shallow=False)]
        failures.check(len(differing) >= len(all_files(first)) // 2,
                       f"seed 8 changed only {len(differing)} of {len(all_files(first))} files")
        failures.check(not filecmp.cmp(os.path.join(first, "truth.jsonl"),
                                       os.path.join(other, "truth.jsonl"), shallow=False),
                       "seed 8 gave the same truth as seed 7")
    failures.finish("bench.corpus_determinism")


if __name__ == "__main__":
    main()
