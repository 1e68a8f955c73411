#!/usr/bin/env python3
"""Queries `svctrade serve` as an SDMX web service with sdmx1 (the Python client statistical offices
use), as a custom source: the dataflows, the data structure of DF_SVC_TRADE (with its codelists),
then a data query with a key and a period range. Prints one JSON object for the end-to-end test
(SDMXServiceEndToEndTests), which compares every number with `svctrade table`.

    sdmx-client-query.py BASE_URL KEY START_PERIOD END_PERIOD
    e.g. sdmx-client-query.py http://127.0.0.1:8080 M.CN.W1.C+D+T+B.S.CNY.CNY.P+YTD 2021-01 2021-04
"""
import json
import sys

import sdmx

base, key, start, end = sys.argv[1:5]
sdmx.add_source(
    {"id": "SVCTRADE", "url": base.rstrip("/") + "/sdmx/2.1", "name": "svctrade serve"}, override=True
)
client = sdmx.Client("SVCTRADE")

flows = client.dataflow()
flow_ids = sorted(flows.dataflow.keys())

structure = client.datastructure("DSD_SVC_TRADE", params={"references": "children"})
dsd = structure.structure["DSD_SVC_TRADE"]
dimensions = [d.id for d in dsd.dimensions.components]
codelists = {cl_id: len(cl) for cl_id, cl in structure.codelist.items()}

message = client.data(
    "DF_SVC_TRADE", key=key, params={"startPeriod": start, "endPeriod": end}, dsd=dsd
)
observations = []
for dataset in message.data:
    for obs in dataset.obs:
        values = {k: v.value for k, v in obs.key.values.items()}
        attributes = {k: str(v.value) for k, v in obs.attached_attribute.items()}
        if obs.series_key is not None:
            attributes.update({k: str(v.value) for k, v in obs.series_key.attrib.items()})
        observations.append({"key": values, "value": str(obs.value), "attributes": attributes})

print(
    json.dumps(
        {
            "dataflows": flow_ids,
            "dimensions": dimensions,
            "codelists": codelists,
            "observations": observations,
        },
        ensure_ascii=False,
        sort_keys=True,
    )
)
