"""The one path every generated operation takes to the network and back (sync and async twins).

``send_sync`` / ``send_async``: apply per-call options, send, retry what the rules in ``retries``
allow, log the exchange (redacted) at DEBUG, and turn error responses into the exception hierarchy.
``parse``: run the generated parser, turning a body that is not what the spec says into
``ResponseParseError`` instead of a bare ``KeyError`` or ``JSONDecodeError``.

A call runs under its ``CallLimits`` (see ``limits``): a deadline set from its timeout when it
starts, and a response size cap. Each attempt gets the time that is left (every phase of its
timeout cut to it); a retry whose wait would end after the deadline is not made. Sync calls are held
to the deadline by their sockets (``network``), async calls by ``asyncio.timeout``.

asyncio is imported by the first async call, not with this module: an async call runs in a loop, so
asyncio is there already, and a sync program never pays for importing it.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

import httpx

from . import extras, retries
from .bodies import NestedTooDeep, check_depth, load_json
from .client import Client
from .errors import (
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    ConfigurationError,
    ResponseParseError,
    VendorError,
    error_class_for_status,
    printable,
)
from .limits import CallLimits, applied
from .operation import Operation
from .options import RequestOptions, as_timeout
from .settings import ClientSettings

T = TypeVar("T")


def _settings(client: Any) -> ClientSettings:
    settings = getattr(client, "settings", None)
    return settings if isinstance(settings, ClientSettings) else ClientSettings()


def _prepare(kwargs: dict[str, Any], options: RequestOptions | None) -> dict[str, Any]:
    """The httpx arguments with the call's extra headers; its extra body and query are already in them.

    ``validation.check_request`` merges ``extra_body`` / ``extra_query`` (they must be validated with
    the rest, before sending) and marks the arguments it did so for. A client package generated before
    they existed does not pass them to it: such a call is refused rather than sent without them.
    """
    merged = bool(kwargs.get(extras.APPLIED))
    if extras.APPLIED in kwargs:
        kwargs = {key: value for key, value in kwargs.items() if key != extras.APPLIED}
    if options is not None and (options.extra_body or options.extra_query) and not merged:
        raise ConfigurationError(
            "request_options.extra_body / extra_query: this client package predates them and would not send "
            "them; regenerate or upgrade the client package"
        )
    if options is None or not options.extra_headers:
        return kwargs
    return {**kwargs, "headers": {**(kwargs.get("headers") or {}), **options.extra_headers}}


def _timeout(http: httpx.Client | httpx.AsyncClient, options: RequestOptions | None) -> httpx.Timeout:
    """The call's timeout: the per-call option, else the client's."""
    chosen = as_timeout(options.timeout) if options is not None else None
    return chosen if chosen is not None else http.timeout


def _limits(settings: ClientSettings, timeout: httpx.Timeout, options: RequestOptions | None) -> CallLimits:
    cap = options.max_response_bytes if options is not None else None
    return CallLimits.starting_now(timeout, cap if cap is not None else settings.max_response_bytes)


def _retries_allowed(settings: ClientSettings, operation: Operation, options: RequestOptions | None) -> int:
    if not operation.idempotent:
        return 0
    if options is not None and options.max_retries is not None:
        return options.max_retries
    return settings.max_retries


def _failure(
    settings: ClientSettings, operation: Operation, exc: Exception, attempts: int, limits: CallLimits, url: str
) -> ApiError:
    """The error for a call that got no response: ``exc`` is httpx's, or the async deadline's TimeoutError."""
    redact = settings.redactor.text
    has_request = isinstance(exc, httpx.TransportError) and _has_request(exc)
    where = redact(str(exc.request.url.copy_with(query=None)) if has_request else url)  # type: ignore[attr-defined]
    tries = f" after {attempts} attempts" if attempts > 1 else ""
    detail = printable(redact(str(exc)), limit=400)
    if isinstance(exc, (httpx.TimeoutException, TimeoutError)):
        within = f" within the call's {limits.timeout:g} s timeout" if limits.timeout is not None else " in time"
        reason = type(exc).__name__ if isinstance(exc, httpx.TimeoutException) else "deadline"
        reason += f": {detail}" if detail and isinstance(exc, httpx.PoolTimeout) else ""
        return ApiTimeoutError(f"{operation.name}: no response from {where}{within} ({reason}){tries}")
    return ApiConnectionError(f"{operation.name}: could not talk to {where}: {detail or type(exc).__name__}{tries}")


def _url(http: httpx.Client | httpx.AsyncClient, kwargs: dict[str, Any]) -> str:
    """Where a call goes, for messages (without its query, which may hold a token)."""
    return str(http.base_url).rstrip("/") + str(kwargs.get("url", ""))


def _has_request(exc: httpx.TransportError) -> bool:
    try:
        exc.request  # noqa: B018 - raises RuntimeError when httpx attached no request
    except RuntimeError:
        return False
    return True


def _log(settings: ClientSettings, response: httpx.Response, attempt: int) -> None:
    logger = settings.logger
    if not logger.isEnabledFor(logging.DEBUG):
        return
    redactor = settings.redactor
    request = response.request
    logger.debug(
        "request %s %s headers=%s body=%s",
        request.method,
        redactor.url(str(request.url)),
        redactor.headers(request.headers.multi_items()),
        redactor.body(request.content),
    )
    logger.debug(
        "response %s %s (attempt %d) headers=%s body=%s",
        response.status_code,
        response.reason_phrase,
        attempt + 1,
        redactor.headers(response.headers.multi_items()),
        redactor.body(response.content),
    )


def _body(response: httpx.Response, where: str) -> Any:
    try:
        return load_json(response.content)
    except NestedTooDeep as exc:
        raise ResponseParseError(
            f"{where}: HTTP {response.status_code} response unreadable: {exc}", response=response
        ) from None
    except ValueError:
        return _text(response)


def _text(response: httpx.Response) -> str:
    """The body as text in the charset it declares; when it does not decode in it (``utf-16`` without a
    byte order mark, a codec that is no text encoding), as UTF-8 with the undecodable bytes replaced."""
    try:
        return response.text
    except (LookupError, ValueError):  # UnicodeError is a ValueError
        return response.content.decode("utf-8", errors="replace")


def raise_for_error(settings: ClientSettings, operation: Operation, response: httpx.Response) -> None:
    """Raise the right ``ApiError`` subclass if ``response`` reports a failure; return otherwise."""
    vendor, redact = settings.vendor, settings.redactor
    status = response.status_code
    where = f"{vendor.name} {operation.name}"
    if 200 <= status < 300:
        if vendor.error_in_success is None:
            return
        body = _body(response, where)
        reported = vendor.error_in_success(body)
        if reported is None:
            return
        code, text = reported
        error_class: type[ApiError] = VendorError
    else:
        body = _body(response, where)
        code, text = vendor.read_error(status, body)
        error_class = (vendor.classify(status, code) if vendor.classify else None) or error_class_for_status(status)
    code = printable(redact.text(code)) if code else None
    text = printable(redact.text(text)) if text else None
    summary = f"{vendor.name} {operation.name}: HTTP {status}"
    if code:
        summary += f" {code}"
    if text:
        summary += f": {text}"
    explained = vendor.explain(code) if vendor.explain is not None and code else None
    if explained:
        summary += f" ({explained})"
    data = redact.data(body)
    from . import errorbody  # only an error status reads its body as the spec's model

    model = errorbody.error_body(operation, status, data)
    raise error_class(summary, response=response, code=code, vendor_message=text, body=model, body_data=data)


def parse(build: Callable[..., T], client: Client, operation: Operation, response: httpx.Response) -> T:
    """Run the generated ``_build_response``; a body that does not fit the spec becomes an ApiError."""
    try:
        if response.status_code not in operation.any_body:  # those are read by bodies.json_object, never failing
            check_depth(response.content)  # NestedTooDeep is a ValueError: reported below like any bad body
        return build(client=client, response=response)
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        settings = _settings(client)
        excerpt = printable(settings.redactor.body(response.content, limit=200), limit=400) or "(empty body)"
        reason = f"{type(exc).__name__}: {printable(settings.redactor.text(str(exc)), limit=400)}"
        raise ResponseParseError(
            f"{settings.vendor.name} {operation.name}: HTTP {response.status_code} response does not match "
            f"the spec ({reason}); body: {excerpt}",
            response=response,
        ) from None


def _retry_delay(
    settings: ClientSettings, attempt: int, allowed: int, response: httpx.Response | None, limits: CallLimits
) -> float | None:
    """Seconds to wait before another attempt, or None when this outcome is final.

    ``response`` is None when none arrived (connection failure, timeout): always worth a retry, time
    permitting. A wait that would end after the call's deadline is not waited.
    """
    if attempt >= allowed or (response is not None and not retries.should_retry_status(response.status_code)):
        return None
    delay = settings.retry_policy.delay(attempt, response)
    left = limits.remaining()
    return None if left is not None and delay >= left else delay


def _undecodable(settings: ClientSettings, operation: Operation, exc: httpx.DecodingError) -> ResponseParseError:
    # Only with an httpx client of the caller's own (set_httpx_client): ours decode bodies themselves.
    detail = printable(settings.redactor.text(str(exc)))
    return ResponseParseError(f"{settings.vendor.name} {operation.name}: the response body does not decode ({detail})")


def send_sync(
    client: Client, operation: Operation, kwargs: dict[str, Any], options: RequestOptions | None = None
) -> httpx.Response:
    settings = _settings(client)
    prepared = _prepare(kwargs, options)
    allowed = _retries_allowed(settings, operation, options)
    http = client.get_httpx_client()
    timeout = _timeout(http, options)
    limits = _limits(settings, timeout, options)
    for attempt in itertools.count():
        if attempt:
            http = client.get_httpx_client()  # a pool closed during the call (client.close()) is replaced
        try:
            with applied(limits):
                response = http.request(**prepared, timeout=limits.attempt_timeout(timeout))
        except (httpx.TransportError, RuntimeError) as exc:
            if isinstance(exc, RuntimeError) and not http.is_closed:
                raise
            delay = _retry_delay(settings, attempt, allowed, None, limits)
            if delay is None:
                raise _failure(settings, operation, exc, attempt + 1, limits, _url(http, prepared)) from None
        except httpx.DecodingError as exc:
            raise _undecodable(settings, operation, exc) from None
        else:
            _log(settings, response, attempt)
            delay = _retry_delay(settings, attempt, allowed, response, limits)
            if delay is None:
                raise_for_error(settings, operation, response)
                return response
        time.sleep(delay)
    raise AssertionError("unreachable")


async def send_async(
    client: Client, operation: Operation, kwargs: dict[str, Any], options: RequestOptions | None = None
) -> httpx.Response:
    settings = _settings(client)
    prepared = _prepare(kwargs, options)
    allowed = _retries_allowed(settings, operation, options)
    http = client.get_async_httpx_client()
    timeout = _timeout(http, options)
    limits = _limits(settings, timeout, options)
    import asyncio  # imported already by the running loop: a lookup, not an import

    for attempt in itertools.count():
        if attempt:
            http = client.get_async_httpx_client()  # a pool closed during the call (aclose()) is replaced
        try:
            with applied(limits):
                left = limits.remaining()
                async with asyncio.timeout(None if left is None else max(left, 0.0)):
                    response = await http.request(**prepared, timeout=limits.attempt_timeout(timeout))
        except (httpx.TransportError, TimeoutError, RuntimeError) as exc:
            if isinstance(exc, RuntimeError) and not http.is_closed:
                raise  # not httpx's "the client has been closed": a failure of its own
            delay = _retry_delay(settings, attempt, allowed, None, limits)
            if delay is None:
                raise _failure(settings, operation, exc, attempt + 1, limits, _url(http, prepared)) from None
        except httpx.DecodingError as exc:
            raise _undecodable(settings, operation, exc) from None
        else:
            _log(settings, response, attempt)
            delay = _retry_delay(settings, attempt, allowed, response, limits)
            if delay is None:
                raise_for_error(settings, operation, response)
                return response
        await _pause_async(delay)
    raise AssertionError("unreachable")


async def _pause_async(delay: float) -> None:
    """The wait before an async retry (one place, as ``time.sleep`` is for sync calls, for tests to record)."""
    import asyncio

    await asyncio.sleep(delay)
