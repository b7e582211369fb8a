"""The committed record of each package: its own version, the bytes it was released as, and what from.

Package versions are the packages' own: a client's is not its spec's ``info.version`` (that stays the
version of the API document), because a client also changes when its templates, generators, vendor
module or runtime range do. Each of the six packages has one record, ``releases/<distribution>.json``,
written by ``./dev -s release`` and nothing else::

    {
      "package": "portabilling-client",
      "version": "0.1.1",
      "content": "<sha256 of the package's files: sources.content_digest>",
      "built_from": {"spec": "<sha256>", "vendor": "<sha256>", "templates": "<sha256>",
                     "generators": "openapi-python-client==0.29.1, ...", "runtime_range": ">=1.0,<2",
                     "changelog": "<sha256>"}
    }

``build`` gives a client the record's version; the runtime's version is in ``runtime/pyproject.toml``,
which ``release`` keeps equal to its record. ``check`` compares ``content`` with the package as it is
now: different bytes under the same version are what an index refuses, so they fail there first, with
the causes ``built_from`` names. A client without a record yet (a new API) has its spec's version.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..spec.layout import RUNTIME_DISTRIBUTION
from .runtimerange import RuntimeVersionError, runtime_version

RELEASES_DIR = "releases"


class RecordError(Exception):
    """A record file that cannot be read (not JSON, or missing a field); the message names the file."""


@dataclass(frozen=True)
class Record:
    package: str
    version: str
    content: str
    built_from: dict[str, str] = field(default_factory=dict)

    def to_text(self) -> str:
        data = {"package": self.package, "version": self.version, "content": self.content}
        return json.dumps({**data, "built_from": self.built_from}, indent=2) + "\n"


def record_path(root: Path, distribution: str) -> Path:
    return root / RELEASES_DIR / f"{distribution}.json"


def read_record(root: Path, distribution: str) -> Record | None:
    """The record of ``distribution`` under ``root``; None when there is none."""
    path = record_path(root, distribution)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    shown = f"{RELEASES_DIR}/{path.name}"
    try:
        data: Any = json.loads(text)
    except ValueError as exc:
        raise RecordError(f"{shown} is not JSON ({exc})") from None
    if not isinstance(data, dict):
        raise RecordError(f"{shown} is not a JSON object")
    missing = [name for name in ("package", "version", "content") if not isinstance(data.get(name), str)]
    built_from = data.get("built_from", {})
    if missing or not isinstance(built_from, dict):
        raise RecordError(f"{shown} lacks {', '.join(missing) or 'a built_from object'}")
    if data["package"] != distribution:
        raise RecordError(f"{shown} is the record of {data['package']!r}, not of {distribution!r}")
    return Record(data["package"], data["version"], data["content"], {k: str(v) for k, v in built_from.items()})


def write_record(root: Path, record: Record) -> None:
    path = record_path(root, record.package)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(record.to_text(), encoding="utf-8")


def spec_version(root: Path, api: str) -> str | None:
    """``info.version`` of ``specs/<api>.yaml`` under ``root`` (None when there is no readable one)."""
    try:
        document = yaml.safe_load((root / "specs" / f"{api}.yaml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return None
    info = document.get("info") if isinstance(document, dict) else None
    version = info.get("version") if isinstance(info, dict) else None
    return None if version is None else str(version)


def client_version(root: Path, api: str) -> str | None:
    """The version ``api``'s client is built with: its record's, or (no record yet) its spec's ``info.version``."""
    record = read_record(root, f"{api}-client")
    return record.version if record is not None else spec_version(root, api)


def package_version(root: Path, distribution: str) -> str | None:
    """The version a package has under ``root`` now (runtime: its pyproject.toml; client: see ``client_version``)."""
    if distribution == RUNTIME_DISTRIBUTION:
        try:
            return runtime_version(root / "runtime")
        except RuntimeVersionError:
            return None
    return client_version(root, distribution.removesuffix("-client"))


def distributions(root: Path) -> list[str]:
    """Every package under ``root``: accountkit-runtime (when runtime/ exists), then a client per spec."""
    runtime = [RUNTIME_DISTRIBUTION] if (root / "runtime" / "pyproject.toml").is_file() else []
    return runtime + [f"{path.stem}-client" for path in sorted((root / "specs").glob("*.yaml"))]
