"""Release: the version line rewritten in place (comments kept), the changelog entry, and the whole run.

Everything runs on temporary copies: specversion on strings, release.main on a git repository in
tmp_path with --no-generate (regeneration itself is tested in test_changelog_build.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
import yaml
from accountkit_codegen.changes import changelog, release
from accountkit_codegen.changes.diffrules import RULES
from accountkit_codegen.changes.specdiff import Change
from accountkit_codegen.spec.specversion import VersionLineError, set_version
from pytest import CaptureFixture, MonkeyPatch

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import GitRepo

SPEC_TEXT = """\
# PortaBilling-like header comment: must survive.
openapi: 3.1.0
info:
  title: Things   # trailing comment
  description: 'A long description that wraps onto
    a second line: with a colon and the word version: 9.9.9'
  x-meta:
    version: 7.7.7  # nested: not info.version
  version: '0.1.0'  # the package version
servers:
- url: https://example.com  # version: 0.1.0 here is not it either
paths: {}
"""


def test_set_version_rewrites_only_that_line() -> None:
    updated = set_version(SPEC_TEXT, "0.2.0")
    old_lines, new_lines = SPEC_TEXT.splitlines(), updated.splitlines()
    changed = [(old, new) for old, new in zip(old_lines, new_lines, strict=True) if old != new]
    assert changed == [("  version: '0.1.0'  # the package version", "  version: '0.2.0'  # the package version")]
    document = yaml.safe_load(updated)
    assert document["info"]["version"] == "0.2.0"
    assert document["info"]["x-meta"]["version"] == "7.7.7"


def test_set_version_keeps_unquoted_style_and_crlf() -> None:
    text = "openapi: 3.1.0\r\ninfo:\r\n  version: 1.0.0\r\n  title: T\r\npaths: {}\r\n"
    assert set_version(text, "2.0.0") == text.replace("1.0.0", "2.0.0")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("openapi: 3.1.0\ninfo: {title: T, version: 1.0.0}\n", id="flow-style info"),
        pytest.param("openapi: 3.1.0\ninfo:\n  title: T\npaths: {}\n", id="no version"),
    ],
)
def test_set_version_refuses_what_it_cannot_rewrite_safely(text: str) -> None:
    with pytest.raises(VersionLineError):
        set_version(text, "1.0.1")


def test_a_version_yaml_would_read_as_a_number_is_refused_naming_the_line() -> None:
    """Unquoted, "2.0" is the float 2.0 to YAML: the spec would change type, not only its version."""
    text = "openapi: 3.1.0\ninfo:\n  title: T\n  version: 1.0.0\npaths: {}\n"

    with pytest.raises(VersionLineError, match=r"^rewriting line 4 did not change exactly info\.version$"):
        set_version(text, "2.0")


def test_a_version_line_less_indented_than_the_info_block_is_not_taken_for_it() -> None:
    text = "openapi: 3.1.0\ninfo:\n    title: T\n  version: 1.0.0\npaths: {}\n"

    with pytest.raises(VersionLineError, match="no 'version:' line directly under 'info:'"):
        set_version(text, "1.0.1")


def test_changelog_entry_sections() -> None:
    changes = [
        Change("request-property-added", "POST /x request b", "optional request property added"),
        Change("response-property-removed", "POST /x response 200 a", "response property removed"),
        Change("description-changed", "POST /x", "summary changed"),
        Change("response-enum-value-added", "POST /x response 200 s", 'enum value(s) ["c"] added'),
        Change("request-constraint-loosened", "POST /x request n", "maxLength 10 -> 20"),
    ]
    assert changelog.entry("0.2.0", "2025-01-02", changes) == (
        "## 0.2.0 (2025-01-02)\n\n"
        "### Breaking\n\n- `POST /x response 200 a`: response property removed\n\n"
        '### Warnings\n\n- `POST /x response 200 s`: enum value(s) ["c"] added\n\n'
        "### Added\n\n- `POST /x request b`: optional request property added\n\n"
        "### Changed\n\n- `POST /x request n`: maxLength 10 -> 20\n\n"
        "### Documentation\n\n- `POST /x`: summary changed\n"
    )


def test_changelog_sections_come_from_the_rule_table() -> None:
    for rule in RULES.values():
        assert changelog.section(Change(rule.id, "x", "y")) == rule.section


def test_changelog_prepends_above_the_newest_entry() -> None:
    first = changelog.prepend(None, "things", changelog.entry("0.1.1", "2025-01-01", []))
    second = changelog.prepend(first, "things", changelog.entry("0.2.0", "2025-02-01", []))
    assert second.startswith(changelog.header("things"))
    assert second.index("## 0.2.0") < second.index("## 0.1.1")
    assert changelog.has_version(second, "0.1.1") and not changelog.has_version(second, "0.1")


def test_release_date_follows_source_date_epoch(monkeypatch: MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert changelog.release_date() == "2023-11-14"


def test_release_bumps_logs_and_is_idempotent(
    repo: GitRepo, spec: dict[str, Any], monkeypatch: MonkeyPatch, capsys: CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    spec["info"]["version"] = "0.1.0"
    repo.write_spec("things", spec)
    repo.write_spec("other", {**spec, "info": {**spec["info"], "title": "Other"}})
    repo.commit("first release")
    del spec["components"]["schemas"]["Thing"]["properties"]["note"]  # breaking: 0.1.0 -> 0.2.0
    spec["components"]["schemas"]["ThingUpdate"]["properties"]["colour"] = {"type": "string"}
    path = repo.write_spec("things", spec)

    args = ["HEAD", "--root", str(repo.root), "--no-generate"]
    assert release.main(args) == 0
    text = path.read_text()
    assert text.startswith("# A hand-written spec: keep this comment.\n")
    assert yaml.safe_load(text)["info"]["version"] == "0.2.0"
    log = (repo.root / "specs" / "changelog" / "things.md").read_text()
    assert "## 0.2.0 (1970-01-02)" in log
    assert "### Breaking\n\n- `POST /things/{id} response 200 note`: response property removed" in log
    assert "### Added\n\n- `POST /things/{id} request colour`: optional request property added" in log
    assert not (repo.root / "specs" / "changelog" / "other.md").exists()  # unchanged: nothing released
    out = capsys.readouterr().out
    assert "release: things 0.2.0 (minor bump)" in out and "release: other: nothing to release" in out

    assert release.main(args) == 0  # again: the version is already far enough, the entry already there
    assert path.read_text() == text
    assert (repo.root / "specs" / "changelog" / "things.md").read_text() == log


def test_release_unknown_ref_is_an_error(repo: GitRepo, spec: dict[str, Any], capsys: CaptureFixture[str]) -> None:
    repo.write_spec("things", spec)
    repo.commit()
    assert release.main(["no-such-ref", "--root", str(repo.root), "--no-generate"]) == 2
    assert "no-such-ref" in capsys.readouterr().err


def test_release_of_an_api_whose_old_version_is_not_semver_is_refused_with_the_reason(
    repo: GitRepo, spec: dict[str, Any], capsys: CaptureFixture[str]
) -> None:
    spec["info"]["version"] = "2.0"
    path = repo.write_spec("things", spec)
    repo.commit()
    del spec["components"]["schemas"]["Thing"]["properties"]["note"]
    repo.write_spec("things", spec)
    text = path.read_text()

    status = release.main(["HEAD", "--root", str(repo.root), "--no-generate"])
    captured = capsys.readouterr()
    assert status == 1
    assert captured.err.startswith("error: specs/things.yaml: no bump can be suggested: the bump is relative to")
    assert "'2.0' is not a MAJOR.MINOR.PATCH version; set info.version by hand" in captured.err
    assert path.read_text() == text and not (repo.root / "specs" / "changelog").exists()  # nothing written
