#!/usr/bin/env bash
# The verification benchmark (issues 2 and 3). Idempotent: builds bench_verify in Release in its
# own build folder, makes the corpus if absent (tests/bench/make-corpus), installs mailauth if
# absent (skipped, with a message, when npm cannot reach the registry), runs both on the same
# messages and DNS data, and prints the figures side by side with the ratios to the targets.
# Speed is judged by reading these figures; nothing here fails because a target is missed.
#
#   scripts/bench.sh [--seconds S] [--threads N] [--no-mailauth] [--runs N] [--no-whole]
#
# After the in-process figures, scripts/bench-whole.sh compares the whole programs (issue 22):
# `sealcheck-cli verify --json` against mailauth's authenticate() in node on one mbox of the
# 2,000 10-KB messages, median of --runs N runs (default 5); --no-whole skips it.
#
# Environment: BUILD_DIR (default build-bench, relative to the repository root), CORPUS_DIR
# (default BUILD_DIR/bench-corpus), JOBS (ninja jobs, default nproc), NICE (run the measurements
# under `nice -n NICE`, e.g. -5 when permitted; default: unchanged priority).
# Targets: >= 10,000 msg/s per core DKIM-only on 10-KB RSA-2048 messages; >= 8,000 msg/s per core
# for the whole pipeline with a warm DNS cache (10-KB RSA-2048 messages); >= 10x mailauth for both.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD_DIR=${BUILD_DIR:-build-bench}
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR=$ROOT/$BUILD_DIR ;; esac
CORPUS_DIR=${CORPUS_DIR:-$BUILD_DIR/bench-corpus}
case "$CORPUS_DIR" in /*) ;; *) CORPUS_DIR=$ROOT/$CORPUS_DIR ;; esac
JOBS=${JOBS:-$(nproc)}
SECONDS_PER=3
THREADS=$(nproc)
MAILAUTH=1
WHOLE=1
RUNS=5
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) SECONDS_PER=$2; shift 2 ;;
        --threads) THREADS=$2; shift 2 ;;
        --no-mailauth) MAILAUTH=0; shift ;;
        --no-whole) WHOLE=0; shift ;;
        --runs) RUNS=$2; shift 2 ;;
        -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
        *) echo "bench.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
RUN=()
if [ -n "${NICE:-}" ]; then
    if [ "$(nice -n "$NICE" nice 2>/dev/null)" = "$(( $(nice) + NICE ))" ]; then
        RUN=(nice -n "$NICE")
    else
        echo "bench.sh: nice -n $NICE is not permitted here; measuring at normal priority"
    fi
fi
OUT="$BUILD_DIR/bench-results"

# 1. Build (Release, own folder). The pipeline may not link while modules are being written:
#    then say what is missing and measure DKIM alone with bench_verify_dkim.
if [ ! -f "$BUILD_DIR/build.ninja" ] || ! grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' "$BUILD_DIR/CMakeCache.txt"; then
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSEALCHECK_BUILD_UI=OFF >/dev/null
fi
mkdir -p "$OUT"
BENCH="$BUILD_DIR/tests/bench_verify"
if [ "$WHOLE" = 1 ] && ! nice ninja -C "$BUILD_DIR" -j "$JOBS" sealcheck-cli >"$OUT/build-cli.log" 2>&1; then
    echo "bench.sh: sealcheck-cli does not build: the whole-process comparison is skipped ($OUT/build-cli.log)"
    WHOLE=0
fi
if ! nice ninja -C "$BUILD_DIR" -j "$JOBS" bench_verify >"$OUT/build.log" 2>&1; then
    echo "bench.sh: bench_verify (the whole pipeline) does not build; what is missing:"
    { grep -E "undefined reference|error:" "$OUT/build.log" | sed -E 's/^.*(undefined reference to|error:)/  \1/' \
        | sort -u | head -20; } || true
    echo "bench.sh: measuring DKIM alone (bench_verify_dkim); full log: $OUT/build.log"
    nice ninja -C "$BUILD_DIR" -j "$JOBS" bench_verify_dkim >"$OUT/build-dkim.log" 2>&1 \
        || { tail -20 "$OUT/build-dkim.log"; echo "bench.sh: bench_verify_dkim does not build either" >&2; exit 1; }
    BENCH="$BUILD_DIR/tests/bench_verify_dkim"
fi

# 2. The corpus (make-corpus does nothing when a complete one is there).
/usr/bin/python3 tests/bench/make-corpus --out "$CORPUS_DIR"

# 3. mailauth 7.1.0 (npm), offline-tolerant.
MA_DIR=tests/bench/mailauth
if [ "$MAILAUTH" = 1 ]; then
    if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
        echo "bench.sh: node/npm not installed: skipping mailauth"; MAILAUTH=0
    elif [ "$(node -p 'try{require("./'$MA_DIR'/node_modules/mailauth/package.json").version}catch(e){""}' 2>/dev/null)" != 7.1.0 ]; then
        echo "bench.sh: installing mailauth 7.1.0 into $MA_DIR/node_modules"
        if [ -f "$MA_DIR/package-lock.json" ]; then npm_cmd=ci; else npm_cmd=install; fi
        if ! (cd "$MA_DIR" && timeout 300 npm "$npm_cmd" --no-audit --no-fund --fetch-retries=1 \
                --fetch-timeout=30000 >"$OUT/npm.log" 2>&1); then
            echo "bench.sh: npm could not install mailauth (no registry access?): skipping mailauth;" \
                 "see $OUT/npm.log"
            MAILAUTH=0
        fi
    fi
fi

# 4. Measure.
echo "== load before: $(uptime | sed 's/.*load average/load average/'), $(nproc) cores${RUN:+, ${RUN[*]}}"
"${RUN[@]}" "$BENCH" "$CORPUS_DIR" --seconds "$SECONDS_PER" --threads "$THREADS" | tee "$OUT/sealcheck.txt" | grep -v '^RESULT '
if [ "$MAILAUTH" = 1 ]; then
    echo
    "${RUN[@]}" node "$MA_DIR/bench-mailauth.js" "$CORPUS_DIR" --seconds "$SECONDS_PER" \
        | tee "$OUT/mailauth.txt" | grep -v '^RESULT '
else
    : >"$OUT/mailauth.txt"
fi
echo "== load after: $(uptime | sed 's/.*load average/load average/')"

# 5. Side by side.
cat "$OUT/sealcheck.txt" "$OUT/mailauth.txt" | awk -v threads="$THREADS" '
/^RESULT / { r[$2] = $3 }
function has(k) { return (k in r) && r[k] != "" }
function fig(k) { return has(k) ? sprintf("%9.0f", r[k]) : sprintf("%9s", "-") }
function target(k, t,   v) {
    if (!has(k)) return "not measured"
    v = r[k] / t
    return sprintf("%5.2fx of %d  %s", v, t, v >= 1 ? "MET" : "SHORT")
}
function versus(a, b,   v) {
    if (!has(a) || !has(b) || r[b] == 0) return "-"
    v = r[a] / r[b]
    return sprintf("%5.1fx  %s", v, v >= 10 ? "MET (>=10x)" : "SHORT (<10x)")
}
END {
    print ""
    print "== Summary (messages per second; per core = one thread, or all threads / " threads ")"
    printf "%-52s %9s %9s   %-22s %s\n", "", "Sealcheck", "mailauth", "Sealcheck vs target", "vs mailauth"
    printf "%-52s %s %s   %-22s %s\n", "DKIM only, 10-KB RSA-2048, 1 thread", fig("dkim_10k_rsa_1t_per_core"),
        fig("mailauth_dkim_10k_rsa_1t_per_s"), target("dkim_10k_rsa_1t_per_core", 10000),
        versus("dkim_10k_rsa_1t_per_core", "mailauth_dkim_10k_rsa_1t_per_s")
    printf "%-52s %s %s   %-22s %s\n", "full pipeline, warm DNS, 10-KB RSA, 1 thread", fig("full_10k_rsa_1t_per_core"),
        fig("mailauth_full_10k_rsa_1t_per_s"), target("full_10k_rsa_1t_per_core", 8000),
        versus("full_10k_rsa_1t_per_core", "mailauth_full_10k_rsa_1t_per_s")
    printf "%-52s %s %s   %-22s %s\n", "full pipeline, warm DNS, whole corpus, 1 thread", fig("full_all_1t_per_core"),
        fig("mailauth_full_all_1t_per_s"), target("full_all_1t_per_core", 8000),
        versus("full_all_1t_per_core", "mailauth_full_all_1t_per_s")
    printf "%-52s %s %9s   %-22s\n", "full pipeline, 10-KB RSA, all threads, per core", fig("full_10k_rsa_mt_per_core"), "-",
        target("full_10k_rsa_mt_per_core", 8000)
    printf "%-52s %s %9s   %-22s\n", "full pipeline, whole corpus, all threads, per core", fig("full_all_mt_per_core"), "-",
        target("full_all_mt_per_core", 8000)
    printf "%-52s %s %9s\n", "full pipeline, whole corpus, all threads, total", fig("full_all_mt_per_s"), "-"
    printf "%-52s %8s MB %6s MB  (corpus %s MB in memory)\n", "peak RSS", has("peak_rss_mb") ? r["peak_rss_mb"] : "-",
        has("mailauth_peak_rss_mb") ? r["mailauth_peak_rss_mb"] : "-", r["corpus_mb"]
    if (has("check_dmarc_pass") && has("mailauth_check_dmarc_pass"))
        printf "%-52s %9d %9d   (same corpus, same DNS: these should agree)\n", "check: DMARC pass over the whole corpus",
            r["check_dmarc_pass"], r["mailauth_check_dmarc_pass"]
    if (!has("full_all_1t_per_core"))
        print "(the full pipeline was not measured: bench_verify did not build, see above)"
}'
echo "(figures kept in $OUT/)"

# 6. The whole process, program against program (issue 22).
if [ "$WHOLE" = 1 ]; then
    echo
    MA_ARGS=()
    [ "$MAILAUTH" = 1 ] || MA_ARGS=(--mailauth-dir /nonexistent)
    INPROCESS_RATE=$(awk '$1 == "RESULT" && $2 == "full_10k_1t_per_s" { print $3 }' "$OUT/sealcheck.txt") \
        "${RUN[@]}" scripts/bench-whole.sh "$BUILD_DIR/bin/sealcheck-cli" "$CORPUS_DIR" "$OUT/whole" --runs "$RUNS" \
        "${MA_ARGS[@]}"
fi
