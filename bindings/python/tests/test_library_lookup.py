"""Where the binding finds libtamis: TAMIS_LIBRARY, next to the package, or the system loader. Each
case runs in a fresh interpreter, since the library is loaded once per process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import tamis

PACKAGE_DIR = Path(tamis.__file__).resolve().parent
PROBE = (
    "import tamis; e = tamis.Engine({'managedDataIdentifierSelector': 'NONE'}); "
    "print(tamis.library_path()); print(len(e.scan('x')))"
)


def run(code: str, cwd: Path, **env_changes: str | None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    for key, value in env_changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    env["PYTHONPATH"] = str(cwd)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def copy_package(tmp_path: Path) -> Path:
    shutil.copytree(PACKAGE_DIR, tmp_path / "tamis", ignore=shutil.ignore_patterns("libtamis*"))
    return tmp_path / "tamis"


def test_environment_variable_wins(tmp_path, library_file):
    copy_package(tmp_path)
    done = run(PROBE, tmp_path, TAMIS_LIBRARY=str(library_file))
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(library_file), "1"]


def test_wrong_environment_variable_is_an_import_error_naming_it(tmp_path):
    copy_package(tmp_path)
    missing = tmp_path / "nowhere" / "libtamis.so"
    code = (
        "import tamis\n"
        "try:\n    tamis.Engine()\n"
        "except tamis.LibraryNotFoundError as e:\n"
        "    assert isinstance(e, ImportError); print(e)\n"
    )
    done = run(code, tmp_path, TAMIS_LIBRARY=str(missing))
    assert done.returncode == 0, done.stderr
    assert "TAMIS_LIBRARY" in done.stdout and f"{missing}: no such file" in done.stdout


def test_not_a_tamis_library_is_refused(tmp_path):
    copy_package(tmp_path)
    libc = "libc.so.6"
    code = (
        "import tamis\n"
        "try:\n    tamis.Engine()\n"
        "except tamis.IncompatibleLibraryError as e:\n    print(e)\n"
    )
    done = run(code, tmp_path, TAMIS_LIBRARY=libc)
    assert done.returncode == 0, done.stderr
    assert "lacks a function" in done.stdout


def test_library_next_to_the_package(tmp_path, library_file):
    package = copy_package(tmp_path)
    shutil.copy(library_file, package / "libtamis.so.0")
    done = run(PROBE, tmp_path, TAMIS_LIBRARY=None, LD_LIBRARY_PATH=None)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(package / "libtamis.so.0"), "1"]


def test_library_on_the_loader_path(tmp_path, library_file):
    copy_package(tmp_path)
    lib_dir = tmp_path / "lib"
    lib_dir.mkdir()
    shutil.copy(library_file, lib_dir / "libtamis.so.0")
    done = run(PROBE, tmp_path, TAMIS_LIBRARY=None, LD_LIBRARY_PATH=str(lib_dir))
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[1] == "1"


def test_nothing_found_lists_what_was_tried(tmp_path):
    copy_package(tmp_path)
    code = (
        "import tamis\n"
        "try:\n    tamis.library_version()\n"
        "except tamis.LibraryNotFoundError as e:\n    print(e)\n"
    )
    done = run(code, tmp_path, TAMIS_LIBRARY=None, LD_LIBRARY_PATH=None)
    assert done.returncode == 0, done.stderr
    assert "set TAMIS_LIBRARY" in done.stdout
    assert str(tmp_path / "tamis" / "libtamis.so.0") + ": no such file" in done.stdout
