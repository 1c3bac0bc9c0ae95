// The logic of Sealcheck's Thunderbird add-on, kept free of globals so that node's own test
// runner can drive it over a stubbed `messenger` (installer/thunderbird/tests). background.js
// wires it to Thunderbird's events.
//
// When a message is displayed: its raw bytes (messages.getRaw) go to the native-messaging host
// `sealcheck-cli native-host` (over one persistent port, native-port.js; docs/mail-clients.md);
// the answer sets the message-display action's icon and title ("✓ mybank.example") for that tab
// and is kept for the popup. Optionally (off by default) the message is tagged by verdict.
// Every verdict shown is also logged to the console (one line, "Sealcheck: <Message-ID>: ..."):
// the error console shows it, and the smoke test in a real Thunderbird reads it on standard
// output (tests/thunderbird-smoke.sh).
"use strict";

const SealcheckCore = (() => {
  const Native = typeof SealcheckNative !== "undefined" ? SealcheckNative : require("./native-port.js");
  const HOST = "org.sealcheck.native";
  const VERDICTS = ["authenticated", "forged", "suspicious", "unauthenticated", "not-checked"];

  // Tag keys are also the IMAP keywords Thunderbird stores on the server; they match the ones
  // `sealcheck-cli scan --set-keywords` and the desktop program write (lower case: Thunderbird
  // lower-cases tag keys, and IMAP keywords compare case-insensitively).
  const TAGS = {
    authenticated: { key: "$sealcheck-authenticated", tag: "Sealcheck: authenticated", color: "#1A7F37" },
    suspicious: { key: "$sealcheck-suspicious", tag: "Sealcheck: suspicious", color: "#D97706" },
    forged: { key: "$sealcheck-forged", tag: "Sealcheck: forged", color: "#C62828" },
  };

  /// What the toolbar button shows for an answer of the host (or an error).
  function presentation(answer) {
    if (!answer || answer.error || !VERDICTS.includes(answer.verdict)) {
      return {
        icon: "icons/unknown.svg",
        title: answer && answer.error ? `Sealcheck could not check this message: ${answer.error}`
                                      : "Sealcheck could not check this message",
      };
    }
    const d = answer.domain || "";
    const titles = {
      authenticated: answer.user_exception ? `✓ ${d} (your exception)` : (answer.via ? `✓ ${d} via ${answer.via}` : `✓ ${d}`),
      forged: `✗ Forged: not from ${d || "the sender shown"}`,
      suspicious: `⚠ Suspicious: ${d || "the sender"}`,
      unauthenticated: `? Not authenticated: ${d || "unknown sender"}`,
      "not-checked": "… Not checked (try again later)",
    };
    return { icon: `icons/${answer.verdict}.svg`, title: titles[answer.verdict] };
  }

  /// The popup's content: a heading and the reasons and warnings in plain words.
  function popupModel(answer) {
    const p = presentation(answer);
    if (!answer || answer.error || !VERDICTS.includes(answer.verdict))
      return { heading: p.title, verdict: "unknown", reasons: [], warnings: [], canOpen: false };
    return {
      heading: p.title,
      verdict: answer.verdict,
      reasons: Array.isArray(answer.reasons) ? answer.reasons.map(String) : [],
      warnings: Array.isArray(answer.warnings) ? answer.warnings.map(String) : [],
      canOpen: true,
    };
  }

  /// @p log gets one line per verdict shown (the console in Thunderbird).
  function create(messenger, log = (line) => console.info(line)) {
    const byTab = new Map();   // tabId -> { messageId, answer }
    let counter = 0;
    const native = Native.channel(messenger.runtime, HOST);

    async function accountAddress(message) {
      try {
        const accountId = message && message.folder && message.folder.accountId;
        if (!accountId || !messenger.accounts) return "";
        const account = await messenger.accounts.get(accountId);
        const identity = account && account.identities && account.identities[0];
        return identity && identity.email ? identity.email : "";
      } catch (e) {
        return "";
      }
    }

    async function ensureTag(t) {
      const api = messenger.messages.tags || null; // Thunderbird 121+
      const list = api ? await api.list() : await messenger.messages.listTags();
      if (list.some((x) => x.key === t.key)) return;
      if (api) await api.create(t.key, t.tag, t.color);
      else await messenger.messages.createTag(t.key, t.tag, t.color);
    }

    async function tagMessage(message, verdict) {
      const { tagMessages } = await messenger.storage.local.get({ tagMessages: false });
      if (!tagMessages) return;
      const own = Object.values(TAGS).map((t) => t.key);
      const wanted = TAGS[verdict];
      const kept = (message.tags || []).filter((k) => !own.includes(k));
      if (wanted) {
        await ensureTag(wanted);
        kept.push(wanted.key);
      }
      const before = (message.tags || []).slice().sort().join(" ");
      if (kept.slice().sort().join(" ") !== before)
        await messenger.messages.update(message.id, { tags: kept });
    }

    async function show(tabId, answer) {
      const p = presentation(answer);
      await messenger.messageDisplayAction.setIcon({ tabId, path: p.icon });
      await messenger.messageDisplayAction.setTitle({ tabId, title: p.title });
      await messenger.messageDisplayAction.enable(tabId);
    }

    /// messageDisplay.onMessageDisplayed: (tab, message).
    async function onDisplayed(tab, message) {
      if (!tab || !message) return;
      const request = ++counter;
      byTab.set(tab.id, { messageId: message.id, answer: null, request });
      await messenger.messageDisplayAction.setIcon({ tabId: tab.id, path: "icons/unknown.svg" });
      await messenger.messageDisplayAction.setTitle({ tabId: tab.id, title: "Sealcheck is checking…" });
      let answer;
      try {
        const raw = await messenger.messages.getRaw(message.id);
        const account = await accountAddress(message);
        answer = await native.send({ id: String(request), raw, account });
        if (!answer || (answer.id !== undefined && answer.id !== String(request)))
          answer = { error: "the answer does not belong to this message" };
      } catch (e) {
        answer = { error: `Sealcheck is not reachable (${e && e.message ? e.message : e}). Is the sealcheck package installed?` };
      }
      const current = byTab.get(tab.id);
      if (!current || current.request !== request) return; // another message is shown by now
      current.answer = answer;
      await show(tab.id, answer);
      log(`Sealcheck: <${message.headerMessageId || message.id}>: ${answer.error ? "error" : answer.verdict}: ${presentation(answer).title}`);
      if (!answer.error) {
        try {
          await tagMessage(message, answer.verdict);
        } catch (e) {
          // Tagging is a convenience: the verdict is shown even when it fails.
        }
      }
    }

    /// The popup asks for the state of its tab, or to open the message in the desktop program.
    async function onPopupMessage(request) {
      const state = request && byTab.get(request.tabId);
      if (request && request.type === "state")
        return popupModel(state ? state.answer : null);
      if (request && request.type === "open") {
        if (!state) return { error: "no message is shown" };
        const raw = await messenger.messages.getRaw(state.messageId);
        return native.send({ id: `open-${++counter}`, command: "open", raw });
      }
      return { error: "unknown request" };
    }

    function register() {
      messenger.messageDisplay.onMessageDisplayed.addListener(onDisplayed);
      messenger.runtime.onMessage.addListener(onPopupMessage);
      if (messenger.tabs && messenger.tabs.onRemoved)
        messenger.tabs.onRemoved.addListener((tabId) => byTab.delete(tabId));
    }

    return { onDisplayed, onPopupMessage, register, stateOf: (tabId) => byTab.get(tabId) };
  }

  return { HOST, TAGS, VERDICTS, presentation, popupModel, create };
})();

if (typeof module === "object" && module.exports) module.exports = SealcheckCore;
