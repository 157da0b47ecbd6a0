#!/usr/bin/env python3
"""Runs tamis and the peers a user would pick instead on the same corpus, and prints one table of
speed (wall, CPU, MB/s, MB/s per core, peak RSS) and one of precision and recall per truth type.

    python3 bench/compare/compare.py --corpus DIR [--tools tamis,gitleaks,...] [--markdown]

See bench/compare/README.md for what each tool runs and what each column means.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import CorpusError, CorpusFile, choose_sample, list_files, load_truth  # noqa: E402
from measure import Measurement, RunError, batch_arguments, run_measured  # noqa: E402
from metrics import VIEWS, restrict_truth, score_files, score_spans  # noqa: E402
from peers_install import InstallError, PeerPaths, install_peers  # noqa: E402
from runners import DEFAULT_TOOLS, TOOLS, Context, Tool, environment, tamis_scan_prefix  # noqa: E402
from tables import fraction, number, render  # noqa: E402

MEGABYTE = 1_000_000
MEBIBYTE = 1 << 20


@dataclass
class ToolRun:
    tool: str
    files: int = 0
    bytes: int = 0
    sampled: bool = False
    note: str = ""
    error: str = ""
    measurement: Measurement = field(default_factory=Measurement)
    findings: int = 0
    mapped_findings: int = 0
    scoring: str | None = None
    scores: dict = field(default_factory=dict)  # view -> type -> counts and ratios

    @property
    def mb_per_second(self) -> float | None:
        wall = self.measurement.wall_seconds
        return self.bytes / MEGABYTE / wall if wall > 0 and not self.error else None

    @property
    def mb_per_core_second(self) -> float | None:
        cpu = self.measurement.cpu_seconds
        return self.bytes / MEGABYTE / cpu if cpu > 0 and not self.error else None


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True, type=Path, help="corpus directory (tamis_corpus layout)")
    parser.add_argument("--tools", default=",".join(DEFAULT_TOOLS), help="comma-separated subset of: " + ", ".join(TOOLS))
    parser.add_argument("--tamis", type=Path, default=Path("build/ci/tools/tamis"), help="the tamis CLI")
    parser.add_argument("--threads", type=int, help="tamis and ripgrep worker threads (default: their own)")
    parser.add_argument("--peers-dir", type=Path, default=Path("build/peers"), help="where peers are installed")
    parser.add_argument("--skip-install", action="store_true", help="use the peers as installed, install nothing")
    parser.add_argument("--sample-mb", type=float, default=32.0, help="MiB of files for the slow peers (default 32)")
    parser.add_argument("--work-dir", type=Path, help="keep the tools' raw outputs here (default: a temporary dir)")
    parser.add_argument("--json-out", type=Path, help="write every measured number and score as JSON")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    arguments = parser.parse_args(argv)
    tools = [t.strip() for t in arguments.tools.split(",") if t.strip()]
    unknown = [t for t in tools if t not in TOOLS]
    if unknown or not tools:
        parser.error(f"unknown tool(s) {', '.join(unknown) or '(none given)'}; known: {', '.join(TOOLS)}")
    arguments.tools = tools
    if arguments.threads is not None and arguments.threads < 1:
        parser.error("--threads must be at least 1")
    if arguments.sample_mb <= 0:
        parser.error("--sample-mb must be positive")
    if any(t.startswith("tamis") for t in tools):
        if not arguments.tamis.is_file() or not os.access(arguments.tamis, os.X_OK):
            parser.error(f"tamis CLI not found or not executable: {arguments.tamis} (build tamis_cli or pass --tamis)")
    return arguments


def _say(message: str) -> None:
    print(f"[compare] {message}", file=sys.stderr, flush=True)


def _warm(context: Context, files: list[CorpusFile]) -> None:
    """An untimed cat pass, so every tool starts from the same warm page cache."""
    for command in batch_arguments(["cat"], [f.path for f in files]):
        run_measured([command], Path("/dev/null"), Path("/dev/null"), frozenset({0}), cwd=context.root)


def _warm_tamis_engine(context: Context, files: list[CorpusFile]) -> None:
    """An untimed scan of the smallest file, so the timed run loads the cached engine image (ms)
    instead of compiling the identifiers (a second or more)."""
    smallest = min(files, key=lambda f: f.size)
    run_measured([tamis_scan_prefix(context) + [smallest.path]], Path("/dev/null"), Path("/dev/null"), frozenset({0, 1}), cwd=context.root)


def run_tool(tool: Tool, context: Context, files: list[CorpusFile], truth_types: set[str]) -> ToolRun:
    run = ToolRun(tool.name, sampled=tool.sampled, scoring=tool.scoring)
    selected = tool.select(files)
    run.files, run.bytes = len(selected), sum(f.size for f in selected)
    if not selected:
        run.error = "no files of its kind in the corpus"
        return run
    _warm(context, selected)
    if tool.name.startswith("tamis"):
        _warm_tamis_engine(context, selected)
    stdout = Path("/dev/null") if tool.discard_stdout else context.work / f"{tool.name}.out"
    stderr = context.work / f"{tool.name}.err"
    _say(f"running {tool.name} on {run.files} files, {run.bytes / MEGABYTE:,.1f} MB")
    run.measurement = run_measured(
        tool.commands(context, selected), stdout, stderr, tool.exit_codes, cwd=context.root, env=environment()
    )
    scanned = {f.path for f in selected}
    findings, run.note = tool.parse(context, stdout, scanned)
    run.findings = len(findings)
    run.mapped_findings = sum(1 for f in findings if f.type)
    if tool.scoring is None:
        return run
    truth = restrict_truth(context.truth, scanned)
    types = tool.types(context) & truth_types
    scorer = score_files if tool.scoring == "files" else score_spans
    for view in VIEWS:
        scores = scorer(findings, truth, types, view)
        run.scores[view] = {
            name: {**asdict(score), "precision": score.precision, "recall": score.recall}
            for name, score in sorted(scores.items())
        }
    return run


def ratio_reference(run: ToolRun, runs: dict[str, ToolRun]) -> ToolRun | None:
    """tamis on the same files when it ran there (the sample), else tamis on the whole corpus."""
    if run.sampled and "tamis-sample" in runs and not runs["tamis-sample"].error:
        return runs["tamis-sample"]
    reference = runs.get("tamis")
    return reference if reference is not None and not reference.error else None


def speed_table(runs: dict[str, ToolRun], markdown: bool) -> str:
    headers = ["tool", "files", "MB", "wall s", "CPU s", "MB/s", "MB/s/core", "peak RSS MB", "findings",
               "tamis x (per core)", "note"]
    rows = []
    for run in runs.values():
        reference = ratio_reference(run, runs)
        ratio = None
        if reference and reference.mb_per_core_second and run.mb_per_core_second:
            ratio = reference.mb_per_core_second / run.mb_per_core_second
        note = run.error or run.note
        if run.sampled:
            note = f"SAMPLE; {note}"
        m = run.measurement
        rows.append([
            run.tool, str(run.files), number(run.bytes / MEGABYTE), number(m.wall_seconds, 2),
            number(m.cpu_seconds, 2), number(run.mb_per_second), number(run.mb_per_core_second),
            number(m.peak_rss_bytes / MEBIBYTE), f"{run.findings:,}", number(ratio, 2), note,
        ])
    return render(headers, rows, markdown)


def quality_table(runs: dict[str, ToolRun], markdown: bool) -> str:
    headers = ["tool", "type", "unit", "positives (Macie)", "P (Macie)", "R (Macie)", "positives (any valid)",
               "P (any valid)", "R (any valid)"]
    rows = []
    for run in runs.values():
        if not run.scores:
            continue
        unit = {"spans": "value", "lines": "line", "files": "file"}[run.scoring or "spans"]
        for type_name in run.scores["macie"]:
            macie, any_valid = run.scores["macie"][type_name], run.scores["any-valid"][type_name]
            if not any_valid["positives"] and not any_valid["findings"]:
                continue  # the type is in the corpus but not in the files this tool scanned
            rows.append([
                run.tool + (" (sample)" if run.sampled else ""), type_name, unit, str(macie["positives"]),
                fraction(macie["precision"]), fraction(macie["recall"]), str(any_valid["positives"]),
                fraction(any_valid["precision"]), fraction(any_valid["recall"]),
            ])
    return render(headers, rows, markdown)


def main(argv: list[str]) -> int:
    arguments = parse_arguments(argv)
    try:
        files = list_files(arguments.corpus)
        truth = load_truth(arguments.corpus)
    except CorpusError as error:
        print(f"compare: {error}", file=sys.stderr)
        return 2
    peers = PeerPaths(arguments.peers_dir.resolve())
    if not arguments.skip_install:
        try:
            install_peers(arguments.tools, peers)
        except InstallError as error:
            print(f"compare: {error}", file=sys.stderr)
            return 2
    work = arguments.work_dir or Path(tempfile.mkdtemp(prefix="tamis-compare-"))
    work.mkdir(parents=True, exist_ok=True)
    context = Context(arguments.corpus.resolve(), work.resolve(), peers, arguments.tamis.resolve(), arguments.threads, truth)
    sample = choose_sample(files, int(arguments.sample_mb * MEBIBYTE))
    truth_types = {entry.type for entry in truth}
    runs: dict[str, ToolRun] = {}
    for name in arguments.tools:
        tool = TOOLS[name]
        try:
            runs[name] = run_tool(tool, context, sample if tool.sampled else files, truth_types)
        except (RunError, ValueError, RuntimeError, OSError) as error:
            _say(f"{name} failed: {error}")
            runs[name] = ToolRun(name, sampled=tool.sampled, error=f"FAILED: {str(error).splitlines()[0]}")
    print(speed_table(runs, arguments.markdown))
    print()
    print(quality_table(runs, arguments.markdown))
    if any(run.sampled for run in runs.values()):
        print(f"\nSAMPLE: {len(sample)} files, {sum(f.size for f in sample) / MEGABYTE:,.1f} MB chosen by path hash.")
    if arguments.json_out:
        document = {name: {**asdict(run), "mb_per_second": run.mb_per_second, "mb_per_core_second": run.mb_per_core_second,
                           "cpu_seconds": run.measurement.cpu_seconds} for name, run in runs.items()}
        arguments.json_out.write_text(json.dumps(document, indent=2) + "\n")
    _say(f"raw outputs kept in {work}")
    return 1 if any(run.error.startswith("FAILED") for run in runs.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
