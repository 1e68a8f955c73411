#!/usr/bin/env python3
"""Interleaved W1 and W2 rounds for svctrade and the peers; prints Markdown tables of medians and ratios,
and checks svctrade's W2 output against DuckDB's (6 significant digits, as ../shared/bench/verify.py).

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




# The PostgreSQL store side by side with the SQLite file (BENCH_STEPS=PG): $SVCTRADE_BENCH_POSTGRES is the
# address of a role that may create databases (e.g. postgres://postgres:PW@127.0.0.1:PORT/postgres); each
# import round gets a fresh database with the schema (svctrade db init --no-roles).
pg_admin = os.environ.get("SVCTRADE_BENCH_POSTGRES", "")
pg_read = pg_admin.rsplit("/", 1)[0] + "/svcbench_read" if pg_admin else ""
psql = "/usr/lib/postgresql/15/bin/psql" if os.path.exists("/usr/lib/postgresql/15/bin/psql") else "psql"


def pg_database(name):
    subprocess.run([psql, pg_admin, "-qc", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], check=True,
                   capture_output=True)
    subprocess.run([psql, pg_admin, "-qc", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    address = pg_admin.rsplit("/", 1)[0] + "/" + name
    subprocess.run([svctrade, "db", "init", "--no-roles", "--db", address], check=True, capture_output=True)
    return address


def pg_w1():
    return [svctrade, "import", csv, "--db", pg_database("svcbench_import")]


def run_step(step, cases):
    results = {name: [] for name, _ in cases}
    for r in range(runs):
        for name, argv in cases:
            cmd = ["/usr/bin/time", "-v"] + argv()
            t0 = time.perf_counter()
            p = subprocess.run(cmd, capture_output=True, text=True)
            wall = time.perf_counter() - t0
            if p.returncode != 0:
                print(f"{step} {name} failed: {p.stderr[-500:]}", file=sys.stderr)
                continue
            rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
            results[name].append((wall, rss))
            print(f"{step} round {r + 1} {name}: {wall:.3f} s, {rss:.0f} MiB", file=sys.stderr)
    med = {n: (statistics.median(w for w, _ in v), max(m for _, m in v)) for n, v in results.items() if v}
    print(f"\n{step}, {size} ({runs} interleaved rounds, median wall; peak RSS = max over runs)\n")
    print("| tool | median wall s | svctrade ÷ tool | peak RSS MiB | svctrade RSS ÷ tool |")
    print("|---|---:|---:|---:|---:|")
    ours = next((n for n in med if n.startswith("svctrade")), None)
    s_wall, s_rss = med.get(ours, (float("nan"), float("nan")))
    for name, (w, m) in med.items():
        print(f"| {name} | {w:.3f} | {s_wall / w:.2f} | {m:.0f} | {s_rss / m:.2f} |")


out = os.path.join(root, size, "out")
w2_ours = os.path.join(out, "w2_svctrade_panel.csv")
w3_db = os.path.join(out, "w3_svctrade.sqlite")
floor = os.path.join(root, "floor_w3")
steps = {
    "W1": [
        ("svctrade", svctrade_w1),
        ("duckdb", lambda: [py, os.path.join(bench, "anchor_duckdb.py"), size, "W1"]),
        ("polars", lambda: [py, os.path.join(bench, "anchor_polars.py"), size, "W1"]),
        ("pandas", lambda: [py, os.path.join(bench, "anchor_pandas.py"), size, "W1"]),
        ("sqlite3", lambda: ["bash", os.path.join(bench, "anchor_sqlite.sh"), size, "W1"]),
    ],
    "W2": [
        ("svctrade", lambda: ["sh", "-c", f"'{svctrade}' table --panel --through 2021-04 --db '{db}' > '{w2_ours}'"]),
        ("duckdb", lambda: [py, os.path.join(bench, "anchor_duckdb.py"), size, "W2"]),
        ("polars (CSV)", lambda: [py, os.path.join(bench, "anchor_polars.py"), size, "W2csv"]),
        ("pandas (CSV)", lambda: [py, os.path.join(bench, "anchor_pandas.py"), size, "W2csv"]),
        ("sqlite3", lambda: ["bash", os.path.join(bench, "anchor_sqlite.sh"), size, "W2"]),
    ],
    # Ordinary commands on the same store, after the published figures are imported into it (issue 11's
    # targets): the region table against DuckDB's whole W2 bulletin, and two small reads.
    "commands": [
        ("svctrade table --by region", lambda: ["sh", "-c", f"'{svctrade}' table --through 2021-04 --by region --db '{db}' > /dev/null"]),
        ("duckdb W2", lambda: [py, os.path.join(bench, "anchor_duckdb.py"), size, "W2"]),
        ("svctrade table (nation)", lambda: ["sh", "-c", f"'{svctrade}' table --through 2021-04 --db '{db}' > /dev/null"]),
        ("svctrade series R001", lambda: ["sh", "-c", f"'{svctrade}' series --region R001 --db '{db}' > /dev/null"]),
    ],
    "PG": [
        ("svctrade import into SQLite", svctrade_w1),
        ("svctrade import into PostgreSQL", pg_w1),
    ],
    "PGreads": [
        ("svctrade table --by region, SQLite", lambda: ["sh", "-c", f"'{svctrade}' table --through 2021-04 --by region --db '{db}' > /dev/null"]),
        ("svctrade table --by region, PostgreSQL", lambda: ["sh", "-c", f"'{svctrade}' table --through 2021-04 --by region --db '{pg_read}' > /dev/null"]),
        ("svctrade table --panel, SQLite", lambda: ["sh", "-c", f"'{svctrade}' table --panel --through 2021-04 --db '{db}' > /dev/null"]),
        ("svctrade table --panel, PostgreSQL", lambda: ["sh", "-c", f"'{svctrade}' table --panel --through 2021-04 --db '{pg_read}' > /dev/null"]),
    ],
    "W3": [
        ("C floor (no output)", lambda: [floor, csv, "none"]),
        ("C floor (binary)", lambda: [floor, csv, "bin", os.path.join(out, "w3_c.bin")]),
        ("svctrade (SQLite file)", lambda: (os.path.exists(w3_db) and os.remove(w3_db)) or [svctrade, "derive", "--db", db, "--sqlite", w3_db]),
        ("duckdb (table)", lambda: [py, os.path.join(bench, "anchor_duckdb.py"), size, "W3"]),
        ("polars (Parquet)", lambda: [py, os.path.join(bench, "anchor_polars.py"), size, "W3"]),
    ],
    "W3csv": [
        ("C floor", lambda: [floor, csv, "csv", os.path.join(out, "w3_c.csv")]),
        ("svctrade", lambda: [svctrade, "derive", "--db", db, "--csv", os.path.join(out, "w3_svctrade.csv")]),
        ("duckdb", lambda: [py, os.path.join(bench, "anchor_duckdb.py"), size, "W3csv"]),
        ("polars", lambda: [py, os.path.join(bench, "anchor_polars.py"), size, "W3csv"]),
    ],
}
# polars' W3 reads the Parquet file its PREP step writes.
subprocess.run([py, os.path.join(bench, "anchor_polars.py"), size, "PREP"], capture_output=True)
only = set(filter(None, os.environ.get("BENCH_STEPS", "").split(",")))
here = os.path.dirname(os.path.abspath(__file__))
for step, cases in steps.items():
    if only and step not in only:
        continue
    if step in ("PG", "PGreads") and not pg_admin:
        print(f"{step} skipped: no $SVCTRADE_BENCH_POSTGRES", file=sys.stderr)
        continue
    if step == "PGreads":
        # Both stores hold the large panel and the published figures.
        if not os.path.exists(db):
            subprocess.run(svctrade_w1(), check=True, capture_output=True)
        pg_database("svcbench_read")
        subprocess.run([svctrade, "import", csv, "--db", pg_read], check=True, capture_output=True)
        for name in ("mofcom-published-2017-2022.csv", "mofcom-published-2023-2025.csv"):
            for store in (db, pg_read):
                subprocess.run([svctrade, "import", os.path.join(here, "..", "datasets", name), "--db", store],
                               capture_output=True)
    if step == "commands":
        for name in ("mofcom-published-2017-2022.csv", "mofcom-published-2023-2025.csv"):
            # Refused (exit 1) when an earlier run already stored the release: the store is ready then.
            subprocess.run([svctrade, "import", os.path.join(here, "..", "datasets", name), "--db", db],
                           capture_output=True)
    run_step(step, cases)

print()
check = subprocess.run([py, os.path.join(os.path.dirname(os.path.abspath(__file__)), "w2_compare.py"), w2_ours,
                        os.path.join(out, "w2_duckdb.csv"), bench], capture_output=True, text=True)
print("W2 agreement with DuckDB:", check.stdout.strip())


def w3_stats(path):
    import csv as csvmod
    n = yoy = yoy_ytd = 0
    total = 0.0
    with open(path, newline="") as fh:
        reader = csvmod.DictReader(fh)
        for row in reader:
            n += 1
            if row["ytd"] not in ("", "NULL"):
                total += float(row["ytd"])
            yoy += row["yoy_month_pct"] not in ("", "NULL")
            yoy_ytd += row["yoy_ytd_pct"] not in ("", "NULL")
    return n, yoy, yoy_ytd, round(total)


ours_w3 = os.path.join(out, "w3_svctrade.csv")
ref_w3 = os.path.join(out, "w3_duckdb.csv")
if os.path.exists(ours_w3) and os.path.exists(ref_w3):
    print("W3 rows, non-null month YoY, non-null YTD YoY, sum(ytd): svctrade", w3_stats(ours_w3), "DuckDB", w3_stats(ref_w3))
