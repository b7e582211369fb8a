"""Crafted edits to the five vendor pages, made on their snapshots and rendered in each page's layout.

Each edit is what a vendor might do to its page: add or remove a row, retype one, change a pattern or a
value list, drop a required mark, change an example, or move to a layout the reader does not know.
A page format that cannot express an edit (the ReadMe page shows no examples and no patterns, the
Octopush page has no required column) gets the nearest edit it can express, named for what it is.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from accountkit_codegen.spec.pages.model import Example, Operation, Page, Row, row


def _op(page: Page) -> Operation:
    (op,) = page.operations
    return op


def with_rows(page: Page, rows: list[Row]) -> Page:
    return replace(page, operations=(replace(_op(page), rows=tuple(rows)),))


def add_row(page: Page, new: Row, before: str | None = None) -> Page:
    """``new`` inserted before the row named ``before`` (or last), as a vendor would add one."""
    rows = list(_op(page).rows)
    at = next((i for i, r in enumerate(rows) if r.name == before), len(rows)) if before else len(rows)
    return with_rows(page, rows[:at] + [new] + rows[at:])


def remove_row(page: Page, location: str, name: str) -> Page:
    rows = [r for r in _op(page).rows if r.key != (location, name)]
    assert len(rows) == len(_op(page).rows) - 1, name
    return with_rows(page, rows)


def change_row(page: Page, location: str, name: str, **facts: Any) -> Page:
    """The row with new facts; a new ``description`` is read again for the constraints it states."""
    rows = []
    for r in _op(page).rows:
        if r.key == (location, name):
            r = replace(r, **facts)
            if "description" in facts:
                r = row(r.location, r.name, r.type, r.description, r.required, r.pattern)
        rows.append(r)
    assert rows != list(_op(page).rows), name
    return with_rows(page, rows)


def change_example(page: Page, direction: str, key: str, value: object) -> Page:
    """The first ``direction`` example with ``key`` set to ``value`` at the top level (or under params)."""
    examples = list(_op(page).examples)
    i = next(n for n, e in enumerate(examples) if e.direction == direction)
    data = dict(examples[i].value)
    holder = data
    if "params" in data:  # PortaBilling wraps the body
        holder = data["params"] = {**data["params"], "account_info": dict(data["params"]["account_info"])}
        holder = holder["account_info"]
    assert key in holder, key
    holder[key] = value
    examples[i] = Example(direction, data)
    return replace(page, operations=(replace(_op(page), examples=tuple(examples)),))


def change_auth(page: Page, auth: tuple[str, ...]) -> Page:
    return replace(page, operations=(replace(_op(page), auth=auth),))
