"""Page snapshots: ``specs/pages/<api>.json``, the facts last read from each vendor page.

A snapshot keeps the structured rows, examples and auth notes of the page (``model.Page``), the date
they were read, the reader that read them, and where the page is published. It is not a copy of the
page: it is what the spec is checked against (``tests/specs``), and what ``./dev -s docs`` compares a
newly saved page with. The JSON is written in one stable form (two-space indent, keys in model order,
UTF-8, newline at the end), so an unchanged page rewrites it byte for byte and a changed one shows as a
small diff.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..layout import SPECS
from .apis import PageBinding
from .model import Page

SNAPSHOTS = SPECS / "pages"


class SnapshotError(Exception):
    """A snapshot file that is missing or not a snapshot, naming the file."""


@dataclass(frozen=True)
class Snapshot:
    api: str
    read_on: str  # ISO date the page was read
    reader: str
    source: dict[str, Any]
    page: Page

    def to_json(self) -> dict[str, Any]:
        return {
            "api": self.api,
            "read_on": self.read_on,
            "reader": self.reader,
            "source": self.source,
            "page": self.page.to_json(),
        }


def snapshot_path(api: str, root: Path = SNAPSHOTS) -> Path:
    return root / f"{api}.json"


def load_snapshot(api: str, root: Path = SNAPSHOTS) -> Snapshot:
    path = snapshot_path(api, root)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        unknown = sorted(set(data) - {"api", "read_on", "reader", "source", "page"})
        if unknown:
            raise ValueError(f"unknown snapshot keys {unknown}")
        return Snapshot(data["api"], data["read_on"], data["reader"], data["source"], Page.from_json(data["page"]))
    except FileNotFoundError:
        raise SnapshotError(f"{path}: no snapshot of the {api} page") from None
    except (OSError, ValueError, KeyError, TypeError, RecursionError) as exc:
        raise SnapshotError(f"{path}: not a page snapshot ({type(exc).__name__}: {exc})") from None


def make_snapshot(binding: PageBinding, page: Page, read_on: str) -> Snapshot:
    return Snapshot(binding.api, read_on, binding.reader, binding.source.to_json(), page)


def render(snapshot: Snapshot) -> str:
    return json.dumps(snapshot.to_json(), indent=2, ensure_ascii=False) + "\n"


def write_snapshot(snapshot: Snapshot, root: Path = SNAPSHOTS) -> Path:
    """Write atomically (a temp file renamed over the old one): an interrupted write leaves the old one."""
    path = snapshot_path(snapshot.api, root)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(render(snapshot))
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a snapshot is an ordinary repository file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
