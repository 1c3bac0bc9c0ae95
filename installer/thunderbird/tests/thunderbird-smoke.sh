#!/bin/sh
# The add-on in a real Thunderbird (issue 21): does a Thunderbird user see the verdict of the
# message they are reading? Under Xvfb, with a throw-away HOME and profile:
#  - the packed add-on (sealcheck.xpi) side-loaded into the profile (prefs below: not signed,
#    enabled without asking);
#  - the host manifest in $HOME/.mozilla/native-messaging-hosts/, where Thunderbird on Linux looks,
#    naming `sealcheck-cli native-host` with the demo's DNS zone and time (resources/demo);
#  - a Local Folders account whose Inbox (an mbox) holds demo messages 01 (authenticated) and 02
#    (forged);
#  - a second, test-only add-on (smoke-driver/) that shows them as a user does: 02 in a tab of its
#    own, 01 selected in the mail tab.
# Both go to one host process, over the add-on's persistent port (runtime.connectNative).
# The add-on logs one console line per verdict it shows ("Sealcheck: <Message-ID>: VERDICT:
# TITLE"); devtools.console.stdout.content puts it on standard output, where this script waits
# for both lines, with the titles the button shows.
#
# Usage: thunderbird-smoke.sh CLI XPI [SCREENSHOT.png]
#   CLI  sealcheck-cli; XPI  the packed add-on. SCREENSHOT: also save the window (ImageMagick's
#   `import`) once both verdicts are shown, with the popup of the button opened (xdotool).
# Environment: THUNDERBIRD (default: thunderbird), SMOKE_HOST=missing (no host manifest) or
#   SMOKE_HOST=CMD (a host of your own) to see the test fail, SMOKE_KEEP=1 to keep the folder.
# Exit: 0 passed, 1 failed, 77 skipped (no thunderbird or no xvfb-run).
set -eu

cli=$(realpath "$1")
xpi=$(realpath "$2")
screenshot=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
demo=$(cd "$here/../../../resources/demo" && pwd)
tb=${THUNDERBIRD:-thunderbird}
limit=45 # seconds for Thunderbird to start and show both verdicts (10 to 16 here)

if ! command -v "$tb" >/dev/null 2>&1; then
  echo "SKIP: $tb is not installed (apt install thunderbird): the add-on's smoke test in a real Thunderbird is skipped"
  exit 77
fi
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "SKIP: xvfb-run is not installed (apt install xvfb xauth)"
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/sealcheck-tb-smoke.XXXXXX")
pid=
cleanup() {
  if [ -n "$pid" ]; then kill -TERM -- "-$pid" 2>/dev/null || true; sleep 0.5; kill -KILL -- "-$pid" 2>/dev/null || true; fi
  if [ -z "${SMOKE_KEEP:-}" ]; then rm -rf "$work"; else echo "kept $work"; fi
}
trap cleanup EXIT INT TERM

home=$work/home
profile=$work/profile
mail=$work/mail
mkdir -p "$home/.mozilla/native-messaging-hosts" "$profile/extensions" "$mail"

# The Inbox: an mbox, 01 first (selected in the mail tab), then 02.
for m in 01-authenticated-bank 02-forged-bank-spoof; do
  echo "From - Fri Nov 20 09:14:02 2026"
  sed -e 's/\r$//' -e 's/^\(>*From \)/>\1/' "$demo/messages/$m.eml"
  echo
done >"$mail/Inbox"

# The host: the real sealcheck-cli, with the demo's DNS zone and time, and settings and a store of
# its own (never the user's).
host=$work/sealcheck-native-host
if [ -n "${SMOKE_HOST:-}" ] && [ "$SMOKE_HOST" != missing ]; then
  printf '#!/bin/sh\nexec %s "$@"\n' "$SMOKE_HOST" >"$host"
else
  cat >"$host" <<EOF
#!/bin/sh
echo started >>"$work/host-starts"
exec "$cli" native-host --settings "$work/sealcheck.conf" --store "$work/sealcheck.sqlite" \\
  --dns-zone "$demo/demo.zone" --now "$(cat "$demo/NOW")" \\
  --trusted-relay mx.sealcheck-demo.example --known-domain mybank.example "\$@"
EOF
fi
chmod +x "$host"
if [ "${SMOKE_HOST:-}" != missing ]; then
  cat >"$home/.mozilla/native-messaging-hosts/org.sealcheck.native.json" <<EOF
{"name": "org.sealcheck.native", "description": "Sealcheck (smoke test)", "path": "$host",
 "type": "stdio", "allowed_extensions": ["sealcheck@sealcheck.org"]}
EOF
fi

# The add-ons, side-loaded: a file named by the add-on's id in the profile's extensions folder.
cp "$xpi" "$profile/extensions/sealcheck@sealcheck.org.xpi"
(cd "$here/smoke-driver" && "${CMAKE:-cmake}" -E tar cf "$profile/extensions/smoke-driver@sealcheck.org.xpi" --format=zip -- manifest.json background.js)

cat >"$profile/user.js" <<EOF
// Add-ons: unsigned ones load (Thunderbird does not require signatures; said anyway), and
// side-loaded ones are enabled without the "a program added an add-on" question.
user_pref("xpinstall.signatures.required", false);
user_pref("extensions.autoDisableScopes", 0);
user_pref("extensions.enabledScopes", 15);
// Console lines of add-ons on standard output.
user_pref("devtools.console.stdout.content", true);
user_pref("devtools.console.stdout.chrome", true);
// No first-run pages, account wizard, default-client question, updates or telemetry.
user_pref("mail.shell.checkDefaultClient", false);
user_pref("mail.provider.suppress_dialog_on_startup", true);
user_pref("mail.spotlight.firstRunDone", true);
user_pref("mail.winsearch.firstRunDone", true);
user_pref("mailnews.start_page.enabled", false);
user_pref("mail.rights.version", 1);
user_pref("mail.inappnotifications.enabled", false);
user_pref("app.update.disabledForTesting", true);
user_pref("app.update.auto", false);
user_pref("datareporting.policy.dataSubmissionEnabled", false);
user_pref("datareporting.healthreport.uploadEnabled", false);
user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);
user_pref("browser.shell.checkDefaultBrowser", false);
// One account: Local Folders, an mbox folder in $mail.
user_pref("mail.accountmanager.accounts", "account1");
user_pref("mail.accountmanager.localfoldersserver", "server1");
user_pref("mail.account.account1.server", "server1");
user_pref("mail.server.server1.type", "none");
user_pref("mail.server.server1.hostname", "Local Folders");
user_pref("mail.server.server1.name", "Local Folders");
user_pref("mail.server.server1.userName", "nobody");
user_pref("mail.server.server1.directory", "$mail");
user_pref("mail.server.server1.storeContractID", "@mozilla.org/msgstore/berkeleystore;1");
EOF

log=$work/thunderbird.log
start=$(date +%s)
HOME=$home XDG_CONFIG_HOME=$home/.config XDG_CACHE_HOME=$home/.cache MOZ_CRASHREPORTER_DISABLE=1 \
  setsid xvfb-run -a -s "-screen 0 1280x800x24 -ac" "$tb" --no-remote --profile "$profile" >"$log" 2>&1 &
pid=$!

# The console writes characters outside ASCII as \uXXXX.
authenticated='Sealcheck: <4Xb1Q2@mail\.mybank\.example>: authenticated: (✓|\\u2713) mybank\.example"'
forged='Sealcheck: <4Xb9Z1@mail\.mybank\.example>: forged: (✗|\\u2717) Forged: not from mybank\.example"'
shown= # both messages have a verdict (or an error) on their button
while [ $(($(date +%s) - start)) -lt "$limit" ]; do
  if grep -qF 'Sealcheck: <4Xb1Q2@' "$log" && grep -qF 'Sealcheck: <4Xb9Z1@' "$log"; then shown=yes; break; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
seen=
if [ -n "$shown" ] && grep -qE "$authenticated" "$log" && grep -qE "$forged" "$log"; then seen=yes; fi
elapsed=$(($(date +%s) - start))

if [ -n "$seen" ] && [ -n "$screenshot" ]; then
  # The popup of the add-on's button in the message header, then the whole window.
  display=$(tr "\\0" "\\n" </proc/"$(pgrep -n -P "$pid" Xvfb)"/cmdline | grep -m1 "^:")
  sh "$here/thunderbird-screenshot.sh" "$display" "$screenshot" || { echo "FAIL: no screenshot"; exit 1; }
fi

grep -E '"(Sealcheck|smoke-driver):' "$log" | sed 's/^/  thunderbird: /' || true
if [ -z "$seen" ]; then
  echo "FAIL: after ${elapsed}s Thunderbird has not shown both verdicts. Expected on its standard output (as regular expressions):"
  echo "  $authenticated"
  echo "  $forged"
  echo "--- the end of Thunderbird's output ($log):"
  tail -40 "$log"
  exit 1
fi
# Both messages went over one port (runtime.connectNative): the host was started once.
starts=$(cat "$work/host-starts" 2>/dev/null | wc -l)
if [ "$starts" -ne 1 ]; then
  echo "FAIL: the host was started $starts times for two messages; one persistent port starts it once"
  exit 1
fi
echo "PASS: Thunderbird showed both verdicts after ${elapsed}s, from one host process"
