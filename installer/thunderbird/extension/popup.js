// The popup of the message-display action: the verdict in plain words, a button that opens the
// message in the desktop program, and the opt-in tagging (which asks for its permissions then).
"use strict";

async function fill() {
  const [tab] = await messenger.tabs.query({ active: true, currentWindow: true });
  const model = await messenger.runtime.sendMessage({ type: "state", tabId: tab.id });
  const heading = document.getElementById("heading");
  heading.textContent = model.heading;
  heading.className = model.verdict;
  const list = (id, items) => {
    const ul = document.getElementById(id);
    ul.replaceChildren(...items.map((text) => { const li = document.createElement("li"); li.textContent = text; return li; }));
  };
  list("reasons", model.reasons);
  list("warnings", model.warnings);
  document.getElementById("warnings-heading").hidden = model.warnings.length === 0;
  const open = document.getElementById("open");
  open.disabled = !model.canOpen;
  open.addEventListener("click", async () => {
    const answer = await messenger.runtime.sendMessage({ type: "open", tabId: tab.id });
    document.getElementById("status").textContent =
      answer && answer.opened ? "Opened in Sealcheck." : `Could not open it: ${(answer && answer.error) || "no answer"}`;
  });
  const tag = document.getElementById("tag");
  tag.checked = (await messenger.storage.local.get({ tagMessages: false })).tagMessages;
  tag.addEventListener("change", async () => {
    let on = tag.checked;
    if (on) on = await messenger.permissions.request({ permissions: ["messagesModify", "messagesTags"] });
    tag.checked = on;
    await messenger.storage.local.set({ tagMessages: on });
  });
}

fill();
