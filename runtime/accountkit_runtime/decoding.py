"""Reading response bodies with a size cap, counted after decompression, in bounded memory.

httpx decompresses a ``gzip`` or ``deflate`` body in one zlib call per network chunk: 64 KiB off the
wire can become 64 MiB in memory before anything could count it (a gzip bomb), and an endless body
is read for as long as it comes. So every response a client receives (its calls, token and login
requests, redirects) passes through ``cap_response`` before its body is read: the body stream is
replaced by one that decompresses in steps of at most 64 KiB, counts the bytes, and raises
``ResponseTooLargeError`` (a ``ResponseParseError``) once the cap is passed; ``Content-Encoding``
and ``Content-Length`` are removed, since the body httpx now sees is the decoded one. A body that
does not decode is a ``ResponseParseError`` naming the encoding.

Only ``gzip`` and ``deflate`` are decoded here, so ``limit_accept_encoding`` offers only those (httpx
would also offer ``br``/``zstd`` when their packages happen to be installed). A coding httpx does not
know is left as sent, as httpx leaves it; a body in ``br`` or ``zstd`` that httpx would decode (its
package installed) though nobody offered it is refused, as it could not be decoded under the cap.

The cap is the current call's (``limits``), else the client's default (``ClientSettings``).
"""

from __future__ import annotations

import itertools
import zlib
from collections.abc import AsyncIterator, Callable, Collection, Iterator
from functools import lru_cache

import httpx

from . import limits
from .errors import ResponseParseError, ResponseTooLargeError, printable

DECODED_ENCODINGS = ("gzip", "deflate")
_ALIASES = {"x-gzip": "gzip"}
_STEP = 64 * 1024  # the most one decompression step may produce


class _Inflater:
    """One ``Content-Encoding`` layer, decompressed in bounded steps."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._zlib: zlib._Decompress | None = zlib.decompressobj(zlib.MAX_WBITS | 16) if encoding == "gzip" else None
        self._head = b""  # deflate: the first bytes, until they tell zlib-wrapped from raw
        self._done = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._zlib is None:
            # "deflate" should be zlib-wrapped (RFC 9110), but some servers send raw deflate. A zlib
            # header's two bytes, read as a big-endian number, are a multiple of 31, with method 8.
            data = self._head + data
            if len(data) < 2:
                self._head = data
                return
            wrapped = data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        while data and not self._done:
            yield from self._step(data)
            data = self._zlib.unconsumed_tail

    def finish(self) -> Iterator[bytes]:
        if self._zlib is None:  # fewer than two bytes came: too short for a zlib header
            if not self._head:
                return
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
            yield from self._step(self._head)
        while not self._done:  # all input given: drain what zlib still holds, a step at a time
            out = self._zlib.decompress(b"", _STEP)
            self._done = self._zlib.eof
            if not out:
                break
            yield out
        rest = self._zlib.flush()
        if rest:
            yield rest

    def _step(self, data: bytes) -> Iterator[bytes]:
        assert self._zlib is not None
        out = self._zlib.decompress(data, _STEP)
        self._done = self._zlib.eof
        if out:
            yield out
        while len(out) == _STEP and not self._zlib.unconsumed_tail and not self._done:  # more pending inside zlib
            out = self._zlib.decompress(b"", _STEP)
            self._done = self._zlib.eof
            if out:
                yield out


class BodyReader:
    """Decodes one body through its ``Content-Encoding`` layers, counting bytes against ``cap``."""

    def __init__(self, encodings: list[str], cap: int, describe: Callable[[], str]) -> None:
        self._layers = [_Inflater(encoding) for encoding in reversed(encodings)]  # the last applied, first undone
        self._cap = cap
        self._describe = describe
        self._raw = 0
        self._decoded = 0

    def feed(self, chunk: bytes) -> Iterator[bytes]:
        self._raw += len(chunk)
        if self._raw > self._cap:  # a body that decodes to little can still be endless on the wire
            raise self._too_large()
        if not self._layers:  # the common case, no Content-Encoding: the chunk is the body, counted above
            self._decoded = self._raw
            if chunk:
                yield chunk
            return
        yield from self._count(self._through(0, chunk, finishing=False))

    def finish(self) -> Iterator[bytes]:
        if self._layers:
            yield from self._count(self._through(0, b"", finishing=True))

    def _through(self, index: int, data: bytes, finishing: bool) -> Iterator[bytes]:
        """``data`` through the layers from ``index`` on, lazily: one step's output at a time."""
        if index == len(self._layers):
            if data:
                yield data
            return
        layer = self._layers[index]
        for piece in self._guarded(layer, layer.feed(data)):
            yield from self._through(index + 1, piece, finishing=False)
        if finishing:
            for piece in self._guarded(layer, layer.finish()):
                yield from self._through(index + 1, piece, finishing=False)
            yield from self._through(index + 1, b"", finishing=True)

    def _guarded(self, layer: _Inflater, pieces: Iterator[bytes]) -> Iterator[bytes]:
        try:
            yield from pieces
        except zlib.error as exc:
            raise self._undecodable(layer.encoding, exc) from None

    def _count(self, pieces: Iterator[bytes]) -> Iterator[bytes]:
        for piece in pieces:
            self._decoded += len(piece)
            if self._decoded > self._cap:
                raise self._too_large()
            yield piece

    def _too_large(self) -> ResponseTooLargeError:
        return ResponseTooLargeError(
            f"{self._describe()}: the response body is larger than the {self._cap} bytes allowed "
            "(counted after decompression); raise max_response_bytes (RequestOptions or "
            "client.with_options) if such answers are expected"
        )

    def _undecodable(self, encoding: str, exc: zlib.error) -> ResponseParseError:
        return ResponseParseError(
            f"{self._describe()}: the response body does not decode as its Content-Encoding "
            f"{encoding!r} says ({printable(str(exc))})"
        )


class _CappedStream(httpx.SyncByteStream):
    def __init__(self, raw: httpx.SyncByteStream, reader: BodyReader) -> None:
        self._raw, self._reader = raw, reader

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._raw:
            yield from self._reader.feed(chunk)
        yield from self._reader.finish()

    def close(self) -> None:
        self._raw.close()


class AsyncCappedStream(httpx.AsyncByteStream):
    def __init__(self, raw: httpx.AsyncByteStream, reader: BodyReader) -> None:
        self._raw, self._reader = raw, reader

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._raw:
            for piece in self._reader.feed(chunk):
                yield piece
        for piece in self._reader.finish():
            yield piece

    def read_now(self) -> Iterator[bytes] | None:
        """The whole body, decoded and counted piece by piece, if the raw stream holds all of it already.

        For ``lean``: a body that came whole with the head is read in one step instead of through
        httpx's layers of async iterators. None when it has not all arrived (nothing is read then).
        """
        read_now = getattr(self._raw, "read_now", None)
        raw = read_now() if read_now is not None else None
        if raw is None:
            return None
        return itertools.chain(self._reader.feed(raw), self._reader.finish())

    async def aclose(self) -> None:
        await self._raw.aclose()


def _httpx_decoders() -> Collection[str]:
    """The codings httpx decodes itself here: gzip, deflate, and br / zstd when their packages are installed."""
    from httpx._decoders import SUPPORTED_DECODERS

    return SUPPORTED_DECODERS.keys()


def _encodings(header: str) -> list[str]:
    names = [_ALIASES.get(name.strip().lower(), name.strip().lower()) for name in header.split(",")]
    return [name for name in names if name and name != "identity"]


def cap_response(
    response: httpx.Response, default_cap: int, describe: Callable[[httpx.Response], str], *, asynchronous: bool
) -> None:
    """Replace the body stream of ``response`` (not read yet) by a capped, decoding one."""
    current = limits.current()
    cap = current.max_response_bytes if current is not None else default_cap
    coding = response.headers.get("content-encoding")
    encodings = _encodings(coding) if coding else []
    ours = [name for name in encodings if name in DECODED_ENCODINGS]
    others = [name for name in encodings if name not in DECODED_ENCODINGS]
    unbounded = [name for name in others if name in _httpx_decoders()]
    if unbounded:
        # httpx would decode it (its package is installed), in one unbounded step per chunk: a bomb the
        # cap could not stop. Never offered (``limit_accept_encoding``), so refused before any is read.
        raise ResponseParseError(
            f"{describe(response)}: the response body is encoded as {', '.join(map(repr, unbounded))}, which "
            "the client did not offer and cannot decode within its size cap"
        )
    if ours:
        # Undone here, bounded and counted. A coding neither knows stays named: httpx skips it, as it
        # would have, and decodes nothing more.
        del response.headers["content-encoding"]
        if others:
            response.headers["Content-Encoding"] = ", ".join(others)
        response.headers.pop("content-length", None)
    reader = BodyReader(ours, cap, lambda: describe(response))
    stream = response.stream
    if asynchronous:
        assert isinstance(stream, httpx.AsyncByteStream)
        response.stream = AsyncCappedStream(stream, reader)
    else:
        assert isinstance(stream, httpx.SyncByteStream)
        response.stream = _CappedStream(stream, reader)


@lru_cache(maxsize=32)  # a client offers the same header on every request: worked out once
def _limited(offered: str) -> str:
    kept = [
        part.strip()
        for part in offered.split(",")
        if part.split(";")[0].strip().lower() in (*DECODED_ENCODINGS, *_ALIASES, "identity")
    ]
    return ", ".join(kept) or "identity"


def limit_accept_encoding(request: httpx.Request) -> None:
    """Offer only the codings ``cap_response`` decodes (and ``identity``)."""
    offered = request.headers.get("accept-encoding")
    if offered is None:
        return
    limited = _limited(offered)
    if limited != offered:  # set only when it changes: most clients' default offers nothing else
        request.headers["Accept-Encoding"] = limited
