"""What changed on a vendor page since its snapshot: rows added, removed, retyped, re-constrained,
examples and auth notes changed.

Rows are matched by (location, dotted name) within the operation of the same operationId. A row's
change lists each fact that moved (type, required, read-only, pattern, values, range, rule, lengths,
description), old → new, so a reader sees at once what the spec must now say.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from .examples import first_difference, same
from .model import Operation, Page, Row

# Row facts compared one by one, in the order a report lists them; "description" last, as it is long.
_FACTS = (
    "type",
    "required",
    "read_only",
    "pattern",
    "values",
    "value_range",
    "value_rule",
    "min_length",
    "max_length",
    "description",
)


@dataclass(frozen=True)
class Change:
    """One change on the page. kind: row-added, row-removed, row-changed, example-added,
    example-removed, example-changed, auth-changed, deprecated-changed, operation-added,
    operation-removed, title-changed. ``subject`` names the row or example; ``details`` lists what moved."""

    kind: str
    operation_id: str
    subject: str
    details: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "operation": self.operation_id,
            "subject": self.subject,
            "details": list(self.details),
        }


def compare_pages(old: Page, new: Page) -> list[Change]:
    """Every change from ``old`` (the snapshot) to ``new`` (the page read now), in page order."""
    changes: list[Change] = []
    if old.title != new.title:
        changes.append(Change("title-changed", "", "title", (f"{old.title!r} -> {new.title!r}",)))
    old_ops = {op.operation_id: op for op in old.operations}
    new_ops = {op.operation_id: op for op in new.operations}
    for op_id in old_ops.keys() - new_ops.keys():
        changes.append(Change("operation-removed", op_id, op_id))
    for op in new.operations:
        if op.operation_id not in old_ops:
            changes.append(Change("operation-added", op.operation_id, op.operation_id))
            continue
        changes += _compare_operations(old_ops[op.operation_id], op)
    return changes


def _compare_operations(old: Operation, new: Operation) -> list[Change]:
    op_id = new.operation_id
    out: list[Change] = []
    if old.deprecated != new.deprecated:
        out.append(Change("deprecated-changed", op_id, "deprecated", (f"{old.deprecated} -> {new.deprecated}",)))
    old_rows = {r.key: r for r in old.rows}
    new_rows = {r.key: r for r in new.rows}
    for r in new.rows:
        before = old_rows.get(r.key)
        if before is None:
            out.append(Change("row-added", op_id, r.label, (_summary(r),)))
        elif moved := row_changes(before, r):
            out.append(Change("row-changed", op_id, r.label, tuple(moved)))
    for r in old.rows:
        if r.key not in new_rows:
            out.append(Change("row-removed", op_id, r.label, (_summary(r),)))
    out += _compare_examples(op_id, old, new)
    if old.auth != new.auth:
        gone = [a for a in old.auth if a not in new.auth]
        added = [a for a in new.auth if a not in old.auth]
        out.append(
            Change("auth-changed", op_id, "authentication", tuple([f"- {a}" for a in gone] + [f"+ {a}" for a in added]))
        )
    return out


def row_changes(old: Row, new: Row) -> list[str]:
    """``fact: old -> new`` for every fact of the row that differs."""
    moved = []
    for name in _FACTS:
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            if name == "description":
                moved.append("description: " + text_change(a, b))
            elif name == "required":
                moved.append(f"required: {_required(a)} -> {_required(b)}")
            else:
                moved.append(f"{_fact_label(name)}: {_show(a)} -> {_show(b)}")
    return moved


def _compare_examples(op_id: str, old: Operation, new: Operation) -> list[Change]:
    """Examples are matched by direction and position (the n-th request example of each page)."""
    out: list[Change] = []
    for direction in sorted({e.direction for e in old.examples + new.examples}):
        before = [e.value for e in old.examples if e.direction == direction]
        after = [e.value for e in new.examples if e.direction == direction]
        for i in range(max(len(before), len(after))):
            subject = f"{direction} example {i + 1}"
            if i >= len(before):
                out.append(Change("example-added", op_id, subject))
            elif i >= len(after):
                out.append(Change("example-removed", op_id, subject))
            elif not same(before[i], after[i]):
                where = first_difference(before[i], after[i], left="snapshot", right="page")
                out.append(Change("example-changed", op_id, subject, (where or "changed",)))
    return out


def text_change(old: str, new: str, context: int = 30) -> str:
    """The part of a text that changed, with a little context: '…manager' -> '…manager. Possible values: …'."""
    old, new = " ".join(old.split()), " ".join(new.split())
    start = next((i for i, (x, y) in enumerate(zip(old, new, strict=False)) if x != y), min(len(old), len(new)))
    end = 0
    while end < min(len(old), len(new)) - start and old[len(old) - 1 - end] == new[len(new) - 1 - end]:
        end += 1

    def cut(text: str) -> str:
        lo, hi = max(0, start - context), min(len(text), len(text) - end + context)
        return ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")

    return f"{cut(old)!r} -> {cut(new)!r}"


def _summary(r: Row) -> str:
    facts = [r.type]
    if r.required:
        facts.append("required")
    if r.read_only:
        facts.append("read-only")
    for f in fields(Row):
        if f.name in ("pattern", "values", "value_range", "value_rule", "min_length", "max_length"):
            value = getattr(r, f.name)
            if value is not None:
                facts.append(f"{_fact_label(f.name)} {_show(value)}")
    return ", ".join(facts) + f": {_short(r.description)!r}"


def _required(mark: bool | None) -> str:
    return "unmarked" if mark is None else "required" if mark else "optional"


def _fact_label(name: str) -> str:
    return {"read_only": "read-only", "value_range": "range", "value_rule": "values", "values": "values"}.get(
        name, name.replace("_", " ")
    )


def _show(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, tuple):
        return "[" + ", ".join(map(str, value)) + "]"
    return repr(value) if isinstance(value, str) else str(value)


def _short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
