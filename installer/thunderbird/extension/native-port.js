// The add-on's line to `sealcheck-cli native-host` (docs/mail-clients.md): one persistent port
// (runtime.connectNative) instead of a new host process per message (runtime.sendNativeMessage
// starts the host, and with it the verifier, its settings and its store, for every message; the
// port pays that once). Requests carry ids; the host answers one at a time, in order, echoing
// the id, so answers are matched by id. An answer whose id matches none (null: a request the
// host could not read) belongs to the oldest request waiting, as the host answers in order; the
// add-on then finds the id wrong and says so rather than waiting for ever.
//
// The port is closed after a minute without requests, so that the host does not stay for the whole
// Thunderbird session and a new one reads the desktop program's settings again.
//
// When the port cannot be opened or closes with requests waiting (no host installed, the host
// crashed), those requests are sent once more with sendNativeMessage, whose error says why it
// failed; the next request opens a new port.
"use strict";

const SealcheckNative = (() => {
  function channel(runtime, host, { idleMs = 60000 } = {}) {
    let port = null;
    let idle = null; // the timer that closes an unused port
    const waiting = new Map(); // id -> { request, resolve, reject, port }

    function stopIdle() {
      if (idle !== null) clearTimeout(idle);
      idle = null;
    }

    function startIdle() {
      stopIdle();
      idle = setTimeout(() => {
        idle = null;
        if (!port || waiting.size > 0) return;
        const p = port;
        port = null; // disconnect() fires no onDisconnect on this side
        p.disconnect();
      }, idleMs);
      if (idle && typeof idle.unref === "function") idle.unref(); // node: do not hold the tests
    }

    function fallback(entry) {
      Promise.resolve()
        .then(() => runtime.sendNativeMessage(host, entry.request))
        .then(entry.resolve, entry.reject);
    }

    function connect() {
      let p;
      try {
        p = runtime.connectNative(host);
      } catch (e) {
        return null;
      }
      p.onMessage.addListener((answer) => {
        const own = answer && answer.id !== undefined && answer.id !== null && waiting.has(String(answer.id));
        const id = own ? String(answer.id) : waiting.keys().next().value;
        const entry = waiting.get(id);
        if (!entry) return; // an answer nobody waits for: dropped
        waiting.delete(id);
        if (waiting.size === 0) startIdle();
        entry.resolve(answer);
      });
      p.onDisconnect.addListener(() => {
        if (port === p) port = null;
        const left = [...waiting.values()].filter((entry) => entry.port === p);
        left.forEach((entry) => waiting.delete(String(entry.request.id)));
        left.forEach(fallback);
      });
      return p;
    }

    /// Sends @p request (an object with a string id) and resolves with the host's answer.
    function send(request) {
      return new Promise((resolve, reject) => {
        const entry = { request, resolve, reject };
        if (typeof runtime.connectNative !== "function") return fallback(entry);
        stopIdle();
        if (!port) port = connect();
        if (!port) return fallback(entry);
        entry.port = port;
        waiting.set(String(request.id), entry);
        try {
          port.postMessage(request);
        } catch (e) {
          // The port closed under us: onDisconnect may already have run, or will.
          if (waiting.delete(String(request.id))) {
            port = null;
            fallback(entry);
          }
        }
      });
    }

    return { send, connected: () => port !== null };
  }

  return { channel };
})();

if (typeof module === "object" && module.exports) module.exports = SealcheckNative;
