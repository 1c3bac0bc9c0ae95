#!/usr/bin/env bash
# installer_package: the Debian package builds, installs, works from /usr, integrates with the
# desktop, and purges without leaving anything behind.
#   package_test.sh SOURCE_DIR BUILD_DIR
#
# Needs root and dpkg; skips (exit 77) otherwise. Safe on a shared CI machine: it refuses to run
# (skip) when a `sealcheck` package is already installed or when any regular file of the package
# already exists on the system, so it never overwrites or removes anything it did not install;
# and it purges its own installation on every exit path. Builds nothing: the build folder must be
# built (`ninja`), as it is before ctest runs.
set -uo pipefail
SKIP=77
src=${1:?usage: package_test.sh SOURCE_DIR BUILD_DIR}
build=${2:?usage: package_test.sh SOURCE_DIR BUILD_DIR}
id=org.sealcheck.Sealcheck
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "PASS: $*"; }
skip() { echo "SKIP: $*"; exit $SKIP; }

# --- Preconditions: skip, never fail, when the machine cannot take a package ----------------
[ "$(id -u)" = 0 ] || skip "installing a package needs root (run ctest as root on a CI machine)"
for tool in dpkg dpkg-deb dpkg-query dpkg-shlibdeps cpack; do
  command -v "$tool" >/dev/null || skip "$tool is not available: not a Debian system with dpkg-dev and cmake"
done
state=$(dpkg-query -W -f='${db:Status-Status}' sealcheck 2>/dev/null)
if [ -n "$state" ] && [ "$state" != not-installed ]; then
  skip "a sealcheck package is already on this machine (status: $state); not touching it"
fi

# --- 1. Build the .deb with cpack ---------------------------------------------------------
[ -x "$build/bin/sealcheck-cli" ] || { echo "FAIL: $build/bin/sealcheck-cli is not built"; exit 1; }
deb=$(NO_BUILD=1 "$src/scripts/package.sh" "$build" 2>"$build/installer_package.cpack.log")
if [ $? -ne 0 ] || [ ! -f "$deb" ]; then
  cat "$build/installer_package.cpack.log"
  echo "FAIL: scripts/package.sh made no package"; exit 1
fi
pass "built $deb"
version=$(dpkg-deb -f "$deb" Version)
echo "Package: $(dpkg-deb -f "$deb" Package) $version, Section: $(dpkg-deb -f "$deb" Section)"
echo "Depends: $(dpkg-deb -f "$deb" Depends)"
[ "$(dpkg-deb -f "$deb" Package)" = sealcheck ] && pass "package name" || fail "package name"
[ "$(dpkg-deb -f "$deb" Section)" = mail ] && pass "section mail" || fail "section is not mail"
for dep in libqt6core6 libqt6network6 libssl3 libunbound8 libpsl5 libgpgmepp6 gnupg publicsuffix dns-root-data; do
  grep -qE "(^|, )$dep( |,|$)" <<<"$(dpkg-deb -f "$deb" Depends)" && pass "Depends: $dep" || fail "Depends lacks $dep"
done

# Every path of the package, and which of them exist before it is installed.
mapfile -t paths < <(dpkg-deb --fsys-tarfile "$deb" | tar -t | sed 's|^\./|/|; s|/$||' | grep -v '^/\?$')
declare -A existed=()
for p in "${paths[@]}"; do
  if [ -e "$p" ] || [ -L "$p" ]; then
    [ -d "$p" ] && [ ! -L "$p" ] || skip "$p already exists and is not from this package; not overwriting it"
    existed[$p]=1
  fi
done

# --- 2. Install (apt-get install -f only when dependencies are missing) ---------------------
installed=0
cleanup() {
  if [ "$installed" = 1 ]; then
    echo "cleanup: purging the test installation"
    dpkg --purge sealcheck >/dev/null 2>&1
  fi
}
trap cleanup EXIT
export DEBIAN_FRONTEND=noninteractive
installed=1
if ! dpkg -i "$deb"; then
  echo "dpkg -i failed; installing missing dependencies with apt-get install -f"
  apt-get install -f -y -q --no-install-recommends || true
fi
[ "$(dpkg-query -W -f='${db:Status-Status}' sealcheck 2>/dev/null)" = installed ] \
  && pass "dpkg -i $deb" || { fail "sealcheck is not installed after dpkg -i"; exit 1; }
mapfile -t listed < <(dpkg -L sealcheck | grep -v '^/\.$')

# --- 3. The installed command-line tool works from /usr/bin, outside the build folder -------
cd /
out=$(/usr/bin/sealcheck-cli --version 2>&1)
[ "$out" = "sealcheck-cli ${version%%-*}" ] && pass "/usr/bin/sealcheck-cli --version: $out" \
  || fail "/usr/bin/sealcheck-cli --version said '$out', want 'sealcheck-cli ${version%%-*}'"
for bin in /usr/bin/sealcheck-cli /usr/bin/sealcheck; do
  [ -e "$bin" ] || continue
  missing=$(ldd "$bin" | grep 'not found')
  [ -z "$missing" ] && pass "ldd $bin: every library found" || fail "ldd $bin: $missing"
  if readelf -d "$bin" | grep -qE 'R(UN)?PATH.*(/work|'"$build"')'; then
    fail "$bin has a run path into the build folder"
  else
    pass "$bin has no run path into the build folder"
  fi
done
demo=$src/resources/demo
json=$(/usr/bin/sealcheck-cli verify --dns-zone "$demo/demo.zone" --now "$(cat "$demo/NOW")" \
       --json "$demo/messages/01-authenticated-bank.eml" 2>&1); rc=$?
echo "$json" | head -c 600; echo
[ $rc -eq 0 ] && pass "verify exit status 0" || fail "verify exit status $rc"
grep -qE '"verdict" *: *"authenticated"' <<<"$json" \
  && pass "01-authenticated-bank.eml is authenticated by the installed tool" \
  || fail "01-authenticated-bank.eml: no \"verdict\":\"authenticated\" in the output"

# --- 4. Manual pages, documentation, translations -------------------------------------------
# (Slim container images tell dpkg not to unpack manuals and docs: then these are not checked.)
if grep -qsE '^path-exclude=?/usr/share/(man|doc)' /etc/dpkg/dpkg.cfg.d/*; then
  echo "NOTE: dpkg here excludes /usr/share/man or /usr/share/doc: manual page checks not run"
  nodocs=1
else
  nodocs=0
  gzip -t /usr/share/man/man1/sealcheck-cli.1.gz 2>/dev/null && pass "sealcheck-cli.1.gz" \
    || fail "/usr/share/man/man1/sealcheck-cli.1.gz missing or not gzip"
  [ -f /usr/share/doc/sealcheck/changelog.gz ] && pass "changelog.gz" || fail "no /usr/share/doc/sealcheck/changelog.gz"
  grep -q "^License: GPL-3.0-or-later" /usr/share/doc/sealcheck/copyright 2>/dev/null && pass "copyright (GPL-3.0-or-later)" || fail "no /usr/share/doc/sealcheck/copyright naming the licence"
  if command -v man >/dev/null; then
    [ "$(man -w sealcheck-cli 2>/dev/null)" = /usr/share/man/man1/sealcheck-cli.1.gz ] \
      && pass "man -w sealcheck-cli finds the page" || fail "man -w sealcheck-cli does not find the page"
  fi
fi
if [ -n "$(ls "$build"/translations/*.qm 2>/dev/null)" ]; then
  for qm in "$build"/translations/*.qm; do
    [ -f "/usr/share/sealcheck/translations/${qm##*/}" ] && pass "translation ${qm##*/}" \
      || fail "/usr/share/sealcheck/translations/${qm##*/} missing"
  done
else
  echo "NOTE: no .qm files in $build/translations: translation checks not run"
fi

# --- 5. Desktop integration (when the package holds the desktop program) --------------------
if [ -x /usr/bin/sealcheck ]; then
  d=/usr/share/applications/$id.desktop
  [ -f "$d" ] && desktop-file-validate "$d" && pass "$d installed and valid" || fail "$d missing or invalid"
  [ -f /usr/share/metainfo/$id.metainfo.xml ] && pass "metainfo installed" || fail "metainfo missing"
  [ -f /usr/share/icons/hicolor/scalable/apps/$id.svg ] && pass "hicolor icon installed" || fail "icon missing"
  [ "$nodocs" = 1 ] || { gzip -t /usr/share/man/man1/sealcheck.1.gz 2>/dev/null && pass "sealcheck.1.gz" || fail "sealcheck.1.gz missing"; }
  grep -qx 'MimeType=message/rfc822;' "$d" && pass "desktop entry handles message/rfc822" || fail "no MimeType"
  # The MIME association a file manager reads: mimeinfo.cache (update-desktop-database, run by
  # desktop-file-utils' dpkg trigger) and shared-mime-info's *.eml glob.
  if [ -f /usr/share/applications/mimeinfo.cache ]; then
    grep -qE "^message/rfc822=(.*;)?$id\.desktop;" /usr/share/applications/mimeinfo.cache \
      && pass "mimeinfo.cache: message/rfc822 -> $id.desktop" \
      || fail "mimeinfo.cache does not offer $id.desktop for message/rfc822"
  else
    fail "no /usr/share/applications/mimeinfo.cache (desktop-file-utils trigger did not run)"
  fi
  if [ -f /usr/share/mime/globs2 ]; then
    grep -qE ':message/rfc822:\*\.eml$' /usr/share/mime/globs2 \
      && pass "shared-mime-info: *.eml is message/rfc822" || fail "*.eml is not message/rfc822 here"
  fi
  if command -v xdg-mime >/dev/null; then
    echo "xdg-mime query default message/rfc822: $(xdg-mime query default message/rfc822 2>&1)"
  fi
else
  echo "NOTE: the package holds no desktop program (configured with SEALCHECK_BUILD_UI=OFF or ui/ not" \
       "built): desktop entry, metainfo, icon and MIME checks not run"
fi

# --- 6. Purge: nothing the package installed is left ----------------------------------------
installed=0
trap - EXIT
dpkg --purge sealcheck && pass "dpkg --purge sealcheck" || fail "dpkg --purge sealcheck"
state=$(dpkg-query -W -f='${db:Status-Status}' sealcheck 2>/dev/null)
[ -z "$state" ] || [ "$state" = not-installed ] && pass "dpkg knows no sealcheck" || fail "status after purge: $state"
left=0
for p in "${listed[@]}" "${paths[@]}"; do
  [ -n "${existed[$p]:-}" ] && continue          # a system folder such as /usr/bin
  if [ -e "$p" ] || [ -L "$p" ]; then fail "left behind: $p"; left=$((left + 1)); fi
done
[ $left -eq 0 ] && pass "purge left none of the ${#listed[@]} installed paths"
ls /var/lib/dpkg/info/sealcheck.* >/dev/null 2>&1 && fail "dpkg info files left" || pass "no dpkg info files left"
if [ -f /usr/share/applications/mimeinfo.cache ] && grep -q "$id.desktop" /usr/share/applications/mimeinfo.cache; then
  fail "mimeinfo.cache still offers $id.desktop"
fi

echo "installer_package: $failures failure(s)"
[ "$failures" = 0 ]
