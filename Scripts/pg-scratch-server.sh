#!/usr/bin/env bash
# A PostgreSQL 15 server of its own for one test (loopback, a temporary folder, no system service),
# which the test may stop and start again: the outage tests stop it mid-COPY.
#
# DIR must be a new folder whose parents the postgres user can enter (e.g. /tmp/NAME).
#   pg-scratch-server.sh start DIR   prints the admin address (postgres://postgres:PASS@127.0.0.1:PORT/postgres)
#   pg-scratch-server.sh kill DIR    stops it at once (immediate shutdown: connections are cut)
#   pg-scratch-server.sh again DIR   starts it again on the same port
#   pg-scratch-server.sh stop DIR    stops it and removes DIR
set -euo pipefail
pgbin=${SVCTRADE_PG_BIN:-/usr/lib/postgresql/15/bin}
dir=$2
# The server must not inherit the caller's pipes (a test reading this script's output would wait
# for the server to end): every descriptor above 2 is closed first.
for fd in $(ls /proc/$$/fd); do
    if [ "$fd" -gt 2 ] 2>/dev/null; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case $1 in
start)
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    pass=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
    echo "$pass" >"$dir/pw"
    echo "$port" >"$dir/port"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir/pw" "$dir/port"; fi
    as_pg "$pgbin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pw" --auth-host=scram-sha-256 \
        --auth-local=trust >/dev/null
    as_pg "$pgbin/pg_ctl" -D "$dir/data" -w -l "$dir/log" \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null </dev/null
    echo "postgres://postgres:$pass@127.0.0.1:$port/postgres"
    ;;
kill) as_pg "$pgbin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null ;;
again)
    port=$(cat "$dir/port")
    as_pg "$pgbin/pg_ctl" -D "$dir/data" -w -l "$dir/log" \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null </dev/null
    ;;
stop)
    as_pg "$pgbin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
*) echo "usage: $0 start|kill|again|stop DIR" >&2; exit 2 ;;
esac
