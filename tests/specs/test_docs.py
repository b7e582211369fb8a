"""``./dev -s docs``: crafted edits to each of the five vendor pages, and the report expected for each.

The pages are rendered from the committed snapshots in each vendor's layout (pagerender.py) with one
edit made (pageedits.py), saved to a file, and given to the command as a user would. Snapshots are
copied to a temporary folder, so ``--update`` never touches specs/pages/.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pageedits as pe  # noqa: E402
import pytest
from accountkit_codegen.spec import docscli
from accountkit_codegen.spec.pages.apis import PAGES
from accountkit_codegen.spec.pages.model import Page, row
from accountkit_codegen.spec.pages.snapshot import SNAPSHOTS, load_snapshot
from pagerender import as_html, render  # noqa: E402
from pytest import CaptureFixture

READ_ON = "2030-01-02"


@pytest.fixture
def snapshots(tmp_path: Path) -> Path:
    folder = tmp_path / "snapshots"
    shutil.copytree(SNAPSHOTS, folder)
    return folder


def run_docs(
    api: str, text: str, snapshots: Path, capsys: CaptureFixture[str], *flags: str, name: str = "page.txt"
) -> tuple[int, Any]:
    """Exit status and the --json report (or stderr, when the command refused the input)."""
    page_file = snapshots.parent / name
    page_file.write_text(text, encoding="utf-8")
    args = [api, str(page_file), "--json", "--snapshots", str(snapshots), "--read-on", READ_ON, *flags]
    code = docscli.main(args)
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out else err)


def pattern_of(page: Page, name: str) -> str:
    """The pattern the page states for the field ``name`` (one it must state)."""
    pattern = next(r.pattern for r in page.rows if r.name == name)
    assert pattern is not None, f"the page states no pattern for {name}"
    return pattern


def page(api: str) -> Page:
    return load_snapshot(api).page


def description(p: Page, location: str, name: str) -> str:
    return next(r.description for r in p.rows if r.key == (location, name))


OPS = {
    "intandem": "/paths/~1v1~1partners~1accounts~1{business_uid}~1change_package/get",
    "activeplatform": "/paths/~1api~1vendor~1v1~1accounts~1{account_id}.json/put",
    "portabilling": "/paths/~1Account~1update_account/post",
    "octopush": "/paths/~1v1~1public~1subaccount~1{subaccount_email}~1edit/patch",
    "twosms": "/paths/~1api~1v2~1admin~1accounts~1{id}/put",
}
REQUEST_EXAMPLES = "/requestBody/content/application~1json/examples"
ADDED = ("row-added",)

# edit name -> (edit, exit status, [(change kind, subject, a detail)], [(finding subject, pointer, a problem)])
# Pointers are JSON pointers into specs/<api>.yaml; "@" stands for the operation's own pointer (OPS).
EDITS: dict[
    tuple[str, str], tuple[Callable[[Page], Page], int, list[tuple[str, str, str]], list[tuple[str, str, str]]]
] = {
    # inTandem: a ReadMe page. It shows no examples and no patterns: a "Possible values" list stands for
    # the pattern change, and a changed authentication note for the example change.
    ("intandem", "row added"): (
        lambda p: pe.add_row(p, row("query", "reset_credits", "string", "The SMS credits to reset."), "Authorization"),
        1,
        [("row-added", "reset_credits", "string: 'The SMS credits to reset.'")],
        [("query field 'reset_credits'", "@/parameters", "not found in intandem.yaml")],
    ),
    ("intandem", "row removed"): (
        lambda p: pe.remove_row(p, "query", "delete_sms_credits"),
        0,
        [("row-removed", "delete_sms_credits", "string: 'The Number Of SMS For Deletion From The Account'")],
        [],
    ),
    ("intandem", "type changed"): (
        lambda p: pe.change_row(p, "query", "add_sms_credits", type="integer"),
        1,
        [("row-changed", "add_sms_credits", "type: 'string' -> 'integer'")],
        [("query field 'add_sms_credits'", "@/parameters/4", "page type 'integer', spec string")],
    ),
    ("intandem", "value list added"): (
        lambda p: pe.change_row(
            p,
            "query",
            "package_name",
            description=description(p, "query", "package_name") + ". Possible values: platinum20, business20.",
        ),
        1,
        [("row-changed", "package_name", "values: none -> [platinum20, business20]")],
        [
            (
                "query field 'package_name'",
                "@/parameters/1",
                "page values ['platinum20', 'business20'], spec enum missing",
            )
        ],
    ),
    ("intandem", "required mark dropped"): (
        lambda p: pe.change_row(p, "path", "business_uid", required=False),
        0,
        [("row-changed", "business_uid", "required: required -> optional")],
        [],
    ),
    ("intandem", "auth note changed"): (
        lambda p: pe.change_auth(p, p.operations[0].auth[:1]),
        0,
        [("auth-changed", "authentication", "- The token must be a Doorkeeper OAuth token with directory scope.")],
        [],
    ),
    # ActivePlatform: no patterns on this page; a stated maximum length stands for the pattern change.
    ("activeplatform", "row added"): (
        lambda p: pe.add_row(
            p, row("request", "language", "string", "Language of the Account", False), "account_type_id"
        ),
        1,
        [("row-added", "language", "string: 'Language of the Account'")],
        [("request field 'language'", "/components/schemas/AccountUpdate/properties", "not found")],
    ),
    ("activeplatform", "row removed"): (
        lambda p: pe.remove_row(p, "request", "office"),
        0,
        [("row-removed", "office", "string: 'Contact information: Office'")],
        [],
    ),
    ("activeplatform", "type changed"): (
        lambda p: pe.change_row(p, "request", "manager_id", type="string"),
        1,
        [("row-changed", "manager_id", "type: 'integer' -> 'string'")],
        [
            (
                "request field 'manager_id'",
                "/components/schemas/AccountUpdate/properties/manager_id",
                "page type 'string', spec integer",
            )
        ],
    ),
    ("activeplatform", "length added"): (
        lambda p: pe.change_row(
            p, "request", "first_name", description="The first name of the contract person (Max length: 64)"
        ),
        1,
        [("row-changed", "first_name", "max length: none -> 64")],
        [
            (
                "request field 'first_name'",
                "/components/schemas/AccountUpdate/properties/first_name",
                "page maxLength 64, spec none",
            )
        ],
    ),
    ("activeplatform", "required mark dropped"): (
        lambda p: pe.change_row(p, "path", "account_id", required=False),
        0,
        [("row-changed", "account_id", "required: required -> optional")],
        [],
    ),
    ("activeplatform", "example changed"): (
        lambda p: pe.change_example(p, "request", "first_name", "Marcela"),
        1,
        [("example-changed", "request example 1", "/first_name: snapshot 'Marcelo', page 'Marcela'")],
        [("request example 1", "@" + REQUEST_EXAMPLES, "/first_name: page 'Marcela', spec 'Marcelo'")],
    ),
    # PortaBilling: no required marks on this page; a read-only note stands for that change.
    ("portabilling", "row added"): (
        lambda p: pe.add_row(
            p,
            row("request", "assigned_addons.promo_code", "string", "The promotion code."),
            "assigned_addons.product_subscription",
        ),
        1,
        [("row-added", "assigned_addons.promo_code", "string: 'The promotion code.'")],
        [("request field 'assigned_addons.promo_code'", "/components/schemas/AssignedAddon/properties", "not found")],
    ),
    ("portabilling", "row removed"): (
        lambda p: pe.remove_row(p, "request", "address_line_2"),
        0,
        [("row-removed", "address_line_2", "string: 'The 2nd line of the account owner")],
        [],
    ),
    ("portabilling", "type changed"): (
        lambda p: pe.change_row(p, "response", "i_account", type="string"),
        1,
        [("row-changed", "response:i_account", "type: 'integer' -> 'string'")],
        [
            (
                "response field 'i_account'",
                "/components/schemas/UpdateAccountResponse/properties/i_account",
                "page type 'string', spec integer",
            )
        ],
    ),
    ("portabilling", "value list changed"): (
        lambda p: pe.change_row(
            p,
            "request",
            "assigned_addons.hidden",
            description=description(p, "request", "assigned_addons.hidden").replace(
                "N - is not hidden", "N - is not hidden; P - partly hidden"
            ),
        ),
        1,
        [("row-changed", "assigned_addons.hidden", "values: [Y, N] -> [Y, N, P]")],
        [
            (
                "request field 'assigned_addons.hidden'",
                "/components/schemas/AssignedAddon/properties/hidden",
                "page values ['Y', 'N', 'P']",
            )
        ],
    ),
    ("portabilling", "read-only note added"): (
        lambda p: pe.change_row(
            p,
            "request",
            "address_line_2",
            description=description(p, "request", "address_line_2") + " Note: read-only.",
        ),
        1,
        [("row-changed", "address_line_2", "read-only: False -> True")],
        [
            (
                "request field 'address_line_2'",
                "/components/schemas/AccountInfo/properties/address_line_2",
                "page says read-only",
            )
        ],
    ),
    ("portabilling", "example changed"): (
        lambda p: pe.change_example(p, "request", "i_account", 56),
        1,
        [("example-changed", "request example 1", "/params/account_info/i_account: snapshot 55, page 56")],
        [("request example 1", "@" + REQUEST_EXAMPLES, "/params/account_info/i_account: page 56, spec 55")],
    ),
    # Octopush: no required column and no patterns; a changed auth note and a stated minimum length
    # stand for those.
    ("octopush", "row added"): (
        lambda p: pe.add_row(p, row("request", "language", "string", "Language of the sub-account."), "callbacks"),
        1,
        [("row-added", "language", "string: 'Language of the sub-account.'")],
        [("request field 'language'", "/components/schemas/SubaccountEdit/properties", "not found")],
    ),
    ("octopush", "row removed"): (
        lambda p: pe.remove_row(p, "request", "callbacks.callback_url_for_visits"),
        0,
        [
            (
                "row-removed",
                "callbacks.callback_url_for_visits",
                "string: 'URL where you would like to receive callbacks for visits.'",
            )
        ],
        [],
    ),
    ("octopush", "type changed"): (
        lambda p: pe.change_row(p, "request", "first_name", type="integer"),
        1,
        [("row-changed", "first_name", "type: 'string' -> 'integer'")],
        [
            (
                "request field 'first_name'",
                "/components/schemas/SubaccountEdit/properties/first_name",
                "page type 'integer', spec string",
            )
        ],
    ),
    ("octopush", "length added"): (
        lambda p: pe.change_row(p, "request", "password", description="Sub-account password (Min length: 8)"),
        1,
        [("row-changed", "password", "min length: none -> 8")],
        [
            (
                "request field 'password'",
                "/components/schemas/SubaccountEdit/properties/password",
                "page minLength 8, spec none",
            )
        ],
    ),
    ("octopush", "auth note added"): (
        lambda p: pe.change_auth(p, p.operations[0].auth + ("You can also use Basic Auth.",)),
        0,
        [("auth-changed", "authentication", "+ You can also use Basic Auth.")],
        [],
    ),
    ("octopush", "example changed"): (
        lambda p: pe.change_example(p, "request", "first_name", "Raffaello"),
        1,
        [("example-changed", "request example 1", "/first_name: snapshot 'Leonardo', page 'Raffaello'")],
        [("request example 1", "@" + REQUEST_EXAMPLES, "/first_name: page 'Raffaello', spec 'Leonardo'")],
    ),
    # 2sms: an ASP.NET help page, the one page with patterns and every kind of edit.
    ("twosms", "row added"): (
        lambda p: pe.add_row(p, row("request", "Currency", "string", "The currency of the account."), "Users"),
        1,
        [("row-added", "Currency", "string: 'The currency of the account.'")],
        [("request field 'Currency'", "/components/schemas/AccountV3/properties", "not found")],
    ),
    ("twosms", "row removed"): (
        lambda p: pe.remove_row(p, "request", "Validated"),
        0,
        [("row-removed", "Validated", "boolean: 'Determines if the account has been validated.'")],
        [],
    ),
    ("twosms", "type changed"): (
        lambda p: pe.change_row(p, "request", "Timeout", type="string"),
        1,
        [("row-changed", "Timeout", "type: 'integer' -> 'string'")],
        [
            (
                "request field 'Timeout'",
                "/components/schemas/AccountV3/properties/Timeout",
                "page type 'string', spec integer",
            )
        ],
    ),
    ("twosms", "pattern changed"): (
        lambda p: pe.change_row(
            p,
            "request",
            "ContactNumber",
            pattern=pattern_of(p, "ContactNumber").replace("{5,20}", "{5,25}"),
        ),
        1,
        [("row-changed", "ContactNumber", "{5,20})$' -> '")],
        [
            (
                "request field 'ContactNumber'",
                "/components/schemas/AccountV3/properties/ContactNumber",
                "{5,25})$', spec [",
            )
        ],
    ),
    ("twosms", "required mark dropped"): (
        lambda p: pe.change_row(p, "request", "SMSUsername", required=None),
        0,
        [("row-changed", "SMSUsername", "required: required -> unmarked")],
        [],
    ),
    ("twosms", "example changed"): (
        lambda p: pe.change_example(p, "request", "Timeout", 6),
        1,
        [("example-changed", "request example 1", "/Timeout: snapshot 5, page 6")],
        [("request example 1", "@" + REQUEST_EXAMPLES, "/Timeout: page 6, spec 5")],
    ),
}


@pytest.mark.parametrize(("api", "edit"), list(EDITS), ids=[f"{a}:{e}" for a, e in EDITS])
def test_crafted_page_edit_gives_the_expected_report(
    api: str, edit: str, snapshots: Path, capsys: CaptureFixture[str]
) -> None:
    make, status, changes, findings = EDITS[(api, edit)]
    code, report = run_docs(api, render(api, make(page(api))), snapshots, capsys)
    assert isinstance(report, dict), report
    assert code == status and report["covered"] is (status == 0)
    got_changes = [(c["kind"], c["subject"], " | ".join(c["details"])) for c in report["changes"]]
    assert [(k, s) for k, s, _ in got_changes] == [(k, s) for k, s, _ in changes]
    for (_, _, detail), (_, _, got) in zip(changes, got_changes, strict=True):
        assert detail in got
    got_findings = [(f["subject"], f["pointer"], " | ".join(f["problems"])) for f in report["findings"]]
    assert [(s, p.replace("@", OPS[api])) for s, p, _ in findings] == [(s, p) for s, p, _ in got_findings]
    for (_, _, problem), (_, _, got) in zip(findings, got_findings, strict=True):
        assert problem in got
    assert all(f["line"] for f in report["findings"]), "every finding names a line of the spec"
    assert report["verdict"].startswith("covered" if status == 0 else "not covered")


@pytest.mark.parametrize("api", list(PAGES))
def test_every_page_gets_every_kind_of_edit(api: str) -> None:
    """Guards the table: five pages, each with an added, removed, retyped row, a constraint change,
    and a required-mark (or stand-in) change and an example (or stand-in) change."""
    assert len([edit for a, edit in EDITS if a == api]) == 6


@pytest.mark.parametrize("api", list(PAGES))
def test_page_in_an_unknown_layout_is_refused(api: str, snapshots: Path, capsys: CaptureFixture[str]) -> None:
    other = {"intandem": "octopush", "activeplatform": "twosms", "portabilling": "intandem"}.get(api, "activeplatform")
    code, message = run_docs(api, render(other, page(other)), snapshots, capsys, name="saved-page.txt")
    assert code == 2 and isinstance(message, str)
    assert message.startswith(f"docs: error: {snapshots.parent / 'saved-page.txt'}: reader {PAGES[api].reader}: ")
    assert message.count("\n") == 1, "one message"


@pytest.mark.parametrize("api", list(PAGES))
def test_unchanged_page_says_so_and_update_writes_nothing(
    api: str, snapshots: Path, capsys: CaptureFixture[str]
) -> None:
    before = (snapshots / f"{api}.json").read_bytes()
    code, report = run_docs(api, render(api, page(api)), snapshots, capsys, "--update")
    assert code == 0 and report["unchanged"] and report["changes"] == [] and report["updated"] is False
    assert "page unchanged since the snapshot read on" in report["notes"][0]
    assert (snapshots / f"{api}.json").read_bytes() == before


def test_update_records_a_covered_page_and_the_next_run_finds_it_unchanged(
    snapshots: Path, capsys: CaptureFixture[str]
) -> None:
    edited = pe.remove_row(page("twosms"), "request", "Validated")
    code, report = run_docs("twosms", render("twosms", edited), snapshots, capsys, "--update")
    assert code == 0 and report["updated"] is True
    recorded = load_snapshot("twosms", snapshots)
    assert recorded.page == edited and recorded.read_on == READ_ON
    assert recorded.source == load_snapshot("twosms").source
    code, report = run_docs("twosms", render("twosms", edited), snapshots, capsys, "--update")
    assert code == 0 and report["unchanged"] and report["updated"] is False


def test_update_refuses_while_the_spec_does_not_cover_the_page(snapshots: Path, capsys: CaptureFixture[str]) -> None:
    before = (snapshots / "octopush.json").read_bytes()
    edited = pe.add_row(page("octopush"), row("request", "language", "string", "Language."), "callbacks")
    code, report = run_docs("octopush", render("octopush", edited), snapshots, capsys, "--update")
    assert code == 1 and report["updated"] is False
    assert "does not cover the page yet" in report["notes"][0]
    assert (snapshots / "octopush.json").read_bytes() == before


def test_saved_html_page_is_checked_like_text(snapshots: Path, capsys: CaptureFixture[str]) -> None:
    edited = pe.change_row(page("portabilling"), "response", "i_account", type="string")
    text = as_html(render("portabilling", edited), {"Field Name Type Description": 3})
    code, report = run_docs("portabilling", text, snapshots, capsys, name="page.html")
    assert code == 1 and [c["subject"] for c in report["changes"]] == ["response:i_account"]


def test_text_report_has_the_three_parts(snapshots: Path, capsys: CaptureFixture[str], tmp_path: Path) -> None:
    edited = pe.change_row(page("twosms"), "request", "Timeout", type="string")
    page_file = tmp_path / "page.txt"
    page_file.write_text(render("twosms", edited), encoding="utf-8")
    code = docscli.main(["twosms", str(page_file), "--snapshots", str(snapshots), "--read-on", READ_ON])
    out = capsys.readouterr().out
    assert code == 1
    assert "1. Page changes since 2026-" in out and "row-changed  Timeout: type: 'integer' -> 'string'" in out
    assert "2. Spec: 1 finding(s)" in out and "page type 'string', spec integer" in out
    assert "edit specs/twosms.yaml:" in out and "/components/schemas/AccountV3/properties/Timeout" in out
    assert out.rstrip().splitlines()[-1].startswith("verdict: not covered: 1 finding(s)")


def test_no_snapshot_yet_reports_every_row_as_new(tmp_path: Path, capsys: CaptureFixture[str]) -> None:
    empty = tmp_path / "snapshots"
    empty.mkdir()
    code, report = run_docs("octopush", render("octopush", page("octopush")), empty, capsys)
    assert code == 0 and report["snapshot"]["read_on"] is None and "no snapshot yet" in report["notes"][0]


@pytest.mark.parametrize(
    ("what", "args", "message"),
    [
        ("unknown API", ["nope"], "unknown API 'nope'"),
        ("bad date", ["twosms", "--read-on", "yesterday"], "is not a date"),
        ("broken snapshot", ["twosms", "--broken-snapshot"], "not a page snapshot"),
        ("broken spec", ["twosms", "--broken-spec"], "not YAML"),
        ("missing page", ["twosms", "--missing-page"], "cannot read the file"),
    ],
)
def test_unreadable_input_exits_2_with_one_message(
    what: str, args: list[str], message: str, snapshots: Path, tmp_path: Path, capsys: CaptureFixture[str]
) -> None:
    page_file = tmp_path / "page.txt"
    page_file.write_text(render("twosms", page("twosms")), encoding="utf-8")
    argv = [args[0], str(page_file), "--snapshots", str(snapshots)]
    if "--read-on" in args:
        argv += ["--read-on", args[2]]
    if "--broken-snapshot" in args:
        (snapshots / "twosms.json").write_text('{"api": "twosms", "page": [}', encoding="utf-8")
    if "--broken-spec" in args:
        specs = tmp_path / "specs"
        specs.mkdir()
        (specs / "twosms.yaml").write_text("openapi: 3.1.0\npaths: [unclosed\n", encoding="utf-8")
        argv += ["--specs", str(specs)]
    if "--missing-page" in args:
        argv[1] = str(tmp_path / "missing.txt")
    assert docscli.main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and message in captured.err and captured.err.count("\n") == 1
