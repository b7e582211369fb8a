"""Stamps: what a package was last generated from, so unchanged packages are skipped.

The stamp of an API records the hash of every input that decides its bytes (the spec and its
changelog, the API's generator config and vendor module, the templates, the range of accountkit-runtime
versions it depends on, the pipeline modules that shape the output, the generators' versions, the
package's version) and the hash of the tree it produced. The runtime's code is not an input: it is a
package of its own. ``generate`` skips an API only when both still match, which is what makes a no-op
regeneration take about a second while a hand edit of ``generated/`` is still repaired.

Stamps live in ``.cache/stamps/`` (not committed): a fresh clone has none, so its first
``generate`` rebuilds everything, and the drift check proves that rebuild changes no byte.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

from ..spec.layout import CACHE, REPO, Api, tracked_files
from .records import client_version
from .sources import TOOLS, client_sources, files_digest

STAMPS = CACHE / "stamps"


def inputs_digest(api: Api) -> str:
    """A hex SHA-256 over the inputs listed in the module docstring.

    What the package is built from by cause (``sources``: the spec and changelog, the vendor module,
    templates, config and pipeline, the runtime range), its version (``records``), and the versions of
    the generators installed here (the pins say which should be; these are the ones that run).
    """
    parts = {
        **client_sources(REPO, api.name),
        "version": client_version(REPO, api.name) or "",
        **{f"tool:{tool}": version(tool) for tool in TOOLS},
    }
    return hashlib.sha256("\0".join(f"{key}={value}" for key, value in sorted(parts.items())).encode()).hexdigest()


def output_digest(project_dir: Path) -> str:
    """A hex SHA-256 over the relative paths and bytes of every file of a generated package."""
    return files_digest(project_dir, tracked_files(project_dir)) if project_dir.is_dir() else ""


def _stamp_path(api: Api) -> Path:
    return STAMPS / f"{api.name}.txt"


def write_stamp(api: Api, inputs: str) -> None:
    """Record that ``api``'s package, as it is now on disk, was generated from ``inputs``."""
    STAMPS.mkdir(parents=True, exist_ok=True)
    _stamp_path(api).write_text(f"inputs {inputs}\noutput {output_digest(api.output)}\n", encoding="utf-8")


def is_fresh(api: Api, inputs: str) -> bool:
    """True when ``api``'s package was generated from ``inputs`` and has not been touched since."""
    try:
        recorded = dict(line.split(" ", 1) for line in _stamp_path(api).read_text(encoding="utf-8").splitlines())
    except (OSError, ValueError):
        return False
    return recorded.get("inputs") == inputs and recorded.get("output") == output_digest(api.output)
