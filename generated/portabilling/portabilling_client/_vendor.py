"""PortaBilling: session login, faults and credentials (becomes ``portabilling_client._vendor``)."""

from __future__ import annotations

from typing import Any

import httpx

from ._runtime.auth import PortaBillingSessionAuth
from ._runtime.connect import build_client, check_credential, credential, resolve_base_url
from ._runtime.errors import ApiStatusError, AuthenticationError, ConfigurationError
from ._runtime.pickling import remember_configuration
from ._runtime.redaction import Redactor
from ._runtime.settings import VendorProfile, generic_error_reader
from .client import AuthenticatedClient

# Faultcodes meaning "not authenticated / session expired": the session is renewed once and the call
# replayed. The same list is the spec's Fault `x-accountkit-session-faultcodes` (a test keeps them equal).
SESSION_FAULTCODES = frozenset(
    {
        "Server.Session.check_auth.auth_failed",
        "Client.check_auth.envelope_missed",
        "Client.Session.check_auth.failed_to_process_jwt",
        "Client.Session.check_auth.failed_to_process_access_token",
    }
)
LOGIN_FAILED_FAULTCODE = "Server.Session.auth_failed"


def read_error(status_code: int, body: Any) -> tuple[str | None, str | None]:
    """Faults are HTTP 500 with ``{"faultcode": "...", "faultstring": "..."}``."""
    if isinstance(body, dict) and "faultcode" in body:
        string = body.get("faultstring")
        return str(body["faultcode"]), str(string) if string is not None else None
    return generic_error_reader(status_code, body)


def classify(status_code: int, code: str | None) -> type[ApiStatusError] | None:
    """Session and login faults are authentication errors, whatever their HTTP status."""
    if code in SESSION_FAULTCODES or code == LOGIN_FAILED_FAULTCODE:
        return AuthenticationError
    return None


PROFILE = VendorProfile(name="PortaBilling", read_error=read_error, classify=classify)


@remember_configuration(password="PORTABILLING_PASSWORD", token="PORTABILLING_TOKEN")
def connect(
    *,
    base_url: str | None = None,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    validate_requests: bool = True,
    login: str | None = None,
    password: str | None = None,
    token: str | None = None,
    allow_insecure_http: bool = False,
    httpx_args: dict[str, Any] | None = None,
) -> AuthenticatedClient:
    """A client for a PortaBilling server, logged in on first use with ``Session/login``.

    ``login`` falls back to ``PORTABILLING_LOGIN``; ``password`` to ``PORTABILLING_PASSWORD``, or
    ``token`` (an API token, used instead of the password) to ``PORTABILLING_TOKEN``. ``base_url`` is
    the server's REST root, e.g. ``https://billing.example.net:8444/rest`` (``PORTABILLING_BASE_URL``).
    The session's access token is reused and renewed once (refresh token, then a new login) when a
    call fails with a session fault.
    """
    user = credential("login", login, "PORTABILLING_LOGIN")
    for argument, given in (("password", password), ("token", token)):
        if given:  # given as an argument (the environment's are checked by credential())
            check_credential(argument, given)
    if password is None and token is None:  # neither argument given: the environment, password first
        password = credential("password", None, "PORTABILLING_PASSWORD", required=False)
        token = None if password else credential("token", None, "PORTABILLING_TOKEN", required=False)
    secret_password = password or None
    secret_token = None if secret_password else token or None
    if not (secret_password or secret_token):
        raise ConfigurationError(
            "missing credential: pass password=... (or token=...) to connect(), "
            "or set PORTABILLING_PASSWORD (or PORTABILLING_TOKEN)"
        )
    assert user is not None
    root = resolve_base_url(base_url, "PORTABILLING_BASE_URL", None)
    redactor = Redactor([secret_password, secret_token])
    auth = PortaBillingSessionAuth(
        root,
        login=user,
        password=secret_password,
        token=secret_token,
        session_faultcodes=SESSION_FAULTCODES,
        login_failed_faultcode=LOGIN_FAILED_FAULTCODE,
        redactor=redactor,
    )
    return build_client(
        AuthenticatedClient,
        vendor=PROFILE,
        package=__package__ or "portabilling_client",
        base_url=root,
        auth=auth,
        redactor=redactor,
        timeout=timeout,
        max_retries=max_retries,
        validate_requests=validate_requests,
        allow_insecure_http=allow_insecure_http,
        httpx_args=httpx_args,
    )
