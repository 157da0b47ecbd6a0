"""Proves `pip install ./bindings/python` works: installs a copy of the folder into a fresh virtual
environment (offline: --no-build-isolation --no-deps, setuptools from the system site) and scans
with the installed package, not the source tree.

Usage: python check_pip_install.py <bindings/python folder>   (TAMIS_LIBRARY must be set)
A copy is installed because pip builds in place and would leave build/ and *.egg-info behind.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

PROBE = """
import pathlib, sys, tamis
assert pathlib.Path(tamis.__file__).resolve().is_relative_to(pathlib.Path(sys.prefix).resolve()), tamis.__file__
assert (pathlib.Path(tamis.__file__).parent / "py.typed").is_file()
with tamis.Engine() as engine:
    result = engine.scan("SSN: 536-22-4871\\n", name="pip.txt")
assert result.counts() == {"USA_SOCIAL_SECURITY_NUMBER": 1}, result.counts()
print("installed tamis", tamis.__version__, "scans with", tamis.library_path())
"""


def ensure_build_tools(python: Path, env: dict, cwd: Path) -> None:
    """setuptools older than 70.1 builds wheels with the separate `wheel` package. When the system
    site lacks either, they are installed into the throwaway venv (from the package index), so the
    check still runs; scripts/install-deps.sh installing them keeps the check offline."""
    probe = subprocess.run([str(python), "-c", "import setuptools, wheel"], env=env, cwd=cwd)
    if probe.returncode == 0:
        return
    print("check_pip_install: setuptools/wheel missing from the system site; installing them "
          "into the temporary venv", flush=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "setuptools>=61", "wheel"],
                   check=True, env=env, cwd=cwd)


def main() -> int:
    source = Path(sys.argv[1]).resolve()
    if not os.environ.get("TAMIS_LIBRARY"):
        print("check_pip_install: set TAMIS_LIBRARY", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="tamis-pip-") as scratch:
        root = Path(scratch)
        copy = root / "python"
        shutil.copytree(
            source, copy, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__")
        )
        environment = root / "venv"
        # System site packages give the venv pip and setuptools without a download.
        venv.EnvBuilder(system_site_packages=True, with_pip=False).create(environment)
        python = environment / "bin" / "python"
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        env["PIP_NO_INPUT"] = "1"
        env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
        ensure_build_tools(python, env, root)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--no-build-isolation", "--no-deps",
             "--no-index", str(copy)],
            check=True, env=env, cwd=root,
        )
        subprocess.run([str(python), "-c", PROBE], check=True, env=env, cwd=root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
