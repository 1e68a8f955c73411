#!/usr/bin/env bash
# Side-by-side benchmark (W1 load and W2 bulletin of ../shared/bench/WORKLOAD.md): svctrade against the peers of
# ../shared/bench (DuckDB, polars, pandas, sqlite3), interleaved rounds, medians and ratios.
#
#   Scripts/bench-vs-peers.sh small|large [RUNS]
#   SVCTRADE_BENCH_POSTGRES=postgres://postgres:PW@127.0.0.1:PORT/postgres BENCH_STEPS=PG,PGreads \
#       Scripts/bench-vs-peers.sh large 5      # the PostgreSQL store beside the SQLite file
#
# Needs ../shared/bench (data generator and anchors) and the Python peers (installed with pip when
# missing). Data and results go to $SVC_BENCH_DIR (default ./.svc-bench, git-ignored). Not part of CI.
# The C floor (../shared/bench/floor_w3.c) is timed next to W3.
set -euo pipefail
SIZE=${1:?usage: Scripts/bench-vs-peers.sh small|large [RUNS]}
RUNS=${2:-5}
HERE=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${BENCH:-$HERE/../shared/bench}
export SVC_BENCH_DIR=${SVC_BENCH_DIR:-$HERE/.svc-bench}
mkdir -p "$SVC_BENCH_DIR/$SIZE/out"
[ -f "$SVC_BENCH_DIR/$SIZE/obs.csv" ] || python3 "$BENCH/gen.py" --size "$SIZE" >/dev/null
python3 -c 'import pandas, polars, duckdb, pyarrow' 2>/dev/null || python3 -m pip install --quiet pandas polars duckdb pyarrow
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3; }
gcc -O2 -Wall -o "$SVC_BENCH_DIR/floor_w3" "$BENCH/floor_w3.c" -lm
# The PostgreSQL steps (BENCH_STEPS=PG,PGreads with $SVCTRADE_BENCH_POSTGRES) need the PostgreSQL trait.
SCRATCH=${SVC_BENCH_SCRATCH:-$HERE/.build}
(cd "$HERE" && swift build -c release --product svctrade --traits PostgreSQL --scratch-path "$SCRATCH" >/dev/null)
exec python3 "$HERE/Scripts/bench_vs_peers.py" "$SIZE" "$RUNS" "$SCRATCH/release/svctrade" "$BENCH"
