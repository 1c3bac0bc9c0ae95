'use strict';
// The whole-process side of the comparison in scripts/bench.sh (issue 22): what a user runs to
// check a mailbox with mailauth, measured from the outside like `sealcheck-cli verify --json`:
// start node, read the mbox, authenticate() every message (DKIM, SPF from the envelope in the
// top Received field and Return-Path, DMARC, ARC, BIMI) with DNS from CORPUS_DIR/dns.json, and
// write one JSON line per message.
//
//   node whole-process.js CORPUS_DIR MBOX > results.jsonl
//
// The mbox is split as Sealcheck splits it (mboxrd: a "From " line after an empty line begins a
// message, ">From " lines lose one '>').

const fs = require('node:fs');
const { authenticate } = require('mailauth');

const [dir, mboxPath] = process.argv.slice(2);
if (!dir || !mboxPath) {
    console.error('usage: node whole-process.js CORPUS_DIR MBOX');
    process.exit(2);
}
const resolver = require('./dns-resolver')(dir);

function* messages(buf) {
    let start = -1;
    let pos = 0;
    let previousEmpty = true;
    let parts = [];
    const flush = end => {
        if (start >= 0) {
            parts.push(buf.subarray(start, end));
        }
        let m = Buffer.concat(parts);
        if (m.length >= 2 && m[m.length - 1] === 10 && (m[m.length - 2] === 10 || (m[m.length - 2] === 13 && (m.length === 2 || m[m.length - 3] === 10)))) {
            m = m.subarray(0, m.length - (m[m.length - 2] === 13 ? 2 : 1));
        }
        parts = [];
        return m;
    };
    let have = false;
    while (pos < buf.length) {
        let eol = buf.indexOf(10, pos);
        const next = eol < 0 ? buf.length : eol + 1;
        const isFrom = buf[pos] === 70 && buf.toString('latin1', pos, pos + 5) === 'From ';
        if (isFrom && previousEmpty) {
            if (have) {
                yield flush(pos);
            }
            have = true;
            start = next;
        } else if (have && buf[pos] === 62) {
            let q = pos;
            while (q < next && buf[q] === 62) q++;
            if (buf.toString('latin1', q, q + 5) === 'From ') {
                parts.push(buf.subarray(start, pos));
                start = pos + 1; // drop one '>'
            }
        }
        let end = next;
        while (end > pos && (buf[end - 1] === 10 || buf[end - 1] === 13)) end--;
        previousEmpty = end === pos;
        pos = next;
    }
    if (have) {
        yield flush(buf.length);
    }
}

(async () => {
    const buf = fs.readFileSync(mboxPath);
    const out = [];
    let n = 0;
    for (const m of messages(buf)) {
        const head = m.subarray(0, 4096).toString('latin1');
        const helo = (/^Received:\s*from\s+([^\s(;]+)/im.exec(head) || [])[1];
        const r = await authenticate(m, { resolver, mta: 'mx.receiver.example', trustReceived: true, helo });
        out.push(JSON.stringify({ source: `${mboxPath}#${++n}`, dkim: r.dkim, spf: r.spf, dmarc: r.dmarc, arc: r.arc,
                                  headers: r.headers }));
        if (out.length >= 256) {
            process.stdout.write(out.join('\n') + '\n');
            out.length = 0;
        }
    }
    if (out.length) {
        process.stdout.write(out.join('\n') + '\n');
    }
})().catch(err => {
    console.error(err);
    process.exit(1);
});
