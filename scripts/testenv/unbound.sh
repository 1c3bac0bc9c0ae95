#!/bin/sh
# Starts or stops a private unbound on 127.0.0.1 for manual DNS tests (PITFALLS.md "unbound on
# loopback"). The C++ test tst_unboundresolver starts its own; this is for probes by hand.
#
#   scripts/testenv/unbound.sh start DIR [ZONE-LINES-FILE]   prints the port it listens on
#   scripts/testenv/unbound.sh stop DIR
#
# ZONE-LINES-FILE holds unbound.conf `local-zone:`/`local-data:` lines (default: a small
# example.com zone). Everything else is refused. DIR is created and holds the config, pid and log.
set -eu
cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR [ZONE-LINES-FILE]" >&2; exit 2; }

case "$cmd" in
start)
    command -v unbound >/dev/null 2>&1 || [ -x /usr/sbin/unbound ] || { echo "unbound is not installed" >&2; exit 77; }
    UNBOUND=$(command -v unbound 2>/dev/null || echo /usr/sbin/unbound)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    # A free port: let the kernel choose one, then hand it to unbound.
    port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    {
        echo "server:"
        echo "  interface: 127.0.0.1"
        echo "  port: $port"
        echo "  do-ip6: no"
        echo "  username: \"\""
        echo "  chroot: \"\""
        echo "  directory: \"$dir\""
        echo "  pidfile: \"$dir/unbound.pid\""
        echo "  logfile: \"$dir/unbound.log\""
        echo "  use-syslog: no"
        echo "  num-threads: 1"
        echo "  outgoing-range: 32"
        echo "  so-reuseport: no"
        echo "  module-config: \"iterator\""
        echo "  local-zone: \".\" refuse"
        if [ -n "${3:-}" ]; then
            sed 's/^/  /' "$3"
        else
            echo "  local-zone: \"example.com.\" static"
            echo "  local-data: \"example.com. 300 IN A 192.0.2.1\""
            echo "  local-data: 'example.com. 300 IN TXT \"v=spf1 -all\"'"
        fi
        echo "remote-control:"
        echo "  control-enable: no"
    } > "$dir/unbound.conf"
    "$UNBOUND" -d -c "$dir/unbound.conf" >>"$dir/unbound.log" 2>&1 &
    echo $! > "$dir/unbound.pid.shell"
    i=0
    while ! dig +time=1 +tries=1 -p "$port" @127.0.0.1 example.com A >/dev/null 2>&1; do
        i=$((i + 1))
        if [ $i -ge 50 ] || ! kill -0 "$(cat "$dir/unbound.pid.shell")" 2>/dev/null; then
            echo "unbound did not start; see $dir/unbound.log" >&2
            exit 1
        fi
        sleep 0.1
    done
    echo "$port"
    ;;
stop)
    if [ -f "$dir/unbound.pid.shell" ]; then
        pid=$(cat "$dir/unbound.pid.shell")
        kill -TERM "$pid" 2>/dev/null || true
        i=0
        while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
        rm -f "$dir/unbound.pid.shell"
    fi
    ;;
*)
    echo "usage: $0 start|stop DIR [ZONE-LINES-FILE]" >&2; exit 2 ;;
esac
