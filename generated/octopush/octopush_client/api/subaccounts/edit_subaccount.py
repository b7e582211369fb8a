from http import HTTPStatus
from typing import Any

import httpx
from accountkit_runtime import bodies, encoding, transport, validation
from accountkit_runtime.options import RequestOptions

from ..._operations import OPERATIONS
from ...client import AuthenticatedClient, Client
from ...models.edit_subaccount_result import EditSubaccountResult
from ...models.subaccount_edit import SubaccountEdit
from ...types import Response

_OPERATION = OPERATIONS["edit_subaccount"]


def _get_kwargs(subaccount_email: str, *, body: SubaccountEdit) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": _OPERATION.method,
        "url": _OPERATION.path.format(
            subaccount_email=encoding.path_segment(_OPERATION, "subaccount_email", subaccount_email)
        ),
    }

    _kwargs["json"] = body.to_dict() if isinstance(body, SubaccountEdit) else body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EditSubaccountResult:
    if response.status_code == 201:
        response_201 = EditSubaccountResult.from_dict(bodies.json_object(response.content))

        return response_201

    raise ValueError(f"HTTP {response.status_code} is not a success status the spec documents")


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EditSubaccountResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    subaccount_email: str,
    *,
    client: AuthenticatedClient,
    body: SubaccountEdit,
    request_options: RequestOptions | None = None,
) -> Response[EditSubaccountResult]:
    """Modify a subaccount

     This service allows you to edit the fields of a sub-account.

    Your "api-key" and "api-login" identifiers must be added in the headers. The page's curl
    example also sends `cache-control: no-cache`, which the method does not require.

    Args:
        subaccount_email (str):
        body (SubaccountEdit): Fields of the sub-account to edit ("Special parameters" on the
            page). An edit sends only what it changes: no field is required, so that changing a name
            does not mean sending (and so resetting) the password. The page marks only company_name
            "(optional)" and the other fields nothing; the vendor's French page for the same call
            shows an edit without password. The callbacks object is a separate group of per-feature
            callback destinations, each of them optional too.
        request_options (RequestOptions | None): per-call extra headers, undocumented body and query keys
            (extra_body, extra_query), timeout, retry count and response size cap.

    Raises:
        errors.RequestValidationError: A value breaks the spec's constraints; nothing was sent.
        errors.ApiStatusError: The API answered with an error (a subclass per status: AuthenticationError,
            NotFoundError, RateLimitError, ServerError, ...), carrying the vendor's code and message, and
            the error body as the spec's model for its status in ``.body`` (EditSubaccountResult, ErrorBody).
        errors.ApiConnectionError: No response (errors.ApiTimeoutError: not in time), after any retries.
        errors.ResponseParseError: The response does not match the spec.

    Returns:
        Response[EditSubaccountResult]: the status, headers and raw body beside the parsed value.
    """

    kwargs = _get_kwargs(subaccount_email=subaccount_email, body=body)

    kwargs = validation.check_request(
        _OPERATION,
        {"subaccount_email": subaccount_email},
        kwargs,
        validate=client.settings.validate_requests,
        options=request_options,
    )
    response = transport.send_sync(client, _OPERATION, kwargs, request_options)
    return transport.parse(_build_response, client, _OPERATION, response)


def sync(
    subaccount_email: str,
    *,
    client: AuthenticatedClient,
    body: SubaccountEdit,
    request_options: RequestOptions | None = None,
) -> EditSubaccountResult:
    """Modify a subaccount

     This service allows you to edit the fields of a sub-account.

    Your "api-key" and "api-login" identifiers must be added in the headers. The page's curl
    example also sends `cache-control: no-cache`, which the method does not require.

    Args:
        subaccount_email (str):
        body (SubaccountEdit): Fields of the sub-account to edit ("Special parameters" on the
            page). An edit sends only what it changes: no field is required, so that changing a name
            does not mean sending (and so resetting) the password. The page marks only company_name
            "(optional)" and the other fields nothing; the vendor's French page for the same call
            shows an edit without password. The callbacks object is a separate group of per-feature
            callback destinations, each of them optional too.
        request_options (RequestOptions | None): per-call extra headers, undocumented body and query keys
            (extra_body, extra_query), timeout, retry count and response size cap.

    Raises:
        errors.RequestValidationError: A value breaks the spec's constraints; nothing was sent.
        errors.ApiStatusError: The API answered with an error (a subclass per status: AuthenticationError,
            NotFoundError, RateLimitError, ServerError, ...), carrying the vendor's code and message, and
            the error body as the spec's model for its status in ``.body`` (EditSubaccountResult, ErrorBody).
        errors.ApiConnectionError: No response (errors.ApiTimeoutError: not in time), after any retries.
        errors.ResponseParseError: The response does not match the spec.

    Returns:
        EditSubaccountResult
    """

    return sync_detailed(
        subaccount_email=subaccount_email, client=client, body=body, request_options=request_options
    ).parsed


async def asyncio_detailed(
    subaccount_email: str,
    *,
    client: AuthenticatedClient,
    body: SubaccountEdit,
    request_options: RequestOptions | None = None,
) -> Response[EditSubaccountResult]:
    """Modify a subaccount

     This service allows you to edit the fields of a sub-account.

    Your "api-key" and "api-login" identifiers must be added in the headers. The page's curl
    example also sends `cache-control: no-cache`, which the method does not require.

    Args:
        subaccount_email (str):
        body (SubaccountEdit): Fields of the sub-account to edit ("Special parameters" on the
            page). An edit sends only what it changes: no field is required, so that changing a name
            does not mean sending (and so resetting) the password. The page marks only company_name
            "(optional)" and the other fields nothing; the vendor's French page for the same call
            shows an edit without password. The callbacks object is a separate group of per-feature
            callback destinations, each of them optional too.
        request_options (RequestOptions | None): per-call extra headers, undocumented body and query keys
            (extra_body, extra_query), timeout, retry count and response size cap.

    Raises:
        errors.RequestValidationError: A value breaks the spec's constraints; nothing was sent.
        errors.ApiStatusError: The API answered with an error (a subclass per status: AuthenticationError,
            NotFoundError, RateLimitError, ServerError, ...), carrying the vendor's code and message, and
            the error body as the spec's model for its status in ``.body`` (EditSubaccountResult, ErrorBody).
        errors.ApiConnectionError: No response (errors.ApiTimeoutError: not in time), after any retries.
        errors.ResponseParseError: The response does not match the spec.

    Returns:
        Response[EditSubaccountResult]: the status, headers and raw body beside the parsed value.
    """

    kwargs = _get_kwargs(subaccount_email=subaccount_email, body=body)

    kwargs = validation.check_request(
        _OPERATION,
        {"subaccount_email": subaccount_email},
        kwargs,
        validate=client.settings.validate_requests,
        options=request_options,
    )
    response = await transport.send_async(client, _OPERATION, kwargs, request_options)
    return transport.parse(_build_response, client, _OPERATION, response)


async def asyncio(
    subaccount_email: str,
    *,
    client: AuthenticatedClient,
    body: SubaccountEdit,
    request_options: RequestOptions | None = None,
) -> EditSubaccountResult:
    """Modify a subaccount

     This service allows you to edit the fields of a sub-account.

    Your "api-key" and "api-login" identifiers must be added in the headers. The page's curl
    example also sends `cache-control: no-cache`, which the method does not require.

    Args:
        subaccount_email (str):
        body (SubaccountEdit): Fields of the sub-account to edit ("Special parameters" on the
            page). An edit sends only what it changes: no field is required, so that changing a name
            does not mean sending (and so resetting) the password. The page marks only company_name
            "(optional)" and the other fields nothing; the vendor's French page for the same call
            shows an edit without password. The callbacks object is a separate group of per-feature
            callback destinations, each of them optional too.
        request_options (RequestOptions | None): per-call extra headers, undocumented body and query keys
            (extra_body, extra_query), timeout, retry count and response size cap.

    Raises:
        errors.RequestValidationError: A value breaks the spec's constraints; nothing was sent.
        errors.ApiStatusError: The API answered with an error (a subclass per status: AuthenticationError,
            NotFoundError, RateLimitError, ServerError, ...), carrying the vendor's code and message, and
            the error body as the spec's model for its status in ``.body`` (EditSubaccountResult, ErrorBody).
        errors.ApiConnectionError: No response (errors.ApiTimeoutError: not in time), after any retries.
        errors.ResponseParseError: The response does not match the spec.

    Returns:
        EditSubaccountResult
    """

    return (
        await asyncio_detailed(
            subaccount_email=subaccount_email, client=client, body=body, request_options=request_options
        )
    ).parsed
