"""Undocumented keys a caller adds to one call: ``RequestOptions(extra_body=..., extra_query=...)``.

A vendor's page is not always the whole schema (PortaOne's own clients send an ``account_info`` key
its reference does not list), so a call may carry keys the spec does not document, as
Stainless-generated SDKs allow beside ``extra_headers``. The rules, one place for every client:

- **Where.** ``extra_query`` keys are query parameters (a list or tuple value repeats the key).
  ``extra_body`` is merged into the JSON body: a nested mapping names a path, merged recursively into
  the body's object at that key (created if the body has none), so
  ``{"params": {"account_info": {"api_token": "…"}}}`` adds ``api_token`` inside PortaBilling's
  ``params.account_info``; any other value (a string, a number, a list) is a leaf, sent as given.
- **Nothing is overridden.** A key the call already sends (a body field that is set, a parameter given
  as an argument, a deepObject entry) is refused, not replaced: set it in one place.
- **Only undocumented keys.** A leaf the spec documents at that place is refused: documented fields are
  set through the model or the function's arguments, where they are validated. A query parameter whose
  wire form the spec leaves open (``Operation.wire_alternatives``) is the one exception: left unset as
  an argument, it may be sent in another form through ``extra_query`` (see that parameter's
  ``x-accountkit-wire`` in the spec).
- **Checked like the rest.** The documented part of the request is validated as usual; the extra keys
  are outside that validation, but they must still be encodable (``encoding``), and they are redacted in
  logs and errors like any other value (a secret-named key is masked). Any problem ends in one
  ``RequestValidationError`` before anything is sent.

Telling a documented key from an undocumented one needs the spec, i.e. the pydantic models
``validation`` uses: with ``validate_requests=False`` only the collision rule applies.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Path = tuple[str, ...]
Problem = tuple[str, str]

# Set in the httpx arguments ``check_request`` returns once it has merged a call's extras, so that the
# transport can tell a client package that predates extras (and would drop them) from one that does not.
APPLIED = "accountkit_extras_applied"

_IN_BOTH = "is set both by the call and in {where}: set it in one place (extras never override)"
DOCUMENTED = (
    "is documented by the spec: set it through the model or the function's arguments (where it is "
    "validated), not in {where}"
)


def shown(where: str, path: Iterable[Any]) -> str:
    """A location for messages: ``extra_body.params.account_info.api_token``."""
    return ".".join([where, *(str(part) for part in path)])


@dataclass
class MergedBody:
    """A JSON body with ``extra_body`` merged in, and what the merge added."""

    body: Any
    added: list[Path] = field(default_factory=list)  # every key the extras put in, objects and leaves
    leaves: list[Path] = field(default_factory=list)  # the keys whose values are sent as given
    problems: list[Problem] = field(default_factory=list)


def merge_body(body: Any, extra: Mapping[str, Any], where: str = "extra_body") -> MergedBody:
    """``body`` (not edited: copied where the extras go) with ``extra`` merged in as the module says."""
    merged = MergedBody(body)
    if not extra:
        return merged
    if not isinstance(body, dict):
        sent = "sends no JSON body" if body is None else "sends a JSON body that is not an object"
        merged.problems.append((where, f"the operation {sent}, so there is nothing to add keys to"))
        return merged
    merged.body = _merge(body, extra, (), merged, where)
    return merged


def _merge(target: dict[str, Any], extra: Mapping[Any, Any], path: Path, out: MergedBody, where: str) -> dict[str, Any]:
    result = dict(target)
    for key, value in extra.items():
        if not isinstance(key, str):
            out.problems.append((shown(where, path), f"a key of type {type(key).__name__}: JSON keys are strings"))
            continue
        here = (*path, key)
        existing = result.get(key, _ABSENT)
        if isinstance(value, Mapping):
            if existing is _ABSENT:
                out.added.append(here)
                result[key] = _merge({}, value, here, out, where)
            elif isinstance(existing, dict):
                result[key] = _merge(existing, value, here, out, where)
            else:
                out.problems.append((shown(where, here), _IN_BOTH.format(where=where)))
        elif existing is not _ABSENT:
            out.problems.append((shown(where, here), _IN_BOTH.format(where=where)))
        else:
            result[key] = value
            out.added.append(here)
            out.leaves.append(here)
    return result


class _Absent:
    pass


_ABSENT = _Absent()


def data_path(body: Any, location: Iterable[Any]) -> Path:
    """A validation error's location as a path through ``body``'s data.

    pydantic puts the name of a union member in a location (``params.LoginWithPassword.x``); a part
    that does not lead further into the data is such a name and is left out.
    """
    path: list[str] = []
    current = body
    for part in location:
        if _leads_into(current, part):
            current = current[part]
            path.append(str(part))
    return tuple(path)


def _leads_into(value: Any, part: Any) -> bool:
    if isinstance(value, dict):
        return part in value
    return isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value)


def without(body: Any, paths: Iterable[Path]) -> Any:
    """``body`` without the keys at ``paths`` (copied where they are removed)."""
    result = body
    for path in paths:
        result = _without(result, path)
    return result


def _without(value: Any, path: Path) -> Any:
    if not path or not isinstance(value, dict) or path[0] not in value:
        return value
    copy = dict(value)
    if len(path) == 1:
        del copy[path[0]]
    else:
        copy[path[0]] = _without(value[path[0]], path[1:])
    return copy


def documented_leaves(leaves: Sequence[Path], undocumented: set[Path], where: str) -> list[Problem]:
    """A problem for each extra leaf that is not undocumented itself nor under an undocumented key."""
    return [
        (shown(where, leaf), DOCUMENTED.format(where=where))
        for leaf in leaves
        if not any(leaf[:length] in undocumented for length in range(1, len(leaf) + 1))
    ]


def merge_query(
    params: Mapping[str, Any], extra: Mapping[str, Any], where: str = "extra_query"
) -> tuple[dict[str, Any], list[Problem]]:
    """The query parameters with ``extra`` added, and a problem for each key the call already sends."""
    problems: list[Problem] = []
    merged = dict(params)
    for key, value in extra.items():
        if not isinstance(key, str) or not key:
            problems.append((where, f"a query parameter name must be a non-empty str, not {key!r}"))
        elif key in merged:
            problems.append((shown(where, [key]), _IN_BOTH.format(where=where)))
        else:
            merged[key] = list(value) if isinstance(value, tuple) else value
    return merged, problems
