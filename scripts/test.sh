#!/usr/bin/env bash
# Command 2 of the README: installs what is missing, builds and runs every test suite.
# Usage: scripts/test.sh [PRESET...]   (default: ci = release, warnings as errors; asan = ASan+UBSan)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh

presets=("$@")
[[ ${#presets[@]} -eq 0 ]] && presets=(ci)

jobs=$(nproc 2>/dev/null || echo 2)
for preset in "${presets[@]}"; do
  echo "=== tests: preset ${preset} ==="
  cmake --preset "$preset"
  cmake --build --preset "$preset" -j "$jobs"
  ctest --preset "$preset" -j "$jobs"
done
echo "=== all tests passed: ${presets[*]} ==="
