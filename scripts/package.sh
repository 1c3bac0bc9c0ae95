#!/usr/bin/env bash
# Builds Sealcheck's Debian packages with dpkg-buildpackage and prints the paths of the binary
# packages, one a line (everything else goes to standard error).
#
#   scripts/package.sh              source package and binary packages into build/packages/
#   scripts/package.sh OUT_DIR      ... into OUT_DIR
#   BINARY_ONLY=1 scripts/package.sh    binary packages only (dpkg-buildpackage -b)
#   JOBS=N scripts/package.sh       parallel compile jobs (default: nproc)
#   SEALCHECK_OAUTH_GOOGLE_CLIENT_ID=... SEALCHECK_OAUTH_MICROSOFT_CLIENT_ID=... scripts/package.sh
#                                   build with registered OAuth client IDs (docs/user-guide.md)
#
# The repository's top level holds no debian/ folder: the packaging lives in installer/debian/.
# This script makes the upstream tarball from the files git knows (committed or not, never
# ignored ones), unpacks it in build/deb/sealcheck-VERSION/, copies installer/debian/ to debian/
# there and runs `dpkg-buildpackage -us -uc` (with -S it would be the source package alone). The
# result: sealcheck-cli, sealcheck and their -dbgsym packages, the .dsc, the tarballs, .buildinfo
# and .changes, all in OUT_DIR. The build tree keeps one path, so ccache finds its objects again
# (debhelper gives each build its own HOME; the cache folder is passed on explicitly).
set -euo pipefail
cd "$(dirname "$0")/.."
src=$(pwd)
out=${1:-build/packages}
mkdir -p "$out" && out=$(cd "$out" && pwd)
work=${PACKAGE_WORK_DIR:-$src/build/deb}

for tool in dpkg-buildpackage dpkg-parsechangelog dh tar xz; do
  command -v "$tool" >/dev/null || {
    echo "package: $tool is missing (scripts/setup.sh installs debhelper, dpkg-dev, devscripts, lintian)" >&2
    exit 2
  }
done

version=$(dpkg-parsechangelog -l installer/debian/changelog -S Version)
upstream=${version%-*}
date=$(dpkg-parsechangelog -l installer/debian/changelog -S Timestamp)
tree=$work/sealcheck-$upstream
orig=$work/sealcheck_$upstream.orig.tar.xz

# --- The upstream tarball: what git knows, reproducibly ---------------------------------------
rm -rf "$work" && mkdir -p "$work"
if git -C "$src" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git -C "$src" ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done > "$work/files"
else
  find . -path ./build -prune -o -path './build-*' -prune -o -path ./.git -prune -o \
       -type f -printf '%P\0' > "$work/files"
fi
tar --null -T "$work/files" --sort=name --mtime="@$date" --owner=0 --group=0 --numeric-owner \
    --transform "s|^|sealcheck-$upstream/|" -cf - | xz -6 -T1 > "$orig"
rm "$work/files"
tar -m -xf "$orig" -C "$work"   # -m: files dated now, so no build step thinks them newer than its output
cp -a installer/debian "$tree/debian"

# --- Build -------------------------------------------------------------------------------------
jobs=${JOBS:-$(nproc)}
export DEB_BUILD_OPTIONS="${DEB_BUILD_OPTIONS:+$DEB_BUILD_OPTIONS }parallel=$jobs"
if command -v ccache >/dev/null; then
  # debhelper (compat 13) gives the build its own HOME, where ccache would find neither its cache
  # nor its configuration: pass on the ones in use here.
  CCACHE_DIR=$(ccache -k cache_dir 2>/dev/null || echo "${HOME:-/root}/.cache/ccache")
  CCACHE_MAXSIZE=$(ccache -k max_size 2>/dev/null || echo 5G)
  export CCACHE_DIR CCACHE_MAXSIZE
  # Paths relative to the source tree and no working directory in the hash, as scripts/setup.sh
  # builds build/: with the flags shared (installer/debian/buildflags.mk), the objects of the
  # normal build are found again. (The debug files then name that build's folder.)
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$src} CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
  # ccache hashes the locale variables; debhelper sets LC_ALL=C.UTF-8, and setup.sh both.
  export LANG=C.UTF-8 LC_ALL=C.UTF-8
  unset LC_CTYPE LC_MESSAGES
fi
what=(-us -uc)
[ -n "${BINARY_ONLY:-}" ] && what+=(-b)
echo "package: dpkg-buildpackage ${what[*]} in $tree (log: $work/build.log)" >&2
start=$(date +%s)
if ! (cd "$tree" && dpkg-buildpackage "${what[@]}") > "$work/build.log" 2>&1; then
  tail -n 40 "$work/build.log" >&2
  echo "package: dpkg-buildpackage failed; the whole log is $work/build.log" >&2
  exit 1
fi
echo "package: built in $(( $(date +%s) - start )) s" >&2

# --- Results -----------------------------------------------------------------------------------
rm -f "$out"/sealcheck*_"$upstream"*
for f in "$work"/sealcheck*_"$upstream"*; do
  [ -f "$f" ] && mv "$f" "$out/"
done
ls "$out"/sealcheck*_"$version"_*.deb | grep -v -- '-dbgsym_'
