#!/usr/bin/env bash
# Sets up what the demo needs (scripts/setup.sh: the packages, then only the two programs) and
# runs Sealcheck on its built-in demo mailbox: sample messages with their own DNS zone and keys,
# no account and no network needed. Idempotent.
# With a display the desktop program opens; without one, the command-line report is printed and
# a screenshot of the desktop program is written to build/demo.png.
# Packages are installed as root (through sudo when not root); the build and the programs run as
# the invoking user, also under `sudo scripts/run-demo.sh` (scripts/as-user.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/as-user.sh
BUILD_DIR=${BUILD_DIR:-build}
export BUILD_DIR
if [ -z "${SEALCHECK_DEMO_AS_USER:-}" ]; then
  scripts/setup.sh sealcheck-cli sealcheck
fi
# Under sudo: the demo runs as the user who asked for it, never as root.
if [ "$(id -u)" = 0 ] && [ -n "$(invoking_user)" ]; then
  exec runuser -u "$(invoking_user)" -- env "HOME=$(getent passwd "$(invoking_user)" | cut -d: -f6)" \
       ${DISPLAY:+DISPLAY="$DISPLAY"} ${WAYLAND_DISPLAY:+WAYLAND_DISPLAY="$WAYLAND_DISPLAY"} \
       ${XAUTHORITY:+XAUTHORITY="$XAUTHORITY"} ${XDG_RUNTIME_DIR:+XDG_RUNTIME_DIR="$XDG_RUNTIME_DIR"} \
       BUILD_DIR="$BUILD_DIR" SEALCHECK_DEMO_AS_USER=1 scripts/run-demo.sh "$@"
fi
DEMO=resources/demo
NOW=$(cat "$DEMO/NOW")
if [ -x "$BUILD_DIR/bin/sealcheck" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  "$BUILD_DIR/bin/sealcheck" --demo
  exit $?
fi
# The demo's OpenPGP key in a private keyring with full trust.
GNUPGHOME_DEMO=$(mktemp -d /tmp/gpgXXXXXX)
trap 'gpgconf --homedir "$GNUPGHOME_DEMO" --kill all 2>/dev/null; rm -rf "$GNUPGHOME_DEMO"' EXIT
gpg --homedir "$GNUPGHOME_DEMO" --batch --import "$DEMO/pgp/friend.asc" 2>/dev/null
fpr=$(gpg --homedir "$GNUPGHOME_DEMO" --with-colons --list-keys 2>/dev/null | awk -F: '/^fpr/{print $10; exit}')
echo "$fpr:6:" | gpg --homedir "$GNUPGHOME_DEMO" --batch --import-ownertrust 2>/dev/null
"$BUILD_DIR/bin/sealcheck-cli" verify --dns-zone "$DEMO/demo.zone" --now "$NOW" \
    --trust-authserv-id mx.sealcheck-demo.example --trusted-relay mx.sealcheck-demo.example \
    --known-domain mybank.example --ca-file "$DEMO/smime/ca.pem" --gnupg-home "$GNUPGHOME_DEMO" \
    "$DEMO"/messages/*.eml
if [ -x "$BUILD_DIR/bin/sealcheck" ]; then
  QT_QPA_PLATFORM=offscreen "$BUILD_DIR/bin/sealcheck" --demo --screenshot "$BUILD_DIR/demo.png" &&
    echo "demo: a screenshot of the desktop program is in $BUILD_DIR/demo.png"
fi
