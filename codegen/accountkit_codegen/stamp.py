"""The content hash of everything that decides a generated package's bytes.

``generate`` skips an API whose package carries the hash of its current inputs, which is what makes a
no-op regeneration take about a second. The inputs are: the spec, the API's generator config and vendor module, the
templates, the handwritten runtime, this pipeline's own code, and the versions of the generators.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

from .changelog import changelog_path
from .layout import PIPELINE, RUFF_CONFIG, RUNTIME, TEMPLATES, Api

STAMP_FILE = ".accountkit-stamp"
TOOLS = ("openapi-python-client", "datamodel-code-generator", "ruff")
# The pipeline modules whose code shapes the output (not the ones that only read or publish it).
PIPELINE_MODULES = ("layout.py", "specs.py", "prepare.py", "build.py", "stamp.py", "changelog.py")
_IGNORED_PARTS = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}


def _files(root: Path) -> list[Path]:
    return sorted(
        path
        for path in root.rglob("*")
        if path.is_file() and not _IGNORED_PARTS.intersection(path.relative_to(root).parts)
    )


def inputs_digest(api: Api) -> str:
    """A hex SHA-256 over the inputs listed in the module docstring."""
    digest = hashlib.sha256()

    def feed(label: str, data: bytes) -> None:
        digest.update(f"{label}\0{len(data)}\0".encode())
        digest.update(data)

    feed("spec", api.spec.read_bytes())
    changelog = changelog_path(api.spec)  # copied into the package by build.py when it exists
    if changelog.exists():
        feed("changelog", changelog.read_bytes())
    feed("config", api.config.read_bytes())
    feed("vendor", api.vendor.read_bytes())
    feed("ruff", RUFF_CONFIG.read_bytes())
    for root in (TEMPLATES, RUNTIME):
        for path in _files(root):
            feed(f"{root.name}/{path.relative_to(root).as_posix()}", path.read_bytes())
    for module in PIPELINE_MODULES:
        feed(f"pipeline/{module}", (PIPELINE / module).read_bytes())
    for tool in TOOLS:
        feed(f"tool:{tool}", version(tool).encode())
    return digest.hexdigest()


def stamp_text(digest: str) -> str:
    return (
        "# Written by accountkit's generate step; do not edit.\n"
        "# The SHA-256 of every input of this package: when it matches, generate skips the package.\n"
        f"inputs-sha256 = {digest}\n"
    )


def read_stamp(project_dir: Path) -> str | None:
    """The digest recorded in a generated package, or None if it has none."""
    try:
        text = (project_dir / STAMP_FILE).read_text(encoding="utf-8")
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("inputs-sha256 = "):
            return line.split("=", 1)[1].strip()
    return None
