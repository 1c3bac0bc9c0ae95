#!/bin/sh
# Regenerates tests/data/dkim/: keys (openssl), messages signed with Debian's dkimpy
# (python3-dkim, python3-nacl: only /usr/bin/python3 sees them), the DNS file and the
# expected results read by tests/dkim/tst_dkim.cpp.
#
#   scripts/make-dkim-testdata.sh            (from the repository root)
#
# Keys are made fresh on every run, so the whole folder changes: commit it as one.
set -eu
cd "$(dirname "$0")/.."
OUT=tests/data/dkim
KEYS=$OUT/keys
rm -rf "$OUT"
mkdir -p "$KEYS"

for bits in 512 1024 2048; do
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:$bits -out "$KEYS/rsa$bits.pem" 2>/dev/null
done
openssl genpkey -algorithm ed25519 -out "$KEYS/ed25519.pem"

/usr/bin/python3 - "$OUT" <<'PY'
import base64, subprocess, sys, os
import dkim
from dkim import DKIM, CanonicalizationPolicy, HASH_ALGORITHMS
from dkim.crypto import parse_pem_private_key
import nacl.signing, nacl.encoding

out = sys.argv[1]
keys = os.path.join(out, 'keys')
T = 1790000000          # t= of every signature (2026-09-21T14:13:20Z)
NOW = T + 3600          # the time the test verifies at

def der(args, path):
    return subprocess.run(['openssl'] + args + ['-in', path, '-outform', 'DER'],
                          check=True, capture_output=True).stdout

def rsa_key(bits):
    path = os.path.join(keys, 'rsa%d.pem' % bits)
    pem = open(path, 'rb').read()
    spki = der(['pkey', '-pubout'], path)
    pkcs1 = der(['rsa', '-RSAPublicKey_out'], path)
    return pem, base64.b64encode(spki).decode(), base64.b64encode(pkcs1).decode()

def ed_key():
    path = os.path.join(keys, 'ed25519.pem')
    priv = der(['pkey'], path)[-32:]
    pub = der(['pkey', '-pubout'], path)[-32:]
    open(os.path.join(keys, 'ed25519.seed.b64'), 'w').write(base64.b64encode(priv).decode() + '\n')
    return base64.b64encode(priv), base64.b64encode(pub).decode()

RSA = {b: rsa_key(b) for b in (512, 1024, 2048)}
ED_PRIV, ED_PUB = ed_key()

def sign(msg, selector, domain=b'example.com', alg=b'rsa-sha256', bits=2048,
         canon=(b'relaxed', b'relaxed'),
         headers=(b'from', b'to', b'subject', b'date', b'message-id', b'mime-version', b'content-type'),
         length=False, identity=None, t=T, x=None):
    """dkim.DKIM.sign() with a fixed t=, an optional x= and no From check (dkimpy 1.1.4)."""
    d = DKIM(msg, signature_algorithm=alg)
    if alg == b'ed25519-sha256':
        pk = nacl.signing.SigningKey(ED_PRIV, encoder=nacl.encoding.Base64Encoder)
    else:
        pk = parse_pem_private_key(RSA[bits][0])
    policy = CanonicalizationPolicy.from_c_value(b'/'.join(canon))
    d.include_headers = tuple(headers)
    body = policy.canonicalize_body(d.body)
    d.hasher = HASH_ALGORITHMS[alg]
    h = d.hasher(); h.update(body)
    fields = [f for f in [
        (b'v', b'1'), (b'a', alg), (b'c', policy.to_c_value()), (b'd', domain),
        (b'i', identity or b'@' + domain),
        length and (b'l', str(len(body)).encode()),
        (b'q', b'dns/txt'), (b's', selector),
        t is not None and (b't', str(t).encode()),
        x is not None and (b'x', str(x).encode()),
        (b'h', b' : '.join(headers)),
        (b'bh', base64.b64encode(h.digest())),
        (b'b', b'0' * 60)] if f]
    return b'DKIM-Signature: ' + d.gen_header(fields, headers, policy, b'DKIM-Signature', pk) + msg

BASE = (b'Received: from mail.example.com by mx.example.net; Mon, 21 Sep 2026 14:13:00 +0000\r\n'
        b'From: Alice Example <alice@example.com>\r\n'
        b'To: Bob <bob@example.net>\r\n'
        b'Subject: Quarterly figures\r\n'
        b'Date: Mon, 21 Sep 2026 14:13:00 +0000\r\n'
        b'Message-ID: <figures-1@example.com>\r\n'
        b'MIME-Version: 1.0\r\n'
        b'Content-Type: text/plain; charset=us-ascii\r\n'
        b'\r\n'
        b'Hello Bob,  \r\n'
        b'\r\n'
        b'the figures\t are attached.   \r\n'
        b'  Regards, Alice\r\n'
        b'\r\n'
        b'\r\n')

dns = []
def txt(name, value):
    dns.append('%s %s' % (name, value))

txt('rsa2048._domainkey.example.com', 'v=DKIM1; k=rsa; p=' + RSA[2048][1])
txt('rsa1024._domainkey.example.com', 'v=DKIM1; k=rsa; p=' + RSA[1024][1])
txt('rsa512._domainkey.example.com', 'v=DKIM1; k=rsa; p=' + RSA[512][1])
txt('pkcs1._domainkey.example.com', 'v=DKIM1; k=rsa; p=' + RSA[2048][2])
txt('ed._domainkey.example.com', 'v=DKIM1; k=ed25519; p=' + ED_PUB)
txt('testing._domainkey.example.com', 'v=DKIM1; k=rsa; t=y; p=' + RSA[2048][1])
txt('strict._domainkey.example.com', 'v=DKIM1; k=rsa; t=s; p=' + RSA[2048][1])
txt('revoked._domainkey.example.com', 'v=DKIM1; k=rsa; p=')
txt('broken._domainkey.example.com', '~~SERVFAIL~~')
txt('gone._domainkey.example.com', 'NXDOMAIN')

cases = []   # (file, [expectations per signature]); expectation = "result failure flags"
def case(name, data, *expect):
    open(os.path.join(out, name + '.eml'), 'wb').write(data)
    cases.append((name, expect))

case('good-rsa-relaxed', sign(BASE, b'rsa2048'), 'pass none whole')
case('good-rsa-simple', sign(BASE, b'rsa2048', canon=(b'simple', b'simple')), 'pass none whole')
case('good-rsa-relaxed-simple', sign(BASE, b'rsa2048', canon=(b'relaxed', b'simple')), 'pass none whole')
case('good-ed25519', sign(BASE, b'ed', alg=b'ed25519-sha256'), 'pass none whole')
case('good-pkcs1-key', sign(BASE, b'pkcs1'), 'pass none whole')
case('good-rsa1024-warning', sign(BASE, b'rsa1024', bits=1024), 'pass none whole warning')
case('good-testing-key', sign(BASE, b'testing'), 'pass none whole testing')
case('good-two-signatures',
     sign(sign(BASE, b'rsa2048'), b'ed', alg=b'ed25519-sha256'),
     'pass none whole', 'pass none whole')
case('good-subdomain-identity', sign(BASE, b'rsa2048', identity=b'alice@mail.example.com'), 'pass none whole')
case('bodylength-appended',
     sign(BASE, b'rsa2048', length=True) + b'-- \r\nAppended by an attacker: call +1 555 0100\r\n',
     'pass none partial')
msg = sign(BASE, b'rsa2048')
case('added-from-above', b'From: Mallory <ceo@example.com>\r\n' + msg, 'pass none unsigned:from')
case('added-subject-above', b'Subject: Urgent wire transfer\r\n' + msg, 'pass none unsigned:subject')
case('unsigned-reply-to',
     sign(b'Reply-To: other@example.org\r\n' + BASE, b'rsa2048'), 'pass none unsigned:reply-to')
case('expired', sign(BASE, b'rsa2048', t=T - 86400 * 10, x=T - 86400 * 3), 'permerror expired')
case('future-timestamp', sign(BASE, b'rsa2048', t=NOW + 86400), 'permerror future-timestamp')
case('revoked-key', sign(BASE, b'revoked'), 'permerror key-revoked')
case('strict-subdomain', sign(BASE, b'strict', identity=b'alice@mail.example.com'), 'permerror key-strict-subdomain')
case('strict-same-domain', sign(BASE, b'strict', identity=b'alice@example.com'), 'pass none whole')
case('from-not-signed', sign(BASE, b'rsa2048', headers=(b'to', b'subject', b'date')), 'permerror from-not-signed')
case('rsa512', sign(BASE, b'rsa512', bits=512), 'fail key-too-small')
case('rsa-sha1', sign(BASE, b'rsa2048', alg=b'rsa-sha1'), 'fail weak-algorithm')
case('bad-body-hash', sign(BASE, b'rsa2048').replace(b'the figures', b'the FIGURES'), 'fail body-hash-mismatch')
case('bad-signature', sign(BASE, b'rsa2048').replace(b'Subject: Quarterly', b'Subject: Revised'), 'fail signature-mismatch')
case('temperror', sign(BASE, b'broken'), 'temperror key-unavailable')
case('key-not-found', sign(BASE, b'gone'), 'permerror key-not-found')
case('ed25519-key-mismatch', sign(BASE, b'rsa2048', alg=b'ed25519-sha256'), 'permerror key-algorithm-mismatch')
case('bad-domain', sign(BASE, b'rsa2048', domain=b'example.com(.attacker.com'), 'permerror invalid-domain')
LARGE = BASE + b''.join(b'Line %04d: lorem ipsum dolor sit amet,  consectetur \t adipiscing elit.  \r\n' % i
                        for i in range(140))
case('good-large-body', sign(LARGE, b'rsa2048'), 'pass none whole')
case('lf-line-ends', sign(BASE, b'rsa2048').replace(b'\r\n', b'\n'), 'pass none whole')

open(os.path.join(out, 'dns.txt'), 'w').write(
    '# name TXT-value (Mail::DKIM FAKE_DNS.dat format; NXDOMAIN / ~~SERVFAIL~~ are failures)\n'
    + '\n'.join(dns) + '\n')
with open(os.path.join(out, 'expected.txt'), 'w') as f:
    f.write('# now %d\n' % NOW)
    f.write('# case: one "result failure flags" per signature, top first, separated by " | "\n')
    f.write('now %d\n' % NOW)
    for name, expect in cases:
        f.write('%s: %s\n' % (name, ' | '.join(expect)))
PY

cat > "$OUT/README.md" <<'MD'
# DKIM test data

Generated by `scripts/make-dkim-testdata.sh` (run it from the repository root; it needs
`openssl` and Debian's `python3-dkim` and `python3-nacl`, used through `/usr/bin/python3`).

- `keys/`: the signing keys, made by `openssl genpkey` (RSA 512, 1024, 2048; Ed25519, whose raw
  seed is also in `ed25519.seed.b64` for dkimpy).
- `*.eml`: messages signed by dkimpy 1.1.4 (`dkim.DKIM.gen_header`, with a fixed `t=`), some
  altered afterwards (appended body text, added header fields, modified body or Subject).
- `dns.txt`: the key records, one `name TXT-value` per line (`NXDOMAIN`, `~~SERVFAIL~~` stand
  for failures), the format of Mail::DKIM's FAKE_DNS.dat.
- `expected.txt`: `now` to verify at, and per message one `result failure flags` per signature
  (flags: `whole`/`partial` = coversWholeMessage, `unsigned:NAME`, `warning`, `testing`).
MD
echo "written $OUT"
