// The add-on's line to `sealcheck-cli native-host` (docs/mail-clients.md): one persistent port
// (runtime.connectNative) instead of a new host process per message (runtime.sendNativeMessage
// starts the host, and with it the verifier, its settings and its store, for every message; the
// port pays that once). Requests carry ids; the host answers one at a time, in order, echoing
// the id, so answers are matched by id. An answer whose id matches none (null: a request the
// host could not read) belongs to the oldest request waiting, as the host answers in order; the
// add-on then finds the id wrong and says so rather than waiting for ever.
//
// When the port cannot be opened or closes with requests waiting (no host installed, the host
// crashed), those requests are sent once more with sendNativeMessage, whose error says why it
// failed; the next request opens a new port.
"use strict";

const SealcheckNative = (() => {
  function channel(runtime, host) {
    let port = null;
    const waiting = new Map(); // id -> { request, resolve, reject }

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
        entry.resolve(answer);
      });
      p.onDisconnect.addListener(() => {
        if (port === p) port = null;
        const left = [...waiting.values()];
        waiting.clear();
        left.forEach(fallback);
      });
      return p;
    }

    /// Sends @p request (an object with a string id) and resolves with the host's answer.
    function send(request) {
      return new Promise((resolve, reject) => {
        const entry = { request, resolve, reject };
        if (typeof runtime.connectNative !== "function") return fallback(entry);
        if (!port) port = connect();
        if (!port) return fallback(entry);
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
