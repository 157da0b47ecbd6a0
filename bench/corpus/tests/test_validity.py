"""Every planted value is valid for its type (independent checkers), and the keyword flag tells
the truth: keyword:true values of keyword-required types have a keyword within 30 characters, in
their CSV column name or in their JSON path; keyword:false values have none of these."""

import argparse
import json
import os
import re
import tempfile

from corpus_files import Failures, content, generate, load_truth
from independent_checks import CHECKS, IBAN_COUNTRY_OF_TYPE

# Macie's keywords for the keyword-required types the corpus plants (AWS documentation), enough of
# them to recognise every context the generator writes and the usual ones it must avoid.
KEYWORDS = {
    "CREDIT_CARD_NUMBER": ["card", "card number", "credit", "credit card", "cc#", "ccn", "visa",
                           "mastercard", "amex", "debit", "pan", "jcb", "discover"],
    "USA_SOCIAL_SECURITY_NUMBER": ["ssn", "ss#", "social security", "social security number"],
    "USA_PASSPORT_NUMBER": ["passport", "passport number", "travel document", "us passport"],
    "UK_NATIONAL_INSURANCE_NUMBER": ["national insurance number", "nino", "nin", "ni number",
                                     "national insurance"],
}
WINDOW = 30


def keyword_regex(keywords):
    variants = [re.escape(k).replace(r"\ ", "[ _-]?") for k in keywords]
    return re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(variants) + r")(?![A-Za-z0-9])", re.I)


def json_path_to(node, value, path=()):
    if isinstance(node, dict):
        for key, child in node.items():
            found = json_path_to(child, value, path + (key,))
            if found is not None:
                return found
    elif isinstance(node, list):
        for child in node:
            found = json_path_to(child, value, path)
            if found is not None:
                return found
    elif node == value:
        return path
    return None


def structural_names(path, data, line):
    """Column name (CSV) or key path (JSONL) that Macie treats as keyword context."""
    line_start = data.rfind(b"\n", 0, line["start"]) + 1
    line_end = data.find(b"\n", line["start"])
    row = data[line_start:line_end].decode("utf-8")
    if path.endswith(".csv"):
        header = data[:data.find(b"\n")].decode("utf-8").split(",")
        column = data[line_start:line["start"]].count(b",")
        return [header[column]]
    if path.endswith(".jsonl"):
        return list(json_path_to(json.loads(row), line["value"]) or [])
    return []


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--generator", required=True)
    args = parser.parse_args()
    failures = Failures()
    patterns = {type_: keyword_regex(words) for type_, words in KEYWORDS.items()}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus")
        generate(args.generator, corpus, "3M", 5)
        truth = load_truth(corpus)
        cache = {}
        for line in truth:
            type_, value, path = line["type"], line["value"], line["path"]
            check = CHECKS.get(type_)
            failures.check(check is not None, f"unknown type {type_}")
            if check is None:
                continue
            failures.check(bool(check(value)), f"invalid {type_} in {path}: {value!r}")
            if type_ in IBAN_COUNTRY_OF_TYPE:
                failures.check(value.startswith(IBAN_COUNTRY_OF_TYPE[type_]),
                               f"{type_} holds another country's IBAN: {value}")
            if type_ not in patterns:
                failures.check(line["keyword"], f"{type_} needs no keyword but says keyword:false")
                continue
            if path not in cache:
                cache[path] = content(corpus, path)
            data = cache[path]
            before = data[max(0, line["start"] - WINDOW):line["start"]].decode("utf-8", "replace")
            after = data[line["end"]:line["end"] + WINDOW].decode("utf-8", "replace")
            names = " ".join(structural_names(path, data, line))
            near = bool(patterns[type_].search(before) or patterns[type_].search(after)
                        or patterns[type_].search(names))
            failures.check(near == line["keyword"],
                           f"{path}@{line['start']} {type_} keyword:{line['keyword']} but keyword "
                           f"{'found' if near else 'absent'}: {before!r} [value] {after!r} {names!r}")
        kinds_with_keywordless = {line["path"].split("/")[0] for line in truth if not line["keyword"]}
        failures.check({"prose", "logs", "csv", "jsonl"} <= kinds_with_keywordless,
                       f"keyword-less values only in {sorted(kinds_with_keywordless)}")
    failures.finish("bench.corpus_validity")


if __name__ == "__main__":
    main()
