"""What a spec diff is made of: ``Change``, the list that collects them, and the differ's one error.

A ``Change`` carries only its rule id; its level and section come from the table in ``diffrules``, so
a change can never disagree with the table about how serious it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .diffrules import Level, rule


class SpecReadError(Exception):
    """A spec the differ cannot read or compare (not YAML, not a mapping, nested or aliased beyond reason)."""


@dataclass(frozen=True)
class Change:
    """One difference between two specs, as the generated client's users would experience it."""

    rule: str
    location: str
    detail: str

    def __post_init__(self) -> None:
        rule(self.rule)  # an id missing from the table is a bug in the differ: fail where it is made

    @property
    def level(self) -> Level:
        return rule(self.rule).level

    @property
    def breaking(self) -> bool:
        return self.level == "breaking"

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "level": self.level,
            "breaking": self.breaking,
            "location": self.location,
            "detail": self.detail,
        }


class ChangeLog:
    """The changes found so far, in the order found (a repeated change is kept once)."""

    def __init__(self) -> None:
        self._changes: dict[Change, None] = {}

    def add(self, rule_id: str, location: str, detail: str) -> None:
        self._changes.setdefault(Change(rule_id, location, detail), None)

    def __bool__(self) -> bool:
        return bool(self._changes)

    def changes(self) -> list[Change]:
        return list(self._changes)
