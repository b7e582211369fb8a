"""Authentication schemes as ``httpx.Auth`` flows (sync and async), for every vendor to use.

openapi-python-client knows only "a bearer token in a header"; the vendors use a ``Token token="…"``
header, a query parameter, a pair of headers, a session login with renewal, and OAuth2 client
credentials. The generic flows are here: ``TokenHeaderAuth``, ``QueryTokenAuth``, ``HeaderKeysAuth``,
``ClientCredentialsAuth``, and ``TokenFlow``, the machinery of every flow that obtains a token and
renews it, which a vendor's own session rules subclass in its package (PortaBilling's login is
``portabilling_client._vendor.PortaBillingSessionAuth``). Each flow adds exactly what its vendor
expects and registers every secret it sees with the client's ``Redactor``. Flows that fetch tokens
hold a lock while doing so, so that fifty concurrent calls on a cold client make one login, not
fifty; a caller waits for that lock no longer than its own deadline allows (see ``limits``). The
token is shared by every thread and event loop; the locks are per thread (one) and per event loop
(see ``loops``), and a forked child starts with new ones and no token (see ``forks``). An auth flow
holds credentials, so it never pickles.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn

import httpx

from . import forks, limits
from .bodies import NestedTooDeep, load_json
from .errors import (
    ApiError,
    ApiStatusError,
    AuthenticationError,
    ClientPicklingError,
    ConfigurationError,
    ResponseParseError,
    error_class_for_status,
    printable,
)
from .loops import PerLoop
from .redaction import Redactor

if TYPE_CHECKING:
    import asyncio


class _NeverPickled:
    """Auth flows hold credentials: pickling one would put them in the pickle."""

    def __reduce__(self) -> NoReturn:
        raise ClientPicklingError(
            f"{type(self).__name__} holds credentials and is never pickled; pickle the client instead "
            "(it travels as its configuration, see accountkit_runtime.pickling)"
        )


def _check_header_value(name: str, value: str) -> None:
    if not value:
        raise ConfigurationError(f"{name} is empty")
    if any(ch in value for ch in '"\r\n') or not all(" " <= ch <= "~" for ch in value):
        raise ConfigurationError(
            f"{name} contains a double quote, a control or a non-ASCII character, which cannot be sent in a header"
        )


class TokenHeaderAuth(_NeverPickled, httpx.Auth):
    """``Authorization: Token token="<token>"`` (inTandem / vcita directory tokens)."""

    def __init__(self, token: str) -> None:
        _check_header_value("token", token)
        self._value = f'Token token="{token}"'

    def __repr__(self) -> str:
        return "TokenHeaderAuth(token=***)"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._value
        yield request


class QueryTokenAuth(_NeverPickled, httpx.Auth):
    """A token in the query string, e.g. ActivePlatform's ``?api_token=…``."""

    def __init__(self, name: str, token: str) -> None:
        if not token:
            raise ConfigurationError(f"{name} is empty")
        self._name, self._token = name, token
        # The query of a URL that has none yet, as ``copy_merge_params`` would encode it: worked out once.
        self._alone = str(httpx.QueryParams({name: token})).encode("ascii")

    def __repr__(self) -> str:
        return f"QueryTokenAuth({self._name}=***)"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        url = request.url
        if url.query:
            request.url = url.copy_merge_params({self._name: self._token})
        else:  # most calls: the same URL, without re-encoding a token that never changes
            request.url = url.copy_with(query=self._alone)
        yield request


class HeaderKeysAuth(_NeverPickled, httpx.Auth):
    """Several headers sent together, e.g. Octopush's ``api-login`` + ``api-key``."""

    def __init__(self, headers: dict[str, str]) -> None:
        for name, value in headers.items():
            _check_header_value(name, value)
        self._headers = dict(headers)

    def __repr__(self) -> str:
        return f"HeaderKeysAuth({', '.join(f'{name}=***' for name in self._headers)})"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers.update(self._headers)
        yield request


@dataclass
class Token:
    """A token a ``TokenFlow`` obtained: the access token, the refresh token if any, and when it expires."""

    access: str
    refresh: str | None = None
    expires_at: float | None = None  # monotonic clock


class _Renewal:
    """Steps through a renewal generator one request at a time, for the async flow."""

    def __init__(self, steps: Generator[httpx.Request, httpx.Response, Token]) -> None:
        self._steps = steps
        self.request: httpx.Request | None = next(steps)
        self.token: Token | None = None

    def answer(self, response: httpx.Response) -> None:
        try:
            self.request = self._steps.send(response)
        except StopIteration as done:
            self.request, self.token = None, done.value

    def result(self) -> Token:
        """The token the renewal obtained (it raises, instead of finishing, when it obtains none)."""
        assert self.token is not None, "renewal not finished"
        return self.token


class TokenFlow(_NeverPickled, httpx.Auth):
    """Shared machinery of flows that obtain a token, use it as a Bearer, and renew it on rejection.

    Subclasses say how to obtain a token (``_obtain_requests``), how to read the answer
    (``_read_token``) and which responses mean "renew" (``_needs_renewal``). Obtaining is a small
    sequence of attempts (e.g. refresh token, then full login); the first that yields a token wins.

    The flows override ``sync_auth_flow`` / ``async_auth_flow`` themselves, so httpx's
    ``requires_response_body`` does not apply: every response is read here before it is looked at.
    Token requests inherit the timeout of the call they serve (httpx gives requests made inside an
    auth flow no timeout of their own).
    """

    requires_response_body = True
    # What the token requests are called in error messages, e.g. "PortaBilling login".
    description = "token request"
    # A token whose lifetime is announced is renewed this long before it expires ...
    EXPIRY_LEEWAY = 60.0
    # ... or this share of its lifetime before, if that is less (see ``_expiry``).
    LEEWAY_SHARE = 0.1
    # Credentials refused are refused for this long: calls in that time fail with the same refusal at
    # once, nothing sent (see ``_held_refusal``).
    REFUSAL_HOLD = 60.0

    def __init__(self, redactor: Redactor) -> None:
        self._redactor = redactor
        self._token: Token | None = None
        self._refusal: tuple[float, ApiStatusError] | None = None  # (when, the error) of the last refusal
        self._thread_lock = threading.Lock()
        self._async_locks: PerLoop[asyncio.Lock] = PerLoop()
        self.token_requests = 0  # how many token/login requests were sent (observable in tests)
        forks.renew_in_child(self)

    def _after_fork(self) -> None:
        # The parent's token stays the parent's (a refresh in one process must not undo the other's),
        # and its locks may be held by a thread that does not exist here.
        self._token = None
        self._refusal = None
        self._thread_lock = threading.Lock()
        self._async_locks = PerLoop()

    # -- to be provided by subclasses ---------------------------------------------------------
    def _obtain_requests(self, stale: Token | None) -> Iterable[Callable[[], httpx.Request]]:
        raise NotImplementedError

    def _read_token(self, response: httpx.Response) -> Token | None:
        raise NotImplementedError

    def _needs_renewal(self, response: httpx.Response) -> bool:
        raise NotImplementedError

    def _read_refusal(self, response: httpx.Response) -> tuple[str | None, str | None]:
        """The vendor's (code, message) in a failed token response."""
        raise NotImplementedError

    def _is_refusal(self, status_code: int, code: str | None) -> bool:
        """Whether a failed token response means "these credentials are refused"."""
        return status_code in (400, 401, 403)

    def _explain(self, code: str | None) -> str | None:
        """What a vendor's refusal code means, for the error message (None: its code and text say enough)."""
        return None

    # -- shared logic --------------------------------------------------------------------------
    def _valid(self) -> Token | None:
        token = self._token
        if token is not None and token.expires_at is not None and time.monotonic() >= token.expires_at:
            return None
        return token

    def _expiry(self, expires_in: Any) -> float | None:
        """When to renew a token announced to live ``expires_in`` seconds (monotonic clock); None: unknown.

        ``EXPIRY_LEEWAY`` seconds before it expires, or a tenth of its lifetime before if that is less,
        so that a token living a minute or less still serves most of its life instead of one token
        request per call. An ``expires_in`` that is no positive finite number of seconds (missing, zero,
        negative, garbage) says nothing about the expiry: the token is then kept until it is refused.
        """
        lifetime = _seconds(expires_in)
        if lifetime is None:
            return None
        return time.monotonic() + lifetime - min(self.EXPIRY_LEEWAY, lifetime * self.LEEWAY_SHARE)

    def _store(self, token: Token) -> None:
        self._redactor.add(token.access, token.refresh)
        self._token = token
        self._refusal = None

    def _held_refusal(self) -> ApiStatusError | None:
        """The refusal of these credentials, if one came less than ``REFUSAL_HOLD`` seconds ago.

        A client's credentials do not change: asked again, the vendor refuses them again. A bulk job
        would send one refused login per item (fifty waiting calls, fifty logins), and vendors lock an
        account out after a few (PortaBilling's ``cannot_login_brute_force_activity``). So while the
        refusal holds, every call fails with it at once, sending nothing; then one call tries again.
        """
        held = self._refusal
        if held is None:
            return None
        when, refusal = held
        ago = time.monotonic() - when
        if ago >= self.REFUSAL_HOLD:
            return None
        return type(refusal)(
            f"{refusal.message} (refused {ago:.0f} s ago; not asked again for {self.REFUSAL_HOLD:.0f} s)",
            status_code=refusal.status_code,
            code=refusal.code,
            vendor_message=refusal.vendor_message,
        )

    def _authorize(self, request: httpx.Request, token: Token) -> httpx.Request:
        request.headers["Authorization"] = f"Bearer {token.access}"
        return request

    def _refused(self, response: httpx.Response) -> ApiError:
        """The error for a token response that brought no token.

        AuthenticationError when the credentials were refused; when the service failed instead
        (an outage, a rate limit), the class of its status, so that callers do not go looking for a
        credentials problem; ResponseParseError for a success status without a token.
        """
        code, text = self._read_refusal(response)
        code = printable(self._redactor.text(code)) if code else None
        text = printable(self._redactor.text(text)) if text else None
        status = response.status_code
        detail = f"{code}: {text}" if code else f"HTTP {status}" + (f": {text}" if text else "")
        explained = self._explain(code)
        message = self._redactor.text(f"{self.description} failed ({detail})" + (f": {explained}" if explained else ""))
        if 200 <= status < 300:
            return ResponseParseError(f"{message}: no access token in the response", response=response)
        error_class: type[ApiStatusError] = (
            AuthenticationError if self._is_refusal(status, code) else error_class_for_status(status)
        )
        return error_class(message, response=response, code=code, vendor_message=text)

    def _renew_flow(self, stale: Token | None, call: httpx.Request) -> Generator[httpx.Request, httpx.Response, Token]:
        """Send the obtain requests in turn; return the first token, or raise the last refusal."""
        held = self._held_refusal()
        if held is not None:
            raise held
        last: httpx.Response | None = None
        for make_request in self._obtain_requests(stale):
            self.token_requests += 1
            token_request = make_request()
            if "timeout" in call.extensions:
                token_request.extensions["timeout"] = call.extensions["timeout"]
            response = yield token_request
            response.read()  # a no-op when the async flow has already read it
            token = self._read_token(response)
            if token is not None:
                self._store(token)
                return token
            last = response
        assert last is not None
        refusal = self._refused(last)
        if isinstance(refusal, AuthenticationError):  # the credentials, not an outage: remembered
            self._refusal = (time.monotonic(), refusal)
        raise refusal

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        token = self._valid()
        if token is None:
            lock = self._thread_lock
            limits.acquire(lock, request, f"another call's {self.description}")
            try:
                token = self._valid()
                if token is None:
                    token = yield from self._renew_flow(self._token, request)
            finally:
                lock.release()
        response = yield self._authorize(request, token)
        response.read()
        if self._needs_renewal(response):
            lock = self._thread_lock
            limits.acquire(lock, request, f"another call's {self.description}")
            try:
                current = self._valid()
                if current is None or current.access == token.access:
                    current = yield from self._renew_flow(token, request)
            finally:
                lock.release()
            yield self._authorize(request, current)

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        # The same steps as sync_auth_flow. An async generator cannot ``yield from``, so the renewal
        # generator is stepped through by hand, each response read (asynchronously) before it goes back.
        lock = self._async_lock()
        token = self._valid()
        if token is None:
            async with lock:
                token = self._valid()
                if token is None:
                    renewal = _Renewal(self._renew_flow(self._token, request))
                    while renewal.request is not None:
                        reply = yield renewal.request
                        await reply.aread()
                        renewal.answer(reply)
                    token = renewal.result()
        response = yield self._authorize(request, token)
        await response.aread()
        if self._needs_renewal(response):
            async with lock:
                current = self._valid()
                if current is None or current.access == token.access:
                    renewal = _Renewal(self._renew_flow(token, request))
                    while renewal.request is not None:
                        reply = yield renewal.request
                        await reply.aread()
                        renewal.answer(reply)
                    current = renewal.result()
            yield self._authorize(request, current)

    def _async_lock(self) -> asyncio.Lock:
        """This event loop's lock (an asyncio.Lock must not be shared across loops).

        Waiting for it is bounded by the ``asyncio.timeout`` that ``transport`` runs the call in.
        """
        import asyncio  # here, not at the top: only an async flow (in a running loop) needs it

        return self._async_locks.get(asyncio.Lock)


def json_body(response: httpx.Response) -> Any:
    """A token or login response's JSON (None when it is not JSON); nested too deep: ResponseParseError."""
    try:
        return load_json(response.content)
    except NestedTooDeep as exc:  # a hostile token endpoint: refused, never a RecursionError
        raise ResponseParseError(f"token response unreadable: {exc}", response=response) from None
    except ValueError:
        return None


_LONGEST_LIFETIME = 10 * 365 * 24 * 3600.0  # beyond this, "valid for ever" is what a server means


def _seconds(value: Any) -> float | None:
    """A token lifetime (``expires_in``) in seconds, or None when it is no positive finite number."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        seconds = float(value)
    except (ValueError, OverflowError):  # "soon"; an integer with hundreds of digits
        return None
    if math.isnan(seconds) or seconds <= 0:
        return None
    return min(seconds, _LONGEST_LIFETIME)


class ClientCredentialsAuth(TokenFlow):
    """OAuth2 client credentials (e.g. 2sms): a token from the token URL, cached until shortly before expiry.

    A 401 on a call with a cached token renews it once and replays the call. The token is renewed
    shortly before its ``expires_in`` says it expires (``TokenFlow._expiry``); without a usable
    ``expires_in`` it is kept until a 401.
    """

    def __init__(
        self,
        token_url: str,
        *,
        client_id: str,
        client_secret: str,
        redactor: Redactor,
        description: str = "token request",
    ) -> None:
        super().__init__(redactor)
        self.description = description  # e.g. "2sms token request", in error messages
        if not client_id or not client_secret:
            raise ConfigurationError("client_id and client_secret must not be empty")
        self._token_url = token_url
        self._form = {"grant_type": "client_credentials", "client_id": client_id, "client_secret": client_secret}
        redactor.add(client_secret)

    def __repr__(self) -> str:
        return f"ClientCredentialsAuth(token_url={self._token_url!r}, client_id=***)"

    def _obtain_requests(self, stale: Token | None) -> Iterable[Callable[[], httpx.Request]]:
        yield lambda: httpx.Request("POST", self._token_url, data=self._form)

    def _read_token(self, response: httpx.Response) -> Token | None:
        body = json_body(response)
        if response.status_code != 200 or not isinstance(body, dict) or not isinstance(body.get("access_token"), str):
            return None
        expires_at = self._expiry(body.get("expires_in"))
        return Token(access=body["access_token"], refresh=body.get("refresh_token"), expires_at=expires_at)

    def _needs_renewal(self, response: httpx.Response) -> bool:
        return response.status_code == 401

    def _read_refusal(self, response: httpx.Response) -> tuple[str | None, str | None]:
        body = json_body(response)
        if not isinstance(body, dict):
            return None, None
        code, text = body.get("error"), body.get("error_description")
        return (code if isinstance(code, str) else None, text if isinstance(text, str) else None)
