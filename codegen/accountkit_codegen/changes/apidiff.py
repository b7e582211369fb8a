"""One API's spec at a git ref against the working tree: its changes, versions and suggested bump.

``diff``, ``release`` and the release check in ``check`` all ask this same question, so it is answered
in one place. Specs are parsed with plain YAML, not validated: an old spec must stay comparable even if
today's rules (specs.py) would reject it. That includes its version: an old ``info.version`` that is
missing or not MAJOR.MINOR.PATCH still gets every change listed; only the bump cannot be suggested, and
``no_bump_reason`` says why. A text that is not a YAML mapping, or that no comparison can survive (a
recursive alias, an alias bomb), is one ``SpecReadError`` naming the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..generate.semver import Bump, bumped
from ..spec.specshape import mapping, problem
from . import gitrefs
from .diffmodel import SpecReadError
from .specdiff import Change, diff
from .versioning import suggested_bump

__all__ = ["ApiDiff", "SpecReadError", "compare_texts", "compare_with_ref", "working_tree_apis"]


@dataclass(frozen=True)
class ApiDiff:
    """The answer for one API. A version is None where the spec does not exist (new or removed API)."""

    api: str
    old_version: str | None
    new_version: str | None
    changes: list[Change] = field(default_factory=list)
    bump: Bump | None = None
    no_bump_reason: str | None = None  # why no bump could be suggested although something changed
    old_exists: bool = True  # False: no spec at the ref (a new API)
    new_exists: bool = True  # False: the spec was removed from the working tree

    @property
    def breaking(self) -> bool:
        return any(change.breaking for change in self.changes)

    @property
    def warnings(self) -> bool:
        return any(change.level == "warning" for change in self.changes)

    @property
    def next_version(self) -> str | None:
        """The version a release would give the package: the old one bumped (None for a new API)."""
        if self.old_version is None or self.bump is None:
            return None
        return bumped(self.old_version, self.bump)

    def as_dict(self) -> dict[str, Any]:
        return {
            "old_version": self.old_version,
            "new_version": self.new_version,
            "suggested_bump": self.bump,
            "no_bump_reason": self.no_bump_reason,
            "changes": [change.as_dict() for change in self.changes],
        }


def _parse(text: str | None, where: str) -> dict[str, Any]:
    if text is None:
        return {}
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise SpecReadError(f"{where} is not valid YAML{_yaml_problem(exc)}") from None
    except RecursionError:
        raise SpecReadError(f"{where} is nested too deeply to read") from None
    if not isinstance(document, dict):
        raise SpecReadError(f"{where} is not an OpenAPI document (its top level is not a mapping)")
    unreadable = problem(document)
    if unreadable:
        raise SpecReadError(f"{where} cannot be compared: {unreadable}")
    return document


def _yaml_problem(exc: yaml.YAMLError) -> str:
    """Where and what, on one line (PyYAML's own message spans several, with a quote of the text)."""
    mark = getattr(exc, "problem_mark", None)
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return f"{where}: {what}"


def _version(document: dict[str, Any]) -> str | None:
    version = mapping(document.get("info")).get("version")
    return None if version is None else str(version)


def compare_texts(api: str, old_text: str | None, new_text: str | None, *, old_where: str = "old spec") -> ApiDiff:
    """Compare two spec texts (None: the spec does not exist on that side)."""
    new_where = f"specs/{api}.yaml"
    old, new = _parse(old_text, old_where), _parse(new_text, new_where)
    try:
        changes = diff(old, new)
    except SpecReadError as exc:
        raise SpecReadError(f"{old_where} and {new_where} cannot be compared: {exc}") from None
    old_version, new_version = _version(old), _version(new)
    bump, reason = None, None
    if old_text is not None and new_text is not None:
        try:
            bump = suggested_bump(changes, old_version or "", text_changed=old_text != new_text)
        except ValueError as exc:
            shown = "it has no info.version" if old_version is None else f"its info.version {exc}"
            reason = f"the bump is relative to the old spec's version, and {shown}"
    return ApiDiff(api, old_version, new_version, changes, bump, reason, old_text is not None, new_text is not None)


def working_tree_apis(root: Path) -> list[str]:
    return sorted(path.stem for path in (root / gitrefs.SPECS_DIR).glob("*.yaml"))


def compare_with_ref(root: Path, ref: str, apis: list[str] | None = None) -> list[ApiDiff]:
    """Every API (or those named) at ``ref`` against the working tree under ``root``."""
    gitrefs.resolve(root, ref)
    at_ref = gitrefs.spec_names_at(root, ref)
    names = apis or sorted(set(at_ref) | set(working_tree_apis(root)))
    results = []
    for api in names:
        old_text = gitrefs.spec_text_at(root, ref, api) if api in at_ref else None
        path = root / gitrefs.SPECS_DIR / f"{api}.yaml"
        new_text = path.read_text(encoding="utf-8") if path.exists() else None
        if old_text is None and new_text is None:
            raise SpecReadError(f"no spec named {api!r} at {ref} or in {gitrefs.SPECS_DIR}/")
        results.append(compare_texts(api, old_text, new_text, old_where=f"{ref}:specs/{api}.yaml"))
    return results
