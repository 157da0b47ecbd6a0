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
  # Real archive and compression tools: tests build their fixtures with them at test time.
  zip unzip p7zip-full tar gzip bzip2 xz-utils zstd lz4 lzip ncompress cpio binutils xorriso
)

# Hyperscan only exists for x86-64; Vectorscan is its API-compatible port for other CPUs.
if [[ "$(dpkg --print-architecture 2>/dev/null || echo amd64)" == "amd64" ]]; then
  packages+=(libhyperscan-dev)
else
  packages+=(libvectorscan-dev)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
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
echo "install-deps: done"
