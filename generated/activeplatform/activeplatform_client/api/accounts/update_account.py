from http import HTTPStatus
from typing import Any

import httpx
from accountkit_runtime import encoding, transport, validation
from accountkit_runtime.options import RequestOptions

from ..._operations import OPERATIONS
from ...client import AuthenticatedClient, Client
from ...models.account import Account
from ...models.account_update import AccountUpdate
from ...types import Response

_OPERATION = OPERATIONS["update_account"]


def _get_kwargs(account_id: int, *, body: AccountUpdate) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": _OPERATION.method,
        "url": _OPERATION.path.format(account_id=encoding.path_segment(_OPERATION, "account_id", account_id)),
    }

    _kwargs["json"] = body.to_dict() if isinstance(body, AccountUpdate) else body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Account:
    if response.status_code == 200:
        response_200 = Account.from_dict(response.json())

        return response_200

    raise ValueError(f"HTTP {response.status_code} is not a success status the spec documents")


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Account]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    account_id: int, *, client: AuthenticatedClient, body: AccountUpdate, request_options: RequestOptions | None = None
) -> Response[Account]:
    """Update an Account

     The Update an Account method allows to update an Account information.

    The page lists the arguments as "form" parameters, but its request example is a JSON body:
    send JSON. Every argument is optional; only the fields sent are meant to change (the page
    does not say how omitted fields are treated).

    Args:
        account_id (int):
        body (AccountUpdate): Arguments of "Update an Account" (all optional). The page calls them
            form parameters; they are sent as a JSON body.
        request_options (RequestOptions | None): per-call extra headers, undocumented body and query keys
            (extra_body, extra_query), timeout, retry count and response size cap.

    Raises:
        errors.RequestValidationError: A value breaks the spec's constraints; nothing was sent.
        errors.ApiStatusError: The API answered with an error (a subclass per status: AuthenticationError,
            NotFoundError, RateLimitError, ServerError, ...), carrying the vendor's code and message, and
            the error body as the spec's model for its status in ``.body`` (Account, ErrorBody).
        errors.ApiConnectionError: No response (errors.ApiTimeoutError: not in time), after any retries.
        errors.ResponseParseError: The response does not match the spec.

    Returns:
        Response[Account]: the status, headers and raw body beside the parsed value.
    """

    kwargs = _get_kwargs(account_id=account_id, body=body)

    kwargs = validation.check_request(
        _OPERATION,
        {"account_id": account_id},
        kwargs,
        validate=client.settings.validate_requests,
        options=request_options,
    )
    response = transport.send_sync(client, _OPERATION, kwargs, request_options)
    return transport.parse(_build_response, client, _OPERATION, response)


def sync(
    account_id: int, *, client: AuthenticatedClient, body: AccountUpdate, request_options: RequestOptions | None = None
) -> Account:
    """Update an Account

     The Update an Account method allows to update an Account information.

    The page lists the arguments as "form" parameters, but its request example is a JSON body:
    send JSON. Every argument is optional; only the fields sent are meant to change (the page
    does not say how omitted fields are treated).

    Args:
        account_id (int):
        body (AccountUpdate): Arguments of "Update an Account" (all optional). The page calls them
            form parameters; they are sent as a JSON body.
        request_options (RequestOptions | None): per-call extra headers, undocumented body and query keys
            (extra_body, extra_query), timeout, retry count and response size cap.

    Raises:
        errors.RequestValidationError: A value breaks the spec's constraints; nothing was sent.
        errors.ApiStatusError: The API answered with an error (a subclass per status: AuthenticationError,
            NotFoundError, RateLimitError, ServerError, ...), carrying the vendor's code and message, and
            the error body as the spec's model for its status in ``.body`` (Account, ErrorBody).
        errors.ApiConnectionError: No response (errors.ApiTimeoutError: not in time), after any retries.
        errors.ResponseParseError: The response does not match the spec.

    Returns:
        Account
    """

    return sync_detailed(account_id=account_id, client=client, body=body, request_options=request_options).parsed


async def asyncio_detailed(
    account_id: int, *, client: AuthenticatedClient, body: AccountUpdate, request_options: RequestOptions | None = None
) -> Response[Account]:
    """Update an Account

     The Update an Account method allows to update an Account information.

    The page lists the arguments as "form" parameters, but its request example is a JSON body:
    send JSON. Every argument is optional; only the fields sent are meant to change (the page
    does not say how omitted fields are treated).

    Args:
        account_id (int):
        body (AccountUpdate): Arguments of "Update an Account" (all optional). The page calls them
            form parameters; they are sent as a JSON body.
        request_options (RequestOptions | None): per-call extra headers, undocumented body and query keys
            (extra_body, extra_query), timeout, retry count and response size cap.

    Raises:
        errors.RequestValidationError: A value breaks the spec's constraints; nothing was sent.
        errors.ApiStatusError: The API answered with an error (a subclass per status: AuthenticationError,
            NotFoundError, RateLimitError, ServerError, ...), carrying the vendor's code and message, and
            the error body as the spec's model for its status in ``.body`` (Account, ErrorBody).
        errors.ApiConnectionError: No response (errors.ApiTimeoutError: not in time), after any retries.
        errors.ResponseParseError: The response does not match the spec.

    Returns:
        Response[Account]: the status, headers and raw body beside the parsed value.
    """

    kwargs = _get_kwargs(account_id=account_id, body=body)

    kwargs = validation.check_request(
        _OPERATION,
        {"account_id": account_id},
        kwargs,
        validate=client.settings.validate_requests,
        options=request_options,
    )
    response = await transport.send_async(client, _OPERATION, kwargs, request_options)
    return transport.parse(_build_response, client, _OPERATION, response)


async def asyncio(
    account_id: int, *, client: AuthenticatedClient, body: AccountUpdate, request_options: RequestOptions | None = None
) -> Account:
    """Update an Account

     The Update an Account method allows to update an Account information.

    The page lists the arguments as "form" parameters, but its request example is a JSON body:
    send JSON. Every argument is optional; only the fields sent are meant to change (the page
    does not say how omitted fields are treated).

    Args:
        account_id (int):
        body (AccountUpdate): Arguments of "Update an Account" (all optional). The page calls them
            form parameters; they are sent as a JSON body.
        request_options (RequestOptions | None): per-call extra headers, undocumented body and query keys
            (extra_body, extra_query), timeout, retry count and response size cap.

    Raises:
        errors.RequestValidationError: A value breaks the spec's constraints; nothing was sent.
        errors.ApiStatusError: The API answered with an error (a subclass per status: AuthenticationError,
            NotFoundError, RateLimitError, ServerError, ...), carrying the vendor's code and message, and
            the error body as the spec's model for its status in ``.body`` (Account, ErrorBody).
        errors.ApiConnectionError: No response (errors.ApiTimeoutError: not in time), after any retries.
        errors.ResponseParseError: The response does not match the spec.

    Returns:
        Account
    """

    return (
        await asyncio_detailed(account_id=account_id, client=client, body=body, request_options=request_options)
    ).parsed
