from http import HTTPStatus
from typing import Any

import httpx
from accountkit_runtime import encoding, transport, validation
from accountkit_runtime.options import RequestOptions

from ..._operations import OPERATIONS
from ...client import AuthenticatedClient, Client
from ...models.change_package_external_subscription_params import ChangePackageExternalSubscriptionParams
from ...models.change_package_response import ChangePackageResponse
from ...types import UNSET, Response, Unset

_OPERATION = OPERATIONS["change_package"]


def _get_kwargs(
    business_uid: str,
    *,
    package_name: str | Unset = UNSET,
    external_subscription_params: ChangePackageExternalSubscriptionParams | Unset = UNSET,
    edit_tags: str | Unset = UNSET,
    add_sms_credits: str | Unset = UNSET,
    delete_sms_credits: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["package_name"] = package_name

    json_external_subscription_params: dict[str, Any] | Unset = UNSET
    if not isinstance(external_subscription_params, Unset):
        json_external_subscription_params = (
            external_subscription_params.to_dict()
            if isinstance(external_subscription_params, ChangePackageExternalSubscriptionParams)
            else external_subscription_params
        )
    if not isinstance(json_external_subscription_params, Unset):
        params.update(
            encoding.deep_object(_OPERATION, "external_subscription_params", json_external_subscription_params)
        )

    params["edit_tags"] = edit_tags

    params["add_sms_credits"] = add_sms_credits

    params["delete_sms_credits"] = delete_sms_credits

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": _OPERATION.method,
        "url": _OPERATION.path.format(business_uid=encoding.path_segment(_OPERATION, "business_uid", business_uid)),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ChangePackageResponse:
    if response.status_code == 200:
        response_200 = ChangePackageResponse.from_dict(response.json())

        return response_200

    raise ValueError(f"HTTP {response.status_code} is not a success status the spec documents")


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ChangePackageResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    business_uid: str,
    *,
    client: AuthenticatedClient,
    package_name: str | Unset = UNSET,
    external_subscription_params: ChangePackageExternalSubscriptionParams | Unset = UNSET,
    edit_tags: str | Unset = UNSET,
    add_sms_credits: str | Unset = UNSET,
    delete_sms_credits: str | Unset = UNSET,
    request_options: RequestOptions | None = None,
) -> Response[ChangePackageResponse]:
    """Change the package and billing info of a business (deprecated)

     Update billing info and/or package to an existing account under your directory.

    Available for Directory tokens only.

    Note: The business_uid parameter must correspond to a business that is a member of the
    directory associated with the directory token.

    The legacy endpoint mutates through a `GET` (the vendor's Partners API OpenAPI file): do not
    retry it blindly and do not let caches or prefetchers call it.

    **Deprecated.** This endpoint is deprecated. Package and billing management is now handled by
    the Subscription API. Please migrate all integrations to use the Subscription API endpoints for
    package changes, billing updates, and subscription management. For plan changes use "Update
    Business", `POST /platform/v1/businesses/{business_uid}`.

    Args:
        business_uid (str):
        package_name (str | Unset):
        external_subscription_params (ChangePackageExternalSubscriptionParams | Unset):
        edit_tags (str | Unset):
        add_sms_credits (str | Unset):
        delete_sms_credits (str | Unset):
        request_options (RequestOptions | None): per-call extra headers, undocumented body and query keys
            (extra_body, extra_query), timeout, retry count and response size cap.

    Raises:
        errors.RequestValidationError: A value breaks the spec's constraints; nothing was sent.
        errors.ApiStatusError: The API answered with an error (a subclass per status: AuthenticationError,
            NotFoundError, RateLimitError, ServerError, ...), carrying the vendor's code and message, and
            the error body as the spec's model for its status in ``.body`` (ChangePackageResponse).
        errors.ApiConnectionError: No response (errors.ApiTimeoutError: not in time), after any retries.
        errors.ResponseParseError: The response does not match the spec.

    Returns:
        Response[ChangePackageResponse]: the status, headers and raw body beside the parsed value.
    """

    kwargs = _get_kwargs(
        business_uid=business_uid,
        package_name=package_name,
        external_subscription_params=external_subscription_params,
        edit_tags=edit_tags,
        add_sms_credits=add_sms_credits,
        delete_sms_credits=delete_sms_credits,
    )

    kwargs = validation.check_request(
        _OPERATION,
        {
            "business_uid": business_uid,
            "package_name": package_name,
            "external_subscription_params": external_subscription_params,
            "edit_tags": edit_tags,
            "add_sms_credits": add_sms_credits,
            "delete_sms_credits": delete_sms_credits,
        },
        kwargs,
        validate=client.settings.validate_requests,
        options=request_options,
    )
    response = transport.send_sync(client, _OPERATION, kwargs, request_options)
    return transport.parse(_build_response, client, _OPERATION, response)


def sync(
    business_uid: str,
    *,
    client: AuthenticatedClient,
    package_name: str | Unset = UNSET,
    external_subscription_params: ChangePackageExternalSubscriptionParams | Unset = UNSET,
    edit_tags: str | Unset = UNSET,
    add_sms_credits: str | Unset = UNSET,
    delete_sms_credits: str | Unset = UNSET,
    request_options: RequestOptions | None = None,
) -> ChangePackageResponse:
    """Change the package and billing info of a business (deprecated)

     Update billing info and/or package to an existing account under your directory.

    Available for Directory tokens only.

    Note: The business_uid parameter must correspond to a business that is a member of the
    directory associated with the directory token.

    The legacy endpoint mutates through a `GET` (the vendor's Partners API OpenAPI file): do not
    retry it blindly and do not let caches or prefetchers call it.

    **Deprecated.** This endpoint is deprecated. Package and billing management is now handled by
    the Subscription API. Please migrate all integrations to use the Subscription API endpoints for
    package changes, billing updates, and subscription management. For plan changes use "Update
    Business", `POST /platform/v1/businesses/{business_uid}`.

    Args:
        business_uid (str):
        package_name (str | Unset):
        external_subscription_params (ChangePackageExternalSubscriptionParams | Unset):
        edit_tags (str | Unset):
        add_sms_credits (str | Unset):
        delete_sms_credits (str | Unset):
        request_options (RequestOptions | None): per-call extra headers, undocumented body and query keys
            (extra_body, extra_query), timeout, retry count and response size cap.

    Raises:
        errors.RequestValidationError: A value breaks the spec's constraints; nothing was sent.
        errors.ApiStatusError: The API answered with an error (a subclass per status: AuthenticationError,
            NotFoundError, RateLimitError, ServerError, ...), carrying the vendor's code and message, and
            the error body as the spec's model for its status in ``.body`` (ChangePackageResponse).
        errors.ApiConnectionError: No response (errors.ApiTimeoutError: not in time), after any retries.
        errors.ResponseParseError: The response does not match the spec.

    Returns:
        ChangePackageResponse
    """

    return sync_detailed(
        business_uid=business_uid,
        client=client,
        package_name=package_name,
        external_subscription_params=external_subscription_params,
        edit_tags=edit_tags,
        add_sms_credits=add_sms_credits,
        delete_sms_credits=delete_sms_credits,
        request_options=request_options,
    ).parsed


async def asyncio_detailed(
    business_uid: str,
    *,
    client: AuthenticatedClient,
    package_name: str | Unset = UNSET,
    external_subscription_params: ChangePackageExternalSubscriptionParams | Unset = UNSET,
    edit_tags: str | Unset = UNSET,
    add_sms_credits: str | Unset = UNSET,
    delete_sms_credits: str | Unset = UNSET,
    request_options: RequestOptions | None = None,
) -> Response[ChangePackageResponse]:
    """Change the package and billing info of a business (deprecated)

     Update billing info and/or package to an existing account under your directory.

    Available for Directory tokens only.

    Note: The business_uid parameter must correspond to a business that is a member of the
    directory associated with the directory token.

    The legacy endpoint mutates through a `GET` (the vendor's Partners API OpenAPI file): do not
    retry it blindly and do not let caches or prefetchers call it.

    **Deprecated.** This endpoint is deprecated. Package and billing management is now handled by
    the Subscription API. Please migrate all integrations to use the Subscription API endpoints for
    package changes, billing updates, and subscription management. For plan changes use "Update
    Business", `POST /platform/v1/businesses/{business_uid}`.

    Args:
        business_uid (str):
        package_name (str | Unset):
        external_subscription_params (ChangePackageExternalSubscriptionParams | Unset):
        edit_tags (str | Unset):
        add_sms_credits (str | Unset):
        delete_sms_credits (str | Unset):
        request_options (RequestOptions | None): per-call extra headers, undocumented body and query keys
            (extra_body, extra_query), timeout, retry count and response size cap.

    Raises:
        errors.RequestValidationError: A value breaks the spec's constraints; nothing was sent.
        errors.ApiStatusError: The API answered with an error (a subclass per status: AuthenticationError,
            NotFoundError, RateLimitError, ServerError, ...), carrying the vendor's code and message, and
            the error body as the spec's model for its status in ``.body`` (ChangePackageResponse).
        errors.ApiConnectionError: No response (errors.ApiTimeoutError: not in time), after any retries.
        errors.ResponseParseError: The response does not match the spec.

    Returns:
        Response[ChangePackageResponse]: the status, headers and raw body beside the parsed value.
    """

    kwargs = _get_kwargs(
        business_uid=business_uid,
        package_name=package_name,
        external_subscription_params=external_subscription_params,
        edit_tags=edit_tags,
        add_sms_credits=add_sms_credits,
        delete_sms_credits=delete_sms_credits,
    )

    kwargs = validation.check_request(
        _OPERATION,
        {
            "business_uid": business_uid,
            "package_name": package_name,
            "external_subscription_params": external_subscription_params,
            "edit_tags": edit_tags,
            "add_sms_credits": add_sms_credits,
            "delete_sms_credits": delete_sms_credits,
        },
        kwargs,
        validate=client.settings.validate_requests,
        options=request_options,
    )
    response = await transport.send_async(client, _OPERATION, kwargs, request_options)
    return transport.parse(_build_response, client, _OPERATION, response)


async def asyncio(
    business_uid: str,
    *,
    client: AuthenticatedClient,
    package_name: str | Unset = UNSET,
    external_subscription_params: ChangePackageExternalSubscriptionParams | Unset = UNSET,
    edit_tags: str | Unset = UNSET,
    add_sms_credits: str | Unset = UNSET,
    delete_sms_credits: str | Unset = UNSET,
    request_options: RequestOptions | None = None,
) -> ChangePackageResponse:
    """Change the package and billing info of a business (deprecated)

     Update billing info and/or package to an existing account under your directory.

    Available for Directory tokens only.

    Note: The business_uid parameter must correspond to a business that is a member of the
    directory associated with the directory token.

    The legacy endpoint mutates through a `GET` (the vendor's Partners API OpenAPI file): do not
    retry it blindly and do not let caches or prefetchers call it.

    **Deprecated.** This endpoint is deprecated. Package and billing management is now handled by
    the Subscription API. Please migrate all integrations to use the Subscription API endpoints for
    package changes, billing updates, and subscription management. For plan changes use "Update
    Business", `POST /platform/v1/businesses/{business_uid}`.

    Args:
        business_uid (str):
        package_name (str | Unset):
        external_subscription_params (ChangePackageExternalSubscriptionParams | Unset):
        edit_tags (str | Unset):
        add_sms_credits (str | Unset):
        delete_sms_credits (str | Unset):
        request_options (RequestOptions | None): per-call extra headers, undocumented body and query keys
            (extra_body, extra_query), timeout, retry count and response size cap.

    Raises:
        errors.RequestValidationError: A value breaks the spec's constraints; nothing was sent.
        errors.ApiStatusError: The API answered with an error (a subclass per status: AuthenticationError,
            NotFoundError, RateLimitError, ServerError, ...), carrying the vendor's code and message, and
            the error body as the spec's model for its status in ``.body`` (ChangePackageResponse).
        errors.ApiConnectionError: No response (errors.ApiTimeoutError: not in time), after any retries.
        errors.ResponseParseError: The response does not match the spec.

    Returns:
        ChangePackageResponse
    """

    return (
        await asyncio_detailed(
            business_uid=business_uid,
            client=client,
            package_name=package_name,
            external_subscription_params=external_subscription_params,
            edit_tags=edit_tags,
            add_sms_credits=add_sms_credits,
            delete_sms_credits=delete_sms_credits,
            request_options=request_options,
        )
    ).parsed
