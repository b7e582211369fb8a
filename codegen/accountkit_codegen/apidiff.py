"""One API's spec at a git ref against the working tree: its changes, versions and suggested bump.

``diff``, ``release`` and the release check in ``check`` all ask this same question, so it is answered
in one place. Specs are parsed with plain YAML, not validated: an old spec must stay comparable even if
today's rules (specs.py) would reject it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import gitrefs
from .specdiff import Change, diff
from .versioning import Bump, bumped, suggested_bump


class SpecReadError(Exception):
    """A spec (at a ref or in the working tree) that is not a YAML mapping."""


@dataclass(frozen=True)
class ApiDiff:
    """The answer for one API. A version is None where the spec does not exist (new or removed API)."""

    api: str
    old_version: str | None
    new_version: str | None
    changes: list[Change] = field(default_factory=list)
    bump: Bump | None = None

    @property
    def breaking(self) -> bool:
        return any(change.breaking for change in self.changes)

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
            "changes": [change.as_dict() for change in self.changes],
        }


def _parse(text: str | None, where: str) -> dict[str, Any]:
    if text is None:
        return {}
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise SpecReadError(f"{where} is not valid YAML: {exc}") from None
    if not isinstance(document, dict):
        raise SpecReadError(f"{where} is not an OpenAPI document (its top level is not a mapping)")
    return document


def _version(document: dict[str, Any]) -> str | None:
    version = (document.get("info") or {}).get("version")
    return None if version is None else str(version)


def compare_texts(api: str, old_text: str | None, new_text: str | None, *, old_where: str = "old spec") -> ApiDiff:
    """Compare two spec texts (None: the spec does not exist on that side)."""
    old, new = _parse(old_text, old_where), _parse(new_text, f"specs/{api}.yaml")
    changes = diff(old, new)
    old_version, new_version = _version(old), _version(new)
    bump = None
    if old_text is not None and new_text is not None:
        try:
            bump = suggested_bump(changes, old_version or "", text_changed=old_text != new_text)
        except ValueError as exc:
            raise SpecReadError(f"{old_where}: info.version: {exc}") from None
    return ApiDiff(api, old_version, new_version, changes, bump)


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
