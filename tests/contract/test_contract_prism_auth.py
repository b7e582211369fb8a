"""Authentication on the wire, judged by Prism's security check (presence of the spec's credentials).

For every secured operation: a client without credentials (an `AuthenticatedClient` built without
`httpx_args={"auth": ...}`) is refused by Prism with 401 and the client raises AuthenticationError;
the client from `connect()` passes. Octopush's two header keys are one requirement: either alone is
refused. Operations with `security: []` (PortaBilling's Session/login and refresh) pass without any.
"""

from __future__ import annotations

from typing import Any

import pytest
from contract_clients import Harness, errors, exchange, invoke, package
from contract_spec import Op, all_operations, spec

SECURED = [pytest.param(op, id=op.id) for op in all_operations() if op.secured]
OPEN = [pytest.param(op, id=op.id) for op in all_operations() if not op.secured]


def _request(op: Op) -> dict[str, Any]:
    example = op.example_requests()[0]
    return {"path": example.path, "query": example.query, "body": example.body}


def _refused(harness: Harness, op: Op, client: Any, what: str) -> None:
    harness.watch.take()
    with pytest.raises(errors(op.api).AuthenticationError) as caught:
        invoke(op, client, _request(op))
    assert caught.value.status_code == 401, f"{what}: {caught.value!r}"
    found = harness.watch.take()
    assert len(found) == 1 and "Error 401 at request: Invalid security scheme used" in found[0], (
        f"{what}: expected exactly Prism's security violation, got {found}"
    )


@pytest.mark.parametrize("op", SECURED)
def test_without_credentials_prism_refuses(harnesses: dict[str, Harness], op: Op) -> None:
    harness = harnesses[op.api]
    _refused(harness, op, harness.unauthenticated(), f"{op.id} without credentials")


@pytest.mark.parametrize("op", SECURED)
def test_with_credentials_prism_accepts(harnesses: dict[str, Harness], op: Op) -> None:
    harness = harnesses[op.api]
    result = exchange(harness, op, _request(op), client=harness.connect(), what=f"{op.id} with credentials")
    assert result.status == op.success_status


@pytest.mark.parametrize("header", ["api-key", "api-login"])
def test_octopush_needs_both_keys(harnesses: dict[str, Harness], header: str) -> None:
    """`security: [{apiKey: [], apiLogin: []}]`: one requirement, both headers; one alone is refused."""
    (requirement,) = spec("octopush")["paths"]["/v1/public/subaccount/{subaccount_email}/edit"]["patch"]["security"]
    assert set(requirement) == {"apiKey", "apiLogin"}
    harness = harnesses["octopush"]
    (op,) = [op for op in all_operations() if op.api == "octopush"]
    settings = harness.connect().settings
    client = package("octopush").AuthenticatedClient(
        base_url=harness.base_url, headers={header: "only-this-one"}, settings=settings, httpx_args=harness.httpx_args()
    )
    _refused(harness, op, client, f"octopush with {header} only")


@pytest.mark.parametrize("op", OPEN)
def test_open_operations_need_no_credentials(harnesses: dict[str, Harness], op: Op) -> None:
    harness = harnesses[op.api]
    client = package(op.api).Client(base_url=harness.base_url, httpx_args=harness.httpx_args())
    result = exchange(harness, op, _request(op), client=client, what=f"{op.id} without credentials")
    assert result.status == op.success_status
