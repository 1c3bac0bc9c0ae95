#!/usr/bin/env bash
# installer_package: the Debian packages (sealcheck-cli, sealcheck) build with dpkg-buildpackage
# (scripts/package.sh), pass lintian and hardening-check, install, work from /usr, integrate with
# the desktop, and purge without leaving anything behind.
#   package_test.sh SOURCE_DIR BUILD_DIR
#
# Needs root and dpkg; skips (exit 77) otherwise. Safe on a shared CI machine: it refuses to run
# (skip) when a `sealcheck` package is already installed or when any regular file of the package
# already exists on the system, so it never overwrites or removes anything it did not install;
# and it purges its own installation on every exit path. The packages are built in
# BUILD_DIR/deb (a tree of its own, with the Debian compiler flags; ccache makes a rebuild quick)
# and land in BUILD_DIR/packages.
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
# A whole second, hardened build of the project (about 45 CPU-minutes cold): run on request, for
# a release or a packaging change, not on every test run.
[ "${SEALCHECK_TEST_PACKAGE:-0}" = 1 ] || skip "set SEALCHECK_TEST_PACKAGE=1 to build, lint, install and purge the Debian packages (scripts/package.sh)"
[ "$(id -u)" = 0 ] || skip "installing a package needs root (run ctest as root on a CI machine)"
for tool in dpkg dpkg-deb dpkg-query dpkg-buildpackage dh lintian hardening-check readelf; do
  command -v "$tool" >/dev/null || skip "$tool is not available (scripts/setup.sh installs dpkg-dev, debhelper, lintian, devscripts)"
done
for pkg in sealcheck sealcheck-cli; do
  state=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)
  if [ -n "$state" ] && [ "$state" != not-installed ]; then
    skip "a $pkg package is already on this machine (status: $state); not touching it"
  fi
done

# --- 1. Build the source and binary packages with scripts/package.sh (dpkg-buildpackage) ----
out=$build/packages
start=$(date +%s)
mapfile -t debs < <("$src/scripts/package.sh" "$out" 2>"$build/installer_package.build.log")
took=$(( $(date +%s) - start ))
if [ ${#debs[@]} -ne 2 ]; then
  tail -n 60 "$build/installer_package.build.log"
  echo "FAIL: scripts/package.sh made ${#debs[@]} binary packages, want 2"; exit 1
fi
pass "scripts/package.sh built ${debs[*]##*/} in $took s"
cli_deb=$(printf '%s\n' "${debs[@]}" | grep '/sealcheck-cli_')
gui_deb=$(printf '%s\n' "${debs[@]}" | grep '/sealcheck_')
version=$(dpkg-deb -f "$cli_deb" Version)
changes=$(ls "$out"/sealcheck_"$version"_*.changes 2>/dev/null | head -n 1)
dsc=$(ls "$out"/sealcheck_"$version".dsc 2>/dev/null | head -n 1)
[ -f "$dsc" ] && pass "source package ${dsc##*/}" || fail "no source package (.dsc) in $out"
for p in sealcheck-cli sealcheck; do
  [ -f "$(ls "$out"/"$p"-dbgsym_"$version"_*.deb 2>/dev/null | head -n 1)" ] && pass "$p-dbgsym" || fail "no $p-dbgsym package"
done
field() { dpkg-deb -f "$1" "$2"; }
echo "sealcheck-cli Depends: $(field "$cli_deb" Depends)"
echo "sealcheck Depends: $(field "$gui_deb" Depends); Recommends: $(field "$gui_deb" Recommends)"
[ "$(field "$cli_deb" Section)" = mail ] && [ "$(field "$gui_deb" Section)" = mail ] && pass "section mail" || fail "section is not mail"
[ -n "$(field "$gui_deb" Homepage)" ] && pass "Homepage: $(field "$gui_deb" Homepage)" || fail "no Homepage field"
grep -q '^Vcs-Git: ' "$dsc" 2>/dev/null && pass "Vcs-Git in the source package" || fail "no Vcs-Git field"
for dep in libqt6core6 libqt6network6 libssl3 libunbound8 libpsl5 libgpgmepp6 gnupg publicsuffix dns-root-data \
           ca-certificates libqt6sql6-sqlite; do
  grep -qE "(^|, )$dep( |,|$)" <<<"$(field "$cli_deb" Depends)" && pass "sealcheck-cli Depends: $dep" || fail "sealcheck-cli Depends lacks $dep"
done
grep -qE 'libqt6(gui|widgets)6' <<<"$(field "$cli_deb" Depends)" \
  && fail "sealcheck-cli depends on Qt Gui or Widgets" || pass "sealcheck-cli does not depend on Qt Gui or Widgets"
grep -qE "(^|, )sealcheck-cli \(= $version\)" <<<"$(field "$gui_deb" Depends)" \
  && pass "sealcheck Depends: sealcheck-cli (= $version)" || fail "sealcheck does not depend on sealcheck-cli (= $version)"
grep -qE "(^|, )libsecret-1-0( |,|$)" <<<"$(field "$gui_deb" Depends)" \
  && pass "sealcheck Depends: libsecret-1-0 (QtKeychain loads it at run time)" || fail "sealcheck does not depend on libsecret-1-0"
grep -q kwalletmanager <<<"$(field "$gui_deb" Recommends)" && fail "Recommends names the kwalletmanager GUI"

# --- 2. lintian: no error and no warning (overrides carry their reason) -----------------------
# (--show-overrides is not used: lintian 2.116 then exits 2 on overridden tags.)
lint=$(lintian --profile debian --fail-on error,warning --display-info "$changes" 2>&1); rc=$?
echo "$lint"
[ $rc -eq 0 ] && pass "lintian: no error or warning on source and binary packages" \
  || fail "lintian reports errors or warnings (above)"

# --- 3. Hardening: every dpkg-buildflags protection is in both programs ----------------------
unpacked=$(mktemp -d)
for deb in "$cli_deb" "$gui_deb"; do dpkg-deb -x "$deb" "$unpacked"; done
for bin in "$unpacked"/usr/bin/sealcheck-cli "$unpacked"/usr/bin/sealcheck; do
  # --nocfprotection: Debian 12's glibc start files (crt1.o, crti.o) carry no CET property, so
  # no program linked there is marked IBT/SHSTK, whatever its own objects say (-fcf-protection).
  out_h=$(hardening-check --nocfprotection "$bin" 2>&1); rc=$?
  echo "$out_h"
  [ $rc -eq 0 ] && pass "hardening-check ${bin##*/}" || fail "hardening-check ${bin##*/}"
  readelf -d "$bin" | grep -qE 'FLAGS_1.*\bNOW\b.*\bPIE\b|FLAGS_1.*\bPIE\b.*\bNOW\b' \
    && readelf -lW "$bin" | grep -q GNU_RELRO && pass "${bin##*/}: PIE, relro, BIND_NOW" || fail "${bin##*/}: not PIE with relro and BIND_NOW"
done
rm -rf "$unpacked"

# Every path of both packages, and which of them exist before they are installed.
mapfile -t paths < <(for deb in "$cli_deb" "$gui_deb"; do dpkg-deb --fsys-tarfile "$deb" | tar -t; done |
                     sed 's|^\./|/|; s|/$||' | grep -v '^/\?$' | sort -u)
declare -A existed=()
for p in "${paths[@]}"; do
  if [ -e "$p" ] || [ -L "$p" ]; then
    [ -d "$p" ] && [ ! -L "$p" ] || skip "$p already exists and is not from these packages; not overwriting it"
    existed[$p]=1
  fi
done

# --- 4. Install both (apt-get install -f only when dependencies are missing) ------------------
installed=0
cleanup() {
  if [ "$installed" = 1 ]; then
    echo "cleanup: purging the test installation"
    dpkg --purge sealcheck sealcheck-cli >/dev/null 2>&1
  fi
}
trap cleanup EXIT
export DEBIAN_FRONTEND=noninteractive
installed=1
if ! dpkg -i "$cli_deb" "$gui_deb"; then
  echo "dpkg -i failed; installing missing dependencies with apt-get install -f"
  apt-get install -f -y -q --no-install-recommends || true
fi
for p in sealcheck-cli sealcheck; do
  [ "$(dpkg-query -W -f='${db:Status-Status}' $p 2>/dev/null)" = installed ] \
    && pass "dpkg -i $p" || { fail "$p is not installed after dpkg -i"; exit 1; }
done
mapfile -t listed < <(dpkg -L sealcheck sealcheck-cli | grep -v '^/\.$')
if ldd /usr/bin/sealcheck-cli | grep -qE 'libQt6(Gui|Widgets)'; then
  fail "/usr/bin/sealcheck-cli loads Qt Gui or Widgets"
else
  pass "/usr/bin/sealcheck-cli loads neither Qt Gui nor Widgets"
fi

# --- 5. The installed command-line tool works from /usr/bin, outside the build folder -------
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

# --- 6. Manual pages and documentation -------------------------------------------
# (Slim container images tell dpkg not to unpack manuals and docs: then these are not checked.)
if grep -qsE '^path-exclude=?/usr/share/(man|doc)' /etc/dpkg/dpkg.cfg.d/*; then
  echo "NOTE: dpkg here excludes /usr/share/man or /usr/share/doc: manual page checks not run"
  nodocs=1
else
  nodocs=0
  gzip -t /usr/share/man/man1/sealcheck-cli.1.gz 2>/dev/null && pass "sealcheck-cli.1.gz" \
    || fail "/usr/share/man/man1/sealcheck-cli.1.gz missing or not gzip"
  for p in sealcheck-cli sealcheck; do
    [ -f /usr/share/doc/$p/changelog.Debian.gz ] && pass "$p: changelog.Debian.gz" || fail "no /usr/share/doc/$p/changelog.Debian.gz"
    [ -f /usr/share/doc/$p/changelog.gz ] && pass "$p: upstream changelog.gz" || fail "no /usr/share/doc/$p/changelog.gz"
    grep -q "^License: GPL-3.0-or-later" /usr/share/doc/$p/copyright 2>/dev/null && pass "$p: copyright (GPL-3.0-or-later)" || fail "no /usr/share/doc/$p/copyright naming the licence"
  done
  [ -f /usr/share/doc/sealcheck-cli/cli.md.gz ] || [ -f /usr/share/doc/sealcheck-cli/cli.md ] && pass "docs: cli.md" || fail "no cli.md in /usr/share/doc/sealcheck-cli"
  python3 -c 'import json,sys; json.load(open(sys.argv[1]))' /usr/share/doc/sealcheck-cli/report.schema.json 2>/dev/null \
    && pass "docs: report.schema.json (uncompressed, valid JSON)" || fail "no readable /usr/share/doc/sealcheck-cli/report.schema.json"
  if command -v man >/dev/null; then
    [ "$(man -w sealcheck-cli 2>/dev/null)" = /usr/share/man/man1/sealcheck-cli.1.gz ] \
      && pass "man -w sealcheck-cli finds the page" || fail "man -w sealcheck-cli does not find the page"
  fi
fi
# --- 7. Desktop integration (when the package holds the desktop program) --------------------
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

# --- 8. Purge: nothing the package installed is left ----------------------------------------
installed=0
trap - EXIT
dpkg --purge sealcheck sealcheck-cli && pass "dpkg --purge sealcheck sealcheck-cli" || fail "dpkg --purge sealcheck sealcheck-cli"
for p in sealcheck sealcheck-cli; do
  state=$(dpkg-query -W -f='${db:Status-Status}' $p 2>/dev/null)
  [ -z "$state" ] || [ "$state" = not-installed ] && pass "dpkg knows no $p" || fail "$p status after purge: $state"
done
left=0
for p in "${listed[@]}" "${paths[@]}"; do
  [ -n "${existed[$p]:-}" ] && continue          # a system folder such as /usr/bin
  if [ -e "$p" ] || [ -L "$p" ]; then fail "left behind: $p"; left=$((left + 1)); fi
done
[ $left -eq 0 ] && pass "purge left none of the ${#listed[@]} installed paths"
ls /var/lib/dpkg/info/sealcheck.* /var/lib/dpkg/info/sealcheck-cli.* >/dev/null 2>&1 && fail "dpkg info files left" || pass "no dpkg info files left"
if [ -f /usr/share/applications/mimeinfo.cache ] && grep -q "$id.desktop" /usr/share/applications/mimeinfo.cache; then
  fail "mimeinfo.cache still offers $id.desktop"
fi

echo "installer_package: $failures failure(s)"
[ "$failures" = 0 ]
