#!/usr/bin/env python3
"""Compares svctrade's panel bulletin CSV (`svctrade table --panel`) with DuckDB's W2 output the way
../shared/bench/verify.py does: same keys in the same order, same nulls, cells equal at 6 significant
digits. usage: w2_compare.py SVCTRADE.csv DUCKDB.csv BENCH_DIR"""
import sys

sys.path.insert(0, sys.argv[3])
from verify import NUM, load_w2, sig6  # noqa: E402

ours_keys, ours = load_w2(sys.argv[1])
ref_keys, ref = load_w2(sys.argv[2])
if ours_keys != ref_keys:
    print(f"keys differ: {len(ours_keys)} rows vs {len(ref_keys)}")
    for a, b in zip(ours_keys, ref_keys):
        if a != b:
            print("first difference:", a, b)
            break
    sys.exit(1)
nulls = cells = 0
worst = 0.0
for a, b in zip(ours, ref):
    for x, y in zip(a, b):
        if (x is None) != (y is None):
            nulls += 1
        elif x is not None:
            if sig6(x) != sig6(y):
                cells += 1
            if y != 0:
                worst = max(worst, abs(x - y) / abs(y))
print(f"{len(ours_keys)} rows, {len(NUM)} measures: {nulls} null-pattern mismatches, {cells} cells differing at 6 significant digits, max relative difference {worst:.2e}")
sys.exit(1 if nulls or cells else 0)
