#!/bin/sh
# A README example must be exactly the file the build compiles or runs, so the documentation
# cannot rot. Usage: check_readme_example.sh README.md <repo-root> <example path from the root>.
# The block follows the marker `<!-- example: <example path> -->` and is fenced with ```<lang>.
set -eu
readme="$1"
root="$2"
example="$3"
extracted=$(awk -v marker="<!-- example: $example -->" '
  $0 == marker {found=1; next}
  found && !inside && /^```[a-z+]*$/ {inside=1; next}
  inside && /^```$/ {exit}
  inside {print}' "$readme")
if [ -z "$extracted" ]; then
  echo "README has no example after the marker <!-- example: $example -->" >&2
  exit 1
fi
if ! printf '%s\n' "$extracted" | diff -u "$root/$example" -; then
  echo "README's example differs from $example (above)" >&2
  exit 1
fi
