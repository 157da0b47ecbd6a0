"""Reading a generated corpus back: manifest, truth lines, and file contents (gz decompressed)."""

import gzip
import json
import os
import subprocess
import sys


def generate(generator, out_dir, size, seed):
    """Runs tamis_corpus; exits the test with its stderr on failure."""
    run = subprocess.run([generator, "--out", out_dir, "--size", size, "--seed", str(seed)],
                         capture_output=True, text=True, check=False)
    if run.returncode != 0:
        sys.exit(f"tamis_corpus failed ({run.returncode}): {run.stderr}")


def load_manifest(corpus_dir):
    with open(os.path.join(corpus_dir, "manifest.json"), encoding="utf-8") as f:
        return json.load(f)


def load_truth(corpus_dir):
    with open(os.path.join(corpus_dir, "truth.jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def content(corpus_dir, path):
    """Bytes a scanner sees: the file, or its decompressed member for gz/ files."""
    with open(os.path.join(corpus_dir, path), "rb") as f:
        data = f.read()
    return gzip.decompress(data) if path.endswith(".gz") else data


def all_files(corpus_dir):
    """Relative paths of every file under the corpus, truth and manifest excluded."""
    found = []
    for root, _dirs, names in os.walk(corpus_dir):
        for name in names:
            rel = os.path.relpath(os.path.join(root, name), corpus_dir)
            if rel not in ("manifest.json", "truth.jsonl"):
                found.append(rel)
    return sorted(found)


class Failures:
    """Collects failures so one run reports all of them, then exits non-zero if any."""

    def __init__(self):
        self.messages = []

    def check(self, condition, message):
        if not condition:
            self.messages.append(message)

    def finish(self, name):
        if self.messages:
            shown = self.messages[:40]
            print(f"{name}: {len(self.messages)} failure(s)", file=sys.stderr)
            for message in shown:
                print(f"  {message}", file=sys.stderr)
            sys.exit(1)
        print(f"{name}: ok")
