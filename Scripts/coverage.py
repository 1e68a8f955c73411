#!/usr/bin/env python3
"""Coverage of the shipped published record (issue "Complete the published record").

usage: Scripts/coverage.py [DATASETS_DIR]

Prints Markdown: per year, which January-to-month headline periods are complete (total, exports and
imports each with a CNY level and a year-on-year rate), partial or missing; the annual figures
2017-2024 in CNY and USD; and per category the periods with a level. Reads the mofcom-published-*.csv
files as shipped (any source copy counts); computes nothing into the record.
"""
import collections
import csv
import glob
import os
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "datasets")
rows = []
for path in sorted(glob.glob(os.path.join(root, "mofcom-published-*.csv"))):
    with open(path, newline="", encoding="utf-8") as fh:
        rows += list(csv.DictReader(fh))

have = collections.defaultdict(set)  # (sector, flow, currency, from, to) -> {"level", "yoy"}
for r in rows:
    if r["scope"] != "China":
        continue
    k = (r["sector"], r["flow"], r["currency"], r["period_from"], r["period_to"])
    if r["value"]:
        have[k].add("level")
    if r["yoy_pct"]:
        have[k].add("yoy")

periods = [(y, m) for y in range(2017, 2026) for m in range(2, 13) if (y, m) <= (2025, 10)]
status = {}
for y, m in periods:
    span = (f"{y}-01", f"{y}-{m:02d}")
    parts = [have.get(("total", f, "CNY") + span, set()) for f in ("total", "export", "import")]
    full = sum(1 for p in parts if {"level", "yoy"} <= p)
    status[(y, m)] = "complete" if full == 3 else ("partial" if any(parts) else "missing")

counts = collections.Counter(status.values())
print(f"Headline January-to-month periods 2017-01/02 to 2025-01/10: {counts['complete']} complete, "
      f"{counts['partial']} partial, {counts['missing']} missing of {len(periods)}.\n")
print("| year | complete | partial | missing |")
print("|---|---|---|---|")
for y in range(2017, 2026):
    def months(kind):
        return " ".join(f"1–{m}" for (yy, m) in periods if yy == y and status[(yy, m)] == kind) or "–"
    print(f"| {y} | {months('complete')} | {months('partial')} | {months('missing')} |")

print("\nAnnual figures (January–December), level present:\n")
print("| year | CNY total | CNY exports | CNY imports | CNY balance | USD total | USD exports | USD imports | USD balance |")
print("|---|---|---|---|---|---|---|---|---|")
for y in range(2017, 2025):
    cells = []
    for cur in ("CNY", "USD"):
        for f in ("total", "export", "import", "balance"):
            cells.append("yes" if "level" in have.get(("total", f, cur, f"{y}-01", f"{y}-12"), set()) else "–")
    print(f"| {y} | " + " | ".join(cells) + " |")

print("\nCategories (CNY, any flow, January-to-month or annual spans with a level): periods covered\n")
print("| category | periods |")
print("|---|---|")
cats = collections.defaultdict(set)
for (sector, flow, cur, a, b), p in have.items():
    if sector != "total" and cur == "CNY" and "level" in p and a.endswith("-01"):
        cats[sector].add(b)
for sector in sorted(cats):
    print(f"| {sector} | {len(cats[sector])} ({min(cats[sector])} … {max(cats[sector])}) |")
