#!/usr/bin/env bash
# The IMAP figures of issue 6. Idempotent: builds bench_imap and sealcheck-cli in their own build
# folder, makes DKIM-signed message templates of about 20 KB (Debian's python3-dkim) with their DNS
# zone, then runs tests/bench/imap/bench_imap, which starts a private Dovecot on 127.0.0.1, writes
# N messages straight into its Maildir and measures:
#   - time to the first screenful (headers of the newest 50, from connect), target < 1 s;
#   - time until every message is fetched and verified (sync client + verify() on all cores),
#     target within 1.5x of a plain client pulling the same bytes (openssl s_client fed by a
#     here-document: LOGIN, EXAMINE, UID FETCH 1:* BODY.PEEK[], LOGOUT; curl cannot, it caps the
#     answer to a custom command at 300 KB of "response headers");
#   - peak RSS after 1,000 and after N messages, target flat (memory does not grow with the mailbox).
# Speed is judged by reading these figures; nothing here fails because a target is missed.
#
#   scripts/bench-imap.sh [--messages N] [--runs R] [--threads T] [--size BYTES]
#
# Needs root (Dovecot's mail user is nobody), dovecot-imapd, openssl, python3-dkim.
# Environment: BUILD_DIR (default build-bench, relative to the repository root), JOBS (ninja jobs,
# default nproc).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD_DIR=${BUILD_DIR:-build-bench}
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR=$ROOT/$BUILD_DIR ;; esac
JOBS=${JOBS:-$(nproc)}
MESSAGES=10000
RUNS=2
THREADS=$(nproc)
SIZE=20480
while [ $# -gt 0 ]; do
    case "$1" in
        --messages) MESSAGES=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --threads) THREADS=$2; shift 2 ;;
        --size) SIZE=$2; shift 2 ;;
        -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
        *) echo "bench-imap.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
[ "$(id -u)" = 0 ] || { echo "bench-imap.sh: run as root (Dovecot's mail user is nobody)" >&2; exit 2; }
command -v dovecot >/dev/null || [ -x /usr/sbin/dovecot ] \
    || { echo "bench-imap.sh: dovecot is not installed (apt-get install dovecot-imapd)" >&2; exit 2; }
OUT=$BUILD_DIR/bench-imap-results
TEMPLATES=$BUILD_DIR/bench-imap-templates-$SIZE

# 1. Build (an optimised build type in its own folder).
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSEALCHECK_BUILD_UI=OFF >/dev/null
fi
case "$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD_DIR/CMakeCache.txt")" in
    Debug) echo "bench-imap.sh: warning: $BUILD_DIR is a Debug build; the figures will be pessimistic" ;;
esac
mkdir -p "$OUT"
if ! nice ninja -C "$BUILD_DIR" -j "$JOBS" bench_imap sealcheck-cli >"$OUT/build.log" 2>&1; then
    tail -30 "$OUT/build.log"
    echo "bench-imap.sh: the build failed (log: $OUT/build.log)" >&2
    exit 1
fi

# 2. Templates: 20 messages of about SIZE bytes, DKIM-signed (RSA-2048, relaxed/relaxed) by
#    bench.example, with SPF and DMARC p=reject in zone.db. Made once.
if [ ! -f "$TEMPLATES/DONE" ]; then
    rm -rf "$TEMPLATES"
    mkdir -p "$TEMPLATES"
    openssl genrsa -traditional -out "$TEMPLATES/dkim.key" 2048 2>/dev/null
    pub=$(openssl rsa -in "$TEMPLATES/dkim.key" -pubout -outform der 2>/dev/null | base64 -w0)
    {
        echo '$ORIGIN bench.example.'
        echo '@ 300 IN TXT "v=spf1 ip4:192.0.2.0/24 -all"'
        echo '_dmarc 300 IN TXT "v=DMARC1; p=reject"'
        # TXT character-strings are at most 255 bytes.
        printf 's2026._domainkey 300 IN TXT ( "v=DKIM1; k=rsa; p="'
        echo "$pub" | fold -w 200 | while read -r chunk; do printf ' "%s"' "$chunk"; done
        echo ' )'
    } >"$TEMPLATES/zone.db"
    /usr/bin/python3 - "$TEMPLATES" "$SIZE" <<'PY'
import random, sys, time
try:
    import dkim
except ImportError:
    sys.exit("bench-imap.sh: needs Debian's python3-dkim (apt-get install python3-dkim)")
out, size = sys.argv[1], int(sys.argv[2])
key = open(out + "/dkim.key", "rb").read()
rng = random.Random(6)
words = ("account invoice meeting project report quarterly update delivery schedule review team "
         "customer order payment reminder newsletter offer product service support thanks regards").split()
now = int(time.time())
for n in range(20):
    head = ("From: \"Bench Sender\" <news@bench.example>\r\nTo: bench@receiver.example\r\n"
            "Subject: Bench message %d\r\nDate: Mon, 21 Sep 2026 14:13:%02d +0000\r\n"
            "Message-ID: <%d.bench@bench.example>\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n" % (n, n, n))
    lines, total = [], len(head) + 600
    while total < size:
        line = " ".join(rng.choice(words) for _ in range(11))
        lines.append(line)
        total += len(line) + 2
    msg = (head + "\r\n" + "\r\n".join(lines) + "\r\n").encode()
    sig = dkim.sign(msg, b"s2026", b"bench.example", key, canonicalize=(b"relaxed", b"relaxed"),
                    include_headers=[b"from", b"to", b"subject", b"date", b"message-id", b"mime-version",
                                     b"content-type"])
    open("%s/%02d.eml" % (out, n), "wb").write(b"Return-Path: <bounce@bench.example>\r\n" + sig + msg)
open(out + "/NOW", "w").write("%d\n" % (now + 3600))
PY
    touch "$TEMPLATES/DONE"
fi

# 3. Measure.
echo "== load before: $(uptime | sed 's/.*load average/load average/'), $(nproc) cores"
"$BUILD_DIR/tests/bench_imap" --templates "$TEMPLATES" --messages "$MESSAGES" --runs "$RUNS" \
    --threads "$THREADS" --cli "$BUILD_DIR/bin/sealcheck-cli" | tee "$OUT/bench_imap.txt" | grep -v '^RESULT '
echo "== load after: $(uptime | sed 's/.*load average/load average/')"

# 4. Against the targets.
awk '
/^RESULT / { r[$2] = $3 }
function has(k) { return (k in r) && r[k] != "" }
END {
    print ""
    print "== Targets"
    printf "%-58s %8.0f ms   target < 1000 ms: %s\n", "first screenful (newest 50 headers, from connect)",
        r["first_screen_ms"], r["first_screen_ms"] < 1000 ? "MET" : "SHORT"
    if (has("plain_ms")) {
        v = r["full_verify_ms"] / r["plain_ms"]
        printf "%-58s %8.2fx       target <= 1.5x: %s  (%.0f ms vs %.0f ms)\n",
            "all fetched and verified / plain transfer (s_client)", v, v <= 1.5 ? "MET" : "SHORT",
            r["full_verify_ms"], r["plain_ms"]
        if (has("cli_ms")) {
            v = r["cli_ms"] / r["plain_ms"]
            printf "%-58s %8.2fx       (the whole CLI, JSON printed)\n", "sealcheck-cli scan / plain transfer", v
        }
    } else
        print "all fetched and verified / plain transfer: not measured (openssl s_client failed)"
    v = r["rss_end_mb"] / r["rss_1000_mb"]
    printf "%-58s %8.2fx       target flat (<= 1.2x): %s  (%.1f MB -> %.1f MB)\n",
        "peak RSS after " r["messages"] " / after 1,000 messages", v, v <= 1.2 ? "MET" : "SHORT",
        r["rss_1000_mb"], r["rss_end_mb"]
    printf "%-58s %d of %d authenticated\n", "check: verdicts", r["authenticated"], r["verified"]
}' "$OUT/bench_imap.txt"
echo "(figures kept in $OUT/)"
