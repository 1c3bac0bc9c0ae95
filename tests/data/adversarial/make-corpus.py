#!/usr/bin/python3
# Writes the adversarial corpus: one NAME.eml per case beside NAME.meta (source, expected verdict,
# expected finding, zone, known domains). Run with Debian's /usr/bin/python3 (python3-dkim) from
# this folder; bank-s1.pem is the test key of bank.example (made with `openssl genrsa 2048`), its
# public half is in adversarial.zone. The files are the regression cases: keep them byte-exact and
# regenerate only to add cases.
import calendar, time, dkim

NOW = calendar.timegm((2026, 12, 1, 10, 0, 0))
time.time = lambda: NOW  # DKIM t= at the delivery time of every case
KEY = open('bank-s1.pem', 'rb').read()

RECEIVED_EVIL = (b"Received: from mail.evil.example (mail.evil.example [192.0.2.66])\r\n"
                 b"\tby mx.victim.example (Postfix) with ESMTPS id 4Q9x\r\n"
                 b"\tfor <victim@victim.example>; Tue, 01 Dec 2026 10:00:00 +0000\r\n")
RECEIVED_BANK = (b"Received: from mail.bank.example (mail.bank.example [198.51.100.10])\r\n"
                 b"\tby mx.victim.example (Postfix) with ESMTPS id 4Q9y\r\n"
                 b"\tfor <victim@victim.example>; Tue, 01 Dec 2026 10:00:00 +0000\r\n")
TAIL = (b"To: <victim@victim.example>\r\n"
        b"Subject: Your account\r\n"
        b"Date: Tue, 01 Dec 2026 09:59:58 +0000\r\n"
        b"Message-ID: <%s@mail.evil.example>\r\n"
        b"MIME-Version: 1.0\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n"
        b"\r\n"
        b"Please confirm your account details today.\r\n")

cases = []


def case(name, source, expect, finding, header, *, returnpath=b"<any@evil.example>", known=None, top=b"",
         received=RECEIVED_EVIL, body=None, note=""):
    msg = top + b"Return-Path: " + returnpath + b"\r\n" + received + header + (TAIL % name.encode())
    if body is not None:
        msg = body(msg)
    cases.append((name, source, expect, finding, msg, known, note))


def sign_bank(msg, headers=(b"from", b"to", b"subject", b"date", b"message-id"), length=False):
    sig = dkim.sign(msg, b"s1", b"bank.example", KEY, include_headers=list(headers), length=length)
    return sig + msg


# ---- 1. Field names lenient readers take for From ("Composition Kills" §5.1, espoofer).
E = b"From: <any@evil.example>\r\n"
B = b"<admin@bank.example>\r\n"
case("field-8bit-name-above", "Composition Kills §5.1 (non-ASCII byte in the field name); issue 19", "forged",
     "field-read-as-from", b"From\xff: " + B + E)
case("field-8bit-name-below", "Composition Kills §5.1 (non-ASCII byte in the field name); issue 19", "forged",
     "field-read-as-from", E + b"From\xff: " + B)
case("field-nbsp-name", "Composition Kills §5.1 (U+00A0 no-break space before the colon)", "forged",
     "field-read-as-from", b"From\xc2\xa0: " + B + E)
case("field-nul-name", "Composition Kills §5.1 (NUL in the field name)", "forged", "field-read-as-from",
     b"From\x00: " + B + E)
case("field-control-name", "Composition Kills §5.1 (control character after the name)", "forged",
     "field-read-as-from", E + b"From\x0b: " + B)
case("field-del-name", "Composition Kills §5.1 (DEL after the name)", "forged", "field-read-as-from",
     b"From\x7f: " + B + E)
case("field-8bit-prefix", "Composition Kills §5.1 (non-ASCII byte before the name)", "forged",
     "field-read-as-from", E + b"\xefFrom: " + B)
case("espoofer-server-a11-folded-name", "espoofer server_a11; Composition Kills Fig. 6(b) (folding inside the name)",
     "forged", "field-read-as-from", b"From\r\n : " + B + E)
case("espoofer-server-a9-leading-space", "espoofer server_a9; Composition Kills §5.1 (preceding space, first line)",
     "forged", "field-read-as-from", E, top=b" From: " + B)
case("espoofer-server-a12-sender", "espoofer server_a12; Composition Kills Fig. 6(d) (From/Sender ambiguity)",
     "forged", "field-read-as-from", b"From\r\n : <any@evil.example>\r\nSender: " + B)
case("espoofer-server-a13-resent-from", "espoofer server_a13; Composition Kills §5.1 (From/Resent-From ambiguity)",
     "forged", "field-read-as-from", b"From\r\n : <any@evil.example>\r\nResent-From: " + B)
case("espoofer-server-a10-space-before-colon", "espoofer server_a10; Composition Kills Fig. 6(c)", "forged",
     "multiple-from-fields", E + b"From : " + B)
case("espoofer-server-a8-two-from", "espoofer server_a8 and client_a1; Composition Kills Fig. 6(a)", "forged",
     "multiple-from-fields", E + b"From: " + B)
case("field-case-variant", "Composition Kills §5.1 (case variant of the name: still a second From)", "forged",
     "multiple-from-fields", b"FROM: " + B + E)
case("field-space-before-colon-only", "Composition Kills §5.1 (obsolete WSP before the colon, RFC 5322 §4.5)",
     "forged", "from-ambiguous", b"From : <any@evil.example>\r\n")

# ---- 2. One From field read differently (Composition Kills §5.2, Fig. 8; espoofer server_a14-a19).
case("espoofer-server-a14-two-mailboxes", "espoofer server_a14 and client_a2; Composition Kills Fig. 8(a)", "forged",
     "multiple-from-mailboxes", b"From: <any@evil.example>, <admin@bank.example>\r\n")
case("espoofer-server-a15-encoded-address", "espoofer server_a15; Composition Kills Fig. 8(b) (encoded address)",
     "forged", "from-invalid", b"From: =?utf-8?b?PGFkbWluQGJhbmsuZXhhbXBsZT4=?=,<any@evil.example>\r\n")
case("espoofer-server-a16-route", "espoofer server_a16; Composition Kills Fig. 8(c) (route portion)", "forged",
     "from-ambiguous", b"From: <@evil.example,@any.example:admin@bank.example>\r\n")
case("espoofer-server-a17-quoted-pair", "espoofer server_a17; Composition Kills Fig. 8(d) (quoted pair)", "forged",
     "from-invalid", b"From: <admin@bank.example>\\,<any@evil.example>\r\n")
case("espoofer-server-a18-precedence", "espoofer server_a18; Composition Kills Fig. 8(e)", "forged",
     "multiple-from-mailboxes", b"From: admin@bank.example,<any@evil.example>\r\n")
case("espoofer-server-a19-name-address", "espoofer server_a19; Composition Kills Fig. 8(f)", "forged",
     "from-invalid", b"From: <any@evil.example>admin@bank.example\r\n")

# ---- 3. Comments that show an address (issue 19; Splitting the Email Atom, Heyes 2024).
case("comment-leading-address", "issue 19; Splitting the Email Atom (comments)", "suspicious", "comment-address",
     b"From: (x <admin@bank.example>) <any@evil.example>\r\n")
case("comment-between-parts", "issue 19 (comment between the name and the address)", "suspicious",
     "comment-address", b"From: Bank (admin@bank.example) <any@evil.example>\r\n")
case("comment-inside-address", "Splitting the Email Atom (comment inside the addr-spec)", "suspicious",
     "comment-address", b"From: <any(admin@bank.example)@evil.example>\r\n")
case("comment-encoded-word", "issue 19 (RFC 2047 encoded word inside a comment, RFC 2047 §5(2))", "suspicious",
     "comment-address", b"From: (=?utf-8?b?YWRtaW5AYmFuay5leGFtcGxl?=) <any@evil.example>\r\n")
case("comment-fullwidth", "issue 19 (Unicode fullwidth forms in a comment)", "suspicious", "comment-address",
     "From: (ａｄｍｉｎ＠ｂａｎｋ．ｅｘａｍｐｌｅ) <any@evil.example>\r\n".encode())
case("comment-domain-only", "issue 19 (a bare domain in a comment)", "suspicious", "comment-address",
     b"From: (bank.example) <any@evil.example>\r\n")
case("comment-trailing-as-name", "Composition Kills §5.2 (trailing comment shown as the name)", "suspicious",
     "display-name-address", b"From: any@evil.example (admin@bank.example)\r\n")

# ---- 4. Display names (Mailsploit 2017; Composition Kills §6).
case("mailsploit-encoded-name-nul", "Mailsploit (Haddouche 2017): encoded display name with NUL", "suspicious",
     "display-name-address", b"From: =?utf-8?b?YWRtaW5AYmFuay5leGFtcGxlAA==?= <any@evil.example>\r\n")
case("display-name-fullwidth", "issue 19 (fullwidth forms in the display name)", "suspicious",
     "display-name-address", "From: \"ａｄｍｉｎ＠ｂａｎｋ．ｅｘａｍｐｌｅ\" <any@evil.example>\r\n".encode())
case("display-name-quoted-address", "Composition Kills §6 (quoted address as the display name)", "suspicious",
     "display-name-address", b"From: \"admin@bank.example\" <any@evil.example>\r\n")

case("display-name-bidi", "Composition Kills §6 (right-to-left override reverses the shown name)", "suspicious",
     "deceptive-characters", "From: \"\u202Eelpmaxe.knab@nimda\" <any@evil.example>\r\n".encode())
case("nul-inside-address", "Composition Kills §5.2 (NUL ends the address for C readers)", "forged",
     "from-invalid", b"From: <admin@bank.example\x00@evil.example>\r\n")

# ---- 5. Encoded words and routes in the address (Splitting the Email Atom, Heyes 2024).
case("atom-encoded-local-part", "Splitting the Email Atom (encoded word in the local part)", "forged",
     "from-ambiguous", b"From: =?utf-8?q?admin=40bank.example=3e=20?=@evil.example\r\n")
case("atom-unknown-charset", "Splitting the Email Atom (encoded word with an unknown charset 'x')", "forged",
     "from-ambiguous", b"From: =?x?q?admin=40bank.example=3e=20?=@evil.example\r\n")
case("atom-utf7-local-part", "Splitting the Email Atom (UTF-7 encoded '@' in the local part)", "forged",
     "from-ambiguous", b"From: =?utf-7?q?admin&AEA-bank.example&AD4-?=@evil.example\r\n")
case("atom-base64-local-part", "Splitting the Email Atom (base64 encoded word in the local part)", "forged",
     "from-ambiguous", b"From: =?utf-8?b?YWRtaW5AYmFuay5leGFtcGxlPg==?=@evil.example\r\n")
case("atom-encoded-nul", "Splitting the Email Atom (encoded NUL ends the address in C readers)", "forged",
     "from-ambiguous", b"From: =?x?q?admin=40bank.example=00?=@evil.example\r\n")
case("atom-source-route", "Splitting the Email Atom (obsolete source route)", "forged", "from-ambiguous",
     b"From: <@bank.example:any@evil.example>\r\n")
case("mailsploit-local-part", "Mailsploit (2017): encoded words in the local part", "forged", "from-ambiguous",
     b"From: =?utf-8?b?YWRtaW5AYmFuay5leGFtcGxl?==?utf-8?Q?=00?=@evil.example\r\n")

# ---- 6. A known domain inside another address (issue 19), known domain bank.example.
K = ["bank.example"]
case("known-leading-labels", "issue 19 (known domain as leading labels)", "suspicious", "known-domain-embedded",
     b"From: <ceo@bank.example.evil.example>\r\n", known=K)
case("known-in-local-part", "issue 19 (known domain inside the local part)", "suspicious", "known-domain-embedded",
     b"From: <ceo.bank.example@evil.example>\r\n", known=K)
case("known-whole-local-part", "issue 19 (known domain as the local part)", "suspicious", "known-domain-embedded",
     b"From: <bank.example@evil.example>\r\n", known=K)
case("known-quoted-local-part", "Splitting the Email Atom (quoted local part holding an address)", "suspicious",
     "known-domain-embedded", b"From: <\"admin@bank.example\"@evil.example>\r\n", known=K)
case("known-unicode-overflow", "Splitting the Email Atom (Unicode overflow: U+0140 -> '@', U+0100 -> NUL)",
     "suspicious", "known-domain-embedded", "From: <ceoŀbank.exampleĀ@evil.example>\r\n".encode(), known=K)
case("known-fullwidth-local-part", "issue 19 (fullwidth forms of the known domain in the local part)", "suspicious",
     "known-domain-embedded", "From: <ceo＠bank．example@evil.example>\r\n".encode(), known=K)
case("known-punycode-overflow", "issue 19; Splitting the Email Atom (punycode label decoding to U+0440, low byte '@')",
     "suspicious", "known-domain-embedded", b"From: <ceo@bank.xn--example-wjg.evil.example>\r\n", known=K)
case("known-punycode-nul", "issue 19 (punycode label decoding to U+0101, low byte 0x01)", "suspicious",
     "known-domain-embedded", b"From: <ceo@bank.xn--example-y3a.evil.example>\r\n", known=K)
case("known-lookalike", "issue 19 (rnybank for mybank: a lookalike of a known domain)", "suspicious",
     "lookalike-domain", b"From: <service@rnybank.example>\r\n", known=["mybank.example"],
     returnpath=b"<bounce@rnybank.example>", received=RECEIVED_EVIL.replace(b"192.0.2.66", b"192.0.2.67"))

# ---- 7. Mixed scripts and whole-script confusables, no known domain at all.
case("mixed-script-paypal", "issue 19; UTS #39 §5 (Cyrillic а inside a Latin label)", "suspicious",
     "mixed-script-domain", b"From: <service@xn--pypal-4ve.example>\r\n", returnpath=b"<b@xn--pypal-4ve.example>",
     received=RECEIVED_EVIL.replace(b"192.0.2.66", b"192.0.2.68"))
case("whole-script-apple", "UTS #39 §4 (all-Cyrillic label confusable with 'apple')", "suspicious",
     "mixed-script-domain", b"From: <id@xn--80ak6aa92e.example>\r\n", returnpath=b"<b@xn--80ak6aa92e.example>",
     received=RECEIVED_EVIL.replace(b"192.0.2.66", b"192.0.2.69"))
case("mixed-script-utf8", "RFC 6532 UTF-8 domain mixing Latin and Cyrillic", "suspicious", "mixed-script-domain",
     "From: <service@pаypal.example>\r\n".encode(), returnpath=b"<b@xn--pypal-4ve.example>",
     received=RECEIVED_EVIL.replace(b"192.0.2.66", b"192.0.2.68"))

# ---- 8. Envelope and Authentication-Results tricks (espoofer server_a1-a7; Shen et al. 2021).
BF = b"From: <admin@bank.example>\r\n"
case("espoofer-server-a1-nonexistent-subdomain", "espoofer server_a1; Composition Kills §4.2 (A1)", "forged",
     "dmarc-fail-enforced", BF, returnpath=b"<any@mailfrom.notexist.bank.example>")
case("espoofer-server-a2-empty-mailfrom", "espoofer server_a2; Composition Kills §4.2 (A2)", "forged",
     "dmarc-fail-enforced", BF, returnpath=b"<(any@bank.example>")
case("espoofer-server-a5-parenthesis", "espoofer server_a5; Composition Kills §4.3 (A5)", "forged",
     "dmarc-fail-enforced", BF, returnpath=b"<any@bank.example(a.evil.example>")
case("espoofer-server-a6-quote", "espoofer server_a6; Composition Kills Fig. 5(f)", "forged", "dmarc-fail-enforced",
     BF, returnpath=b"<any@bank.example'@any.evil.example>")
case("espoofer-server-a7-route-mailfrom", "espoofer server_a7 (route in MAIL FROM)", "forged", "dmarc-fail-enforced",
     BF, returnpath=b"<@bank.example,@any.example:'any@evil.example>")
case("espoofer-server-a3-nul-selector", "espoofer server_a3; Composition Kills §4.3 (A3, NUL in s=)", "forged",
     "dmarc-fail-enforced",
     b"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=bank.example;\r\n"
     b" s=selector._domainkey.evil.example.\x00.any; h=from:to:subject;\r\n"
     b" bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA\r\n" + BF)
case("espoofer-server-a4-quote-in-d", "espoofer server_a4; Composition Kills §4.3 (A4, quote in d=)", "forged",
     "dmarc-fail-enforced",
     b"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=bank.example'a.evil.example;\r\n"
     b" s=selector; h=from:to:subject; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA\r\n" + BF)
case("ar-injection-above", "A-R injection (Shen et al. 2021 §5; Composition Kills §4.3): forged A-R above the trace",
     "forged", "dmarc-fail-enforced", BF,
     top=b"Authentication-Results: mx.victim.example; dkim=pass header.d=bank.example;\r\n"
         b" spf=pass smtp.mailfrom=bank.example; dmarc=pass header.from=bank.example\r\n")
case("ar-injection-below", "A-R injection (Shen et al. 2021 §5): forged A-R below the trust boundary", "forged",
     "dmarc-fail-enforced",
     b"Authentication-Results: mx.victim.example; dmarc=pass header.from=bank.example\r\n" + BF)


# ---- 9. DKIM replay and partial coverage (Shen et al. 2021 §4; Composition Kills §5.3).
def replay_extra_from(msg):
    signed = sign_bank(msg)
    return b"From: <any@evil.example>\r\n" + signed


def replay_extra_subject(msg):
    signed = sign_bank(msg)
    i = signed.index(b"Return-Path")
    return signed[:i] + b"Subject: Urgent: new bank details\r\n" + signed[i:]


def replay_length(msg):
    signed = sign_bank(msg, length=True)
    return signed + b"\r\nNew account number: 0000 6666 (changed today)\r\n"


case("dkim-replay-extra-from", "DKIM replay with a second, unsigned From (Shen et al. 2021 §4.2)", "forged",
     "multiple-from-fields", BF, received=RECEIVED_EVIL, body=replay_extra_from)
case("dkim-replay-extra-subject", "DKIM replay with an unsigned extra Subject (Shen et al. 2021 §4.2)",
     "suspicious", "partial-dkim-coverage", BF, returnpath=b"<bounce@bank.example>", received=RECEIVED_EVIL,
     body=replay_extra_subject)
case("dkim-length-appended", "DKIM l= with appended body (Shen et al. 2021 §4.1; RFC 6376 §8.2)", "suspicious",
     "partial-dkim-coverage", BF, returnpath=b"<bounce@bank.example>", received=RECEIVED_EVIL, body=replay_length)

for name, source, expect, finding, msg, known, note in cases:
    open(name + ".eml", "wb").write(msg)
    meta = "source: %s\nexpect: %s\nfinding: %s\nzone: adversarial.zone\nnow: 2026-12-01T10:05:00Z\n" % (
        source, expect, finding)
    if known:
        meta += "known-domain: %s\n" % " ".join(known)
    open(name + ".meta", "w").write(meta)
print(len(cases), "cases")
