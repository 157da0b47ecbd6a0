#!/bin/sh
# pkgconfig_consumer.sh MODE PKG_CONFIG PC_DIR CC SOURCE OUT_DIR [EXTRA_LINK_FLAGS...]
# Builds the consumer with nothing but pkg-config's flags for tamis and runs it.
#   MODE shared: `pkg-config --cflags --libs`, run against the libdir's libtamis.so.
#   MODE static: `pkg-config --static --cflags --libs` in a prefix holding only libtamis.a.
#   MODE build-tree: as shared, found through the rpath that the build tree's tamis.pc gives.
# Only PC_DIR is searched, so that no other tamis.pc on the machine can answer.
set -eu
mode=$1 pkg_config=$2 pc_dir=$3 cc=$4 source=$5 out=$6
shift 6
export PKG_CONFIG_LIBDIR="$pc_dir" PKG_CONFIG_PATH=""

mkdir -p "$out"
libdir=$("$pkg_config" --variable=libdir tamis)
case $mode in
  shared | build-tree)
    flags=$("$pkg_config" --cflags --libs tamis)
    expected="$libdir/libtamis.so"
    ;;
  static)
    flags=$("$pkg_config" --static --cflags --libs tamis)
    expected=static
    ;;
  *) echo "pkgconfig_consumer: unknown mode '$mode'" >&2; exit 2 ;;
esac
echo "pkgconfig_consumer: $cc -std=c99 $source $flags $*"
# shellcheck disable=SC2086 # pkg-config's output is a list of flags
"$cc" -std=c99 -o "$out/consumer" "$source" $flags "$@"
if [ "$mode" = shared ]; then
  LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$out/consumer" "$expected"
else
  "$out/consumer" "$expected"
fi
