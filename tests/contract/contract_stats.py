"""What the contract run exercised, per API; conftest.py prints it as a table at the end of the session."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from contract_spec import APIS, operations


@dataclass
class ApiStats:
    operations: set[str] = field(default_factory=set)  # operationIds driven through Prism
    example_requests: set[tuple[str, str]] = field(default_factory=set)  # (operationId, example request)
    response_examples: set[tuple[str, str, str]] = field(default_factory=set)  # (operationId, status, name)
    wire_examples: set[tuple[str, str]] = field(default_factory=set)  # examples checked on the wire
    error_statuses: set[tuple[str, int]] = field(default_factory=set)  # (operationId, status) checked
    generated: int = 0  # property-based requests sent through Prism
    dynamic: int = 0  # dynamically generated Prism answers parsed
    prism_calls: int = 0  # HTTP exchanges with Prism (including logins made by the auth flows)


STATS: dict[str, ApiStats] = defaultdict(ApiStats)


def table() -> list[str]:
    headers = [
        "api", "ops", "example reqs", "example resps", "wire examples", "generated", "dynamic",
        "error statuses", "Prism calls",
    ]  # fmt: skip
    rows = []
    total = [0] * (len(headers) - 1)
    for api in APIS:
        s = STATS[api]
        values = [
            len(s.operations),
            len(s.example_requests),
            len(s.response_examples),
            len(s.wire_examples),
            s.generated,
            s.dynamic,
            len(s.error_statuses),
            s.prism_calls,
        ]
        total = [a + b for a, b in zip(total, values, strict=True)]
        shown = [f"{len(s.operations)}/{len(operations(api))}", *map(str, values[1:])]
        rows.append([api, *shown])
    all_ops = sum(len(operations(api)) for api in APIS)
    rows.append(["all", f"{total[0]}/{all_ops}", *map(str, total[1:])])
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        return (
            "| "
            + " | ".join(
                str(cell).ljust(w) if i == 0 else str(cell).rjust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
            + " |"
        )

    separator = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return [line(headers), separator, *(line(row) for row in rows)]


def anything_recorded() -> bool:
    return any(s.operations or s.wire_examples or s.generated or s.prism_calls for s in STATS.values())
