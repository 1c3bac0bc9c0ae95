#!/usr/bin/env bash
# The scaling table of docs/performance.md (issue 22): `sealcheck-cli verify --json` on the inputs
# of tests/bench/make-scaling (message size 1 KB to 50 MB, 1 to 50 DKIM signatures, ARC chains
# of 1 to 50 sets, 1,000 to 1,000,000 messages in one mbox), each measured with /usr/bin/time
# (wall, user+system CPU, peak RSS), printed as a Markdown table with the verdict and the
# DKIM/ARC results seen. Figures, never a pass/fail.
#
#   scripts/bench-scaling.sh CLI CORPUS_DIR [--max-count N] [--jobs N]
set -euo pipefail
CLI=$1 CORPUS=$2
shift 2
MAX=1000000
JOBS=$(nproc)
while [ $# -gt 0 ]; do
    case "$1" in
        --max-count) MAX=$2; shift 2 ;;
        --jobs) JOBS=$2; shift 2 ;;
        *) echo "bench-scaling.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
/usr/bin/python3 "$(dirname "$0")/../tests/bench/make-scaling" "$CORPUS" --max-count "$MAX" >/dev/null
S=$CORPUS/scaling
NOW=$(sed -n 's/.*now=\([0-9]*\).*/\1/p' "$CORPUS/DONE")
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; --jobs $JOBS"
echo
echo "| input | bytes | messages | wall s | cpu s | cpu µs/msg | peak RSS MB | verdicts | dkim / arc |"
echo "|---|---:|---:|---:|---:|---:|---:|---|---|"
row() { # LABEL FILE
    local label=$1 f=$2
    [ -f "$f" ] || return 0
    /usr/bin/time -f '%e %U %S %M' -o "$OUT/t" "$CLI" verify --json --jobs "$JOBS" --dns-zone "$CORPUS/zone.db" \
        --trusted-relay mx.receiver.example --now "$NOW" "$f" >"$OUT/o" 2>"$OUT/e" || true
    local n verdicts detail
    n=$(wc -l <"$OUT/o")
    verdicts=$(grep -o '"verdict":"[a-z-]*"' "$OUT/o" | sort | uniq -c | awk '{ sub(/"verdict":/, "", $2); gsub(/"/, "", $2); printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2 }')
    detail=$(head -1 "$OUT/o" | /usr/bin/python3 -c '
import json, sys
line = sys.stdin.readline()
if not line.strip():
    print("-"); sys.exit()
r = json.loads(line)
d = [x["result"] for x in r["dkim"]]
a = r["arc"]
print("dkim %d/%d pass; arc %s (%d sets)" % (d.count("pass"), len(d), a["result"] if a else "-", a["instances"] if a else 0))')
    [ -s "$OUT/e" ] && detail="$detail; stderr: $(head -c 120 "$OUT/e" | tr '\n' ' ')"
    read -r wall user sys rss <"$OUT/t"
    awk -v l="$label" -v b="$(stat -c %s "$f")" -v n="$n" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
        -v v="$verdicts" -v d="$detail" 'BEGIN {
        c = u + s
        printf "| %s | %d | %d | %.2f | %.2f | %.0f | %.1f | %s | %s |\n", l, b, n, w, c, (n > 0 ? 1e6 * c / n : 0), r / 1024, v, d
    }'
}
for s in 1k 10k 100k 1m 10m 50m; do row "size $s" "$S/size-$s.eml"; done
for n in 1 5 10 20 50; do row "$n DKIM signatures" "$S/sigs-$n.eml"; done
for n in 1 5 10 25 50; do row "ARC chain of $n" "$S/arc-$n.eml"; done
for n in 1000 10000 100000 1000000; do row "mbox of $n" "$S/count-$n.mbox"; done
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
