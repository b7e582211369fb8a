"""Every row of every vendor seed page is in its spec: present, same type, same words, same constraints.

The rows come from parsing the page text (seedpages.py), so a page edit changes what is demanded here.
Each row is its own test (id `api:dotted.name`), so a failure names the field and says what is wrong.
"""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # import seedpages whatever pytest's import mode
import seedpages as sp  # noqa: E402

CASES = [(api, row) for api in sp.APIS for row in sp.page_rows(api)]
IDS = [sp.row_id(api, row) for api, row in CASES]
assert len(set(IDS)) == len(IDS), "two page rows share a test id"


def spec(api: str) -> dict:
    """The spec for an API; a missing file is a failure (specs/README.md lists it), not a skip."""
    path = sp.SPECS / sp.APIS[api].spec
    if not path.exists():
        pytest.fail(f"{path} does not exist")
    return sp.cached_spec(sp.APIS[api].spec)


@pytest.mark.parametrize(("api", "row"), CASES, ids=IDS)
def test_page_row_is_in_spec(api, row):
    problems = sp.check_row(spec(api), sp.APIS[api], row)
    assert not problems, "; ".join(problems)


@pytest.mark.parametrize("api", list(sp.APIS))
def test_coverage_figure(api, record_property):
    """Prints "N of M page fields covered" (the figure we quote); the per-row tests say which fail."""
    rows = sp.page_rows(api)
    assert rows, f"the {api} page parser found no rows: the page layout changed"
    covered = sum(not sp.check_row(spec(api), sp.APIS[api], row) for row in rows)
    record_property("coverage", f"{covered}/{len(rows)}")
    print(f"{api}: {covered} of {len(rows)} page fields covered")
