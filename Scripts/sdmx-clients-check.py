#!/usr/bin/env python3
"""Reads svctrade's SDMX export with real SDMX clients, against the shipped structure.

usage: sdmx-clients-check.py STRUCTURE.xml DATA.csv COPIES.csv PYSDMX_OUT.csv

- sdmx1 reads the structure message and both SDMX-CSV 2.0 files (DATA.csv in DF_SVC_TRADE, one
  observation per key; COPIES.csv in DF_SVC_TRADE_COPIES, every copy) and validates them: the
  columns are the DSD's dimensions in DSD order, every coded value is a code of its codelist, every
  series key and period is unique, UNIT_MULT is one per series key, DECIMALS is on every number.
- pysdmx checks the structure message against the SDMX-ML 2.1 XML schema, reads DATA.csv with the
  structure as its schema (typed numbers, not strings) and writes it
  back as SDMX-CSV 2.0 to PYSDMX_OUT.csv (svctrade's test imports that file again).

Prints one line per client; exits 1 on a failed check, 3 when sdmx1 or pysdmx[xml] is missing
(`python3 -m pip install pysdmx[xml] sdmx1`, as .ci/run does).
"""

import csv
import sys
from collections import defaultdict

try:
    import sdmx
    import pysdmx
    from pysdmx.io import get_datasets, read_sdmx, write_sdmx
    from pysdmx.io.format import Format
    import pysdmx.io.xml  # noqa: F401  (the extra pysdmx needs for SDMX-ML)
except ImportError as e:
    print(f"missing Python package: {e}; install with python3 -m pip install 'pysdmx[xml]' sdmx1", file=sys.stderr)
    sys.exit(3)


def fail(message):
    print(f"FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def check_with_sdmx1(structure, path, flow_id):
    flow = structure.dataflow[flow_id]
    dsd = flow.structure
    dimensions = [d.id for d in dsd.dimensions]
    with open(path, newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    columns = [c for c in header if c not in ("STRUCTURE", "STRUCTURE_ID", "ACTION")]
    if columns[: len(dimensions)] != dimensions:
        fail(f"{path}: columns {columns[:len(dimensions)]} are not the dimensions of {dsd.id} in DSD order {dimensions}")
    message = sdmx.read_sdmx(path, structure=flow)
    observations = [o for ds in message.data for o in ds.obs]
    if not observations:
        fail(f"{path}: sdmx1 read no observations")
    coded = {}
    for d in dsd.dimensions:
        rep = d.local_representation
        if rep is not None and rep.enumerated is not None:
            coded[d.id] = {c.id for c in rep.enumerated}
    attribute_lists = {}
    for a in dsd.attributes:
        rep = a.local_representation
        if rep is not None and rep.enumerated is not None:
            attribute_lists[a.id] = {c.id for c in rep.enumerated}
    keys = set()
    multipliers = defaultdict(set)
    for o in observations:
        values = {k: str(v.value) for k, v in o.dimension.values.items()}
        for dim, codes in coded.items():
            if values[dim] not in codes:
                fail(f"{path}: {dim} {values[dim]!r} is not in its codelist")
        key = tuple(values[d] for d in dimensions)
        if key in keys:
            fail(f"{path}: the key {'.'.join(key)} appears twice")
        keys.add(key)
        attributes = {k: str(v.value) for k, v in o.attached_attribute.items()}
        for name, codes in attribute_lists.items():
            if attributes.get(name, "") not in codes | {""}:
                fail(f"{path}: {name} {attributes.get(name)!r} is not in its codelist")
        if attributes.get("DECIMALS", "") == "":
            fail(f"{path}: {'.'.join(key)} has no DECIMALS")
        multipliers[key[:-1]].add(attributes.get("UNIT_MULT"))
    varying = [k for k, v in multipliers.items() if len(v) > 1]
    if varying:
        fail(f"{path}: UNIT_MULT varies within {len(varying)} series keys, e.g. {'.'.join(varying[0])}")
    return len(observations), len(multipliers)


def main():
    if len(sys.argv) != 5:
        fail(__doc__)
    structure_path, data_path, copies_path, out_path = sys.argv[1:]
    structure = sdmx.read_sdmx(structure_path)
    flows = sorted(structure.dataflow)
    lists = len(structure.codelist)
    n, series = check_with_sdmx1(structure, data_path, "DF_SVC_TRADE")
    copies, copy_series = check_with_sdmx1(structure, copies_path, "DF_SVC_TRADE_COPIES")
    print(
        f"sdmx1 {sdmx.__version__}: structure {', '.join(flows)}, {lists} codelists; "
        f"DF_SVC_TRADE {n} observations in {series} series, DF_SVC_TRADE_COPIES {copies} in {copy_series}; "
        "every code in its codelist, dimensions in DSD order, keys unique, one UNIT_MULT per key"
    )

    # pysdmx checks an SDMX-ML message against the official SDMX-ML 2.1 XML schema (validate=True).
    artefacts = len(read_sdmx(structure_path, validate=True).structures)
    datasets = get_datasets(data_path, structure_path)
    if len(datasets) != 1:
        fail(f"pysdmx read {len(datasets)} datasets")
    ds = datasets[0]
    if type(ds.structure).__name__ != "Schema":
        fail(f"pysdmx did not take the structure as the schema: {type(ds.structure).__name__}")
    df = ds.data
    types = {c: str(df[c].dtype) for c in ("OBS_VALUE", "DECIMALS", "FIGURE")}
    if not types["OBS_VALUE"].startswith(("double", "float")) or not types["DECIMALS"].startswith("int"):
        fail(f"pysdmx typed the columns as {types}")
    sel = df[
        (df.REF_AREA == "CN") & (df.INT_ACC_ITEM == "S") & (df.ACCOUNTING_ENTRY == "T") & (df.UNIT_MEASURE == "CNY")
        & (df.ACCUMULATION == "YTD") & (df.TIME_PERIOD == "2021-04")
    ]
    if len(sel) != 1:
        fail(f"pysdmx: {len(sel)} rows for CN total services January–April 2021")
    row = sel.iloc[0]
    yuan = round(row.OBS_VALUE * 10 ** int(row.UNIT_MULT))
    write_sdmx(datasets, sdmx_format=Format.DATA_SDMX_CSV_2_0_0, output_path=out_path)
    print(
        f"pysdmx {pysdmx.__version__}: the structure message is valid against the SDMX-ML 2.1 schema ({artefacts} artefacts); "
        f"{len(df)} observations of {ds.short_urn} with the structure as schema; "
        f"OBS_VALUE {types['OBS_VALUE']}, DECIMALS {types['DECIMALS']}; "
        f"CN total services 2021 Jan–Apr {yuan} yuan (DECIMALS {row.DECIMALS}); written back as SDMX-CSV 2.0"
    )


main()
