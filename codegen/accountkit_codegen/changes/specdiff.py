"""Compare two versions of a spec and classify every change for the generated client's users.

``diff(old, new)`` takes two parsed OpenAPI documents (``{}`` for "no spec") and returns a list of
``Change``; it reads no files and runs no tools, so every rule is testable with two small dicts. Each
change names a rule of ``diffrules`` (``request-property-removed``), which gives it its level
(breaking, warning, info) and changelog section.

Why our own rules rather than a generic OpenAPI differ: what breaks a user is what changes in the
*generated client*. The function name comes from ``operationId``, its module from the first tag, model
classes from component names, defaults become argument defaults the client sends by itself; a request
property newly required or read-only, a response property that may now be missing, or a request
constraint tightened makes code that worked yesterday fail today. docs/diff-rules.md lists every rule
and how each of oasdiff's rules maps to ours.

The work is split in two: ``opdiff`` walks the documents (operations, webhooks, parameters, bodies,
responses) and ``schemadiff`` compares the schemas it finds, knowing their direction.
"""

from __future__ import annotations

from typing import Any

from .diffmodel import Change, ChangeLog, SpecReadError
from .opdiff import OperationWalker

__all__ = ["Change", "SpecReadError", "diff"]


def diff(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every change from ``old`` to ``new`` (``{}`` stands for a spec that does not exist), in spec order.

    Raises ``SpecReadError`` (and nothing else) for a document it cannot compare, such as schemas
    nested beyond any real spec's depth.
    """
    old, new = old or {}, new or {}
    if not isinstance(old, dict) or not isinstance(new, dict):
        raise SpecReadError("an OpenAPI document is a mapping at its top level")
    log = ChangeLog()
    try:
        OperationWalker(old, new, log).document()
    except RecursionError:  # a last line of defence: the walk guards its own depth well before this
        raise SpecReadError("the specs are nested too deeply to compare") from None
    if not log and _without_version(old) != _without_version(new):
        log.add("other-change", "(document)", "the spec changed outside what any operation uses (e.g. a component)")
    return log.changes()


def _without_version(document: dict[str, Any]) -> dict[str, Any]:
    document = dict(document)
    info = document.get("info")
    document["info"] = (
        {key: value for key, value in info.items() if key != "version"} if isinstance(info, dict) else info
    )
    return document
