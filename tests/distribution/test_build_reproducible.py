"""``./dev -s build`` gives the same bytes every time, because hatchling really uses SOURCE_DATE_EPOCH.

``publish`` refuses a version whose files differ from the index's, so a rebuild of an unchanged client
must be byte-identical. Checked here: a second build equals the session's build, and every member of
both archives carries the epoch ``distbuild`` chose (not the clock, not the files' mtimes). Each wheel
carries the client's spec as package data, identical to the sdist's copy.
"""

from __future__ import annotations

import gzip
import hashlib
import tarfile
import time
import zipfile
from pathlib import Path

import pytest
from accountkit_codegen.distbuild import build_project, source_date_epoch
from accountkit_codegen.layout import all_apis

APIS = {api.name: api for api in all_apis()}
REBUILT = "portabilling" if "portabilling" in APIS else next(iter(APIS))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def archives(dist: Path, api: str) -> tuple[Path, Path]:
    package = APIS[api].package
    return next(dist.glob(f"{package}-*.whl")), next(dist.glob(f"{package}-*.tar.gz"))


def test_rebuild_is_byte_identical(dist_dir: Path, tmp_path: Path):
    first = archives(dist_dir, REBUILT)
    build_project(APIS[REBUILT].output, tmp_path)
    second = archives(tmp_path, REBUILT)
    assert [sha256(path) for path in second] == [sha256(path) for path in first]


@pytest.mark.parametrize("api", list(APIS))
def test_archives_carry_source_date_epoch(api: str, dist_dir: Path):
    epoch = source_date_epoch(APIS[api].output)
    wheel, sdist = archives(dist_dir, api)
    with zipfile.ZipFile(wheel) as archive:
        # A zip (DOS) timestamp counts seconds in twos.
        assert {info.date_time for info in archive.infolist()} == {time.gmtime(epoch - epoch % 2)[:6]}
    with tarfile.open(sdist) as archive:
        assert {member.mtime for member in archive.getmembers()} == {epoch}
    with gzip.open(sdist) as stream:
        stream.read(1)
        assert stream.mtime == epoch  # the gzip header's own timestamp


@pytest.mark.parametrize("api", list(APIS))
def test_wheel_ships_the_spec_as_package_data(api: str, dist_dir: Path):
    package = APIS[api].package
    wheel, sdist = archives(dist_dir, api)
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = archive.read(f"{package}/openapi.yaml")
    with tarfile.open(sdist) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith(f"/{package}/openapi.yaml"))
        in_sdist = archive.extractfile(member).read()
    assert in_wheel == in_sdist
    assert in_wheel.lstrip().startswith((b"openapi:", b"#"))
