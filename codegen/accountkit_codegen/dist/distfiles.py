"""What is in a dist/ folder: the built files of each release (one distribution at one version).

Both ``distbuild`` (to replace a client's old files) and ``publish`` (to upload a release as one unit and
compare it with the index) need to read names and versions from file names; doing it here, with
``packaging``'s parsers, keeps one definition of "which files belong together".
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    NormalizedName,
    parse_sdist_filename,
    parse_wheel_filename,
)
from packaging.version import Version


@dataclass(frozen=True)
class Release:
    """The built files of one distribution at one version, e.g. portabilling-client 0.1.0."""

    name: NormalizedName
    version: Version
    files: tuple[Path, ...]

    @property
    def api(self) -> str:
        """The accountkit API this client was generated from (``portabilling-client`` → ``portabilling``)."""
        return self.name.removesuffix("-client")


def name_and_version(filename: str) -> tuple[NormalizedName, Version] | None:
    """(name, version) of a wheel or sdist file name; None for any other file."""
    try:
        if filename.endswith(".whl"):
            name, version, _build, _tags = parse_wheel_filename(filename)
            return name, version
        if filename.endswith((".tar.gz", ".zip")):
            return parse_sdist_filename(filename)
    except (InvalidWheelFilename, InvalidSdistFilename):
        return None
    return None


def releases(dist: Path) -> list[Release]:
    """Every release in ``dist`` (files directly in it, not in subfolders such as dist/specs/), sorted."""
    grouped: dict[tuple[NormalizedName, Version], list[Path]] = {}
    for path in sorted(dist.iterdir()) if dist.is_dir() else []:
        parsed = name_and_version(path.name) if path.is_file() else None
        if parsed:
            grouped.setdefault(parsed, []).append(path)
    return [
        Release(name, version, tuple(sorted(files)))
        for (name, version), files in sorted(grouped.items(), key=lambda item: (item[0][0], item[0][1]))
    ]


def file_digest(path: Path, algorithm: str = "sha256") -> str:
    """The hex digest of a file, by any ``hashlib`` algorithm an index may name in its links."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, algorithm).hexdigest()
