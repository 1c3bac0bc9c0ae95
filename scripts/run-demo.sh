#!/usr/bin/env bash
# Sets up everything (scripts/setup.sh) and runs Sealcheck on its built-in demo mailbox: sample
# messages with their own DNS zone and keys, no account and no network needed. Idempotent.
# With a display the desktop program opens; without one, the command-line report is printed and
# a screenshot of the desktop program is written to build/demo.png.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
scripts/setup.sh
DEMO=resources/demo
NOW=$(cat "$DEMO/NOW")
if [ -x "$BUILD_DIR/bin/sealcheck" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  exec "$BUILD_DIR/bin/sealcheck" --demo
fi
for zone in "$DEMO"/*.zone; do zones+=(--dns-zone "$zone"); done
"$BUILD_DIR/bin/sealcheck-cli" verify "${zones[@]}" --now "$NOW" --trust-authserv-id mx.sealcheck-demo.example \
    --trusted-relay mx.sealcheck-demo.example "$DEMO"/messages/*.eml
if [ -x "$BUILD_DIR/bin/sealcheck" ]; then
  QT_QPA_PLATFORM=offscreen "$BUILD_DIR/bin/sealcheck" --demo --screenshot "$BUILD_DIR/demo.png" &&
    echo "demo: a screenshot of the desktop program is in $BUILD_DIR/demo.png"
fi
