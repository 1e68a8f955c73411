#!/usr/bin/env python3
"""Copies the published-figure files into datasets/ with two columns added: `publisher` and `published_on`.

Run from the repository root with the research folder beside it:

    python3 Scripts/annotate-sources.py ../shared/data

- `publisher`: the agency whose figures a row holds, whatever the site it was read at: `MOFCOM` for
  MOFCOM's national series and the regional aggregates of its releases, `SAFE` for the
  balance-of-payments months (scope `China (SAFE BoP)`).
- `published_on`: the date the address itself gives (`/2022/0531/`, `/2023-05/11/`, `/202305/12/`,
  `/20241012/`), `YYYY-MM-DD`; `YYYY-MM` when the address gives only the month (MOFCOM's own
  `/202204/2022040330…` pages); empty when it gives neither. Never guessed from the text.

Numbers, rows and their order are copied unchanged, so file line numbers stay the same. The host
classification is copied to datasets/source-hosts.csv as it is.
"""
import csv
import re
import shutil
import sys
from urllib.parse import urlparse

FILES = ["mofcom-published-2017-2022.csv", "mofcom-published-2023-2025.csv", "safe-bop-services-2017-2025.csv"]

PATTERNS = [
    re.compile(r"/(20\d\d)/(\d\d)(\d\d)/"),          # /2022/0531/
    re.compile(r"/(20\d\d)-(\d\d)/(\d\d)/"),         # /2023-05/11/
    re.compile(r"/(20\d\d)(\d\d)/(\d\d)/"),          # /202305/12/
    re.compile(r"/(20\d\d)/(\d\d)/(\d\d)/"),         # /2017/10/31/
    re.compile(r"/(20\d\d)-(\d\d)-(\d\d)/"),         # /2019-02-13/
    re.compile(r"/(20\d\d)(\d\d)(\d\d)/"),           # /20241012/
    re.compile(r"/(20\d\d)-(\d\d)/(\d\d)/"),
]
MONTH_ONLY = re.compile(r"/(20\d\d)(\d\d)/\1\2\d{6,}\.s?html")  # MOFCOM: /202204/20220403301609.shtml


def published_on(url: str) -> str:
    for p in PATTERNS:
        m = p.search(url)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    m = MONTH_ONLY.search(url)
    if m:
        return f"{m.group(1)}-{m.group(2)}"
    return ""


def publisher(scope: str) -> str:
    return "SAFE" if "SAFE" in scope else "MOFCOM"


def main(src: str) -> None:
    hosts = {r["host"] for r in csv.DictReader(open(f"{src}/source-hosts.csv", encoding="utf-8"))}
    for name in FILES:
        rows = list(csv.DictReader(open(f"{src}/{name}", encoding="utf-8", newline="")))
        fields = list(rows[0].keys()) + ["publisher", "published_on"]
        with open(f"datasets/{name}", "w", encoding="utf-8", newline="") as out:
            w = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
            w.writeheader()
            for r in rows:
                host = (urlparse(r["source_url"]).hostname or "").rstrip(".")
                if host not in hosts:
                    sys.exit(f"{name}: host {host} is not classified in source-hosts.csv")
                r["publisher"] = publisher(r["scope"])
                r["published_on"] = published_on(r["source_url"])
                w.writerow(r)
        print(f"datasets/{name}: {len(rows)} rows, {sum(1 for r in rows if len(r['published_on']) == 10)} with a day, "
              f"{sum(1 for r in rows if len(r['published_on']) == 7)} with a month only")
    shutil.copyfile(f"{src}/source-hosts.csv", "datasets/source-hosts.csv")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
