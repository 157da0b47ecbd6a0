#!/bin/sh
# Fails when the shared library exports a symbol that is not in tamis.symbols, or misses one that is.
# usage: check_exports.sh <libtamis.so> <tamis.symbols>
set -eu
lib=$1
expected=$2
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
# Type A entries are version nodes (TAMIS_0), not symbols.
nm -D --defined-only --format=posix "$lib" | awk '$2 != "A" { print $1 }' | sed 's/@.*//' \
  | LC_ALL=C sort -u > "$actual"
if [ ! -s "$actual" ]; then
  echo "no exported symbols read from $lib" >&2
  exit 1
fi
if ! LC_ALL=C sort -u "$expected" | diff -u - "$actual"; then
  echo "exports of $lib differ from $expected (- expected, + exported)" >&2
  exit 1
fi
echo "exports match $expected ($(wc -l < "$actual") symbols)"
