from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx
from accountkit_runtime import encoding, transport, validation
from accountkit_runtime.options import RequestOptions

from ..._operations import OPERATIONS
from ...client import AuthenticatedClient, Client
from ...models.account_v3 import AccountV3
from ...models.response_of_object import ResponseOfObject
from ...types import Response

_OPERATION = OPERATIONS["update_account"]


def _get_kwargs(id: UUID, *, body: AccountV3) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": _OPERATION.method,
        "url": _OPERATION.path.format(id=encoding.path_segment(_OPERATION, "id", id)),
    }

    _kwargs["json"] = body.to_dict() if isinstance(body, AccountV3) else body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ResponseOfObject:
    if response.status_code == 200:
        response_200 = ResponseOfObject.from_dict(response.json())

        return response_200

    raise ValueError(f"HTTP {response.status_code} is not a success status the spec documents")


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ResponseOfObject]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: UUID, *, client: AuthenticatedClient, body: AccountV3, request_options: RequestOptions | None = None
) -> Response[ResponseOfObject]:
    """Update an existing account

     This method updates an existing account specified by the account Id in the URL. The system will
    check that the user has permission to update the account and that the account Id is valid. This
    method does not use all of the parameters of the Account model below. This method uses the
    following: Address, ContactNumber, Disclaimer, EmailAddress, FirstName, LanguageID, LastName, Logo,
    LogoName, Name, SMSPassword, SMSUsername, TimeZone, TwoFactorEnabled, Website

    The other members of `AccountV3` are accepted in the body but ignored by this method.

    Every response is a `ResponseOfObject` envelope: when `Error` is present (not null), the call
    failed, whatever the HTTP status.

    Args:
        id (UUID):
        body (AccountV3): The account model of the SMS+ API. Every row of the page's AccountV3
            table is here, plus
            UserPassword, FirstName and LastName, which the page's table omits but its samples send
            (FirstName and LastName are also in the list of members this method uses).

            This method uses only: Address, ContactNumber, Disclaimer, EmailAddress, FirstName,
            LanguageID, LastName, Logo, LogoName, Name, SMSPassword, SMSUsername, TimeZone,
            TwoFactorEnabled, Website. The other members are accepted and ignored.
        request_options (RequestOptions | None): per-call extra headers, undocumented body and query keys
            (extra_body, extra_query), timeout, retry count and response size cap.

    Raises:
        errors.RequestValidationError: A value breaks the spec's constraints; nothing was sent.
        errors.ApiStatusError: The API answered with an error (a subclass per status: AuthenticationError,
            NotFoundError, RateLimitError, ServerError, ...), carrying the vendor's code and message, and
            the error body as the spec's model for its status in ``.body`` (ResponseOfObject).
        errors.ApiConnectionError: No response (errors.ApiTimeoutError: not in time), after any retries.
        errors.ResponseParseError: The response does not match the spec.

    Returns:
        Response[ResponseOfObject]: the status, headers and raw body beside the parsed value.
    """

    kwargs = _get_kwargs(id=id, body=body)

    kwargs = validation.check_request(
        _OPERATION, {"id": id}, kwargs, validate=client.settings.validate_requests, options=request_options
    )
    response = transport.send_sync(client, _OPERATION, kwargs, request_options)
    return transport.parse(_build_response, client, _OPERATION, response)


def sync(
    id: UUID, *, client: AuthenticatedClient, body: AccountV3, request_options: RequestOptions | None = None
) -> ResponseOfObject:
    """Update an existing account

     This method updates an existing account specified by the account Id in the URL. The system will
    check that the user has permission to update the account and that the account Id is valid. This
    method does not use all of the parameters of the Account model below. This method uses the
    following: Address, ContactNumber, Disclaimer, EmailAddress, FirstName, LanguageID, LastName, Logo,
    LogoName, Name, SMSPassword, SMSUsername, TimeZone, TwoFactorEnabled, Website

    The other members of `AccountV3` are accepted in the body but ignored by this method.

    Every response is a `ResponseOfObject` envelope: when `Error` is present (not null), the call
    failed, whatever the HTTP status.

    Args:
        id (UUID):
        body (AccountV3): The account model of the SMS+ API. Every row of the page's AccountV3
            table is here, plus
            UserPassword, FirstName and LastName, which the page's table omits but its samples send
            (FirstName and LastName are also in the list of members this method uses).

            This method uses only: Address, ContactNumber, Disclaimer, EmailAddress, FirstName,
            LanguageID, LastName, Logo, LogoName, Name, SMSPassword, SMSUsername, TimeZone,
            TwoFactorEnabled, Website. The other members are accepted and ignored.
        request_options (RequestOptions | None): per-call extra headers, undocumented body and query keys
            (extra_body, extra_query), timeout, retry count and response size cap.

    Raises:
        errors.RequestValidationError: A value breaks the spec's constraints; nothing was sent.
        errors.ApiStatusError: The API answered with an error (a subclass per status: AuthenticationError,
            NotFoundError, RateLimitError, ServerError, ...), carrying the vendor's code and message, and
            the error body as the spec's model for its status in ``.body`` (ResponseOfObject).
        errors.ApiConnectionError: No response (errors.ApiTimeoutError: not in time), after any retries.
        errors.ResponseParseError: The response does not match the spec.

    Returns:
        ResponseOfObject
    """

    return sync_detailed(id=id, client=client, body=body, request_options=request_options).parsed


async def asyncio_detailed(
    id: UUID, *, client: AuthenticatedClient, body: AccountV3, request_options: RequestOptions | None = None
) -> Response[ResponseOfObject]:
    """Update an existing account

     This method updates an existing account specified by the account Id in the URL. The system will
    check that the user has permission to update the account and that the account Id is valid. This
    method does not use all of the parameters of the Account model below. This method uses the
    following: Address, ContactNumber, Disclaimer, EmailAddress, FirstName, LanguageID, LastName, Logo,
    LogoName, Name, SMSPassword, SMSUsername, TimeZone, TwoFactorEnabled, Website

    The other members of `AccountV3` are accepted in the body but ignored by this method.

    Every response is a `ResponseOfObject` envelope: when `Error` is present (not null), the call
    failed, whatever the HTTP status.

    Args:
        id (UUID):
        body (AccountV3): The account model of the SMS+ API. Every row of the page's AccountV3
            table is here, plus
            UserPassword, FirstName and LastName, which the page's table omits but its samples send
            (FirstName and LastName are also in the list of members this method uses).

            This method uses only: Address, ContactNumber, Disclaimer, EmailAddress, FirstName,
            LanguageID, LastName, Logo, LogoName, Name, SMSPassword, SMSUsername, TimeZone,
            TwoFactorEnabled, Website. The other members are accepted and ignored.
        request_options (RequestOptions | None): per-call extra headers, undocumented body and query keys
            (extra_body, extra_query), timeout, retry count and response size cap.

    Raises:
        errors.RequestValidationError: A value breaks the spec's constraints; nothing was sent.
        errors.ApiStatusError: The API answered with an error (a subclass per status: AuthenticationError,
            NotFoundError, RateLimitError, ServerError, ...), carrying the vendor's code and message, and
            the error body as the spec's model for its status in ``.body`` (ResponseOfObject).
        errors.ApiConnectionError: No response (errors.ApiTimeoutError: not in time), after any retries.
        errors.ResponseParseError: The response does not match the spec.

    Returns:
        Response[ResponseOfObject]: the status, headers and raw body beside the parsed value.
    """

    kwargs = _get_kwargs(id=id, body=body)

    kwargs = validation.check_request(
        _OPERATION, {"id": id}, kwargs, validate=client.settings.validate_requests, options=request_options
    )
    response = await transport.send_async(client, _OPERATION, kwargs, request_options)
    return transport.parse(_build_response, client, _OPERATION, response)


async def asyncio(
    id: UUID, *, client: AuthenticatedClient, body: AccountV3, request_options: RequestOptions | None = None
) -> ResponseOfObject:
    """Update an existing account

     This method updates an existing account specified by the account Id in the URL. The system will
    check that the user has permission to update the account and that the account Id is valid. This
    method does not use all of the parameters of the Account model below. This method uses the
    following: Address, ContactNumber, Disclaimer, EmailAddress, FirstName, LanguageID, LastName, Logo,
    LogoName, Name, SMSPassword, SMSUsername, TimeZone, TwoFactorEnabled, Website

    The other members of `AccountV3` are accepted in the body but ignored by this method.

    Every response is a `ResponseOfObject` envelope: when `Error` is present (not null), the call
    failed, whatever the HTTP status.

    Args:
        id (UUID):
        body (AccountV3): The account model of the SMS+ API. Every row of the page's AccountV3
            table is here, plus
            UserPassword, FirstName and LastName, which the page's table omits but its samples send
            (FirstName and LastName are also in the list of members this method uses).

            This method uses only: Address, ContactNumber, Disclaimer, EmailAddress, FirstName,
            LanguageID, LastName, Logo, LogoName, Name, SMSPassword, SMSUsername, TimeZone,
            TwoFactorEnabled, Website. The other members are accepted and ignored.
        request_options (RequestOptions | None): per-call extra headers, undocumented body and query keys
            (extra_body, extra_query), timeout, retry count and response size cap.

    Raises:
        errors.RequestValidationError: A value breaks the spec's constraints; nothing was sent.
        errors.ApiStatusError: The API answered with an error (a subclass per status: AuthenticationError,
            NotFoundError, RateLimitError, ServerError, ...), carrying the vendor's code and message, and
            the error body as the spec's model for its status in ``.body`` (ResponseOfObject).
        errors.ApiConnectionError: No response (errors.ApiTimeoutError: not in time), after any retries.
        errors.ResponseParseError: The response does not match the spec.

    Returns:
        ResponseOfObject
    """

    return (await asyncio_detailed(id=id, client=client, body=body, request_options=request_options)).parsed
