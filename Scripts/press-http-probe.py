#!/usr/bin/env python3
"""Raw-socket probes of `svctrade serve` (used by the end-to-end tests): requests that a browser or
curl cannot send (no Host, two Hosts, an overlong UTF-8 path, a broken request line) and a flood of
connections beyond the server's limit. Prints one JSON object: per probe, the status and whether the
security headers came back.

    press-http-probe.py PORT HOLD   (HOLD: connections to hold open before the over-limit probe)
"""
import json
import socket
import sys
import time

port = int(sys.argv[1])
hold = int(sys.argv[2])


def exchange(raw, timeout=10):
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    s.sendall(raw)
    data = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
            if b"\r\n\r\n" in data:
                head, _, body = data.partition(b"\r\n\r\n")
                length = [int(l.split(b":")[1]) for l in head.lower().split(b"\r\n") if l.startswith(b"content-length:")]
                if length and len(body) >= length[0]:
                    break
    except OSError:
        pass  # a timeout, or a reset after the answer: keep what arrived
    s.close()
    return data


def summary(data):
    head = data.partition(b"\r\n\r\n")[0].decode("latin-1")
    lines = head.split("\r\n")
    status = int(lines[0].split(" ")[1]) if lines and lines[0].startswith("HTTP/") else 0
    names = {l.split(":")[0].strip().lower(): l.split(":", 1)[1].strip() for l in lines[1:] if ":" in l}
    return {
        "status": status,
        "secure": names.get("x-content-type-options") == "nosniff" and "content-security-policy" in names,
        "retry_after": names.get("retry-after"),
    }


out = {}
out["no_host"] = summary(exchange(b"GET /api/months HTTP/1.1\r\n\r\n"))
out["two_hosts"] = summary(exchange(b"GET /api/months HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"))
out["overlong_utf8"] = summary(exchange(b"GET /\xc0\xaf HTTP/1.1\r\nHost: x\r\n\r\n"))
out["broken_line"] = summary(exchange(b"GET\x00 / HTTP/1.1\r\nHost: x\r\n\r\n"))
out["good"] = summary(exchange(b"GET /api/months HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
held = [socket.create_connection(("127.0.0.1", port)) for _ in range(hold)]
time.sleep(0.5)
out["over_limit"] = summary(exchange(b"GET /api/months HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
for s in held:
    s.close()
time.sleep(0.5)
out["after_release"] = summary(exchange(b"GET /api/months HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
print(json.dumps(out, sort_keys=True))
