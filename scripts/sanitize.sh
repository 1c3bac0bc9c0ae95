#!/usr/bin/env bash
# AddressSanitizer + UndefinedBehaviorSanitizer (+ LeakSanitizer) run of the unit and integration
# tests, with g++ (the top-level option SEALCHECK_SANITIZE adds -fsanitize=address,undefined
# -fno-sanitize-recover=undefined).
#
#   scripts/sanitize.sh [ctest args...]
#
# Environment: BUILD_DIR (default <repo>/../build-asan), JOBS (ninja jobs, default 1),
# CTEST_JOBS (default 1), NICE (default 10), LABELS (ctest -L regex, default "unit|integration"),
# TARGETS (ninja targets, default: every test executable; "all" builds everything).
# Exit status: non-zero when the build fails, a test fails, or any sanitizer report is printed
# (a report in a test that still "passes", e.g. a leak in a QSKIPped test, counts too).
set -u -o pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$(cd "$REPO/.." && pwd)/build-asan}
JOBS=${JOBS:-1}
CTEST_JOBS=${CTEST_JOBS:-1}
NICE=${NICE:-10}
LABELS=${LABELS:-unit|integration}

start=$(date +%s)
if [[ ! -f $BUILD_DIR/build.ninja ]]; then
  cmake -S "$REPO" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSEALCHECK_SANITIZE=ON -DSEALCHECK_BUILD_UI=OFF || { echo "sanitize.sh: configure failed" >&2; exit 2; }
fi
if [[ -z ${TARGETS:-} ]]; then
  # Every test executable (what ctest runs) and the tools the integration tests call.
  TARGETS=$(ninja -C "$BUILD_DIR" -t targets all | sed -n 's#^tests/\(tst_[a-z0-9_]*\): .*#tests/\1#p; s#^\(tst_[a-z0-9_]*\): phony#\1#p' | sort -u | tr '\n' ' ')
  if ninja -C "$BUILD_DIR" -t targets all | grep -q '^sealcheck-cli:'; then TARGETS="$TARGETS sealcheck-cli"; fi
fi
# shellcheck disable=SC2086
nice -n "$NICE" ninja -C "$BUILD_DIR" -j "$JOBS" -k 0 $TARGETS
build_rc=$?
built=$(date +%s)
echo "sanitize.sh: build took $(( built - start )) s (exit $build_rc)"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$REPO/tests/limits/lsan.supp}
export SEALCHECK_REGRESSION_SECONDS=${SEALCHECK_REGRESSION_SECONDS:-30}
log=$BUILD_DIR/sanitize-ctest.log
(cd "$BUILD_DIR" && nice -n "$NICE" ctest -L "$LABELS" -j "$CTEST_JOBS" --output-on-failure "$@") 2>&1 | tee "$log"
test_rc=${PIPESTATUS[0]}
reports=$(grep -cE '^(==[0-9]+==ERROR: (Address|Leak)Sanitizer|SUMMARY: (Address|Leak|UndefinedBehavior)Sanitizer|.*: runtime error: )' "$log" || true)
echo "sanitize.sh: tests took $(( $(date +%s) - built )) s, ctest exit $test_rc, sanitizer reports: $reports"
grep -E '(==ERROR: |runtime error: |SUMMARY: )' "$log" | sort | uniq -c | head -40
if (( build_rc != 0 || test_rc != 0 || reports != 0 )); then
  exit 1
fi
exit 0
