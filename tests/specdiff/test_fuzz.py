"""Fuzz the differ: every pair of a few hundred varied spec documents, and hostile texts.

The corpus (fuzzcorpus.py) is the project's own spec history plus seeded mutations of it and of the
small spec. Every ordered pair is diffed: the only exception allowed out is ``SpecReadError`` (the
differ's one error for a document it cannot compare), every change must name a rule of the table, and
a document compared with an identical copy of itself must show no change at all. Texts go through
``compare_texts`` too, hostile ones included: each is a report or one ``SpecReadError``.
"""

from __future__ import annotations

import copy
import random
import time

import pytest
import yaml
from accountkit_codegen.changes.apidiff import compare_texts
from accountkit_codegen.changes.diffmodel import SpecReadError
from accountkit_codegen.changes.diffrules import RULES
from accountkit_codegen.changes.specdiff import Change, diff
from fuzzcorpus import Doc, corpus, mutate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from smallspec import small_spec

SEED = 18
MUTATIONS_PER_BASE = 30


@pytest.fixture(scope="module")
def documents() -> list[tuple[str, Doc]]:
    return corpus(SEED, MUTATIONS_PER_BASE)


def checked(old: Doc, new: Doc) -> list[Change] | None:
    """The changes, each checked against the rule table; None when the differ refused with its own error."""
    try:
        changes = diff(old, new)
    except SpecReadError as exc:
        assert str(exc), "a SpecReadError must say why"
        return None
    assert isinstance(changes, list)
    for change in changes:
        assert change.rule in RULES and change.location and change.detail
    return changes


def test_every_pair_of_the_corpus(documents: list[tuple[str, Doc]]) -> None:
    """No exception but SpecReadError escapes, for any ordered pair; the figures are printed (pytest -s)."""
    assert len(documents) >= 200
    started = time.perf_counter()
    refused = pairs = 0
    for _family, old in documents:
        for _other, new in documents:
            pairs += 1
            refused += checked(old, new) is None
    elapsed = time.perf_counter() - started
    print(f"\nfuzz: {len(documents)} documents, {pairs} ordered pairs, {refused} refused, {elapsed:.1f} s")
    assert refused < pairs / 10, "nearly everything in the corpus should be comparable"


def test_a_document_equals_its_copy(documents: list[tuple[str, Doc]]) -> None:
    for family, document in documents:
        assert checked(document, copy.deepcopy(document)) in ([], None), family


def test_texts_of_the_corpus_and_hostile_texts(documents: list[tuple[str, Doc]]) -> None:
    """Through YAML text as the CLI reads it: a report, or one SpecReadError with a one-line message."""
    small = [document for family, document in documents if family == "small"]
    texts = [yaml.safe_dump(document, allow_unicode=True) for document in small[::3]]  # small: quick to parse
    texts += [
        "openapi: 3.1.0\ninfo: {title: [unclosed\n",
        "- not\n- a mapping\n",
        "a: &x [*x]\n",
        "a: &x {b: *x}\n",
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(6)),
        "a: " + "[" * 300 + "]" * 300 + "\n",
        "paths: {/x: {get: {responses: {200: {content: {application/json: {schema: {type: [1, {}]}}}}}}}}\n",
        "info: {version: 2023-01-01}\npaths: {}\n",
        "\x00\x01 binary",
        "",
    ]
    for old_text in texts:
        for new_text in texts[:2] + texts[-10:]:
            try:
                result = compare_texts("fuzz", old_text, new_text, old_where="old")
            except SpecReadError as exc:
                assert "\n" not in str(exc)
                continue
            assert all(change.rule in RULES for change in result.changes)
    with pytest.raises(SpecReadError, match="nested too deeply to read"):  # deeper than YAML's parser can go
        compare_texts("fuzz", "a: " + "[" * 3000 + "]" * 3000 + "\n", texts[0], old_where="old")


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**32), st.integers(min_value=0, max_value=2**32))
def test_random_mutations_of_the_small_spec(first: int, second: int) -> None:
    """Hypothesis picks the seeds: two independent mutations of the small spec, diffed both ways."""
    old, new = mutate(small_spec(), random.Random(first)), mutate(small_spec(), random.Random(second))
    checked(old, new)
    checked(new, old)
    assert checked(old, copy.deepcopy(old)) in ([], None)
