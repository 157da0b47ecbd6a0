#!/bin/sh
# The README's C example must be exactly examples/c/scan_text.c, which the build compiles and the
# tests run: the documentation cannot rot. The block follows the marker
# `<!-- example: examples/c/scan_text.c -->` and is fenced with ```c ... ```.
set -eu
readme="$1"
example="$2"
extracted=$(awk '/<!-- example: examples\/c\/scan_text.c -->/ {found=1; next}
                 found && /^```c$/ {inside=1; next}
                 inside && /^```$/ {exit}
                 inside {print}' "$readme")
if [ -z "$extracted" ]; then
  echo "README has no C example after the marker" >&2
  exit 1
fi
if ! printf '%s\n' "$extracted" | diff -u "$example" -; then
  echo "README's C example differs from $example (above)" >&2
  exit 1
fi
