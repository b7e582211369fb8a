"""A tiny, fast HTTP/1.1 keep-alive server on 127.0.0.1 answering canned JSON (run in its own process).

    python tests/bench/bench_server.py ROUTES.json

``ROUTES.json`` maps a path suffix (query string excluded) to the JSON body answered with 200. Any
request that carries neither an ``Authorization`` header nor an ``api_token`` query parameter (except
the login route) gets a 401, so the benchmarks cannot silently compare an authenticated call with an
unauthenticated one. The server prints ``PORT <n>`` once it listens and runs until it is terminated or
its stdin closes (so it never outlives the benchmark that started it).

Pure asyncio protocol, no framework: parsing a request is a few ``bytes.find`` calls, so the server
costs the same few microseconds whichever client is being measured.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path


def _response(status: bytes, body: bytes) -> bytes:
    head = b"HTTP/1.1 " + status + b"\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
    return head % len(body) + body


class Routes:
    def __init__(self, table: dict[str, object]) -> None:
        self.table = [
            (suffix.encode(), _response(b"200 OK", json.dumps(body).encode())) for suffix, body in table.items()
        ]
        self.not_found = _response(b"404 Not Found", b'{"error": "no such route"}')
        self.unauthorized = _response(b"401 Unauthorized", b'{"error": "no credentials"}')

    def answer(self, target: bytes, head: bytes) -> bytes:
        path = target.split(b"?", 1)[0]
        for suffix, response in self.table:
            if path.endswith(suffix):
                if b"/login" in suffix or b"\r\nauthorization:" in head or b"api_token=" in target:
                    return response
                return self.unauthorized
        return self.not_found


class HttpProtocol(asyncio.Protocol):
    def __init__(self, routes: Routes) -> None:
        self.routes = routes
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        buffer = self.buffer + data
        out = []
        while True:
            end = buffer.find(b"\r\n\r\n")
            if end < 0:
                break
            head = buffer[:end].lower()
            length = 0
            at = head.find(b"\r\ncontent-length:")
            if at >= 0:
                stop = head.find(b"\r\n", at + 2)
                length = int(head[at + 17 : stop if stop >= 0 else len(head)])
            total = end + 4 + length
            if len(buffer) < total:
                break
            line_end = head.find(b"\r\n")
            target = buffer[:line_end].split(b" ")[1]
            out.append(self.routes.answer(target, head))
            buffer = buffer[total:]
        self.buffer = buffer
        if out and self.transport is not None:
            self.transport.write(b"".join(out))


async def serve(routes: Routes) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: HttpProtocol(routes), "127.0.0.1", 0, backlog=512)
    port = server.sockets[0].getsockname()[1]
    print(f"PORT {port}", flush=True)
    # Stop when the parent closes our stdin (or dies): never leave a server behind.
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    async with server:
        await reader.read()


@contextlib.contextmanager
def running(routes: dict[str, object]) -> Iterator[int]:
    """Start the server in a child process; yield its port; stop it (and wait for it) on exit."""
    with tempfile.TemporaryDirectory(prefix="accountkit-bench-") as tmp:
        table = Path(tmp) / "routes.json"
        table.write_text(json.dumps(routes), encoding="utf-8")
        process = subprocess.Popen(
            [sys.executable, __file__, str(table)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        try:
            assert process.stdout is not None
            line = process.stdout.readline()
            if not line.startswith("PORT "):
                raise RuntimeError(f"bench server did not start: {line!r}")
            yield int(line.split()[1])
        finally:
            if process.stdin is not None:
                process.stdin.close()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.terminate()
                process.wait(timeout=5)
            if process.stdout is not None:
                process.stdout.close()


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as f:
        routes = Routes(json.load(f))
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(routes))


if __name__ == "__main__":
    main()
