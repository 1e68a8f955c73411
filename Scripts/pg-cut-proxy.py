#!/usr/bin/env python3
"""A loopback proxy in front of a PostgreSQL server that stops the server in the middle of a COPY
(used by the outage test): it forwards both ways and reads the server's messages; when the server
says it is ready for COPY data (CopyInResponse, 'G'), the client's COPY data is no longer passed on
(so the COPY cannot finish, however fast the client is), the given command runs (it stops the server
at once), and both sides are closed.

    pg-cut-proxy.py UPSTREAM_PORT COMMAND...   (prints the proxy's port, then serves)
"""
import os
import signal
import socket
import struct
import subprocess
import sys
import threading

# A test runner may start us with signals blocked: let SIGTERM and SIGINT end us as usual.
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
upstream_port = int(sys.argv[1])
command = sys.argv[2:]
cut = threading.Event()


def stop_server():
    """Runs the command that stops the server; the proxy has done its one job and ends soon after."""
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    threading.Timer(5, lambda: os._exit(0)).start()


def pump(src, dst, watch):
    buffer = b""
    started = False  # past the untyped start-up exchange
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            if watch and not cut.is_set():
                buffer += data
                if not started and buffer[:1] == b"N":
                    buffer = buffer[1:]  # "no TLS", the one-byte answer to an SSLRequest
                started = True
                while len(buffer) >= 5:
                    kind = buffer[:1]
                    length = struct.unpack("!I", buffer[1:5])[0]
                    if len(buffer) < 1 + length:
                        break
                    buffer = buffer[1 + length:]
                    if kind == b"G":
                        cut.set()
                        threading.Thread(target=stop_server, daemon=True).start()
            if not watch and cut.is_set():
                continue  # the client's COPY data: held back, the server stops before it arrives
            dst.sendall(data)
    except OSError:
        pass
    for s in (src, dst):
        try:
            s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


listener = socket.socket()
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", 0))
listener.listen()
print(listener.getsockname()[1], flush=True)
while True:
    client, _ = listener.accept()
    try:
        server = socket.create_connection(("127.0.0.1", upstream_port))
    except OSError:
        client.close()
        continue
    threading.Thread(target=pump, args=(client, server, False), daemon=True).start()
    threading.Thread(target=pump, args=(server, client, True), daemon=True).start()
