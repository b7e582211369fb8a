"""``connect(validate_requests=False)`` skips the client-side checks (and only them)."""

from __future__ import annotations

import json
import warnings

import intandem_client
import octopush_client
import pytest
from intandem_client.api.accounts import change_package
from octopush_client.api.subaccounts import edit_subaccount
from octopush_client.models import SubaccountEdit
from pytest_httpserver import HTTPServer

BAD_BODY = {"first_name": "Ada", "last_name": "Lovelace", "password": "pw", "callbacks": {"callback_url_for_visits": 7}}


def _octopush(httpserver: HTTPServer, validate: bool) -> octopush_client.AuthenticatedClient:
    return octopush_client.connect(
        base_url=httpserver.url_for("").rstrip("/"),
        api_login="login@example.com",
        api_key="key-0123456789",
        validate_requests=validate,
    )


def test_by_default_an_invalid_body_is_refused_and_nothing_is_sent(httpserver: HTTPServer) -> None:
    client = _octopush(httpserver, validate=True)
    with pytest.raises(octopush_client.errors.RequestValidationError) as caught:
        edit_subaccount.sync("ada@sub-accounts.com", client=client, body=SubaccountEdit.from_dict(BAD_BODY))
    assert "body.callbacks.callback_url_for_visits" in str(caught.value)
    assert httpserver.log == []


def test_with_validation_off_the_same_body_is_sent_as_given(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1/public/subaccount/ada@sub-accounts.com/edit", method="PATCH").respond_with_json(
        {}, status=201
    )
    client = _octopush(httpserver, validate=False)
    edit_subaccount.sync_detailed("ada@sub-accounts.com", client=client, body=SubaccountEdit.from_dict(BAD_BODY))
    ((request, _response),) = httpserver.log
    assert json.loads(request.data) == BAD_BODY


def test_with_validation_off_the_deprecation_warning_still_comes(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1/partners/accounts/abc123/change_package").respond_with_json({"business_id": "b"})
    client = intandem_client.connect(
        base_url=httpserver.url_for("").rstrip("/"), token="directory-token-1", validate_requests=False
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        change_package.sync("abc123", client=client)
    assert [w.category for w in caught] == [DeprecationWarning]
