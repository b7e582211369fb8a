"""The bump rules: major/minor/patch by what changed, shifted one place below 1.0.0, none when identical."""

from __future__ import annotations

import pytest
from accountkit_codegen.changes.diffrules import RULES
from accountkit_codegen.changes.specdiff import Change
from accountkit_codegen.changes.versioning import semver_bump, suggested_bump
from accountkit_codegen.generate.semver import bumped, parse, satisfies

BREAKING = Change("request-property-removed", "POST /x request a", "request property removed")
WARNING = Change("response-constraint-loosened", "POST /x response 200 n", "maxLength 10 -> 20")
ADDED = Change("request-property-added", "POST /x request b", "optional request property added")
LOOSENED = Change("request-constraint-loosened", "POST /x request c", "maxLength 10 -> 20")
WORDS = Change("description-changed", "POST /x", "summary changed")


@pytest.mark.parametrize(
    ("changes", "text_changed", "expected"),
    [
        pytest.param([BREAKING, WARNING, ADDED, WORDS], True, "major", id="breaking wins"),
        pytest.param([WARNING, WORDS], True, "minor", id="warning"),
        pytest.param([ADDED, WORDS], True, "minor", id="addition"),
        pytest.param([LOOSENED], True, "minor", id="loosened constraint"),
        pytest.param([WORDS], True, "patch", id="description only"),
        pytest.param([], True, "patch", id="text only (comments, formatting)"),
        pytest.param([], False, None, id="identical"),
    ],
)
def test_semver_bump(changes: list[Change], text_changed: bool, expected: str | None) -> None:
    assert semver_bump(changes, text_changed=text_changed) == expected


@pytest.mark.parametrize(
    ("current", "changes", "bump", "next_version"),
    [
        pytest.param("1.2.3", [BREAKING], "major", "2.0.0", id="1.x breaking -> major"),
        pytest.param("1.2.3", [ADDED], "minor", "1.3.0", id="1.x addition -> minor"),
        pytest.param("1.2.3", [WORDS], "patch", "1.2.4", id="1.x words -> patch"),
        pytest.param("0.1.0", [BREAKING], "minor", "0.2.0", id="0.x breaking -> minor"),
        pytest.param("0.1.0", [ADDED], "patch", "0.1.1", id="0.x addition -> patch"),
        pytest.param("0.1.0", [WORDS], "patch", "0.1.1", id="0.x words -> patch"),
        pytest.param("0.3.7", [BREAKING], "minor", "0.4.0", id="0.x resets the patch"),
    ],
)
def test_suggested_bump_and_next_version(current: str, changes: list[Change], bump: str, next_version: str) -> None:
    assert suggested_bump(changes, current, text_changed=True) == bump
    assert bumped(current, bump) == next_version


def test_the_bump_comes_from_the_rule_table() -> None:
    """Every rule's bump is its changelog section's: the table is the only place that decides it."""
    assert {rule.bump for rule in RULES.values() if rule.level == "breaking"} == {"major"}
    assert {rule.bump for rule in RULES.values() if rule.level == "warning"} == {"minor"}
    for rule in RULES.values():
        assert semver_bump([Change(rule.id, "x", "y")]) == rule.bump


def test_a_version_that_is_not_semver_cannot_be_bumped_even_by_a_patch() -> None:
    with pytest.raises(ValueError, match="MAJOR.MINOR.PATCH"):
        suggested_bump([WORDS], "2.0", text_changed=True)
    assert suggested_bump([], "2.0") is None  # nothing to release: nothing to compute


def test_identical_suggests_nothing() -> None:
    assert suggested_bump([], "0.1.0") is None
    assert suggested_bump([], "2.0.0") is None


def test_parse_rejects_what_is_not_semver() -> None:
    assert parse("10.20.30") == (10, 20, 30)
    for bad in ("1.2", "v1.2.3", "01.2.3", "1.2.3-rc1", ""):
        with pytest.raises(ValueError):
            parse(bad)


def test_satisfies_compares_numerically() -> None:
    assert satisfies("0.10.0", "0.9.0")
    assert satisfies("0.2.0", "0.2.0")
    assert not satisfies("0.1.5", "0.2.0")


def test_no_change_and_no_text_change_is_nothing_to_release_by_default() -> None:
    assert semver_bump([]) is None
    assert suggested_bump([], "1.2.3") is None
