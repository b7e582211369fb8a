"""The bump rules: major/minor/patch by what changed, shifted one place below 1.0.0, none when identical."""

from __future__ import annotations

import pytest
from accountkit_codegen.specdiff import Change
from accountkit_codegen.versioning import bumped, parse, satisfies, semver_bump, suggested_bump

BREAKING = Change("property-removed", True, "POST /x request a", "request property removed")
ADDED = Change("property-added", False, "POST /x request b", "optional request property added")
LOOSENED = Change("constraint-loosened", False, "POST /x request c", "maxLength 10 -> 20")
WORDS = Change("description-changed", False, "POST /x", "summary changed")


@pytest.mark.parametrize(
    ("changes", "text_changed", "expected"),
    [
        pytest.param([BREAKING, ADDED, WORDS], True, "major", id="breaking wins"),
        pytest.param([ADDED, WORDS], True, "minor", id="addition"),
        pytest.param([LOOSENED], True, "minor", id="loosened constraint"),
        pytest.param([WORDS], True, "patch", id="description only"),
        pytest.param([], True, "patch", id="text only (comments, formatting)"),
        pytest.param([], False, None, id="identical"),
    ],
)
def test_semver_bump(changes, text_changed, expected):
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
def test_suggested_bump_and_next_version(current, changes, bump, next_version):
    assert suggested_bump(changes, current, text_changed=True) == bump
    assert bumped(current, bump) == next_version


def test_identical_suggests_nothing():
    assert suggested_bump([], "0.1.0") is None
    assert suggested_bump([], "2.0.0") is None


def test_parse_rejects_what_is_not_semver():
    assert parse("10.20.30") == (10, 20, 30)
    for bad in ("1.2", "v1.2.3", "01.2.3", "1.2.3-rc1", ""):
        with pytest.raises(ValueError):
            parse(bad)


def test_satisfies_compares_numerically():
    assert satisfies("0.10.0", "0.9.0")
    assert satisfies("0.2.0", "0.2.0")
    assert not satisfies("0.1.5", "0.2.0")
