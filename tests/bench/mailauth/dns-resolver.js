'use strict';
// mailauth's DNS for the benchmarks: answers from CORPUS_DIR/dns.json (the format of
// `mailauth report -n dns.json`). An absent name is ENOTFOUND, a present name without the asked
// type ENODATA, as Node's resolver says them.

const fs = require('node:fs');
const path = require('node:path');

module.exports = function corpusResolver(dir) {
    const dns = JSON.parse(fs.readFileSync(path.join(dir, 'dns.json'), 'utf-8'));
    return async (name, rr) => {
        const entry = dns[String(name).toLowerCase().replace(/\.$/, '')];
        const answer = entry && entry[rr];
        if (!answer) {
            const err = new Error(`${entry ? 'no data' : 'not found'}: ${rr} ${name}`);
            err.code = entry ? 'ENODATA' : 'ENOTFOUND';
            throw err;
        }
        return answer;
    };
};
