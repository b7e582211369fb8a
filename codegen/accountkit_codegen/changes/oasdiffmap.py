"""How each of oasdiff's breaking-change rules maps to ours: the data in ``oasdiff_rules.yaml``, read.

oasdiff (its rule catalogue is ``checker/rules.go``) is the reference breaking-change checker, and its
ERR / WARN / INFO levels are the common language of the field. The YAML file records, for every one of
its rules at one commit, the accountkit rule that reports the same change (``ours``), whether ours
reports it at another level and why (``differs``), or why it does not apply here (``na``). This module
reads it into ``Mapping`` rows and counts them; the checks that keep it honest (every ERR rule mapped,
every rule named in ``diffrules``) are in tests/specdiff/test_rule_table.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .diffrules import Level

DATA = Path(__file__).with_name("oasdiff_rules.yaml")
# What oasdiff's levels mean in ours.
LEVELS: dict[str, Level] = {"ERR": "breaking", "WARN": "warning", "INFO": "info"}


@dataclass(frozen=True)
class Mapping:
    """One oasdiff rule and what accountkit does with it."""

    id: str
    level: str  # ERR, WARN or INFO: oasdiff's level
    ours: str | None  # the accountkit rule reporting it; None when it does not apply
    differs: str | None  # why ours reports it at another level (a key of ``reasons``)
    na: str | None  # why it does not apply (a key of ``reasons``)
    note: str | None  # more on how ours reports it (a key of ``reasons``)

    @property
    def status(self) -> str:
        if self.na:
            return "not applicable"
        return "deliberately different" if self.differs else "same"


@dataclass(frozen=True)
class Catalogue:
    source: dict[str, Any]
    reasons: dict[str, str]
    rules: tuple[Mapping, ...]

    def counts(self) -> dict[str, int]:
        """The figures docs/diff-rules.md reports: all rules, ERR rules, and what became of them."""
        errors = [rule for rule in self.rules if rule.level == "ERR"]
        applicable = [rule for rule in errors if not rule.na]
        return {
            "oasdiff rules": len(self.rules),
            "ERR rules": len(errors),
            "ERR rules applicable": len(applicable),
            "ERR rules covered by ours": sum(rule.ours is not None for rule in applicable),
            "ERR rules covered at the same level": sum(rule.status == "same" for rule in applicable),
            "ERR rules deliberately different": sum(rule.status == "deliberately different" for rule in applicable),
            "ERR rules not applicable": len(errors) - len(applicable),
            "all rules deliberately different": sum(rule.status == "deliberately different" for rule in self.rules),
            "all rules not applicable": sum(rule.status == "not applicable" for rule in self.rules),
        }


@cache
def catalogue() -> Catalogue:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    rules = tuple(
        Mapping(
            id=entry["id"],
            level=entry["level"],
            ours=entry.get("ours"),
            differs=entry.get("differs"),
            na=entry.get("na"),
            note=entry.get("note"),
        )
        for entry in data["rules"]
    )
    return Catalogue(source=data["source"], reasons=data["reasons"], rules=rules)
