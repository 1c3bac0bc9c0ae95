'use strict';
// mailauth (npm, the reference verifier) on the same corpus and the same DNS data as bench_verify
// (issues 2 and 3): DKIM only (dkimVerify) on the exactly-10-KB RSA-2048 messages, and
// DKIM+SPF+DMARC (authenticate(), which also runs ARC and BIMI) on that subset and on the whole
// corpus; one thread (Node's event loop), every message awaited before the next.
//
//   node bench-mailauth.js CORPUS_DIR [--seconds S]
//
// The corpus is read into memory first. DNS answers come from CORPUS_DIR/dns.json (the format of
// `mailauth report -n dns.json`) through a resolver function: an absent name is ENOTFOUND, a
// present name without the asked type ENODATA (as Node's resolver says them). The client IP and
// MAIL FROM are read by mailauth from the top Received field and Return-Path (trustReceived), as
// Sealcheck reads them; the HELO name comes from the manifest (mailauth takes it from Received
// only when it has no IP). Lines starting with "RESULT " are for scripts.

const fs = require('node:fs');
const path = require('node:path');
const { authenticate, dkimVerify } = require('mailauth');

const args = process.argv.slice(2);
if (!args.length || args[0] === '--help') {
    console.error('usage: node bench-mailauth.js CORPUS_DIR [--seconds S]');
    process.exit(2);
}
const dir = args[0];
let seconds = 3;
for (let i = 1; i + 1 < args.length; i += 2) {
    if (args[i] === '--seconds') {
        seconds = Number(args[i + 1]);
    }
}

const resolver = require('./dns-resolver')(dir);

const lines = fs.readFileSync(path.join(dir, 'manifest.tsv'), 'utf-8').split('\n').slice(1).filter(Boolean);
const all = lines.map(line => {
    const f = line.split('\t');
    return { file: f[1], set: f[3], signatures: f[4], helo: f[7], expect: f[9], bytes: fs.readFileSync(path.join(dir, f[1])) };
});
const rsa10k = all.filter(m => m.set === '10k' && m.signatures.startsWith('rsa:') && !m.signatures.includes('+'));
const corpusBytes = all.reduce((n, m) => n + m.bytes.length, 0);

const mta = 'mx.receiver.example';
const dkimOnce = async m => {
    const r = await dkimVerify(m.bytes, { resolver });
    return r.results.length > 0 && r.results.every(x => x.status.result === 'pass');
};
const fullOnce = async m => authenticate(m.bytes, { resolver, mta, trustReceived: true, helo: m.helo });

async function loop(items, once) {
    const start = process.hrtime.bigint();
    let n = 0;
    let i = 0;
    for (;;) {
        await once(items[i]);
        n++;
        i = (i + 1) % items.length;
        if (n % 16 === 0 && n >= items.length && Number(process.hrtime.bigint() - start) / 1e9 >= seconds) {
            break;
        }
    }
    return { n, s: Number(process.hrtime.bigint() - start) / 1e9 };
}

function print(what, key, r) {
    const rate = r.n / r.s;
    console.log(`  ${what.padEnd(58)} ${rate.toFixed(0).padStart(10)} msg/s  (${r.n} msgs, ${r.s.toFixed(2)} s, 1 thr)`);
    console.log(`RESULT ${key}_per_s ${rate.toFixed(1)}`);
}

function counts(map) {
    return [...map.entries()].sort().map(([k, v]) => `${k} ${v}`).join(', ');
}

(async () => {
    console.log(`mailauth ${require('mailauth/package.json').version} on Node ${process.version}`);
    console.log(`  corpus ${dir}: ${all.length} messages, ${(corpusBytes / 1e6).toFixed(1)} MB; 10-KB RSA-2048 subset: ${rsa10k.length} messages`);

    let pass = 0;
    for (const m of rsa10k) {
        pass += (await dkimOnce(m)) ? 1 : 0;
    }
    console.log(`  check: DKIM pass on the 10-KB RSA subset: ${pass} of ${rsa10k.length}${pass === rsa10k.length ? '' : '  <-- WARNING: not all pass'}`);
    console.log(`RESULT mailauth_check_dkim_pass ${pass}`);
    const dkim = new Map();
    const spf = new Map();
    const dmarc = new Map();
    const bump = (map, k) => map.set(k, (map.get(k) || 0) + 1);
    for (const m of all) {
        const r = await fullOnce(m);
        for (const d of r.dkim.results || []) {
            bump(dkim, d.status.result);
        }
        bump(spf, r.spf ? r.spf.status.result : 'absent');
        bump(dmarc, r.dmarc ? r.dmarc.status.result : 'absent');
    }
    console.log(`  check (whole corpus): DKIM signatures: ${counts(dkim)}`);
    console.log(`                        SPF: ${counts(spf)}`);
    console.log(`                        DMARC: ${counts(dmarc)}`);
    for (const [k, v] of dmarc) {
        console.log(`RESULT mailauth_check_dmarc_${k} ${v}`);
    }

    console.log('');
    print('(a) DKIM only (dkimVerify), 10-KB RSA-2048', 'mailauth_dkim_10k_rsa_1t', await loop(rsa10k, dkimOnce));
    print('(b) authenticate() DKIM+SPF+DMARC(+ARC,BIMI), 10-KB RSA', 'mailauth_full_10k_rsa_1t', await loop(rsa10k, fullOnce));
    print('(b) authenticate() DKIM+SPF+DMARC(+ARC,BIMI), whole corpus', 'mailauth_full_all_1t', await loop(all, fullOnce));
    const rss = process.resourceUsage().maxRSS / 1024;
    console.log(`  (c) peak RSS: ${rss.toFixed(1)} MB`);
    console.log(`RESULT mailauth_peak_rss_mb ${rss.toFixed(1)}`);
})().catch(err => {
    console.error(err);
    process.exit(1);
});
