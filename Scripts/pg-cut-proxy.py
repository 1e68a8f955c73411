#!/usr/bin/env python3
"""A loopback proxy in front of a PostgreSQL server that stops the server in the middle of a COPY
(used by the outage test): it forwards both ways, reads the server's messages, and when the server
says it is ready for COPY data (CopyInResponse, 'G') it lets the first chunk of data through, then
runs the given command (which stops the server at once) and keeps forwarding until both sides close.

    pg-cut-proxy.py UPSTREAM_PORT COMMAND...   (prints the proxy's port, then serves)
"""
import socket
import struct
import subprocess
import sys
import threading

upstream_port = int(sys.argv[1])
command = sys.argv[2:]
cut = threading.Event()


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
                        threading.Timer(0.05, lambda: subprocess.run(command)).start()
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
