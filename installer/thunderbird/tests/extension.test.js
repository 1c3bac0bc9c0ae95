// The Thunderbird add-on's logic (extension/sealcheck-core.js) over a stubbed `messenger`, with
// node's own test runner: `node --test installer/thunderbird/tests/`. Also checks that the
// manifest references only files that exist and that the host manifest allows this add-on.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const ext = path.join(__dirname, "..", "extension");
const Core = require(path.join(ext, "sealcheck-core.js"));
const Native = require(path.join(ext, "native-port.js"));

/// A messenger whose native host answers with @p answer (a function of the request, or an Error).
/// The host is reached over runtime.connectNative (one port; an Error answer closes the port, as
/// a missing or crashing host does) and runtime.sendNativeMessage; calls.native records both
/// (via "port" or "send"). @p port: false leaves connectNative out; @p portAnswer answers on the
/// port instead of @p answer.
function stubMessenger({ answer, portAnswer, port = true, raw = "From: a@example.com\r\n\r\nhi\r\n", tags = [], tagMessages = false, identity = "alice@example.org" } = {}) {
  const calls = { native: [], connects: 0, disconnects: 0, icon: [], title: [], update: [], created: [], enabled: [], log: [] };
  const listeners = {};
  const knownTags = tags.slice();
  const answerOf = async (f, request) => (typeof f === "function" ? await f(request) : f);
  const runtime = {
    onMessage: { addListener: (f) => (listeners.popup = f) },
    sendNativeMessage: async (host, request) => {
      calls.native.push({ host, request, via: "send" });
      const a = await answerOf(answer, request);
      if (a instanceof Error) throw a;
      return a;
    },
  };
  if (port)
    runtime.connectNative = (host) => {
      calls.connects++;
      const onMessage = [], onDisconnect = [];
      let open = true;
      const p = {
        name: host,
        error: null,
        onMessage: { addListener: (f) => onMessage.push(f) },
        onDisconnect: { addListener: (f) => onDisconnect.push(f) },
        postMessage: (request) => {
          if (!open) throw new Error("Attempt to postMessage on disconnected port");
          calls.native.push({ host, request, via: "port" });
          setImmediate(async () => {
            const a = await answerOf(portAnswer || answer, request);
            if (!open) return;
            if (a instanceof Error) {
              open = false;
              p.error = { message: a.message };
              onDisconnect.forEach((f) => f(p));
            } else onMessage.forEach((f) => f(a, p));
          });
        },
        disconnect: () => { open = false; calls.disconnects++; },
      };
      return p;
    };
  const messenger = {
    messageDisplay: { onMessageDisplayed: { addListener: (f) => (listeners.displayed = f) } },
    runtime,
    tabs: { onRemoved: { addListener: (f) => (listeners.removed = f) } },
    messages: {
      getRaw: async (id) => raw,
      update: async (id, props) => calls.update.push({ id, props }),
      listTags: async () => knownTags,
      createTag: async (key, tag, color) => { knownTags.push({ key, tag, color }); calls.created.push(key); },
    },
    accounts: { get: async (id) => ({ id, identities: [{ email: identity }] }) },
    messageDisplayAction: {
      setIcon: async (d) => calls.icon.push(d),
      setTitle: async (d) => calls.title.push(d),
      enable: async (tabId) => calls.enabled.push(tabId),
    },
    storage: { local: { get: async (defaults) => ({ ...defaults, tagMessages }) } },
  };
  const create = () => Core.create(messenger, (line) => calls.log.push(line));
  return { messenger, calls, listeners, create };
}

const forged = (req) => ({ id: req.id, verdict: "forged", domain: "mybank.example", via: "",
                           reasons: ["DMARC fails for mybank.example, whose owner says reject"], warnings: [], report: {} });
const authenticated = (req) => ({ id: req.id, verdict: "authenticated", domain: "mybank.example", via: "",
                                  reasons: ["signed by mybank.example"], warnings: ["DNS without DNSSEC"], report: {} });
const message = { id: 42, folder: { accountId: "account1" }, tags: [] };

test("an authenticated message shows a check mark and its domain", async () => {
  const { create, calls } = stubMessenger({ answer: authenticated });
  const core = create();
  await core.onDisplayed({ id: 3 }, message);
  assert.equal(calls.native.length, 1);
  assert.equal(calls.native[0].host, "org.sealcheck.native");
  assert.equal(calls.native[0].request.raw, "From: a@example.com\r\n\r\nhi\r\n");
  assert.equal(calls.native[0].request.account, "alice@example.org");
  assert.deepEqual(calls.title.at(-1), { tabId: 3, title: "✓ mybank.example" });
  assert.deepEqual(calls.icon.at(-1), { tabId: 3, path: "icons/authenticated.svg" });
  assert.deepEqual(calls.enabled, [3]);
  assert.deepEqual(calls.update, []); // tagging is off by default
});

test("a forged message never reads as clean", async () => {
  const { create, calls } = stubMessenger({ answer: forged });
  const core = create();
  await core.onDisplayed({ id: 1 }, message);
  const title = calls.title.at(-1).title;
  assert.match(title, /^✗ Forged/);
  assert.ok(!title.startsWith("✓"));
  assert.equal(calls.icon.at(-1).path, "icons/forged.svg");
  const model = await core.onPopupMessage({ type: "state", tabId: 1 });
  assert.equal(model.verdict, "forged");
  assert.deepEqual(model.reasons, ["DMARC fails for mybank.example, whose owner says reject"]);
  assert.ok(model.canOpen);
});

test("a missing host is said in words, with the unknown icon", async () => {
  const { create, calls } = stubMessenger({ answer: new Error("No such native application org.sealcheck.native") });
  const core = create();
  await core.onDisplayed({ id: 1 }, message);
  assert.equal(calls.icon.at(-1).path, "icons/unknown.svg");
  assert.match(calls.title.at(-1).title, /not reachable.*installed/);
  const model = await core.onPopupMessage({ type: "state", tabId: 1 });
  assert.equal(model.canOpen, false);
});

test("an error answer and an answer for another request are not shown as verdicts", async () => {
  let s = stubMessenger({ answer: (req) => ({ id: req.id, error: "not a message: header too long" }) });
  let core = s.create();
  await core.onDisplayed({ id: 1 }, message);
  assert.match(s.calls.title.at(-1).title, /could not check.*header too long/);
  s = stubMessenger({ answer: (req) => ({ ...forged(req), id: "someone-else" }) });
  core = s.create();
  await core.onDisplayed({ id: 1 }, message);
  assert.equal(s.calls.icon.at(-1).path, "icons/unknown.svg");
  s = stubMessenger({ answer: (req) => ({ id: req.id, verdict: "trust-me" }) });
  core = s.create();
  await core.onDisplayed({ id: 1 }, message);
  assert.equal(s.calls.icon.at(-1).path, "icons/unknown.svg");
});

test("a slow answer for a message no longer shown does not overwrite the newer one", async () => {
  let release;
  const gate = new Promise((r) => (release = r));
  const { create, calls } = stubMessenger({
    answer: async (req) => (req.id === "1" ? (await gate, forged(req)) : authenticated(req)),
  });
  const core = create();
  const first = core.onDisplayed({ id: 5 }, { ...message, id: 1 });
  await core.onDisplayed({ id: 5 }, { ...message, id: 2 });
  release();
  await first;
  assert.equal(calls.title.at(-1).title, "✓ mybank.example");
  assert.equal(core.stateOf(5).messageId, 2);
});

test("one port for every message: answers are matched by id, whatever their order", async () => {
  const delays = { 1: 30, 2: 0, 3: 10 };
  const { create, calls } = stubMessenger({
    answer: async (req) => {
      await new Promise((r) => setTimeout(r, delays[req.id]));
      return req.id === "2" ? forged(req) : authenticated(req);
    },
  });
  const core = create();
  await Promise.all([1, 2, 3].map((tab) => core.onDisplayed({ id: tab }, { ...message, id: tab })));
  assert.equal(calls.connects, 1);
  assert.deepEqual(calls.native.map((c) => c.via), ["port", "port", "port"]);
  assert.equal(core.stateOf(1).answer.verdict, "authenticated");
  assert.equal(core.stateOf(2).answer.verdict, "forged");
  assert.equal(core.stateOf(3).answer.verdict, "authenticated");
  assert.deepEqual(calls.log.slice().sort(), [
    "Sealcheck: <1>: authenticated: ✓ mybank.example",
    "Sealcheck: <2>: forged: ✗ Forged: not from mybank.example",
    "Sealcheck: <3>: authenticated: ✓ mybank.example",
  ]);
});

test("an answer whose id matches no request goes to the oldest one waiting, and is refused there", async () => {
  const { create, calls } = stubMessenger({ answer: (req) => ({ id: null, error: "the request is not JSON" }) });
  const core = create();
  await core.onDisplayed({ id: 1 }, message);
  assert.match(calls.title.at(-1).title, /could not check.*does not belong to this message/);
  assert.equal(calls.connects, 1);
});

test("no host: the port closes, sendNativeMessage says why, and the next message tries a port again", async () => {
  const { create, calls } = stubMessenger({ answer: new Error("No such native application org.sealcheck.native") });
  const core = create();
  await core.onDisplayed({ id: 1 }, message);
  assert.deepEqual(calls.native.map((c) => c.via), ["port", "send"]);
  assert.match(calls.title.at(-1).title, /not reachable \(No such native application/);
  assert.deepEqual(calls.log, ["Sealcheck: <42>: error: " + calls.title.at(-1).title]);
  await core.onDisplayed({ id: 1 }, message);
  assert.equal(calls.connects, 2);
});

test("a host that dies with a request waiting: the request is sent again with sendNativeMessage", async () => {
  const { create, calls } = stubMessenger({ portAnswer: new Error("host crashed"), answer: authenticated });
  const core = create();
  await core.onDisplayed({ id: 1 }, message);
  assert.deepEqual(calls.native.map((c) => c.via), ["port", "send"]);
  assert.equal(calls.native[1].request.raw, calls.native[0].request.raw);
  assert.equal(calls.title.at(-1).title, "✓ mybank.example");
});

test("without connectNative, every request goes through sendNativeMessage", async () => {
  const { create, calls } = stubMessenger({ answer: authenticated, port: false });
  const core = create();
  await core.onDisplayed({ id: 1 }, message);
  await core.onDisplayed({ id: 2 }, message);
  assert.deepEqual(calls.native.map((c) => c.via), ["send", "send"]);
  assert.equal(calls.title.at(-1).title, "✓ mybank.example");
});

test("an unused port is closed after a while, and the next request opens a new one", async () => {
  const { messenger, calls } = stubMessenger({ answer: authenticated });
  const channel = Native.channel(messenger.runtime, Core.HOST, { idleMs: 20 });
  assert.equal((await channel.send({ id: "1", raw: "x" })).verdict, "authenticated");
  assert.equal((await channel.send({ id: "2", raw: "x" })).verdict, "authenticated");
  assert.ok(channel.connected());
  await new Promise((r) => setTimeout(r, 60));
  assert.ok(!channel.connected());
  assert.equal(calls.disconnects, 1);
  assert.equal((await channel.send({ id: "3", raw: "x" })).verdict, "authenticated");
  assert.equal(calls.connects, 2);
});

test("tagging, when turned on, creates the tag once and replaces an older Sealcheck tag", async () => {
  const { create, calls } = stubMessenger({ answer: forged, tagMessages: true });
  const core = create();
  await core.onDisplayed({ id: 1 }, { ...message, tags: ["$label1", "$sealcheck-authenticated"] });
  assert.deepEqual(calls.created, ["$sealcheck-forged"]);
  assert.deepEqual(calls.update, [{ id: 42, props: { tags: ["$label1", "$sealcheck-forged"] } }]);
  await core.onDisplayed({ id: 1 }, { ...message, tags: ["$sealcheck-forged"] });
  assert.deepEqual(calls.created, ["$sealcheck-forged"]); // not created again
  assert.equal(calls.update.length, 1);                    // already tagged: nothing written
});

test("the popup's button asks the host to open the message", async () => {
  const { create, calls } = stubMessenger({ answer: (req) => (req.command === "open" ? { id: req.id, opened: true } : forged(req)) });
  const core = create();
  await core.onDisplayed({ id: 1 }, message);
  const answer = await core.onPopupMessage({ type: "open", tabId: 1 });
  assert.deepEqual(answer.opened, true);
  assert.equal(calls.native.at(-1).request.command, "open");
  assert.equal(calls.native.at(-1).request.raw, "From: a@example.com\r\n\r\nhi\r\n");
  assert.ok((await core.onPopupMessage({ type: "open", tabId: 99 })).error);
});

test("titles for every verdict", () => {
  const t = (verdict, extra = {}) => Core.presentation({ verdict, domain: "d.example", ...extra }).title;
  assert.equal(t("authenticated"), "✓ d.example");
  assert.equal(t("authenticated", { via: "lists.example.org" }), "✓ d.example via lists.example.org");
  assert.equal(t("authenticated", { user_exception: true }), "✓ d.example (your exception)");
  assert.match(t("suspicious"), /^⚠ Suspicious: d.example/);
  assert.match(t("unauthenticated"), /^\? Not authenticated/);
  assert.match(t("not-checked"), /try again/);
});

test("the manifest names only files that exist, and the host manifest allows this add-on", () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ext, "manifest.json"), "utf8"));
  assert.equal(manifest.manifest_version, 2);
  assert.equal(manifest.browser_specific_settings.gecko.strict_min_version, "115.0");
  for (const p of ["messagesRead", "nativeMessaging"]) assert.ok(manifest.permissions.includes(p), p);
  const files = [...manifest.background.scripts, manifest.message_display_action.default_popup,
                 manifest.message_display_action.default_icon, ...Object.values(manifest.icons)];
  for (const v of Core.VERDICTS) files.push(`icons/${v}.svg`);
  assert.deepEqual(manifest.background.scripts, ["native-port.js", "sealcheck-core.js", "background.js"]);
  for (const f of files) assert.ok(fs.existsSync(path.join(ext, f)), f);
  const host = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "org.sealcheck.native.json.in"), "utf8"));
  assert.equal(host.name, Core.HOST);
  assert.equal(host.type, "stdio");
  assert.deepEqual(host.allowed_extensions, [manifest.browser_specific_settings.gecko.id]);
  const popup = fs.readFileSync(path.join(ext, "popup.html"), "utf8");
  for (const src of popup.matchAll(/(?:src|href)="([^"]+)"/g)) assert.ok(fs.existsSync(path.join(ext, src[1])), src[1]);
});
