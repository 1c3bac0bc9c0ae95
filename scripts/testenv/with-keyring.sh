#!/bin/sh
# Runs a command with a private Secret Service: a private D-Bus session bus and an unlocked
# gnome-keyring whose files live in a temporary HOME (PITFALLS.md "Keychain in tests").
set -eu
tmp=$(mktemp -d /tmp/sealcheck-keyring.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir -m 700 "$tmp/run" "$tmp/home"
export XDG_RUNTIME_DIR="$tmp/run" HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/.local/share"
export SEALCHECK_KEYRING_TEST=1
dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"' sh "$@"
