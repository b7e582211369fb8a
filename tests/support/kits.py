"""One "kit" per API for the tests that run the clients against ``MockServer``: routes, calls, secrets.

A kit is bound to a server: it installs the vendor's routes (PortaBilling's and 2sms's token endpoints
are stateful, like the real thing), connects clients to the server with fast retry delays, makes the
API's main call sync or async, and closes its clients at the end. tests/runtime/conftest.py makes them
fixtures; tests/scaleout builds its bulk PortaBilling server on ``PortaBillingKit``.
"""

from __future__ import annotations

import importlib
import threading
import uuid
import warnings
from collections.abc import Callable
from types import ModuleType
from typing import Any

from support.credentials import arguments, env_names
from support.mockserver import MockServer, Recorded, Reply


def runtime_module(name: str) -> ModuleType:
    """``accountkit_runtime.<name>``: the one runtime every client package depends on."""
    return importlib.import_module(f"accountkit_runtime.{name}")


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
    credentials = arguments("intandem")
    env = env_names("intandem")
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
    credentials = arguments("activeplatform")
    env = env_names("activeplatform")
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
    credentials = arguments("octopush")
    env = env_names("octopush")
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
    credentials = arguments("portabilling")
    env = env_names("portabilling")
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
    credentials = arguments("twosms")
    env = env_names("twosms")

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
