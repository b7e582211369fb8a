from http import HTTPStatus
from typing import Any

import httpx
from accountkit_runtime import transport, validation
from accountkit_runtime.options import RequestOptions

from ..._operations import OPERATIONS
from ...client import AuthenticatedClient, Client
from ...models.update_account_request import UpdateAccountRequest
from ...models.update_account_response import UpdateAccountResponse
from ...types import Response

_OPERATION = OPERATIONS["update_account"]


def _get_kwargs(*, body: UpdateAccountRequest) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {"method": _OPERATION.method, "url": _OPERATION.path}

    _kwargs["json"] = body.to_dict() if isinstance(body, UpdateAccountRequest) else body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> UpdateAccountResponse:
    if response.status_code == 200:
        response_200 = UpdateAccountResponse.from_dict(response.json())

        return response_200

    raise ValueError(f"HTTP {response.status_code} is not a success status the spec documents")


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[UpdateAccountResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *, client: AuthenticatedClient, body: UpdateAccountRequest, request_options: RequestOptions | None = None
) -> Response[UpdateAccountResponse]:
    """Update an account

     Updates an existing account record. Send the fields to change in params.account_info (i_account
    identifies the account). Note from the page: if the main product is changed and assigned_addons is
    not provided, existing add-on products are removed.

    Args:
        body (UpdateAccountRequest): The request body of Account/update_account: the parameters
            wrapped in params.
        request_options (RequestOptions | None): per-call extra headers, undocumented body and query keys
            (extra_body, extra_query), timeout, retry count and response size cap.

    Raises:
        errors.RequestValidationError: A value breaks the spec's constraints; nothing was sent.
        errors.ApiStatusError: The API answered with an error (a subclass per status: AuthenticationError,
            NotFoundError, RateLimitError, ServerError, ...), carrying the vendor's code and message, and
            the error body as the spec's model for its status in ``.body`` (Fault, UpdateAccountResponse).
        errors.ApiConnectionError: No response (errors.ApiTimeoutError: not in time), after any retries.
        errors.ResponseParseError: The response does not match the spec.

    Returns:
        Response[UpdateAccountResponse]: the status, headers and raw body beside the parsed value.
    """

    kwargs = _get_kwargs(body=body)

    kwargs = validation.check_request(
        _OPERATION, {}, kwargs, validate=client.settings.validate_requests, options=request_options
    )
    response = transport.send_sync(client, _OPERATION, kwargs, request_options)
    return transport.parse(_build_response, client, _OPERATION, response)


def sync(
    *, client: AuthenticatedClient, body: UpdateAccountRequest, request_options: RequestOptions | None = None
) -> UpdateAccountResponse:
    """Update an account

     Updates an existing account record. Send the fields to change in params.account_info (i_account
    identifies the account). Note from the page: if the main product is changed and assigned_addons is
    not provided, existing add-on products are removed.

    Args:
        body (UpdateAccountRequest): The request body of Account/update_account: the parameters
            wrapped in params.
        request_options (RequestOptions | None): per-call extra headers, undocumented body and query keys
            (extra_body, extra_query), timeout, retry count and response size cap.

    Raises:
        errors.RequestValidationError: A value breaks the spec's constraints; nothing was sent.
        errors.ApiStatusError: The API answered with an error (a subclass per status: AuthenticationError,
            NotFoundError, RateLimitError, ServerError, ...), carrying the vendor's code and message, and
            the error body as the spec's model for its status in ``.body`` (Fault, UpdateAccountResponse).
        errors.ApiConnectionError: No response (errors.ApiTimeoutError: not in time), after any retries.
        errors.ResponseParseError: The response does not match the spec.

    Returns:
        UpdateAccountResponse
    """

    return sync_detailed(client=client, body=body, request_options=request_options).parsed


async def asyncio_detailed(
    *, client: AuthenticatedClient, body: UpdateAccountRequest, request_options: RequestOptions | None = None
) -> Response[UpdateAccountResponse]:
    """Update an account

     Updates an existing account record. Send the fields to change in params.account_info (i_account
    identifies the account). Note from the page: if the main product is changed and assigned_addons is
    not provided, existing add-on products are removed.

    Args:
        body (UpdateAccountRequest): The request body of Account/update_account: the parameters
            wrapped in params.
        request_options (RequestOptions | None): per-call extra headers, undocumented body and query keys
            (extra_body, extra_query), timeout, retry count and response size cap.

    Raises:
        errors.RequestValidationError: A value breaks the spec's constraints; nothing was sent.
        errors.ApiStatusError: The API answered with an error (a subclass per status: AuthenticationError,
            NotFoundError, RateLimitError, ServerError, ...), carrying the vendor's code and message, and
            the error body as the spec's model for its status in ``.body`` (Fault, UpdateAccountResponse).
        errors.ApiConnectionError: No response (errors.ApiTimeoutError: not in time), after any retries.
        errors.ResponseParseError: The response does not match the spec.

    Returns:
        Response[UpdateAccountResponse]: the status, headers and raw body beside the parsed value.
    """

    kwargs = _get_kwargs(body=body)

    kwargs = validation.check_request(
        _OPERATION, {}, kwargs, validate=client.settings.validate_requests, options=request_options
    )
    response = await transport.send_async(client, _OPERATION, kwargs, request_options)
    return transport.parse(_build_response, client, _OPERATION, response)


async def asyncio(
    *, client: AuthenticatedClient, body: UpdateAccountRequest, request_options: RequestOptions | None = None
) -> UpdateAccountResponse:
    """Update an account

     Updates an existing account record. Send the fields to change in params.account_info (i_account
    identifies the account). Note from the page: if the main product is changed and assigned_addons is
    not provided, existing add-on products are removed.

    Args:
        body (UpdateAccountRequest): The request body of Account/update_account: the parameters
            wrapped in params.
        request_options (RequestOptions | None): per-call extra headers, undocumented body and query keys
            (extra_body, extra_query), timeout, retry count and response size cap.

    Raises:
        errors.RequestValidationError: A value breaks the spec's constraints; nothing was sent.
        errors.ApiStatusError: The API answered with an error (a subclass per status: AuthenticationError,
            NotFoundError, RateLimitError, ServerError, ...), carrying the vendor's code and message, and
            the error body as the spec's model for its status in ``.body`` (Fault, UpdateAccountResponse).
        errors.ApiConnectionError: No response (errors.ApiTimeoutError: not in time), after any retries.
        errors.ResponseParseError: The response does not match the spec.

    Returns:
        UpdateAccountResponse
    """

    return (await asyncio_detailed(client=client, body=body, request_options=request_options)).parsed
