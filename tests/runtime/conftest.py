"""Shared fixtures of the runtime tests: a real HTTP server on 127.0.0.1 and one "kit" per API.

``server`` is a small threaded HTTP/1.1 server with scripted replies. It records every request it
receives (so tests can assert what went on the wire, or that nothing did), can delay a reply (the
delay ends at once when the server stops), drop a connection without answering, speak TLS, and hand
the socket to a raw writer for answers no well-behaved server gives (see ``hostile.py``: drips,
endless headers and bodies). ``other_server`` is a second one: another origin (another port).

Each API fixture (``intandem``, ``activeplatform``, ``portabilling``, ``octopush``, ``twosms``) is a kit
bound to that server: it installs the vendor's routes (PortaBilling's and 2sms's token endpoints are
stateful, like the real thing), connects clients to the server with fast retry delays, makes the
API's main call sync or async, and closes its clients at the end.
"""

from __future__ import annotations

import asyncio
import contextlib
import http.server
import importlib
import json
import socket
import ssl
import subprocess
import threading
import time
import uuid
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]

ENV_VARS = (
    "INTANDEM_TOKEN",
    "INTANDEM_BASE_URL",
    "ACTIVEPLATFORM_API_TOKEN",
    "ACTIVEPLATFORM_BASE_URL",
    "PORTABILLING_LOGIN",
    "PORTABILLING_PASSWORD",
    "PORTABILLING_TOKEN",
    "PORTABILLING_BASE_URL",
    "OCTOPUSH_API_LOGIN",
    "OCTOPUSH_API_KEY",
    "OCTOPUSH_BASE_URL",
    "TWOSMS_CLIENT_ID",
    "TWOSMS_CLIENT_SECRET",
    "TWOSMS_BASE_URL",
)


# --------------------------------------------------------------------------------------------------
# The server
# --------------------------------------------------------------------------------------------------


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

    def route(self, method: str, path: str, *replies: Reply | Handler) -> None:
        """Answer ``method path`` with a handler, or with these replies in turn (the last one repeats)."""
        if len(replies) == 1 and callable(replies[0]):
            handler: Handler = replies[0]  # type: ignore[assignment]
        else:
            queue = list(replies)

            def handler(_: Recorded) -> Reply:
                with self._lock:
                    return queue.pop(0) if len(queue) > 1 else queue[0]  # type: ignore[return-value]

        self._routes[(method.upper(), path)] = handler

    def handler(self, method: str, path: str) -> Handler:
        return self._routes[(method.upper(), path)]

    def dispatch(self, recorded: Recorded) -> Reply:
        with self._lock:
            self.requests.append(recorded)
            handler = self._routes.get((recorded.method, recorded.path))
        if handler is None:
            return Reply(404, json={"error": f"no route for {recorded.method} {recorded.path}"})
        try:
            return handler(recorded)
        except Exception as exc:  # a bug in a test's handler must fail the test, not hang it
            self.errors.append(f"{type(exc).__name__}: {exc}")
            return Reply(599, body=f"test server handler failed: {exc}", content_type="text/plain")

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
        return sock.getsockname()[1]


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


@pytest.fixture(autouse=True)
def _no_vendor_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The developer's own credentials must not leak into (or change) any test."""
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


# --------------------------------------------------------------------------------------------------
# Helpers for every API
# --------------------------------------------------------------------------------------------------


def runtime_module(name: str) -> ModuleType:
    """``accountkit_runtime.<name>``: the one runtime every client package depends on."""
    return importlib.import_module(f"accountkit_runtime.{name}")


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


@pytest.fixture
def record_sleeps(monkeypatch: pytest.MonkeyPatch) -> Callable[[], SleepRecorder]:
    """``record_sleeps()``: retry waits (of every client: they share the runtime) are recorded, not slept."""

    def install() -> SleepRecorder:
        recorder = SleepRecorder()
        transport = runtime_module("transport")
        monkeypatch.setattr(transport, "time", SimpleNamespace(sleep=recorder.sleep))
        monkeypatch.setattr(transport, "asyncio", SimpleNamespace(sleep=recorder.async_sleep))
        return recorder

    return install


def fault(code: str, text: str) -> Reply:
    """A PortaBilling fault: HTTP 500 with faultcode and faultstring."""
    return Reply(500, json={"faultcode": code, "faultstring": text})


class Kit:
    """One API's client package, connected to the test server."""

    package_name: str
    name: str
    method: str
    path: str  # of the main operation, as the server sees it
    credentials: dict[str, str]
    env: dict[str, str]  # connect() argument -> environment variable
    secrets: tuple[str, ...]  # every secret value this kit's clients may see

    def __init__(self, server: MockServer) -> None:
        self.server = server
        self.package = importlib.import_module(self.package_name)
        self.errors = importlib.import_module(f"{self.package_name}.errors")
        self.clients: list[Any] = []
        self.install_routes()

    # -- overridden per API -----------------------------------------------------------------------
    def install_routes(self) -> None:
        self.server.route(self.method, self.path, Reply(200, json=self.ok_body()))

    def ok_body(self) -> Any:
        raise NotImplementedError

    def _module(self) -> ModuleType:
        raise NotImplementedError

    def _arguments(self, **overrides: Any) -> tuple[tuple[Any, ...], dict[str, Any]]:
        raise NotImplementedError

    # -- shared -------------------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return self.server.url

    def retry_policy(self, **kwargs: float) -> Any:
        return runtime_module("retries").RetryPolicy(**kwargs)

    def connect(self, *, fast: bool = True, **overrides: Any) -> Any:
        """``connect()`` to the test server; ``fast``: retry delays of a millisecond or so."""
        arguments: dict[str, Any] = {"base_url": self.base_url, **self.credentials, **overrides}
        client = self.package.connect(**arguments)
        if fast:
            client.settings.retry_policy = self.retry_policy(initial_delay=0.001, max_delay=0.01)
        self.clients.append(client)
        return client

    def _call(self, function: Callable[..., Any], client: Any, **kwargs: Any) -> Any:
        args, arguments = self._arguments(**kwargs)
        return function(*args, client=client, **arguments)

    async def _acall(self, function: Callable[..., Any], client: Any, **kwargs: Any) -> Any:
        args, arguments = self._arguments(**kwargs)
        return await function(*args, client=client, **arguments)

    def call(self, client: Any, **kwargs: Any) -> Any:
        return self._call(self._module().sync, client, **kwargs)

    def call_detailed(self, client: Any, **kwargs: Any) -> Any:
        return self._call(self._module().sync_detailed, client, **kwargs)

    async def acall(self, client: Any, **kwargs: Any) -> Any:
        return await self._acall(self._module().asyncio, client, **kwargs)

    async def acall_detailed(self, client: Any, **kwargs: Any) -> Any:
        return await self._acall(self._module().asyncio_detailed, client, **kwargs)

    def fail_first(self, *replies: Reply) -> None:
        """The main operation answers these replies first, then as it normally does."""
        queue = list(replies)
        normal = self.server.handler(self.method, self.path)
        lock = threading.Lock()

        def handler(request: Recorded) -> Reply:
            with lock:
                scripted = queue.pop(0) if queue else None
            return scripted if scripted is not None else normal(request)

        self.server.route(self.method, self.path, handler)

    def main_calls(self) -> list[Recorded]:
        return self.server.calls(self.path, self.method)

    def close(self) -> None:
        for client in self.clients:
            client.close()


class InTandemKit(Kit):
    package_name = "intandem_client"
    name = "intandem"
    method = "GET"
    uid = "88pzdbz1hmkdoel4"
    path = f"/v1/partners/accounts/{uid}/change_package"
    credentials = {"token": "itd-SECRET-directory-token"}
    env = {"token": "INTANDEM_TOKEN", "base_url": "INTANDEM_BASE_URL"}
    secrets = ("itd-SECRET-directory-token",)

    def ok_body(self) -> Any:
        return {"business_id": self.uid}

    def _module(self) -> ModuleType:
        return importlib.import_module("intandem_client.api.accounts.change_package")

    def _arguments(self, **overrides: Any) -> tuple[tuple[Any, ...], dict[str, Any]]:
        uid = overrides.pop("business_uid", self.uid)
        return (uid,), {"package_name": "gold", **overrides}

    # The operation is deprecated; test_deprecation.py checks the warning, the other tests ignore it.
    def _call(self, function: Callable[..., Any], client: Any, **kwargs: Any) -> Any:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return super()._call(function, client, **kwargs)

    async def _acall(self, function: Callable[..., Any], client: Any, **kwargs: Any) -> Any:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return await super()._acall(function, client, **kwargs)


class ActivePlatformKit(Kit):
    package_name = "activeplatform_client"
    name = "activeplatform"
    method = "PUT"
    path = "/api/vendor/v1/accounts/505.json"
    credentials = {"api_token": "ap-SECRET-manager-token"}
    env = {"api_token": "ACTIVEPLATFORM_API_TOKEN", "base_url": "ACTIVEPLATFORM_BASE_URL"}
    secrets = ("ap-SECRET-manager-token",)

    def ok_body(self) -> Any:
        return {"id": 505, "first_name": "Ann", "status": "active"}

    def _module(self) -> ModuleType:
        return importlib.import_module("activeplatform_client.api.accounts.update_account")

    def _arguments(self, **overrides: Any) -> tuple[tuple[Any, ...], dict[str, Any]]:
        from activeplatform_client.models import AccountUpdate

        account_id = overrides.pop("account_id", 505)
        body = overrides.pop("body", None) or AccountUpdate(first_name="Ann")
        return (account_id,), {"body": body, **overrides}


class OctopushKit(Kit):
    package_name = "octopush_client"
    name = "octopush"
    method = "PATCH"
    email = "team@sub-accounts.example.com"
    path = f"/v1/public/subaccount/{email}/edit"
    credentials = {"api_login": "owner-SECRET@example.com", "api_key": "oct-SECRET-api-key"}
    env = {"api_login": "OCTOPUSH_API_LOGIN", "api_key": "OCTOPUSH_API_KEY", "base_url": "OCTOPUSH_BASE_URL"}
    secrets = ("owner-SECRET@example.com", "oct-SECRET-api-key", "SubAccount-SECRET-pass")

    def install_routes(self) -> None:
        self.server.route(self.method, self.path, Reply(201, json=self.ok_body()))

    def ok_body(self) -> Any:
        return {"first_name": "Ann"}

    def _module(self) -> ModuleType:
        return importlib.import_module("octopush_client.api.subaccounts.edit_subaccount")

    def _arguments(self, **overrides: Any) -> tuple[tuple[Any, ...], dict[str, Any]]:
        from octopush_client.models import SubaccountEdit

        email = overrides.pop("subaccount_email", self.email)
        body = overrides.pop("body", None) or SubaccountEdit(
            first_name="Ann", last_name="Lee", password="SubAccount-SECRET-pass"
        )
        return (email,), {"body": body, **overrides}


class PortaBillingKit(Kit):
    """PortaBilling with a stateful session service: logins, refreshes, expiry, refusals."""

    package_name = "portabilling_client"
    name = "portabilling"
    method = "POST"
    path = "/rest/Account/update_account"
    login_path = "/rest/Session/login"
    refresh_path = "/rest/Session/refresh_access_token"
    credentials = {"login": "admin", "password": "pb-SECRET-password"}
    env = {
        "login": "PORTABILLING_LOGIN",
        "password": "PORTABILLING_PASSWORD",
        "base_url": "PORTABILLING_BASE_URL",
    }
    expiry_faultcode = "Server.Session.check_auth.auth_failed"

    def __init__(self, server: MockServer) -> None:
        self._state = threading.Lock()
        self.sessions = 0
        self.valid_access: set[str] = set()
        self.valid_refresh: set[str] = set()
        self.issued: list[str] = []
        self.refresh_works = True
        self.reject_all_tokens = False  # session faults even for fresh tokens
        self.login_delay = 0.0
        self.expires_in: Any = None  # the login answer's optional expires_in (None: left out)
        self.locked_out = False  # every login is refused as a brute-force lock-out
        super().__init__(server)

    @property
    def base_url(self) -> str:
        return self.server.url + "/rest"

    @property
    def secrets(self) -> tuple[str, ...]:  # type: ignore[override]
        return ("pb-SECRET-password", "AccountPass-SECRET-9", *self.issued)

    def install_routes(self) -> None:
        self.server.route("POST", self.login_path, self._login)
        self.server.route("POST", self.refresh_path, self._refresh)
        self.server.route("POST", self.path, self._update)

    def _new_session(self, delay: float = 0.0) -> Reply:
        with self._state:
            self.sessions += 1
            n = self.sessions
            access, refresh = f"pb-access-SECRET-{n}", f"pb-refresh-SECRET-{n}"
            self.valid_access.add(access)
            self.valid_refresh.add(refresh)
            self.issued += [access, refresh]
        session = {
            "access_token": access,
            "refresh_token": refresh,
            "expires_at": "2030-01-01 00:00:00",
            "session_id": f"session-{n}",
        }
        if self.expires_in is not None:
            session["expires_in"] = self.expires_in
        return Reply(json=session, delay=delay)

    def _login(self, request: Recorded) -> Reply:
        if self.locked_out:
            return fault("Server.Session.cannot_login_brute_force_activity", "Too many failed login attempts")
        params = request.json().get("params", {})
        known = {"password": "pb-SECRET-password", "token": "pb-SECRET-api-token"}
        if params.get("login") != "admin" or not any(params.get(k) == v for k, v in known.items()):
            return fault("Server.Session.auth_failed", "Login failed: wrong login or password")
        return self._new_session(delay=self.login_delay)

    def _refresh(self, request: Recorded) -> Reply:
        token = request.json().get("params", {}).get("refresh_token")
        if not self.refresh_works or token not in self.valid_refresh:
            return fault("Server.Session.refresh_access_token.invalid_refresh_token", "Invalid refresh token")
        return self._new_session()

    def bearer(self, request: Recorded) -> str | None:
        header = request.headers.get("authorization", "")
        return header[len("Bearer ") :] if header.startswith("Bearer ") else None

    def _update(self, request: Recorded) -> Reply:
        if self.reject_all_tokens or self.bearer(request) not in self.valid_access:
            return fault(self.expiry_faultcode, "Session expired or not authenticated")
        return Reply(json={"i_account": request.json()["params"]["account_info"]["i_account"]})

    def expire_sessions(self) -> None:
        """Every access token stops working (refresh tokens still do, unless ``refresh_works`` is off)."""
        with self._state:
            self.valid_access.clear()

    def ok_body(self) -> Any:
        return {"i_account": 7}

    def _module(self) -> ModuleType:
        return importlib.import_module("portabilling_client.api.account.update_account")

    def _arguments(self, **overrides: Any) -> tuple[tuple[Any, ...], dict[str, Any]]:
        from portabilling_client.models import AccountInfo, UpdateAccountParams, UpdateAccountRequest

        account_info = overrides.pop("account_info", None) or AccountInfo(i_account=7, firstname="Ann")
        params = UpdateAccountParams(account_info=account_info)
        body = overrides.pop("body", None) or UpdateAccountRequest(params=params)
        return (), {"body": body, **overrides}


class TwoSmsKit(Kit):
    """2sms with a client-credentials token endpoint: issues, expires and checks bearer tokens."""

    package_name = "twosms_client"
    name = "twosms"
    method = "PUT"
    account_id = uuid.UUID("3f2504e0-4f89-41d3-9a0c-0305e82c3301")
    path = f"/api/v2/admin/accounts/{account_id}"
    token_path = "/Token"
    credentials = {"client_id": "client-42", "client_secret": "2sms-SECRET-client-secret"}
    env = {"client_id": "TWOSMS_CLIENT_ID", "client_secret": "TWOSMS_CLIENT_SECRET", "base_url": "TWOSMS_BASE_URL"}

    def __init__(self, server: MockServer) -> None:
        self._state = threading.Lock()
        self.expires_in: Any = 28800
        self.token_delay = 0.0
        self.issued: list[str] = []
        self.valid: set[str] = set()
        super().__init__(server)

    @property
    def secrets(self) -> tuple[str, ...]:  # type: ignore[override]
        return ("2sms-SECRET-client-secret", "SmsPass-SECRET-1", *self.issued)

    def install_routes(self) -> None:
        self.server.route("POST", self.token_path, self._token)
        self.server.route(self.method, self.path, self._update)

    def _token(self, request: Recorded) -> Reply:
        form = request.form()
        if form != {
            "grant_type": "client_credentials",
            "client_id": "client-42",
            "client_secret": "2sms-SECRET-client-secret",
        }:
            return Reply(400, json={"error": "invalid_client", "error_description": "Unknown client"})
        with self._state:
            n = len(self.issued) // 2 + 1
            access, refresh = f"2sms-access-SECRET-{n}", f"2sms-refresh-SECRET-{n}"
            self.issued += [access, refresh]
            self.valid.add(access)
        body = {"access_token": access, "token_type": "bearer", "expires_in": self.expires_in, "refresh_token": refresh}
        return Reply(json=body, delay=self.token_delay)

    def _update(self, request: Recorded) -> Reply:
        header = request.headers.get("authorization", "")
        if not header.startswith("Bearer ") or header[len("Bearer ") :] not in self.valid:
            return Reply(401, json=self.envelope_error("401", "Authorization has been denied for this request."))
        return Reply(json=self.ok_body())

    def revoke_tokens(self) -> None:
        with self._state:
            self.valid.clear()

    @staticmethod
    def envelope_error(code: str, reason: str) -> dict[str, Any]:
        return {"Error": {"ErrorCode": code, "ErrorReason": reason}, "ResponseData": None}

    def ok_body(self) -> Any:
        return {"Error": None, "ResponseData": {"Identification": {"UserId": "u-1"}, "Result": "Success"}}

    def _module(self) -> ModuleType:
        return importlib.import_module("twosms_client.api.accounts.update_account")

    def _arguments(self, **overrides: Any) -> tuple[tuple[Any, ...], dict[str, Any]]:
        from twosms_client.models import AccountV3

        account_id = overrides.pop("id", self.account_id)
        body = overrides.pop("body", None) or AccountV3(
            contact_number="+44 20 7946 0000",
            email_address="ops@example.com",
            sms_password="SmsPass-SECRET-1",
            sms_username="ops",
            time_zone="GMT Standard Time",
        )
        return (account_id,), {"body": body, **overrides}


KITS: dict[str, type[Kit]] = {
    kit.name: kit for kit in (InTandemKit, ActivePlatformKit, PortaBillingKit, OctopushKit, TwoSmsKit)
}
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
