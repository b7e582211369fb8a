"""The page readers: they read the vendors' pages into exactly the committed snapshots, read saved HTML
like saved text, and refuse a page in a layout they do not know with one message naming what is missing.

Where the original pages are available (ACCOUNTKIT_SEEDS, or ../shared/seeds beside the repository as in
CI), reading them must reproduce specs/pages/<api>.json exactly; without them those tests are skipped
and everything else runs on pages rendered from the snapshots (tests/specs/pagerender.py).
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from accountkit_codegen.spec.layout import REPO
from accountkit_codegen.spec.pages.apis import PAGES
from accountkit_codegen.spec.pages.model import Row
from accountkit_codegen.spec.pages.readers import READERS
from accountkit_codegen.spec.pages.snapshot import load_snapshot
from accountkit_codegen.spec.pages.text import PageReadError, html_to_text, read_page_file
from pagerender import as_html, render  # noqa: E402

# The vendor pages as saved when the specs were written, one file per API: <prefix>_<content hash>.txt.
SAVED_PAGES = {"intandem": "000", "activeplatform": "001", "portabilling": "002", "octopush": "003", "twosms": "004"}


def saved_pages_dir() -> Path:
    env = os.environ.get("ACCOUNTKIT_SEEDS")
    return Path(env) if env else REPO.parent / "shared" / "seeds"


def saved_page(api: str) -> Path:
    """The original saved page of an API, or a skip saying why there is none."""
    folder = saved_pages_dir()
    hits = sorted(folder.glob(f"{SAVED_PAGES[api]}_*.txt"))
    if len(hits) != 1:
        pytest.skip(
            f"the original {api} page is not available ({folder} has {len(hits)} {SAVED_PAGES[api]}_*.txt; "
            "set ACCOUNTKIT_SEEDS to the folder of saved pages): the snapshot is checked without it"
        )
    return hits[0]


def rows_by_key(api: str) -> dict[tuple[str, str], Row]:
    return {r.key: r for r in load_snapshot(api).page.rows}


# --- the original pages reproduce the snapshots ------------------------------------------------------


@pytest.mark.parametrize("api", list(PAGES))
def test_original_page_reproduces_the_snapshot(api: str) -> None:
    snapshot = load_snapshot(api)
    page = PAGES[api].read_file(saved_page(api))
    assert page.to_json() == snapshot.page.to_json()
    assert snapshot.reader == PAGES[api].reader and snapshot.source == PAGES[api].source.to_json()


def test_intandem_lost_names_come_from_the_hints() -> None:
    """The saved vendor page lost four of seven names and mislabels a row; the snapshot names them right."""
    text = saved_page("intandem").read_text(encoding="utf-8")
    assert text.count("external_subscription_params") == 2 and "edit_tags" not in text
    dropped = text.replace("string\n\nThe Number Of SMS For Deletion From The Account", "")
    assert dropped != text
    with pytest.raises(PageReadError, match="4 query parameters, 2 of them without a name line, where 5 are known"):
        PAGES["intandem"].read_text(dropped, "page.txt")


# --- every reader, on pages rendered from the snapshots ----------------------------------------------


@pytest.mark.parametrize("api", list(PAGES))
def test_rendered_page_reads_back_as_the_snapshot(api: str) -> None:
    """The round trip that makes the crafted pages of test_docs.py trustworthy."""
    page = load_snapshot(api).page
    assert PAGES[api].read_text(render(api, page), "rendered.txt") == page


@pytest.mark.parametrize("api", list(PAGES))
def test_saved_html_reads_like_saved_text(api: str, tmp_path: Path) -> None:
    page = load_snapshot(api).page
    tables = {"Field Name Type Description": 3, "NameTypeDescription": 1}
    html_file = tmp_path / f"{api}.html"
    html_file.write_text(as_html(render(api, page), tables), encoding="utf-8")
    assert PAGES[api].read_file(html_file) == page


@pytest.mark.parametrize("api", list(PAGES))
@pytest.mark.parametrize("other", list(PAGES))
def test_a_page_in_another_layout_is_refused_with_a_reason(api: str, other: str) -> None:
    if PAGES[api].reader == PAGES[other].reader:
        return
    text = render(other, load_snapshot(other).page)
    with pytest.raises(PageReadError) as caught:
        PAGES[api].read_text(text, f"{other}.txt")
    message = str(caught.value)
    assert message.startswith(f"{other}.txt: reader {PAGES[api].reader}: ")
    assert any(word in message for word in ("no line", "no ", "not understood", "without")), message


@pytest.mark.parametrize("text", ["", "\n\n", "just a sentence\n", "<html><body><p>Hello</p></body></html>"])
@pytest.mark.parametrize("reader", sorted(READERS))
def test_empty_or_foreign_text_is_a_read_error(reader: str, text: str) -> None:
    binding = next(b for b in PAGES.values() if b.reader == reader)
    with pytest.raises(PageReadError):
        binding.read_text(html_to_text(text) if text.startswith("<") else text, "x")


def test_intandem_names_lines_and_hints() -> None:
    """A rendering with every name line is read by its names; without them the hinted names fill in,
    a new named row is taken by its name, and a removed unnamed row is refused, not guessed."""
    page = load_snapshot("intandem").page
    rendered = render("intandem", page)
    unnamed = "\n".join(ln for ln in rendered.splitlines() if ln not in {r.name for r in page.rows})
    assert PAGES["intandem"].read_text(unnamed, "x") == page
    added = unnamed.replace("Headers\n", "reset_credits\nstring\n\nReset the credits.\n\nHeaders\n")
    names = [r.name for r in PAGES["intandem"].read_text(added, "x").rows]
    assert names[-2:] == ["reset_credits", "Authorization"]
    removed = unnamed.replace("string\n\nThe Number Of SMS For Deletion From The Account", "")
    with pytest.raises(PageReadError, match="cannot be told from this rendering"):
        PAGES["intandem"].read_text(removed, "x")


def test_snapshot_facts_the_readers_must_keep() -> None:
    """What the readers work out from the layouts, as recorded in the snapshots."""
    ap = rows_by_key("activeplatform")
    assert ap[("auth-query", "api_token")].required is True
    assert ap[("path", "account_id")].type == "integer" and ap[("path", "account_id")].required
    assert ap[("request", "custom_attributes.value")].type == "Depends on the Account type"
    assert ap[("response", "updated_at")].type == "date"
    assert ("response", "custom_attributes.name") in ap and ("response", "name") in ap
    pb = rows_by_key("portabilling")
    assert pb[("request", "assigned_addons.product_subscription.periodic_fees")].type == "array[array[object]]"
    assert ("request", "release_assigned_did") in pb and pb[("response", "i_account")].type == "integer"
    assert {name for loc, name in pb if loc == "error:500"} == {"faultcode", "faultstring"}
    assert pb[("request", "assigned_addons.hidden")].values == ("Y", "N")
    assert pb[("request", "alias_did_number_list.did_number")].read_only
    octo = rows_by_key("octopush")
    assert octo[("request", "callbacks.callback_url_for_blacklisted_numbers")].type == "string"
    assert ("request", "password") in octo and ("request", "callbacks.password") not in octo
    sms = rows_by_key("twosms")
    contact, phone = sms[("request", "ContactNumber")], sms[("request", "PhoneNumber")]
    assert sms[("path", "id")].required and contact.required and phone.required is None
    assert contact.pattern is not None and contact.pattern == phone.pattern
    assert contact.pattern.startswith("^(?=.*?\\d")
    assert sms[("response", "ResponseData")].type == "ResponseDataOfObject"


# --- HTML into text --------------------------------------------------------------------------------


def test_html_to_text_keeps_blocks_cells_and_code() -> None:
    html = (
        "<!doctype html><html><head><title>T</title><script>secret()</script><style>p{}</style></head><body>"
        "<h1>Update&nbsp;an Account</h1><p>One <b>bold</b>\n  word.<br>Next line</p>"
        "<table><tr><th>Name</th><th>Type</th></tr><tr><td>first_name</td><td>string</td></tr></table>"
        '<pre>{\n  "a": 1\n}</pre><ul><li>one</li><li>two</li></ul><!-- hidden --></body></html>'
    )
    assert html_to_text(html) == (
        "Update an Account\n\nOne bold word.\nNext line\n\nName\tType\nfirst_name\tstring\n\n"
        '{\n  "a": 1\n}\n\none\ntwo\n'
    )


def test_page_files_are_read_as_html_or_text_by_content(tmp_path: Path) -> None:
    text_file, html_file = tmp_path / "page.html", tmp_path / "page.txt"
    text_file.write_text("Title\n<b>not markup here</b>\n", encoding="utf-8")
    html_file.write_text("\ufeff<html><body><p>Title</p></body></html>", encoding="utf-8")
    assert read_page_file(text_file) == "Title\n<b>not markup here</b>\n"
    assert read_page_file(html_file) == "Title\n"
    with pytest.raises(PageReadError, match="cannot read the file"):
        read_page_file(tmp_path / "missing.txt")


def test_snapshot_rows_round_trip_through_json() -> None:
    for api in PAGES:
        page = load_snapshot(api).page
        for row in page.rows:
            assert type(row).from_json(row.to_json()) == row
        assert replace(page, title="x") != page


# --- hostile input: one read error, never a crash or a hang ---------------------------------------


def test_deeply_nested_html_is_read_without_recursion(tmp_path: Path) -> None:
    deep = tmp_path / "deep.html"
    deep.write_text("<html><body>" + "<div>" * 50_000 + "Title" + "</div>" * 50_000 + "</body></html>")
    assert read_page_file(deep) == "Title\n"


@pytest.mark.parametrize("api", ["activeplatform", "portabilling", "twosms", "octopush"])
def test_an_absurdly_deep_example_is_a_read_error(api: str) -> None:
    import json

    page = load_snapshot(api).page
    text = render(api, page)
    value = page.operations[0].examples[0].value
    shown = (
        next(dumped for dumped in (json.dumps(value, indent=n) for n in (2, 4)) if dumped in text)
        if api != "octopush"
        else json.dumps(value, ensure_ascii=False)
    )
    hostile = text.replace(shown, '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}", 1)
    assert hostile != text
    with pytest.raises(PageReadError, match="nests too deeply"):
        PAGES[api].read_text(hostile, "hostile.txt")
    shallow_but_deep = text.replace(shown, '{"a": ' + "[" * 100 + "]" * 100 + "}", 1)
    with pytest.raises(PageReadError, match="nests deeper than 64 levels"):
        PAGES[api].read_text(shallow_but_deep, "hostile.txt")


def test_a_page_file_larger_than_any_reference_page_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(6_000_000)
    with pytest.raises(PageReadError, match="too large"):
        read_page_file(big)


def test_a_misspelt_snapshot_key_is_an_error() -> None:
    from accountkit_codegen.spec.pages.model import Page

    data = load_snapshot("octopush").page.to_json()
    data["operations"][0]["rows"][0]["requird"] = True
    with pytest.raises(ValueError, match=r"unknown row keys \['requird'\]"):
        Page.from_json(data)
    data = load_snapshot("octopush").page.to_json()
    data["operations"][0]["exmaples"] = []
    with pytest.raises(ValueError, match="unknown operation keys"):
        Page.from_json(data)
