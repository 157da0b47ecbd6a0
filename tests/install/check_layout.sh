#!/bin/sh
# check_layout.sh FULL_PREFIX STATIC_ONLY_PREFIX LIBDIR SOURCE_DIR VERSION
# What `cmake --install` put in the prefixes: the library files and SONAME links, every public
# header and nothing from lib/, the CMake package and tamis.pc; the static-only install (components
# tamis_development and tamis_static) has no shared library.
set -u
full=$1 static_only=$2 libdir=$3 source=$4 version=$5
major=${version%%.*}
failures=0
fail() { echo "check_layout: $*" >&2; failures=$((failures + 1)); }

lib=$full/$libdir
[ -f "$lib/libtamis.so.$version" ] && [ ! -L "$lib/libtamis.so.$version" ] ||
  fail "$lib/libtamis.so.$version is not a regular file"
[ "$(readlink "$lib/libtamis.so.$major")" = "libtamis.so.$version" ] ||
  fail "libtamis.so.$major does not link to libtamis.so.$version"
[ "$(readlink "$lib/libtamis.so")" = "libtamis.so.$major" ] ||
  fail "libtamis.so does not link to libtamis.so.$major"
soname=$(readelf -d "$lib/libtamis.so.$version" 2>/dev/null | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$soname" = "libtamis.so.$major" ] || fail "SONAME is '$soname', expected libtamis.so.$major"
[ -f "$lib/libtamis.a" ] || fail "$lib/libtamis.a missing"
for f in cmake/tamis/tamisConfig.cmake cmake/tamis/tamisConfigVersion.cmake \
         cmake/tamis/tamis-shared-targets.cmake cmake/tamis/tamis-static-targets.cmake \
         pkgconfig/tamis.pc; do
  [ -f "$lib/$f" ] || fail "$lib/$f missing"
done

# Exactly the public headers of include/tamis, byte for byte.
expected=$(cd "$source/include" && find tamis -type f \( -name '*.h' -o -name '*.hpp' \) | sort)
installed=$(cd "$full/include" && find . -type f | sed 's|^\./||' | sort)
[ "$expected" = "$installed" ] ||
  fail "installed headers differ from include/tamis: expected [$expected], got [$installed]"
for h in $expected; do
  cmp -s "$source/include/$h" "$full/include/$h" || fail "include/$h differs from the source"
done

# The engine is inside libtamis.a and libtamis.so, never installed on its own.
if find "$full" -name '*tamis_core*' | grep -q .; then fail "tamis_core was installed"; fi

if ls "$static_only/$libdir"/libtamis.so* >/dev/null 2>&1; then
  fail "the static-only install has a shared library"
fi
[ -f "$static_only/$libdir/libtamis.a" ] || fail "the static-only install has no libtamis.a"
[ ! -e "$static_only/$libdir/cmake/tamis/tamis-shared-targets.cmake" ] ||
  fail "the static-only install has the shared library's CMake targets"

[ "$failures" -eq 0 ] || exit 1
echo "check_layout: ok"
