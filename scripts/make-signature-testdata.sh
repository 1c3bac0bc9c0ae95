#!/bin/bash
# Makes the S/MIME and OpenPGP test data under tests/data/smime and tests/data/pgp:
# a test CA and leaf certificates, OpenPGP keys, signed messages, tampered ones and the attack
# corpus modelled on "Johnny, You Are Fired!" (Müller et al., USENIX Security 2019).
# Every message is written with CRLF line ends (as transmitted). Each attack file names its
# class in a "Comment:" header field (outside anything signed).
#
# Usage: scripts/make-signature-testdata.sh   (from anywhere; rewrites the data folders)
# Needs: openssl 3, gpg 2.2, /usr/bin/python3.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SM=$ROOT/tests/data/smime
PG=$ROOT/tests/data/pgp
WORK=$(mktemp -d /tmp/sigdataXXXXXX)
GNUPGHOME=$(mktemp -d /tmp/gpgXXXXXX)
export GNUPGHOME
cleanup() { gpgconf --homedir "$GNUPGHOME" --kill all || true; rm -rf "$WORK" "$GNUPGHOME"; }
trap cleanup EXIT

mkdir -p "$SM/certs" "$PG/keys"
rm -f "$SM"/*.eml "$SM"/certs/* "$PG"/*.eml "$PG"/keys/*

# LF → CRLF
crlf() { sed 's/\r*$/\r/'; }
b64() { base64 -w 76 | crlf; }

############################################################################ S/MIME
cd "$WORK"
cat > ca.cnf <<'EOF'
[ca]
default_ca = testca
[testca]
dir = .
database = index.txt
serial = serial
new_certs_dir = .
default_md = sha256
policy = anything
unique_subject = no
copy_extensions = none
[anything]
commonName = supplied
emailAddress = optional
[req]
distinguished_name = dn
prompt = no
[dn]
CN = placeholder
[v3_ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[leaf]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = emailProtection
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = email:${ENV::LEAF_EMAIL}
[leaf_noeku]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = email:${ENV::LEAF_EMAIL}
[leaf_subject_only]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = emailProtection
EOF
export LEAF_EMAIL=unused@example.com

newkey() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key" 2>/dev/null; }

# A self-signed CA: make_ca NAME "CN"
make_ca() {
  newkey "$1"
  : > index.txt; echo 1000 > serial
  openssl req -new -config ca.cnf -key "$1.key" -subj "/CN=$2" -out "$1.csr"
  openssl ca -batch -config ca.cnf -selfsign -keyfile "$1.key" -in "$1.csr" -out "$1.crt" -notext \
    -extensions v3_ca -startdate 20200101000000Z -enddate 20500101000000Z 2>/dev/null
}
# A leaf: make_leaf NAME CA SUBJECT EMAIL EXTENSIONS START END
make_leaf() {
  newkey "$1"
  openssl req -new -config ca.cnf -key "$1.key" -subj "$3" -out "$1.csr"
  LEAF_EMAIL=$4 openssl ca -batch -config ca.cnf -cert "$2.crt" -keyfile "$2.key" -in "$1.csr" -out "$1.crt" \
    -notext -extensions "$5" -startdate "$6" -enddate "$7" 2>/dev/null
}

make_ca ca "Sealcheck Test CA"
make_leaf alice ca "/CN=Alice Example" alice@example.com leaf 20250101000000Z 20350101000000Z
make_leaf alice-expired ca "/CN=Alice Example" alice@example.com leaf 20200101000000Z 20210101000000Z
make_leaf bob ca "/CN=Bob Example" bob@example.org leaf 20250101000000Z 20350101000000Z
make_leaf alice-noeku ca "/CN=Alice Example" alice@example.com leaf_noeku 20250101000000Z 20350101000000Z
make_leaf alice-subject ca "/CN=Alice Example/emailAddress=Alice@Example.COM" alice@example.com leaf_subject_only \
  20250101000000Z 20350101000000Z
make_ca rogue-ca "Sealcheck Test CA"
make_leaf alice-rogue rogue-ca "/CN=Alice Example" alice@example.com leaf 20250101000000Z 20350101000000Z
cp ca.crt "$SM/certs/ca.pem"
for c in alice alice-expired bob alice-noeku alice-subject alice-rogue rogue-ca; do cp $c.crt "$SM/certs/$c.pem"; done

# The first (signed) part of the multipart/signed messages, CRLF.
cat > part.txt <<'EOF'
Content-Type: text/plain; charset=us-ascii
Content-Transfer-Encoding: 7bit

Hello Bob,

the meeting is on Tuesday at 10:00.   
Trailing spaces above are part of the signed text.

Alice
EOF
crlf < part.txt > part.crlf

# detached_sig SIGNER...: DER detached signature over part.crlf (signers: name pairs cert/key)
detached_sig() {
  local args=()
  for s in "$@"; do args+=(-signer "$s.crt" -inkey "$s.key"); done
  openssl cms -sign -binary -in part.crlf -outform DER "${args[@]}" -certfile ca.crt
}

# smime_signed FILE FROM SIGFILE [COMMENT] [PARTFILE]: a multipart/signed message
smime_signed() {
  local file=$1 from=$2 sig=$3 comment=${4:-} part=${5:-part.crlf}
  {
    printf 'From: %s\r\nTo: bob@example.org\r\nSubject: Meeting\r\nDate: Mon, 23 Nov 2026 09:00:00 +0000\r\n' "$from"
    printf 'Message-ID: <%s@example.com>\r\n' "$(basename "$file" .eml)"
    [ -n "$comment" ] && printf 'Comment: %s\r\n' "$comment"
    printf 'MIME-Version: 1.0\r\n'
    printf 'Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256;\r\n boundary="----sig-boundary-1"\r\n\r\n'
    printf 'This is an S/MIME signed message.\r\n\r\n------sig-boundary-1\r\n'
    cat "$part"
    printf '\r\n------sig-boundary-1\r\nContent-Type: application/pkcs7-signature; name="smime.p7s"\r\n'
    printf 'Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename="smime.p7s"\r\n\r\n'
    b64 < "$sig"
    printf '\r\n------sig-boundary-1--\r\n'
  } > "$file"
}

detached_sig alice > alice.p7s
smime_signed "$SM/signed-detached.eml" alice@example.com alice.p7s
# Tampered: one word of the signed text changed after signing.
sed 's/Tuesday/Thursday/' "$SM/signed-detached.eml" > "$SM/tampered-detached.eml"
detached_sig alice-expired > expired.p7s
smime_signed "$SM/expired-certificate.eml" alice@example.com expired.p7s
detached_sig alice-noeku > noeku.p7s
smime_signed "$SM/no-email-eku.eml" alice@example.com noeku.p7s
detached_sig alice-subject > subject.p7s
smime_signed "$SM/subject-email-only.eml" alice@example.com subject.p7s
openssl cms -sign -binary -in part.crlf -outform DER -signer alice-rogue.crt -inkey alice-rogue.key -certfile rogue-ca.crt \
  > rogue.p7s
smime_signed "$SM/untrusted-root.eml" alice@example.com rogue.p7s
detached_sig alice bob > two-signers.p7s
smime_signed "$SM/two-signers.eml" alice@example.com two-signers.p7s

# Opaque signed-data (RFC 8551 §3.5.2): the content travels inside the CMS object.
openssl cms -sign -nodetach -binary -in part.crlf -outform DER -signer alice.crt -inkey alice.key -certfile ca.crt > opaque.p7m
opaque_msg() {
  local file=$1 der=$2 comment=${3:-}
  {
    printf 'From: alice@example.com\r\nTo: bob@example.org\r\nSubject: Meeting\r\nDate: Mon, 23 Nov 2026 09:00:00 +0000\r\n'
    [ -n "$comment" ] && printf 'Comment: %s\r\n' "$comment"
    printf 'MIME-Version: 1.0\r\nContent-Type: application/pkcs7-mime; smime-type=signed-data; name="smime.p7m"\r\n'
    printf 'Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename="smime.p7m"\r\n\r\n'
    b64 < "$der"
  } > "$file"
}
opaque_msg "$SM/signed-opaque.eml" opaque.p7m
/usr/bin/python3 - opaque.p7m opaque-tampered.p7m <<'EOF'
import sys
d = open(sys.argv[1], 'rb').read()
assert d.count(b'Tuesday') == 1
open(sys.argv[2], 'wb').write(d.replace(b'Tuesday', b'Thursda'))
EOF
opaque_msg "$SM/tampered-opaque.eml" opaque-tampered.p7m

# ------------------------------------------------------------- S/MIME attack corpus
# CMS trick: a "detached" signature that also embeds (other) content.
printf 'Content-Type: text/plain\r\n\r\nNothing to see here.\r\n' > other.crlf
openssl cms -sign -nodetach -binary -in other.crlf -outform DER -signer alice.crt -inkey alice.key -certfile ca.crt \
  > embedded.p7s
smime_signed "$SM/attack-cms-detached-with-econtent.eml" alice@example.com embedded.p7s \
  "attack class: CMS signed-data with eContent in a multipart/signed (detached/embedded confusion)"
# CMS trick: opaque signed-data without content.
opaque_msg "$SM/attack-cms-opaque-without-content.eml" alice.p7s \
  "attack class: CMS opaque signed-data without eContent (detached/embedded confusion)"
# CMS trick: signed-data without any signer (a degenerate certs-only object).
openssl crl2pkcs7 -nocrl -certfile alice.crt -certfile ca.crt -outform DER > nosigners.p7s
smime_signed "$SM/attack-cms-no-signers.eml" alice@example.com nosigners.p7s \
  "attack class: CMS signed-data with no SignerInfo"
# CMS trick: several signers; the trusted one is bob, the one naming alice is untrusted.
openssl cms -sign -binary -in part.crlf -outform DER -signer bob.crt -inkey bob.key -signer alice-rogue.crt \
  -inkey alice-rogue.key -certfile ca.crt -certfile rogue-ca.crt > multi.p7s
smime_signed "$SM/attack-cms-multiple-signers.eml" alice@example.com multi.p7s \
  "attack class: CMS multiple signers (trusted bob, untrusted certificate naming alice)"
# Identity mismatch: signed by bob, From alice.
detached_sig bob > bob.p7s
smime_signed "$SM/attack-identity-signed-by-bob.eml" alice@example.com bob.p7s \
  "attack class: identity mismatch (signed by bob@example.org, From alice@example.com)"

# MIME wrapping: extract the valid multipart/signed entity and wrap it.
/usr/bin/python3 - "$SM/signed-detached.eml" signed-entity.crlf <<'EOF'
import sys
d = open(sys.argv[1], 'rb').read()
head, body = d.split(b'\r\n\r\n', 1)
ct = head[head.index(b'MIME-Version: 1.0\r\n') + 19:]
open(sys.argv[2], 'wb').write(ct + b'\r\n\r\n' + body)
EOF
wrapped() {
  local file=$1 comment=$2 before=$3 after=$4 inner=$5
  {
    printf 'From: alice@example.com\r\nTo: bob@example.org\r\nSubject: Meeting\r\nDate: Mon, 23 Nov 2026 09:00:00 +0000\r\n'
    printf 'Comment: %s\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="outer"\r\n\r\n' "$comment"
    if [ -n "$before" ]; then printf -- '--outer\r\n%s\r\n' "$before"; fi
    printf -- '--outer\r\n'; cat "$inner"; printf '\r\n'
    if [ -n "$after" ]; then printf -- '--outer\r\n%s\r\n' "$after"; fi
    printf -- '--outer--\r\n'
  } > "$file"
}
UNSIGNED_TEXT=$'Content-Type: text/plain\r\n\r\nPlease wire 10,000 EUR to IBAN DE00 1234 today. -- Alice\r\n'
wrapped "$SM/attack-wrap-unsigned-text-before.eml" \
  "attack class: MIME wrapping (unsigned text before the signed part in multipart/mixed)" "$UNSIGNED_TEXT" "" signed-entity.crlf
wrapped "$SM/attack-wrap-unsigned-text-after.eml" \
  "attack class: MIME wrapping (unsigned text after the signed part in multipart/mixed)" "" "$UNSIGNED_TEXT" signed-entity.crlf
# The signed part as an attachment, shown below unsigned text.
{ printf 'Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256;\r\n boundary="----sig-boundary-1"\r\nContent-Disposition: attachment; filename="signed.txt"\r\n'
  sed -n '/^\r$/,$p' signed-entity.crlf; } > signed-attachment.crlf
wrapped "$SM/attack-wrap-signed-attachment.eml" \
  "attack class: MIME wrapping (signed part as an attachment under unsigned text)" "$UNSIGNED_TEXT" "" signed-attachment.crlf
# Nested message/rfc822: the whole signed message forwarded inside an unsigned one.
{ printf 'Content-Type: message/rfc822\r\n\r\n'; cat "$SM/signed-detached.eml"; } > rfc822.crlf
wrapped "$SM/attack-wrap-nested-rfc822.eml" \
  "attack class: MIME wrapping (signed message nested as message/rfc822)" "" "" rfc822.crlf
# UI redressing: an HTML part imitating a "signed" banner.
REDRESS=$'Content-Type: text/html; charset=utf-8\r\n\r\n<div style="background:#e6ffe6;border:1px solid green">&#10004; Signed by alice@example.com &mdash; signature valid</div><p>Please wire 10,000 EUR today.</p>\r\n'
wrapped "$SM/attack-ui-redress-html-banner.eml" \
  "attack class: UI redressing (unsigned HTML imitating a signature banner)" "$REDRESS" "" signed-entity.crlf

cat > "$SM/.gitattributes" <<'EOF'
*.eml -text
EOF

############################################################################ OpenPGP
cat > "$GNUPGHOME/gpg-agent.conf" <<'EOF'
allow-loopback-pinentry
EOF
genkey() { gpg --batch --passphrase '' --quick-gen-key "$1" ed25519 sign never 2>/dev/null; }
fpr() { gpg --batch --with-colons --list-keys "$1" | awk -F: '/^fpr/ {print $10; exit}'; }
genkey 'Sealcheck Test Root <root@example.net>'
genkey 'Alice Example <alice@example.com>'
genkey 'Bob Example <bob@example.org>'
genkey 'Carol Example <carol@example.com>'
genkey 'Alice Impostor <alice@example.com>' # same address, not certified: unknown validity
genkey 'Mallory [GNUPG:] GOODSIG 0000000000000000 Alice Example alice@example.com <mallory@example.net>'
genkey 'Dave Unknown <dave@example.net>'    # never exported: "unknown key"
ROOTFPR=$(fpr root@example.net)
ALICE=$(fpr 'Alice Example <alice@example.com>')
BOB=$(fpr bob@example.org)
CAROL=$(fpr carol@example.com)
IMPOSTOR=$(fpr 'Alice Impostor')
MALLORY=$(fpr mallory@example.net)
DAVE=$(fpr dave@example.net)
for k in "$ALICE" "$BOB" "$MALLORY"; do
  gpg --batch --yes --default-key "$ROOTFPR" --quick-sign-key "$k" >/dev/null 2>&1
done
gpg --batch --armor --export "$ROOTFPR" > "$PG/keys/root.asc"
gpg --batch --armor --export "$ALICE" > "$PG/keys/alice.asc"
gpg --batch --armor --export "$BOB" > "$PG/keys/bob.asc"
gpg --batch --armor --export "$CAROL" > "$PG/keys/carol.asc"
gpg --batch --armor --export "$IMPOSTOR" > "$PG/keys/alice-impostor.asc"
gpg --batch --armor --export "$MALLORY" > "$PG/keys/mallory.asc"
# Ownertrust for the tests: the root is ultimately trusted, which gives alice, bob and mallory
# full validity (they carry the root's certification); carol and the impostor stay unknown.
echo "$ROOTFPR:6:" > "$PG/keys/ownertrust.txt"
{ echo "root=$ROOTFPR"; echo "alice=$ALICE"; echo "bob=$BOB"; echo "carol=$CAROL"; echo "impostor=$IMPOSTOR"
  echo "mallory=$MALLORY"; echo "dave=$DAVE"; } > "$PG/keys/fingerprints.txt"

# pgp_signed FILE FROM SIGNERFPR [COMMENT] [PARTFILE]: RFC 3156 multipart/signed
pgp_signed() {
  local file=$1 from=$2 signer=$3 comment=${4:-} part=${5:-part.crlf}
  gpg --batch --yes --local-user "$signer" --digest-algo SHA256 --armor --detach-sign -o sig.asc "$part" 2>/dev/null
  {
    printf 'From: %s\r\nTo: bob@example.org\r\nSubject: Meeting\r\nDate: Mon, 23 Nov 2026 09:00:00 +0000\r\n' "$from"
    printf 'Message-ID: <%s@example.com>\r\n' "$(basename "$file" .eml)"
    [ -n "$comment" ] && printf 'Comment: %s\r\n' "$comment"
    printf 'MIME-Version: 1.0\r\n'
    printf 'Content-Type: multipart/signed; micalg=pgp-sha256;\r\n protocol="application/pgp-signature"; boundary="pgp-b1"\r\n\r\n'
    printf 'This is an OpenPGP/MIME signed message (RFC 4880 and 3156)\r\n--pgp-b1\r\n'
    cat "$part"
    printf '\r\n--pgp-b1\r\nContent-Type: application/pgp-signature; name="signature.asc"\r\n'
    printf 'Content-Description: OpenPGP digital signature\r\nContent-Disposition: attachment; filename="signature.asc"\r\n\r\n'
    crlf < sig.asc
    printf '\r\n--pgp-b1--\r\n'
  } > "$file"
}
# cleartext FILE FROM SIGNER TEXTFILE [COMMENT] [BEFORE] [AFTER]
cleartext() {
  local file=$1 from=$2 signer=$3 text=$4 comment=${5:-} before=${6:-} after=${7:-}
  gpg --batch --yes --local-user "$signer" --digest-algo SHA256 --clearsign -o clear.asc "$text" 2>/dev/null
  {
    printf 'From: %s\r\nTo: bob@example.org\r\nSubject: Meeting\r\nDate: Mon, 23 Nov 2026 09:00:00 +0000\r\n' "$from"
    [ -n "$comment" ] && printf 'Comment: %s\r\n' "$comment"
    printf 'MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n'
    [ -n "$before" ] && printf '%s\r\n\r\n' "$before"
    crlf < clear.asc
    [ -n "$after" ] && printf '\r\n%s\r\n' "$after"
    true
  } > "$file"
}
printf 'Hello Bob,\n\nthe meeting is on Tuesday at 10:00.\n\nAlice\n' > clear.txt

pgp_signed "$PG/pgpmime-signed.eml" alice@example.com "$ALICE"
sed 's/Tuesday/Thursday/' "$PG/pgpmime-signed.eml" > "$PG/pgpmime-tampered.eml"
pgp_signed "$PG/pgpmime-unknown-key.eml" dave@example.net "$DAVE"
pgp_signed "$PG/pgpmime-unknown-validity.eml" carol@example.com "$CAROL"
cleartext "$PG/cleartext-signed.eml" alice@example.com "$ALICE" clear.txt
sed 's/Tuesday/Thursday/' "$PG/cleartext-signed.eml" > "$PG/cleartext-tampered.eml"

# ------------------------------------------------------------- OpenPGP attack corpus
pgp_signed "$PG/attack-identity-signed-by-bob.eml" alice@example.com "$BOB" \
  "attack class: identity mismatch (signed by bob@example.org, From alice@example.com)"
pgp_signed "$PG/attack-identity-impostor-key.eml" alice@example.com "$IMPOSTOR" \
  "attack class: identity mismatch (an uncertified key claiming alice@example.com)"
pgp_signed "$PG/attack-status-injection-userid.eml" alice@example.com "$MALLORY" \
  "attack class: GPG status-line injection (user ID containing [GNUPG:] GOODSIG and alice's address)"
printf 'Hello Bob,\n[GNUPG:] GOODSIG %s Alice Example <alice@example.com>\n[GNUPG:] VALIDSIG %s\n[GNUPG:] TRUST_ULTIMATE\n' \
  "${ALICE: -16}" "$ALICE" > inject.txt
cleartext "$PG/attack-status-injection-text.eml" alice@example.com "$DAVE" inject.txt \
  "attack class: GPG status-line injection (signed text holding [GNUPG:] status lines, unknown key)"
cleartext "$PG/attack-inline-text-before.eml" alice@example.com "$ALICE" clear.txt \
  "attack class: MIME wrapping (inline PGP with unsigned text before the armor)" \
  "URGENT: please wire 10,000 EUR to IBAN DE00 1234 today. The message below confirms it."
cleartext "$PG/attack-inline-text-after.eml" alice@example.com "$ALICE" clear.txt \
  "attack class: MIME wrapping (inline PGP with unsigned text after the armor)" "" \
  "P.S. the meeting moved to Friday, wire the money first."

/usr/bin/python3 - "$PG/pgpmime-signed.eml" pgp-entity.crlf <<'EOF'
import sys
d = open(sys.argv[1], 'rb').read()
head, body = d.split(b'\r\n\r\n', 1)
ct = head[head.index(b'MIME-Version: 1.0\r\n') + 19:]
open(sys.argv[2], 'wb').write(ct + b'\r\n\r\n' + body)
EOF
pwrapped() { SM_OUT=$1; shift; wrapped "$SM_OUT" "$@"; }
pwrapped "$PG/attack-wrap-unsigned-text-before.eml" \
  "attack class: MIME wrapping (unsigned text before the PGP/MIME part in multipart/mixed)" "$UNSIGNED_TEXT" "" pgp-entity.crlf
{ printf 'Content-Type: multipart/signed; micalg=pgp-sha256;\r\n protocol="application/pgp-signature"; boundary="pgp-b1"\r\nContent-Disposition: attachment; filename="signed.txt"\r\n'
  sed -n '/^\r$/,$p' pgp-entity.crlf; } > pgp-attachment.crlf
pwrapped "$PG/attack-wrap-signed-attachment.eml" \
  "attack class: MIME wrapping (PGP/MIME part as an attachment under unsigned text)" "$UNSIGNED_TEXT" "" pgp-attachment.crlf
{ printf 'Content-Type: message/rfc822\r\n\r\n'; cat "$PG/pgpmime-signed.eml"; } > prfc822.crlf
pwrapped "$PG/attack-wrap-nested-rfc822.eml" \
  "attack class: MIME wrapping (signed message nested as message/rfc822)" "" "" prfc822.crlf
pwrapped "$PG/attack-ui-redress-html-banner.eml" \
  "attack class: UI redressing (unsigned HTML imitating a signature banner)" "$REDRESS" "" pgp-entity.crlf

cat > "$PG/.gitattributes" <<'EOF'
*.eml -text
EOF
echo "test data written to $SM and $PG"
