"""What ``npmpublish`` decides before it sends anything, and what it gives npm, without a registry.

A version on the registry with the same integrity is skipped, one with other content refused, the token
reaches npm only as a reference to the environment, and a missing registry or package says so.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from accountkit_codegen.dist import npmpack, npmpublish
from npmsupport import package_folder
from pytest import CaptureFixture


def _tarball(tmp_path: Path, content: str = "x") -> npmpublish.Tarball:
    package = package_folder(tmp_path / f"pkg-{content}", content)
    target = tmp_path / f"{content}.tgz"
    npmpack.write_tarball(package, target)
    return npmpublish.Tarball(target, "@x/y", "1.0.0", "y-client")


def test_plan_uploads_a_version_the_registry_lacks(tmp_path: Path) -> None:
    tarball = _tarball(tmp_path)
    assert npmpublish.plan_package(tarball, None).action == "upload"
    assert npmpublish.plan_package(tarball, {"versions": {"0.9.0": {}}}).action == "upload"


def test_plan_skips_the_same_integrity_and_refuses_another(tmp_path: Path) -> None:
    tarball, other = _tarball(tmp_path, "x"), _tarball(tmp_path, "changed")
    listed = {"versions": {"1.0.0": {"dist": {"integrity": tarball.integrity}}}}
    assert npmpublish.plan_package(tarball, listed).action == "skip"
    plan = npmpublish.plan_package(other, listed)
    assert plan.action == "refuse" and "differs from the registry's" in plan.reason


def test_plan_falls_back_to_the_shasum_and_refuses_when_nothing_compares(tmp_path: Path) -> None:
    tarball = _tarball(tmp_path)
    sha1 = npmpublish._shasum(tarball.path)
    assert npmpublish.plan_package(tarball, {"versions": {"1.0.0": {"dist": {"shasum": sha1}}}}).action == "skip"
    assert npmpublish.plan_package(tarball, {"versions": {"1.0.0": {"dist": {"shasum": "0" * 40}}}}).action == "refuse"
    assert npmpublish.plan_package(tarball, {"versions": {"1.0.0": {}}}).action == "refuse"


@pytest.mark.parametrize(
    ("version", "latest", "tag"),
    [
        ("1.0.0", None, "latest"),
        ("1.1.0", "1.0.0", "latest"),
        ("1.0.1", "2.0.0", "previous"),
        ("2.0.0-rc.1", "1.0.0", "next"),
    ],
)
def test_dist_tags(version: str, latest: str | None, tag: str) -> None:
    document = {"dist-tags": {"latest": latest}} if latest else None
    assert npmpublish.dist_tag(version, document) == tag


def test_npm_gets_a_reference_to_the_token_never_the_token() -> None:
    text = npmpublish.npmrc_text("http://127.0.0.1:4873/")
    assert text == "//127.0.0.1:4873/:_authToken=${NPM_TOKEN}\n"
    assert npmpublish.npmrc_text("https://npm.example.net/repository/npm/") == (
        "//npm.example.net/repository/npm/:_authToken=${NPM_TOKEN}\n"
    )


def test_scoped_names_are_escaped_in_document_urls() -> None:
    assert npmpublish.document_url("http://r/", "@accountkit/x-spec") == "http://r/@accountkit%2Fx-spec"


@pytest.mark.parametrize("url", ["ftp://r/", "127.0.0.1:4873", "http://"])
def test_registry_urls_must_be_http(url: str) -> None:
    with pytest.raises(npmpublish.NpmPublishError, match="NPM_REGISTRY_URL"):
        npmpublish.registry_base(url)


def test_an_unreadable_tarball_is_named(tmp_path: Path) -> None:
    (tmp_path / "npm").mkdir()
    (tmp_path / "npm" / "broken-1.0.0.tgz").write_bytes(b"not a tarball")
    with pytest.raises(npmpublish.NpmPublishError, match="broken-1.0.0.tgz"):
        npmpublish.tarballs(tmp_path / "npm")


def test_without_a_registry_nothing_is_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: CaptureFixture[str]
) -> None:
    monkeypatch.delenv("NPM_REGISTRY_URL", raising=False)
    (tmp_path / "npm").mkdir()
    shutil.copy(_tarball(tmp_path).path, tmp_path / "npm" / "x-y-1.0.0.tgz")
    assert npmpublish.main(["--dist", str(tmp_path)]) == 0
    assert "NPM_REGISTRY_URL is not set" in capsys.readouterr().out
    assert npmpublish.main(["--dist", str(tmp_path), "--dry-run"]) == 0
    assert "@x/y 1.0.0: would upload x-y-1.0.0.tgz (NPM_REGISTRY_URL is not set" in capsys.readouterr().out


def test_no_packages_with_a_registry_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NPM_REGISTRY_URL", "http://127.0.0.1:9/")
    assert npmpublish.main(["--dist", str(tmp_path)]) == 2
    assert "run ./dev -s build first" in capsys.readouterr().err
