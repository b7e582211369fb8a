"""The npm packages' build (``npmpack``), without a registry.

The round trip through a real registry is test_npm_registry_roundtrip.py; here are the rules it relies on:
the version comes from the Python package as built (not from the spec), it is said in semver or refused,
and the tarball's bytes depend only on its files.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import tarfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml
from accountkit_codegen.dist import npmpack, npmpublish, specsdist
from accountkit_codegen.generate.clientfacts import connection
from accountkit_codegen.spec.layout import REPO, all_apis
from distsupport import member_bytes
from npmsupport import package_folder

APIS = {api.name: api for api in all_apis()}


def fake_api(tmp_path: Path, name: str, version: str) -> Any:  # stands in for an Api
    """``name``'s real spec and sources, with a generated package whose pyproject says ``version``."""
    output = tmp_path / "generated" / name
    output.mkdir(parents=True)
    (output / "pyproject.toml").write_text(f'[project]\nname = "{name}-client"\nversion = "{version}"\n')
    real = APIS[name]
    return SimpleNamespace(name=name, spec=real.spec, output=output, distribution=real.distribution)


def test_version_is_read_from_the_python_package_as_built(tmp_path: Path) -> None:
    api = fake_api(tmp_path, "portabilling", "7.8.9")
    assert npmpack.python_version(api) == "7.8.9"  # not the spec's info.version


def test_a_missing_python_package_is_a_clear_error(tmp_path: Path) -> None:
    api: Any = SimpleNamespace(name="x", output=REPO / "generated" / "no-such-api")  # stands in for an Api
    with pytest.raises(npmpack.NpmPackError, match="run ./dev -s generate first"):
        npmpack.python_version(api)


@pytest.mark.parametrize(
    ("python", "npm"),
    [("0.1.0", "0.1.0"), ("1.2", "1.2.0"), ("3", "3.0.0"), ("1.2.0rc1", "1.2.0-rc.1"), ("2.0.0a3", "2.0.0-alpha.3")],
)
def test_python_versions_in_semver(python: str, npm: str) -> None:
    assert npmpack.npm_version(python) == npm


@pytest.mark.parametrize("python", ["1.0.0.post1", "1.0.0.dev2", "1.0.0+local", "1!1.0.0", "1.2.3.4", "soon"])
def test_versions_semver_cannot_order_the_same_are_refused(python: str) -> None:
    with pytest.raises(npmpack.NpmPackError, match=python.replace("+", r"\+").replace(".", r"\.")):
        npmpack.npm_version(python)


@pytest.mark.parametrize("scope", ["accountkit", "@Upper", "@", "@a/b", "@a b"])
def test_bad_scopes_are_refused(scope: str) -> None:
    with pytest.raises(npmpack.NpmPackError, match="npm scope"):
        npmpack.check_scope(scope)


def test_tarball_names_follow_npm_pack() -> None:
    assert npmpack.tarball_name("@accountkit/portabilling-spec", "0.1.0") == "accountkit-portabilling-spec-0.1.0.tgz"


def test_tarballs_depend_only_on_the_files(tmp_path: Path) -> None:
    first, second = package_folder(tmp_path / "a", "same"), package_folder(tmp_path / "b", "same")
    os.utime(first / "README.md", (1_000_000, 1_000_000))  # another time and mode, same bytes
    (second / "README.md").chmod(0o600)
    npmpack.write_tarball(first, tmp_path / "a.tgz")
    npmpack.write_tarball(second, tmp_path / "b.tgz")
    assert (tmp_path / "a.tgz").read_bytes() == (tmp_path / "b.tgz").read_bytes()
    assert npmpack.integrity(tmp_path / "a.tgz") == npmpack.integrity(tmp_path / "b.tgz")

    changed = package_folder(tmp_path / "c", "changed")
    npmpack.write_tarball(changed, tmp_path / "c.tgz")
    assert npmpack.integrity(tmp_path / "c.tgz") != npmpack.integrity(tmp_path / "a.tgz")


def test_tarball_metadata_is_fixed(tmp_path: Path) -> None:
    npmpack.write_tarball(package_folder(tmp_path / "p", "text"), tmp_path / "p.tgz")
    raw = (tmp_path / "p.tgz").read_bytes()
    assert raw[4:8] == b"\0\0\0\0", "the gzip header carries a time"
    with tarfile.open(fileobj=io.BytesIO(gzip.decompress(raw))) as archive:
        members = archive.getmembers()
    assert [m.name for m in members] == ["package/README.md", "package/package.json", "package/runtime/auth.js"]
    assert {(m.mtime, m.mode, m.uid, m.gid, m.uname, m.gname) for m in members} == {
        (npmpack.TARBALL_MTIME, 0o644, 0, 0, "", "")
    }


def test_integrity_is_npms_sri_string(tmp_path: Path) -> None:
    path = tmp_path / "x.tgz"
    path.write_bytes(b"abc")
    assert npmpack.integrity(path) == (
        "sha512-3a81oZNherrMQXNJriBBMRLm+k6JqX6iCp7u5ktV05ohkpkqJ0/BqDa6PCOj/uu9RU1EI2Q86A4qmslPpUyknw=="
    )


def test_the_build_takes_the_python_packages_version(tmp_path: Path) -> None:
    """A package whose version is not the spec's: the npm package follows the Python one."""
    api = fake_api(tmp_path, "octopush", "4.5.6rc2")
    built = npmpack.build_packages([api], tmp_path / "npm", "@acme")
    assert [(p.name, p.version, p.tarball.name) for p in built] == [
        ("@acme/octopush-spec", "4.5.6-rc.2", "acme-octopush-spec-4.5.6-rc.2.tgz")
    ]
    tarball = npmpublish.read_tarball(built[0].tarball)
    assert (tarball.name, tarball.version, tarball.python_package) == (
        "@acme/octopush-spec",
        "4.5.6-rc.2",
        "octopush-client",
    )
    with tarfile.open(built[0].tarball) as archive:
        manifest = json.loads(member_bytes(archive, "package/package.json"))
        readme = member_bytes(archive, "package/README.md").decode()
    assert manifest["dependencies"] == {"openapi-fetch": npmpack.dependency_range()}
    assert 'from "@acme/octopush-spec"' in readme and "@accountkit" not in readme


def test_a_new_build_replaces_the_older_versions_of_its_packages_only(tmp_path: Path) -> None:
    out, staging = tmp_path / "npm", tmp_path / "staging"
    out.mkdir()
    staging.mkdir()
    for name in (
        "acme-octopush-spec-4.5.6-rc.2.tgz",
        "acme-octopush-spec-extra-1.0.0.tgz",
        "acme-other-spec-1.0.0.tgz",
    ):
        (out / name).write_bytes(b"an older build")
    (staging / "acme-octopush-spec-4.5.6.tgz").write_bytes(b"the new build")
    new = npmpack.NpmPackage("octopush", "@acme/octopush-spec", "4.5.6", staging / "acme-octopush-spec-4.5.6.tgz")

    moved = npmpack.move_into([new], out)

    assert [package.tarball for package in moved] == [out / "acme-octopush-spec-4.5.6.tgz"]
    assert sorted(path.name for path in out.iterdir()) == [
        "acme-octopush-spec-4.5.6.tgz",
        "acme-octopush-spec-extra-1.0.0.tgz",
        "acme-other-spec-1.0.0.tgz",
    ]
    assert (out / "acme-octopush-spec-4.5.6.tgz").read_bytes() == b"the new build"


def test_a_failing_build_leaves_the_output_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    api = fake_api(tmp_path, "octopush", "1.0.0")
    out = tmp_path / "npm"
    out.mkdir()
    (out / "accountkit-octopush-spec-0.9.0.tgz").write_bytes(b"the previous build")
    sources = tmp_path / "sources"
    shutil.copytree(npmpack.SOURCES, sources)
    (sources / "examples" / "octopush.ts").write_text(
        'import { connect } from "@accountkit/octopush-spec";\nawait connect().PATCH("/nowhere", {});\n'
    )
    monkeypatch.setattr(npmpack, "SOURCES", sources)
    with pytest.raises(specsdist.SpecsDistError, match="README examples"):
        npmpack.build_packages([api], out)
    assert [p.name for p in out.iterdir()] == ["accountkit-octopush-spec-0.9.0.tgz"]


@pytest.mark.parametrize("name", sorted(APIS))
def test_the_entry_points_read_environment_variables_and_base_urls_from_the_spec_only(name: str) -> None:
    """``spec.ts`` states what ``clientfacts`` reads from the spec; ``vendors/<api>.ts`` restates none of it."""
    api = APIS[name]
    document = yaml.safe_load(api.spec.read_text(encoding="utf-8"))
    facts = connection(document, api.spec)
    module = npmpack.spec_module(api, document)

    for credential in facts["credentials"]:
        assert f'"{credential["argument"]}": "{credential["env"]}",' in module
    assert f'export const BASE_URL_ENV = "{facts["base_url"]["env"]}";' in module
    default = facts["base_url"]["default"]
    assert f"export const DEFAULT_BASE_URL = {json.dumps(default) if default else 'undefined'};" in module
    assert f"export const SESSION_FAULTCODES: readonly string[] = {json.dumps(facts['session_faultcodes'])};" in module
    vendor = (npmpack.SOURCES / "vendors" / f"{name}.ts").read_text(encoding="utf-8")
    stated = [credential["env"] for credential in facts["credentials"]] + [facts["base_url"]["env"], default]
    assert [fact for fact in stated if fact and fact in vendor] == []


def test_a_spec_without_its_connection_facts_stops_the_npm_build() -> None:
    api = APIS["twosms"]
    document = yaml.safe_load(api.spec.read_text(encoding="utf-8"))
    del document["servers"][0]["x-accountkit-env"]

    with pytest.raises(npmpack.NpmPackError, match="twosms.yaml: the first server: x-accountkit-env"):
        npmpack.spec_module(api, document)
