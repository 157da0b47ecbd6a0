#!/usr/bin/env bash
# Installs whatever tamis needs to build and test that is not installed yet (Debian/Ubuntu).
# Idempotent: when everything is present it changes nothing. Needs root to install; without root it
# prints the exact command to run instead.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libicu-dev zlib1g-dev libarchive-dev libxml2-dev nlohmann-json3-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 clang-format
  # The Python binding's tests (pytest; venv, setuptools and wheel for its `pip install` test).
  python3-pytest python3-venv python3-setuptools python3-wheel
  # Real archive and compression tools: tests build their fixtures with them at test time.
  zip unzip p7zip-full tar gzip bzip2 xz-utils zstd lz4 lzip ncompress cpio binutils xorriso
  # GNU time: bench/compare measures each tool's peak memory with it.
  time
)

# Hyperscan only exists for x86-64; Vectorscan is its API-compatible port for other CPUs.
if [[ "$(dpkg --print-architecture 2>/dev/null || echo amd64)" == "amd64" ]]; then
  packages+=(libhyperscan-dev)
else
  packages+=(libvectorscan-dev)
fi

# The Go binding needs a Go toolchain with cgo; Debian's is enough when none is installed.
if ! command -v go >/dev/null 2>&1 && [[ ! -x /usr/local/go/bin/go ]]; then
  packages+=(golang-go)
fi

# A Python other than Debian's (pyenv, say) is the one `python3` runs: it needs pytest and wheel
# too. Debian's own python3 gets them from the packages above (pip refuses to touch it, PEP 668).
python_modules() {
  local python
  python=$(command -v python3 2>/dev/null) || return 0
  [[ "$python" == /usr/bin/python3 ]] && return 0
  if ! "$python" -c 'import pytest, wheel' >/dev/null 2>&1; then
    echo "install-deps: installing pytest and wheel for $python"
    "$python" -m pip install --quiet pytest wheel
  fi
}

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  python_modules
  echo "install-deps: all build dependencies are installed"
  exit 0
fi

echo "install-deps: missing: ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
  echo "install-deps: not root; run this and retry:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
python_modules
echo "install-deps: done"
