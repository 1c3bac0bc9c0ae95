#!/bin/sh
# Makes the key-memory test messages (tests/keymem/data/*.eml) with Debian's python3-dkim,
# signing with the demo's private keys (resources/demo/keys, demo only). Run from anywhere:
#   sh tests/keymem/data/make-data.sh
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
DEMO="$HERE/../../../resources/demo"
/usr/bin/python3 - "$HERE" "$DEMO" <<'PY'
import sys, dkim
from cryptography.hazmat.primitives import serialization
out, demo = sys.argv[1], sys.argv[2]

def ed_seed(name):
    key = serialization.load_pem_private_key(open(f"{demo}/keys/{name}.pem", "rb").read(), None)
    import base64
    return base64.b64encode(key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                              serialization.NoEncryption()))

TOP = ("Return-Path: <{rp}>\n"
       "Received: from {helo} ({helo} [{ip}])\n"
       "\tby mx.sealcheck-demo.example (Postfix) with ESMTPS id {qid}\n"
       "\tfor <you@sealcheck-demo.example>; Fri, 20 Nov 2026 {time} +0000 (UTC)\n")

def message(frm, subject, body, qid, time):
    head = (f"From: {frm}\nTo: You <you@sealcheck-demo.example>\nSubject: {subject}\n"
            f"Date: Fri, 20 Nov 2026 {time} +0000\nMessage-ID: <{qid}@keymem.example>\n"
            "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n")
    return head, body

def sign(head, body, domain, selector, keyname, ed=False):
    raw = (head + "\n" + body).replace("\n", "\r\n").encode()
    key = ed_seed(keyname) if ed else open(f"{demo}/keys/{keyname}.pem", "rb").read()
    sig = dkim.sign(raw, selector.encode(), domain.encode(), key, canonicalize=(b"relaxed", b"relaxed"),
                    signature_algorithm=b"ed25519-sha256" if ed else b"rsa-sha256",
                    include_headers=[b"from", b"to", b"subject", b"date", b"message-id", b"mime-version",
                                     b"content-type"])
    return sig.decode().replace("\r\n", "\n")

def write(name, top, head, body, sig=""):
    with open(f"{out}/{name}.eml", "w") as f:
        f.write(top + sig + head + "\n" + body)

# mybank.example replaced the key at selector s2026 (the new key is the demo's shop key).
h, b = message('"My Bank" <statements@mybank.example>', "Your December statement is ready",
               "Dear customer,\n\nyour statement for December is ready in online banking.\n\nMy Bank\n", "KM0001", "11:00:00")
write("rotated-key-bank", TOP.format(rp="statements@mybank.example", helo="mail.mybank.example", ip="192.0.2.10",
                                     qid="KM0001", time="11:00:03"), h, b, sign(h, b, "mybank.example", "s2026", "shop"))

# A newsletter of company.example (DMARC p=none) sent and signed by its service news.example.
h, b = message('"Company News" <news@company.example>', "Our November newsletter",
               "Hello,\n\nthis is the November newsletter.\n", "KM0002", "12:00:00")
write("newsletter-service-signed", TOP.format(rp="bounce@news.example", helo="mail.news.example", ip="198.51.100.77",
                                              qid="KM0002", time="12:00:02"), h, b, sign(h, b, "news.example", "ed", "news", ed=True))

# The same service signing mail that claims mybank.example (DMARC p=reject): never authenticated.
h, b = message('"My Bank" <statements@mybank.example>', "Your account",
               "Please log in.\n", "KM0003", "13:00:00")
write("service-signed-bank", TOP.format(rp="bounce@news.example", helo="mail.news.example", ip="198.51.100.77",
                                        qid="KM0003", time="13:00:02"), h, b, sign(h, b, "news.example", "ed", "news", ed=True))

# A club newsletter from smallclub.example (no DMARC record: unauthenticated) signed by its
# sending service news.example: the one kind of mail a user may accept a signer for (issue 20).
h, b = message('"Small Club" <info@smallclub.example>', "Club evening on Friday",
               "Hello members,\n\nthe club evening is on Friday.\n", "KM0004", "14:00:00")
write("club-service-signed", TOP.format(rp="bounce@news.example", helo="mail.news.example", ip="198.51.100.77",
                                        qid="KM0004", time="14:00:02"), h, b, sign(h, b, "news.example", "ed", "news", ed=True))
PY
