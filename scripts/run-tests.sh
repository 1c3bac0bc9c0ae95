#!/usr/bin/env bash
# Sets up everything (scripts/setup.sh) and runs every test. Idempotent: packages present are
# not installed again and ninja rebuilds only what changed.
#
#   scripts/run-tests.sh             all tests: the normal build (build/); in CI (CI=true) or with
#                                    SEALCHECK_TEST_PACKAGE=1 the Debian packages (installer_package);
#                                    then the hostile-input pass (scripts/sanitize.sh: the whole suite under ASan, UBSan
#                                    and LeakSanitizer in build-asan/, then every fuzzer briefly)
#   scripts/run-tests.sh --quick     the normal build's tests only
#   scripts/run-tests.sh -L unit     any ctest arguments: those tests of the normal build only
#
# Packages are installed as root (through sudo when not root); building and testing run as the
# invoking user, also under sudo (scripts/as-user.sh). Tests that need root (installer_package)
# skip when not root.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/as-user.sh
BUILD_DIR=${BUILD_DIR:-build}
export BUILD_DIR
hostile=1
if [ "${1:-}" = "--quick" ]; then
  hostile=0
  shift
fi
[ $# -gt 0 ] && hostile=0
start=$(date +%s)
scripts/setup.sh
(cd "$BUILD_DIR" && as_user ctest --output-on-failure -j "$(nproc)" --timeout 600 "$@")
echo "run-tests: normal build and tests took $(( $(date +%s) - start )) s"
# The Debian packages (issue 23): dpkg-buildpackage, lintian, hardening-check, install, purge.
# In CI always; elsewhere with SEALCHECK_TEST_PACKAGE=1 (it installs packages system-wide, as root).
# Run alone, after the suite: it builds with every core. The normal build shares its compiler flags
# (installer/debian/buildflags.mk), so ccache gives it the objects and it takes a few minutes.
if [ $# -eq 0 ] && { [ "${CI:-}" = true ] || [ "${SEALCHECK_TEST_PACKAGE:-0}" = 1 ]; }; then
  pstart=$(date +%s)
  (cd "$BUILD_DIR" && SEALCHECK_TEST_PACKAGE=1 ctest --output-on-failure -R '^installer_package$')
  echo "run-tests: package build and checks took $(( $(date +%s) - pstart )) s"
fi
if [ "$hostile" = 1 ]; then
  give_to_user build-asan
  as_user scripts/sanitize.sh
fi
echo "run-tests: all done in $(( $(date +%s) - start )) s"
