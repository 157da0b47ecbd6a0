"""tamis on a ~4 MB generated corpus, compared with the truth for every type tamis supports:
each keyword:true value must be found with exactly its span, no keyword:false value of a
keyword-required identifier may be found, and nothing else may be found (decoys included).
Prints recall and precision per type.

Documented differences (not failures):
- PKCS and OPENSSH_PRIVATE_KEY: tamis reports the BEGIN line and the first 16 characters of
  the key body, by design (docs: the occurrence is where the key starts); the truth is the whole
  PEM block. For these types a finding must start where the block starts and lie inside it.
- A US passport number next to "passport" is also a valid UK (9 digits) or German (letter and
  8 digits from the ICAO alphabet) passport number by format, and the keyword "passport" belongs
  to every country's identifier: Macie reports every type whose format and keyword match, and
  so does tamis. Such a finding with exactly the span of a planted USA_PASSPORT_NUMBER counts
  as an accepted alias, not a false positive."""

import argparse
import json
import os
import subprocess
import tempfile

from corpus_files import Failures, generate, load_truth

# Peers-only types: tamis has no identifier for them.
NOT_TAMIS = {"EMAIL_ADDRESS", "PHONE_NUMBER"}
# Identifiers outside the default set that the corpus plants: added to the scan's configuration.
EXTRA_IDS = ["STRIPE_CREDENTIALS", "JSON_WEB_TOKEN", "GERMANY_BANK_ACCOUNT_NUMBER",
             "FRANCE_BANK_ACCOUNT_NUMBER", "UK_BANK_ACCOUNT_NUMBER", "SPAIN_BANK_ACCOUNT_NUMBER",
             "ITALY_BANK_ACCOUNT_NUMBER"]
BLOCK_PREFIX_TYPES = {"PKCS", "OPENSSH_PRIVATE_KEY"}
PASSPORT_ALIASES = {"UK_PASSPORT_NUMBER", "GERMANY_PASSPORT_NUMBER", "CANADA_PASSPORT_NUMBER",
                    "FRANCE_PASSPORT_NUMBER", "ITALY_PASSPORT_NUMBER", "SPAIN_PASSPORT_NUMBER"}
REQUIRED_RECALL = 1.0
REQUIRED_PRECISION = 1.0


def default_ids(tamis):
    listed = subprocess.run([tamis, "identifiers", "--format", "json"], capture_output=True,
                            text=True, check=True).stdout
    return [entry["id"] for entry in json.loads(listed) if entry["onByDefault"]]


def scan(tamis, corpus, config_path):
    # The data folders only: truth.jsonl and manifest.json hold the values too.
    folders = sorted(os.path.join(corpus, name) for name in os.listdir(corpus)
                     if os.path.isdir(os.path.join(corpus, name)))
    run = subprocess.run([tamis, "scan", "--config", config_path, "--format", "jsonl", "--reveal",
                          "--no-cache", "--no-progress", "-j2"] + folders,
                         capture_output=True, text=True, check=False)
    if run.returncode not in (0, 1):
        raise SystemExit(f"tamis scan failed ({run.returncode}): {run.stderr}")
    return [json.loads(line) for line in run.stdout.splitlines() if line.strip()]


def corpus_path(key, corpus):
    """The truth path of a result: relative to the corpus, gz members named by their .gz file."""
    rel = os.path.relpath(key, corpus)
    if ".gz/" in rel:
        rel = rel[:rel.index(".gz/") + 3]
    return rel


def findings_of(results, corpus):
    """(path, type, span or None, text) per occurrence; span only for plain-text occurrences."""
    found = []
    for result in results:
        path = corpus_path(result["resourcesAffected"]["s3Object"]["key"], corpus)
        status = result["classificationDetails"]["result"]["status"]["code"]
        if status != "COMPLETE":
            found.append((path, "STATUS_" + status, None, json.dumps(result.get("tamis", {}))))
        for category in result["classificationDetails"]["result"]["sensitiveData"]:
            for detection in category["detections"]:
                occurrences = detection["occurrences"]
                for where in occurrences.get("offsetRanges") or []:
                    found.append((path, detection["type"], (where["start"], where["end"]),
                                  where["tamisText"]))
                for where in (occurrences.get("cells") or []) + (occurrences.get("records") or []):
                    found.append((path, detection["type"], None, where["tamisText"]))
    return found


def matches(truth_line, span, text):
    if span is None:
        return truth_line["value"] == text
    if truth_line["type"] in BLOCK_PREFIX_TYPES:
        return span[0] == truth_line["start"] and span[1] <= truth_line["end"]
    return span == (truth_line["start"], truth_line["end"]) and truth_line["value"] == text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--generator", required=True)
    parser.add_argument("--tamis", required=True)
    parser.add_argument("--size", default="4M")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    failures = Failures()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus")
        generate(args.generator, corpus, args.size, args.seed)
        ids = default_ids(args.tamis) + EXTRA_IDS
        config_path = os.path.join(tmp, "config.json")
        with open(config_path, "w", encoding="utf-8") as f:
            json.dump({"managedDataIdentifierSelector": "INCLUDE", "managedDataIdentifierIds": ids,
                       "tamis": {"includeTamisSecrets": True}}, f)
        truth = [t for t in load_truth(corpus) if t["type"] not in NOT_TAMIS]
        found = findings_of(scan(args.tamis, corpus, config_path), corpus)

    failures.check(not ({t["type"] for t in truth} - set(ids)),
                   f"planted types tamis was not asked for: {sorted({t['type'] for t in truth} - set(ids))}")
    by_key = {}
    for t in truth:
        by_key.setdefault((t["path"], t["type"]), []).append(t)
    used = set()
    stats = {}  # type -> [true positives, false positives, keyword-less found]
    aliases = 0
    for path, type_, span, text in found:
        if type_ in PASSPORT_ALIASES and any(
                matches(t, span, text) for t in by_key.get((path, "USA_PASSPORT_NUMBER"), [])):
            aliases += 1
            continue
        stat = stats.setdefault(type_, [0, 0, 0])
        candidates = [t for t in by_key.get((path, type_), [])
                      if id(t) not in used and matches(t, span, text)]
        if not candidates:
            stat[1] += 1
            failures.check(False, f"false positive {type_} in {path} at {span}: {text!r}")
            continue
        hit = candidates[0]
        used.add(id(hit))
        if hit["keyword"]:
            stat[0] += 1
        else:
            stat[2] += 1
            failures.check(False, f"keyword-less {type_} reported in {path} at {span}: {text!r}")
    missed = {}
    for t in truth:
        if t["keyword"] and id(t) not in used:
            missed[t["type"]] = missed.get(t["type"], 0) + 1
            failures.check(False, f"missed {t['type']} in {t['path']} at {t['start']}: {t['value']!r}")

    print(f"{'TYPE':40} {'PLANTED':>7} {'KW-LESS':>7} {'TP':>5} {'FP':>4} {'KW-LESS FOUND':>13} "
          f"{'RECALL':>7} {'PRECISION':>9}")
    for type_ in sorted({t["type"] for t in truth} | set(stats)):
        planted = sum(1 for t in truth if t["type"] == type_ and t["keyword"])
        keywordless = sum(1 for t in truth if t["type"] == type_ and not t["keyword"])
        tp, fp, kwless = stats.get(type_, [0, 0, 0])
        recall = tp / planted if planted else 1.0
        precision = tp / (tp + fp + kwless) if tp + fp + kwless else 1.0
        print(f"{type_:40} {planted:7} {keywordless:7} {tp:5} {fp:4} {kwless:13} {recall:7.1%} "
              f"{precision:9.1%}")
        failures.check(recall >= REQUIRED_RECALL, f"{type_}: recall {recall:.1%}")
        failures.check(precision >= REQUIRED_PRECISION, f"{type_}: precision {precision:.1%}")
    print(f"other countries' passport findings on planted US passport numbers (accepted): {aliases}")
    failures.messages.sort(key=lambda m: not m.startswith("missed"))
    failures.finish("bench.corpus_tamis_accuracy")


if __name__ == "__main__":
    main()
