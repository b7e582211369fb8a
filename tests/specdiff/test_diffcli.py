"""``./dev -s diff``: the text report and the stable JSON, on a git repository in tmp_path."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest
from accountkit_codegen.changes import diffcli
from pytest import CaptureFixture

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import GitRepo


def prepare(repo: GitRepo, spec: dict[str, Any]) -> None:
    """Commit the small spec at 0.1.0, then change it: one breaking, one added, and a new API."""
    spec["info"]["version"] = "0.1.0"
    repo.write_spec("things", spec)
    repo.write_spec("same", spec)
    repo.commit()
    del spec["components"]["schemas"]["Thing"]["properties"]["note"]
    spec["components"]["schemas"]["ThingUpdate"]["properties"]["colour"] = {"type": "string"}
    repo.write_spec("things", spec)
    repo.write_spec("newcomer", spec)


def test_json_is_stable_and_complete(repo: GitRepo, spec: dict[str, Any], capsys: CaptureFixture[str]) -> None:
    prepare(repo, spec)
    assert diffcli.main(["HEAD", "--json", "--root", str(repo.root)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert list(report) == ["newcomer", "same", "things"]
    assert report["same"] == {
        "old_version": "0.1.0",
        "new_version": "0.1.0",
        "suggested_bump": None,
        "no_bump_reason": None,
        "changes": [],
    }
    assert report["newcomer"]["old_version"] is None
    assert report["newcomer"]["changes"] == [
        {
            "rule": "operation-added",
            "level": "info",
            "breaking": False,
            "location": "POST /things/{id}",
            "detail": 'operation "update_thing" added',
        }
    ]
    things = report["things"]
    assert (things["old_version"], things["new_version"], things["suggested_bump"]) == ("0.1.0", "0.1.0", "minor")
    assert things["changes"] == [
        {
            "rule": "request-property-added",
            "level": "info",
            "breaking": False,
            "location": "POST /things/{id} request colour",
            "detail": "optional request property added",
        },
        {
            "rule": "response-property-removed",
            "level": "breaking",
            "breaking": True,
            "location": "POST /things/{id} response 200 note",
            "detail": "response property removed",
        },
    ]


def test_text_groups_per_api_with_tags(repo: GitRepo, spec: dict[str, Any], capsys: CaptureFixture[str]) -> None:
    prepare(repo, spec)
    assert diffcli.main(["HEAD", "things", "--root", str(repo.root)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "things: 0.1.0 -> 0.1.0, suggested bump minor (release as 0.2.0)"
    assert lines[1].split()[:2] == ["BREAKING", "POST"]
    assert "POST /things/{id} response 200 note: response property removed [response-property-removed]" in lines[1]
    assert lines[2].split()[0] == "info" and "request colour" in lines[2] and "[request-property-added]" in lines[2]
    assert lines[-1] == "diff: 1 of 1 APIs changed since HEAD; breaking: things"


def test_text_lists_warnings_after_breaking_changes_and_names_them_in_the_summary(
    repo: GitRepo, spec: dict[str, Any], capsys: CaptureFixture[str]
) -> None:
    repo.write_spec("things", spec)
    repo.commit()
    spec["components"]["schemas"]["Thing"]["properties"]["note"].pop("maxLength")
    spec["components"]["schemas"]["ThingUpdate"]["properties"]["colour"] = {"type": "string"}
    repo.write_spec("things", spec)
    assert diffcli.main(["HEAD", "--root", str(repo.root)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines[1:3]] == ["WARNING", "info"]
    assert "[response-constraint-loosened]" in lines[1]
    assert lines[-1] == "diff: 1 of 1 APIs changed since HEAD; nothing breaking; warnings: things"


@pytest.mark.parametrize(
    ("version", "reason"),
    [
        pytest.param("2.0", "its info.version '2.0' is not a MAJOR.MINOR.PATCH version", id="not semver"),
        pytest.param(None, "it has no info.version", id="missing"),
    ],
)
def test_old_spec_without_a_semver_version_is_still_compared(
    repo: GitRepo, spec: dict[str, Any], capsys: CaptureFixture[str], version: str | None, reason: str
) -> None:
    if version is None:
        del spec["info"]["version"]
    else:
        spec["info"]["version"] = version
    repo.write_spec("things", spec)
    repo.commit()
    del spec["components"]["schemas"]["Thing"]["properties"]["note"]
    spec["info"]["version"] = "2.1.0"
    repo.write_spec("things", spec)

    assert diffcli.main(["HEAD", "--root", str(repo.root)]) == 0
    lines = capsys.readouterr().out.splitlines()
    expected = "no bump suggested: the bump is relative to the old spec's version, and"
    assert lines[0] == f"things: {version} -> 2.1.0, {expected} {reason}"
    assert "[response-property-removed]" in lines[1]

    assert diffcli.main(["HEAD", "--json", "--root", str(repo.root)]) == 0
    report = json.loads(capsys.readouterr().out)["things"]
    assert report["suggested_bump"] is None and reason in report["no_bump_reason"]
    assert [change["rule"] for change in report["changes"]] == ["response-property-removed"]


def test_exit_status_0_whatever_the_report_says(
    repo: GitRepo, spec: dict[str, Any], capsys: CaptureFixture[str]
) -> None:
    prepare(repo, spec)  # a breaking change, a new API: still a report, still 0
    assert diffcli.main(["HEAD", "--root", str(repo.root)]) == diffcli.EXIT_OK == 0
    assert capsys.readouterr().err == ""


def test_unknown_ref_is_exit_status_2_with_one_line(
    repo: GitRepo, spec: dict[str, Any], capsys: CaptureFixture[str]
) -> None:
    prepare(repo, spec)
    assert diffcli.main(["v9.9.9", "--root", str(repo.root)]) == diffcli.EXIT_ERROR == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("error: ") and "v9.9.9" in captured.err


@pytest.mark.parametrize(
    ("old_text", "message"),
    [
        pytest.param(
            "openapi: 3.1.0\ninfo: {title: [unclosed\n",
            "HEAD:specs/things.yaml is not valid YAML at line",
            id="bad YAML",
        ),
        pytest.param("- a list\n- not a mapping\n", "is not an OpenAPI document", id="not a mapping"),
        pytest.param("a: &x [*x]\n", "contains itself (a recursive YAML alias)", id="recursive alias"),
        pytest.param(
            "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
            + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(6)),
            "expands (through YAML aliases) to more than",
            id="alias bomb",
        ),
        pytest.param("a: " + "[" * 5000 + "]" * 5000 + "\n", "HEAD:specs/things.yaml", id="nested too deeply"),
    ],
)
def test_unreadable_old_spec_is_exit_status_2_with_one_clear_line(
    repo: GitRepo, spec: dict[str, Any], capsys: CaptureFixture[str], old_text: str, message: str
) -> None:
    repo.write_spec("things", old_text)
    repo.commit()
    repo.write_spec("things", spec)
    assert diffcli.main(["HEAD", "--root", str(repo.root)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("error: ") and message in captured.err


def test_bad_arguments_are_exit_status_2(capsys: CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        diffcli.main(["--no-such-option"])
    assert exit_info.value.code == 2
    assert "usage: diff" in capsys.readouterr().err
