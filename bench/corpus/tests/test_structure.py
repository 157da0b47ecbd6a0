"""A tiny corpus still has every kind and language; the manifest describes the files exactly;
every truth line points at exactly its value; files are clean UTF-8 text; densities are sane;
bad arguments are refused with a clear message."""

import argparse
import os
import subprocess
import tempfile

from corpus_files import Failures, all_files, content, generate, load_manifest, load_truth

KINDS = {"prose", "logs", "csv", "jsonl", "source", "gz"}
SOURCE_EXTENSIONS = {"py", "js", "go", "java", "yaml", "env", "properties"}
TRUTH_KEYS = ["path", "start", "end", "type", "value", "keyword"]
# Share of lines holding at least one planted value, per kind (README: 0.5-2% of lines).
DENSITY_RANGE = {"prose": (0.004, 0.03), "logs": (0.005, 0.03), "csv": (0.005, 0.03),
                 "jsonl": (0.005, 0.03)}


def check_manifest(failures, corpus, manifest):
    failures.check(manifest.get("generator") == "tamis_corpus 1", "manifest generator")
    failures.check(manifest.get("seed") == 3, f"manifest seed {manifest.get('seed')}")
    listed = sorted(entry["path"] for entry in manifest["files"])
    failures.check(listed == all_files(corpus), "manifest files differ from the files on disk")
    for entry in manifest["files"]:
        size = os.path.getsize(os.path.join(corpus, entry["path"]))
        failures.check(size == entry["bytes"], f"{entry['path']}: manifest {entry['bytes']}, disk {size}")
    failures.check(manifest["bytes"] == sum(e["bytes"] for e in manifest["files"]), "manifest total")
    kinds = {entry["kind"] for entry in manifest["files"]}
    failures.check(kinds == KINDS, f"kinds present: {sorted(kinds)}")
    extensions = {e["path"].rsplit(".", 1)[1] for e in manifest["files"] if e["kind"] == "source"}
    failures.check(extensions == SOURCE_EXTENSIONS, f"source languages: {sorted(extensions)}")


def check_truth(failures, corpus, manifest, truth):
    paths = {entry["path"] for entry in manifest["files"]}
    cache = {}
    lines_with_values = {}
    for line in truth:
        failures.check(list(line.keys()) == TRUTH_KEYS, f"truth keys {list(line.keys())}")
        path = line["path"]
        failures.check(path in paths, f"truth names unknown file {path}")
        if path not in cache:
            cache[path] = content(corpus, path)
        data = cache[path]
        found = data[line["start"]:line["end"]]
        failures.check(found == line["value"].encode("utf-8"),
                       f"{path}@{line['start']}: file has {found!r}, truth says {line['value']!r}")
        failures.check(isinstance(line["keyword"], bool), f"keyword not boolean: {line}")
        lines_with_values.setdefault(path, set()).add(data.count(b"\n", 0, line["start"]))
    types = {line["type"] for line in truth}
    for needed in ("CREDIT_CARD_NUMBER", "USA_SOCIAL_SECURITY_NUMBER", "EMAIL_ADDRESS",
                   "PHONE_NUMBER", "AWS_CREDENTIALS", "TAMIS_GITHUB_TOKEN", "PKCS",
                   "OPENSSH_PRIVATE_KEY", "HTTP_BASIC_AUTH_HEADER", "JSON_WEB_TOKEN"):
        failures.check(needed in types, f"no {needed} planted")
    failures.check(any(not line["keyword"] for line in truth), "no keyword-less values planted")
    gz_paths = {line["path"] for line in truth if line["path"].startswith("gz/")}
    failures.check(bool(gz_paths), "no truth lines for gz/ files")
    return lines_with_values


def check_files(failures, corpus, manifest, lines_with_values):
    for entry in manifest["files"]:
        data = content(corpus, entry["path"])
        failures.check(b"\0" not in data, f"{entry['path']}: NUL byte")
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as error:
            failures.check(False, f"{entry['path']}: not UTF-8 ({error})")
        if entry["kind"] in DENSITY_RANGE:
            low, high = DENSITY_RANGE[entry["kind"]]
            share = len(lines_with_values.get(entry["path"], ())) / max(1, data.count(b"\n"))
            failures.check(low <= share <= high,
                           f"{entry['path']}: {share:.2%} of lines hold values, want {low:.1%}-{high:.1%}")


def check_bad_arguments(failures, generator, tmp):
    occupied = os.path.join(tmp, "occupied")
    os.makedirs(occupied)
    with open(os.path.join(occupied, "keep.txt"), "w", encoding="utf-8") as f:
        f.write("not ours")
    cases = [(["--out", os.path.join(tmp, "x"), "--size", "12Q"], "--size"),
             (["--out", os.path.join(tmp, "x"), "--size", "0"], "--size"),
             (["--out", os.path.join(tmp, "x"), "--seed", "-1"], "--seed"),
             (["--size", "2M"], "--out"),
             (["--out", occupied, "--size", "2M"], "not empty"),
             (["--out", os.path.join(tmp, "x"), "--bogus"], "unknown argument")]
    for args, expected in cases:
        run = subprocess.run([generator] + args, capture_output=True, text=True, check=False)
        failures.check(run.returncode == 2 and expected in run.stderr,
                       f"{args}: exit {run.returncode}, stderr {run.stderr.strip()!r}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--generator", required=True)
    args = parser.parse_args()
    failures = Failures()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus")
        generate(args.generator, corpus, "2M", 3)
        manifest = load_manifest(corpus)
        truth = load_truth(corpus)
        check_manifest(failures, corpus, manifest)
        lines_with_values = check_truth(failures, corpus, manifest, truth)
        check_files(failures, corpus, manifest, lines_with_values)
        check_bad_arguments(failures, args.generator, tmp)
    failures.finish("bench.corpus_structure")


if __name__ == "__main__":
    main()
