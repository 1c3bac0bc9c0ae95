# Sourced by the setup scripts: who installs packages and who builds and runs.
#
#   as_root CMD...   run CMD as root: directly when root, else through sudo
#   as_user CMD...   run CMD as the invoking user: when root through sudo (SUDO_USER set), as
#                    that user (runuser), keeping the display variables; else directly. So
#                    `sudo scripts/run-demo.sh` installs as root but builds and runs as you, and a
#                    machine that is really root (CI, a container) simply runs everything as root.

invoking_user() {
  if [ "$(id -u)" = 0 ] && [ -n "${SUDO_USER:-}" ] && [ "$SUDO_USER" != root ] && id -u "$SUDO_USER" >/dev/null 2>&1; then
    echo "$SUDO_USER"
  fi
}

as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo env DEBIAN_FRONTEND=noninteractive "$@"
  else
    echo "setup: '$*' needs root, and sudo is not installed: run it as root" >&2
    return 1
  fi
}

as_user() {
  local user
  user=$(invoking_user)
  if [ -z "$user" ]; then
    "$@"
    return
  fi
  local keep=(HOME="$(getent passwd "$user" | cut -d: -f6)" USER="$user" LOGNAME="$user" PATH="$PATH")
  local v
  for v in DISPLAY WAYLAND_DISPLAY XAUTHORITY XDG_RUNTIME_DIR DBUS_SESSION_BUS_ADDRESS BUILD_DIR SANITIZE_BUILD_DIR JOBS \
           CI QT_QPA_PLATFORM CCACHE_DIR CCACHE_BASEDIR CCACHE_NOHASHDIR SEALCHECK_TEST_PACKAGE SEALCHECK_CONFORMANCE_DIR FUZZ_SECONDS NICE; do
    [ -n "${!v:-}" ] && keep+=("$v=${!v}")
  done
  runuser -u "$user" -- env "${keep[@]}" "$@"
}

# A build folder made by root in an earlier run would stop the user from building: give it back.
give_to_user() {
  local user
  user=$(invoking_user)
  [ -n "$user" ] || return 0
  local d
  for d in "$@"; do
    [ -e "$d" ] && [ "$(stat -c %U "$d")" != "$user" ] && chown -R "$user:" "$d"
  done
  return 0
}
