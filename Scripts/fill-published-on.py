#!/usr/bin/env python3
"""Fills the empty `published_on` cells of the published-figure files, where the date can be established.

Run from the repository root with the research folder beside it:

    python3 Scripts/fill-published-on.py [../shared/data]           # fill, then print the summary
    python3 Scripts/fill-published-on.py --check [../shared/data]   # change nothing; exit 1 if a run would

`published_on` is the date of the page a figure was read from (`YYYY-MM-DD`, or `YYYY-MM` when only
the month can be established; the importer reads a month alone as its last day). An empty cell is
filled, in this order, from:

1. the source data: a `published_on` column of the same row (same line, same `source_url`) in the
   research folder's copy of the file, if it has one (today none of them does);
2. the address, when a path element is unambiguously a date (see ADDRESS_DAY / ADDRESS_MONTH);
3. the page's own dateline, read on a stored copy of the page and listed in PAGE_DATELINES with what
   was read (a date in an article id alone is never enough; see below);
4. another row read at the same page (same `source_url`, host compared without case and without a
   trailing dot): one page has one date.

Never from the reference period, never from the page text. A cell that already holds a date is never
changed: a disagreement with the address or with another row of the page is printed instead, as is a
date that cannot be true (on or before the last day of the row's `period_to` month).

Not accepted as dates (checked on the rows of these files):
- MOFCOM's file names `/202204/20220403301609.shtml`: the two digits after the month are `03` on every
  MOFCOM page in the files (`00` on one ipraction.gov.cn page), and the digits after them increase
  with time across pages (03002852 in 2020-09 … 03465387 in 2024-01): a serial, not a day. Only the
  directory's month is taken.
- Date-like runs inside an article id (`finance.stockstar.com/JC2018101000009370.shtml`,
  `apecsme.org/shangye/2020090419498.html`, `m.segye.com/view/20250912509665`,
  `www.shine.cn/biz/economy/2012031035/`, …): often the day of the page, but not always — the
  stockstar page "JC20181010…" reports January–September 2017 as "released by MOFCOM on the 7th"
  (7 November 2017), eleven months before the id's date.
- Query strings (`?utm_content=20211003`, `?p=3721`): feed or CMS parameters, not the page's date.

The files keep their bytes: rows are written back with the csv module's default dialect and `\\n`
line ends, which reproduces every file exactly (checked before anything is written); only the
`published_on` cell of filled rows changes. A second run changes nothing.
"""
import calendar
import csv
import datetime
import io
import re
import sys
from collections import Counter, defaultdict
from urllib.parse import urlsplit

FILES = ["mofcom-published-2017-2022.csv", "mofcom-published-2023-2025.csv", "safe-bop-services-2017-2025.csv"]

Y, M, D = r"(20[0-4]\d)", r"(0[1-9]|1[0-2])", r"(0[1-9]|[12]\d|3[01])"

# Whole path elements (or an ISO date opening a slug). Matched against the path only, never the query.
ADDRESS_DAY = [
    ("/YYYY/MMDD/", re.compile(rf"/{Y}/{M}{D}/")),                        # /n3/2022/0531/
    ("/YYYY/MM/DD/", re.compile(rf"/{Y}/{M}/{D}/")),                      # /2017/10/31/
    ("/YYYY-MM/DD/", re.compile(rf"/{Y}-{M}/{D}/")),                      # /2023-05/11/
    ("/YYYYMM/DD/", re.compile(rf"/{Y}{M}/{D}/")),                        # /a/202305/12/
    ("/YYYY-MM-DD", re.compile(rf"/{Y}-{M}-{D}(?=[/-])")),                # /2019-02-13/, /2020-09-07-ministry-…
    ("/YYYYMMDD/", re.compile(rf"/{Y}{M}{D}/")),                          # /amp/20221013/
    ("/YYYYMM/tYYYYMMDD_", re.compile(rf"/{Y}{M}/t\1\2{D}_\d+\.s?html?$")),  # TRS: /201711/t20171109_3639566.html
]
ADDRESS_MONTH = [
    ("/YYYYMM/", re.compile(rf"/{Y}{M}/")),                               # /page/202102/1214955.shtml, MOFCOM /202204/…
    ("/YYYY/MM/", re.compile(rf"/{Y}/{M}/")),                             # /2020/05/chinas-total-services-…
]


# Pages whose dateline was read on a stored copy of the page: address -> (date, what the page shows).
PAGE_DATELINES = {
    "https://m.segye.com/view/20250912509665?OutUrl=google": ("2025-09-12", "article header, input date 2025-09-12"),
    "https://www.shine.cn/biz/economy/2012031035/": ("2020-12-03", "byline date Dec 3, 2020"),
    "https://www.hellenicshippingnews.com/chinas-service-trade-maintains-steady-growth/": (
        "2019-11-04", "post date November 4, 2019"),
    "https://www.nationthailand.com/international/40017486": ("2022-07-07", "published Jul 07, 2022"),
    "http://apecsme.org/shangye/2020090419498.html": ("2020-09-04", "page time 2020-09-04"),
    "http://chinarong.cn/qihuopeizi/2020080613691.html": ("2020-08-06", "page time 2020-08-06"),
    "https://finance.stockstar.com/JC2019080600000032.shtml": ("2019-08-06", "page dateline 2019-08-06"),
    "https://www.economidaily.com/view/20250430134070343": ("2025-04-30", "article date 2025-04-30"),
    "http://www.crapshirt.com/article/newsrelease/press/202106/20210603069409.shtml": (
        "2021-06-03", "transcript of MOFCOM's regular press conference of 3 June 2021 (mirror copy)"),
    "https://www.globaltimes.cn/page/202512/1349678.shtml": ("2025-12-03", "published Dec 03, 2025"),
    "https://www.marketscreener.com/news/latest/Central-People-Government-of-People-Re-China-s-service-trade-up-9-4-in-Jan-Aug--36589490/?utm_medium=RSS&utm_content=20211003": (
        "2021-10-03", "timestamp 10/03/2021 09:11am EDT"),
    "http://www.chinesetoday.com/?c=224&m=42893": ("2025-08-08", "dateline 2025/8/8 under the headline"),
    "https://en.imsilkroad.com/p/322436.html": ("2021-06-30", "June 30, 2021; BEIJING, June 30 (Xinhua)"),
    "http://russian.hisupplier.com/message/134.html": ("2018-07-06", "timestamp 2018-07-06 08:07:03"),
    # No dateline in the text; the date of the stored copy, which is on or after the page's publication.
    "https://news.livedoor.com/article/detail/30149792/": ("2025-12-06", "date of the stored copy"),
    "https://www.livetradingnews.com/chinas-service-trade-thrives-a-comprehensive-look-at-the-past-and-present-223583.html": (
        "2023-12-02", "date of the stored copy"),
    "http://www.globaltimes.cn/content/1165854.shtml": ("2019-09-29", "date of the stored copy"),
}


def valid(y: str, m: str, d: str) -> bool:
    try:
        datetime.date(int(y), int(m), int(d))
        return True
    except ValueError:
        return False


def address_date(url: str) -> tuple[str, str]:
    """(date, pattern) the address gives, ("", "") when none; ("?", patterns) when its dates disagree."""
    path = urlsplit(url).path
    days = {}
    for name, p in ADDRESS_DAY:
        for m in p.finditer(path):
            y, mo, d = m.group(1), m.group(2), m.groups()[-1]
            if valid(y, mo, d):
                days.setdefault(f"{y}-{mo}-{d}", name)
    if len(days) > 1:
        return "?", " ".join(sorted(days.values()))
    if days:
        return next(iter(days.items()))
    months = {}
    for name, p in ADDRESS_MONTH:
        for m in p.finditer(path):
            months.setdefault(f"{m.group(1)}-{m.group(2)}", name)
    if len(months) > 1:
        return "?", " ".join(sorted(months.values()))
    if months:
        return next(iter(months.items()))
    return "", ""


def page_key(url: str) -> str:
    s = urlsplit(url)
    return f"{s.scheme}://{(s.hostname or '').rstrip('.')}{':' + str(s.port) if s.port else ''}{s.path}" + (
        f"?{s.query}" if s.query else "")


def host(url: str) -> str:
    return (urlsplit(url).hostname or "").rstrip(".")


def impossible(published: str, period_to: str) -> bool:
    """A page can't carry a figure before the period's last month is over."""
    if len(published) == 7:
        return published <= period_to
    y, m = int(period_to[:4]), int(period_to[5:7])
    return published <= f"{period_to}-{calendar.monthrange(y, m)[1]:02d}"


def serialize(fields, rows) -> str:
    out = io.StringIO(newline="")
    w = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return out.getvalue()


def main(args: list[str]) -> int:
    check = "--check" in args
    args = [a for a in args if a != "--check"]
    src = args[0] if args else "../shared/data"

    files = {}
    for name in FILES:
        raw = open(f"datasets/{name}", encoding="utf-8", newline="").read()
        rows = list(csv.DictReader(io.StringIO(raw, newline="")))
        fields = list(rows[0].keys())
        if serialize(fields, rows) != raw:
            sys.exit(f"datasets/{name}: the csv module does not reproduce the file byte for byte; nothing written")
        source = []
        try:
            source = list(csv.DictReader(open(f"{src}/{name}", encoding="utf-8", newline="")))
        except FileNotFoundError:
            print(f"note: {src}/{name} not found; no dates from the source data")
        files[name] = (raw, fields, rows, source)

    warnings = []
    method = {}   # (file, line) -> how the row's date was established
    filled = Counter()

    # 1 and 2: the source data, then the address.
    for name, (_, _, rows, source) in files.items():
        for i, r in enumerate(rows):
            line = i + 2
            addr, pattern = address_date(r["source_url"])
            if addr == "?":
                warnings.append(f"{name}:{line}: the address gives different dates ({pattern}): {r['source_url']}")
                addr = ""
            given = ""
            if i < len(source) and source[i].get("source_url") == r["source_url"]:
                given = (source[i].get("published_on") or "").strip()
            if r["published_on"]:
                if given and given != r["published_on"]:
                    warnings.append(f"{name}:{line}: published_on {r['published_on']}, the source data says {given}")
                if addr and not r["published_on"].startswith(addr):
                    warnings.append(f"{name}:{line}: published_on {r['published_on']}, the address gives {addr}")
                method[(name, line)] = "source data" if given == r["published_on"] else (
                    "address" if addr == r["published_on"] else None)
                continue
            if given:
                r["published_on"] = given
                method[(name, line)] = "source data"
                filled["source data"] += 1
            elif addr:
                r["published_on"] = addr
                method[(name, line)] = "address"
                filled["address"] += 1

    # 3: the page's own dateline.
    datelines = {page_key(url): date for url, (date, _) in PAGE_DATELINES.items()}
    for name, (_, _, rows, _) in files.items():
        for i, r in enumerate(rows):
            date = datelines.get(page_key(r["source_url"]))
            if date is None:
                continue
            if not r["published_on"]:
                r["published_on"] = date
                method[(name, i + 2)] = "dateline"
                filled["dateline"] += 1
            elif r["published_on"] == date:
                method[(name, i + 2)] = "dateline"
            else:
                warnings.append(f"{name}:{i + 2}: published_on {r['published_on']}, the page's dateline says {date}")

    # 4: another row of the same page (over all files).
    page_dates = defaultdict(set)
    for name, (_, _, rows, _) in files.items():
        for r in rows:
            if r["published_on"]:
                page_dates[page_key(r["source_url"])].add(r["published_on"])
    for page, dates in sorted(page_dates.items()):
        if len(dates) > 1:
            warnings.append(f"one page, several dates {sorted(dates)}: {page}")
    for name, (_, _, rows, _) in files.items():
        for i, r in enumerate(rows):
            dates = page_dates.get(page_key(r["source_url"]), set())
            if len(dates) != 1:
                continue
            (date,) = dates
            if not r["published_on"]:
                r["published_on"] = date
                method[(name, i + 2)] = "same page"
                filled["same page"] += 1
            elif method.get((name, i + 2)) is None and r["published_on"] == date:
                method[(name, i + 2)] = "same page"

    changed = []
    for name, (raw, fields, rows, _) in files.items():
        for i, r in enumerate(rows):
            if r["published_on"] and impossible(r["published_on"], r["period_to"]):
                warnings.append(f"{name}:{i + 2}: published_on {r['published_on']} is not after period_to "
                                f"{r['period_to']}: {r['source_url']}")
        text = serialize(fields, rows)
        if text != raw:
            changed.append(name)
            if not check:
                with open(f"datasets/{name}", "w", encoding="utf-8", newline="") as out:
                    out.write(text)

    for w in warnings:
        print("warning:", w)
    verb = "would fill" if check else "filled"
    print(f"{verb}: " + (", ".join(f"{n} from {m}" for m, n in filled.items()) or "nothing"))
    summary(files, method)
    return 1 if check and changed else 0


def summary(files, method) -> None:
    """Counts per method and per file, and what stays unknown (per host, with the periods)."""
    print("\n| file | rows | source data | address (day) | address (month) | dateline | same page | unknown |")
    print("|---|---|---|---|---|---|---|---|")
    unknown = defaultdict(list)
    for name, (_, _, rows, _) in files.items():
        c = Counter()
        for i, r in enumerate(rows):
            p, m = r["published_on"], method.get((name, i + 2))
            if not p:
                c["unknown"] += 1
                unknown[host(r["source_url"])].append((r["period_from"], r["period_to"], r["source_url"]))
            elif m == "address":
                c["address (day)" if len(p) == 10 else "address (month)"] += 1
            else:
                c[m or "unexplained"] += 1
        print(f"| {name} | {len(rows)} | " + " | ".join(
            str(c[k]) for k in ["source data", "address (day)", "address (month)", "dateline", "same page", "unknown"]) + " |")
        if c["unexplained"]:
            print(f"warning: {name}: {c['unexplained']} dates match neither the source data, the address nor the page")
    print(f"\nunknown: {sum(len(v) for v in unknown.values())} rows, {len(unknown)} hosts\n")
    kinds = {}
    try:
        kinds = {r["host"]: r["kind"] for r in csv.DictReader(open("datasets/source-hosts.csv", encoding="utf-8"))}
    except FileNotFoundError:
        pass
    print("| host | kind | rows | periods |")
    print("|---|---|---|---|")
    for h, items in sorted(unknown.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        periods = ", ".join(span(f, t) for f, t in sorted({(f, t) for f, t, _ in items}, key=lambda ft: (ft[1], ft[0])))
        print(f"| {h} | {kinds.get(h, '?')} | {len(items)} | {periods} |")


def span(frm: str, to: str) -> str:
    """`2019 1–5` for January–May 2019, `2019-05` for May alone, else `from–to`."""
    if frm == to:
        return frm
    if frm[:4] == to[:4] and frm[5:] == "01":
        return f"{frm[:4]} 1–{int(to[5:])}"
    return f"{frm}–{to}"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
