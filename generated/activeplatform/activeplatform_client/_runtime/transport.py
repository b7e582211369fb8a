"""The one path every generated operation takes to the network and back (sync and async twins).

``send_sync`` / ``send_async``: apply per-call options, send, retry what the rules in ``retries``
allow, log the exchange (redacted) at DEBUG, and turn error responses into the exception hierarchy.
``parse``: run the generated parser, turning a body that is not what the spec says into
``ResponseParseError`` instead of a bare ``KeyError`` or ``JSONDecodeError``.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

import httpx

from . import retries
from .errors import (
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    ResponseParseError,
    VendorError,
    error_class_for_status,
    printable,
)
from .operation import Operation
from .options import RequestOptions, as_timeout
from .settings import ClientSettings

T = TypeVar("T")


def _settings(client: Any) -> ClientSettings:
    settings = getattr(client, "settings", None)
    return settings if isinstance(settings, ClientSettings) else ClientSettings()


def _prepare(kwargs: dict[str, Any], options: RequestOptions | None) -> dict[str, Any]:
    if options is None:
        return kwargs
    prepared = dict(kwargs)
    if options.extra_headers:
        prepared["headers"] = {**(kwargs.get("headers") or {}), **options.extra_headers}
    timeout = as_timeout(options.timeout)
    if timeout is not None:
        prepared["timeout"] = timeout
    return prepared


def _retries_allowed(settings: ClientSettings, operation: Operation, options: RequestOptions | None) -> int:
    if not operation.idempotent:
        return 0
    if options is not None and options.max_retries is not None:
        return options.max_retries
    return settings.max_retries


def _failure(settings: ClientSettings, operation: Operation, exc: httpx.TransportError, attempts: int) -> ApiError:
    redact = settings.redactor.text
    where = redact(str(exc.request.url.copy_with(query=None))) if _has_request(exc) else "the server"
    tries = f" after {attempts} attempts" if attempts > 1 else ""
    if isinstance(exc, httpx.TimeoutException):
        return ApiTimeoutError(f"{operation.name}: no response from {where} in time ({type(exc).__name__}){tries}")
    detail = printable(redact(str(exc)), limit=400) or type(exc).__name__
    return ApiConnectionError(f"{operation.name}: could not talk to {where}: {detail}{tries}")


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


def _body(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return response.text


def raise_for_error(settings: ClientSettings, operation: Operation, response: httpx.Response) -> None:
    """Raise the right ``ApiError`` subclass if ``response`` reports a failure; return otherwise."""
    vendor, redact = settings.vendor, settings.redactor
    status = response.status_code
    if 200 <= status < 300:
        if vendor.error_in_success is None:
            return
        reported = vendor.error_in_success(_body(response))
        if reported is None:
            return
        code, text = reported
        error_class: type[ApiError] = VendorError
    else:
        code, text = vendor.read_error(status, _body(response))
        error_class = (vendor.classify(status, code) if vendor.classify else None) or error_class_for_status(status)
    code = printable(redact.text(code)) if code else None
    text = printable(redact.text(text)) if text else None
    summary = f"{vendor.name} {operation.name}: HTTP {status}"
    if code:
        summary += f" {code}"
    if text:
        summary += f": {text}"
    raise error_class(summary, response=response, code=code, vendor_message=text, body=redact.data(_body(response)))


def parse(build: Callable[..., T], client: Any, operation: Operation, response: httpx.Response) -> T:
    """Run the generated ``_build_response``; a body that does not fit the spec becomes an ApiError."""
    try:
        return build(client=client, response=response)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        settings = _settings(client)
        excerpt = printable(settings.redactor.body(response.content, limit=200), limit=400) or "(empty body)"
        reason = f"{type(exc).__name__}: {printable(settings.redactor.text(str(exc)), limit=400)}"
        raise ResponseParseError(
            f"{settings.vendor.name} {operation.name}: HTTP {response.status_code} response does not match "
            f"the spec ({reason}); body: {excerpt}",
            response=response,
        ) from None


def _retry_delay(settings: ClientSettings, attempt: int, allowed: int, response: httpx.Response | None) -> float | None:
    """Seconds to wait before another attempt, or None when this outcome is final.

    ``response`` is None when none arrived (connection failure, timeout): always worth a retry.
    """
    if attempt >= allowed or (response is not None and not retries.should_retry_status(response.status_code)):
        return None
    return settings.retry_policy.delay(attempt, response)


def send_sync(
    client: Any, operation: Operation, kwargs: dict[str, Any], options: RequestOptions | None = None
) -> httpx.Response:
    settings = _settings(client)
    prepared = _prepare(kwargs, options)
    allowed = _retries_allowed(settings, operation, options)
    http = client.get_httpx_client()
    for attempt in itertools.count():
        try:
            response = http.request(**prepared)
        except httpx.TransportError as exc:
            delay = _retry_delay(settings, attempt, allowed, None)
            if delay is None:
                raise _failure(settings, operation, exc, attempt + 1) from None
        else:
            _log(settings, response, attempt)
            delay = _retry_delay(settings, attempt, allowed, response)
            if delay is None:
                raise_for_error(settings, operation, response)
                return response
        time.sleep(delay)
    raise AssertionError("unreachable")


async def send_async(
    client: Any, operation: Operation, kwargs: dict[str, Any], options: RequestOptions | None = None
) -> httpx.Response:
    settings = _settings(client)
    prepared = _prepare(kwargs, options)
    allowed = _retries_allowed(settings, operation, options)
    http = client.get_async_httpx_client()
    for attempt in itertools.count():
        try:
            response = await http.request(**prepared)
        except httpx.TransportError as exc:
            delay = _retry_delay(settings, attempt, allowed, None)
            if delay is None:
                raise _failure(settings, operation, exc, attempt + 1) from None
        else:
            _log(settings, response, attempt)
            delay = _retry_delay(settings, attempt, allowed, response)
            if delay is None:
                raise_for_error(settings, operation, response)
                return response
        await asyncio.sleep(delay)
    raise AssertionError("unreachable")
