"""Every row of every vendor page is in its spec: present, same type, same words, same constraints.

The rows come from the committed page snapshots (specs/pages/<api>.json, read from the vendors' pages
by accountkit_codegen.spec.pages), so a page change recorded with `./dev -s docs -- <api> <page> --update`
changes what is demanded here. Each row is its own test (id `api:dotted.name`), so a failure names the
field and says what is wrong, with the JSON pointer of the place to edit.
"""

import functools

import pytest
import yaml
from accountkit_codegen.spec.pages.apis import PAGES
from accountkit_codegen.spec.pages.snapshot import load_snapshot
from accountkit_codegen.spec.pages.speccheck import check_operation, check_row_at

CASES = [(api, row) for api in PAGES for row in load_snapshot(api).page.rows]
IDS = [f"{api}:{row.label}" for api, row in CASES]
assert len(set(IDS)) == len(IDS), "two page rows share a test id"


@functools.cache
def spec(api: str) -> dict:
    """The spec for an API; a missing file is a failure (specs/README.md lists it), not a skip."""
    path = PAGES[api].spec_path
    if not path.exists():
        pytest.fail(f"{path} does not exist")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("api", "row"), CASES, ids=IDS)
def test_page_row_is_in_spec(api, row):
    result = check_row_at(spec(api), PAGES[api], row)
    assert not result.problems, f"{'; '.join(result.problems)} (edit {PAGES[api].spec_file} at {result.pointer})"


@pytest.mark.parametrize("api", list(PAGES))
def test_page_operation_is_in_spec(api):
    """What the page says of the operation itself (its deprecation) is in the spec."""
    for op in load_snapshot(api).page.operations:
        assert check_operation(spec(api), PAGES[api], op) == []


@pytest.mark.parametrize("api", list(PAGES))
def test_coverage_figure(api, record_property):
    """Prints "N of M page fields covered" (the figure we quote); the per-row tests say which fail."""
    rows = load_snapshot(api).page.rows
    assert rows, f"the {api} snapshot has no rows"
    covered = sum(not check_row_at(spec(api), PAGES[api], row).problems for row in rows)
    record_property("coverage", f"{covered}/{len(rows)}")
    print(f"{api}: {covered} of {len(rows)} page fields covered")
