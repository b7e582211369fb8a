"""A real HTTP server on 127.0.0.1 with scripted replies, for the runtime and the scale-out tests.

``MockServer`` is a small threaded HTTP/1.1 server. It records every request it receives (so tests can
assert what went on the wire, or that nothing did), can delay a reply (the delay ends at once when the
server stops), drop a connection without answering, speak TLS, and hand the socket to a raw writer for
answers no well-behaved server gives (tests/runtime/hostile.py: drips, endless headers and bodies).
"""

from __future__ import annotations

import contextlib
import http.server
import json
import socket
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit


@dataclass
class Recorded:
    """One request as the server received it."""

    method: str
    path: str  # percent-decoded
    query: list[tuple[str, str]]
    headers: dict[str, str]  # lower-case names
    body: bytes
    raw_path: str = ""  # as sent, before percent-decoding

    @property
    def params(self) -> dict[str, str]:
        return dict(self.query)

    def json(self) -> Any:
        return json.loads(self.body)

    def form(self) -> dict[str, str]:
        return dict(parse_qsl(self.body.decode()))


@dataclass
class Reply:
    status: int = 200
    json: Any = None
    body: bytes | str | None = None  # raw body, instead of ``json``
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json"
    delay: float = 0.0  # seconds to wait before answering
    drop: bool = False  # close the connection without answering
    raw: RawWriter | None = None  # answer with these bytes instead (see hostile.py); the connection then closes


Handler = Callable[[Recorded], Reply]
_Reply = Reply  # its name inside MockServer, whose own `Reply` attribute hides the class's
# Writes a whole answer (status line, headers, body) on the socket itself; returns when done, when the
# event (the server stopping) is set, or when the client hangs up (OSError).
RawWriter = Callable[[socket.socket, threading.Event], None]


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 10  # an idle keep-alive connection ends by itself
    disable_nagle_algorithm = True  # headers and body are separate writes: no 40 ms delayed-ACK stalls

    def _handle(self) -> None:
        mock: MockServer = self.server.mock  # type: ignore[attr-defined]
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        parts = urlsplit(self.path)
        recorded = Recorded(
            method=self.command,
            path=unquote(parts.path),
            query=parse_qsl(parts.query, keep_blank_values=True),
            headers={name.lower(): value for name, value in self.headers.items()},
            body=body,
            raw_path=parts.path,
        )
        reply = mock.dispatch(recorded)
        if reply.delay:
            mock.stopping.wait(reply.delay)
        if reply.drop:
            self.close_connection = True
            return
        if reply.raw is not None:
            self.close_connection = True
            with contextlib.suppress(OSError):  # the client gave up (timeout, size cap) mid-answer
                reply.raw(self.connection, mock.stopping)
            return
        if reply.body is not None:
            payload = reply.body.encode() if isinstance(reply.body, str) else reply.body
        elif reply.json is not None:
            payload = json.dumps(reply.json).encode()
        else:
            payload = b""
        try:
            self.send_response(reply.status)
            if payload:
                self.send_header("Content-Type", reply.content_type)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except OSError:  # the client gave up (timeout) before the answer
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - signature of the base class
        pass


class _HTTPServer(http.server.ThreadingHTTPServer):
    block_on_close = True  # server_close() joins every handler thread: nothing is left behind

    def __init__(self, mock: MockServer) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.mock = mock
        self.connections: set[socket.socket] = set()

    def process_request(self, request: Any, client_address: Any) -> None:
        self.connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        self.connections.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client hanging up mid-request (timeouts, TLS refusals) is expected in these tests


class MockServer:
    """A threaded HTTP server on 127.0.0.1 with scripted routes; records every request."""

    Reply = Reply  # so that tests can script replies without importing this module

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.requests: list[Recorded] = []
        self.errors: list[str] = []
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._routes: dict[tuple[str, str], Handler] = {}
        self._httpd = _HTTPServer(self)
        if tls is not None:
            self._httpd.socket = tls.wrap_socket(self._httpd.socket, server_side=True, do_handshake_on_connect=False)
        self.scheme = "https" if tls is not None else "http"
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
        self._thread.start()

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def route(self, method: str, path: str, *replies: _Reply | Handler) -> None:
        """Answer ``method path`` with a handler, or with these replies in turn (the last one repeats)."""
        if len(replies) == 1 and callable(replies[0]):
            handler = replies[0]
        else:
            queue = list(replies)

            def handler(_: Recorded) -> _Reply:
                with self._lock:
                    return queue.pop(0) if len(queue) > 1 else queue[0]  # type: ignore[return-value]

        self._routes[(method.upper(), path)] = handler

    def handler(self, method: str, path: str) -> Handler:
        return self._routes[(method.upper(), path)]

    def dispatch(self, recorded: Recorded) -> _Reply:
        with self._lock:
            self.requests.append(recorded)
            handler = self._routes.get((recorded.method, recorded.path))
        if handler is None:
            return _Reply(404, json={"error": f"no route for {recorded.method} {recorded.path}"})
        try:
            return handler(recorded)
        except Exception as exc:  # a bug in a test's handler must fail the test, not hang it
            self.errors.append(f"{type(exc).__name__}: {exc}")
            return _Reply(599, body=f"test server handler failed: {exc}", content_type="text/plain")

    def calls(self, path: str | None = None, method: str | None = None) -> list[Recorded]:
        with self._lock:
            return [
                r
                for r in self.requests
                if (path is None or r.path == path) and (method is None or r.method == method.upper())
            ]

    def stop(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        for connection in list(self._httpd.connections):
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        self._httpd.server_close()
        self._thread.join(timeout=5)
