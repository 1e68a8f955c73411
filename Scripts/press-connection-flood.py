#!/usr/bin/env python3
"""A flood of connections on `svctrade serve`, each sending half a request header: how many get the
server's 503 (beyond its connection limit), and the server's memory (VmRSS) before, with them open,
and 3 s after they closed.

    press-connection-flood.py PORT SERVER_PID CONNECTIONS
"""
import socket, sys, time
port, pid, n = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
def rss():
    for l in open(f"/proc/{pid}/status"):
        if l.startswith("VmRSS"): return int(l.split()[1])
before = rss()
socks = []
for i in range(n):
    try:
        s = socket.create_connection(("127.0.0.1", port)); s.sendall(b"GET /figures HTTP/1.1\r\nHost: x\r\n"); socks.append(s)
    except OSError as e:
        pass
time.sleep(2)
peak = rss()
refused = 0
for s in socks:
    s.settimeout(0.01)
    try:
        d = s.recv(100)
        if d.startswith(b"HTTP/1.1 503"): refused += 1
    except OSError: pass
for s in socks: s.close()
time.sleep(3)
after = rss()
print(f"{n} connections: {refused} answered 503; RSS {before} kB before, {peak} kB with them open, {after} kB 3 s after they closed")
