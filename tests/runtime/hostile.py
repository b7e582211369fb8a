"""What misbehaving servers send, as raw writers for the test server (``Reply(raw=...)``).

Each function returns a writer that puts a whole answer on the socket itself, byte by byte when it
wants: a body dripped slowly, headers that never end, a chunked body that never ends. Every writer
stops when the server stops (the event) or when the client hangs up (an ``OSError``, which the
server swallows), so no test can leave one running.

``gzip_bomb`` is a body, not a writer: a small gzip stream that inflates to many megabytes.
"""

from __future__ import annotations

import socket
import threading
import zlib
from collections.abc import Callable

Writer = Callable[[socket.socket, threading.Event], None]


def _head(status: str, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status}", *(f"{name}: {value}" for name, value in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def dripped_body(interval: float, length: int, content_type: str = "application/json") -> Writer:
    """Complete headers announcing ``length`` bytes, then one byte of body every ``interval`` seconds.

    Each byte arrives well within any per-read timeout, so only a deadline for the whole call ends it.
    """

    def write(sock: socket.socket, stopping: threading.Event) -> None:
        sock.sendall(_head("200 OK", {"Content-Type": content_type, "Content-Length": str(length)}))
        for _ in range(length):
            if stopping.wait(interval):
                return
            sock.sendall(b" ")

    return write


def endless_headers(interval: float) -> Writer:
    """A status line, then one header byte every ``interval`` seconds: the headers never end."""

    def write(sock: socket.socket, stopping: threading.Event) -> None:
        sock.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
        while not stopping.wait(interval):
            sock.sendall(b"a")

    return write


def endless_chunked_body(chunk_size: int = 64 * 1024) -> Writer:
    """A chunked body sent as fast as the client reads it, without a last chunk."""

    def write(sock: socket.socket, stopping: threading.Event) -> None:
        sock.sendall(_head("200 OK", {"Content-Type": "application/json", "Transfer-Encoding": "chunked"}))
        chunk = f"{chunk_size:x}\r\n".encode() + b" " * chunk_size + b"\r\n"
        while not stopping.is_set():
            sock.sendall(chunk)

    return write


def gzip_bomb(inflated_size: int) -> bytes:
    """A gzip stream of ``inflated_size`` spaces (about a thousandth of that on the wire).

    Built piece by piece, so making it never holds the inflated bytes in memory.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    piece = b" " * (1024 * 1024)
    parts = []
    left = inflated_size
    while left > 0:
        parts.append(compressor.compress(piece[: min(left, len(piece))]))
        left -= len(piece)
    parts.append(compressor.flush())
    return b"".join(parts)
