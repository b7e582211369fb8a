"""Socket operations of sync clients that end by the call's deadline, not only by their own timeout.

httpcore gives each read, write and connect its own timeout, so a server that sends one byte a second
(a dripped body, headers that never end) keeps every read within its timeout and the call alive
forever. A ``DeadlineBackend`` wraps httpcore's network backend: every read, write, connect and TLS
handshake gets ``min(its timeout, time left until the call's deadline)`` (see ``limits``), and once
the deadline has passed it raises httpcore's own timeout exception, which httpx turns into its
timeout and ``transport`` into ``ApiTimeoutError``.

Async calls need none of this: ``transport`` runs each of them inside ``asyncio.timeout``.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

from . import limits

# A write is split into pieces of this size, so a server that reads slowly is caught at the deadline
# between pieces (httpcore's own loop would give each send() a full timeout).
_WRITE_PIECE = 64 * 1024


def _bounded(timeout: float | None, expired: type[httpcore.TimeoutException]) -> float | None:
    left = limits.remaining()
    if left is None:
        return timeout
    if left <= 0:
        raise expired("the call's deadline has passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if len(buffer) <= _WRITE_PIECE:  # the common case, one piece: sent as it is, without a copy
            self._stream.write(buffer, _bounded(timeout, httpcore.WriteTimeout))
            return
        view = memoryview(buffer)
        for start in range(0, len(view), _WRITE_PIECE):
            self._stream.write(bytes(view[start : start + _WRITE_PIECE]), _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        stream = self._stream.start_tls(ssl_context, server_hostname, _bounded(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(stream)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's network backend, with every socket operation bounded by the current call's deadline."""

    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._backend.connect_tcp(host, port, bounded, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._backend.connect_unix_socket(path, bounded, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


def bound_by_call_deadlines(client: httpx.Client) -> None:
    """Give every connection pool of ``client`` (proxies included) a ``DeadlineBackend``.

    httpx builds its transports from the client's settings (TLS, limits, proxies) and offers no
    argument for the network backend, so the backend is swapped in on the pools it built. A
    transport of the caller's own (``httpx_args={"transport": ...}``) without an httpcore pool is
    left as it is.
    """
    transports = [client._transport, *client._mounts.values()]
    for transport in transports:
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if isinstance(backend, httpcore.NetworkBackend) and not isinstance(backend, DeadlineBackend):
            pool._network_backend = DeadlineBackend(backend)  # type: ignore[union-attr]
