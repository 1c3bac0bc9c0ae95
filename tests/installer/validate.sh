#!/usr/bin/env bash
# installer_validate: the desktop entry, the AppStream metainfo and the manual pages are valid.
#   validate.sh SOURCE_DIR
# desktop-file-validate (desktop-file-utils) and appstreamcli (appstream) are installed by
# scripts/setup.sh; their absence is a failure, not a skip. Hints of desktop-file-validate and
# pedantic notes of appstreamcli are shown, not failed on; anything else fails.
set -uo pipefail
src=${1:?usage: validate.sh SOURCE_DIR}
id=org.sealcheck.Sealcheck
desktop=$src/resources/$id.desktop
metainfo=$src/resources/$id.metainfo.xml
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "PASS: $*"; }

for tool in desktop-file-validate appstreamcli groff; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (scripts/setup.sh installs it)"
done
[ "$failures" = 0 ] || exit 1

# 1. The desktop entry: valid, and what file managers need to offer Sealcheck for .eml files.
out=$(desktop-file-validate "$desktop" 2>&1); rc=$?
[ -n "$out" ] && echo "$out"
if [ $rc -ne 0 ] || grep -qE ': (error|warning):' <<<"$out"; then
  fail "desktop-file-validate $desktop"
else
  pass "desktop-file-validate $desktop"
fi
key() { sed -n "/^\[Desktop Entry\]/,/^\[/{s/^$1=//p}" "$desktop"; }
[ "$(key Exec)" = "sealcheck %F" ] && pass "Exec=sealcheck %F" || fail "Exec is '$(key Exec)', want 'sealcheck %F'"
[ "$(key MimeType)" = "message/rfc822;" ] && pass "MimeType=message/rfc822;" || fail "MimeType is '$(key MimeType)'"
[ "$(key Categories)" = "Network;Email;Security;" ] && pass "Categories" || fail "Categories is '$(key Categories)'"
[ "$(key Icon)" = "$id" ] && pass "Icon=$id" || fail "Icon is '$(key Icon)', want $id"

# 2. The AppStream metainfo: valid offline, and pointing at this desktop entry.
out=$(appstreamcli validate --no-net --strict "$metainfo" 2>&1); rc=$?
echo "$out"
[ $rc -eq 0 ] && pass "appstreamcli validate --no-net --strict" || fail "appstreamcli validate $metainfo"
grep -q "<id>$id</id>" "$metainfo" && pass "metainfo id" || fail "metainfo id is not $id"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" \
  && pass "metainfo launchable" || fail "metainfo launchable is not $id.desktop"
grep -q '<content_rating' "$metainfo" && grep -q '<release ' "$metainfo" \
  && pass "metainfo content_rating and releases" || fail "metainfo lacks content_rating or releases"

# 3. The manual pages: no groff warnings, and sealcheck-cli(1) covers the whole CLI contract
#    (docs/cli.md: commands, every option, exit status).
for page in sealcheck-cli.1 sealcheck.1; do
  out=$(groff -man -ww -z "$src/resources/man/$page" 2>&1)
  [ -z "$out" ] && pass "groff -ww $page" || { echo "$out"; fail "groff warnings in $page"; }
done
cli=$(groff -man -Tutf8 -P-cbou "$src/resources/man/sealcheck-cli.1" 2>/dev/null)
for word in "sealcheck-cli verify" "sealcheck-cli scan" "sealcheck-cli domain" \
            --json --format --authserv-id --dns-zone --resolver --client-ip --helo --mail-from \
            --trust-authserv-id --trusted-relay --now --ca-file --no-system-ca --gnupg-home \
            --password-file --pin-sha256 --limit --version "EXIT STATUS" EXAMPLES FILES; do
  grep -qF -- "$word" <<<"$cli" || fail "sealcheck-cli.1 does not mention $word"
done
# docs/cli.md, installed with the package, lists every option the manual page documents.
for opt in $(grep -oE '\\-\\-[a-z0-9]+(\\-[a-z0-9]+)*' "$src/resources/man/sealcheck-cli.1" | sed 's/\\//g' | sort -u); do
  grep -qF -- "\`$opt" "$src/docs/cli.md" || fail "docs/cli.md does not list $opt (sealcheck-cli.1 does)"
done
[ "$failures" = 0 ] && pass "sealcheck-cli.1 covers every command and option of docs/cli.md"

echo "installer_validate: $failures failure(s)"
[ "$failures" = 0 ]
