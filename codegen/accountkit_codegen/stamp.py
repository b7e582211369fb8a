"""Stamps: what a package was last generated from, so unchanged packages are skipped.

The stamp of an API records the hash of every input that decides its bytes (the spec and its
changelog, the API's generator config and vendor module, the templates, the range of accountkit-runtime
versions it depends on, the pipeline modules that shape the output, the generators' versions) and the
hash of the tree it produced. The runtime's code is not an input: it is a package of its own.
``generate`` skips an API only when both still match, which is what makes a no-op
regeneration take about a second while a hand edit of ``generated/`` is still repaired.

Stamps live in ``.cache/stamps/`` (not committed): a fresh clone has none, so its first
``generate`` rebuilds everything, and the drift check proves that rebuild changes no byte.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

from .changelog import changelog_path
from .layout import CACHE, PIPELINE, RUFF_CONFIG, TEMPLATES, Api, tracked_files
from .runtimerange import compatible_range, runtime_version

STAMPS = CACHE / "stamps"
TOOLS = ("openapi-python-client", "datamodel-code-generator", "ruff")
# The pipeline modules whose code shapes the output (not the ones that only read or publish it).
PIPELINE_MODULES = ("layout.py", "specs.py", "prepare.py", "build.py", "stamp.py", "changelog.py", "runtimerange.py")


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
    feed("runtime-range", compatible_range(runtime_version()).encode())
    for path in tracked_files(TEMPLATES):
        feed(f"{TEMPLATES.name}/{path.relative_to(TEMPLATES).as_posix()}", path.read_bytes())
    for module in PIPELINE_MODULES:
        feed(f"pipeline/{module}", (PIPELINE / module).read_bytes())
    for tool in TOOLS:
        feed(f"tool:{tool}", version(tool).encode())
    return digest.hexdigest()


def output_digest(project_dir: Path) -> str:
    """A hex SHA-256 over the relative paths and bytes of every file of a generated package."""
    digest = hashlib.sha256()
    if not project_dir.is_dir():
        return ""
    for path in tracked_files(project_dir):
        data = path.read_bytes()
        digest.update(f"{path.relative_to(project_dir).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


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
