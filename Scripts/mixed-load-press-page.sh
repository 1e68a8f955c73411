#!/usr/bin/env bash
# Mixed load on the press page (loopback only, bounded in time): `svctrade serve` (release build with
# the PressServer trait) over a store with the shipped published record and the illustrative panel,
# then Scripts/mixed-load-press-page.py: cached pages, uncached months, an import every second and
# idle half-open connections at once. Prints p50/p99 per kind, errors and the server's memory.
#
#   Scripts/mixed-load-press-page.sh [seconds] [clients] [idle connections]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
clients=${2:-8}
idle=${3:-200}
swift build -c release --traits PressServer --scratch-path .build-serve-release --product svctrade >/dev/null
bin=$PWD/.build-serve-release/release/svctrade
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
python3 Scripts/mixed-load-press-page.py --base "http://127.0.0.1:$port" --pid "$pid" --svctrade "$bin" \
    --db "$db" --seconds "$seconds" --clients "$clients" --idle "$idle"
