from http import HTTPStatus
from typing import Any

import httpx
from accountkit_runtime import transport, validation
from accountkit_runtime.options import RequestOptions

from ..._operations import OPERATIONS
from ...client import AuthenticatedClient, Client
from ...models.logout_request import LogoutRequest
from ...models.logout_response import LogoutResponse
from ...types import Response

_OPERATION = OPERATIONS["logout"]


def _get_kwargs(*, body: LogoutRequest) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {"method": _OPERATION.method, "url": _OPERATION.path}

    _kwargs["json"] = body.to_dict() if isinstance(body, LogoutRequest) else body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LogoutResponse:
    if response.status_code == 200:
        response_200 = LogoutResponse.from_dict(response.json())

        return response_200

    raise ValueError(f"HTTP {response.status_code} is not a success status the spec documents")


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[LogoutResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *, client: AuthenticatedClient, body: LogoutRequest, request_options: RequestOptions | None = None
) -> Response[LogoutResponse]:
    """Close a session

     Closes the session of the given access token.

    Args:
        body (LogoutRequest): The request body of Session/logout.
        request_options (RequestOptions | None): per-call extra headers, undocumented body and query keys
            (extra_body, extra_query), timeout, retry count and response size cap.

    Raises:
        errors.RequestValidationError: A value breaks the spec's constraints; nothing was sent.
        errors.ApiStatusError: The API answered with an error (a subclass per status: AuthenticationError,
            NotFoundError, RateLimitError, ServerError, ...), carrying the vendor's code and message, and
            the error body as the spec's model for its status in ``.body`` (Fault, LogoutResponse).
        errors.ApiConnectionError: No response (errors.ApiTimeoutError: not in time), after any retries.
        errors.ResponseParseError: The response does not match the spec.

    Returns:
        Response[LogoutResponse]: the status, headers and raw body beside the parsed value.
    """

    kwargs = _get_kwargs(body=body)

    kwargs = validation.check_request(
        _OPERATION, {}, kwargs, validate=client.settings.validate_requests, options=request_options
    )
    response = transport.send_sync(client, _OPERATION, kwargs, request_options)
    return transport.parse(_build_response, client, _OPERATION, response)


def sync(
    *, client: AuthenticatedClient, body: LogoutRequest, request_options: RequestOptions | None = None
) -> LogoutResponse:
    """Close a session

     Closes the session of the given access token.

    Args:
        body (LogoutRequest): The request body of Session/logout.
        request_options (RequestOptions | None): per-call extra headers, undocumented body and query keys
            (extra_body, extra_query), timeout, retry count and response size cap.

    Raises:
        errors.RequestValidationError: A value breaks the spec's constraints; nothing was sent.
        errors.ApiStatusError: The API answered with an error (a subclass per status: AuthenticationError,
            NotFoundError, RateLimitError, ServerError, ...), carrying the vendor's code and message, and
            the error body as the spec's model for its status in ``.body`` (Fault, LogoutResponse).
        errors.ApiConnectionError: No response (errors.ApiTimeoutError: not in time), after any retries.
        errors.ResponseParseError: The response does not match the spec.

    Returns:
        LogoutResponse
    """

    return sync_detailed(client=client, body=body, request_options=request_options).parsed


async def asyncio_detailed(
    *, client: AuthenticatedClient, body: LogoutRequest, request_options: RequestOptions | None = None
) -> Response[LogoutResponse]:
    """Close a session

     Closes the session of the given access token.

    Args:
        body (LogoutRequest): The request body of Session/logout.
        request_options (RequestOptions | None): per-call extra headers, undocumented body and query keys
            (extra_body, extra_query), timeout, retry count and response size cap.

    Raises:
        errors.RequestValidationError: A value breaks the spec's constraints; nothing was sent.
        errors.ApiStatusError: The API answered with an error (a subclass per status: AuthenticationError,
            NotFoundError, RateLimitError, ServerError, ...), carrying the vendor's code and message, and
            the error body as the spec's model for its status in ``.body`` (Fault, LogoutResponse).
        errors.ApiConnectionError: No response (errors.ApiTimeoutError: not in time), after any retries.
        errors.ResponseParseError: The response does not match the spec.

    Returns:
        Response[LogoutResponse]: the status, headers and raw body beside the parsed value.
    """

    kwargs = _get_kwargs(body=body)

    kwargs = validation.check_request(
        _OPERATION, {}, kwargs, validate=client.settings.validate_requests, options=request_options
    )
    response = await transport.send_async(client, _OPERATION, kwargs, request_options)
    return transport.parse(_build_response, client, _OPERATION, response)


async def asyncio(
    *, client: AuthenticatedClient, body: LogoutRequest, request_options: RequestOptions | None = None
) -> LogoutResponse:
    """Close a session

     Closes the session of the given access token.

    Args:
        body (LogoutRequest): The request body of Session/logout.
        request_options (RequestOptions | None): per-call extra headers, undocumented body and query keys
            (extra_body, extra_query), timeout, retry count and response size cap.

    Raises:
        errors.RequestValidationError: A value breaks the spec's constraints; nothing was sent.
        errors.ApiStatusError: The API answered with an error (a subclass per status: AuthenticationError,
            NotFoundError, RateLimitError, ServerError, ...), carrying the vendor's code and message, and
            the error body as the spec's model for its status in ``.body`` (Fault, LogoutResponse).
        errors.ApiConnectionError: No response (errors.ApiTimeoutError: not in time), after any retries.
        errors.ResponseParseError: The response does not match the spec.

    Returns:
        LogoutResponse
    """

    return (await asyncio_detailed(client=client, body=body, request_options=request_options)).parsed
