"""Where the toolkit's inputs and outputs live, and which APIs exist.

An API exists when ``specs/<api>.yaml`` exists (with ``codegen/vendors/<api>.py`` beside it); its package is
``generated/<api>/`` with the import package ``<api>_client`` and the distribution ``<api>-client``.
Keeping that rule in one place means adding a sixth API needs no code change here.

Every client depends on one handwritten package, ``runtime/`` (the distribution ``accountkit-runtime``,
import package ``accountkit_runtime``), which is built and published beside them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
SPECS = REPO / "specs"
CODEGEN = REPO / "codegen"
# openapi-python-client settings shared by every API; build adds the names derived here.
GENERATOR_CONFIG = CODEGEN / "generator.yaml"
TEMPLATES = CODEGEN / "templates"
VENDORS = CODEGEN / "vendors"
PIPELINE = CODEGEN / "accountkit_codegen"
RUFF_CONFIG = CODEGEN / "ruff-generated.toml"
GENERATED = REPO / "generated"
# The accountkit-runtime project: a handwritten package of its own, with its own pyproject.toml.
RUNTIME = REPO / "runtime"
RUNTIME_PACKAGE = "accountkit_runtime"
RUNTIME_DISTRIBUTION = "accountkit-runtime"
CACHE = REPO / ".cache"


@dataclass(frozen=True)
class Api:
    """One vendor API and the names derived from it."""

    name: str

    @property
    def spec(self) -> Path:
        return SPECS / f"{self.name}.yaml"

    @property
    def changelog(self) -> Path:
        """The package's changelog, kept beside the specs and shipped as ``CHANGELOG.md``."""
        return changelog_path(self.spec)

    @property
    def vendor(self) -> Path:
        """The handwritten vendor module (auth, credentials, error bodies), shipped as ``<package>/_vendor.py``."""
        return VENDORS / f"{self.name}.py"

    @property
    def package(self) -> str:
        return f"{self.name}_client"

    @property
    def distribution(self) -> str:
        return f"{self.name}-client"

    @property
    def output(self) -> Path:
        return GENERATED / self.name


def changelog_path(spec: Path) -> Path:
    """``specs/changelog/<api>.md`` for ``specs/<api>.yaml`` (a release writes it under any root)."""
    return spec.parent / "changelog" / f"{spec.stem}.md"


def all_apis() -> list[Api]:
    """Every API with a spec, in a stable order."""
    return [Api(path.stem) for path in sorted(SPECS.glob("*.yaml"))]


def select_apis(names: list[str]) -> list[Api]:
    """The APIs named on the command line (all when none), refusing unknown names up front."""
    known = {api.name: api for api in all_apis()}
    if not names:
        return list(known.values())
    unknown = [name for name in names if name not in known]
    if unknown:
        raise SystemExit(f"error: unknown API {', '.join(unknown)}; known: {', '.join(known) or '(none)'}")
    return [known[name] for name in dict.fromkeys(names)]


# Left in source and package directories by tests and tools, never by the generators (git ignores them).
_TOOL_LITTER = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", "dist", "build"}


def tracked_files(root: Path) -> list[Path]:
    """Every file under ``root`` that counts as content (what git would track), in a stable order.

    The one definition shared by the stamps (what a package was built from and into) and the drift check.
    """
    if not root.is_dir():
        return []
    return [
        path
        for path in sorted(root.rglob("*"))
        if path.is_file()
        and not _TOOL_LITTER.intersection(path.relative_to(root).parts)
        and not path.name.endswith(".pyc")
        and not any(part.endswith(".egg-info") for part in path.relative_to(root).parts)
    ]
