#!/usr/bin/env bash
# Sets up a Debian 12 machine for Sealcheck and builds it into build/. Idempotent: packages that
# are present are not installed again, and ninja rebuilds only what changed.
#
#   scripts/setup.sh                 install missing packages, configure, build everything
#   scripts/setup.sh TARGET...       ... build only these ninja targets (run-demo.sh: the programs)
#   BUILD_DIR=... scripts/setup.sh
#   SEALCHECK_SANITIZE=ON BUILD_DIR=build-asan scripts/setup.sh
#
# Packages are installed as root: directly when root, else through sudo. Configuring and building
# run as the invoking user (scripts/as-user.sh): under `sudo scripts/setup.sh`, as SUDO_USER.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/as-user.sh
BUILD_DIR=${BUILD_DIR:-build}

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
  qt6-networkauth-dev libqt6sql6-sqlite qt6-qpa-plugins
  libgpgmepp-dev libgpgme-dev gnupg gpgsm qtkeychain-qt6-dev libssl-dev
  libunbound-dev libevent-dev nettle-dev libpsl-dev publicsuffix libicu-dev libidn2-dev
  libsqlite3-dev nlohmann-json3-dev dns-root-data
  xvfb xauth dovecot-imapd dovecot-sieve dovecot-lmtpd procmail mutt nodejs thunderbird unbound bind9-dnsutils gnome-keyring libsecret-tools dbus dbus-x11
  openssl ca-certificates desktop-file-utils appstream file python3-jsonschema
  debhelper dpkg-dev fakeroot lintian devscripts
  clang-14 libfuzzer-14-dev libclang-rt-14-dev llvm-14
  python3-authres
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${#missing[@]} Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup: all Debian packages present"
fi

# ccache: paths relative to the source tree and no working directory in the hash, so a build in
# another clone or in the package's tree (scripts/package.sh) finds these objects.
# ccache also hashes the locale variables: the ones debhelper sets for the package build.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$(pwd)} CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1} LANG=C.UTF-8 LC_ALL=C.UTF-8
unset LC_CTYPE LC_MESSAGES
give_to_user "$BUILD_DIR"
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  config=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
  if [ "${SEALCHECK_SANITIZE:-OFF}" != ON ] && command -v dpkg-buildflags >/dev/null; then
    # The Debian package's flags (installer/debian/buildflags.mk: -O2 -g and every hardening flag),
    # as dh_auto_configure passes them, for the tree scripts/package.sh builds the package in.
    version=$(dpkg-parsechangelog -l installer/debian/changelog -S Version)
    cxxflags=$(DEB_BUILD_PATH="$(pwd)/build/deb/sealcheck-${version%-*}" \
               make -s -f installer/debian/buildflags.mk print-cxxflags)
    config=(-DCMAKE_BUILD_TYPE=None "-DCMAKE_CXX_FLAGS=$cxxflags")
  fi
  as_user cmake -S . -B "$BUILD_DIR" -G Ninja "${config[@]}" -DSEALCHECK_SANITIZE="${SEALCHECK_SANITIZE:-OFF}"
fi
jobs=$(nproc)
as_user ninja -C "$BUILD_DIR" -j "$jobs" "$@"
echo "setup: built $BUILD_DIR/bin/sealcheck-cli${SEALCHECK_BUILD_UI:+ }"
