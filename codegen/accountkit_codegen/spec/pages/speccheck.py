"""Does the spec cover the page? Find each page row in the OpenAPI document and say how they disagree.

For every row: is it in the spec (parameter, security scheme, request body, 2xx or error body), with a
compatible type, the page's description (its first sentence), and every constraint the page states
(required, read-only, pattern, value list or range, lengths)? For every page example: is it one of the
spec's examples, once that example's documented substitutions are made? Each finding carries the JSON
pointer of the place in ``specs/<api>.yaml`` to edit: the field itself, or where a missing one belongs.

The functions take the spec as a plain dict, so tests can feed them doctored specs. A property carrying
``x-accountkit-wire`` documents a deliberate departure from the table (the wire wins, specs/README.md),
so it may differ in type or turn a contradictory value list into a note. A property may also depart
from one of the page's marks (``readOnly``, ``required``) where a primary source says otherwise:
``x-accountkit-page-differs: {<mark>: {why: ..., x-accountkit-source: <source key>}}`` names the mark,
the reason and a source the document defines; only that mark of that property is then not required
to match, and an entry without a reason or a defined source excuses nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .apis import PageBinding
from .examples import apply_substitutions, first_difference, same
from .model import Operation, Row

HTTP_METHODS = ("get", "put", "post", "patch", "delete", "head", "options", "trace")
MAX_DEPTH = 12  # nesting and $ref chains deeper than this are not followed (a cycle, or a hostile spec)


class SpecShapeError(ValueError):
    """The spec lacks what the page is bound to (an operation), or has a $ref that goes nowhere."""


# --- reading a spec ------------------------------------------------------------------------------


def escape(token: Any) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def pointer(*tokens: Any) -> str:
    """A JSON pointer from its tokens: pointer("paths", "/a/{b}", "get") == "/paths/~1a~1{b}/get"."""
    return "".join("/" + escape(t) for t in tokens)


def deref(doc: dict[str, Any], ref: str) -> Any:
    """A local JSON pointer ("#/components/schemas/X"); our specs are single documents."""
    if not isinstance(ref, str) or not ref.startswith("#"):
        raise SpecShapeError(f"only local $refs are supported: {ref!r}")
    node: Any = doc
    for part in ref[1:].split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        try:
            node = node[int(part)] if isinstance(node, list) else node[part]
        except (KeyError, IndexError, ValueError, TypeError):
            raise SpecShapeError(f"$ref {ref} points nowhere") from None
    return node


def resolve(doc: dict[str, Any], node: Any) -> Any:
    """Follow $ref chains; keywords beside a $ref (per-use descriptions, 3.1) override the target's."""
    return resolve_at(doc, node, "")[0]


def resolve_at(doc: dict[str, Any], node: Any, at: str) -> tuple[Any, str]:
    """``resolve``, also returning the pointer of the node whose keywords were reached last."""
    for _ in range(MAX_DEPTH * 2):
        if not (isinstance(node, dict) and "$ref" in node):
            return node, at
        at = node["$ref"][1:] if isinstance(node["$ref"], str) else at
        node = {**deref(doc, node["$ref"]), **{k: v for k, v in node.items() if k != "$ref"}}
    raise SpecShapeError(f"$ref chain too long at {at}")


def annotation_values(doc: dict[str, Any], node: Any, key: str, depth: int = 0) -> list[Any]:
    """Every value of `key` on a schema, its $ref targets and its allOf/anyOf/oneOf branches."""
    if not isinstance(node, dict) or depth > MAX_DEPTH:
        return []
    out = [node[key]] if key in node else []
    if "$ref" in node:
        out += annotation_values(doc, deref(doc, node["$ref"]), key, depth + 1)
    for k in ("allOf", "anyOf", "oneOf"):
        for branch in node.get(k, []):
            out += annotation_values(doc, branch, key, depth + 1)
    return out


def variants(doc: dict[str, Any], node: Any, depth: int = 0) -> list[dict[str, Any]]:
    """The concrete shapes a schema allows, one "type" each: anyOf/oneOf branches and type lists are
    split, allOf is merged, "null" is dropped (nullability does not change the page type)."""
    node = resolve(doc, node) if isinstance(node, dict) else {}
    if depth > MAX_DEPTH:
        return [node]
    base = {k: v for k, v in node.items() if k not in ("allOf", "anyOf", "oneOf")}
    for branch in node.get("allOf", []):
        for v in variants(doc, branch, depth + 1)[:1]:
            base = {**v, **base}
    alts = node.get("anyOf", []) + node.get("oneOf", [])
    shapes = [{**base, **v} for b in alts for v in variants(doc, b, depth + 1)] if alts else [base]
    out = []
    for v in shapes:
        t = v.get("type")
        if t is None and "enum" in v:  # an untyped enum: its values say the type
            t = sorted({_json_type(e) for e in v["enum"]})
        if isinstance(t, list):
            out += [{**v, "type": x} for x in t if x != "null"]
        elif t != "null":
            out.append(v)
    return out


def _json_type(value: Any) -> str:
    return {
        bool: "boolean",
        int: "integer",
        float: "number",
        str: "string",
        dict: "object",
        list: "array",
        type(None): "null",
    }.get(type(value), "string")


def _candidates(doc: dict[str, Any], node: Any, at: str, depth: int = 0) -> Iterator[tuple[dict[str, Any], str]]:
    """The object schemas a name may be looked up in without consuming a name, with their pointers: the
    schema, its composition branches, and (for arrays, however deep) its items."""
    node, at = resolve_at(doc, node, at)
    if not isinstance(node, dict) or depth > MAX_DEPTH:
        return
    yield node, at
    for k in ("allOf", "anyOf", "oneOf"):
        for i, branch in enumerate(node.get(k, [])):
            yield from _candidates(doc, branch, f"{at}/{k}/{i}", depth + 1)
    if isinstance(node.get("items"), dict):
        yield from _candidates(doc, node["items"], f"{at}/items", depth + 1)


class Target(NamedTuple):
    """Where a row was found. schema: the property/parameter schema (None for security schemes);
    holder: the parameter or security scheme object (None for body properties); pointer: where the
    property, parameter or scheme is written in the spec."""

    schema: Any
    holder: dict[str, Any] | None
    required: bool
    pointer: str = ""


def find_property(doc: dict[str, Any], root: Any, dotted: str, at: str = "") -> Target | None:
    """Walk `a.b.c` through properties, items and composition; `required` is read from the parent."""
    return _walk_property(doc, root, dotted, at)[0]


def _walk_property(doc: dict[str, Any], root: Any, dotted: str, at: str) -> tuple[Target | None, str]:
    """(the target, or None and the pointer of the `properties` where the first missing name belongs)."""
    node, required, node_at = root, False, at
    for seg in filter(None, dotted.split(".")):
        cands = list(_candidates(doc, node, node_at))
        hit = next(
            (
                (c["properties"][seg], f"{p}/properties/{escape(seg)}")
                for c, p in cands
                if seg in c.get("properties", {})
            ),
            None,
        )
        if hit is None:
            home = next(
                (p for c, p in cands if isinstance(c.get("properties"), dict)), cands[0][1] if cands else node_at
            )
            return None, f"{home}/properties"
        (node, node_at), required = hit, any(seg in c.get("required", []) for c, _ in cands)
    return Target(node, None, required, node_at), node_at


def find_operation(doc: dict[str, Any], operation_id: str) -> tuple[dict[str, Any], dict[str, Any], str]:
    """(path item, operation, the operation's pointer) of the operation with this operationId."""
    for path, item in (doc.get("paths") or {}).items():
        item, item_at = resolve_at(doc, item, pointer("paths", path))
        for method in HTTP_METHODS:
            op = item.get(method) if isinstance(item, dict) else None
            if isinstance(op, dict) and op.get("operationId") == operation_id:
                return item, op, f"{item_at}/{method}"
    raise SpecShapeError(f"no operation {operation_id!r}")


def _media_schemas(doc: dict[str, Any], holder: Any, at: str) -> list[tuple[Any, str]]:
    """(schema, pointer) of every media type of a request body or response."""
    holder, at = resolve_at(doc, holder, at)
    content = (holder or {}).get("content", {}) if isinstance(holder, dict) else {}
    return [
        (m["schema"], f"{at}/content/{escape(media)}/schema")
        for media, m in content.items()
        if isinstance(m, dict) and "schema" in m
    ]


def _body_roots(doc: dict[str, Any], binding: PageBinding, row: Row) -> tuple[list[tuple[Any, str]], list[str], str]:
    """(schemas to look in, the dotted names to try, where the body itself would be added)."""
    _, op, op_at = find_operation(doc, binding.operation_id)
    loc = row.location
    if loc == "request":
        roots = _media_schemas(doc, op.get("requestBody"), f"{op_at}/requestBody")
        names = [f"{p}.{row.name}" if p else row.name for p in binding.body_prefixes]
        return roots, names, f"{op_at}/requestBody"
    responses = op.get("responses", {}) or {}
    if loc == "response":
        roots = [
            s
            for code, r in responses.items()
            if str(code).startswith("2")
            for s in _media_schemas(doc, r, f"{op_at}/responses/{escape(code)}")
        ]
        return roots, [row.name], f"{op_at}/responses"
    if loc.startswith("error:"):
        code = loc.split(":")[1]
        key = next((k for k in (code, f"{code[0]}XX", "default") if k in responses), None)
        roots = _media_schemas(doc, responses[key], f"{op_at}/responses/{escape(key)}") if key else []
        return roots, [row.name], f"{op_at}/responses"
    raise SpecShapeError(f"unknown row location {loc!r}")


def locate(doc: dict[str, Any], binding: PageBinding, row: Row) -> Target | None:
    """Find a page row in the spec: parameters, security schemes, request body, 2xx or error bodies."""
    return _locate(doc, binding, row)[0]


def _locate(doc: dict[str, Any], binding: PageBinding, row: Row) -> tuple[Target | None, str]:
    """(the target or None, the pointer to edit: the target's, or where the missing row belongs)."""
    item, op, op_at = find_operation(doc, binding.operation_id)
    item_at = op_at.rsplit("/", 1)[0]
    loc = row.location
    if loc in ("path", "query", "header"):
        params = [(p, f"{item_at}/parameters/{i}") for i, p in enumerate(item.get("parameters", []))]
        params += [(p, f"{op_at}/parameters/{i}") for i, p in enumerate(op.get("parameters", []))]
        for p, p_at in params:
            p, p_at = resolve_at(doc, p, p_at)
            name = p.get("name", "")
            same_name = name.lower() == row.name.lower() if loc == "header" else name == row.name
            if p.get("in") == loc and same_name:
                return Target(p.get("schema", {}), p, bool(p.get("required")), p_at), p_at
        return None, f"{op_at}/parameters"
    if loc.startswith("auth-"):
        where = loc[len("auth-") :]
        security = op.get("security", doc.get("security", []))
        schemes = (doc.get("components") or {}).get("securitySchemes", {}) or {}
        for requirement in security:
            for scheme_name in requirement:
                s, s_at = resolve_at(
                    doc, schemes.get(scheme_name, {}), pointer("components", "securitySchemes", scheme_name)
                )
                api_key = (
                    s.get("type") == "apiKey"
                    and s.get("in") == where
                    and (
                        s.get("name", "").lower() == row.name.lower()
                        if where == "header"
                        else s.get("name") == row.name
                    )
                )
                http = s.get("type") == "http" and where == "header" and row.name.lower() == "authorization"
                if api_key or http:
                    return Target(None, s, {} not in security, s_at), s_at
        return None, f"{op_at}/security (and /components/securitySchemes)"
    roots, names, body_at = _body_roots(doc, binding, row)
    missing_at = body_at
    for root, root_at in roots:
        for name in names:
            found, at = _walk_property(doc, root, name, root_at)
            if found:
                return found, found.pointer
            if missing_at == body_at:
                missing_at = at
    return None, missing_at


# --- comparing a row with what was found ---------------------------------------------------------


def canon(page_type: str) -> tuple[Any, ...]:
    """A page's type word as ("integer",), ("array", inner) ... ; unknown words raise ValueError."""
    t = " ".join(page_type.split())
    m = re.fullmatch(r"array\[(.+)\]", t) or re.fullmatch(r"array of (\w+?)s", t)
    if m:
        return ("array", canon(m.group(1)))
    if t == "array" or t.startswith("Collection of "):
        return ("array", None)
    if t.startswith("Depends on"):
        return ("any",)
    simple = {
        "integer": "integer",
        "float": "number",
        "number": "number",
        "decimal number": "number",
        "bool": "boolean",
        "boolean": "boolean",
        "string": "string",
        "date": "date",
        "date-time": "date-time",
        "globally unique identifier": "uuid",
        "object": "object",
    }
    if t in simple:
        return (simple[t],)
    if re.fullmatch(r"[A-Z]\w*", t):  # a model name (2sms "Error", "ResponseDataOfObject")
        return ("object",)
    raise ValueError(f"unknown page type {page_type!r}")


def compatible(doc: dict[str, Any], schema: Any, want: tuple[Any, ...]) -> bool:
    """Whether some shape the schema allows carries the page's type."""
    if want == ("any",):
        return True
    for v in variants(doc, schema):
        t = v.get("type")
        if want[0] == "array":
            if t == "array" and (want[1] is None or compatible(doc, v.get("items", {}), want[1])):
                return True
        elif want == ("date",):
            if t == "string" and (v.get("format") in ("date", "date-time") or "pattern" in v):
                return True
        elif want == ("date-time",):
            if t == "string":
                return True
        elif want == ("uuid",):
            if t == "string" and v.get("format") == "uuid":
                return True
        elif t == want[0]:
            return True
    return False


def shape(doc: dict[str, Any], schema: Any) -> str:
    """A short description of a schema's shapes for messages."""
    parts = []
    for v in variants(doc, schema):
        s = str(v.get("type", "untyped"))
        if v.get("format"):
            s += f"({v['format']})"
        if v.get("type") == "array":
            s += f"[{shape(doc, v.get('items', {}))}]"
        parts.append(s)
    return "|".join(parts) or "nothing"


def first_sentence(description: str) -> str:
    """The page description's first paragraph (before bullets), first sentence, whitespace normalised."""
    para = re.split(r"\n\s*\n|\n\s*•", description.replace("\xa0", " "), maxsplit=1)[0]
    para = " ".join(para.split())
    return re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"(%])", para, maxsplit=1)[0]


PAGE_MARKS = ("readOnly", "required")  # the page's marks a spec may depart from, with a source


def page_differs(doc: dict[str, Any], annotation: Any, mark: str) -> bool:
    """Whether an ``x-accountkit-page-differs`` value excuses ``mark``: a reason and defined sources for it."""
    entry = annotation.get(mark) if isinstance(annotation, dict) and mark in PAGE_MARKS else None
    if not isinstance(entry, dict) or not (isinstance(entry.get("why"), str) and entry["why"].strip()):
        return False
    cited = entry.get("x-accountkit-source")
    keys = cited if isinstance(cited, list) else [cited]
    sources = doc.get("x-accountkit-sources")
    return bool(keys) and isinstance(sources, dict) and all(isinstance(k, str) and k in sources for k in keys)


@dataclass(frozen=True)
class RowCheck:
    """A row, where it is (or belongs) in the spec, and every way the spec disagrees with it."""

    row: Row
    pointer: str
    problems: tuple[str, ...] = field(default_factory=tuple)


def check_row(doc: dict[str, Any], binding: PageBinding, row: Row) -> list[str]:
    """Every disagreement between a page row and the spec; empty means the row is covered."""
    return list(check_row_at(doc, binding, row).problems)


def check_row_at(doc: dict[str, Any], binding: PageBinding, row: Row) -> RowCheck:
    target, at = _locate(doc, binding, row)
    if target is None:
        return RowCheck(row, at, (f"{row.location} field {row.name!r} not found in {binding.spec_file}",))
    problems = []

    def ann(key: str) -> list[Any]:
        return ([target.holder[key]] if target.holder and key in target.holder else []) + annotation_values(
            doc, target.schema, key
        )

    wire = bool(ann("x-accountkit-wire"))
    if target.schema is not None and not compatible(doc, target.schema, canon(row.type)) and not wire:
        problems.append(f"page type {row.type!r}, spec {shape(doc, target.schema)}")

    sentence = first_sentence(row.description)
    texts = [" ".join(d.split()).lower() for d in ann("description") if isinstance(d, str)]
    if sentence and not any(sentence.lower() in t for t in texts):
        problems.append(f"description lacks the page's {sentence!r}")

    def differs(mark: str) -> bool:
        return any(page_differs(doc, entry, mark) for entry in ann("x-accountkit-page-differs"))

    if row.required and not target.required and not differs("required"):
        problems.append("page says required; spec does not")
    if row.read_only and True not in ann("readOnly") and not differs("readOnly"):
        problems.append("page says read-only; spec has no readOnly: true")
    if row.pattern and row.pattern not in ann("pattern"):
        problems.append(f"page pattern {row.pattern!r}, spec {ann('pattern')}")

    if row.values is not None:
        codes = list(row.values)
        enums = [{str(e) for e in enum} for enum in ann("enum") if isinstance(enum, list)]
        contradicts = canon(row.type) == ("integer",) and not all(re.fullmatch(r"-?\d+", c) for c in codes)
        if set(codes) not in enums and not (contradicts and wire):
            problems.append(f"page values {codes}, spec enum {ann('enum') or 'missing'}")
    elif row.value_range is not None:
        lo, hi = int(row.value_range[0]), int(row.value_range[1])
        as_number = lo in ann("minimum") and hi in ann("maximum")
        as_length = lo in ann("minLength") and hi in ann("maxLength")
        if not (as_number or as_length or wire):
            problems.append(f"page range {lo}..{hi}: spec has no minimum/maximum, lengths or wire note")
    elif row.value_rule is not None and not (ann("pattern") or wire):
        problems.append(f"page says {row.value_rule!r}: spec has no pattern or wire note")

    for key, n in (("minLength", row.min_length), ("maxLength", row.max_length)):
        if n is not None and n not in ann(key):
            problems.append(f"page {key} {n}, spec {ann(key) or 'none'}")
    return RowCheck(row, at, tuple(problems))


# --- examples and the operation itself -----------------------------------------------------------


def operation_examples(doc: dict[str, Any], operation_id: str, direction: str) -> list[tuple[dict[str, Any], str]]:
    """(example object, pointer of the media type's examples map) of the operation's request body, or
    of its 2xx responses."""
    _, op, op_at = find_operation(doc, operation_id)
    if direction == "request":
        holders = [(op.get("requestBody"), f"{op_at}/requestBody")]
    else:
        holders = [
            (r, f"{op_at}/responses/{escape(code)}")
            for code, r in (op.get("responses") or {}).items()
            if str(code).startswith("2")
        ]
    out = []
    for holder, at in holders:
        holder, at = resolve_at(doc, holder, at)
        for media, body in ((holder or {}).get("content") or {}).items():
            for name, ex in ((body or {}).get("examples") or {}).items():
                out.append((resolve(doc, ex), f"{at}/content/{escape(media)}/examples/{escape(name)}"))
    return out


@dataclass(frozen=True)
class ExampleCheck:
    """A page example and, when no spec example matches it, why each candidate did not."""

    direction: str
    index: int
    pointer: str  # where the example belongs: the first candidate's examples map, or the operation
    problems: tuple[str, ...] = ()


def check_example(
    doc: dict[str, Any], binding: PageBinding, direction: str, index: int, page_value: Any
) -> ExampleCheck:
    """Equal to some spec example once that example's documented substitutions are made to the page's."""
    candidates = operation_examples(doc, binding.operation_id, direction)
    misses = []
    for ex, at in candidates:
        try:
            expected = apply_substitutions(page_value, ex.get("x-accountkit-example-substitutions", []))
        except (ValueError, KeyError, IndexError, TypeError) as e:
            misses.append(f"{ex.get('summary', '?')}: substitution does not apply: {e}")
            continue
        if same(expected, ex.get("value")):
            return ExampleCheck(direction, index, at)
        misses.append(f"{ex.get('summary', '?')}: {first_difference(expected, ex.get('value'))}")
    _, _, op_at = find_operation(doc, binding.operation_id)
    home = candidates[0][1].rsplit("/", 1)[0] if candidates else op_at
    unique = tuple(dict.fromkeys(misses))  # the same example under two media types misses alike
    return ExampleCheck(direction, index, home, (f"page {direction} example not in the spec",) + unique)


def check_operation(doc: dict[str, Any], binding: PageBinding, op: Operation) -> list[tuple[str, str]]:
    """(pointer, problem) for what the page says of the operation itself: its deprecation."""
    _, spec_op, op_at = find_operation(doc, binding.operation_id)
    if op.deprecated and not spec_op.get("deprecated"):
        return [(f"{op_at}/deprecated", "page marks the operation deprecated; spec does not")]
    return []
