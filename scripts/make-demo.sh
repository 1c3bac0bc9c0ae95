#!/usr/bin/env bash
# Makes the built-in demo mailbox in resources/demo/: keys, a DNS zone, and sample messages that
# are authenticated, forged (several ways), suspicious, unauthenticated, S/MIME- and
# OpenPGP-signed. The output is committed; run this again only to change the demo
# (scripts/make-demo.sh --force). Needs Debian's python3-dkim (/usr/bin/python3), openssl, gpg.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=resources/demo
if [ -f "$OUT/messages/01-authenticated-bank.eml" ] && [ "${1:-}" != "--force" ]; then
  echo "make-demo: $OUT exists (use --force to remake it)"; exit 0
fi
rm -rf "$OUT/messages" "$OUT/keys" "$OUT/pgp" "$OUT/smime"
mkdir -p "$OUT/messages" "$OUT/keys" "$OUT/pgp" "$OUT/smime"
# Every demo message is verified at this time: a day after the keys, signatures and
# certificates were made, so all of them are valid then.
date -u -d "+1 day" +%Y-%m-%dT12:00:00Z > "$OUT/NOW"

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$OUT/keys/mybank.pem" 2>/dev/null
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$OUT/keys/shop.pem" 2>/dev/null
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$OUT/keys/attacker.pem" 2>/dev/null
openssl genpkey -algorithm ED25519 -out "$OUT/keys/news.pem" 2>/dev/null

/usr/bin/python3 - "$OUT" <<'PY'
import base64, subprocess, sys, os
import dkim
from cryptography.hazmat.primitives import serialization
out = sys.argv[1]

def pub_record(name, ed=False):
    key = serialization.load_pem_private_key(open(f"{out}/keys/{name}.pem", "rb").read(), None)
    if ed:
        raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return "v=DKIM1; k=ed25519; p=" + base64.b64encode(raw).decode()
    der = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return "v=DKIM1; k=rsa; p=" + base64.b64encode(der).decode()

def ed_seed(name):
    key = serialization.load_pem_private_key(open(f"{out}/keys/{name}.pem", "rb").read(), None)
    raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    return base64.b64encode(raw)

def txt(value):
    parts = [value[i:i+250] for i in range(0, len(value), 250)]
    return "( " + "\n      ".join('"%s"' % p for p in parts) + " )"

zone = f"""; DNS zone of the Sealcheck demo mailbox (made by scripts/make-demo.sh).
$TTL 300
$ORIGIN mybank.example.
@                 IN TXT "v=spf1 ip4:192.0.2.0/24 -all"
_dmarc            IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@mybank.example"
s2026._domainkey  IN TXT {txt(pub_record('mybank'))}
mail              IN A   192.0.2.10
@                 IN MX  10 mail.mybank.example.
$ORIGIN shop.example.
@                 IN TXT "v=spf1 ip4:198.51.100.0/24 ~all"
_dmarc            IN TXT "v=DMARC1; p=quarantine"
k1._domainkey     IN TXT {txt(pub_record('shop'))}
$ORIGIN news.example.
@                 IN TXT "v=spf1 ip4:198.51.100.77 -all"
_dmarc            IN TXT "v=DMARC1; p=none; rua=mailto:reports@news.example"
ed._domainkey     IN TXT "{pub_record('news', ed=True)}"
$ORIGIN rnybank.example.
@                 IN TXT "v=spf1 ip4:203.0.113.0/24 -all"
_dmarc            IN TXT "v=DMARC1; p=reject"
mx._domainkey     IN TXT {txt(pub_record('attacker'))}
$ORIGIN smallclub.example.
@                 IN TXT "v=spf1 mx ?all"
@                 IN MX  10 mail.smallclub.example.
mail              IN A   198.51.100.20
$ORIGIN company.example.
@                 IN TXT "v=spf1 ip4:198.51.100.40 -all"
_dmarc            IN TXT "v=DMARC1; p=none"
"""
open(f"{out}/demo.zone", "w").write(zone)

TOP = ("Return-Path: <{rp}>\n"
       "Received: from {helo} ({helo} [{ip}])\n"
       "\tby mx.sealcheck-demo.example (Postfix) with ESMTPS id {qid}\n"
       "\tfor <you@sealcheck-demo.example>; Fri, 20 Nov 2026 {time} +0000 (UTC)\n")

def rp_of(frm):
    import re as _re
    m = _re.search(r'<([^>]+)>', frm)
    return m.group(1) if m else frm.strip()

def message(frm, subject, body, helo, ip, qid, time, extra="", to="You <you@sealcheck-demo.example>",
            mid=None, ctype="text/plain; charset=utf-8"):
    mid = mid or f"<{qid}@{helo}>"
    head = (f"From: {frm}\nTo: {to}\nSubject: {subject}\nDate: Fri, 20 Nov 2026 {time} +0000\n"
            f"Message-ID: {mid}\nMIME-Version: 1.0\nContent-Type: {ctype}\n{extra}")
    return head, body

def sign(head, body, domain, selector, keyname, ed=False, headers=None):
    raw = (head + "\n" + body).replace("\n", "\r\n").encode()
    key = ed_seed(keyname) if ed else open(f"{out}/keys/{keyname}.pem", "rb").read()
    sig = dkim.sign(raw, selector.encode(), domain.encode(), key,
                    canonicalize=(b"relaxed", b"relaxed"),
                    signature_algorithm=b"ed25519-sha256" if ed else b"rsa-sha256",
                    include_headers=headers or [b"from", b"to", b"subject", b"date", b"message-id",
                                                b"mime-version", b"content-type"])
    return sig.decode().replace("\r\n", "\n")

def write(name, top, head, body, sig=""):
    with open(f"{out}/messages/{name}.eml", "w") as f:
        f.write(top + sig + head + "\n" + body)

# 1. Authenticated: DKIM by mybank.example (aligned, whole message), SPF pass, DMARC reject.
h, b = message('"My Bank" <statements@mybank.example>', "Your November statement is ready",
               "Dear customer,\n\nyour statement for November is ready in online banking.\n\nMy Bank\n",
               "mail.mybank.example", "192.0.2.10", "4Xb1Q2", "09:14:02")
write("01-authenticated-bank", TOP.format(rp="statements@mybank.example", helo="mail.mybank.example", ip="192.0.2.10", qid="4Xb1Q2", time="09:14:05"),
      h, b, sign(h, b, "mybank.example", "s2026", "mybank"))

# 2. Forged: the bank's address sent from elsewhere, no signature; DMARC p=reject.
h, b = message('"My Bank Security" <security@mybank.example>', "Urgent: confirm your account",
               "Your account will be closed today. Confirm your details at http://mybank.example.login.invalid/\n",
               "mail.mybank.example", "203.0.113.66", "4Xb9Z1", "10:02:11")
write("02-forged-bank-spoof", TOP.format(rp="bounce@mybank.example", helo="mail.mybank.example", ip="203.0.113.66", qid="4Xb9Z1", time="10:02:13"), h, b)

# 3. Forged: two From fields (Composition Kills): the attacker signs their own From and adds the bank's above it.
h, b = message("billing@rnybank.example", "Invoice 2026-11",
               "Please pay the attached invoice.\n", "mail.rnybank.example", "203.0.113.7", "4Xc0A7", "10:20:00")
sig = sign(h, b, "rnybank.example", "mx", "attacker")
write("03-forged-two-from", TOP.format(rp="billing@rnybank.example", helo="mail.rnybank.example", ip="203.0.113.7", qid="4Xc0A7", time="10:20:02"),
      h, b, "From: \"My Bank\" <billing@mybank.example>\n" + sig)

# 4. Suspicious: a display name that shows another organisation's address (Mailsploit).
h, b = message('"service@mybank.example" <deals@shop.example>', "Your bank recommends our offer",
               "A special offer for bank customers.\n", "out.shop.example", "198.51.100.5", "4Xd2B3", "11:00:00")
write("04-suspicious-display-name", TOP.format(rp="bounces@shop.example", helo="out.shop.example", ip="198.51.100.5", qid="4Xd2B3", time="11:00:01"),
      h, b, sign(h, b, "shop.example", "k1", "shop"))

# 5. Suspicious: a lookalike of mybank.example (rn for m), correctly signed by the lookalike.
h, b = message('"My Bank" <alerts@rnybank.example>', "New sign-in to your account",
               "We noticed a new sign-in. If this was not you, reset your password.\n",
               "mail.rnybank.example", "203.0.113.8", "4Xe3C4", "11:30:00")
write("05-suspicious-lookalike", TOP.format(rp="alerts@rnybank.example", helo="mail.rnybank.example", ip="203.0.113.8", qid="4Xe3C4", time="11:30:01"),
      h, b, sign(h, b, "rnybank.example", "mx", "attacker"))

# 6. Suspicious: DMARC fail under p=none (a newsletter sent through an unlisted server, unsigned).
h, b = message("News <letter@news.example>", "This week's news", "Headlines of the week.\n",
               "bulk.mailer.example", "192.0.2.200", "4Xf4D5", "08:00:00")
write("06-suspicious-dmarc-none", TOP.format(rp="bounce@bulk.mailer.example", helo="bulk.mailer.example", ip="192.0.2.200", qid="4Xf4D5", time="08:00:03"), h, b)

# 7. Authenticated: Ed25519 DKIM (RFC 8463) by news.example from its listed server.
h, b = message("News <letter@news.example>", "Special edition", "A special edition.\n",
               "mail.news.example", "198.51.100.77", "4Xg5E6", "08:30:00")
write("07-authenticated-ed25519", TOP.format(rp="letter@news.example", helo="mail.news.example", ip="198.51.100.77", qid="4Xg5E6", time="08:30:02"),
      h, b, sign(h, b, "news.example", "ed", "news", ed=True))

# 8. Unauthenticated: a small club with no DMARC policy and no signature.
h, b = message("Club Secretary <secretary@smallclub.example>", "Meeting on Thursday",
               "See you on Thursday at 7.\n", "mail.smallclub.example", "198.51.100.20", "4Xh6F7", "12:00:00")
write("08-unauthenticated-club", TOP.format(rp="secretary@smallclub.example", helo="mail.smallclub.example", ip="198.51.100.20", qid="4Xh6F7", time="12:00:01"), h, b)

# 9. Forged: the body was changed after the bank signed it (bad body hash), DMARC reject.
h, b = message('"My Bank" <statements@mybank.example>', "Payment details changed",
               "Our account number has not changed.\n", "mail.mybank.example", "203.0.113.9", "4Xi7G8", "12:30:00")
sig = sign(h, b, "mybank.example", "s2026", "mybank")
write("09-forged-tampered", TOP.format(rp="statements@mybank.example", helo="mail.mybank.example", ip="203.0.113.9", qid="4Xi7G8", time="12:30:01"),
      h, "Our account number HAS changed: send payments to XX00 0000 0000.\n", sig)
PY

# S/MIME: a demo CA and a certificate for colleague@company.example.
S="$OUT/smime"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$S/ca.key" -out "$S/ca.pem" -days 3650 \
  -subj "/CN=Sealcheck Demo CA" -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout "$S/colleague.key" -out "$S/colleague.csr" \
  -subj "/CN=Carla Colleague/emailAddress=colleague@company.example" 2>/dev/null
printf "subjectAltName=email:colleague@company.example\nextendedKeyUsage=emailProtection\nkeyUsage=digitalSignature,keyEncipherment\nbasicConstraints=CA:FALSE\n" > "$S/leaf.ext"
openssl x509 -req -in "$S/colleague.csr" -CA "$S/ca.pem" -CAkey "$S/ca.key" -CAcreateserial \
  -out "$S/colleague.pem" -days 3650 -extfile "$S/leaf.ext" 2>/dev/null
rm -f "$S/colleague.csr" "$S/leaf.ext" "$S/ca.srl" "$S/ca.key"
printf 'Content-Type: text/plain; charset=utf-8\r\n\r\nThe quarterly figures are attached to the shared drive.\r\nCarla\r\n' > "$S/content.txt"
{
  printf 'Return-Path: <colleague@company.example>\n'
  printf 'Received: from mail.company.example (mail.company.example [198.51.100.40])\n\tby mx.sealcheck-demo.example (Postfix) with ESMTPS id 4Xj8H9\n\tfor <you@sealcheck-demo.example>; Fri, 20 Nov 2026 13:00:01 +0000 (UTC)\n'
  printf 'From: Carla Colleague <colleague@company.example>\nTo: You <you@sealcheck-demo.example>\nSubject: Quarterly figures (S/MIME signed)\nDate: Fri, 20 Nov 2026 13:00:00 +0000\nMessage-ID: <4Xj8H9@company.example>\n'
  openssl cms -sign -in "$S/content.txt" -signer "$S/colleague.pem" -inkey "$S/colleague.key" -md sha256 -binary \
    -nodetach -outform SMIME 2>/dev/null | sed -n '/^MIME-Version/,$p' | tr -d '\r' > /tmp/smime-demo.$$
  # Use the detached (multipart/signed) form.
  openssl cms -sign -in "$S/content.txt" -signer "$S/colleague.pem" -inkey "$S/colleague.key" -md sha256 -binary \
    -outform SMIME 2>/dev/null | tr -d '\r'
} > "$OUT/messages/10-smime-signed.eml"
rm -f /tmp/smime-demo.$$ "$S/content.txt" "$S/colleague.key"

# OpenPGP: a key for friend@smallclub.example; the demo imports it with full trust.
G=$(mktemp -d /tmp/gpgXXXXXX)
gpg --homedir "$G" --batch --passphrase '' --quick-gen-key 'Frieda Friend <friend@smallclub.example>' ed25519 sign never 2>/dev/null
gpg --homedir "$G" --armor --export friend@smallclub.example > "$OUT/pgp/friend.asc"
printf 'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\nThe tickets for Saturday are booked.\r\nFrieda\r\n' > /tmp/pgp-part.$$
gpg --homedir "$G" --batch --armor --detach-sign --digest-algo SHA256 -o /tmp/pgp-sig.$$ /tmp/pgp-part.$$ 2>/dev/null
{
  printf 'Return-Path: <friend@smallclub.example>\n'
  printf 'Received: from mail.smallclub.example (mail.smallclub.example [198.51.100.20])\n\tby mx.sealcheck-demo.example (Postfix) with ESMTPS id 4Xk9J0\n\tfor <you@sealcheck-demo.example>; Fri, 20 Nov 2026 13:30:01 +0000 (UTC)\n'
  printf 'From: Frieda Friend <friend@smallclub.example>\nTo: You <you@sealcheck-demo.example>\nSubject: Tickets (OpenPGP signed)\nDate: Fri, 20 Nov 2026 13:30:00 +0000\nMessage-ID: <4Xk9J0@smallclub.example>\nMIME-Version: 1.0\n'
  printf 'Content-Type: multipart/signed; micalg=pgp-sha256; protocol="application/pgp-signature"; boundary="sc-demo-pgp"\n\n'
  printf -- '--sc-demo-pgp\n'; tr -d '\r' < /tmp/pgp-part.$$
  printf -- '\n--sc-demo-pgp\nContent-Type: application/pgp-signature; name="signature.asc"\n\n'
  cat /tmp/pgp-sig.$$
  printf -- '\n--sc-demo-pgp--\n'
} > "$OUT/messages/11-openpgp-signed.eml"
rm -f /tmp/pgp-part.$$ /tmp/pgp-sig.$$
gpgconf --homedir "$G" --kill all 2>/dev/null || true
rm -rf "$G"

cat > "$OUT/README.md" <<'MD'
# The built-in demo mailbox

Made by `scripts/make-demo.sh` (Debian's python3-dkim signs the DKIM messages; openssl makes the
S/MIME demo CA and signs message 10; gpg makes the OpenPGP key and signs message 11). Private
keys of the DKIM demo domains are in `keys/` (demo only, never trust them); the S/MIME and
OpenPGP private keys were discarded after signing.

| message | expected verdict | why |
|---|---|---|
| 01-authenticated-bank | authenticated | DKIM by mybank.example, SPF pass, DMARC p=reject |
| 02-forged-bank-spoof | forged | mybank.example's address from a server it does not list, DMARC p=reject |
| 03-forged-two-from | forged | two From fields: the signed one is the attacker's |
| 04-suspicious-display-name | suspicious | the display name shows service@mybank.example |
| 05-suspicious-lookalike | suspicious | rnybank.example imitates mybank.example |
| 06-suspicious-dmarc-none | suspicious | DMARC fail, the domain only monitors (p=none) |
| 07-authenticated-ed25519 | authenticated | Ed25519 DKIM (RFC 8463) |
| 08-unauthenticated-club | unauthenticated | no DMARC policy, no signature |
| 09-forged-tampered | forged | body changed after signing, DMARC p=reject |
| 10-smime-signed | authenticated | S/MIME signature chaining to the demo CA (`smime/ca.pem`) |
| 11-openpgp-signed | authenticated | OpenPGP signature by a key the demo trusts (`pgp/friend.asc`) |

All are verified at the time in `NOW`, with DNS from `demo.zone`, the trusted relay and
authserv-id `mx.sealcheck-demo.example`, and the known domain `mybank.example`
(`--known-domain` on the command line; the desktop program learns it from your mail).
MD
echo "make-demo: wrote $(ls "$OUT/messages" | wc -l) messages to $OUT/messages"
