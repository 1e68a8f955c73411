#!/usr/bin/env bash
# Load check of the press page, loopback only, bounded in time: `svctrade serve` (release build with
# the PressServer trait) over a store with the shipped published record and the illustrative panel;
# wrk with 32 connections for 10 s on the figures page of January–April 2021 (both languages);
# requests per second, latency percentiles (p99) and the server's memory. Prints a summary line.
#
#   Scripts/load-press-page.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-32}
command -v wrk >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
swift build -c release --traits PressServer --scratch-path .build-serve-release --product svctrade >/dev/null
bin=.build-serve-release/release/svctrade
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
db=$work/press.sqlite
for f in mofcom-published-2017-2022.csv mofcom-published-2023-2025.csv safe-bop-services-2017-2025.csv; do
    "$bin" import "datasets/$f" --db "$db" >/dev/null
done
"$bin" generate --db "$db" --import >/dev/null
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" serve --db "$db" --port "$port" >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do grep -q "read-only at" "$work/serve.log" && break; sleep 0.1; done
page="http://127.0.0.1:$port/figures?month=2021-04&lang=both&vs=2019"
first=$(curl -s -o /dev/null -w '%{time_total}' "$page")
again=$(curl -s -o /dev/null -w '%{time_total}' "$page")
bytes=$(curl -s "$page" | wc -c)
echo "first request (composes the bulletin): ${first} s; cached: ${again} s; page ${bytes} bytes"
rss_idle=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
wrk -t2 -c"$connections" -d"${seconds}s" --latency "$page" | tee "$work/wrk.txt"
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
echo "press page 2021-04, $connections connections, ${seconds} s: ${rps} requests/s, p99 ${p99}; server RSS ${rss_idle} kB before, ${rss} kB after, peak ${hwm} kB"
