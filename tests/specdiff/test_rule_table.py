"""The rule table (diffrules) and its mapping from oasdiff's rules (oasdiff_rules.yaml) stay honest.

Every oasdiff rule is mapped to a rule of ours or explained; every ERR rule is one or the other; every
rule of ours named there exists; "same" means the same level and "deliberately different" another one,
with a reason; docs/diff-rules.md is what ruledocs writes. That every rule of ours has a crafted pair
triggering it, at its level, is checked in test_specdiff_rules.py.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from accountkit_codegen.changes import ruledocs
from accountkit_codegen.changes.diffrules import RULES, SECTIONS, Rule, index_rules
from accountkit_codegen.changes.oasdiffmap import LEVELS, catalogue

OASDIFF_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def test_every_oasdiff_rule_is_mapped_or_explained() -> None:
    data = catalogue()
    ids = [rule.id for rule in data.rules]
    assert len(ids) == len(set(ids)), "an oasdiff rule listed twice"
    for rule in data.rules:
        assert OASDIFF_ID.match(rule.id), rule.id
        assert rule.level in LEVELS, rule
        assert (rule.ours is None) == bool(rule.na), f"{rule.id}: either ours or na"
        assert not (rule.differs and rule.na), rule.id
        for key in (rule.differs, rule.na, rule.note):
            assert key is None or key in data.reasons, f"{rule.id}: no reason {key!r}"


def test_the_counts_recorded_from_the_source_match_the_rows() -> None:
    data = catalogue()
    levels = Counter(rule.level for rule in data.rules)
    assert data.source["counts"] == {"rules": len(data.rules), **levels}
    assert re.fullmatch(r"[0-9a-f]{40}", data.source["commit"])


def test_every_err_rule_is_covered_by_ours_or_not_applicable() -> None:
    errors = [rule for rule in catalogue().rules if rule.level == "ERR"]
    assert errors
    assert [rule.id for rule in errors if not (rule.ours or rule.na)] == []


def test_every_rule_of_ours_named_in_the_mapping_exists() -> None:
    assert sorted({rule.ours for rule in catalogue().rules if rule.ours} - set(RULES)) == []


def test_same_means_the_same_level_and_different_means_another() -> None:
    for rule in catalogue().rules:
        if rule.ours is None:
            continue
        ours = RULES[rule.ours].level
        if rule.differs:
            assert ours != LEVELS[rule.level], f"{rule.id} is listed as different but both are {ours}"
        else:
            assert ours == LEVELS[rule.level], f"{rule.id} is {rule.level} there and {ours} here: say why (differs)"


def test_every_reason_is_used() -> None:
    data = catalogue()
    used = {key for rule in data.rules for key in (rule.differs, rule.na, rule.note) if key}
    assert sorted(set(data.reasons) - used) == []


def test_the_counts_add_up() -> None:
    counts = catalogue().counts()
    assert counts["ERR rules"] == counts["ERR rules applicable"] + counts["ERR rules not applicable"]
    assert counts["ERR rules covered by ours"] == counts["ERR rules applicable"]
    assert counts["ERR rules applicable"] == (
        counts["ERR rules covered at the same level"] + counts["ERR rules deliberately different"]
    )


def test_the_table_of_ours_is_consistent() -> None:
    for rule in RULES.values():
        assert rule.section in SECTIONS
        assert rule.summary and rule.summary == rule.summary.strip()
        if rule.direction in ("request", "response"):
            assert rule.id.startswith(rule.direction) or rule.id.startswith(("parameter", "required-")), rule.id


@pytest.mark.parametrize(
    ("level", "section"),
    [("breaking", "Changed"), ("warning", "Breaking"), ("info", "Breaking"), ("info", "Warnings")],
)
def test_a_rule_cannot_sit_in_another_levels_section(level: str, section: str) -> None:
    with pytest.raises(ValueError, match="belongs under"):
        Rule("x", level, section, "none", "x")  # type: ignore[arg-type]  # the mismatch is the point


def test_the_docs_page_is_up_to_date() -> None:
    """docs/diff-rules.md is generated from the tables; ruledocs's docstring says how to rewrite it."""
    assert ruledocs.PAGE.read_text(encoding="utf-8") == ruledocs.render()


def test_an_unknown_rule_id_is_named_in_the_error() -> None:
    from accountkit_codegen.changes.diffrules import rule

    with pytest.raises(KeyError, match="no spec-diff rule 'no-such-rule' in diffrules.RULES"):
        rule("no-such-rule")


def test_the_rules_cannot_be_changed_at_run_time() -> None:
    import dataclasses

    from accountkit_codegen.changes.diffrules import RULES

    some_rule = next(iter(RULES.values()))
    with pytest.raises(dataclasses.FrozenInstanceError):
        some_rule.bump = "major"  # type: ignore[misc]


def test_a_rule_id_listed_twice_in_the_table_is_refused() -> None:
    first, second = RULES["operation-removed"], RULES["operation-added"]

    assert index_rules((first, second)) == {first.id: first, second.id: second}
    with pytest.raises(ValueError, match="duplicate rule id in diffrules._TABLE: operation-removed"):
        index_rules((first, second, first))


def test_a_rule_bumps_the_part_its_section_calls_for() -> None:
    bumps = {rule_id: RULES[rule_id].bump for rule_id in ("operation-removed", "operation-added")}

    assert bumps == {"operation-removed": "major", "operation-added": "minor"}
