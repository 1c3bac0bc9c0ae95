#!/usr/bin/env bash
# The hostile-input pass of the test suite (issue 9): one build of the whole tree, desktop
# program included, with AddressSanitizer + UndefinedBehaviorSanitizer (+ LeakSanitizer), every
# ctest suite run in it, then every libFuzzer target (same build, clang) for a short while.
# scripts/run-tests.sh runs this after the normal tests, so CI does too. Idempotent: ninja
# rebuilds only what changed.
#
#   scripts/sanitize.sh [ctest args...]
#
# Environment:
#   SANITIZE_BUILD_DIR  default <repo>/build-asan (BUILD_DIR is the normal build's and is not
#                  read here: run-tests.sh exports it)
#   CXX            clang++ to use (default clang++-14; without clang: g++, and no fuzzers)
#   JOBS           ninja jobs (default nproc)       CTEST_JOBS  ctest jobs (default nproc)
#   NICE           nice level (default 0)            LABELS      ctest -L regex (default: all)
#   FUZZ_SECONDS   seconds per fuzz target after the tests (default 10; 0 = no fuzzing)
# Exit status: non-zero when the build fails, a test fails, any sanitizer report is printed
# (a report in a test that still "passes", e.g. a leak in a QSKIPped test, counts too), or a
# fuzzer finds something (it is then filed under tests/data/regressions/, see scripts/fuzz.sh).
set -u -o pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${SANITIZE_BUILD_DIR:-$REPO/build-asan}
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR=$REPO/$BUILD_DIR ;; esac
JOBS=${JOBS:-$(nproc)}
CTEST_JOBS=${CTEST_JOBS:-$(nproc)}
NICE=${NICE:-0}
LABELS=${LABELS:-}
FUZZ_SECONDS=${FUZZ_SECONDS:-10}
if [[ -z "${CXX:-}" ]]; then
  CXX=$(command -v clang++-14 || command -v clang++ || command -v g++)
fi
CC_FOR_CXX=${CXX/clang++/clang}
CC_FOR_CXX=${CC_FOR_CXX/g++/gcc}
is_clang=0
[[ $($CXX --version 2>/dev/null) == *clang* ]] && is_clang=1

start=$(date +%s)
if [[ ! -f $BUILD_DIR/build.ninja ]]; then
  # -O1 with line tables: fast to build, readable stack traces, sanitizers fully effective.
  debug=-g1
  (( is_clang )) && debug=-gline-tables-only
  cmake -S "$REPO" -B "$BUILD_DIR" -G Ninja -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_C_COMPILER="$CC_FOR_CXX" \
    -DCMAKE_BUILD_TYPE=Sanitize -DCMAKE_CXX_FLAGS_SANITIZE="-O1 $debug" -DCMAKE_C_FLAGS_SANITIZE="-O1 $debug" \
    -DSEALCHECK_SANITIZE=ON -DSEALCHECK_FUZZ=$([[ $is_clang == 1 ]] && echo ON || echo OFF) -DSEALCHECK_BUILD_UI=ON \
    >/dev/null || { echo "sanitize.sh: configure failed" >&2; exit 2; }
fi
if ! grep -q '^SEALCHECK_SANITIZE:BOOL=ON' "$BUILD_DIR/CMakeCache.txt"; then
  echo "sanitize.sh: $BUILD_DIR is not a sanitizer build (SEALCHECK_SANITIZE is not ON)" >&2
  exit 2
fi
nice -n "$NICE" ninja -C "$BUILD_DIR" -j "$JOBS"
build_rc=$?
built=$(date +%s)
echo "sanitize.sh: build took $(( built - start )) s (exit $build_rc)"
(( build_rc == 0 )) || exit 1

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$REPO/tests/limits/lsan.supp}
export SEALCHECK_REGRESSION_SECONDS=${SEALCHECK_REGRESSION_SECONDS:-30}
log=$BUILD_DIR/sanitize-ctest.log
label_args=()
[[ -n $LABELS ]] && label_args=(-L "$LABELS")
(cd "$BUILD_DIR" && nice -n "$NICE" ctest "${label_args[@]}" -j "$CTEST_JOBS" --timeout 900 --output-on-failure "$@") 2>&1 | tee "$log"
test_rc=${PIPESTATUS[0]}
reports=$(grep -cE '^(==[0-9]+==ERROR: (Address|Leak)Sanitizer|SUMMARY: (Address|Leak|UndefinedBehavior)Sanitizer|.*: runtime error: )' "$log" || true)
tested=$(date +%s)
echo "sanitize.sh: tests took $(( tested - built )) s, ctest exit $test_rc, sanitizer reports: $reports"
grep -E '(==ERROR: |runtime error: |SUMMARY: )' "$log" | sort | uniq -c | head -40

fuzz_rc=0
if (( is_clang && FUZZ_SECONDS > 0 )); then
  SKIP_BUILD=1 BUILD_DIR=$BUILD_DIR NICE=$NICE "$REPO/scripts/fuzz.sh" "$FUZZ_SECONDS"
  fuzz_rc=$?
  echo "sanitize.sh: fuzzing took $(( $(date +%s) - tested )) s (exit $fuzz_rc)"
fi
if (( test_rc != 0 || reports != 0 || fuzz_rc != 0 )); then
  exit 1
fi
exit 0
