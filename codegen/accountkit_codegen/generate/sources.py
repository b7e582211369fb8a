"""What each package is built from, by cause: the question behind every version bump.

A client's files change when its spec changes, and also when anything else it is built from does; each
such cause is one entry here, its value a digest of the files behind it, or the value itself where a
person reads that better:

- ``spec``           ``specs/<api>.yaml`` (its changes are judged by the spec differ);
- ``vendor``         ``codegen/vendors/<api>.py``, shipped as ``_vendor.py``;
- ``templates``      ``codegen/templates/``, the generator config, ``codegen/ruff-generated.toml`` and
                     the pipeline subpackages whose code shapes the output (``PIPELINE_PACKAGES``);
- ``generators``     the generators' pins in ``pyproject.toml``'s ``codegen`` group;
- ``runtime_range``  the accountkit-runtime versions the client depends on (``runtimerange``);
- ``changelog``      ``specs/changelog/<api>.md``, shipped as ``CHANGELOG.md``.

accountkit-runtime is handwritten and shipped as it is: its causes are its ``code``
(``runtime/accountkit_runtime/``), its ``metadata`` (``runtime/pyproject.toml``) and its ``docs``
(``README.md``, ``CHANGELOG.md``).

Everything is read from files under a root, either the working tree or the repository as it was at a
git ref (``gitrefs.export``), so one function says what a release was built from and what the working
tree is built from now. ``content_digest`` is the other half: the bytes a package is made of.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..spec.layout import RUNTIME_DISTRIBUTION, RUNTIME_PACKAGE, tracked_files
from .runtimerange import RuntimeVersionError, compatible_range, runtime_version

# The generators whose versions decide the output (pinned in pyproject.toml's codegen group); pydantic's
# core schemas are what ``_checks.py`` is derived from.
TOOLS = ("openapi-python-client", "datamodel-code-generator", "ruff", "pydantic")
# The pipeline's subpackages whose code shapes the output, hashed whole so a new module is never left
# out (``changes/`` and ``dist/`` only read, release or publish what these make).
PIPELINE_PACKAGES = ("spec", "generate")
# What the runtime's sdist ships (runtime/pyproject.toml's sdist include list): its content.
RUNTIME_SHIPPED = (RUNTIME_PACKAGE, "README.md", "CHANGELOG.md", "pyproject.toml")

# Where each cause's files are, for messages and changelog lines ({api}: the API's name).
WHERE = {
    "spec": "specs/{api}.yaml",
    "vendor": "codegen/vendors/{api}.py",
    "templates": "codegen/templates/, codegen/generator.yaml, the pipeline",
    "generators": "the generator pins in pyproject.toml",
    "runtime_range": "the accountkit-runtime range",
    "changelog": "specs/changelog/{api}.md",
    "code": "runtime/accountkit_runtime/",
    "metadata": "runtime/pyproject.toml",
    "docs": "runtime/README.md, runtime/CHANGELOG.md",
}


def files_digest(base: Path, paths: Iterable[Path]) -> str:
    """A hex SHA-256 over the paths (relative to ``base``) and bytes of ``paths``; a missing file counts too."""
    digest = hashlib.sha256()
    for path in paths:
        data = path.read_bytes() if path.is_file() else b"\0missing"
        digest.update(f"{path.relative_to(base).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def template_files(root: Path, api: str) -> list[Path]:
    """Every file behind the ``templates`` cause of ``api``, in a stable order."""
    codegen = root / "codegen"
    return [
        *tracked_files(codegen / "templates"),
        codegen / "generator.yaml",
        codegen / "ruff-generated.toml",
        *(path for package in PIPELINE_PACKAGES for path in tracked_files(codegen / "accountkit_codegen" / package)),
    ]


def generator_pins(root: Path) -> str:
    """``openapi-python-client==0.29.1, ...`` as pinned in ``root/pyproject.toml`` (``unknown`` without one)."""
    try:
        groups = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["dependency-groups"]
    except (OSError, tomllib.TOMLDecodeError, KeyError):
        return "unknown"
    pins = [pin for pin in groups.get("codegen", []) if isinstance(pin, str)]
    return ", ".join(pin for tool in TOOLS for pin in pins if pin.split("==")[0].strip() == tool) or "unknown"


def runtime_range(root: Path) -> str:
    """The range of accountkit-runtime a client built from ``root`` depends on; ``none`` without a runtime."""
    try:
        return compatible_range(runtime_version(root / "runtime"))
    except RuntimeVersionError:
        return "none"


def client_sources(root: Path, api: str) -> dict[str, str]:
    """What ``api``'s client is built from under ``root``, by cause (see the module docstring)."""
    changelog = root / "specs" / "changelog" / f"{api}.md"
    return {
        "spec": files_digest(root, [root / "specs" / f"{api}.yaml"]),
        "vendor": files_digest(root, [root / "codegen" / "vendors" / f"{api}.py"]),
        "templates": files_digest(root, template_files(root, api)),
        "generators": generator_pins(root),
        "runtime_range": runtime_range(root),
        "changelog": files_digest(root, [changelog]) if changelog.is_file() else "none",
    }


def runtime_sources(root: Path) -> dict[str, str]:
    """What accountkit-runtime is made of under ``root``, by cause."""
    project = root / "runtime"
    return {
        "code": files_digest(root, tracked_files(project / RUNTIME_PACKAGE)),
        "metadata": files_digest(root, [project / "pyproject.toml"]),
        "docs": files_digest(root, [project / "README.md", project / "CHANGELOG.md"]),
    }


def content_digest(root: Path, distribution: str) -> str:
    """A hex SHA-256 of the files a package is made of under ``root`` ("" when it has none there).

    A client is all of ``generated/<api>/``; the runtime is what its sdist ships (``RUNTIME_SHIPPED``).
    """
    if distribution == RUNTIME_DISTRIBUTION:
        project = root / "runtime"
        if not (project / "pyproject.toml").is_file():
            return ""
        files = [path for name in RUNTIME_SHIPPED for path in (tracked_files(project / name) or [project / name])]
        return files_digest(project, files)
    output = root / "generated" / distribution.removesuffix("-client")
    return files_digest(output, tracked_files(output)) if output.is_dir() else ""


def changed(old: Mapping[str, str], new: Mapping[str, str]) -> list[str]:
    """The causes whose value differs between two ``*_sources`` results, in their documented order."""
    return [cause for cause in dict.fromkeys([*new, *old]) if old.get(cause) != new.get(cause)]


def changed_files(old_root: Path, new_root: Path, paths: Iterable[Path]) -> list[str]:
    """Which of ``paths`` (under ``new_root``) differ from the same path under ``old_root``, relative."""
    found = []
    for path in paths:
        relative = path.relative_to(new_root)
        before = old_root / relative
        now = path.read_bytes() if path.is_file() else None
        if now != (before.read_bytes() if before.is_file() else None):
            found.append(relative.as_posix())
    return found


def template_changes(old_root: Path, new_root: Path, api: str) -> list[str]:
    """The template, config and pipeline files of ``api`` that changed, added or went away."""
    relative = {path.relative_to(new_root) for path in template_files(new_root, api)}
    relative |= {path.relative_to(old_root) for path in template_files(old_root, api)}
    return changed_files(old_root, new_root, [new_root / path for path in sorted(relative)])
