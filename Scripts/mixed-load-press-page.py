#!/usr/bin/env python3
"""Mixed load on a running `svctrade serve`: cached pages, uncached months, an import in a loop and
idle half-open connections, all at once, for a fixed time. Prints p50/p99 per kind of request, the
errors, and the server's memory before, during and after.

    Scripts/mixed-load-press-page.py --base http://127.0.0.1:PORT --pid PID --svctrade BIN --db DB \
        [--seconds 30] [--clients 8] [--idle 200]

Started by Scripts/mixed-load-press-page.sh, which builds the release binary and the store.
"""
import argparse
import json
import http.client
import socket
import subprocess
import tempfile
import threading
import time
from urllib.parse import urlsplit


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1])
    return 0


def percentile(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    k = min(len(s) - 1, max(0, int(round(p / 100 * (len(s) - 1)))))
    return s[k]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--pid", type=int, required=True)
    ap.add_argument("--svctrade", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--idle", type=int, default=200)
    a = ap.parse_args()
    host = urlsplit(a.base).hostname
    port = urlsplit(a.base).port

    lock = threading.Lock()
    latency = {"cached": [], "uncached": [], "api": []}
    errors = {"cached": 0, "uncached": 0, "api": 0, "import": 0}
    imports = [0]
    stop = time.monotonic() + a.seconds

    def get(kind, path):
        t0 = time.monotonic()
        try:
            c = http.client.HTTPConnection(host, port, timeout=30)
            c.request("GET", path)
            r = c.getresponse()
            r.read()
            ok = r.status == 200
            c.close()
        except Exception:
            ok = False
        dt = time.monotonic() - t0
        with lock:
            if ok:
                latency[kind].append(dt)
            else:
                errors[kind] += 1

    cached_page = "/figures?month=2021-04&lang=both&vs=2019"
    get("cached", cached_page)  # warm

    def cached_client():
        while time.monotonic() < stop:
            get("cached", cached_page)
            get("api", "/api/months")

    c = http.client.HTTPConnection(host, port, timeout=30)
    c.request("GET", "/api/months")
    offered = json.loads(c.getresponse().read()).get("months", [])
    c.close()
    months = [m for m in offered if m != "2021-04"] or ["2021-04"]

    def uncached_client():
        k = 0
        while time.monotonic() < stop:
            month = months[k % len(months)]
            vs = 2017 + (k // len(months)) % 3
            comparison = f"&vs={vs}" if vs < int(month[:4]) else ""  # a base year before the month's
            get("uncached", f"/figures?month={month}&lang=en{comparison}")
            k += 1

    def importer():
        n = 0
        with tempfile.TemporaryDirectory() as d:
            while time.monotonic() < stop:
                n += 1
                path = f"{d}/extra-{n}.csv"
                with open(path, "w") as f:
                    f.write("period,region,sector,flow,value,unit\n")
                    f.write(f"2019-0{1 + n % 9},R001,SC,export,{100 + n},CNY 10k\n")
                r = subprocess.run(
                    [a.svctrade, "import", path, "--db", a.db, "--release", f"load-{n}-{time.time_ns()}"],
                    capture_output=True)
                with lock:
                    if r.returncode == 0:
                        imports[0] += 1
                    else:
                        errors["import"] += 1
                time.sleep(1)

    before = rss_kb(a.pid)
    idle = []
    for _ in range(a.idle):
        try:
            s = socket.create_connection((host, port), timeout=5)
            s.sendall(b"GET /figures HTTP/1.1\r\nHost: x\r\n")  # a header never finished
            idle.append(s)
        except OSError:
            break
    threads = [threading.Thread(target=cached_client) for _ in range(a.clients)]
    threads += [threading.Thread(target=uncached_client), threading.Thread(target=importer)]
    for t in threads:
        t.start()
    peak = before
    while time.monotonic() < stop:
        peak = max(peak, rss_kb(a.pid))
        time.sleep(0.5)
    for t in threads:
        t.join()
    during = rss_kb(a.pid)
    open_idle = 0
    for s in idle:
        try:
            s.settimeout(0.01)
            data = s.recv(1)
            if data == b"":
                continue  # the server closed it
            open_idle += 1
        except socket.timeout:
            open_idle += 1  # still open, no answer
        except OSError:
            pass
    for s in idle:
        s.close()
    time.sleep(2)
    after = rss_kb(a.pid)

    print(f"mixed load, {a.seconds:.0f} s: {a.clients} clients on a cached page and /api/months, "
          f"1 client on uncached months, an import every second ({imports[0]} landed), {len(idle)} idle "
          f"half-open connections")
    for kind in ("cached", "api", "uncached"):
        v = latency[kind]
        print(f"  {kind:8s}: {len(v)} ok, {errors[kind]} errors; p50 {percentile(v, 50) * 1000:.1f} ms, "
              f"p99 {percentile(v, 99) * 1000:.1f} ms, max {max(v) * 1000 if v else float('nan'):.1f} ms")
    print(f"  imports : {imports[0]} ok, {errors['import']} errors")
    print(f"  idle connections still open at the end: {open_idle} of {len(idle)}")
    print(f"  server RSS: {before} kB before, peak {peak} kB, {during} kB at the end, {after} kB after "
          f"closing the idle connections")


if __name__ == "__main__":
    main()
