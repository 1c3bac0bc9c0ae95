#!/usr/bin/env bash
# Builds the Debian package of Sealcheck from a configured build folder and prints its path.
#
#   scripts/package.sh              package build/ (configured and built by scripts/setup.sh)
#   scripts/package.sh BUILD_DIR    package another build folder
#   JOBS=1 scripts/package.sh ...   ninja jobs for the targets the package needs (default: nproc)
#   NO_BUILD=1 scripts/package.sh   package what is built, build nothing
#
# CPack with Ninja builds nothing by itself, so the targets whose files the package holds are
# built first: sealcheck-cli, sealcheck (when configured with the desktop program), the manual
# pages (sealcheck_install_data) and the translations. The package lands in BUILD_DIR/packages/.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build}
BUILD_DIR=$(cd "$BUILD_DIR" 2>/dev/null && pwd) || { echo "package: no build folder '${1:-build}' (run scripts/setup.sh)" >&2; exit 2; }
[ -f "$BUILD_DIR/CPackConfig.cmake" ] || { echo "package: $BUILD_DIR is not a configured Sealcheck build" >&2; exit 2; }
command -v cpack >/dev/null || { echo "package: cpack (cmake) is not installed" >&2; exit 2; }
command -v dpkg-shlibdeps >/dev/null || { echo "package: dpkg-shlibdeps (dpkg-dev) is not installed" >&2; exit 2; }

if [ -z "${NO_BUILD:-}" ]; then
  known=$(ninja -C "$BUILD_DIR" -t targets all 2>/dev/null | sed 's/:.*//')
  targets=()
  for t in sealcheck-cli sealcheck sealcheck_install_data sealcheck_translations sealcheck_thunderbird_xpi; do
    grep -qx "$t" <<<"$known" && targets+=("$t")
  done
  ninja -C "$BUILD_DIR" -j "${JOBS:-$(nproc)}" "${targets[@]}" >&2
fi

version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$BUILD_DIR/CPackConfig.cmake")
mkdir -p "$BUILD_DIR/packages"
rm -f "$BUILD_DIR"/packages/sealcheck_"$version"-*.deb
(cd "$BUILD_DIR" && cpack -G DEB --config CPackConfig.cmake) >&2
deb=$(ls -t "$BUILD_DIR"/packages/sealcheck_"$version"-*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || { echo "package: cpack made no .deb in $BUILD_DIR/packages" >&2; exit 1; }
echo "$deb"
