"""How a response body is decoded and capped on its way in (accountkit_runtime.decoding), chunk by chunk.

The suite's servers mostly send a body in one piece; here the body arrives as the network may cut it, and
the edges are exact: a body of exactly the cap, a raw deflate stream whose first bytes pass for a zlib
header but for its method, a coding nobody offered.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import AsyncIterator, Callable, Iterator

import httpx
import pytest
from accountkit_runtime.decoding import cap_response
from accountkit_runtime.errors import ResponseTooLargeError

# '{9' in fixed-Huffman raw deflate opens with bytes 0xAB 0xB6: a multiple of 31, as a zlib header is, but
# with method 11, not 8. Read as zlib-wrapped, it would not decode.
LOOKS_WRAPPED = b"{9: a raw deflate body that opens like a zlib header}"


def raw_deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS, 9, zlib.Z_FIXED)
    return compressor.compress(data) + compressor.flush()


class Chunks(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that arrives in the given pieces, for the sync and the async reader alike."""

    def __init__(self, pieces: list[bytes]) -> None:
        self.pieces = pieces

    def __iter__(self) -> Iterator[bytes]:
        yield from self.pieces

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for piece in self.pieces:
            yield piece


def pieces_of(body: bytes, size: int) -> list[bytes]:
    return [body[i : i + size] for i in range(0, len(body), size)]


def capped(pieces: list[bytes], encoding: str | None, cap: int, *, asynchronous: bool) -> httpx.Response:
    headers = {"Content-Encoding": encoding} if encoding else {}
    response = httpx.Response(200, headers=headers, stream=Chunks(pieces))
    cap_response(response, cap, lambda _: "the test answer", asynchronous=asynchronous)
    return response


def read(pieces: list[bytes], encoding: str | None, cap: int = 10**6) -> bytes:
    return capped(pieces, encoding, cap, asynchronous=False).read()


async def aread(pieces: list[bytes], encoding: str | None, cap: int = 10**6) -> bytes:
    return await capped(pieces, encoding, cap, asynchronous=True).aread()


def test_the_crafted_body_really_passes_for_a_zlib_header_but_for_its_method() -> None:
    head = raw_deflate(LOOKS_WRAPPED)[:2]
    assert (head[0] << 8 | head[1]) % 31 == 0 and head[0] & 0x0F == 11


def test_raw_deflate_that_opens_like_a_zlib_header_is_read_as_raw() -> None:
    assert read([raw_deflate(LOOKS_WRAPPED)], "deflate") == LOOKS_WRAPPED


@pytest.mark.anyio
async def test_raw_deflate_that_opens_like_a_zlib_header_is_read_as_raw_async() -> None:
    assert await aread([raw_deflate(LOOKS_WRAPPED)], "deflate") == LOOKS_WRAPPED


BIG = b"".join(b"line %d of a long answer\n" % n for n in range(20_000))  # several decompression steps


@pytest.mark.timeout(20)  # a reader that waits on zlib for output it cannot give would spin: fail, don't hang
@pytest.mark.parametrize("size", [1, 7, 4096])
@pytest.mark.parametrize(("encoding", "encode"), [("gzip", gzip.compress), ("deflate", zlib.compress)])
def test_a_compressed_body_cut_anywhere_on_the_wire_decodes_whole(
    size: int, encoding: str, encode: Callable[[bytes], bytes]
) -> None:
    body = encode(BIG if size > 1 else BIG[:3000])

    assert read(pieces_of(body, size), encoding) == (BIG if size > 1 else BIG[:3000])


@pytest.mark.timeout(20)
@pytest.mark.anyio
async def test_a_compressed_body_cut_anywhere_on_the_wire_decodes_whole_async() -> None:
    assert await aread(pieces_of(gzip.compress(BIG), 7), "gzip") == BIG


def test_a_body_of_exactly_the_cap_is_read_and_one_byte_more_is_refused() -> None:
    assert read(pieces_of(b"x" * 1000, 300), None, cap=1000) == b"x" * 1000
    with pytest.raises(ResponseTooLargeError, match="1000 bytes"):
        read(pieces_of(b"x" * 1001, 300), None, cap=1000)


@pytest.mark.anyio
async def test_a_body_of_exactly_the_cap_is_read_async() -> None:
    assert await aread([b"x" * 1000], None, cap=1000) == b"x" * 1000
    with pytest.raises(ResponseTooLargeError):
        await aread([b"x" * 1001], None, cap=1000)


@pytest.mark.parametrize("label", ["gzip, zstd", "zstd", "gzip, x-custom", "x-custom, gzip"])
def test_a_coding_httpx_does_not_know_is_skipped_as_httpx_skips_it(label: str) -> None:
    """httpx decodes the codings it knows and skips the others; the runtime undoes the same ones itself
    (under the cap) and leaves only the unknown ones named, so httpx decodes nothing twice: the body is
    exactly what httpx alone would make of it (zstandard is not installed here, so zstd is unknown)."""
    from httpx._decoders import SUPPORTED_DECODERS

    assert "zstd" not in SUPPORTED_DECODERS
    body = gzip.compress(b'{"first_name": "Ann"}')
    response = capped([body], label, 10**6, asynchronous=False)
    untouched = httpx.Response(200, headers={"Content-Encoding": label}, stream=Chunks([body]))
    unknown = [name.strip() for name in label.split(",") if name.strip() != "gzip"]

    assert response.headers["content-encoding"] == ", ".join(unknown)
    assert response.read() == untouched.read() == (b'{"first_name": "Ann"}' if "gzip" in label else body)


BOMB = gzip.compress(b"\0" * (64 * 1024 * 1024))  # 64 KiB on the wire, 64 MiB decoded


@pytest.mark.timeout(20)
@pytest.mark.parametrize("label", ["gzip, x-custom", "x-custom, gzip", "gzip, identity, x-custom"])
def test_a_bomb_under_a_coding_nobody_knows_is_still_capped(label: str) -> None:
    """The layers httpx would decode are decoded here, bounded and counted: an unknown coding beside
    them does not hand the bomb to httpx's unbounded decoder."""
    assert len(BOMB) < 100 * 1024

    with pytest.raises(ResponseTooLargeError, match="1048576 bytes"):
        read(pieces_of(BOMB, 16 * 1024), label, cap=1024 * 1024)


@pytest.mark.parametrize("label", ["br", "gzip, br", "BR"])
def test_a_coding_httpx_would_decode_but_the_runtime_cannot_bound_is_refused(
    label: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With brotli installed, httpx decodes ``br`` in one unbounded step per chunk. Never offered (only
    gzip and deflate are), such a body is refused before any of it is read, naming the coding."""
    from accountkit_runtime.errors import ResponseParseError
    from httpx import _decoders

    monkeypatch.setitem(_decoders.SUPPORTED_DECODERS, "br", _decoders.IdentityDecoder)  # as if brotli were there
    response = httpx.Response(200, headers={"Content-Encoding": label}, stream=Chunks([b"never read"]))

    with pytest.raises(ResponseParseError, match="^the test answer: the response body is encoded as 'br', which"):
        cap_response(response, 10**6, lambda _: "the test answer", asynchronous=False)

    assert not response.is_stream_consumed


def test_identity_among_the_codings_is_no_coding_at_all() -> None:
    assert read([gzip.compress(b"Ann")], "identity, gzip, identity") == b"Ann"


def test_a_one_byte_deflate_body_is_read_as_raw_deflate() -> None:
    """Fewer than two bytes cannot hold a zlib header, so they are raw deflate: 0x07 opens a block of the
    reserved type, which no deflate stream may hold, and that is a parse error naming the encoding."""
    from accountkit_runtime.decoding import BodyReader
    from accountkit_runtime.errors import ResponseParseError

    reader = BodyReader(["deflate"], 1024, lambda: "PortaBilling update_account")

    with pytest.raises(ResponseParseError, match="Content-Encoding 'deflate'.*invalid block type"):
        list(reader.feed(b"\x07")) + list(reader.finish())


def test_a_two_byte_deflate_body_is_judged_by_its_header() -> None:
    """Two bytes are enough for a zlib header: 0x88 0x1C is one (method 8, a multiple of 31) whose window
    size zlib refuses, so the body is undecodable; read as raw deflate it would pass for an empty body."""
    from accountkit_runtime.errors import ResponseParseError

    head = b"\x88\x1c"
    assert head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0

    with pytest.raises(ResponseParseError, match="Content-Encoding 'deflate'"):
        read([head], "deflate")
    with pytest.raises(ResponseParseError, match="Content-Encoding 'deflate'"):
        read([head[:1], head[1:]], "deflate")  # the same two bytes, cut on the wire


TRUNCATED = [
    ("gzip", gzip.compress(BIG)[:-8], "gzip"),  # the trailer (CRC, length) missing
    ("deflate", zlib.compress(BIG)[:-4], "deflate"),  # the Adler-32 missing
    ("gzip", gzip.compress(BIG)[: len(gzip.compress(BIG)) // 2], "gzip"),  # cut midway
]


@pytest.mark.timeout(20)  # a reader that kept asking zlib for more at the end would spin: fail, don't hang
@pytest.mark.parametrize(("encoding", "body", "label"), TRUNCATED, ids=["no gzip trailer", "no adler", "half"])
def test_a_compressed_body_that_ends_early_reads_what_it_holds_as_httpx_does(
    encoding: str, body: bytes, label: str
) -> None:
    """zlib is told the input is over, gives what it still holds, and the read ends: the decoded prefix,
    byte for byte what httpx's own decoder makes of the same body."""
    by_httpx = httpx.Response(200, headers={"Content-Encoding": label}, content=body).read()

    decoded = read(pieces_of(body, 4096), encoding)

    assert decoded == by_httpx and BIG.startswith(decoded) and len(decoded) > len(BIG) // 3


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_a_compressed_body_decoding_to_exactly_the_cap_is_read_and_one_byte_more_is_refused(encoding: str) -> None:
    encode = gzip.compress if encoding == "gzip" else zlib.compress
    body = BIG[:100_000]

    assert read(pieces_of(encode(body), 4096), encoding, cap=100_000) == body
    with pytest.raises(ResponseTooLargeError, match="99999 bytes"):
        read(pieces_of(encode(body), 4096), encoding, cap=99_999)
