"""Shared fixtures of the runtime tests: a real HTTP server on 127.0.0.1 and one "kit" per API.

``server`` is a ``support.mockserver.MockServer``: a small threaded HTTP/1.1 server with scripted
replies that records every request it receives (see that module, and ``hostile.py`` for the answers no
well-behaved server gives). ``other_server`` is a second one: another origin (another port).

Each API fixture (``intandem``, ``activeplatform``, ``portabilling``, ``octopush``, ``twosms``) is a
``support.kits`` kit bound to that server; ``kit_for("octopush")`` picks one by a test parameter.
"""

from __future__ import annotations

import asyncio
import inspect
import socket
import ssl
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from support.credentials import all_env_names
from support.kits import (
    KITS,
    ActivePlatformKit,
    InTandemKit,
    Kit,
    OctopushKit,
    PortaBillingKit,
    TwoSmsKit,
    runtime_module,
)
from support.mockserver import MockServer

ENV_VARS = all_env_names()


@pytest.fixture
def server() -> Iterator[MockServer]:
    mock = MockServer()
    yield mock
    mock.stop()
    assert not mock.errors, f"test server handler errors: {mock.errors}"


@pytest.fixture
def other_server() -> Iterator[MockServer]:
    """A second server: another origin (same host, another port), e.g. the target of a redirect."""
    mock = MockServer()
    yield mock
    mock.stop()
    assert not mock.errors, f"test server handler errors: {mock.errors}"


@pytest.fixture
def unused_port() -> int:
    """A port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def self_signed_cert(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (made with the openssl command line tool)."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    try:
        subprocess.run(
            [
                "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1",
            ],
            check=True,
            capture_output=True,
            timeout=30,
        )  # fmt: skip
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"cannot make a test certificate with openssl: {exc}")
    return cert, key


@pytest.fixture
def tls_server(self_signed_cert: tuple[Path, Path]) -> Iterator[MockServer]:
    cert, key = self_signed_cert
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    mock = MockServer(tls=context)
    yield mock
    mock.stop()
    assert not mock.errors, f"test server handler errors: {mock.errors}"


@pytest.fixture(autouse=True)
def _no_vendor_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The developer's own credentials must not leak into (or change) any test."""
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


# --------------------------------------------------------------------------------------------------
# Async transports: every test of an async path runs on each
# --------------------------------------------------------------------------------------------------

ASYNC_TRANSPORTS = ("httpx", "aiohttp")
# What in a test's source shows that it drives the async path (coroutine tests, asyncio.run, acall...).
_ASYNC_SIGNS = ("await ", "async with", "asyncio.run", "async def")


def _drives_async_calls(function: Callable[..., Any]) -> bool:
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        return False
    return any(sign in source for sign in _ASYNC_SIGNS)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "explicit_transport: the test names its async transports itself")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test that makes async calls runs once per async transport (the ``async_transport`` fixture)."""
    explicit = metafunc.definition.get_closest_marker("explicit_transport") is not None
    if "async_transport" in metafunc.fixturenames and not explicit and _drives_async_calls(metafunc.function):
        metafunc.parametrize("async_transport", ASYNC_TRANSPORTS, indirect=True)


@pytest.fixture(autouse=True)
def async_transport(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """What every ``connect()`` in the test sends async calls over: its parameter, else httpx (sync-only tests)."""
    name: str = getattr(request, "param", "httpx")
    monkeypatch.setattr(runtime_module("connect"), "DEFAULT_ASYNC_TRANSPORT", name)
    return name


# --------------------------------------------------------------------------------------------------
# Helpers for every API
# --------------------------------------------------------------------------------------------------


class Clock:
    """The auth module's clock, moved forward at will (nothing else in the process is affected)."""

    def __init__(self) -> None:
        self.offset = 0.0

    def monotonic(self) -> float:
        return time.monotonic() + self.offset


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """Token lifetimes pass as fast as a test moves ``clock.offset`` (the auth flows' clock only)."""
    fake = Clock()
    monkeypatch.setattr(runtime_module("auth"), "time", SimpleNamespace(monotonic=fake.monotonic))
    return fake


class SleepRecorder:
    """Replaces the transport's sleeps: records the requested delays instead of waiting."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.delays.append(seconds)

    async def async_sleep(self, seconds: float) -> None:
        self.delays.append(seconds)
        await asyncio.sleep(0)


RecordSleeps = Callable[[], SleepRecorder]  # the type of the record_sleeps fixture


@pytest.fixture
def record_sleeps(monkeypatch: pytest.MonkeyPatch) -> Callable[[], SleepRecorder]:
    """``record_sleeps()``: retry waits (of every client: they share the runtime) are recorded, not slept."""

    def install() -> SleepRecorder:
        recorder = SleepRecorder()
        transport = runtime_module("transport")
        monkeypatch.setattr(transport, "time", SimpleNamespace(sleep=recorder.sleep))
        monkeypatch.setattr(transport, "_pause_async", recorder.async_sleep)
        return recorder

    return install


# APIs whose main operation is retried (inTandem's mutating GET is ``x-idempotent: false``).
RETRIED = ("activeplatform", "portabilling", "octopush", "twosms")


def _kit_fixture(kit_class: type[Kit]) -> Any:
    @pytest.fixture(name=kit_class.name)
    def fixture(server: MockServer) -> Iterator[Kit]:
        kit = kit_class(server)
        yield kit
        kit.close()

    return fixture


intandem = _kit_fixture(InTandemKit)
activeplatform = _kit_fixture(ActivePlatformKit)
portabilling = _kit_fixture(PortaBillingKit)
octopush = _kit_fixture(OctopushKit)
twosms = _kit_fixture(TwoSmsKit)


KitFor = Callable[[str], Any]  # kit_for's type: a kit of any API, so any kit's own members


@pytest.fixture
def kit_for(server: MockServer) -> Iterator[Callable[[str], Kit]]:
    """``kit_for("octopush")``: the kit of an API chosen by a test parameter."""
    made: list[Kit] = []

    def make(name: str) -> Kit:
        kit = KITS[name](server)
        made.append(kit)
        return kit

    yield make
    for kit in made:
        kit.close()
