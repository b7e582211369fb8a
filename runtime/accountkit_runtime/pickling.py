"""A client travels to another process as its configuration, never as live state or secrets.

``pickle.dumps(client)`` records how to make the client again: the package's ``connect`` and the
arguments it was called with minus the credentials, and the settings changed since (timeout,
headers, retries, validation, size cap, retry policy). ``pickle.loads`` in the other process calls
that ``connect`` again: the credentials come from *that* process's environment variables, the auth
flow logs in or fetches its token there, and connection pools are opened there. Sockets, locks,
tokens and secrets are never in the pickle.

So a client pickles only when its credentials came from the environment. Given as arguments to
``connect()``, they would have to travel in the pickle; pickling such a client raises
``ClientPicklingError`` naming the environment variables to set instead. The same error names the
other things that cannot travel: cookies and secret-looking headers (they may be sessions or keys),
an ``ssl.SSLContext`` (pass a CA bundle path instead), and ``httpx_args`` other than plain settings
(a transport, event hooks, an auth, a proxy may all hold secrets or live objects).

``remember_configuration`` is how each package's ``connect`` records what pickling needs.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

import attrs
import httpx

from .errors import ClientPicklingError
from .redaction import is_secret_name

F = TypeVar("F", bound=Callable[..., Any])

# httpx_args that may travel: plain settings, none of which can hold a secret or a live object.
_PLAIN_HTTPX_ARGS = frozenset(
    {"verify", "cert", "http1", "http2", "trust_env", "follow_redirects", "max_redirects", "limits", "timeout"}
)
_PLAIN_VALUES = (str, bool, int, float, type(None), httpx.Limits, httpx.Timeout)


@dataclass(frozen=True)
class Configuration:
    """How a client was made: the package's ``connect`` and its arguments, credentials left out."""

    connect: Callable[..., Any]
    arguments: Mapping[str, Any]
    # Credential arguments given to connect() (not taken from the environment), with their variables.
    given_credentials: Mapping[str, str]


def remember_configuration(**credentials: str) -> Callable[[F], F]:
    """Decorate a package's ``connect``: ``credentials`` maps each secret argument to its environment variable."""

    def decorate(connect: F) -> F:
        @functools.wraps(connect)
        def connect_and_remember(**arguments: Any) -> Any:
            client = connect(**arguments)
            client._configuration = Configuration(
                connect=connect_and_remember,
                arguments={name: value for name, value in arguments.items() if name not in credentials},
                given_credentials={
                    name: variable for name, variable in credentials.items() if arguments.get(name) is not None
                },
            )
            return client

        return connect_and_remember  # type: ignore[return-value]

    return decorate


def reduce_client(client: Any) -> tuple[Any, ...]:
    """``client.__reduce__``: its configuration and settings, or ClientPicklingError saying what to change."""
    configuration: Configuration | None = client._configuration
    problems: list[str] = []
    if configuration is not None and configuration.given_credentials:
        given = ", ".join(f"{name}=..." for name in configuration.given_credentials)
        variables = ", ".join(configuration.given_credentials.values())
        problems.append(
            f"its credentials were passed to connect() as arguments ({given}); a pickle never carries "
            f"secrets, so set {variables} in the environment of the process that unpickles it, and call "
            "connect() without them here"
        )
    fields = {}
    for field in attrs.fields(type(client)):
        if field.init and field.name not in ("settings", "_configuration", "_httpx_args"):
            fields[field.alias] = getattr(client, field.name)
    if fields.get("cookies"):
        problems.append("it has cookies (they may be sessions): set them on the client in the other process")
    secret_headers = [name for name in fields.get("headers") or {} if is_secret_name(name)]
    if secret_headers:
        problems.append(f"its headers {', '.join(secret_headers)} may be secrets: add them in the other process")
    if not isinstance(fields.get("verify_ssl", True), (str, bool)):
        problems.append("verify_ssl is an ssl.SSLContext: pass the path of a CA bundle instead")
    if configuration is not None:
        httpx_args = dict(configuration.arguments.get("httpx_args") or {})
    else:
        httpx_args = dict(client._httpx_args)
        if "auth" in httpx_args:
            problems.append("it carries an auth flow but was not made by connect(): use connect()")
            httpx_args.pop("auth")
    problems += _httpx_args_problems(httpx_args)
    if problems:
        raise ClientPicklingError("this client cannot be pickled: " + "; ".join(problems))
    if configuration is not None:  # the base URL as resolved here, whatever the other environment says
        configuration = dataclasses.replace(
            configuration, arguments={**configuration.arguments, "base_url": fields["base_url"]}
        )
    else:
        fields["httpx_args"] = httpx_args
    return (restore_client, (type(client), configuration, fields, client.settings))


def _httpx_args_problems(httpx_args: Mapping[str, Any]) -> list[str]:
    problems = []
    for name, value in httpx_args.items():
        if name not in _PLAIN_HTTPX_ARGS or not isinstance(value, _PLAIN_VALUES):
            problems.append(
                f"httpx_args[{name!r}] may hold secrets or live objects (only plain settings travel: "
                f"{', '.join(sorted(_PLAIN_HTTPX_ARGS))}); pass it to connect() in the other process"
            )
    return problems


def restore_client(cls: type, configuration: Configuration | None, fields: dict[str, Any], settings: Any) -> Any:
    """The unpickling side: ``connect()`` again (credentials from this process's environment)."""
    if configuration is None:
        return cls(**fields, settings=settings)
    made = configuration.connect(**configuration.arguments)
    settings = dataclasses.replace(settings, redactor=made.settings.redactor)
    return attrs.evolve(made, **fields, settings=settings)
