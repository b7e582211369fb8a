"""The vendor pages' examples (the spec's `examples`) through Prism, and every documented status.

For every operation of every client:
  * each example request is sent (sync and async): Prism finds no violation, answers the documented
    success status with the spec's example, and the client parses it back (`to_dict()` equals the JSON);
  * each named response example is served (`Prefer: code=<status>, example=<name>`) and parsed, error
    examples raising the documented error class with the vendor's code and message;
  * each documented error status is answered from the spec (static) and from the schema (dynamic);
  * a dynamically generated success answer is parsed.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from contract_clients import Harness, call_kwargs, exchange
from contract_spec import (
    Example,
    ExampleRequest,
    Op,
    all_operations,
    example_request_params,
    response_example_params,
)
from contract_stats import STATS

OPERATIONS = all_operations()


def _request(example: ExampleRequest) -> dict[str, Any]:
    return {"path": example.path, "query": example.query, "body": example.body}


EXAMPLE_REQUESTS = example_request_params()
RESPONSE_EXAMPLES = response_example_params()
ERROR_STATUSES = [
    pytest.param(op, status, dynamic, id=f"{op.id}-{status}-{'dynamic' if dynamic else 'static'}")
    for op in OPERATIONS
    for status in op.error_statuses()
    for dynamic in (False, True)
]


def test_every_operation_has_examples() -> None:
    missing = [op.id for op in OPERATIONS if not op.example_requests()]
    assert not missing, f"operations without an example request in the spec: {missing}"


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(("op", "example"), EXAMPLE_REQUESTS)
def test_example_request(harnesses: dict[str, Harness], op: Op, example: ExampleRequest, mode: str) -> None:
    result = exchange(harnesses[op.api], op, _request(example), mode=mode, what=f"{op.id} {example.name} ({mode})")
    assert result.status == op.success_status
    STATS[op.api].example_requests.add((op.op_id, example.name))


@pytest.mark.parametrize(("op", "code", "example"), RESPONSE_EXAMPLES)
def test_response_example(harnesses: dict[str, Harness], op: Op, code: str, example: Example) -> None:
    status = int(code) if code.isdigit() else None
    assert status is not None, f"{op.id}: example under {code} needs a concrete status to be served"
    request = op.example_requests()[0]
    result = exchange(
        harnesses[op.api],
        op,
        _request(request),
        status=status,
        example=example.name,
        what=f"{op.id} {code} {example.name}",
    )
    assert result.body == example.value, f"Prism served {result.body!r}, the spec's example is {example.value!r}"
    STATS[op.api].response_examples.add((op.op_id, code, example.name))


@pytest.mark.parametrize(("op", "status", "dynamic"), ERROR_STATUSES)
def test_documented_error_status(harnesses: dict[str, Harness], op: Op, status: int, dynamic: bool) -> None:
    request = op.example_requests()[0]
    result = exchange(harnesses[op.api], op, _request(request), status=status, dynamic=dynamic)
    assert result.error is not None


@pytest.mark.parametrize("op", [pytest.param(op, id=op.id) for op in OPERATIONS])
def test_dynamic_success_answer(harnesses: dict[str, Harness], op: Op) -> None:
    request = op.example_requests()[0]
    for _ in range(5):
        exchange(harnesses[op.api], op, _request(request), dynamic=True, what=f"{op.id} dynamic success")


@pytest.mark.parametrize("op", [pytest.param(op, id=op.id) for op in OPERATIONS if op.deprecated])
def test_deprecated_operation_warns(harnesses: dict[str, Harness], op: Op) -> None:
    """The spec's `deprecated: true`: the client warns, and Prism marks the answer `Deprecation: true`."""
    request = _request(op.example_requests()[0])
    client = harnesses[op.api].client_for(op)
    with pytest.warns(DeprecationWarning, match=op.op_id):
        response = op.module.sync_detailed(client=client, **call_kwargs(op, request))
    assert response.headers.get("deprecation") == "true"
    assert not harnesses[op.api].watch.take()


def test_example_request_shapes() -> None:
    """The example requests are what the spec holds: bodies are the examples, parameters their examples."""
    for op in OPERATIONS:
        for example in op.example_requests():
            fields = dataclasses.asdict(example)
            if op.request_body:
                names = [e.name for e in op.body_examples]
                assert example.body_example in names
                assert example.body == next(e.value for e in op.body_examples if e.name == example.body_example)
            assert set(fields["path"]) == {p["name"] for p in op.parameters if p["in"] == "path"}
