"""How each tool is run on the corpus and how its output becomes findings.

Every tool runs with the corpus root as working directory and corpus-relative paths. Tools that walk
directories get the top-level entries except manifest.json and truth.jsonl (the truth lists every
planted value, so scanning it would double every finding); the others get file lists, split into
several commands when long (their costs add up).
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import peer_results
import regex_set
import type_map
from corpus import METADATA_FILES, CorpusFile, TruthEntry
from measure import batch_arguments
from metrics import Finding
from peers_install import PeerPaths
from tamis_results import parse_tamis

HERE = Path(__file__).resolve().parent
# Every occurrence is kept (Macie's cap is 1,000 per type and object), or large files would lose
# recall to the cap rather than to detection.
TAMIS_CONFIG = {"tamis": {"limits": {"maxOccurrencesPerType": 100_000_000}}}
GITLEAKS_CONFIG = """# The default rules, without the benchmark's own metadata files.
[extend]
useDefault = true

[allowlist]
description = "benchmark metadata"
paths = ['''(^|/)truth\\.jsonl$''', '''(^|/)manifest\\.json$''']
"""


@dataclass
class Context:
    root: Path
    work: Path  # where outputs and generated configurations go
    peers: PeerPaths
    tamis: Path
    threads: int | None
    truth: list[TruthEntry]


@dataclass
class Tool:
    name: str
    files: str  # "all", "plain" (not gz) or "gz": which corpus files it is given
    sampled: bool  # run on the sample only (slow peers)
    scoring: str | None  # "spans", "lines" or "files"; None for the I/O floors
    commands: Callable[[Context, list[CorpusFile]], list[list[str]]]
    parse: Callable[[Context, Path, set[str]], tuple[list[Finding], str]]
    types: Callable[[Context], set[str]]
    exit_codes: frozenset[int] = frozenset({0})
    discard_stdout: bool = False

    def select(self, files: list[CorpusFile]) -> list[CorpusFile]:
        if self.files == "plain":
            return [f for f in files if not f.is_gzip]
        if self.files == "gz":
            return [f for f in files if f.is_gzip]
        return files


def top_level_targets(root: Path, files: list[CorpusFile], whole_corpus: bool) -> list[str]:
    """The top-level entries to hand a directory walker, or the files themselves for a subset."""
    if not whole_corpus:
        return [f.path for f in files]
    return sorted(entry.name for entry in root.iterdir() if entry.name not in METADATA_FILES)


def _read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8", errors="replace").splitlines()


def tamis_supported_types(context: Context) -> set[str]:
    listing = subprocess.run(
        [str(context.tamis), "identifiers", "--format", "json"], capture_output=True, text=True, check=False
    )
    if listing.returncode != 0:
        raise RuntimeError(f"'{context.tamis} identifiers' failed: {listing.stderr.strip()}")
    return {identifier["id"] for identifier in json.loads(listing.stdout) if identifier.get("onByDefault")}


def tamis_scan_prefix(context: Context) -> list[str]:
    config = context.work / "tamis-config.json"
    config.write_text(json.dumps(TAMIS_CONFIG))
    prefix = [str(context.tamis), "scan", "--format", "jsonl", "--no-progress", "--reveal", "--config", str(config)]
    if context.threads:
        prefix += ["--threads", str(context.threads)]
    return prefix


def _tamis_commands(context: Context, files: list[CorpusFile], whole: bool) -> list[list[str]]:
    return batch_arguments(tamis_scan_prefix(context), top_level_targets(context.root, files, whole))


def _parse_tamis(context: Context, output: Path, scanned: set[str]) -> tuple[list[Finding], str]:
    with output.open(encoding="utf-8") as lines:
        return parse_tamis(lines, context.root, scanned), "RECOMMENDED + tamis default secrets"


def _gitleaks_commands(context: Context, files: list[CorpusFile]) -> list[list[str]]:
    config = context.work / "gitleaks.toml"
    config.write_text(GITLEAKS_CONFIG)
    report = context.work / "gitleaks-report.json"
    return [
        [str(context.peers.gitleaks), "dir", "--no-banner", "--no-color", "--log-level", "error",
         "--config", str(config), "--report-format", "json", "--report-path", str(report),
         "--exit-code", "0", "--max-archive-depth", "1", "."]
    ]


def _parse_gitleaks(context: Context, output: Path, scanned: set[str]) -> tuple[list[Finding], str]:
    report = (context.work / "gitleaks-report.json").read_text(encoding="utf-8")
    return peer_results.parse_gitleaks(report, context.root, context.truth), "default rules, archives depth 1"


def _parse_detect_secrets(context: Context, output: Path, scanned: set[str]) -> tuple[list[Finding], str]:
    text = output.read_text(encoding="utf-8")
    decoder, position, findings = json.JSONDecoder(), 0, []
    # One baseline per command when the file list was split.
    while position < len(text):
        if text[position].isspace():
            position += 1
            continue
        document, position = decoder.raw_decode(text, position)
        findings += peer_results.parse_detect_secrets(json.dumps(document), context.root, context.truth)
    return findings, "default plugins, --all-files"


def _presidio_commands(context: Context, files: list[CorpusFile]) -> list[list[str]]:
    prefix = [str(context.peers.presidio_python), str(HERE / "presidio_runner.py")]
    return batch_arguments(prefix, [f.path for f in files])


def _parse_presidio(context: Context, output: Path, scanned: set[str]) -> tuple[list[Finding], str]:
    mode, findings = peer_results.parse_presidio(_read_lines(output), context.truth)
    return findings, f"presidio mode {mode}"


CLAMSCAN_OPTIONS = [
    "--no-summary", "--infected", "--allmatch=yes", "--detect-structured=yes",
    "--structured-ssn-format=2", "--structured-ssn-count=1", "--structured-cc-count=1",
    "--max-filesize=4000M", "--max-scansize=4000M", "-r",
]


def _clamscan_commands(context: Context, files: list[CorpusFile]) -> list[list[str]]:
    prefix = ["clamscan", "-d", str(context.peers.clamav_db)] + CLAMSCAN_OPTIONS
    return batch_arguments(prefix, top_level_targets(context.root, files, True))


def _parse_clamscan(context: Context, output: Path, scanned: set[str]) -> tuple[list[Finding], str]:
    return peer_results.parse_clamscan(_read_lines(output)), "per-file verdicts; SSN and card counts >= 1"


def _rg_commands(pattern_arguments: list[str]) -> Callable[[Context, list[CorpusFile]], list[list[str]]]:
    def commands(context: Context, files: list[CorpusFile]) -> list[list[str]]:
        prefix = ["rg", "--json", "--no-config", "--search-zip", "--no-ignore", "--hidden"] + pattern_arguments
        if context.threads:
            prefix += ["--threads", str(context.threads)]
        return batch_arguments(prefix + ["--"], top_level_targets(context.root, files, True))

    return commands


def _parse_rg(card_only: bool) -> Callable[[Context, Path, set[str]], tuple[list[Finding], str]]:
    def parse(context: Context, output: Path, scanned: set[str]) -> tuple[list[Finding], str]:
        with output.open(encoding="utf-8") as lines:
            findings = peer_results.parse_rg(lines, card_only)
        return findings, "card patterns only" if card_only else f"{len(regex_set.TYPE_PATTERNS)} patterns, one pass"

    return parse


def _floor_commands(program: str) -> Callable[[Context, list[CorpusFile]], list[list[str]]]:
    return lambda context, files: batch_arguments([program], [f.path for f in files])


def _no_findings(note: str) -> Callable[[Context, Path, set[str]], tuple[list[Finding], str]]:
    return lambda context, output, scanned: ([], note)


def _static(types: set[str]) -> Callable[[Context], set[str]]:
    return lambda context: types


TOOLS = {
    "tamis": Tool("tamis", "all", False, "spans", lambda c, f: _tamis_commands(c, f, True), _parse_tamis,
                  tamis_supported_types, frozenset({0, 1})),
    "tamis-sample": Tool("tamis-sample", "all", True, "spans", lambda c, f: _tamis_commands(c, f, False),
                         _parse_tamis, tamis_supported_types, frozenset({0, 1})),
    "gitleaks": Tool("gitleaks", "all", False, "spans", _gitleaks_commands, _parse_gitleaks,
                     _static(type_map.supported_types(type_map.GITLEAKS))),
    "detect-secrets": Tool("detect-secrets", "all", True, "lines",
                           lambda c, f: batch_arguments([str(c.peers.detect_secrets), "scan", "--all-files"],
                                                        [x.path for x in f]),
                           _parse_detect_secrets, _static(type_map.supported_types(type_map.DETECT_SECRETS))),
    "presidio": Tool("presidio", "all", True, "spans", _presidio_commands, _parse_presidio,
                     _static(type_map.supported_types(type_map.PRESIDIO))),
    "clamav": Tool("clamav", "all", False, "files", _clamscan_commands, _parse_clamscan,
                   _static(type_map.supported_types(type_map.CLAMAV)), frozenset({0, 1})),
    "rg-cc": Tool("rg-cc", "all", False, "spans", _rg_commands(regex_set.card_only_arguments()), _parse_rg(True),
                  _static({"CREDIT_CARD_NUMBER"}), frozenset({0, 1})),
    "rg-set": Tool("rg-set", "all", False, "spans", _rg_commands(regex_set.type_set_arguments()), _parse_rg(False),
                   _static(set(regex_set.TYPE_PATTERNS)), frozenset({0, 1})),
    "cat": Tool("cat", "plain", False, None, _floor_commands("cat"), _no_findings("I/O floor, plain files"), _static(set()), discard_stdout=True),
    "zcat": Tool("zcat", "gz", False, None, _floor_commands("zcat"), _no_findings("inflate floor, gz files"), _static(set()), discard_stdout=True),
}

DEFAULT_TOOLS = ["tamis", "gitleaks", "detect-secrets", "presidio", "tamis-sample", "clamav", "rg-cc", "rg-set",
                 "cat", "zcat"]


def environment() -> dict[str, str]:
    """The peers' environment: no colour, no telemetry, a C locale for byte-wise tools."""
    env = dict(os.environ)
    env.update({"NO_COLOR": "1", "LC_ALL": "C.UTF-8"})
    return env
