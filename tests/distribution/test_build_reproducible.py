"""``./dev -s build`` gives the same bytes every time, because hatchling really uses SOURCE_DATE_EPOCH.

``publish`` refuses a version whose files differ from the index's, so a rebuild of an unchanged project
must be byte-identical. Checked here: the build makes six distributions (accountkit-runtime and the five
clients), a second build equals the session's build, and every member of every archive carries the
epoch ``distbuild`` chose (not the clock, not the files' mtimes). Each client's wheel carries its spec
as package data, identical to the sdist's copy, and no copy of the runtime.
"""

from __future__ import annotations

import gzip
import hashlib
import tarfile
import time
import zipfile
from pathlib import Path

import pytest
from accountkit_codegen.dist.distbuild import build_project, source_date_epoch
from accountkit_codegen.dist.distfiles import releases
from accountkit_codegen.generate.runtimerange import runtime_version
from accountkit_codegen.spec.layout import RUNTIME, RUNTIME_DISTRIBUTION, RUNTIME_PACKAGE, all_apis
from distsupport import member_bytes
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

APIS = {api.name: api for api in all_apis()}
# Every project the build makes: its folder and its import package (also the archives' name prefix).
PROJECTS = {
    RUNTIME_DISTRIBUTION: (RUNTIME, RUNTIME_PACKAGE),
    **{api.distribution: (api.output, api.package) for api in APIS.values()},
}
REBUILT = ["portabilling-client" if "portabilling" in APIS else next(iter(PROJECTS)), RUNTIME_DISTRIBUTION]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def archives(dist: Path, project: str) -> tuple[Path, Path]:
    package = PROJECTS[project][1]
    return next(dist.glob(f"{package}-*.whl")), next(dist.glob(f"{package}-*.tar.gz"))


def test_the_build_makes_the_runtime_and_every_client(dist_dir: Path) -> None:
    built = sorted(str(release.name) for release in releases(dist_dir))
    assert built == sorted(PROJECTS)
    assert all(len(release.files) == 2 for release in releases(dist_dir))  # a wheel and an sdist each


@pytest.mark.parametrize("project", REBUILT)
def test_rebuild_is_byte_identical(project: str, dist_dir: Path, tmp_path: Path) -> None:
    first = archives(dist_dir, project)
    build_project(PROJECTS[project][0], tmp_path)
    second = archives(tmp_path, project)
    assert [sha256(path) for path in second] == [sha256(path) for path in first]


@pytest.mark.parametrize("project", list(PROJECTS))
def test_archives_carry_source_date_epoch(project: str, dist_dir: Path) -> None:
    epoch = source_date_epoch(PROJECTS[project][0])
    wheel, sdist = archives(dist_dir, project)
    with zipfile.ZipFile(wheel) as archive:
        # A zip (DOS) timestamp counts seconds in twos.
        assert {info.date_time for info in archive.infolist()} == {time.gmtime(epoch - epoch % 2)[:6]}
    with tarfile.open(sdist) as archive:
        assert {member.mtime for member in archive.getmembers()} == {epoch}
    with gzip.open(sdist) as stream:
        stream.read(1)
        assert stream.mtime == epoch  # the gzip header's own timestamp


@pytest.mark.parametrize("api", list(APIS))
def test_wheel_ships_the_spec_as_package_data(api: str, dist_dir: Path) -> None:
    package = APIS[api].package
    wheel, sdist = archives(dist_dir, APIS[api].distribution)
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = archive.read(f"{package}/openapi.yaml")
        assert not [name for name in archive.namelist() if name.startswith(f"{package}/_runtime/")]
    with tarfile.open(sdist) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith(f"/{package}/openapi.yaml"))
        in_sdist = member_bytes(archive, member)
    assert in_wheel == in_sdist
    assert in_wheel.lstrip().startswith((b"openapi:", b"#"))


def wheel_metadata(dist: Path, project: str) -> tuple[list[Requirement], list[str]]:
    """The ``Requires-Dist`` requirements and the ``Provides-Extra`` names of a project's wheel."""
    wheel, _ = archives(dist, project)
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(next(name for name in archive.namelist() if name.endswith(".dist-info/METADATA")))
    lines = metadata.decode().splitlines()
    requires = [Requirement(line.split(":", 1)[1].strip()) for line in lines if line.startswith("Requires-Dist:")]
    return requires, [line.split(":", 1)[1].strip() for line in lines if line.startswith("Provides-Extra:")]


@pytest.mark.parametrize("api", list(APIS))
def test_client_wheels_depend_on_the_runtimes_compatible_range(api: str, dist_dir: Path) -> None:
    requires, _ = wheel_metadata(dist_dir, APIS[api].distribution)
    [runtime] = [req for req in requires if canonicalize_name(req.name) == RUNTIME_DISTRIBUTION and req.marker is None]
    major = int(runtime_version().split(".")[0])
    assert runtime_version() in runtime.specifier
    assert f"{major + 1}.0.0" not in runtime.specifier  # the next major may break: not admitted


@pytest.mark.parametrize("project", list(PROJECTS))
def test_every_wheel_offers_the_aiohttp_extra(project: str, dist_dir: Path) -> None:
    """``pip install '<project>[aiohttp]'`` brings aiohttp and httpx-aiohttp (a client's, through the runtime's)."""
    requires, extras = wheel_metadata(dist_dir, project)
    extra = [req for req in requires if req.marker is not None and req.marker.evaluate({"extra": "aiohttp"})]
    assert extras == ["aiohttp"]
    if project == RUNTIME_DISTRIBUTION:
        assert sorted(canonicalize_name(req.name) for req in extra) == ["aiohttp", "httpx-aiohttp"]
    else:
        assert [(canonicalize_name(req.name), req.extras) for req in extra] == [(RUNTIME_DISTRIBUTION, {"aiohttp"})]
