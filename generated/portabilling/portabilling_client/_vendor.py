"""PortaBilling: session login, faults and credentials (shipped as ``portabilling_client._vendor``).

What is PortaBilling's alone lives here, in its package: the session rules (``Session/login``, the
refresh, the faultcodes that mean "log in again"), how a fault reads, and the password-or-token rule of
``connect()``'s credentials (the arguments and their environment variables are the spec's). The
machinery they plug into is ``accountkit_runtime``'s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import httpx
from accountkit_runtime.auth import Token, TokenFlow, json_body
from accountkit_runtime.connect import check_credential, credential
from accountkit_runtime.errors import ApiStatusError, AuthenticationError, ConfigurationError
from accountkit_runtime.redaction import Redactor
from accountkit_runtime.settings import VendorProfile, generic_error_reader

from portabilling_client._facts import CREDENTIALS, LOGIN_REFUSED_FAULTCODES, SESSION_FAULTCODES

# The faultcodes meaning "not authenticated / session expired" (SESSION_FAULTCODES: the session is
# renewed once and the call replayed) and those of a refused Session/login (LOGIN_REFUSED_FAULTCODES:
# never worth repeating) are the spec's, on its Fault schema (``_facts``). A lock-out after repeated
# failed logins is a refusal too, which the public clients of the API treat as one; what it means is
# said here, as no faultstring says it.
LOCKED_OUT_FAULTCODE = "Server.Session.cannot_login_brute_force_activity"


def read_error(status_code: int, body: Any) -> tuple[str | None, str | None]:
    """Faults are HTTP 500 with ``{"faultcode": "...", "faultstring": "..."}``."""
    if isinstance(body, dict) and "faultcode" in body:
        string = body.get("faultstring")
        return str(body["faultcode"]), str(string) if string is not None else None
    return generic_error_reader(status_code, body)


def classify(status_code: int, code: str | None) -> type[ApiStatusError] | None:
    """Session and login faults are authentication errors, whatever their HTTP status."""
    if code in SESSION_FAULTCODES or code in LOGIN_REFUSED_FAULTCODES:
        return AuthenticationError
    return None


def explain(code: str | None) -> str | None:
    """What a faultcode means where its faultstring may not say it, for error messages."""
    if code == LOCKED_OUT_FAULTCODE:
        return (
            "the account is locked out after too many failed logins: check the credentials and wait "
            "before logging in again (every attempt meanwhile may extend the lock-out)"
        )
    return None


PROFILE = VendorProfile(name="PortaBilling", read_error=read_error, classify=classify, explain=explain)


class PortaBillingSessionAuth(TokenFlow):
    """``Session/login`` → ``Authorization: Bearer <access_token>``, renewed on session faults.

    The access token is reused until a call fails with one of the "not authenticated / session
    expired" faultcodes (``SESSION_FAULTCODES``, HTTP 500), or until shortly before the lifetime the
    login's optional ``expires_in`` announces (``TokenFlow._expiry``: the leeway scales with the
    lifetime); then the session is renewed once, refresh token first and a fresh login if that fails,
    and the call is replayed. ``expires_at`` is not used: it is the server's local time, with no zone.
    A refused login (``LOGIN_REFUSED_FAULTCODES``, a lock-out included) is an ``AuthenticationError``,
    never repeated.
    """

    LOGIN_PATH = "/Session/login"
    REFRESH_PATH = "/Session/refresh_access_token"
    description = "PortaBilling login"

    def __init__(
        self, base_url: str, *, login: str, password: str | None = None, token: str | None = None, redactor: Redactor
    ) -> None:
        super().__init__(redactor)
        if not login:
            raise ConfigurationError("login is empty")
        if not (password or token):
            raise ConfigurationError("PortaBilling needs a password or a token to log in")
        self._base_url = base_url.rstrip("/")
        self._credentials = {"login": login, **({"password": password} if password else {"token": token})}
        redactor.add(password, token)

    def __repr__(self) -> str:
        return f"PortaBillingSessionAuth(base_url={self._base_url!r}, login=***)"

    def _obtain_requests(self, stale: Token | None) -> Iterable[Callable[[], httpx.Request]]:
        if stale is not None and stale.refresh:
            refresh = stale.refresh
            yield lambda: httpx.Request(
                "POST", self._base_url + self.REFRESH_PATH, json={"params": {"refresh_token": refresh}}
            )
        yield lambda: httpx.Request("POST", self._base_url + self.LOGIN_PATH, json={"params": self._credentials})

    def _read_token(self, response: httpx.Response) -> Token | None:
        body = json_body(response)
        if response.status_code == 200 and isinstance(body, dict) and isinstance(body.get("access_token"), str):
            refresh = body.get("refresh_token")
            return Token(
                access=body["access_token"],
                refresh=refresh if isinstance(refresh, str) else None,
                expires_at=self._expiry(body.get("expires_in")),
            )
        return None

    def _needs_renewal(self, response: httpx.Response) -> bool:
        if response.status_code not in (401, 500):
            return False
        body = json_body(response)
        return isinstance(body, dict) and body.get("faultcode") in SESSION_FAULTCODES

    def _read_refusal(self, response: httpx.Response) -> tuple[str | None, str | None]:
        body = json_body(response)
        if not isinstance(body, dict):
            return None, None
        code, text = body.get("faultcode"), body.get("faultstring")
        return (code if isinstance(code, str) else None, text if isinstance(text, str) else None)

    def _is_refusal(self, status_code: int, code: str | None) -> bool:
        # Every PortaBilling fault is HTTP 500: the faultcode tells a refused login from a failure.
        return super()._is_refusal(status_code, code) or code in LOGIN_REFUSED_FAULTCODES or code in SESSION_FAULTCODES

    def _explain(self, code: str | None) -> str | None:
        return explain(code)


# connect()'s docstring (``_connect.py``, generated): its summary and notes; the fallbacks are the spec's.
CONNECT_DOC = """A client for a PortaBilling server, logged in on first use with ``Session/login``.

``token`` is an API token, used instead of the password: the environment's password comes first.
``base_url`` is the server's REST root, e.g. ``https://billing.example.net:8444/rest``.
The session's access token is reused and renewed once (refresh token, then a new login) when a
call fails with a session fault.
"""


def resolve_credentials(
    *, login: str | None, password: str | None, token: str | None
) -> tuple[str, str | None, str | None]:
    """The login, and a password or a token: the arguments, else the environment's, password first.

    A password or token given as an argument is used as given (checked); only when neither is given are
    ``PORTABILLING_PASSWORD`` and then ``PORTABILLING_TOKEN`` read. Neither anywhere is a clear error.
    """
    user = credential("login", login, CREDENTIALS["login"])
    for argument, given in (("password", password), ("token", token)):
        if given:  # given as an argument (the environment's are checked by credential())
            check_credential(argument, given)
    if password is None and token is None:  # neither argument given: the environment, password first
        password = credential("password", None, CREDENTIALS["password"], required=False)
        token = None if password else credential("token", None, CREDENTIALS["token"], required=False)
    secret_password = password or None
    secret_token = None if secret_password else token or None
    if not (secret_password or secret_token):
        raise ConfigurationError(
            "missing credential: pass password=... (or token=...) to connect(), "
            f"or set {CREDENTIALS['password']} (or {CREDENTIALS['token']})"
        )
    assert user is not None
    return user, secret_password, secret_token


def authenticate(base_url: str, *, login: str, password: str | None, token: str | None) -> tuple[httpx.Auth, Redactor]:
    """The session flow (``PortaBillingSessionAuth``), logging in with the password or else the token."""
    redactor = Redactor([password, token])
    return PortaBillingSessionAuth(base_url, login=login, password=password, token=token, redactor=redactor), redactor
