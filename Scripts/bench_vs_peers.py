#!/usr/bin/env python3
"""Interleaved W1 rounds for svctrade and the peers; prints a Markdown table of medians and ratios.

usage: bench_vs_peers.py SIZE RUNS SVCTRADE_BINARY BENCH_DIR
Each run is a fresh process under /usr/bin/time -v (wall from this script, peak RSS from time -v).
"""
import os
import re
import statistics
import subprocess
import sys
import time

size, runs, svctrade, bench = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
root = os.environ["SVC_BENCH_DIR"]
csv = os.path.join(root, size, "obs.csv")
db = os.path.join(root, size, "out", "svctrade.sqlite")
py = sys.executable


def svctrade_w1():
    for suffix in ("", "-journal", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    return [svctrade, "import", csv, "--db", db]


cases = [
    ("svctrade", svctrade_w1),
    ("duckdb", lambda: [py, os.path.join(bench, "anchor_duckdb.py"), size, "W1"]),
    ("polars", lambda: [py, os.path.join(bench, "anchor_polars.py"), size, "W1"]),
    ("pandas", lambda: [py, os.path.join(bench, "anchor_pandas.py"), size, "W1"]),
    ("sqlite3", lambda: ["bash", os.path.join(bench, "anchor_sqlite.sh"), size, "W1"]),
]

results = {name: [] for name, _ in cases}
for r in range(runs):
    for name, argv in cases:
        cmd = ["/usr/bin/time", "-v"] + argv()
        t0 = time.perf_counter()
        p = subprocess.run(cmd, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if p.returncode != 0:
            print(f"{name} failed: {p.stderr[-500:]}", file=sys.stderr)
            continue
        rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
        results[name].append((wall, rss))
        print(f"round {r + 1} {name}: {wall:.3f} s, {rss:.0f} MiB", file=sys.stderr)

med = {n: (statistics.median(w for w, _ in v), max(m for _, m in v)) for n, v in results.items() if v}
print(f"\nW1 load, {size} ({runs} interleaved rounds, median wall; peak RSS = max over runs)\n")
print("| tool | median wall s | svctrade ÷ tool | peak RSS MiB | svctrade RSS ÷ tool |")
print("|---|---:|---:|---:|---:|")
s_wall, s_rss = med.get("svctrade", (float("nan"), float("nan")))
for name, (w, m) in med.items():
    print(f"| {name} | {w:.3f} | {s_wall / w:.2f} | {m:.0f} | {s_rss / m:.2f} |")
