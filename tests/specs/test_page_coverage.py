"""Every row of every vendor page is in its spec: present, same type, same words, same constraints.

The rows come from the committed page snapshots (specs/pages/<api>.json, read from the vendors' pages
by accountkit_codegen.spec.pages), so a page change recorded with `./dev -s docs -- <api> <page> --update`
changes what is demanded here. Each row is its own test (id `api:dotted.name`), so a failure names the
field and says what is wrong, with the JSON pointer of the place to edit.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import pytest
from accountkit_codegen.spec.pages.apis import PAGES
from accountkit_codegen.spec.pages.model import Row
from accountkit_codegen.spec.pages.snapshot import load_snapshot
from accountkit_codegen.spec.pages.speccheck import check_operation, check_row_at
from support.specs import read_spec

CASES = [(api, row) for api in PAGES for row in load_snapshot(api).page.rows]
IDS = [f"{api}:{row.label}" for api, row in CASES]
assert len(set(IDS)) == len(IDS), "two page rows share a test id"


@functools.cache
def spec(api: str) -> dict[str, Any]:
    """The spec for an API; a missing file is a failure (specs/README.md lists it), not a skip."""
    path = PAGES[api].spec_path
    if not path.exists():
        pytest.fail(f"{path} does not exist")
    return read_spec(api)


@pytest.mark.parametrize(("api", "row"), CASES, ids=IDS)
def test_page_row_is_in_spec(api: str, row: Row) -> None:
    result = check_row_at(spec(api), PAGES[api], row)
    assert not result.problems, f"{'; '.join(result.problems)} (edit {PAGES[api].spec_file} at {result.pointer})"


@pytest.mark.parametrize("api", list(PAGES))
def test_page_operation_is_in_spec(api: str) -> None:
    """What the page says of the operation itself (its deprecation) is in the spec."""
    for op in load_snapshot(api).page.operations:
        assert check_operation(spec(api), PAGES[api], op) == []


@pytest.mark.parametrize("api", list(PAGES))
def test_coverage_figure(api: str, record_property: Callable[[str, object], None]) -> None:
    """Every page field is covered, and the figure we quote ("N of M page fields covered") says so.

    The per-row tests say which row fails; this one fails too, so that a figure below M of M is never
    printed by a passing run.
    """
    rows = load_snapshot(api).page.rows
    assert rows, f"the {api} snapshot has no rows"
    covered = sum(not check_row_at(spec(api), PAGES[api], row).problems for row in rows)
    record_property("coverage", f"{covered}/{len(rows)}")
    print(f"{api}: {covered} of {len(rows)} page fields covered")
    assert covered == len(rows), f"{api}: only {covered} of {len(rows)} page fields covered"
