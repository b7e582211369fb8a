"""Property-based requests through Prism: 100 valid requests per operation, generated from the spec.

Each request is drawn from the operation's JSON Schemas (contract_strategies: patterns with their
ECMA-262 meaning, enums, lengths, formats, required and closed objects, readOnly left out), sent with
the generated client, and answered by Prism with one of the documented outcomes, drawn too: the
spec's success example, a dynamically generated success body, or each documented error status,
static or dynamic. Pass = the client's own validation accepts the request, Prism finds no violation,
and the client parses the answer or raises the documented error (contract_clients.exchange).
"""

from __future__ import annotations

from typing import Any

import pytest
from contract_clients import Harness, exchange
from contract_spec import Op, all_operations
from contract_stats import STATS
from contract_strategies import CONTRACT_SETTINGS, request_strategy
from hypothesis import given
from hypothesis import strategies as st


def outcomes(op: Op) -> list[tuple[int | None, bool]]:
    """(status to ask Prism for, dynamic?) — None is the documented success status."""
    return [(None, False), (None, True)] + [
        (status, dynamic) for status in op.error_statuses() for dynamic in (False, True)
    ]


@pytest.mark.parametrize("op", [pytest.param(op, id=op.id) for op in all_operations()])
def test_generated_requests(harnesses: dict[str, Harness], op: Op) -> None:
    harness = harnesses[op.api]
    sent = 0

    @CONTRACT_SETTINGS
    @given(request=request_strategy(op), outcome=st.sampled_from(outcomes(op)))
    def run(request: dict[str, Any], outcome: tuple[int | None, bool]) -> None:
        nonlocal sent
        status, dynamic = outcome
        exchange(harness, op, request, status=status, dynamic=dynamic, what=f"{op.id} generated request")
        sent += 1
        STATS[op.api].generated += 1

    run()
    assert sent >= CONTRACT_SETTINGS.max_examples, f"only {sent} generated requests went through"
