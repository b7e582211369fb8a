"""Wire conformance with the vendor pages' examples, against a local recording server (no Prism).

For each example request in the spec (the pages' examples), the request the client sends equals it:
method, path, query, the headers that matter (authentication, Content-Type) and the JSON body. Each
example response, served as the vendor sends it, parses, and `to_dict()` gives the JSON back.

Normalisations, all explicit: (1) JSON bodies: `format: date-time` values compare as instants with
their UTC offset, to microsecond precision (contract_spec.differences), because Python's datetime
writes `.440` as `.440000` and cannot hold .NET's 7th fractional digit (`.1927545` goes out as
`.192754`); nothing else in a body is normalised. (2) Paths compare percent-decoded: the client
encodes `@` in Octopush's e-mail path segment as `%40` (equivalent in RFC 3986). (3) Queries compare
decoded, as (name, value) pairs: httpx writes the `[` `]` of inTandem's deepObject keys as `%5B` `%5D`,
which Rails decodes; test_intandem_vendor_sample_query pins the exact raw string too.
"""

from __future__ import annotations

import json
import re
import warnings
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest
from contract_clients import (
    CREDENTIALS,
    call_kwargs,
    check_error,
    check_parsed,
    errors,
    expected_outcome,
    invoke,
    package,
)
from contract_spec import Op, all_operations, assert_same_json, resolve, spec
from contract_stats import STATS

OPERATIONS = all_operations()
TWOSMS_TOKEN = {"access_token": "wire-access-token", "token_type": "bearer", "expires_in": 28800}


def _operation(api: str, op_id: str) -> Op:
    return next(op for op in OPERATIONS if op.api == api and op.op_id == op_id)


def _example(op: Op, name: str) -> Any:
    return next(e.value for e in op.body_examples if e.name == name)


def _session_example() -> dict:
    login = _operation("portabilling", "login")
    return next(e.value for code, e in login.response_examples() if code == "200")


def success_body(op: Op) -> Any:
    """The spec's example of the success answer; else one for the same schema elsewhere in the spec; else {}."""
    status = str(op.success_status)
    for code, example in op.response_examples():
        if code == status:
            return example.value
    schema = op.responses[status]["content"]["application/json"]["schema"]
    for other in all_operations():
        if other.api != op.api:
            continue
        for code, example in other.response_examples():
            media = other.responses[code]["content"]["application/json"]
            if media["schema"] == schema:
                return example.value
    assert not resolve(op.doc, schema).get("required"), f"{op.id}: no example for a schema with required members"
    return {}


class Wire:
    """The recording server set up as the vendor: its auth endpoints, and clients pointed at it."""

    def __init__(self, server: Any, api: str, under_test: Op | None = None) -> None:
        self.server = server
        self.api = api
        self.base_url = server.url_for("/").rstrip("/")
        if api == "portabilling":
            session = _session_example()
            for path in ("/Session/login", "/Session/refresh_access_token"):
                if under_test is None or under_test.path != path:  # the test's own answer, not the auth flow's
                    server.expect_request(path, method="POST").respond_with_json(session)
        if api == "twosms":
            server.expect_request("/Token", method="POST").respond_with_json(TWOSMS_TOKEN)

    def connect(self, **credentials: Any) -> Any:
        """`connect()` exactly as a user calls it: real transport, real auth flow."""
        return package(self.api).connect(
            base_url=self.base_url, max_retries=0, timeout=10, **(credentials or CREDENTIALS[self.api])
        )

    def client_for(self, op: Op) -> Any:
        client = self.connect()
        if op.secured:
            return client
        return package(self.api).Client(base_url=self.base_url, settings=client.settings)

    def requests(self, path: str | None = None) -> list[Any]:
        return [request for request, _ in self.server.log if path is None or request.path == path]


def expected_path(op: Op, values: dict[str, Any]) -> str:
    return re.sub(r"\{([^}]+)\}", lambda m: str(values[m.group(1)]), op.path)


def expected_query(op: Op, values: dict[str, Any]) -> list[tuple[str, str]]:
    pairs = []
    styles = {p["name"]: p.get("style") for p in op.parameters if p["in"] == "query"}
    for name, value in values.items():
        if styles[name] == "deepObject":
            pairs += [(f"{name}[{key}]", str(item)) for key, item in value.items()]
        else:
            pairs.append((name, str(value)))
    return pairs


def auth_expectations(op: Op) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Headers and query pairs the vendor's authentication puts on a call of `op` (none if open)."""
    creds = CREDENTIALS[op.api]
    if not op.secured:
        return {}, []
    if op.api == "intandem":
        return {"Authorization": f'Token token="{creds["token"]}"'}, []
    if op.api == "activeplatform":
        return {}, [("api_token", creds["api_token"])]
    if op.api == "portabilling":
        return {"Authorization": f"Bearer {_session_example()['access_token']}"}, []
    if op.api == "octopush":
        return {"api-key": creds["api_key"], "api-login": creds["api_login"]}, []
    if op.api == "twosms":
        return {"Authorization": f"Bearer {TWOSMS_TOKEN['access_token']}"}, []
    raise AssertionError(op.api)


def call(op: Op, client: Any, request: dict[str, Any]) -> tuple[Any, Exception | None]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            return op.module.sync_detailed(client=client, **call_kwargs(op, request)), None
        except errors(op.api).ApiStatusError as exc:
            return None, exc


def check_request_on_the_wire(op: Op, recorded: Any, example: dict[str, Any], what: str) -> None:
    headers, auth_query = auth_expectations(op)
    assert recorded.method == op.method.upper(), f"{what}: method {recorded.method}"
    assert recorded.path == expected_path(op, example["path"]), f"{what}: path {recorded.path!r}"
    sent_query = parse_qsl(recorded.query_string.decode("ascii"), keep_blank_values=True)
    want_query = expected_query(op, example["query"]) + auth_query
    assert sorted(sent_query) == sorted(want_query), f"{what}: query {sent_query} != {want_query}"
    for name, value in headers.items():
        assert recorded.headers.get(name) == value, f"{what}: header {name}: {recorded.headers.get(name)!r}"
    if op.api == "activeplatform" or not op.secured:
        assert "Authorization" not in recorded.headers, f"{what}: unexpected Authorization header"
    raw = recorded.get_data()
    if example["body"] is None:
        assert raw == b"", f"{what}: a body was sent: {raw!r}"
        assert "Content-Type" not in recorded.headers
    else:
        assert recorded.headers.get("Content-Type") == "application/json", f"{what}: {recorded.headers}"
        assert_same_json(op.doc, op.body_schema, example["body"], json.loads(raw), f"{what}: JSON body")


def check_response(
    op: Op, client: Any, status: int, body: Any, result: Any, error: Exception | None, what: str
) -> None:
    want = expected_outcome(op, status, body)
    if want.error is None:
        assert error is None, f"{what}: client raised {error!r}"
        check_parsed(op, status, body, result.parsed, what)
        return
    assert error is not None, f"{what}: expected {want.error}, the call returned {result!r}"
    check_error(op, error, want, what)
    if isinstance(body, str) and op.api == "intandem":
        # inTandem's raw-text errors: the exception carries the text (the generated parser would call
        # response.json() on it; see the report of issue 6: that branch is never reached).
        assert error.body == body, f"{what}: {error.body!r}"  # type: ignore[attr-defined]
        return
    parsed = op.module._build_response(client=client, response=error.response).parsed  # type: ignore[attr-defined]
    check_parsed(op, status, body, parsed, what)


EXAMPLE_REQUESTS = [
    pytest.param(op, example, id=f"{op.id}-{example.name}") for op in OPERATIONS for example in op.example_requests()
]
RESPONSE_EXAMPLES = [
    pytest.param(op, code, example, id=f"{op.id}-{code}-{example.name}")
    for op in OPERATIONS
    for code, example in op.response_examples()
]


@pytest.mark.parametrize(("op", "example"), EXAMPLE_REQUESTS)
def test_example_request_on_the_wire(httpserver, op, example) -> None:
    assert urlsplit(httpserver.url_for("/")).hostname == "127.0.0.1"
    wire = Wire(httpserver, op.api, op)
    request = {"path": example.path, "query": example.query, "body": example.body}
    body = success_body(op)
    path = expected_path(op, example.path)
    httpserver.expect_request(path, method=op.method.upper()).respond_with_json(body, status=op.success_status)
    client = wire.client_for(op)
    result, error = call(op, client, request)
    httpserver.check_assertions()
    (recorded,) = wire.requests(path)
    what = f"{op.id} {example.name}"
    check_request_on_the_wire(op, recorded, request, what)
    check_response(op, client, op.success_status, body, result, error, what)
    STATS[op.api].wire_examples.add((op.op_id, f"request:{example.name}"))


@pytest.mark.parametrize(("op", "code", "example"), RESPONSE_EXAMPLES)
def test_example_response_parses(httpserver, op, code, example) -> None:
    wire = Wire(httpserver, op.api, op)
    status = int(code)
    request = op.example_requests()[0]
    path = expected_path(op, request.path)
    handler = httpserver.expect_request(path, method=op.method.upper())
    schema = resolve(op.doc, op.response_schema(status))
    if schema.get("type") == "string":
        # x-accountkit-wire: the vendor sends the raw text with a JSON label, not a JSON string.
        handler.respond_with_data(example.value, status=status, content_type="application/json")
        body: Any = example.value
    else:
        handler.respond_with_json(example.value, status=status)
        body = example.value
    client = wire.client_for(op)
    result, error = call(op, client, {"path": request.path, "query": request.query, "body": request.body})
    httpserver.check_assertions()
    what = f"{op.id} {code} {example.name}"
    check_response(op, client, status, body, result, error, what)
    STATS[op.api].wire_examples.add((op.op_id, f"response:{code}:{example.name}"))


# --- the pages' headline examples, spelled out ---------------------------------------------------


def test_intandem_billing_params_query(httpserver) -> None:
    """The spec's wire form of external_subscription_params, as its description spells it out."""
    op = _operation("intandem", "change_package")
    params = {p["name"]: p for p in op.parameters}
    billing = params["external_subscription_params"]
    described = re.findall(r"`(external_subscription_params\[plan\]=\S+)`", billing["description"])
    assert described == ["external_subscription_params[plan]=gold&external_subscription_params[seats]=3"]
    query = "package_name=gold&" + described[0]
    wire = Wire(httpserver, "intandem")
    business_uid = params["business_uid"]["example"]
    path = expected_path(op, {"business_uid": business_uid})
    httpserver.expect_request(path, method="GET").respond_with_json(success_body(op))
    request = {
        "path": {"business_uid": business_uid},
        "query": {"package_name": params["package_name"]["examples"]["gold"]["value"],
                  "external_subscription_params": billing["examples"]["illustration"]["value"]},
        "body": None,
    }  # fmt: skip
    call(op, wire.client_for(op), request)
    (recorded,) = wire.requests(path)
    raw = recorded.query_string.decode("ascii")
    assert unquote(raw) == query, f"sent {raw!r}"
    assert raw == query.replace("[", "%5B").replace("]", "%5D")
    assert recorded.headers["Authorization"] == 'Token token="contract-directory-token"'
    STATS["intandem"].wire_examples.add((op.op_id, "request:billing-params-url"))


def test_intandem_billing_params_in_the_vendor_files_form(httpserver) -> None:
    """The other form the spec names (x-accountkit-wire-alternative), for one call, through extra_query."""
    op = _operation("intandem", "change_package")
    params = {p["name"]: p for p in op.parameters}
    assert "extra_query" in params["external_subscription_params"]["x-accountkit-wire-alternative"]
    wire = Wire(httpserver, "intandem")
    path = expected_path(op, {"business_uid": params["business_uid"]["example"]})
    httpserver.expect_request(path, method="GET").respond_with_json(success_body(op))
    options = package("intandem").RequestOptions(extra_query={"external_subscription_params": ["plan", "seats"]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        op.module.sync_detailed(
            params["business_uid"]["example"], client=wire.client_for(op), package_name="gold", request_options=options
        )
    (recorded,) = wire.requests(path)
    sent = parse_qsl(recorded.query_string.decode("ascii"))
    assert sent == [
        ("package_name", "gold"),
        ("external_subscription_params", "plan"),
        ("external_subscription_params", "seats"),
    ]


def test_activeplatform_api_token_query(httpserver) -> None:
    """`PUT /api/vendor/v1/accounts/505.json?api_token={api_token}` with the page's JSON body."""
    op = _operation("activeplatform", "update_account")
    wire = Wire(httpserver, "activeplatform")
    httpserver.expect_request("/api/vendor/v1/accounts/505.json", method="PUT").respond_with_json(success_body(op))
    body = _example(op, "pageRequestExample")
    call(op, wire.client_for(op), {"path": {"account_id": 505}, "query": {}, "body": body})
    (recorded,) = wire.requests("/api/vendor/v1/accounts/505.json")
    assert recorded.query_string == b"api_token=contract-api-token"
    assert "Authorization" not in recorded.headers
    assert json.loads(recorded.get_data()) == body


def test_portabilling_addon_effective_from_format(httpserver) -> None:
    """`addon_effective_from` goes out as the page writes it: `2022-04-01 00:00:00` (space, no zone)."""
    op = _operation("portabilling", "update_account")
    wire = Wire(httpserver, "portabilling")
    httpserver.expect_request("/Account/update_account", method="POST").respond_with_json({"i_account": 55})
    body = _example(op, "page_example")
    call(op, wire.client_for(op), {"path": {}, "query": {}, "body": body})
    (recorded,) = wire.requests("/Account/update_account")
    raw = recorded.get_data().decode("utf-8")
    sent = json.loads(raw)
    addon = sent["params"]["account_info"]["assigned_addons"][0]
    assert addon["addon_effective_from"] == "2022-04-01 00:00:00"
    assert addon["addon_effective_to"] == "2022-05-01 00:00:00"
    assert "2022-04-01T" not in raw
    assert sent == body


def test_octopush_curl_example(httpserver) -> None:
    """The page's curl: PATCH .../subaccount/<email>/edit, api-login/api-key/Content-Type, its JSON body."""
    op = _operation("octopush", "edit_subaccount")
    wire = Wire(httpserver, "octopush")
    email = next(p for p in op.parameters if p["name"] == "subaccount_email")["examples"]["pageUrl"]["value"]
    path = f"/v1/public/subaccount/{email}/edit"
    httpserver.expect_request(path, method="PATCH").respond_with_json({}, status=201)
    body = _example(op, "pageCurlExample")
    result, error = call(op, wire.client_for(op), {"path": {"subaccount_email": email}, "query": {}, "body": body})
    assert error is None and result.status_code == 201
    (recorded,) = wire.requests(path)
    assert recorded.environ["REQUEST_URI"].startswith("/v1/public/subaccount/leonardo%40sub-accounts.com/edit")
    assert recorded.headers["Content-Type"] == "application/json"
    assert recorded.headers["api-login"] == CREDENTIALS["octopush"]["api_login"]
    assert recorded.headers["api-key"] == CREDENTIALS["octopush"]["api_key"]
    assert json.loads(recorded.get_data()) == body


def test_twosms_sample_body_and_token_request(httpserver) -> None:
    """The page's JSON sample goes out as is, except the 7th fractional digit of its two timestamps."""
    op = _operation("twosms", "update_account")
    wire = Wire(httpserver, "twosms")
    account = next(p for p in op.parameters if p["name"] == "id")["example"]
    path = f"/api/v2/admin/accounts/{account}"
    reply = {"Error": None, "ResponseData": {"Identification": {"UserId": "u1"}, "Result": "OK", "Detail": {}}}
    httpserver.expect_request(path, method="PUT").respond_with_json(reply)
    body = spec("twosms")["components"]["examples"]["AccountV3JsonSample"]["value"]
    result, error = call(op, wire.client_for(op), {"path": {"id": account}, "query": {}, "body": body})
    assert error is None and result.parsed.to_dict() == reply
    (token,) = wire.requests("/Token")
    assert token.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert parse_qsl(token.get_data(as_text=True)) == [
        ("grant_type", "client_credentials"),
        ("client_id", CREDENTIALS["twosms"]["client_id"]),
        ("client_secret", CREDENTIALS["twosms"]["client_secret"]),
    ]
    (recorded,) = wire.requests(path)
    assert recorded.headers["Authorization"] == "Bearer wire-access-token"
    sent = json.loads(recorded.get_data())
    changed = {key for key in body if sent.get(key) != body[key]}
    assert changed == {"DateCreated", "DateModified"}, changed
    assert body["DateCreated"] == "2024-04-25T11:29:15.1927545+00:00"
    assert sent["DateCreated"] == sent["DateModified"] == "2024-04-25T11:29:15.192754+00:00"
    assert set(sent) == set(body)


# --- the auth flows' own requests are the spec's examples ----------------------------------------


@pytest.mark.parametrize("example_name", ["password", "token"])
def test_portabilling_login_is_the_spec_example(httpserver, example_name) -> None:
    login = _operation("portabilling", "login")
    credentials = _example(login, example_name)["params"]
    op = _operation("portabilling", "update_account")
    wire = Wire(httpserver, "portabilling")
    httpserver.expect_request("/Account/update_account", method="POST").respond_with_json({"i_account": 55})
    client = wire.connect(**credentials)
    call(op, client, {"path": {}, "query": {}, "body": _example(op, "page_example")})
    paths = [request.path for request in wire.requests()]
    assert paths == ["/Session/login", "/Account/update_account"]
    (sent,) = wire.requests("/Session/login")
    assert json.loads(sent.get_data()) == _example(login, example_name)
    assert "Authorization" not in sent.headers
    STATS["portabilling"].wire_examples.add(("login", f"request:{example_name} (auth flow)"))


def test_portabilling_session_renewal_sends_the_refresh_example(httpserver) -> None:
    """A session fault renews the session with Session/refresh_access_token (the spec's example) and replays."""
    op = _operation("portabilling", "update_account")
    refresh = _operation("portabilling", "refresh_access_token")
    fault = next(e.value for code, e in op.response_examples() if code == "500")
    wire = Wire(httpserver, "portabilling")
    httpserver.expect_oneshot_request("/Account/update_account", method="POST").respond_with_json(fault, status=500)
    httpserver.expect_request("/Account/update_account", method="POST").respond_with_json({"i_account": 55})
    result, error = call(op, wire.connect(), {"path": {}, "query": {}, "body": _example(op, "page_example")})
    assert error is None and result.parsed.i_account == 55
    paths = [request.path for request in wire.requests()]
    assert paths == [
        "/Session/login",
        "/Account/update_account",
        "/Session/refresh_access_token",
        "/Account/update_account",
    ]
    (sent,) = wire.requests("/Session/refresh_access_token")
    assert json.loads(sent.get_data()) == _example(refresh, "refresh")
    STATS["portabilling"].wire_examples.add(("refresh_access_token", "request:refresh (auth flow)"))


def test_portabilling_logout_example_closes_the_session_of_the_login_example(httpserver) -> None:
    op = _operation("portabilling", "logout")
    assert _example(op, "logout")["params"]["access_token"] == _session_example()["access_token"]
    wire = Wire(httpserver, "portabilling")
    httpserver.expect_request("/Session/logout", method="POST").respond_with_json({})
    call(op, wire.connect(), {"path": {}, "query": {}, "body": _example(op, "logout")})
    sent = wire.requests("/Session/logout")[-1]
    assert sent.headers["Authorization"] == f"Bearer {_session_example()['access_token']}"


@pytest.mark.parametrize("api", ["portabilling", "twosms"])
@pytest.mark.parametrize("mode", ["sync", "async"])
def test_token_flows_over_a_real_connection(httpserver, api, mode) -> None:
    """The login/token answer is read by the auth flow itself (it once raised httpx.ResponseNotRead).

    Mock transports hand httpx responses whose body is already loaded; a real connection streams it,
    and an auth flow that overrides sync_auth_flow/async_auth_flow must read it itself.
    """
    op = _operation(api, "update_account")
    wire = Wire(httpserver, api, op)
    request = op.example_requests()[0]
    path = expected_path(op, request.path)
    httpserver.expect_request(path, method=op.method.upper()).respond_with_json(
        {"i_account": 55} if api == "portabilling" else {"Error": None, "ResponseData": None}
    )
    result = invoke(op, wire.connect(), {"path": request.path, "query": request.query, "body": request.body}, mode=mode)
    assert result.status_code == 200
    assert [r.path for r in wire.requests()] == ["/Session/login" if api == "portabilling" else "/Token", path]
