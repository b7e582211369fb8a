"""Compare two versions of a spec and classify every change as breaking or not for the client's users.

``diff(old, new)`` takes two parsed OpenAPI documents (``{}`` for "no spec") and returns a list of
``Change``; it reads no files and runs no tools, so every rule is testable with two small dicts.

Why our own rules rather than a generic OpenAPI differ: what breaks a user is what changes in the
*generated client*. The function name comes from ``operationId``, its module from the first tag, model
classes from component names; a request property newly required, a response property that may now be
missing, or a request constraint tightened makes code that worked yesterday fail today. The direction
matters: a request must accept everything it accepted before, a response must not send anything the
client did not expect. So each schema is compared knowing whether it is a request or a response.

Locations read like ``POST /Account/update_account request params.account_info.firstname``:
operation, then ``request`` / ``response <status>`` / ``parameter <in>:<name>``, then the property path
(``[]`` for array items, ``(Name)`` for a ``oneOf``/``anyOf`` branch).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from .specresolve import component_name, deref, normalise, types_of
from .specs import HTTP_METHODS

REQUEST, RESPONSE = "request", "response"
JSON_MEDIA_TYPE = "application/json"

# Kinds that add something (the changelog's "Added" section; a minor bump unless they are breaking).
ADDITIONS = frozenset(
    {
        "operation-added",
        "parameter-added",
        "property-added",
        "request-body-added",
        "response-added",
        "response-header-added",
        "media-type-added",
        "enum-value-added",
        "variant-added",
    }
)
# Kinds that change only words a reader sees, never what a client sends or accepts (a patch bump).
DOCUMENTATION = frozenset({"description-changed", "example-changed", "extension-changed", "other-change"})

# Formats the generated client turns into a different Python type (datetime, date, UUID, File): changing
# one in a response changes what the user's code receives.
TYPED_FORMATS = frozenset({"date", "date-time", "uuid", "binary"})
# Numeric bounds: (keyword, is an upper bound, value when absent).
BOUNDS = (
    ("maxLength", True, math.inf),
    ("maxItems", True, math.inf),
    ("maxProperties", True, math.inf),
    ("maximum", True, math.inf),
    ("exclusiveMaximum", True, math.inf),
    ("minLength", False, 0),
    ("minItems", False, 0),
    ("minProperties", False, 0),
    ("minimum", False, -math.inf),
    ("exclusiveMinimum", False, -math.inf),
)
DOC_KEYS = ("title", "description", "summary")
EXAMPLE_KEYS = ("example", "examples")
# Schema keywords with a rule of their own below; any other keyword that changes is "keyword-changed".
SCHEMA_KEYS_WITH_RULES = frozenset(
    {
        "$ref", "type", "enum", "format", "pattern", "additionalProperties", "properties", "required",
        "items", "anyOf", "oneOf", "allOf", "deprecated", "default", "readOnly", "writeOnly",
        *DOC_KEYS, *EXAMPLE_KEYS, *(bound for bound, _upper, _absent in BOUNDS),
    }
)  # fmt: skip
# Extensions that change how the generated client behaves (the runtime retries on x-idempotent).
BEHAVIOUR_EXTENSIONS = frozenset({"x-idempotent"})


@dataclass(frozen=True)
class Change:
    """One difference between the two specs, as the client's users would experience it."""

    kind: str
    breaking: bool
    location: str
    detail: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "breaking": self.breaking,
            "location": self.location,
            "detail": self.detail,
        }


def diff(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every change from ``old`` to ``new`` (``{}`` stands for a spec that does not exist), in spec order."""
    differ = _Differ(old or {}, new or {})
    differ.document()
    if not differ.changes and _without_version(old) != _without_version(new):
        differ.add(
            "other-change",
            False,
            "(document)",
            "the spec changed outside what any operation uses (for example an unreferenced component)",
        )
    return list(dict.fromkeys(differ.changes))


def _without_version(document: dict[str, Any] | None) -> dict[str, Any]:
    document = dict(document or {})
    document["info"] = {key: value for key, value in (document.get("info") or {}).items() if key != "version"}
    return document


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _at(base: str, path: str) -> str:
    return f"{base} {path}" if path else base


def _child(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _extensions(node: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in node.items() if key.startswith("x-")}


def _security(
    requirements: list[dict[str, list[str]]] | None,
) -> frozenset[frozenset[tuple[str, tuple[str, ...]]]]:
    """Security requirements as a set of alternatives, each a set of (scheme, scopes)."""
    return frozenset(
        frozenset((name, tuple(sorted(scopes or []))) for name, scopes in requirement.items())
        for requirement in requirements or []
    )


def _show_security(requirements: frozenset[frozenset[tuple[str, tuple[str, ...]]]]) -> str:
    alternatives = sorted(" + ".join(sorted(name for name, _ in alt)) or "(anonymous)" for alt in requirements)
    return " or ".join(alternatives) or "none"


class _Differ:
    """Walks both documents side by side, collecting ``Change``s (one instance per comparison)."""

    def __init__(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        self.old, self.new = old, new
        self.changes: list[Change] = []
        self._in_progress: set[tuple[str | None, str | None]] = set()

    def add(self, kind: str, breaking: bool, location: str, detail: str) -> None:
        self.changes.append(Change(kind, breaking, location, detail))

    # -- documentation-level keys shared by every kind of node ---------------------------------------

    def words(self, location: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        """Descriptions, examples and extensions: what a reader sees, or (x-idempotent) how it retries."""
        for key in DOC_KEYS:
            if old.get(key) != new.get(key):
                self.add("description-changed", False, location, f"{key} changed")
        if any(old.get(key) != new.get(key) for key in EXAMPLE_KEYS):
            self.add("example-changed", False, location, "examples changed")
        old_x, new_x = _extensions(old), _extensions(new)
        changed = sorted(key for key in old_x.keys() | new_x.keys() if old_x.get(key) != new_x.get(key))
        for key in (key for key in changed if key in BEHAVIOUR_EXTENSIONS):
            detail = f"{key}: {_show(old_x.get(key))} -> {_show(new_x.get(key))} (the client's retries follow it)"
            self.add("behaviour-changed", False, location, detail)
        documentation = [key for key in changed if key not in BEHAVIOUR_EXTENSIONS]
        if documentation:
            self.add("extension-changed", False, location, f"{', '.join(documentation)} changed")
        if bool(old.get("deprecated")) != bool(new.get("deprecated")):
            now = "deprecated" if new.get("deprecated") else "no longer deprecated"
            self.add("deprecation-changed", False, location, now)

    # -- the document and its operations --------------------------------------------------------------

    def document(self) -> None:
        if self.old and self.new:  # a spec added or removed as a whole is told by its operations alone
            old_info, new_info = self.old.get("info") or {}, self.new.get("info") or {}
            self.words("info", old_info, new_info)
            for key in ("contact", "license", "termsOfService"):
                if old_info.get(key) != new_info.get(key):
                    self.add("description-changed", False, "info", f"{key} changed")
            if self.old.get("servers") != self.new.get("servers"):
                self.add("servers-changed", False, "servers", "the servers (default base URLs) changed")
            if self.old.get("tags") != self.new.get("tags"):
                self.add("description-changed", False, "tags", "the tag list or its descriptions changed")
            self.words("(document)", _extensions(self.old), _extensions(self.new))
        self.operations()

    def _operations(self, document: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
        found = {}
        for path, item in (document.get("paths") or {}).items():
            item = deref(document, item)[0] or {}
            for method in HTTP_METHODS:
                if isinstance(item.get(method), dict):
                    found[(path, method)] = {"operation": item[method], "item": item}
        return found

    def operations(self) -> None:
        """Match operations by path and method, or by operationId when the path or method moved."""
        old_ops, new_ops = self._operations(self.old), self._operations(self.new)
        new_by_id = {op["operation"].get("operationId"): key for key, op in new_ops.items()}
        moved_to: dict[tuple[str, str], tuple[str, str]] = {}
        for key, op in old_ops.items():
            if key in new_ops:
                continue
            operation_id = op["operation"].get("operationId")
            target = new_by_id.get(operation_id) if operation_id else None
            if target is not None and target not in old_ops:
                moved_to[target] = key
        for key, op in old_ops.items():
            if key not in new_ops and key not in moved_to.values():
                label = f"{key[1].upper()} {key[0]}"
                self.add(
                    "operation-removed",
                    True,
                    label,
                    f"operation {op['operation'].get('operationId')} removed",
                )
        for key, op in new_ops.items():
            label = f"{key[1].upper()} {key[0]}"
            if key in moved_to:
                was = moved_to[key]
                detail = f"operation {op['operation'].get('operationId')} moved from {was[1].upper()} {was[0]}"
                self.add("operation-moved", True, label, detail)
                self.operation(label, old_ops[was], op)
            elif key in old_ops:
                self.operation(label, old_ops[key], op)
            else:
                self.add("operation-added", False, label, f"operation {op['operation'].get('operationId')} added")

    def operation(self, label: str, old_entry: dict[str, Any], new_entry: dict[str, Any]) -> None:
        old, new = old_entry["operation"], new_entry["operation"]
        if old.get("operationId") != new.get("operationId"):
            detail = (
                f"operationId {old.get('operationId')} -> {new.get('operationId')} (the generated function is renamed)"
            )
            self.add("operation-renamed", True, label, detail)
        old_tag, new_tag = (old.get("tags") or [None])[0], (new.get("tags") or [None])[0]
        if old_tag != new_tag:
            detail = f"tag {old_tag} -> {new_tag} (the generated function moves to module api.{new_tag})"
            self.add("operation-tag-changed", True, label, detail)
        elif old.get("tags") != new.get("tags"):
            self.add("description-changed", False, label, "secondary tags changed")
        self.words(label, old, new)
        self.security(label, old, new)
        self.parameters(label, old_entry, new_entry)
        self.request_body(label, old.get("requestBody"), new.get("requestBody"))
        self.responses(label, old.get("responses") or {}, new.get("responses") or {})
        for key in ("servers", "callbacks"):
            if old.get(key) != new.get(key):
                self.add("keyword-changed", False, label, f"{key} changed")

    def security(self, label: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        """The effective requirements (the operation's own, else the document's) and the schemes they use."""
        old_req = _security(old.get("security", self.old.get("security")))
        new_req = _security(new.get("security", self.new.get("security")))
        if old_req != new_req:
            detail = f"security {_show_security(old_req)} -> {_show_security(new_req)}"
            self.add("security-changed", True, label, detail)
        used = {name for alternative in old_req & new_req for name, _scopes in alternative}
        for name in sorted(used):
            old_scheme = self._scheme(self.old, name)
            new_scheme = self._scheme(self.new, name)
            if old_scheme != new_scheme:
                self.add("security-scheme-changed", True, label, f"security scheme {name} changed")

    @staticmethod
    def _scheme(document: dict[str, Any], name: str) -> dict[str, Any]:
        """A security scheme without its words: what the client must send."""
        schemes = (document.get("components") or {}).get("securitySchemes") or {}
        scheme = deref(document, schemes.get(name))[0] or {}
        return {key: value for key, value in scheme.items() if key != "description" and not key.startswith("x-")}

    # -- parameters, bodies, responses ------------------------------------------------------------------

    @staticmethod
    def _parameters(document: dict[str, Any], entry: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
        """Path-item parameters overridden by the operation's own, keyed by (in, name)."""
        found = {}
        for raw in [*(entry["item"].get("parameters") or []), *(entry["operation"].get("parameters") or [])]:
            parameter = deref(document, raw)[0] or {}
            where, name = parameter.get("in", "?"), str(parameter.get("name", "?"))
            found[(where, name.lower() if where == "header" else name)] = parameter
        return found

    def parameters(self, label: str, old_entry: dict[str, Any], new_entry: dict[str, Any]) -> None:
        old_params = self._parameters(self.old, old_entry)
        new_params = self._parameters(self.new, new_entry)
        for key in old_params:
            if key not in new_params:
                self.add("parameter-removed", True, f"{label} parameter {key[0]}:{key[1]}", "parameter removed")
        for key, new in new_params.items():
            location = f"{label} parameter {key[0]}:{key[1]}"
            if key not in old_params:
                if new.get("required"):
                    self.add("required-parameter-added", True, location, "new required parameter")
                else:
                    self.add("parameter-added", False, location, "optional parameter added")
                continue
            old = old_params[key]
            if bool(old.get("required")) != bool(new.get("required")):
                if new.get("required"):
                    self.add("parameter-now-required", True, location, "parameter is now required")
                else:
                    self.add("parameter-now-optional", False, location, "parameter is now optional")
            self.words(location, old, new)
            for key_word in ("style", "explode", "allowReserved", "allowEmptyValue"):
                if old.get(key_word) != new.get(key_word):
                    self.add("keyword-changed", False, location, f"{key_word} changed")
            if "content" in old or "content" in new:
                self.content(location, REQUEST, old.get("content") or {}, new.get("content") or {})
            else:
                self.schema(location, REQUEST, old.get("schema") or {}, new.get("schema") or {}, "")

    def request_body(self, label: str, old_node: Any, new_node: Any) -> None:
        old, new = deref(self.old, old_node)[0], deref(self.new, new_node)[0]
        location = f"{label} request"
        if not old and not new:
            return
        if not new:
            self.add("request-body-removed", True, location, "request body removed")
            return
        if not old:
            if new.get("required"):
                self.add("request-body-added", True, location, "new required request body")
            else:
                self.add("request-body-added", False, location, "optional request body added")
            return
        if bool(old.get("required")) != bool(new.get("required")):
            if new.get("required"):
                self.add("request-body-now-required", True, location, "request body is now required")
            else:
                self.add("request-body-now-optional", False, location, "request body is now optional")
        self.words(location, old, new)
        self.content(location, REQUEST, old.get("content") or {}, new.get("content") or {})

    def responses(self, label: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        for status in old:
            if status not in new:
                self.add("response-removed", True, f"{label} response {status}", f"response {status} removed")
        for status, new_node in new.items():
            location = f"{label} response {status}"
            if status not in old:
                self.add("response-added", False, location, f"response {status} added")
                continue
            old_response, new_response = deref(self.old, old[status])[0], deref(self.new, new_node)[0]
            self.words(location, old_response, new_response)
            self.headers(location, old_response.get("headers") or {}, new_response.get("headers") or {})
            self.content(location, RESPONSE, old_response.get("content") or {}, new_response.get("content") or {})

    def headers(self, location: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        for name in old:
            if name not in new:
                self.add("response-header-removed", True, f"{location} header {name}", "response header removed")
        for name, new_node in new.items():
            if name not in old:
                self.add("response-header-added", False, f"{location} header {name}", "response header added")
                continue
            old_header, new_header = deref(self.old, old[name])[0], deref(self.new, new_node)[0]
            self.words(f"{location} header {name}", old_header, new_header)
            old_schema, new_schema = old_header.get("schema") or {}, new_header.get("schema") or {}
            self.schema(f"{location} header {name}", RESPONSE, old_schema, new_schema, "")

    def content(self, location: str, direction: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        """Media types, and the schema of each shared one (a further one only if its schema differs).

        A removed media type is breaking both ways: a request can no longer be sent in it, a response no
        longer parsed from it.
        """
        for media_type in sorted(old.keys() - new.keys()):
            self.add("media-type-removed", True, location, f"media type {media_type} removed")
        for media_type in sorted(new.keys() - old.keys()):
            self.add("media-type-added", False, location, f"media type {media_type} added")
        shared = sorted(old.keys() & new.keys(), key=lambda name: (name != JSON_MEDIA_TYPE, name))
        compared: list[tuple[Any, Any]] = []
        for media_type in shared:
            old_media, new_media = old[media_type] or {}, new[media_type] or {}
            here = location if media_type == JSON_MEDIA_TYPE else f"{location} ({media_type})"
            if any(old_media.get(key) != new_media.get(key) for key in EXAMPLE_KEYS):
                self.add("example-changed", False, here, "examples changed")
            pair = (old_media.get("schema") or {}, new_media.get("schema") or {})
            if pair not in compared:  # text/json next to application/json usually shares its schema
                compared.append(pair)
                self.schema(here, direction, *pair, "")

    # -- schemas ------------------------------------------------------------------------------------------

    def schema(self, base: str, direction: str, old_node: Any, new_node: Any, path: str) -> None:
        """Compare two schemas at ``path``; a cycle of ``$ref``s is compared once per walk."""
        old, old_ref = normalise(self.old, old_node)
        new, new_ref = normalise(self.new, new_node)
        location = _at(base, path)
        old_name, new_name = component_name(old_ref), component_name(new_ref)
        if old_name and new_name and old_name != new_name:
            generated_class = bool(old.get("properties") or old.get("enum"))
            detail = f"now refers to schema {new_name} instead of {old_name}"
            if generated_class:
                detail += " (the generated model/enum class is renamed)"
            self.add("schema-renamed", generated_class, location, detail)
        key = (old_ref, new_ref)
        if old_ref or new_ref:
            if key in self._in_progress:
                return
            self._in_progress.add(key)
        try:
            self._schema(base, direction, old, new, path)
        finally:
            self._in_progress.discard(key)

    def _schema(self, base: str, direction: str, old: dict[str, Any], new: dict[str, Any], path: str) -> None:
        location = _at(base, path)
        request = direction == REQUEST
        if "$ref" in old or "$ref" in new:  # a reference this module does not follow (not local)
            if old.get("$ref") != new.get("$ref"):
                self.add("type-changed", True, location, f"$ref {old.get('$ref')} -> {new.get('$ref')}")
            return
        self.words(location, old, new)
        if old.get("default") != new.get("default"):
            self.add(
                "default-changed",
                False,
                location,
                f"default {_show(old.get('default'))} -> {_show(new.get('default'))}",
            )
        for flag in ("readOnly", "writeOnly"):
            if bool(old.get(flag)) != bool(new.get(flag)):
                self.add(
                    "keyword-changed",
                    False,
                    location,
                    f"{flag} {bool(old.get(flag))} -> {bool(new.get(flag))}",
                )
        if not self.types(location, request, old, new):
            return  # an unrelated type: what lies inside is not comparable
        self.enum(location, request, old, new)
        self.constraints(location, request, old, new)
        self.properties(base, direction, old, new, path)
        if "items" in old or "items" in new:
            self.schema(base, direction, old.get("items") or {}, new.get("items") or {}, f"{path}[]")
        self.variants(base, direction, old, new, path)
        others = sorted(
            key
            for key in (old.keys() | new.keys()) - SCHEMA_KEYS_WITH_RULES
            if not key.startswith("x-") and old.get(key) != new.get(key)
        )
        if others:
            self.add("keyword-changed", False, location, f"{', '.join(others)} changed")

    def types(self, location: str, request: bool, old: dict[str, Any], new: dict[str, Any]) -> bool:
        """Report a type change; return False when the types are unrelated (nothing more to compare)."""
        old_types, new_types = types_of(old), types_of(new)
        if old_types == new_types:
            return True
        shown = f"type {_show_types(old_types)} -> {_show_types(new_types)}"
        if _within(new_types, old_types):
            self.add("type-narrowed", request, location, f"{shown} (narrowed)")
            return True
        if _within(old_types, new_types):
            self.add("type-widened", not request, location, f"{shown} (widened)")
            return True
        self.add("type-changed", True, location, shown)
        return False

    def enum(self, location: str, request: bool, old: dict[str, Any], new: dict[str, Any]) -> None:
        """Requests must keep accepting every value; responses must not send a value clients don't know."""
        old_values, new_values = old.get("enum"), new.get("enum")
        if old_values is None and new_values is None:
            return
        if old_values is None:
            self.add("enum-added", request, location, f"values restricted to {_show(new_values)}")
            return
        if new_values is None:
            self.add("enum-removed", not request, location, f"no longer restricted to {_show(old_values)}")
            return
        old_set, new_set = {_show(value) for value in old_values}, {_show(value) for value in new_values}
        removed = [value for value in old_values if _show(value) not in new_set]
        added = [value for value in new_values if _show(value) not in old_set]
        if removed:
            self.add("enum-value-removed", request, location, f"enum value(s) {_show(removed)} removed")
        if added:
            self.add("enum-value-added", not request, location, f"enum value(s) {_show(added)} added")

    def constraints(self, location: str, request: bool, old: dict[str, Any], new: dict[str, Any]) -> None:
        """Format, pattern and bounds: tightening one on a request rejects values that were valid."""
        old_format, new_format = old.get("format"), new.get("format")
        if old_format != new_format:
            shown = f"format {_show(old_format)} -> {_show(new_format)}"
            if not request:
                typed = bool({old_format, new_format} & TYPED_FORMATS)
                detail = f"{shown} (the generated client parses it as a different type)" if typed else shown
                self.add("format-changed", typed, location, detail)
            elif new_format is None:
                self.add("constraint-loosened", False, location, shown)
            else:
                self.add("constraint-tightened", True, location, shown)
        if old.get("pattern") != new.get("pattern"):
            shown = f"pattern {_show(old.get('pattern'))} -> {_show(new.get('pattern'))}"
            if not request:
                self.add("constraint-changed", False, location, shown)
            elif new.get("pattern") is None:
                self.add("constraint-loosened", False, location, shown)
            else:
                self.add("constraint-tightened", True, location, shown)
        for keyword, upper, absent in BOUNDS:
            old_bound, new_bound = old.get(keyword, absent), new.get(keyword, absent)
            if old_bound == new_bound or not all(isinstance(b, int | float) for b in (old_bound, new_bound)):
                continue
            shown = f"{keyword} {_show(old.get(keyword))} -> {_show(new.get(keyword))}"
            tightened = new_bound < old_bound if upper else new_bound > old_bound
            if not request:
                self.add("constraint-changed", False, location, shown)
            elif tightened:
                self.add("constraint-tightened", True, location, shown)
            else:
                self.add("constraint-loosened", False, location, shown)
        old_closed = old.get("additionalProperties") is False
        new_closed = new.get("additionalProperties") is False
        if old_closed != new_closed:
            shown = "additionalProperties: false " + ("added" if new_closed else "removed")
            if request and new_closed:
                self.add("constraint-tightened", True, location, f"{shown} (undocumented fields are rejected)")
            else:
                self.add("constraint-loosened" if request else "constraint-changed", False, location, shown)

    def properties(self, base: str, direction: str, old: dict[str, Any], new: dict[str, Any], path: str) -> None:
        request = direction == REQUEST
        old_props, new_props = old.get("properties") or {}, new.get("properties") or {}
        old_required, new_required = set(old.get("required") or []), set(new.get("required") or [])
        for name in old_props:
            if name not in new_props:
                self.add("property-removed", True, _at(base, _child(path, name)), f"{direction} property removed")
        for name, new_node in new_props.items():
            location = _at(base, _child(path, name))
            if name not in old_props:
                if request and name in new_required:
                    self.add("required-property-added", True, location, "new required request property")
                else:
                    optional = "" if not request else "optional "
                    self.add("property-added", False, location, f"{optional}{direction} property added")
                continue
            if (name in old_required) != (name in new_required):
                now_required = name in new_required
                kind = "property-now-required" if now_required else "property-now-optional"
                # A request must not demand more; a response must not promise less.
                breaking = now_required if request else not now_required
                reason = "" if request or now_required else " (clients can no longer rely on it being present)"
                self.add(kind, breaking, location, f"{direction} property is now {kind.split('-')[-1]}{reason}")
            self.schema(base, direction, old_props[name], new_node, _child(path, name))
        if isinstance(old.get("additionalProperties"), dict) and isinstance(new.get("additionalProperties"), dict):
            self.schema(base, direction, old["additionalProperties"], new["additionalProperties"], _child(path, "*"))

    def variants(self, base: str, direction: str, old: dict[str, Any], new: dict[str, Any], path: str) -> None:
        """``oneOf``/``anyOf`` branches, matched by component name (else by position)."""
        request = direction == REQUEST
        location = _at(base, path)
        for keyword in ("oneOf", "anyOf"):
            old_branches, new_branches = old.get(keyword), new.get(keyword)
            if old_branches is None and new_branches is None:
                continue
            if old_branches is None or new_branches is None:
                state = "introduced" if old_branches is None else "removed"
                self.add("type-changed", True, location, f"{keyword} {state}: the value's shape changed")
                continue
            old_keyed, new_keyed = (
                self._branches(self.old, old_branches),
                self._branches(self.new, new_branches),
            )
            for name in old_keyed:
                if name not in new_keyed:
                    self.add("variant-removed", request, location, f"{keyword} branch {name} removed")
            for name in new_keyed:
                if name not in old_keyed:
                    self.add("variant-added", not request, location, f"{keyword} branch {name} added")
            for name in (name for name in new_keyed if name in old_keyed):
                self.schema(base, direction, old_keyed[name], new_keyed[name], f"{path}({name})")

    @staticmethod
    def _branches(document: dict[str, Any], branches: list[Any]) -> dict[str, Any]:
        keyed = {}
        for index, branch in enumerate(branches):
            name = component_name(deref(document, branch)[1]) if isinstance(branch, dict) else None
            keyed[name or f"#{index}"] = branch
        return keyed


def _show_types(types: set[str] | None) -> str:
    return "any" if types is None else "|".join(sorted(types))


def _within(inner: set[str] | None, outer: set[str] | None) -> bool:
    """Every value of a type in ``inner`` is also allowed by ``outer`` (None means any type)."""
    if outer is None:
        return True
    if inner is None:
        return False
    return all(kind in outer or (kind == "integer" and "number" in outer) for kind in inner)
