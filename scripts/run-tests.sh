#!/usr/bin/env bash
# Sets up everything (scripts/setup.sh) and runs every test with ctest. Idempotent.
#   scripts/run-tests.sh                 all tests
#   scripts/run-tests.sh -L unit         only unit tests (any ctest arguments pass through)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
scripts/setup.sh
cd "$BUILD_DIR"
ctest --output-on-failure -j "$(nproc)" --timeout 600 "$@"
