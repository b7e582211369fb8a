"""Compare two versions of one schema, knowing whether the client sends it (request) or receives it (response).

The direction decides what breaks: a request must keep accepting everything it accepted (so a bound
tightened, an enum value removed or a property newly required break callers), a response must not
send what the client did not expect (a property removed, a value that may now be null). Every change
is reported under a rule of ``diffrules`` named for its direction (``request-type-narrowed``,
``response-nullable-added``).

Inside a ``readOnly`` request property (which the client never sends) and a ``writeOnly`` response
property (which the vendor never returns) nothing can break, so every change found there is reported
under one quiet rule instead. Schemas are compared in normal form (``schemanorm``); a pair of schemas
already being compared further up (a cycle of ``$ref``s, or a merged ``allOf`` that contains itself)
is not entered again, so two specs with the same cycle compare as equal, and any cycle ends.

A schema written the same on both sides whose references all lead to components that are the same on
both sides cannot hold a change, and is not walked: most of a spec is unchanged from one version to
the next, and that is what keeps a diff fast.
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from ..spec.specresolve import component_name, deref
from ..spec.specshape import mapping, ordered, sequence, show
from .diffmodel import ChangeLog, SpecReadError
from .diffwords import WORD_KEYS, compare_words
from .schemanorm import LOWER_BOUNDS, UPPER_BOUNDS, VALIDATION_KEYWORDS, node_identity, normalise, types_of

Schema = dict[str, Any]
REQUEST, RESPONSE = "request", "response"
# Schemas nested deeper than this (property in property in ...) are refused rather than overflow the stack.
MAX_SCHEMA_DEPTH = 100
# Formats the generated client turns into another Python type (datetime, date, UUID, File).
TYPED_FORMATS = frozenset({"date", "date-time", "uuid", "binary"})
# Count bounds: (lower keyword, upper keyword, the lower bound when absent).
COUNTS = (("minLength", "maxLength", 0), ("minItems", "maxItems", 0), ("minProperties", "maxProperties", 0))
CONTAINS_COUNTS = (("minContains", "maxContains", 1),)
# Keywords with a rule of their own below; any other that changes is "schema-keyword-changed".
KEYWORDS_WITH_RULES = frozenset(
    {
        "$ref", "type", "enum", "x-extensible-enum", "format", "pattern", "additionalProperties",
        "properties", "required", "items", "anyOf", "oneOf", "default", "readOnly", "writeOnly",
        "multipleOf", "uniqueItems", *LOWER_BOUNDS, *UPPER_BOUNDS, *WORD_KEYS,
    }
)  # fmt: skip


@dataclass(frozen=True)
class Context:
    """Where a schema is: the location prefix, the direction, and what its changes are reported as."""

    base: str
    direction: str
    parameter: bool = False  # the schema of a parameter (its default has a rule of its own)
    muted: str | None = None  # inside a property the client never sends (or never receives)

    @property
    def request(self) -> bool:
        return self.direction == REQUEST


def member_names(schema: Schema) -> dict[str, str]:
    """The generated enum's member name of each value (keyed by its JSON text), as openapi-python-client
    names them: from ``x-enum-varnames`` when it names every value, else from the value itself."""
    values = sequence(schema.get("enum"))
    names = sequence(schema.get("x-enum-varnames"))
    use_names = len(names) == len(values)
    found = {}
    for index, value in enumerate(values):
        if use_names:
            name = str(names[index]).upper()
        elif isinstance(value, int) and not isinstance(value, bool):
            name = f"VALUE_NEGATIVE_{-value}" if value < 0 else f"VALUE_{value}"
        elif isinstance(value, str) and value[:1].isalpha():
            name = value.upper()
        else:
            name = f"VALUE_{index}"
        found[show(value)] = name
    return found


def _at(base: str, path: str) -> str:
    return f"{base} {path}" if path else base


def _child(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


class SchemaComparer:
    """Compares schemas of two documents, reporting into a ``ChangeLog``."""

    def __init__(self, old: Schema, new: Schema, log: ChangeLog) -> None:
        self.old, self.new = old, new
        self.log = log
        self._in_progress: set[tuple[Hashable, Hashable]] = set()
        self._normal: dict[tuple[bool, Hashable], tuple[Schema, str | None]] = {}
        self._stable = _unchanged_components(old, new)

    def compare(self, base: str, direction: str, old: Any, new: Any, *, parameter: bool = False) -> None:
        """Compare the schemas ``old`` and ``new`` found at ``base`` (e.g. ``POST /x request``)."""
        self._schema(Context(base, direction, parameter), old, new, "", 0)

    # -- plumbing ---------------------------------------------------------------------------------------

    def _emit(self, ctx: Context, rule: str, location: str, detail: str) -> None:
        if ctx.muted:
            never = "client never sends" if ctx.request else "vendor never returns"
            rule, detail = ctx.muted, f"{detail} (in a property the {never})"
        self.log.add(rule, location, detail)

    def _directed(self, ctx: Context, rule: str, location: str, detail: str) -> None:
        """Emit ``<direction>-<rule>`` (``request-type-narrowed``)."""
        self._emit(ctx, f"{ctx.direction}-{rule}", location, detail)

    def _normalise(self, new_side: bool, node: Any) -> tuple[Schema, str | None]:
        key = (new_side, node_identity(node))
        if key not in self._normal:
            self._normal[key] = normalise(self.new if new_side else self.old, node)
        return self._normal[key]

    # -- one pair of schemas ----------------------------------------------------------------------------

    def _schema(
        self, ctx: Context, old_node: Any, new_node: Any, path: str, depth: int, *, is_property: bool = False
    ) -> None:
        location = _at(ctx.base, path)
        if depth > MAX_SCHEMA_DEPTH:
            raise SpecReadError(f"{location}: schemas nested more than {MAX_SCHEMA_DEPTH} levels deep; cannot compare")
        if old_node == new_node and _references(old_node) <= self._stable:
            return  # the same text leading to the same components: nothing in it can differ
        old, old_ref = self._normalise(False, old_node)
        new, new_ref = self._normalise(True, new_node)
        self._renamed(ctx, location, old, old_ref, new_ref)
        key = (old_ref or node_identity(old_node), new_ref or node_identity(new_node))
        if key in self._in_progress:
            return  # this pair is being compared further up: a cycle, compared once
        self._in_progress.add(key)
        try:
            self._compare(ctx, old, new, path, depth, is_property)
        finally:
            self._in_progress.discard(key)

    def _renamed(self, ctx: Context, location: str, old: Schema, old_ref: str | None, new_ref: str | None) -> None:
        old_name, new_name = component_name(old_ref), component_name(new_ref)
        if old_name and new_name and old_name != new_name:
            detail = f"now refers to schema {new_name} instead of {old_name}"
            if old.get("properties") or old.get("enum"):
                self._emit(ctx, "schema-renamed", location, f"{detail} (the generated model/enum class is renamed)")
            else:
                self._emit(ctx, "component-renamed", location, detail)

    def _compare(self, ctx: Context, old: Schema, new: Schema, path: str, depth: int, is_property: bool) -> None:
        location = _at(ctx.base, path)
        if "$ref" in old or "$ref" in new:  # a reference this module does not follow (not local, or broken)
            if old.get("$ref") != new.get("$ref"):
                detail = f"$ref {show(old.get('$ref'))} -> {show(new.get('$ref'))} (not followed)"
                self._directed(ctx, "type-changed", location, detail)
            return
        handled = frozenset({"x-extensible-enum", "x-enum-varnames"})
        compare_words(partial(self._emit, ctx), location, old, new, handled=handled)
        self._default(ctx, location, old, new, path)
        if not is_property:  # a property's readOnly/writeOnly are compared with the property
            self._access(ctx, location, old, new, ("readOnly", "writeOnly"))
        if not self._types(ctx, location, old, new):
            return  # unrelated types: what lies inside is not comparable
        self._enum(ctx, location, old, new)
        self._format(ctx, location, old, new)
        self._patterns(ctx, location, old, new)
        self._constraints(ctx, location, old, new)
        self._properties(ctx, old, new, path, depth)
        self._nested(ctx, old, new, path, depth)
        self._variants(ctx, old, new, path, depth)
        self._keywords(ctx, location, old, new)

    # -- annotations with an effect -------------------------------------------------------------------

    def _default(self, ctx: Context, location: str, old: Schema, new: Schema, path: str) -> None:
        """A request default is sent by the generated client itself; a response default is only words."""
        if old.get("default") == new.get("default") and ("default" in old) == ("default" in new):
            return
        if "default" not in old:
            detail = f"default {show(new['default'])} added"
        elif "default" not in new:
            detail = f"default {show(old['default'])} removed"
        else:
            detail = f"default {show(old['default'])} -> {show(new['default'])}"
        if ctx.parameter and not path:
            self._emit(ctx, "parameter-default-changed", location, f"{detail} (the generated function's default)")
        elif ctx.request:
            self._emit(ctx, "request-default-changed", location, f"{detail} (the generated model sends it)")
        else:
            self._emit(ctx, "response-default-changed", location, detail)

    def _access(self, ctx: Context, location: str, old: Schema, new: Schema, flags: tuple[str, ...]) -> None:
        for flag in flags:
            if bool(old.get(flag)) != bool(new.get(flag)):
                self._emit(
                    ctx, "access-annotation-changed", location, f"{flag} {bool(old.get(flag))} -> {bool(new.get(flag))}"
                )

    # -- what values are allowed ----------------------------------------------------------------------

    def _types(self, ctx: Context, location: str, old: Schema, new: Schema) -> bool:
        """Type and nullability; False when the types are unrelated (nothing more to compare)."""
        old_types, new_types = types_of(old), types_of(new)
        old_plain = None if old_types is None else old_types - {"null"}
        new_plain = None if new_types is None else new_types - {"null"}
        if old_plain != new_plain:
            shown = f"type {_show_types(old_types)} -> {_show_types(new_types)}"
            if _within(new_plain, old_plain):
                self._directed(ctx, "type-narrowed", location, shown)
            elif _within(old_plain, new_plain):
                self._directed(ctx, "type-widened", location, shown)
            else:
                self._directed(ctx, "type-changed", location, shown)
                return False
        if old_types is not None and new_types is not None and ("null" in old_types) != ("null" in new_types):
            if "null" in new_types:
                self._directed(ctx, "nullable-added", location, "may now be null")
            else:
                self._directed(ctx, "nullable-removed", location, "may no longer be null")
        return True

    def _enum(self, ctx: Context, location: str, old: Schema, new: Schema) -> None:
        old_values, new_values = old.get("enum"), new.get("enum")
        if old_values is not None or new_values is not None:
            if old_values is None:
                self._directed(ctx, "enum-added", location, f"values restricted to {show(new_values)}")
            elif new_values is None:
                self._directed(ctx, "enum-removed", location, f"no longer restricted to {show(old_values)}")
            else:
                removed, added = _difference(old_values, new_values), _difference(new_values, old_values)
                if removed:
                    self._directed(ctx, "enum-value-removed", location, f"enum value(s) {show(removed)} removed")
                if added:
                    self._directed(ctx, "enum-value-added", location, f"enum value(s) {show(added)} added")
        # x-extensible-enum lists the values known today; a client must accept others, so only a value a
        # request can no longer send matters.
        old_known, new_known = sequence(old.get("x-extensible-enum")), sequence(new.get("x-extensible-enum"))
        if old_known != new_known:
            removed = _difference(old_known, new_known)
            if ctx.request and removed and new_known:
                self._emit(
                    ctx, "request-enum-value-removed", location, f"x-extensible-enum value(s) {show(removed)} removed"
                )
            else:
                self._emit(ctx, "extension-changed", location, "x-extensible-enum changed")
        self._member_names(ctx, location, old, new)

    def _member_names(self, ctx: Context, location: str, old: Schema, new: Schema) -> None:
        """``x-enum-varnames`` names the generated enum's members: a value whose name changes breaks code
        naming it, wherever the enum is used (a member read from a response is named too)."""
        if old.get("x-enum-varnames") == new.get("x-enum-varnames"):
            return
        old_names, new_names = member_names(old), member_names(new)
        renamed = [
            f"{old_names[key]} -> {new_names[key]}"
            for key in old_names
            if key in new_names and old_names[key] != new_names[key]
        ]
        if renamed:
            self.log.add("enum-names-changed", location, f"enum members renamed: {', '.join(renamed)}")
        else:
            self._emit(ctx, "extension-changed", location, "x-enum-varnames changed")

    def _format(self, ctx: Context, location: str, old: Schema, new: Schema) -> None:
        old_format, new_format = old.get("format"), new.get("format")
        if old_format == new_format:
            return
        shown = f"format {show(old_format)} -> {show(new_format)}"
        typed = {show(old_format), show(new_format)} & {show(name) for name in TYPED_FORMATS}
        if typed:
            self._emit(ctx, "format-type-changed", location, f"{shown} (the generated client uses another Python type)")
        elif new_format is None:
            self._directed(ctx, "format-removed", location, shown)
        elif old_format is None:
            self._directed(ctx, "format-added", location, shown)
        else:
            self._directed(ctx, "format-changed", location, shown)

    def _patterns(self, ctx: Context, location: str, old: Schema, new: Schema) -> None:
        old_patterns, new_patterns = set(old.get("pattern") or ()), set(new.get("pattern") or ())
        if old_patterns == new_patterns:
            return
        shown = f"pattern {_show_patterns(old_patterns)} -> {_show_patterns(new_patterns)}"
        added, removed = new_patterns - old_patterns, old_patterns - new_patterns
        kind = "pattern-changed" if added and removed else "pattern-added" if added else "pattern-removed"
        self._directed(ctx, kind, location, shown)

    def _constraints(self, ctx: Context, location: str, old: Schema, new: Schema) -> None:
        """Bounds, multipleOf, uniqueItems and additionalProperties: false, each tightened or loosened.

        A change that is neither (multipleOf 4 -> 6) is reported the safe way for its direction: as a
        tightening of a request, and as a loosening of a response.
        """
        found: list[tuple[str, str]] = []  # (tighter / looser / changed, what)
        for side, pick in (("lower", _lower), ("upper", _upper)):
            old_bound, new_bound = pick(old), pick(new)
            if old_bound != new_bound:
                state = "tighter" if _tighter(new_bound, old_bound, lower=side == "lower") else "looser"
                found.append((state, f"{side} bound {_show_bound(old_bound, side)} -> {_show_bound(new_bound, side)}"))
        counts = COUNTS + (CONTAINS_COUNTS if "contains" in old or "contains" in new else ())
        for low, high, absent in counts:
            for keyword, floor in ((low, absent), (high, math.inf)):
                old_value, new_value = old.get(keyword, floor), new.get(keyword, floor)
                if old_value != new_value:
                    tighter = new_value > old_value if keyword == low else new_value < old_value
                    shown = f"{keyword} {_optional(old.get(keyword))} -> {_optional(new.get(keyword))}"
                    found.append(("tighter" if tighter else "looser", shown))
        old_step, new_step = old.get("multipleOf"), new.get("multipleOf")
        if old_step != new_step:
            found.append(
                (_step_change(old_step, new_step), f"multipleOf {_optional(old_step)} -> {_optional(new_step)}")
            )
        old_unique, new_unique = bool(old.get("uniqueItems")), bool(new.get("uniqueItems"))
        if old_unique != new_unique:
            found.append(("tighter" if new_unique else "looser", f"uniqueItems {old_unique} -> {new_unique}"))
        old_closed, new_closed = old.get("additionalProperties") is False, new.get("additionalProperties") is False
        if old_closed != new_closed:
            what = "additionalProperties: false " + (
                "added (undocumented fields are refused)" if new_closed else "removed"
            )
            found.append(("tighter" if new_closed else "looser", what))
        for state, what in found:
            tightened = state == "tighter" or (state == "changed" and ctx.request)
            self._directed(ctx, "constraint-tightened" if tightened else "constraint-loosened", location, what)

    # -- what is inside -------------------------------------------------------------------------------

    def _properties(self, ctx: Context, old: Schema, new: Schema, path: str, depth: int) -> None:
        old_props, new_props = mapping(old.get("properties")), mapping(new.get("properties"))
        old_required, new_required = set(sequence(old.get("required"))), set(sequence(new.get("required")))
        hidden = "readOnly" if ctx.request else "writeOnly"  # the flag that keeps a property out of this direction
        for name in old_props:
            if name not in new_props:
                location = _at(ctx.base, _child(path, name))
                quiet = self._quiet(ctx, self._normalise(False, old_props[name])[0].get(hidden))
                self._directed(quiet, "property-removed", location, f"{ctx.direction} property removed")
        for name, new_node in new_props.items():
            location = _at(ctx.base, _child(path, name))
            new_prop = self._normalise(True, new_node)[0]
            if name not in old_props:
                quiet = self._quiet(ctx, new_prop.get(hidden))
                if ctx.request and name in new_required and not quiet.muted:
                    self._emit(quiet, "request-required-property-added", location, "new required request property")
                else:
                    optional = "optional " if ctx.request else ""
                    self._directed(quiet, "property-added", location, f"{optional}{ctx.direction} property added")
                continue
            old_prop = self._normalise(False, old_props[name])[0]
            inner = self._access_change(ctx, location, old_prop, new_prop, hidden)
            if (name in old_required) != (name in new_required):
                now = "required" if name in new_required else "optional"
                self._directed(inner, f"property-now-{now}", location, f"{ctx.direction} property is now {now}")
            self._schema(inner, old_props[name], new_node, _child(path, name), depth + 1, is_property=True)

    def _quiet(self, ctx: Context, hidden: Any) -> Context:
        """The context of a property the client never sends (readOnly request) or never gets (writeOnly response)."""
        if not hidden or ctx.muted:
            return ctx
        return replace(ctx, muted=f"{ctx.direction}-{'read-only' if ctx.request else 'write-only'}-property-changed")

    def _access_change(self, ctx: Context, location: str, old: Schema, new: Schema, hidden: str) -> Context:
        """readOnly (request) or writeOnly (response) set or unset on a property; the context inside it."""
        was, now = bool(old.get(hidden)), bool(new.get(hidden))
        flag = "read-only" if ctx.request else "write-only"
        if now and not was:
            self._emit(ctx, f"{ctx.direction}-property-now-{flag}", location, f"{hidden} added")
        elif was and not now:
            self._emit(ctx, f"{ctx.direction}-property-no-longer-{flag}", location, f"{hidden} removed")
        other = "writeOnly" if hidden == "readOnly" else "readOnly"
        self._access(ctx, location, old, new, (other,))
        return self._quiet(ctx, was or now)

    def _nested(self, ctx: Context, old: Schema, new: Schema, path: str, depth: int) -> None:
        """Array items, and the schema of additional properties (when neither side forbids them)."""
        if "items" in old or "items" in new:
            self._schema(ctx, old.get("items"), new.get("items"), f"{path}[]", depth + 1)
        old_extra, new_extra = old.get("additionalProperties"), new.get("additionalProperties")
        schemas = isinstance(old_extra, dict) or isinstance(new_extra, dict)
        if schemas and old_extra is not False and new_extra is not False:
            self._schema(ctx, old_extra, new_extra, _child(path, "*"), depth + 1)

    def _variants(self, ctx: Context, old: Schema, new: Schema, path: str, depth: int) -> None:
        """``oneOf``/``anyOf`` branches, matched by component name (else by position)."""
        location = _at(ctx.base, path)
        for keyword in ("oneOf", "anyOf"):
            old_branches, new_branches = old.get(keyword), new.get(keyword)
            if old_branches is None and new_branches is None:
                continue
            if old_branches is None or new_branches is None:
                state = "introduced" if old_branches is None else "removed"
                self._emit(ctx, "schema-structure-changed", location, f"{keyword} {state}: the value's shape changed")
                continue
            old_keyed, new_keyed = self._branches(self.old, old_branches), self._branches(self.new, new_branches)
            for name in old_keyed:
                if name not in new_keyed:
                    self._directed(ctx, "variant-removed", location, f"{keyword} branch {name} removed")
            for name in new_keyed:
                if name not in old_keyed:
                    self._directed(ctx, "variant-added", location, f"{keyword} branch {name} added")
            for name in (name for name in new_keyed if name in old_keyed):
                self._schema(ctx, old_keyed[name], new_keyed[name], f"{path}({name})", depth + 1)

    @staticmethod
    def _branches(document: Schema, branches: list[Any]) -> Schema:
        keyed = {}
        for index, branch in enumerate(branches):
            name = component_name(deref(document, branch)[1]) if isinstance(branch, dict) else None
            keyed[name if name and name not in keyed else f"#{index}"] = branch
        return keyed

    def _keywords(self, ctx: Context, location: str, old: Schema, new: Schema) -> None:
        """Validation keywords (compared as a whole: added, removed, changed) and any other keyword."""
        others = []
        for key in ordered((old.keys() | new.keys()) - KEYWORDS_WITH_RULES):
            if key.startswith("x-") or old.get(key) == new.get(key) and (key in old) == (key in new):
                continue
            if key not in VALIDATION_KEYWORDS:
                others.append(key)
            elif key in old and key in new or key == "prefixItems":  # prefixItems shifts what `items` covers
                self._directed(ctx, "keyword-changed", location, f"{key} changed")
            else:
                state = "added" if key in new else "removed"
                self._directed(ctx, f"keyword-{state}", location, f"{key} {state}")
        if others:
            self._emit(ctx, "schema-keyword-changed", location, f"{', '.join(others)} changed")


def _references(node: Any) -> set[str]:
    """Every ``$ref`` written anywhere inside ``node``."""
    found: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str):
                found.add(ref)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _unchanged_components(old: dict[str, Any], new: dict[str, Any]) -> set[str]:
    """The references to components that are the same in both documents, and refer only to such components."""
    old_components, new_components = mapping(old.get("components")), mapping(new.get("components"))
    candidates: dict[str, set[str]] = {}
    for section, old_entries in old_components.items():
        old_entries, new_entries = mapping(old_entries), mapping(new_components.get(section))
        for name, value in old_entries.items():
            if name in new_entries and new_entries[name] == value:
                escaped = name.replace("~", "~0").replace("/", "~1")
                candidates[f"#/components/{section}/{escaped}"] = _references(value)
    stable = set(candidates)
    while True:  # drop those that refer to something changed, until nothing more is dropped
        dropped = {ref for ref in stable if not candidates[ref] <= stable}
        if not dropped:
            return stable
        stable -= dropped


def _difference(values: list[Any], others: list[Any]) -> list[Any]:
    keys = {show(value) for value in others}
    return [value for value in values if show(value) not in keys]


def _show_types(types: set[str] | None) -> str:
    return "any" if types is None else "|".join(sorted(types)) or "none"


def _show_patterns(patterns: set[str]) -> str:
    return show(sorted(patterns)[0]) if len(patterns) == 1 else show(sorted(patterns)) if patterns else "none"


def _within(inner: set[str] | None, outer: set[str] | None) -> bool:
    """Every value of a type in ``inner`` is also allowed by ``outer`` (None means any type)."""
    if outer is None:
        return True
    if inner is None:
        return False
    return all(kind in outer or (kind == "integer" and "number" in outer) for kind in inner)


Bound = tuple[float, bool] | None  # (value, exclusive), None when unbounded


def _lower(schema: Schema) -> Bound:
    return _strictest(schema.get("minimum"), schema.get("exclusiveMinimum"), lower=True)


def _upper(schema: Schema) -> Bound:
    return _strictest(schema.get("maximum"), schema.get("exclusiveMaximum"), lower=False)


def _strictest(inclusive: Any, exclusive: Any, *, lower: bool) -> Bound:
    """The effective bound of ``minimum``/``exclusiveMinimum`` (or the maximum pair) together."""
    bounds = [(value, strict) for value, strict in ((inclusive, False), (exclusive, True)) if value is not None]
    if not bounds:
        return None
    pick = max if lower else min
    value = pick(value for value, _strict in bounds)
    return value, any(strict for bound, strict in bounds if bound == value)


def _tighter(new: Bound, old: Bound, *, lower: bool) -> bool:
    """Whether the bound ``new`` allows fewer values than ``old``."""
    if new is None or old is None:
        return old is None
    if new[0] != old[0]:
        return new[0] > old[0] if lower else new[0] < old[0]
    return new[1] and not old[1]


def _show_bound(bound: Bound, side: str) -> str:
    if bound is None:
        return "none"
    sign = (">" if bound[1] else ">=") if side == "lower" else ("<" if bound[1] else "<=")
    return f"{sign} {show(bound[0])}"


def _step_change(old: Any, new: Any) -> str:
    """multipleOf: set is tighter, removed looser; a step dividing the old one allows more, a multiple fewer."""
    if old is None or new is None:
        return "tighter" if old is None else "looser"
    if all(isinstance(step, int | float) for step in (old, new)):
        if _divides(new, old):
            return "looser"
        if _divides(old, new):
            return "tighter"
    return "changed"


def _divides(step: float, value: float) -> bool:
    ratio = value / step
    return math.isclose(ratio, round(ratio))


def _optional(value: Any) -> str:
    return "none" if value is None else show(value)
