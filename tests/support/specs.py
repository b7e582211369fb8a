"""The specs as tests read them: where they are, read as YAML, which keys of a path item are operations, ``$ref``s
followed.

The resolver is the toolkit's own (``accountkit_codegen.spec.specresolve``), so a test reads a spec exactly as
the pipeline does: local references followed in a chain, keys written beside a ``$ref`` kept.
"""

from __future__ import annotations

from typing import Any

import yaml
from accountkit_codegen.spec.layout import REPO, SPECS
from accountkit_codegen.spec.specresolve import deref
from accountkit_codegen.spec.specs import HTTP_METHODS

__all__ = ["HTTP_METHODS", "REPO", "SPECS", "read_spec", "resolve"]


def resolve(document: dict[str, Any], node: Any) -> Any:
    """``node`` with its chain of local ``$ref``s followed (a node that is no reference comes back as it is)."""
    return deref(document, node)[0]


def read_spec(api: str) -> dict[str, Any]:
    """``specs/<api>.yaml`` as YAML reads it: a fresh document on every call, the caller's to change."""
    document: dict[str, Any] = yaml.safe_load((SPECS / f"{api}.yaml").read_text(encoding="utf-8"))
    return document
