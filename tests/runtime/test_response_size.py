"""Response bodies are capped after decompression: gzip bombs and endless bodies end in a typed error.

The cap (10 MiB by default; per client with ``with_options(max_response_bytes=...)``, per call with
``RequestOptions(max_response_bytes=...)``) counts the decoded bytes, and the body is decoded in
small steps, so memory stays near the cap whatever the server sends. Token and login responses are
read under the same cap. Memory is measured with tracemalloc, around the call only (after the
package's validation models are imported, which a first call would do).
"""

from __future__ import annotations

import gzip
import importlib
import json
import tracemalloc
import zlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import hostile
import pytest
from support.kits import OctopushKit

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import KitFor

APIS = ["intandem", "activeplatform", "portabilling", "octopush", "twosms"]
MiB = 1024 * 1024
BOMB = hostile.gzip_bomb(64 * MiB)  # 64 KiB on the wire


def warm_up(kit: Any) -> None:
    """Import the package's validation models now: the first call would, and their ~8 MiB would count."""
    importlib.import_module(f"{kit.package_name}.schemas")


def peak_memory(kit: Any, call: Callable[[], Any]) -> tuple[int, BaseException | None]:
    """The peak of traced memory while ``call`` runs (and what it raised)."""
    warm_up(kit)
    tracemalloc.start()
    try:
        try:
            call()
        except BaseException as exc:  # noqa: BLE001 - returned to the test
            return tracemalloc.get_traced_memory()[1], exc
        return tracemalloc.get_traced_memory()[1], None
    finally:
        tracemalloc.stop()


def bomb(kit: Any) -> Any:
    return kit.server.Reply(body=BOMB, headers={"Content-Encoding": "gzip"})


def token_path(kit: Any) -> str:
    path: str = kit.login_path if kit.name == "portabilling" else kit.token_path
    return path


@pytest.mark.parametrize("api", APIS)
def test_a_gzip_bomb_ends_in_a_typed_error_with_bounded_memory(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    kit.fail_first(bomb(kit))
    client = kit.connect()  # the default cap: 10 MiB

    peak, error = peak_memory(kit, lambda: kit.call(client))

    assert peak < 16 * MiB, f"peak {peak / MiB:.1f} MiB"
    assert type(error).__name__ == "ResponseTooLargeError", error
    assert isinstance(error, kit.errors.ResponseParseError)
    assert "10485760 bytes" in str(error)
    assert len(kit.main_calls()) == 1  # not retried: the same answer would come again


@pytest.mark.parametrize("api", APIS)
@pytest.mark.anyio
async def test_a_gzip_bomb_ends_in_a_typed_error_async(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    kit.fail_first(bomb(kit))
    async with kit.connect() as client:
        warm_up(kit)
        tracemalloc.start()
        try:
            with pytest.raises(kit.errors.ResponseTooLargeError):
                await kit.acall(client)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    assert peak < 16 * MiB, f"peak {peak / MiB:.1f} MiB"


@pytest.mark.parametrize("api", ["portabilling", "twosms"])
def test_a_gzip_bomb_in_a_token_response_is_capped_too(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    kit.server.route("POST", token_path(kit), bomb(kit))
    client = kit.connect()

    peak, error = peak_memory(kit, lambda: kit.call(client))

    assert peak < 16 * MiB, f"peak {peak / MiB:.1f} MiB"
    assert type(error).__name__ == "ResponseTooLargeError", error
    assert kit.main_calls() == []


@pytest.mark.parametrize("api", ["portabilling", "twosms"])
@pytest.mark.anyio
async def test_an_endless_token_response_is_capped_async(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    kit.server.route("POST", token_path(kit), kit.server.Reply(raw=hostile.endless_chunked_body()))
    async with kit.connect().with_options(max_response_bytes=MiB) as client:
        with pytest.raises(kit.errors.ResponseTooLargeError):
            await kit.acall(client)


@pytest.mark.parametrize("api", APIS)
def test_an_endless_chunked_body_ends_at_the_per_call_cap(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    kit.fail_first(kit.server.Reply(raw=hostile.endless_chunked_body()))
    client = kit.connect()
    options = kit.package.RequestOptions(max_response_bytes=MiB)

    peak, error = peak_memory(kit, lambda: kit.call(client, request_options=options))

    assert isinstance(error, kit.errors.ResponseTooLargeError), error
    assert "1048576 bytes" in str(error)
    assert peak < 6 * MiB, f"peak {peak / MiB:.1f} MiB"


@pytest.mark.parametrize("api", APIS)
@pytest.mark.anyio
async def test_an_endless_chunked_body_ends_at_the_per_client_cap_async(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    kit.fail_first(kit.server.Reply(raw=hostile.endless_chunked_body()))
    async with kit.connect().with_options(max_response_bytes=MiB) as client:
        with pytest.raises(kit.errors.ResponseTooLargeError):
            await kit.acall(client)


def test_the_cap_is_per_client_and_per_call(octopush: OctopushKit) -> None:
    body = {"first_name": "A" * 5000}
    octopush.server.route("PATCH", octopush.path, octopush.server.Reply(201, json=body))
    client = octopush.connect()
    small = client.with_options(max_response_bytes=4096)

    size = len(octopush.call_detailed(client).content)
    assert size > 5000
    with pytest.raises(octopush.errors.ResponseTooLargeError, match="4096 bytes"):
        octopush.call(small)
    options = octopush.package.RequestOptions(max_response_bytes=100_000)
    assert len(octopush.call_detailed(small, request_options=options).content) == size
    with pytest.raises(octopush.errors.ResponseTooLargeError, match="1000 bytes"):
        octopush.call(client, request_options=octopush.package.RequestOptions(max_response_bytes=1000))
    assert client.settings.max_response_bytes == 10 * MiB
    with pytest.raises(ValueError):
        octopush.package.RequestOptions(max_response_bytes=0)


BROKEN_ENCODINGS = [
    ("gzip", b"this is not gzip at all"),
    ("deflate", b"nor is this deflate"),
    ("gzip", gzip.compress(b'{"first_name": "Ann"}')[:-8] + b"\x00\x00\x00\x00\x15\x00\x00\x00"),  # bad CRC
]


@pytest.mark.parametrize(("encoding", "body"), BROKEN_ENCODINGS)
@pytest.mark.parametrize("api", APIS)
def test_a_body_that_does_not_decode_is_a_response_parse_error(
    api: str, encoding: str, body: bytes, kit_for: KitFor
) -> None:
    kit = kit_for(api)
    kit.fail_first(kit.server.Reply(body=body, headers={"Content-Encoding": encoding}))
    client = kit.connect()

    with pytest.raises(kit.errors.ResponseParseError) as caught:
        kit.call(client)

    assert encoding in str(caught.value)


@pytest.mark.parametrize("api", APIS)
@pytest.mark.anyio
async def test_a_body_that_does_not_decode_is_a_response_parse_error_async(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    kit.fail_first(kit.server.Reply(body=b"not gzip", headers={"Content-Encoding": "gzip"}))
    async with kit.connect() as client:
        with pytest.raises(kit.errors.ResponseParseError):
            await kit.acall(client)


@pytest.mark.parametrize(
    "encode",
    [
        lambda data: ("gzip", gzip.compress(data)),
        lambda data: ("deflate", zlib.compress(data)),
        lambda data: ("deflate", zlib.compress(data)[2:-4]),  # raw deflate, as some servers send it
        lambda data: ("gzip, gzip", gzip.compress(gzip.compress(data))),
        lambda data: ("identity", data),
    ],
    ids=["gzip", "deflate", "raw deflate", "gzip twice", "identity"],
)
@pytest.mark.parametrize("api", APIS)
def test_compressed_answers_are_still_read(
    api: str, encode: Callable[[bytes], tuple[str, bytes]], kit_for: KitFor
) -> None:
    kit = kit_for(api)
    status = 201 if api == "octopush" else 200
    encoding, body = encode(json.dumps(kit.ok_body()).encode())
    kit.fail_first(kit.server.Reply(status, body=body, headers={"Content-Encoding": encoding}))
    client = kit.connect()

    assert kit.call(client) is not None

    assert kit.main_calls()[-1].headers["accept-encoding"] == "gzip, deflate"
