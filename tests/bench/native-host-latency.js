// Per-message latency of the Thunderbird add-on's two ways to its host (issue 21), outside
// Thunderbird: what runtime.connectNative costs (one `sealcheck-cli native-host`, requests in
// turn over its stdin/stdout) against what runtime.sendNativeMessage costs (a new host process
// for every message). The demo messages, with the demo's DNS zone and time. Prints figures; never
// a test.
//   node tests/bench/native-host-latency.js build/bin/sealcheck-cli [ROUNDS]
"use strict";
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const cli = path.resolve(process.argv[2] || "build/bin/sealcheck-cli");
const rounds = Number(process.argv[3] || 5);
const demo = path.join(__dirname, "..", "..", "resources", "demo");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "sealcheck-nhl-"));
const args = ["native-host", "--settings", path.join(scratch, "s.conf"), "--store", path.join(scratch, "s.sqlite"),
              "--dns-zone", path.join(demo, "demo.zone"), "--now", fs.readFileSync(path.join(demo, "NOW"), "utf8").trim(),
              "--trusted-relay", "mx.sealcheck-demo.example", "--known-domain", "mybank.example"];
const raws = fs.readdirSync(path.join(demo, "messages")).filter((f) => f.endsWith(".eml")).sort()
  .map((f) => fs.readFileSync(path.join(demo, "messages", f), "latin1"));

function frame(object) {
  const body = Buffer.from(JSON.stringify(object), "utf8");
  const head = Buffer.alloc(4);
  head.writeUInt32LE(body.length); // native byte order (x86, arm: little-endian)
  return Buffer.concat([head, body]);
}

/// A host process; ask(request) resolves with its answer.
function host() {
  const child = spawn(cli, args, { stdio: ["pipe", "pipe", "inherit"] });
  let buffer = Buffer.alloc(0);
  const waiting = [];
  child.stdout.on("data", (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    while (buffer.length >= 4 && buffer.length >= 4 + buffer.readUInt32LE(0)) {
      const n = buffer.readUInt32LE(0);
      const answer = JSON.parse(buffer.subarray(4, 4 + n).toString("utf8"));
      buffer = buffer.subarray(4 + n);
      waiting.shift()(answer);
    }
  });
  return {
    ask: (request) => new Promise((resolve) => { waiting.push(resolve); child.stdin.write(frame(request)); }),
    close: () => new Promise((resolve) => { child.on("exit", resolve); child.stdin.end(); }),
  };
}

async function main() {
  let id = 0;
  const persistent = host();
  await persistent.ask({ id: "warm", raw: raws[0] }); // the port's one start, paid once
  let t = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++)
    for (const raw of raws) await persistent.ask({ id: String(++id), raw });
  const port = Number(process.hrtime.bigint() - t) / 1e6 / (rounds * raws.length);
  await persistent.close();

  t = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++)
    for (const raw of raws) {
      const once = host();
      await once.ask({ id: String(++id), raw });
      await once.close();
    }
  const each = Number(process.hrtime.bigint() - t) / 1e6 / (rounds * raws.length);
  fs.rmSync(scratch, { recursive: true, force: true });
  console.log(`${raws.length} demo messages x ${rounds} rounds`);
  console.log(`one port (connectNative):            ${port.toFixed(2)} ms per message`);
  console.log(`a process per message (sendNative): ${each.toFixed(2)} ms per message (${(each / port).toFixed(0)}x)`);
}

main();
