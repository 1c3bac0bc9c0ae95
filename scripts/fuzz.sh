#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang and runs each for a while.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# TARGET is a name such as "dkim" or "fuzz_dkim" (default: every fuzzer built). Environment:
#   BUILD_DIR   build directory (default <repo>/../build-fuzz)
#   JOBS        ninja jobs (default 1)
#   CXX         clang++ to use (default clang++-14, else clang++)
#   NICE        nice level for build and runs (default 10)
#   SKIP_BUILD  1 = use the fuzzers already built
#
# Needs clang-14 libfuzzer-14-dev libclang-rt-14-dev (Debian 12). Seeds are assembled at run time
# into BUILD_DIR/fuzz/seeds/<target> from tests/data and ../shared/conformance (nothing is copied
# into the repository); the growing corpus lives in BUILD_DIR/fuzz/corpus/<target>. A finding
# (crash-*, timeout-*, oom-*, leak-*) is moved to tests/data/regressions/<target>/ under a
# descriptive name ("crash-heap-buffer-overflow-Mime.cpp-212-<sha1 prefix>"), together with
# the sanitizer report (<name>.log). tst_regressions replays those files in the normal build.
# Exit status: 0 when no target found anything new, 1 when something was found, 2 on setup errors.
set -u -o pipefail

SECONDS_PER_TARGET=${1:-60}
shift || true
REPO=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$(cd "$REPO/.." && pwd)/build-fuzz}
JOBS=${JOBS:-1}
NICE=${NICE:-10}
CONFORMANCE=${SEALCHECK_CONFORMANCE_DIR:-$REPO/../shared/conformance}
if [[ -z "${CXX:-}" ]]; then
  CXX=$(command -v clang++-14 || command -v clang++ || true)
fi
[[ -n "$CXX" ]] || { echo "fuzz.sh: clang++ not found (apt-get install clang-14 libfuzzer-14-dev libclang-rt-14-dev)" >&2; exit 2; }

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  if [[ ! -f "$BUILD_DIR/build.ninja" ]]; then
    cmake -S "$REPO" -B "$BUILD_DIR" -G Ninja -DCMAKE_CXX_COMPILER="$CXX" \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSEALCHECK_BUILD_UI=OFF -DSEALCHECK_FUZZ=ON >/dev/null \
      || { echo "fuzz.sh: configure failed" >&2; exit 2; }
  fi
  nice -n "$NICE" ninja -C "$BUILD_DIR" -j "$JOBS" fuzzers || { echo "fuzz.sh: build failed" >&2; exit 2; }
fi

FUZZ_DIR=$BUILD_DIR/fuzz
if [[ $# -eq 0 ]]; then
  mapfile -t TARGETS < <(cd "$FUZZ_DIR" && ls fuzz_* 2>/dev/null | sed 's/^fuzz_//')
else
  TARGETS=("${@#fuzz_}")
fi
[[ ${#TARGETS[@]} -gt 0 ]] || { echo "fuzz.sh: no fuzzers in $FUZZ_DIR" >&2; exit 2; }

# Where the cost grows with size (issue 24: DKIM h= against many fields, MIME parts and
# nesting), inputs go well past 64 KiB: one h= tag list holds up to 64 KiB of names, a header
# section up to 1 MiB.
max_len() {
  case "$1" in
    html|dkimheaders|mime) echo 262144 ;;
    message|verify|zone|autoconfig) echo 65536 ;;
    imap) echo 16384 ;;
    dkim|authres) echo 8192 ;;
    *) echo 4096 ;;
  esac
}

# ---- seeds ---------------------------------------------------------------------------------
PY=/usr/bin/python3
[[ -x $PY ]] || PY=python3
"$PY" - "$REPO" "$CONFORMANCE" "$FUZZ_DIR/seeds" "${TARGETS[@]}" <<'PYEOF'
import hashlib, json, os, re, sys
repo, conf, out, targets = sys.argv[1], sys.argv[2], sys.argv[3], set(sys.argv[4:])
roots = [os.path.join(repo, 'tests', 'data'), conf]
seeds = {t: {} for t in targets}
hand = False
def add(t, b):
    if t not in seeds or not b or (len(seeds[t]) >= 800 and not hand):
        return
    if isinstance(b, str):
        b = b.encode('utf-8', 'surrogateescape')
    seeds[t].setdefault(hashlib.sha1(b).hexdigest()[:16], b[:262144 if t in ('dkimheaders', 'mime') else 65536])

header_re = re.compile(rb'^[!-9;-~]+:', re.M)
def fields(msg):
    head = msg.replace(b'\r\n', b'\n').split(b'\n\n', 1)[0]
    out, cur = [], None
    for line in head.split(b'\n'):
        if line[:1] in (b' ', b'\t') and cur is not None:
            cur[1] += b'\r\n' + line
        elif b':' in line:
            n, v = line.split(b':', 1)
            cur = [n.strip().lower(), v]
            out.append(cur)
    return out

def strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from strings(v)

for root in roots:
    if not os.path.isdir(root):
        continue
    for d, _, files in os.walk(root):
        if '/regressions' in d:
            continue
        for f in sorted(files):
            p = os.path.join(d, f)
            try:
                if os.path.getsize(p) > 1 << 20:
                    continue
                data = open(p, 'rb').read()
            except OSError:
                continue
            if f.endswith('.json'):
                try:
                    doc = json.loads(data)
                except ValueError:
                    continue
                for s in strings(doc):
                    low = s.lower()
                    if low.startswith('v=spf1') or '%{' in s:
                        add('spf', s)
                    if low.startswith('v=dmarc1'):
                        add('dmarc', s)
                    if low.startswith('v=dkim1') or ('p=' in s and 'k=' in s):
                        add('dkim', s)
                    if low.startswith('authentication-results:'):
                        add('authres', s.split(':', 1)[1])
                    elif ';' in s and '=' in s and ('dkim' in low or 'spf' in low or 'dmarc' in low):
                        add('authres', s)
                    if '\n' in s and header_re.match(s.encode('utf-8', 'surrogateescape')):
                        for t in ('message', 'mime', 'verify'):
                            add(t, s)
                continue
            if f.endswith('.xml'):
                add('autoconfig', data)
            if f.endswith('.zone') or f.endswith('.db'):
                add('zone', data)
            if f.endswith(('.txt', '.dat')) and b'._domainkey' in data:
                # FAKE_DNS lines "name value" -> master-file TXT records, and key records.
                lines = []
                for line in data.decode('latin-1').splitlines():
                    parts = line.split(None, 1)
                    if len(parts) == 2 and not line.startswith('#'):
                        v = parts[1]
                        add('dkim', v)
                        chunks = ' '.join('"%s"' % v[i:i + 250].replace('"', '\\"') for i in range(0, len(v), 250))
                        lines.append('%s. 300 IN TXT %s' % (parts[0], chunks))
                add('zone', '\n'.join(lines[:50]) + '\n')
            if b'<html' in data.lower() or b'text/html' in data.lower():
                add('html', data)
            if header_re.match(data[:200]) or data.startswith(b'From '):
                for t in ('message', 'mime', 'verify', 'dkimheaders'):
                    add(t, data)
                for name, value in fields(data):
                    if name in (b'from', b'to', b'cc', b'sender', b'reply-to'):
                        add('address', value)
                    elif name in (b'dkim-signature', b'arc-message-signature', b'arc-seal'):
                        add('dkim', value)
                    elif name == b'received':
                        add('received', value)
                    elif name in (b'authentication-results', b'arc-authentication-results'):
                        add('authres', value)
                    elif name == b'subject':
                        add('address', value)

# Hand-written seeds for the forms the data above lacks: always kept, over the cap.
hand = True
add('zone', '$ORIGIN example.com.\n$TTL 1h\n@ IN SOA ns1 host ( 1 7200 900 1209600 300 )\n'
            '@ 300 IN MX 10 mx\nmx IN A 192.0.2.1\n IN AAAA 2001:db8::1\n'
            '_dmarc TXT "v=DMARC1; p=reject" ; comment\nsel._domainkey TXT ( "v=DKIM1; " "p=AAAA\\059" )\n'
            'www CNAME mx\n_sip._tcp SRV 0 5 5060 sip\n4.3.2.1.in-addr.arpa. PTR mx.example.com.\n'
            'x RRSIG A 8 2 300 x\n')
add('address', '"Joe Q. Public" <john.q.public@example.com>, Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>')
add('address', 'A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;, Undisclosed recipients:;')
add('address', '=?utf-8?B?cGF5cGFsLmNvbSA8c2VydmljZUBwYXlwYWwuY29tPg==?= <x@evil.example>')
add('address', 'Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>, <@a.test,@b.test:c@d.test>')
add('received', 'from mail.example.org (mail.example.org [192.0.2.1]) by mx.example.net (Postfix) with ESMTPS id ABC for <a@b.example>; Mon, 1 Jan 2024 00:00:00 +0000')
add('received', 'from [IPv6:2001:db8::1] (helo=x.example) by y.example with esmtpsa (TLS1.3) tls TLS_AES_256_GCM_SHA384 (Exim 4.96) id 1; Tue, 02 Jan 2024 10:00:00 -0500')
add('received', 'from relay.example.net ([192.0.2.28]:58922) by mx.example.net with esmtps (Exim 4.82) id 1; Mon, 11 Feb 2019 11:15:06 +0100')
add('received', '(qmail 857 invoked from network); 4 Apr 2002 21:41:11 -0000')
add('received', 'from pop.example.net [192.0.2.84] by localhost with POP3 (fetchmail-6.4) for <b@localhost> (single-drop); Thu, 04 Apr 2002 16:41:45 -0500')
# Provider quirks the verifier reads with a profile (fuzz_verify: inputs of odd length).
for pad in ('', ' '):
    add('verify', 'Authentication-Results: mta4007.mail.ne1.example.net  from=example.com; domainkeys=neutral (no sig);'
        '  from=example.com; dkim=pass (ok)\r\nReceived: from 127.0.0.1 (EHLO out.example.com) (192.0.2.3) by '
        'mta4007.mail.ne1.example.net with SMTPS; Mon, 21 May 2018 05:31:50 +0000\r\nDKIM-Signature: v=1; a=rsa-sha256; '
        'd=example.com; s=s; h=From; bh=AAAA; b=AAAA\r\nFrom: a@example.com\r\n\r\nbody' + pad)
    add('verify', 'Authentication-Results: spf=pass (sender IP is 192.0.2.3) smtp.mailfrom=example.com; example.net; '
        'dkim=pass header.d=example.com;dmarc=pass action=none header.from=example.com;compauth=pass reason=100\r\n'
        'Received: from mailout.example.net (o1.example.net [10.1.2.3]) by mx.example.net with ESMTPS; '
        'Mon, 21 May 2018 05:31:50 +0000\r\nFrom: a@example.com\r\n\r\nbody' + pad)
add('spf', 'v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 a/24 mx:%{d}/24//64 include:_spf.example.com exists:%{ir}.%{l1r+-}._spf.%{d} ptr -all redirect=_spf.example.com exp=exp.%{d}')
add('dmarc', 'v=DMARC1; p=quarantine; sp=reject; np=reject; adkim=s; aspf=r; pct=50; rua=mailto:a@example.com,mailto:b@example.net!10m; fo=1:d:s; t=y; psd=n')
add('dkim', 'v=1; a=rsa-sha256; c=relaxed/simple; d=example.com; s=sel; t=1700000000; x=1800000000; l=100; i=@mail.example.com; q=dns/txt; h=from:to:subject; bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=; b=AAAA')
add('authres', 'mx.example.net 1; dkim=pass (good) header.d=example.com header.i=@example.com header.b="abc/def"; spf=pass smtp.mailfrom=a@example.com; dmarc=pass (p=reject dis=none) header.from=example.com; arc=none')
add('authres', 'mx.example.net; none')
# Long h= lists over many fields (issue 24 item 6), and a MIME tree with many parts.
many = ''.join('X-F%d: v\r\n' % (i % 50) for i in range(900))
add('dkimheaders', 'DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=s; h=' + ':'.join(['from'] + ['x-f%d' % (i % 60) for i in range(999)])
    + '; bh=AAAA; b=AAAA\r\n' + many + 'From: a@example.com\r\n\r\nbody\r\n')
add('mime', 'From: a@example.com\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n'
    + '--b\r\nContent-Type: multipart/alternative; boundary=c\r\n\r\n--c\r\nContent-Type: text/plain\r\n\r\np\r\n--c--\r\n' * 300 + '--b--\r\n')
imap = [
    b'* OK [CAPABILITY IMAP4rev1 IMAP4rev2 LITERAL+ CONDSTORE QRESYNC ENABLE IDLE] Dovecot ready.\r\n',
    b'* CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR\r\nA1 OK done\r\n',
    b'* LIST (\\HasNoChildren \\Sent) "/" "Sent Items"\r\n* LIST () "." {5}\r\nINBOX\r\n',
    b'* STATUS INBOX (MESSAGES 2 UIDNEXT 5 UIDVALIDITY 1700000000 HIGHESTMODSEQ 12)\r\n',
    b'* 1 FETCH (UID 4 FLAGS (\\Seen $Junk) RFC822.SIZE 44 MODSEQ (12) INTERNALDATE "01-Jan-2024 00:00:00 +0000" BODY[] {20}\r\nFrom: a@b\r\n\r\nhello\r\n)\r\n',
    b'* 3 FETCH (UID 9 BODY[HEADER] ~{4}\r\na\x00\r\n)\r\n',
    b'A2 OK [READ-ONLY] [UIDVALIDITY 3857529045] EXAMINE completed\r\n* 18 EXISTS\r\n* OK [UIDNEXT 4392] Predicted next UID\r\n',
    b'* ESEARCH (TAG "A3") UID ALL 1:3,5,9:*\r\n* SEARCH 1 2 3\r\n* VANISHED (EARLIER) 41,43:116\r\n',
    b'+ idling\r\n* BYE server going down\r\nA4 NO [AUTHENTICATIONFAILED] invalid\r\nA5 BAD "x"\r\n',
    b'* ENABLED CONDSTORE QRESYNC\r\n* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n* OK [PERMANENTFLAGS ()] x\r\n',
]
for s in imap:
    add('imap', s)
add('html', '<!DOCTYPE html><html><head><title>t</title><style>p{}</style><link rel=stylesheet href="file:///dev/zero">'
            '</head><body><p>Dear&nbsp;customer &amp; <b>friend</b>,<br><a href="http://x.example/?a=1&amp;b=2" '
            'title=\'>\'>log in</a></p><ul><li>one<li>two</ul><pre>  kept\n  spaces</pre><!-- c --><script>'
            'var s="</p>";</script>&#x263A;&#150;&euro;</body></html>')

for t, items in seeds.items():
    d = os.path.join(out, t)
    os.makedirs(d, exist_ok=True)
    for name, b in items.items():
        with open(os.path.join(d, name), 'wb') as fh:
            fh.write(b)
    print('seeds %-9s %4d' % (t, len(items)))
PYEOF

# ---- runs ----------------------------------------------------------------------------------
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
FOUND_ANY=0
SUMMARY=()
for t in "${TARGETS[@]}"; do
  bin=$FUZZ_DIR/fuzz_$t
  if [[ ! -x $bin ]]; then
    echo "fuzz.sh: $bin not built, skipped" >&2
    SUMMARY+=("$(printf '%-9s not built' "$t")")
    continue
  fi
  corpus=$FUZZ_DIR/corpus/$t
  artifacts=$FUZZ_DIR/artifacts/$t
  regress=$REPO/tests/data/regressions/$t
  mkdir -p "$corpus" "$artifacts"
  seeddirs=("$FUZZ_DIR/seeds/$t")
  [[ -d $regress ]] && seeddirs+=("$regress")
  left=$SECONDS_PER_TARGET
  execs=0; rate=0; cov=0; found=0; ignored=0; elapsed=0; restarts=0
  while (( left > 0 && restarts < 10 )); do
    log=$artifacts/run-$restarts.log
    start=$(date +%s)
    nice -n "$NICE" "$bin" -max_total_time="$left" -max_len="$(max_len "$t")" -timeout=5 \
      -rss_limit_mb=2048 -malloc_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" \
      "$corpus" "${seeddirs[@]}" >"$log" 2>&1
    rc=$?
    spent=$(( $(date +%s) - start ))
    elapsed=$(( elapsed + spent ))
    left=$(( left - spent ))
    n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    execs=$(( execs + ${n:-0} ))
    c=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | awk '{print $2}')
    [[ -n $c && $c -gt $cov ]] && cov=$c
    # Move every artifact to the regressions folder under a descriptive name.
    for a in "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-* "$artifacts"/leak-* "$artifacts"/slow-unit-*; do
      [[ -f $a ]] || continue
      kind=$(basename "$a" | cut -d- -f1)
      [[ $kind == slow ]] && { rm -f "$a"; continue; }
      # A timeout is confirmed by running the input once more, alone and at normal priority: on
      # a busy machine (a build beside a niced fuzzer) an input that takes milliseconds can pass
      # the 5-second alarm. One that finishes now is not a finding.
      if [[ $kind == timeout ]] && timeout 60 "$bin" -timeout=5 -rss_limit_mb=2048 "$a" >/dev/null 2>&1; then
        echo "fuzz.sh: $t: a timeout that did not happen again alone (the machine was busy): ignored"
        rm -f "$a"
        ignored=$(( ignored + 1 ))
        continue
      fi
      what=$(grep -m1 -oE 'ERROR: (AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|libFuzzer): [a-zA-Z-]+' "$log" | awk '{print $3}')
      [[ -z $what ]] && what=$(grep -m1 -oE 'runtime error: [a-z ]+' "$log" | sed 's/runtime error: //; s/ /-/g' | cut -c1-40)
      where=$(grep -m1 -oE ' in [^ ]+ /[^ ]*/(verifier|app)/[^ :]+:[0-9]+' "$log" | sed -E 's#.*/##; s/:/-/')
      [[ -z $where ]] && where=$(grep -m1 -oE '(verifier|app)/[A-Za-z/]+\.(cpp|h):[0-9]+' "$log" | sed -E 's#.*/##; s/:/-/')
      hash=$(sha1sum "$a" | cut -c1-8)
      name=$kind${what:+-$what}${where:+-$where}-$hash
      mkdir -p "$regress"
      mv "$a" "$regress/$name"
      grep -vE '^(#[0-9]+\s+(NEW|REDUCE|pulse|INITED)|INFO:)' "$log" | tail -60 >"$regress/$name.log"
      echo "fuzz.sh: $t: new finding tests/data/regressions/$t/$name"
      found=$(( found + 1 ))
    done
    r=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    [[ -n $r && $r -gt 0 ]] && rate=$r
    if (( rc == 0 )); then
      break
    fi
    restarts=$(( restarts + 1 ))
    (( found == 0 && ignored == 0 )) && { echo "fuzz.sh: $t exited $rc without an artifact; see $log" >&2; break; }
  done
  (( found > 0 )) && FOUND_ANY=1
  corpus_size=$(ls "$corpus" | wc -l)
  SUMMARY+=("$(printf '%-9s %8s exec/s %11s execs %6ss  cov %6s  corpus %6s  findings %s' \
    "$t" "$rate" "$execs" "$elapsed" "$cov" "$corpus_size" "$found")")
done

echo
echo "target      exec/s        total      time  coverage    corpus     findings"
printf '%s\n' "${SUMMARY[@]}"
exit $FOUND_ANY
