"""The release check in ``./dev -s check``: a breaking change since the last release tag needs its bump.

Each test builds a git repository in tmp_path (init, commit, tag, change) and runs compat.main on it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from accountkit_codegen.changes import compat
from pytest import CaptureFixture

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import GitRepo


def break_it(spec: dict[str, Any]) -> None:
    """A breaking change: a response property removed."""
    del spec["components"]["schemas"]["Thing"]["properties"]["note"]


def run(repo: GitRepo, capsys: CaptureFixture[str]) -> tuple[int, str, str]:
    status = compat.main(["--root", str(repo.root)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_no_tags_at_all_passes_with_one_line(repo: GitRepo, spec: dict[str, Any], capsys: CaptureFixture[str]) -> None:
    repo.write_spec("things", spec)
    repo.commit()
    break_it(spec)
    repo.write_spec("things", spec)
    status, out, err = run(repo, capsys)
    assert status == 0
    assert out.strip().splitlines() == ["compat: no release tags in this repository yet; nothing to check against"]
    assert err == ""


def test_breaking_change_without_bump_fails(repo: GitRepo, spec: dict[str, Any], capsys: CaptureFixture[str]) -> None:
    spec["info"]["version"] = "0.1.0"
    repo.write_spec("things", spec)
    repo.commit()
    repo.tag("things-v0.1.0")
    break_it(spec)
    repo.write_spec("things", spec)
    status, _out, err = run(repo, capsys)
    assert status == 1
    assert "things: FAILED" in err and "info.version >= 0.2.0" in err and "says 0.1.0" in err
    assert "BREAKING  POST /things/{id} response 200 note" in err


def test_breaking_change_with_the_bump_passes(repo: GitRepo, spec: dict[str, Any], capsys: CaptureFixture[str]) -> None:
    spec["info"]["version"] = "0.1.0"
    repo.write_spec("things", spec)
    repo.commit()
    repo.tag("things-v0.1.0")
    break_it(spec)
    spec["info"]["version"] = "0.2.0"
    repo.write_spec("things", spec)
    status, out, _err = run(repo, capsys)
    assert status == 0
    assert "compat: things: ok, breaking changes since things-v0.1.0 (0.1.0) and info.version is 0.2.0" in out


def test_compatible_change_without_bump_passes_with_a_note(
    repo: GitRepo, spec: dict[str, Any], capsys: CaptureFixture[str]
) -> None:
    repo.write_spec("things", spec)
    repo.commit()
    repo.tag("things-v1.2.3")
    spec["components"]["schemas"]["Thing"]["properties"]["owner"] = {"type": "string"}
    repo.write_spec("things", spec)
    status, out, _err = run(repo, capsys)
    assert status == 0
    assert "next release is 1.3.0 (minor)" in out


def test_plain_v_tag_is_the_fallback_and_the_newest_one_counts(
    repo: GitRepo, spec: dict[str, Any], capsys: CaptureFixture[str]
) -> None:
    spec["info"]["version"] = "1.0.0"
    repo.write_spec("things", spec)
    repo.commit("1.0.0")
    repo.tag("v1.0.0")
    break_it(spec)
    spec["info"]["version"] = "2.0.0"
    repo.write_spec("things", spec)
    repo.commit("2.0.0")
    repo.tag("v2.0.0")
    spec["components"]["schemas"]["ThingUpdate"]["properties"].pop("email")  # breaking again, since v2.0.0
    repo.write_spec("things", spec)
    status, _out, err = run(repo, capsys)
    assert status == 1
    assert "breaking changes since v2.0.0 (2.0.0) need info.version >= 3.0.0" in err
    assert "request email" in err and "response 200 note" not in err


def test_api_without_a_tag_of_its_own_is_skipped(
    repo: GitRepo, spec: dict[str, Any], capsys: CaptureFixture[str]
) -> None:
    repo.write_spec("things", spec)
    repo.write_spec("other", spec)
    repo.commit()
    repo.tag("things-v1.2.3")
    break_it(spec)
    repo.write_spec("other", spec)
    status, out, _err = run(repo, capsys)
    assert status == 0
    assert "compat: other: no release tag (other-v* or v*) reachable from HEAD; skipped" in out
    assert "compat: things: ok, unchanged since things-v1.2.3 (1.2.3)" in out


def test_api_added_after_the_tag_is_skipped(repo: GitRepo, spec: dict[str, Any], capsys: CaptureFixture[str]) -> None:
    repo.write_spec("things", spec)
    repo.commit()
    repo.tag("v1.2.3")
    repo.write_spec("newcomer", spec)
    status, out, _err = run(repo, capsys)
    assert status == 0
    assert "compat: newcomer: not in release v1.2.3 (a new API); skipped" in out


def test_old_version_that_is_not_semver_fails_only_when_something_broke(
    repo: GitRepo, spec: dict[str, Any], capsys: CaptureFixture[str]
) -> None:
    spec["info"]["version"] = "2.0"
    repo.write_spec("things", spec)
    repo.commit()
    repo.tag("things-v2.0")
    spec["components"]["schemas"]["Thing"]["properties"]["owner"] = {"type": "string"}  # compatible
    repo.write_spec("things", spec)
    status, out, _err = run(repo, capsys)
    assert status == 0
    assert "things: ok, compatible changes since things-v2.0 (2.0) (no bump suggested: " in out
    assert "'2.0' is not a MAJOR.MINOR.PATCH version" in out

    break_it(spec)
    repo.write_spec("things", spec)
    status, _out, err = run(repo, capsys)
    assert status == 1
    assert "things: FAILED: breaking changes since things-v2.0 (2.0), and the bump is relative" in err


def test_outside_a_git_repository_there_is_nothing_to_check_and_that_passes(
    tmp_path: Path, capsys: CaptureFixture[str]
) -> None:
    assert compat.main(["--root", str(tmp_path)]) == 0
    assert "is not a git repository; no release tags to check against" in capsys.readouterr().out
