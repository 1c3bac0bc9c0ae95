#!/usr/bin/env bash
# The whole-process comparison (issue 22): what a user gets, program against program, on the
# same mbox and the same DNS data. Run by scripts/bench.sh after the in-process figures; runs
# alone too (then without the per-core ratio unless INPROCESS_RATE is given).
#
#   scripts/bench-whole.sh CLI CORPUS_DIR OUT_DIR [--runs N] [--mailauth-dir DIR]
#
# The mbox: the corpus's 2,000 messages of exactly 10 KB (1,500 RSA-2048, 500 Ed25519, all
# passing), CRLF as generated, mboxrd-quoted (made once, CORPUS_DIR/whole-10k.mbox).
#  - Sealcheck: `sealcheck-cli verify --json --dns-zone zone.db --trusted-relay
#    mx.receiver.example --now NOW` with --jobs 1 and --jobs 2 (DKIM, SPF from the envelope the
#    trusted Received field and Return-Path give, DMARC, ARC and everything else it checks).
#  - mailauth 7.1.0: tests/bench/mailauth/whole-process.js, authenticate() on each message
#    (DKIM, SPF from the same Received field and Return-Path, DMARC, ARC, BIMI), DNS from
#    dns.json, one JSON line per message.
# Each is run N times (default 5), alternating; the median wall time is kept, with user+system
# CPU time and peak RSS (/usr/bin/time). Printed: messages per second, the ratio to mailauth
# (target >= 10x on 2 cores) and, given INPROCESS_RATE (bench_verify's full_10k_1t, messages
# per second on one thread), the per-core ratio to it (target >= 90 %).
# Lines starting with "RESULT " are for scripts.
set -euo pipefail
CLI=$1 CORPUS_DIR=$2 OUT=$3
shift 3
RUNS=5
MA_DIR=$(cd "$(dirname "$0")/.." && pwd)/tests/bench/mailauth
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) RUNS=$2; shift 2 ;;
        --mailauth-dir) MA_DIR=$2; shift 2 ;;
        *) echo "bench-whole.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
mkdir -p "$OUT"
MBOX=$CORPUS_DIR/whole-10k.mbox
NOW=$(sed -n 's/.*now=\([0-9]*\).*/\1/p' "$CORPUS_DIR/DONE")
if [ ! -s "$MBOX" ]; then
    awk -F'\t' 'NR > 1 && $4 == "10k" { print $2 }' "$CORPUS_DIR/manifest.tsv" | while read -r f; do
        echo "From bench@example.com Mon Sep 21 14:13:20 2026"
        sed -E 's/^(>*From )/>\1/' "$CORPUS_DIR/$f"
        echo
    done >"$MBOX.tmp"
    mv "$MBOX.tmp" "$MBOX"
fi
COUNT=$(grep -c '^From bench@example.com ' "$MBOX")
HAVE_MAILAUTH=0
[ -d "$MA_DIR/node_modules/mailauth" ] && command -v node >/dev/null && HAVE_MAILAUTH=1

measure() { # NAME COMMAND... : one run, appends "wall user sys maxrss_kb" to OUT/NAME.times
    local name=$1
    shift
    /usr/bin/time -f '%e %U %S %M' -o "$OUT/$name.time1" "$@" >"$OUT/$name.jsonl" 2>"$OUT/$name.err" \
        || { echo "bench-whole.sh: $name failed:"; head -5 "$OUT/$name.err"; return 1; }
    cat "$OUT/$name.time1" >>"$OUT/$name.times"
}
rm -f "$OUT"/*.times
echo "== whole process: $COUNT messages of 10 KB in one mbox ($(du -m "$MBOX" | cut -f1) MB), $RUNS runs each," \
     "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
SC=("$CLI" verify --json --dns-zone "$CORPUS_DIR/zone.db" --trusted-relay mx.receiver.example --now "$NOW")
for ((i = 0; i < RUNS; i++)); do
    measure sealcheck_j1 "${SC[@]}" --jobs 1 "$MBOX"
    measure sealcheck_j2 "${SC[@]}" --jobs 2 "$MBOX"
    [ "$HAVE_MAILAUTH" = 1 ] && measure mailauth node "$MA_DIR/whole-process.js" "$CORPUS_DIR" "$MBOX"
done
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
report() { # NAME LABEL
    local f=$OUT/$1.times
    [ -s "$f" ] || return 0
    local wall cpu rss
    wall=$(cut -d' ' -f1 "$f" | median)
    cpu=$(awk '{ print $2 + $3 }' "$f" | median)
    rss=$(cut -d' ' -f4 "$f" | median)
    awk -v n="$COUNT" -v w="$wall" -v c="$cpu" -v r="$rss" -v label="$2" -v key="$1" 'BEGIN {
        printf "  %-44s %7.0f msg/s  wall %6.2f s  cpu %6.2f s  (%5.0f msg per cpu-second)  peak RSS %5.1f MB\n",
            label, n / w, w, c, n / c, r / 1024
        printf "RESULT whole_%s_per_s %.1f\nRESULT whole_%s_cpu_per_s %.1f\nRESULT whole_%s_rss_mb %.1f\n",
            key, n / w, key, n / c, key, r / 1024
    }'
}
{
    report sealcheck_j1 "sealcheck-cli verify --json --jobs 1"
    report sealcheck_j2 "sealcheck-cli verify --json --jobs 2"
    report mailauth "mailauth 7.1.0 authenticate(), node"
} | tee "$OUT/whole.txt" | grep -v '^RESULT '
auth=$(grep -c '"verdict":"authenticated"' "$OUT/sealcheck_j2.jsonl" || true)
echo "  check: Sealcheck verdict authenticated: $auth of $COUNT"
if [ "$HAVE_MAILAUTH" = 1 ]; then
    pass=$(grep -c '"dmarc":{[^}]*"result":"pass"' "$OUT/mailauth.jsonl" || true)
    echo "  check: mailauth dmarc pass: $pass of $COUNT"
fi
awk -v inproc="${INPROCESS_RATE:-}" '
/^RESULT / { r[$2] = $3 }
END {
    j1 = r["whole_sealcheck_j1_per_s"]; j2 = r["whole_sealcheck_j2_per_s"]; ma = r["whole_mailauth_per_s"]
    c1 = r["whole_sealcheck_j1_cpu_per_s"]; c2 = r["whole_sealcheck_j2_cpu_per_s"]; cm = r["whole_mailauth_cpu_per_s"]
    if (ma > 0) {
        printf "  ratio to mailauth, wall time: %.1fx with --jobs 2 (target >= 10x on 2 cores: %s), %.1fx with --jobs 1\n",
            j2 / ma, (j2 / ma >= 10 ? "MET" : "SHORT"), j1 / ma
        printf "  ratio to mailauth, per cpu-second (what a loaded machine still shows): %.1fx (--jobs 2), %.1fx (--jobs 1)\n",
            c2 / cm, c1 / cm
    } else {
        print "  ratio to mailauth: not measured (mailauth not installed)"
    }
    if (inproc > 0)
        printf "  per core vs the in-process pipeline (%.0f msg/s, 1 thread): --jobs 1 %.0f %%, --jobs 2 %.0f %% of 2 cores, per cpu-second %.0f %% (target >= 90 %%)\n",
            inproc, 100 * j1 / inproc, 100 * j2 / 2 / inproc, 100 * c2 / inproc
    printf "RESULT whole_ratio_mailauth_j2 %.2f\nRESULT whole_ratio_mailauth_cpu %.2f\n", (ma > 0 ? j2 / ma : 0), (cm > 0 ? c2 / cm : 0)
}' "$OUT/whole.txt"
