"""One exception hierarchy for every failure a call can end in, shared by every accountkit client.

(And the warnings a call can give while it goes ahead: ``AccountkitWarning`` and its subclasses.)

Each client's ``<package>.errors`` re-exports these very classes, so ``except
portabilling_client.errors.ApiError`` also catches an Octopush failure.

Modelled on the Stainless SDKs: callers catch ``ApiError`` for anything the API said no to, the
status-specific subclasses for the cases they handle, and ``ApiConnectionError`` / ``ApiTimeoutError``
for failures where no response arrived. Every error carries the vendor's own code and message parsed
from its error body, and the raw ``httpx.Response`` when there is one. Messages never contain secrets:
they are built from redacted text only. Text that came from a response is shown through
``printable``: bounded, and with control characters escaped.

Every error pickles (process pools, distributed workers) without its live parts: a pickled
``ApiError`` keeps its message, status, vendor code and message and the (redacted) body, and leaves
the ``httpx.Response`` behind, since the request, the headers and the redirect history in it carry
tokens and passwords.
"""

from __future__ import annotations

import pickle
import re
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    import httpx

__all__ = [
    "AccountkitError",
    "AccountkitWarning",
    "ApiError",
    "ApiConnectionError",
    "ApiTimeoutError",
    "ApiStatusError",
    "AuthenticationError",
    "BadRequestError",
    "ClientPicklingError",
    "ConfigurationError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ReadOnlyFieldsDropped",
    "RequestValidationError",
    "ResponseParseError",
    "ResponseTooLargeError",
    "ServerError",
    "UnexpectedStatus",
    "UnprocessableError",
    "VendorError",
]

# How much response text (a vendor message, a body excerpt) one error shows, in characters.
MESSAGE_LIMIT = 2048
# The most any error message may be, all its parts together.
_MAX_MESSAGE = 4 * MESSAGE_LIMIT
# What a terminal or a log file would act on rather than show: C0 and C1 controls and DEL (CR/LF forge
# log lines, ESC starts ANSI sequences), Unicode line separators and bidirectional overrides (which
# reorder what is shown), and lone surrogates (which cannot even be encoded for output).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape", "backslashreplace").decode("ascii")


def printable(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """``text`` as an error may show it: control characters escaped, at most ``limit`` characters.

    The one place that makes response text (a vendor's message, a body excerpt) safe to put in an
    exception: messages end up in terminals and log files, where a CR/LF would forge a log line, an
    ANSI escape would rewrite the screen, and a megabyte error page would bury the message. Control
    characters become Python escapes (``\\r``, ``\\x1b``, ``\\u202e``), so the text stays readable;
    escaping changes nothing in text that is already printable, so applying it twice is harmless.
    Redact before calling it: cutting first could leave half a secret that redaction no longer knows.
    """
    escaped = _UNPRINTABLE.sub(_escape, text)
    if len(escaped) <= limit:
        return escaped
    return escaped[:limit] + f"... ({len(escaped) - limit} more characters)"


def _restore(cls: type[AccountkitError], args: tuple[Any, ...], state: dict[str, Any]) -> AccountkitError:
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class AccountkitError(Exception):
    """Base of everything this package raises on purpose."""

    # Attributes that hold live objects (and secrets with them): a pickle has these values instead.
    _not_pickled: ClassVar[dict[str, Any]] = {}

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception's own pickling calls ``cls(*args)``, which fails for classes whose __init__ takes
        # other arguments than the message; this rebuilds the instance from its attributes instead.
        state = {name: self._not_pickled.get(name, value) for name, value in self.__dict__.items()}
        return (_restore, (type(self), self.args, state))


class ConfigurationError(AccountkitError, ValueError):
    """``connect()`` was given (or found in the environment) settings it cannot use."""


class ClientPicklingError(ConfigurationError, pickle.PicklingError):
    """A client that cannot be pickled without putting a secret (or a live object) in the pickle.

    The message says what to change, e.g. which environment variable to set instead of passing a
    credential to ``connect()`` (see ``pickling``).
    """


class RequestValidationError(AccountkitError, ValueError):
    """A request value breaks the spec's constraints; nothing was sent.

    ``errors`` lists ``(location, message)`` pairs, e.g. ``("body.params.account_info.zip",
    "String should have at most 10 characters")``; the offending values are never included.
    """

    def __init__(self, operation: str, errors: list[tuple[str, str]]) -> None:
        self.operation = operation
        self.errors = errors
        details = "; ".join(f"{where}: {message}" for where, message in errors)
        super().__init__(f"{operation}: invalid request, nothing was sent: {details}")


class ApiError(AccountkitError):
    """The API could not be used for this call: it answered with an error, or not at all."""

    _not_pickled: ClassVar[dict[str, Any]] = {"response": None}

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response | None = None,
        status_code: int | None = None,
        code: str | None = None,
        vendor_message: str | None = None,
        body: Any = None,
    ) -> None:
        # Bounded and printable whatever the caller passed (the parts are usually printable already).
        message = printable(message, _MAX_MESSAGE)
        super().__init__(message)
        self.message = message
        self.response = response
        self.status_code = status_code if status_code is not None else getattr(response, "status_code", None)
        self.code = printable(code, _MAX_MESSAGE) if code is not None else None
        self.vendor_message = printable(vendor_message, _MAX_MESSAGE) if vendor_message is not None else None
        self.body = body

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, status_code={self.status_code!r}, code={self.code!r})"


class ApiConnectionError(ApiError):
    """No response: the connection could not be made or broke (after any retries)."""


class ApiTimeoutError(ApiConnectionError):
    """No response within the timeout (after any retries)."""


class ApiStatusError(ApiError):
    """The API answered with an error status (or, for some vendors, an error body with 200)."""


class BadRequestError(ApiStatusError):
    """HTTP 400."""


class AuthenticationError(ApiStatusError):
    """HTTP 401, or a vendor fault meaning the credentials or session were refused."""


class PermissionDeniedError(ApiStatusError):
    """HTTP 403."""


class NotFoundError(ApiStatusError):
    """HTTP 404."""


class UnprocessableError(BadRequestError):
    """HTTP 422: the request was well-formed but refused."""


class RateLimitError(ApiStatusError):
    """HTTP 429 (after any retries)."""


class ServerError(ApiStatusError):
    """HTTP 5xx (after any retries), including PortaBilling faults that are not about the session."""


class VendorError(ApiStatusError):
    """An error the vendor reports inside a successful-looking response (2sms ``Error`` with HTTP 200)."""


class UnexpectedStatus(ApiStatusError):
    """A status the spec does not document (raised by generated code when asked to be strict).

    ``content`` is the raw body, unredacted: it stays in this process (a pickle carries ``b""``).
    """

    _not_pickled: ClassVar[dict[str, Any]] = {"response": None, "content": b""}

    def __init__(self, status_code: int, content: bytes) -> None:
        self.content = content
        super().__init__(f"undocumented HTTP status {status_code}", status_code=status_code)


class ResponseParseError(ApiError):
    """The response is not what the spec says (HTML error page, truncated JSON, missing fields, a body
    that does not decode)."""


class ResponseTooLargeError(ResponseParseError):
    """The response body is larger than the size cap (counted after decompression): see ``decoding``."""


_BY_STATUS: dict[int, type[ApiStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    422: UnprocessableError,
    429: RateLimitError,
}


def error_class_for_status(status_code: int) -> type[ApiStatusError]:
    """The most specific error class for an HTTP status."""
    if status_code in _BY_STATUS:
        return _BY_STATUS[status_code]
    if status_code >= 500:
        return ServerError
    if 400 <= status_code < 500:
        return BadRequestError
    return ApiStatusError


class AccountkitWarning(UserWarning):
    """Base of every warning accountkit gives: the call went ahead, but not exactly as written."""


class ReadOnlyFieldsDropped(AccountkitWarning):
    """A request carried fields the spec marks read-only; they were left out of what was sent.

    The vendor sets them (an ``effective_values`` list, a status), so the usual source is a record read
    from the API, changed and sent back: refusing the whole call for them would make that round trip
    impossible, and sending them would be refused or ignored by the vendor. ``fields`` lists them as
    dotted paths with item indexes (``params.account_info.service_features[0].effective_flag_value``);
    one warning per call names them all. Turn it into an error with ``warnings.simplefilter("error",
    ReadOnlyFieldsDropped)``, or silence it, with the ``warnings`` module's filters.
    """

    def __init__(self, operation: str, fields: list[str]) -> None:
        self.operation = operation
        self.fields = list(fields)
        super().__init__(
            f"{operation}: read-only fields left out of the request (the vendor sets them): {', '.join(fields)}"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.operation, self.fields))
