// Test only (installer/thunderbird/tests/thunderbird-smoke.sh): does what a user does. Shows the
// Inbox of Local Folders in the mail tab, opens every message but the first (in the mbox's order)
// in a background tab of its own, then selects the first one in the mail tab, which the window
// ends up showing. The Sealcheck add-on reacts to these as to any displayed message.
"use strict";

const say = (line) => console.info(`smoke-driver: ${line}`);

async function inbox() {
  for (let attempt = 0; attempt < 100; attempt++) {
    for (const account of await messenger.accounts.list(true)) {
      const folders = (account.rootFolder && account.rootFolder.subFolders) || account.folders || [];
      const found = folders.find((f) => f.name === "Inbox");
      if (account.type === "none" && found) return found;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("no Inbox in Local Folders");
}

async function main() {
  const folder = await inbox();
  say(`the Inbox is ${folder.id || folder.path}`);
  const [tab] = await messenger.mailTabs.query({});
  say(`the mail tab is ${tab && tab.id}`);
  // Showing the folder makes Thunderbird read the mbox (a folder it has no summary of yet).
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await messenger.mailTabs.update(tab.id, { displayedFolder: folder.id || folder });
      break;
    } catch (e) {
      say(`showing the Inbox: ${e.message}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  let messages = [];
  for (let attempt = 0; attempt < 100 && messages.length === 0; attempt++) {
    try {
      messages = (await messenger.messages.list(folder.id || folder)).messages;
    } catch (e) {
      say(`listing: ${e.message}`);
    }
    if (messages.length === 0) await new Promise((r) => setTimeout(r, 100));
  }
  say(`${messages.length} messages in the Inbox`);
  for (const m of messages.slice(1)) {
    say(`opening ${m.headerMessageId} in a tab`);
    await messenger.messageDisplay.open({ messageId: m.id, location: "tab", active: false });
  }
  await messenger.mailTabs.setSelectedMessages(tab.id, [messages[0].id]);
  say("all shown");
}

main().catch((e) => say(`failed: ${e && e.message ? e.message : e}`));
