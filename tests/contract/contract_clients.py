"""Driving the generated clients: building them, calling any operation from plain JSON, judging the outcome.

A request is plain data, `{"path": {...}, "query": {...}, "body": ...}` with the spec's wire names
and JSON values (what the spec's examples and the hypothesis strategies produce); `call_kwargs` turns
it into the generated function's arguments (attrs models via `from_dict`, UUIDs, ...).

`expected_outcome` is the oracle: from the HTTP status and body alone, and the vendors' documented
error rules (status classes; PortaBilling's session faultcodes, read from the spec; 2sms's `Error`
envelope), it says which exception the client must raise, with which vendor code and message.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import types
import typing
import uuid
import warnings
from dataclasses import dataclass
from typing import Any

import httpx
from contract_spec import Op, assert_same_json, spec
from contract_stats import STATS

# Credentials for the mock servers. PortaBilling's are the spec's own `password` login example, so
# that the login the auth flow sends is the example on the wire.
CREDENTIALS: dict[str, dict[str, str]] = {
    "intandem": {"token": "contract-directory-token"},
    "activeplatform": {"api_token": "contract-api-token"},
    "portabilling": {"login": "admin", "password": "secret123"},
    "octopush": {"api_login": "contract@example.com", "api_key": "contract-api-key"},
    "twosms": {"client_id": "contract-client", "client_secret": "contract-secret"},
}
TIMEOUT = 15.0

STATUS_ERRORS = {
    400: "BadRequestError",
    401: "AuthenticationError",
    403: "PermissionDeniedError",
    404: "NotFoundError",
    422: "UnprocessableError",
    429: "RateLimitError",
}


def package(api: str) -> types.ModuleType:
    return importlib.import_module(f"{api}_client")


def errors(api: str) -> types.ModuleType:
    return importlib.import_module(f"{api}_client.errors")


# ---------------------------------------------------------------------------------------------
# Watching Prism's answers
# ---------------------------------------------------------------------------------------------


class _Done:
    """An already-finished awaitable: lets one hook object serve httpx.Client and httpx.AsyncClient."""

    def __await__(self):  # type: ignore[no-untyped-def]
        return iter(())


_DONE = _Done()


def describe_violations(response: httpx.Response, raw: str) -> str:
    try:
        found = json.loads(raw)
    except ValueError:
        return f"{response.request.method} {response.request.url.path} -> {response.status_code}: {raw}"
    lines = []
    for v in found if isinstance(found, list) else [found]:
        where = ".".join(str(part) for part in v.get("location", []))
        lines.append(f"{v.get('severity')} {v.get('code')} at {where}: {v.get('message')}")
    head = f"{response.request.method} {response.request.url.path} -> HTTP {response.status_code}"
    return head + "\n    " + "\n    ".join(lines)


class PrismWatch:
    """httpx response hook: counts Prism's answers and keeps the decoded `sl-violations` of each."""

    def __init__(self, api: str) -> None:
        self.api = api
        self.violations: list[str] = []

    def __call__(self, response: httpx.Response) -> _Done:
        if "x-contract-stub" not in response.headers:
            STATS[self.api].prism_calls += 1
        raw = response.headers.get("sl-violations")
        if raw:
            self.violations.append(describe_violations(response, raw))
        return _DONE

    def take(self) -> list[str]:
        found, self.violations = self.violations, []
        return found


class TokenStub(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """The real HTTP transport, except that 2sms's `POST /Token` is answered locally.

    The token endpoint is not an operation of specs/twosms.yaml (it is the oauth2 scheme's tokenUrl),
    so Prism has no route for it. The answer has the usual OAuth2 fields the client reads; the wire
    tests check the token request itself against a local server.
    """

    TOKEN = {"access_token": "contract-access-token", "token_type": "bearer", "expires_in": 28800}

    def __init__(self) -> None:
        self._sync = httpx.HTTPTransport()
        self._async = httpx.AsyncHTTPTransport()
        self.token_requests: list[httpx.Request] = []

    def _token(self, request: httpx.Request) -> httpx.Response | None:
        if request.method == "POST" and request.url.path == "/Token":
            request.read()
            self.token_requests.append(request)
            return httpx.Response(200, json=self.TOKEN, headers={"x-contract-stub": "token"})
        return None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._token(request) or self._sync.handle_request(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return self._token(request) or await self._async.handle_async_request(request)

    def close(self) -> None:
        self._sync.close()

    async def aclose(self) -> None:
        await self._async.aclose()


# ---------------------------------------------------------------------------------------------
# Clients and calls
# ---------------------------------------------------------------------------------------------


class Harness:
    """One API behind one Prism server: clients wired to the watch hook, and exchanges checked."""

    def __init__(self, api: str, base_url: str) -> None:
        self.api = api
        self.base_url = base_url
        self.watch = PrismWatch(api)
        self._clients: dict[bool, Any] = {}

    def httpx_args(self) -> dict[str, Any]:
        args: dict[str, Any] = {"event_hooks": {"response": [self.watch]}}
        if self.api == "twosms":
            args["transport"] = TokenStub()
        return args

    def connect(self, **overrides: Any) -> Any:
        arguments = {
            "base_url": self.base_url,
            "max_retries": 0,  # an error status must come back at once, not after back-off sleeps
            "timeout": TIMEOUT,
            "httpx_args": self.httpx_args(),
            **CREDENTIALS[self.api],
            **overrides,
        }
        return package(self.api).connect(**arguments)

    def unauthenticated(self) -> Any:
        """An AuthenticatedClient with the vendor's settings but no credentials at all."""
        settings = self.connect().settings
        return package(self.api).AuthenticatedClient(
            base_url=self.base_url, timeout=httpx.Timeout(TIMEOUT), settings=settings, httpx_args=self.httpx_args()
        )

    def client_for(self, op: Op, *, fresh: bool = False) -> Any:
        """`connect()`'s client for secured operations; a plain `Client` for `security: []` ones.

        Sync clients are cached (connection reuse, one PortaBilling login); async calls need a fresh
        client per event loop.
        """
        if not fresh and op.secured in self._clients:
            return self._clients[op.secured]
        client = self.connect()
        if not op.secured:
            client = package(self.api).Client(
                base_url=self.base_url,
                timeout=httpx.Timeout(TIMEOUT),
                settings=client.settings,
                httpx_args=self.httpx_args(),
            )
        if not fresh:
            self._clients[op.secured] = client
        return client

    def close(self) -> None:
        for client in self._clients.values():
            client.close()
        self._clients.clear()


def _concrete(annotation: Any) -> Any:
    options = typing.get_args(annotation) if typing.get_origin(annotation) in (typing.Union, types.UnionType) else ()
    for option in options or (annotation,):
        if option is type(None) or getattr(option, "__name__", "") == "Unset":
            continue
        return option
    raise TypeError(f"no concrete type in {annotation!r}")


def _convert(annotation: Any, value: Any) -> Any:
    kind = _concrete(annotation)
    if hasattr(kind, "from_dict"):
        return kind.from_dict(value)
    if kind is uuid.UUID:
        return uuid.UUID(value)
    return value


def python_name(name: str) -> str:
    return "".join(ch if ch.isalnum() else "_" for ch in name).lower()


def call_kwargs(op: Op, request: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(op.module.sync_detailed)
    kwargs: dict[str, Any] = {}
    for where in ("path", "query"):
        for name, value in (request.get(where) or {}).items():
            argument = python_name(name)
            assert argument in hints, f"{op.id}: no argument for {where} parameter {name!r}"
            kwargs[argument] = _convert(hints[argument], value)
    if request.get("body") is not None:
        kwargs["body"] = _convert(hints["body"], request["body"])
    return kwargs


def invoke(op: Op, client: Any, request: dict[str, Any], options: Any = None, mode: str = "sync") -> Any:
    """Call the operation's `sync_detailed` or `asyncio_detailed` (the async client is closed after)."""
    kwargs = call_kwargs(op, request)
    with warnings.catch_warnings():
        # Deprecated operations warn on every call; test_contract_prism_examples asserts the warning.
        warnings.simplefilter("ignore", DeprecationWarning)
        if mode == "sync":
            return op.module.sync_detailed(client=client, request_options=options, **kwargs)

        async def run() -> Any:
            try:
                return await op.module.asyncio_detailed(client=client, request_options=options, **kwargs)
            finally:
                await client.aclose()

        return asyncio.run(run())


# ---------------------------------------------------------------------------------------------
# The oracle
# ---------------------------------------------------------------------------------------------

ANY = object()  # "not checked"


@dataclass(frozen=True)
class Expected:
    error: str | None  # class name in <api>_client.errors, None for success
    code: Any = ANY
    message: Any = ANY


def _text(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def twosms_envelope_error(body: Any) -> tuple[str | None, str | None] | None:
    """The 2sms envelope's `Error`, if it reports one.

    The spec: "When `Error` is present (not null) the call failed". An `Error` object whose members
    are all missing or empty is treated as no error here, as the client does; that divergence from
    the spec's wording is test_contract_known_issues.py::test_twosms_empty_error_object.
    """
    error = body.get("Error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        return None
    code, reason = _text(error.get("ErrorCode")), _text(error.get("ErrorReason"))
    if code is None and reason is None:
        return None
    return code, reason


def expected_outcome(op: Op, status: int, body: Any) -> Expected:
    api = op.api
    if 200 <= status < 300:
        if api == "twosms" and (reported := twosms_envelope_error(body)) is not None:
            return Expected("VendorError", *reported)
        return Expected(None)
    error = STATUS_ERRORS.get(status) or ("ServerError" if status >= 500 else "BadRequestError")
    if api == "portabilling" and isinstance(body, dict) and "faultcode" in body:
        fault = spec(api)["components"]["schemas"]["Fault"]
        auth_codes = {*fault["x-accountkit-session-faultcodes"], *fault["x-accountkit-login-refused-faultcodes"]}
        if body["faultcode"] in auth_codes:
            error = "AuthenticationError"
        return Expected(error, _text(body["faultcode"]), _text(body.get("faultstring")))
    if api == "octopush" and isinstance(body, dict) and ("code" in body or "message" in body):
        return Expected(error, _text(body.get("code")), _text(body.get("message")))
    if api == "twosms" and (reported := twosms_envelope_error(body)) is not None:
        return Expected(error, *reported)
    if api == "intandem" and isinstance(body, str):
        return Expected(error, None, body.strip() or None)
    return Expected(error)


def decode(content: bytes) -> Any:
    if not content:
        return None
    try:
        return json.loads(content)
    except ValueError:
        return content.decode("utf-8", "replace")


def check_parsed(op: Op, status: int, body: Any, parsed: Any, what: str) -> None:
    """The generated parser's result for `status` gives back the body (date-times as instants)."""
    schema = op.response_schema(status)
    if schema is None:
        assert parsed is None, f"{what}: HTTP {status} documents no body, parser returned {parsed!r}"
    elif hasattr(parsed, "to_dict"):
        assert_same_json(op.doc, schema, body, parsed.to_dict(), f"{what}: to_dict() of the parsed HTTP {status} body")
    else:
        assert parsed == body, f"{what}: parsed HTTP {status} body {parsed!r} != {body!r}"


def check_error(op: Op, error: Exception, want: Expected, what: str) -> None:
    assert type(error).__name__ == want.error, f"{what}: expected {want.error}, client raised {error!r}"
    if want.code is not ANY:
        assert error.code == want.code, f"{what}: error code {error.code!r} != {want.code!r}"  # type: ignore[attr-defined]
    if want.message is not ANY:
        assert error.vendor_message == want.message, (  # type: ignore[attr-defined]
            f"{what}: vendor message {error.vendor_message!r} != {want.message!r}"  # type: ignore[attr-defined]
        )


def prefer(status: int | None = None, *, example: str | None = None, dynamic: bool = False) -> str | None:
    parts = [f"code={status}"] if status is not None else []
    if example:
        parts.append(f"example={example}")
    if dynamic:
        parts.append("dynamic=true")
    return ", ".join(parts) or None


@dataclass
class Exchange:
    status: int
    body: Any
    parsed: Any
    error: Exception | None


def exchange(
    harness: Harness,
    op: Op,
    request: dict[str, Any],
    *,
    status: int | None = None,
    example: str | None = None,
    dynamic: bool = False,
    mode: str = "sync",
    client: Any = None,
    what: str = "",
) -> Exchange:
    """One call through Prism, checked end to end.

    Pass means: Prism reports no violation (`sl-violations` absent) on any exchange of the call,
    answers the requested status, the client raises exactly the oracle's error class with the
    documented code and message (or none on success), and the generated parser gives the body back.
    """
    what = what or op.id
    pkg, errs = package(op.api), errors(op.api)
    header = prefer(status, example=example, dynamic=dynamic)
    options = pkg.RequestOptions(extra_headers={"Prefer": header}) if header else None
    if client is None:
        client = harness.client_for(op, fresh=mode != "sync")
    harness.watch.take()
    error: Exception | None = None
    result = None
    try:
        result = invoke(op, client, request, options, mode)
    except errs.ApiStatusError as exc:
        error = exc
    except Exception as exc:
        found = harness.watch.take()
        if found:
            raise AssertionError(f"{what}: Prism reported violations:\n" + "\n".join(found)) from exc
        raise
    found = harness.watch.take()
    assert not found, f"{what}: Prism reported violations:\n" + "\n".join(found)

    if error is not None:
        response = error.response  # type: ignore[attr-defined]
        actual, content = response.status_code, response.content
    else:
        actual, content = int(result.status_code), result.content
    body = decode(content)
    wanted = status if status is not None else op.success_status
    assert actual == wanted, f"{what}: asked Prism for HTTP {wanted}, got {actual}: {body!r}"

    want = expected_outcome(op, actual, body)
    if want.error is None:
        assert error is None, f"{what}: HTTP {actual} should parse, client raised {error!r}"
        parsed = result.parsed
    else:
        assert error is not None, f"{what}: HTTP {actual} with {body!r} should raise {want.error}, it returned"
        check_error(op, error, want, what)
        parsed = op.module._build_response(client=client, response=error.response).parsed  # type: ignore[attr-defined]
    check_parsed(op, actual, body, parsed, what)

    stats = STATS[op.api]
    stats.operations.add(op.op_id)
    if dynamic:
        stats.dynamic += 1
    if actual >= 400:
        stats.error_statuses.add((op.op_id, actual))
    return Exchange(actual, body, parsed, error)
