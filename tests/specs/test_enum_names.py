"""Integer enums carry the page's names for their values (``x-enum-varnames``), or say the page has none.

``IAccountRole.PHONE_LINE``, not ``VALUE_2``: both generators (openapi-python-client for the attrs models,
datamodel-code-generator for the pydantic ones) name the members from ``x-enum-varnames``. Each name is
made of the words the page gives that value (``2 - Phone line``), so it can be checked against the
description; an integer enum whose page names no value says so in ``x-accountkit-undocumented``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
SPECS = sorted((REPO / "specs").glob("*.yaml"))
# "Possible values: 1 - Universal; 2 - Phone line; ... 9 - Voucher." -> {1: "Universal", ...}
_VALUE = re.compile(r"(?:(?<=: )|(?<=; ))(-?\d+) - (.+?)(?=; |\. |\.$|$)")


def integer_enums(node: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        enum = node.get("enum")
        if isinstance(enum, list) and enum and all(type(value) is int for value in enum):
            yield where, node
        for key, value in node.items():
            if key not in ("example", "examples", "default"):
                yield from integer_enums(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from integer_enums(value, f"{where}/{index}")


def page_names(description: str) -> dict[int, str]:
    return {int(value): words for value, words in _VALUE.findall(" ".join(description.split()))}


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower().replace("@", " at ")))


def name_problems(schema: dict[str, Any]) -> list[str]:
    """Why an integer enum's member names are not the page's (empty when they are)."""
    named = page_names(str(schema.get("description", "")))
    names = schema.get("x-enum-varnames")
    if not named:
        note = str(schema.get("x-accountkit-undocumented", ""))
        return (
            [] if names is None and "names" in note else ["the page names no value: say so (x-accountkit-undocumented)"]
        )
    if not isinstance(names, list) or len(names) != len(schema["enum"]):
        return [f"x-enum-varnames must name each of the {len(schema['enum'])} values"]
    problems = []
    if len(set(names)) != len(names):
        problems.append("x-enum-varnames repeats a name")
    for value, name in zip(schema["enum"], names, strict=True):
        if not re.fullmatch(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*", str(name)):
            problems.append(f"{name!r} is not an UPPER_SNAKE_CASE name")
        elif value not in named:
            problems.append(f"the page gives no words for {value}")
        elif not words(name) <= words(named[value]):
            problems.append(f"{name} for {value}: not made of the page's words {named[value]!r}")
    return problems


@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.name)
def test_every_integer_enum_carries_the_pages_names(path: Path) -> None:
    found = list(integer_enums(yaml.safe_load(path.read_text(encoding="utf-8"))))
    for where, schema in found:
        assert name_problems(schema) == [], where


def test_the_rule_refuses_what_it_should() -> None:
    role = {
        "type": "integer",
        "enum": [1, 2, 7],
        "description": "The role. Possible values: 1 - Universal; 2 - Phone line; 7 - User@domain. UI: x.",
        "x-enum-varnames": ["UNIVERSAL", "PHONE_LINE", "USER_AT_DOMAIN"],
    }
    assert name_problems(role) == []
    assert name_problems({**role, "x-enum-varnames": ["UNIVERSAL", "PHONE_LINE"]})  # one missing
    assert name_problems({**role, "x-enum-varnames": ["UNIVERSAL", "MOBILE", "USER_AT_DOMAIN"]})  # not the page's
    assert name_problems({**role, "x-enum-varnames": ["UNIVERSAL", "VALUE_2", "USER_AT_DOMAIN"]})
    assert name_problems({**role, "x-enum-varnames": ["UNIVERSAL", "phone_line", "USER_AT_DOMAIN"]})
    assert name_problems({key: value for key, value in role.items() if key != "x-enum-varnames"})
    unnamed = {"type": "integer", "enum": [1, 2], "description": "The level (1 or 2)."}
    assert name_problems(unnamed)
    assert name_problems({**unnamed, "x-accountkit-undocumented": "The page gives no names for these values."}) == []


def test_the_specs_have_integer_enums_to_check() -> None:
    counted = sum(1 for path in SPECS for _ in integer_enums(yaml.safe_load(path.read_text(encoding="utf-8"))))
    assert counted == 12  # PortaBilling's, all named by its page


def test_the_generated_clients_use_the_names() -> None:
    """No member is named after its number any more, in either generator's output."""
    from portabilling_client import schemas
    from portabilling_client.models import AccountInfoIAccountRole, IncludedServiceIServiceType

    generated = "\n".join(path.read_text(encoding="utf-8") for path in (REPO / "generated").rglob("*.py"))
    assert re.findall(r"(?m)^\s+(?:VALUE_\w+|integer_\w+) = -?\d+$", generated) == []
    assert AccountInfoIAccountRole.PHONE_LINE == 2 and AccountInfoIAccountRole(7).name == "USER_AT_DOMAIN"
    assert schemas.IAccountRole.PHONE_LINE == 2 and schemas.IAccountRole1.MSISDN == 8
    assert IncludedServiceIServiceType(8).name == "WI_FI"
