"""Shared helpers for tests/specs: read the vendor seed pages and look their rows up in our specs.

Why parse the pages instead of copying field lists into the tests: a hand-copied list drifts from the
page silently. Parsing the page text means a changed page changes what the tests demand.

Three parts:
  * page parsers, one per page format, returning `Row`s;
  * page examples (the JSON blocks the vendor shows), extracted from the text;
  * spec matching: find a row in an OpenAPI 3.1 document and report every way it disagrees.
The matching functions take a plain dict, so tests/specs/test_checker.py can feed them doctored specs.
"""

from __future__ import annotations

import copy
import functools
import json
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import yaml

REPO = Path(__file__).resolve().parents[2]
SPECS = REPO / "specs"


def seeds_dir() -> Path:
    """CI clones the repo next to shared/; ACCOUNTKIT_SEEDS overrides that for other layouts."""
    env = os.environ.get("ACCOUNTKIT_SEEDS")
    return Path(env) if env else REPO.parent / "shared" / "seeds"


def seed_text(prefix: str) -> str:
    """The page whose file name starts with `prefix` (e.g. "002"); the suffix is a content hash."""
    hits = sorted(seeds_dir().glob(f"{prefix}_*.txt"))
    if len(hits) != 1:
        raise FileNotFoundError(f"expected one {prefix}_*.txt in {seeds_dir()}, found {hits}")
    return hits[0].read_text(encoding="utf-8")


def load_spec(filename: str) -> dict:
    """PyYAML's safe_load, as Python tooling reads the spec (an unquoted timestamp becomes a datetime)."""
    return yaml.safe_load((SPECS / filename).read_text(encoding="utf-8"))


@functools.cache
def cached_spec(filename: str) -> dict:
    """load_spec once per run (hundreds of tests read the same file); deep-copy before mutating it."""
    return load_spec(filename)


class Row(NamedTuple):
    """One field of a vendor page.

    location: "path" | "query" | "header" | "auth-query" | "auth-header" | "request" | "response" |
    "error:<status>". name: dotted path for nested fields. required/pattern: only where the page says.
    """

    location: str
    name: str
    page_type: str
    description: str
    required: bool | None = None
    pattern: str | None = None


def _lines(text: str) -> list[str]:
    """Non-blank lines, stripped, with non-breaking spaces made plain (the HTML renderings use them)."""
    return [ln.replace("\xa0", " ").strip() for ln in text.splitlines() if ln.strip()]


def _between(text: str, start: str, end: str | None) -> str:
    """Text after the first line equal to `start` up to the next line equal to `end` (or the end)."""
    lines = text.replace("\xa0", " ").splitlines()
    i = next((n for n, ln in enumerate(lines) if ln.strip() == start), None)
    if i is None:
        raise ValueError(f"page has no line {start!r}: its layout changed")
    j = next((n for n in range(i + 1, len(lines)) if end and lines[n].strip() == end), len(lines))
    return "\n".join(lines[i + 1 : j])


def _auth_or(location: str, description: str) -> str:
    """A parameter the page describes as authentication is modelled as a security scheme, not a parameter."""
    return f"auth-{location}" if "authentication" in description.lower() else location


# --- 000 inTandem ----------------------------------------------------------------------------------

# The rendering lost the row names and mislabels one row; the names (vendor facts) in page order are
# the only thing encoded here. The parser insists the page still has exactly this many rows.
INTANDEM_NAMES = {
    "path": ["business_uid"],
    "query": [
        "package_name",
        "external_subscription_params",
        "edit_tags",
        "add_sms_credits",
        "delete_sms_credits",
    ],
    "header": ["Authorization"],
}
_INTANDEM_TYPE = re.compile(r"(string|integer|number|boolean|object|array of \w+|array)")


def parse_intandem(text: str) -> list[Row]:
    """Rows of "Path Params", "Query Params", "Headers": a type line, optional "required", description.

    Stray lowercase label lines (the remains of lost names, one of them wrong) are ignored.
    """
    rows = []
    sections = [
        ("path", "Path Params", "Query Params"),
        ("query", "Query Params", "Headers"),
        ("header", "Headers", "Responses"),
    ]
    for location, start, end in sections:
        found: list[list] = []  # [type, required, description lines]
        for ln in _lines(_between(text, start, end)):
            if _INTANDEM_TYPE.fullmatch(ln):
                found.append([ln, False, []])
            elif ln == "required" and found and not found[-1][2]:
                found[-1][1] = True
            elif re.fullmatch(r"[a-z_][a-z0-9_]*", ln):
                continue  # a leftover name label; names come from INTANDEM_NAMES
            elif found:
                found[-1][2].append(ln)
        names = INTANDEM_NAMES[location]
        if len(found) != len(names):
            raise ValueError(f"inTandem page changed: {len(found)} {location} rows, {len(names)} names")
        for name, (ptype, req, desc) in zip(names, found, strict=True):
            description = "\n".join(desc)
            rows.append(Row(_auth_or(location, description), name, ptype, description, req))
    return rows


# --- 001 ActivePlatform --------------------------------------------------------------------------

# "Depends on the attribute" / "Depends on the Account type": a lowercase word, or a Capitalised word
# and a lowercase one; the next cell starts with a capital, which is where the rendering glued it on.
_DEPENDS = r"Depends on the (?:[a-z]+|[A-Z]\w* [a-z]+)"
_AP_TYPES = rf"array of objects|array|integer|string|boolean|bool|float|date|{_DEPENDS}"
# A row starts with its name, then its cells, each either glued on or on its own line. The name is
# greedy (the longest one after which the cells still parse): names such as updated_at hold type words.
_AP_ARG = re.compile(
    rf"^(?P<name>[a-z][a-z0-9_]*)\n?(?P<loc>path|query|form)\n?(?P<type>{_AP_TYPES})"
    rf"\n?(?P<req>Required|Optional|{_DEPENDS})",
    re.M,
)
_AP_RESP = re.compile(rf"^(?P<name>[a-z][a-z0-9_]*)\n?(?P<type>{_AP_TYPES})", re.M)
# The nested tables of custom_attributes lost their nesting in the rendering: the rows that follow an
# array row and belong to it are counted here (the only structure encoded for this page).
ACTIVEPLATFORM_NESTED = {"custom_attributes": 2}


def _ap_rows(section: str, pattern: re.Pattern) -> list[tuple[dict, str]]:
    """(cells, description) per row; the description runs from a row's cells to the next row."""
    text = "\n".join(_lines(section))
    matches = list(pattern.finditer(text))
    out = []
    for m, nxt in zip(matches, matches[1:] + [None], strict=True):
        desc = text[m.end() : nxt.start() if nxt else len(text)].strip()
        out.append((m.groupdict(), desc))
    return out


def _ap_nest(names: list[str]) -> list[str]:
    """Apply ACTIVEPLATFORM_NESTED: the N rows after a listed array row become `array.child`."""
    out, parent, left = [], None, 0
    for name in names:
        if left:
            out.append(f"{parent}.{name}")
            left -= 1
            continue
        out.append(name)
        if name in ACTIVEPLATFORM_NESTED:
            parent, left = name, ACTIVEPLATFORM_NESTED[name]
    return out


def parse_activeplatform(text: str) -> list[Row]:
    """The "Arguments" (name, parameter type, data type, Required/Optional, description) and "Response
    model" (name, data type, description) tables, whose cells come glued together or on separate lines."""
    rows = []
    args = _ap_rows(_between(text, "Arguments", "Response model"), _AP_ARG)
    for (cells, desc), name in zip(args, _ap_nest([c["name"] for c, _ in args]), strict=True):
        location = {"form": "request"}.get(cells["loc"], cells["loc"])
        required = {"Required": True, "Optional": False}.get(cells["req"])
        rows.append(Row(_auth_or(location, desc), name, cells["type"], desc, required))
    resp = _ap_rows(_between(text, "Response model", "Request example"), _AP_RESP)
    for (cells, desc), name in zip(resp, _ap_nest([c["name"] for c, _ in resp]), strict=True):
        rows.append(Row("response", name, cells["type"], desc))
    return rows


# --- 002 PortaBilling ----------------------------------------------------------------------------


def parse_portabilling(text: str) -> list[Row]:
    """Every "Field Name Type Description" table: one `<dotted.name> <type> <description>` per line.

    The table's location comes from the last status heading above it ("200 OK", "500 ..."); before any
    heading it is the request (account_info fields, plus siblings such as release_assigned_did).
    """
    rows, location, in_table = [], "request", False
    for raw in text.replace("\xa0", " ").splitlines():
        ln = raw.strip()
        status = re.match(r"(\d{3})\b", ln)
        if status and not in_table:
            location = "response" if status.group(1).startswith("2") else f"error:{status.group(1)}"
        if ln == "Field Name Type Description":
            in_table = True
        elif in_table and not ln:
            in_table = False
        elif in_table:
            name, ptype, desc = ln.split(" ", 2)
            rows.append(Row(location, name, ptype, desc))
    return rows


# --- 003 Octopush --------------------------------------------------------------------------------

_OCTO_ROW = re.compile(
    r"(?P<name>[a-z][a-z0-9_]*)(?P<type>string|integer|number|boolean|object|array)"
    r"(?P<desc>.*)"
)


def parse_octopush(text: str) -> list[Row]:
    """The "Special parameters" table, `<name><type><description>` glued on one line.

    Rows after an `object` row are its members (the page lists them last, under `callbacks`). The name
    is greedy, as callback_url_for_blacklisted_numbers holds the type word "number".
    """
    rows, parent = [], None
    for ln in _lines(_between(text, "NameTypeDescription", "Curl Example")):
        m = _OCTO_ROW.fullmatch(ln)
        if not m:
            raise ValueError(f"Octopush row not understood: {ln!r}")
        name = f"{parent}.{m['name']}" if parent else m["name"]
        rows.append(Row("request", name, m["type"], m["desc"]))
        if m["type"] == "object":
            parent = m["name"]
    return rows


# --- 004 2sms ------------------------------------------------------------------------------------

_TWOSMS_HEADER = "NameDescriptionTypeAdditional information"
_TWOSMS_INFO = re.compile(
    r"None\.|Required|Matching regular expression pattern: .*|String length: .*"
    r"|Range: .*|Max length: .*|Min length: .*|Data type: .*"
)


def _twosms_table(lines: list[str], location: str) -> list[Row]:
    """ASP.NET help-page table: name, description line(s) (may be absent), type, additional info.

    Every row ends in one or more "additional information" lines, so a row is whatever precedes them:
    the first line is the name, the last the type, anything between the description.
    """
    rows, cells, info = [], [], []
    for ln in lines + [""]:
        if ln and _TWOSMS_INFO.fullmatch(ln):
            info.append(ln)
            continue
        if info:
            name, ptype, desc = cells[0], cells[-1], "\n".join(cells[1:-1])
            pattern = next((i.split(": ", 1)[1] for i in info if i.startswith("Matching regular")), None)
            rows.append(Row(location, name, ptype, desc, "Required" in info or None, pattern))
            cells, info = [], []
        if ln:
            cells.append(ln)
    return rows


def parse_twosms(text: str) -> list[Row]:
    """URI Parameters, Body Parameters (AccountV3) and the response (ResponseOfObject) tables."""

    def table(after: str, end: str) -> list[str]:
        lines = _lines(text)
        i = lines.index(after)
        i = lines.index(_TWOSMS_HEADER, i) + 1
        return lines[i : lines.index(end, i)]

    return (
        _twosms_table(table("URI Parameters", "Body Parameters"), "path")
        + _twosms_table(table("Body Parameters", "Request Formats"), "request")
        + _twosms_table(table("Response Information", "Response Formats"), "response")
    )


# --- page examples -------------------------------------------------------------------------------


def json_after(text: str, *markers: str) -> Any:
    """The JSON value starting at the first "{" after the markers (each found after the previous)."""
    pos = 0
    for marker in markers:
        pos = text.index(marker, pos) + len(marker)
    start = text.index("{", pos)
    return json.JSONDecoder().raw_decode(text, start)[0]


def _curl_body(text: str) -> Any:
    """The -d '{...}' body of the one-line curl command under "Command to copy/paste"."""
    line = next(ln for ln in text[text.index("Command to copy/paste") :].splitlines() if "curl " in ln)
    return json.loads(re.search(r"-d '(\{.*\})'", line).group(1))


class Api(NamedTuple):
    """What ties a page to a spec: the seed prefix, the spec file, the operation, the page's parser,
    where the request rows sit inside the body, and how to pull the page's JSON examples."""

    seed: str
    spec: str
    operation: str
    parse: Callable[[str], list[Row]]
    body_prefixes: tuple[str, ...]
    examples: Callable[[str], list[tuple[str, Any]]]


APIS: dict[str, Api] = {
    "intandem": Api("000", "intandem.yaml", "change_package", parse_intandem, ("",), lambda t: []),
    "activeplatform": Api(
        "001",
        "activeplatform.yaml",
        "update_account",
        parse_activeplatform,
        ("",),
        lambda t: [
            ("request", json_after(t, "Request example")),
            ("response", json_after(t, "Response example")),
        ],
    ),
    # PortaBilling wraps every body in {"params": ...}; the table lists account_info's fields and, at
    # its end, siblings of account_info (release_assigned_did).
    "portabilling": Api(
        "002",
        "portabilling.yaml",
        "update_account",
        parse_portabilling,
        ("params.account_info", "params"),
        lambda t: [
            ("request", json_after(t, "Example Request")),
            ("response", json_after(t, "Example Response")),
        ],
    ),
    "octopush": Api(
        "003",
        "octopush.yaml",
        "edit_subaccount",
        parse_octopush,
        ("",),
        lambda t: [("request", _curl_body(t))],
    ),
    "twosms": Api(
        "004",
        "twosms.yaml",
        "update_account",
        parse_twosms,
        ("",),
        lambda t: [
            ("request", json_after(t, "Request Formats", "Sample:")),
            ("response", json_after(t, "Response Formats", "Sample:")),
        ],
    ),
}


def page_rows(api: str) -> list[Row]:
    return APIS[api].parse(seed_text(APIS[api].seed))


def page_examples(api: str) -> list[tuple[str, Any]]:
    """The page's JSON examples as (direction, value). Non-breaking spaces are plain spaces: they are
    HTML rendering (Octopush's obfuscated "[email protected]" has one), not what goes on the wire."""
    return APIS[api].examples(seed_text(APIS[api].seed).replace("\xa0", " "))


def row_id(api: str, row: Row) -> str:
    """`api:dotted.name`; response and error rows say so, as request and response share names."""
    if row.location == "response" or row.location.startswith("error"):
        return f"{api}:{row.location}:{row.name}"
    return f"{api}:{row.name}"


# --- reading a spec ------------------------------------------------------------------------------


def deref(doc: dict, ref: str) -> Any:
    """A local JSON pointer ("#/components/schemas/X"); our specs are single documents."""
    if not ref.startswith("#"):
        raise ValueError(f"only local $refs are supported: {ref}")
    node: Any = doc
    for part in ref[1:].split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def resolve(doc: dict, node: Any) -> Any:
    """Follow $ref chains; keywords beside a $ref (per-use descriptions, 3.1) override the target's."""
    for _ in range(20):
        if not (isinstance(node, dict) and "$ref" in node):
            return node
        node = {**deref(doc, node["$ref"]), **{k: v for k, v in node.items() if k != "$ref"}}
    raise ValueError("$ref chain too long")


def annotations(doc: dict, node: Any, key: str, depth: int = 0) -> list:
    """Every value of `key` on a schema, its $ref targets and its allOf/anyOf/oneOf branches."""
    if not isinstance(node, dict) or depth > 12:
        return []
    out = [node[key]] if key in node else []
    if "$ref" in node:
        out += annotations(doc, deref(doc, node["$ref"]), key, depth + 1)
    for k in ("allOf", "anyOf", "oneOf"):
        for branch in node.get(k, []):
            out += annotations(doc, branch, key, depth + 1)
    return out


def variants(doc: dict, node: Any, depth: int = 0) -> list[dict]:
    """The concrete shapes a schema allows, one "type" each: anyOf/oneOf branches and type lists are
    split, allOf is merged, "null" is dropped (nullability does not change the page type)."""
    node = resolve(doc, node) if isinstance(node, dict) else {}
    if depth > 12:
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
    }[type(value)]


def _candidates(doc: dict, node: Any, depth: int = 0) -> Iterator[dict]:
    """The object schemas a name may be looked up in without consuming a name: the schema, its
    composition branches, and (for arrays, however deep) its items."""
    node = resolve(doc, node)
    if not isinstance(node, dict) or depth > 12:
        return
    yield node
    for k in ("allOf", "anyOf", "oneOf"):
        for branch in node.get(k, []):
            yield from _candidates(doc, branch, depth + 1)
    if isinstance(node.get("items"), dict):
        yield from _candidates(doc, node["items"], depth + 1)


class Target(NamedTuple):
    """Where a row was found. schema: the property/parameter schema (None for security schemes);
    holder: the parameter or security scheme object (None for body properties)."""

    schema: Any
    holder: dict | None
    required: bool


def find_property(doc: dict, root: Any, dotted: str) -> Target | None:
    """Walk `a.b.c` through properties, items and composition; `required` is read from the parent."""
    node, required = root, False
    for seg in filter(None, dotted.split(".")):
        cands = list(_candidates(doc, node))
        hit = next((c["properties"][seg] for c in cands if seg in c.get("properties", {})), None)
        if hit is None:
            return None
        node, required = hit, any(seg in c.get("required", []) for c in cands)
    return Target(node, None, required)


def find_operation(doc: dict, operation_id: str) -> tuple[dict, dict]:
    """(path item, operation) of the operation with this operationId."""
    for item in doc.get("paths", {}).values():
        item = resolve(doc, item)
        for method in ("get", "put", "post", "patch", "delete", "head", "options", "trace"):
            op = item.get(method)
            if isinstance(op, dict) and op.get("operationId") == operation_id:
                return item, op
    raise KeyError(f"no operation {operation_id!r}")


def _media_schemas(doc: dict, holder: Any) -> list:
    """Schemas of every media type of a request body or response."""
    holder = resolve(doc, holder) or {}
    return [m["schema"] for m in holder.get("content", {}).values() if isinstance(m, dict) and "schema" in m]


def locate(doc: dict, api: Api, row: Row) -> Target | None:
    """Find a page row in the spec: parameters, security schemes, request body, 2xx or error bodies."""
    item, op = find_operation(doc, api.operation)
    loc = row.location
    if loc in ("path", "query", "header"):
        for p in item.get("parameters", []) + op.get("parameters", []):
            p = resolve(doc, p)
            same = p.get("name", "").lower() == row.name.lower() if loc == "header" else p.get("name") == row.name
            if p.get("in") == loc and same:
                return Target(p.get("schema", {}), p, bool(p.get("required")))
        return None
    if loc.startswith("auth-"):
        where = loc[len("auth-") :]
        security = op.get("security", doc.get("security", []))
        for requirement in security:
            for scheme_name in requirement:
                s = resolve(doc, doc.get("components", {}).get("securitySchemes", {}).get(scheme_name, {}))
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
                    return Target(None, s, {} not in security)
        return None
    if loc == "request":
        roots = _media_schemas(doc, op.get("requestBody"))
        names = [f"{p}.{row.name}" if p else row.name for p in api.body_prefixes]
    elif loc == "response":
        roots = [
            s
            for code, r in op.get("responses", {}).items()
            if str(code).startswith("2")
            for s in _media_schemas(doc, r)
        ]
        names = [row.name]
    elif loc.startswith("error:"):
        code, responses = loc.split(":")[1], op.get("responses", {})
        key = next((k for k in (code, f"{code[0]}XX", "default") if k in responses), None)
        roots, names = (_media_schemas(doc, responses[key]) if key else []), [row.name]
    else:
        raise ValueError(f"unknown location {loc}")
    for root in roots:
        for name in names:
            found = find_property(doc, root, name)
            if found:
                return found
    return None


# --- comparing a row with what was found ---------------------------------------------------------


def canon(page_type: str) -> tuple:
    """A page's type word as ("integer",), ("array", inner) ... ; unknown words fail loudly."""
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


def compatible(doc: dict, schema: Any, want: tuple) -> bool:
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


def _shape(doc: dict, schema: Any) -> str:
    """A short description of a schema's shapes for failure messages."""
    parts = []
    for v in variants(doc, schema):
        s = str(v.get("type", "untyped"))
        if v.get("format"):
            s += f"({v['format']})"
        if v.get("type") == "array":
            s += f"[{_shape(doc, v.get('items', {}))}]"
        parts.append(s)
    return "|".join(parts) or "nothing"


def first_sentence(description: str) -> str:
    """The page description's first paragraph (before bullets), first sentence, whitespace normalised."""
    para = re.split(r"\n\s*\n|\n\s*•", description.replace("\xa0", " "), maxsplit=1)[0]
    para = " ".join(para.split())
    return re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"(%])", para, maxsplit=1)[0]


def possible_values(description: str) -> tuple | None:
    """A "Possible values: ..." list: ("enum", [codes]), ("range", lo, hi) or ("text", words)."""
    m = re.search(r"Possible values: (.*?)(?:\.(?=\s|$)|$)", description)
    if not m:
        return None
    body = m.group(1)
    items = [i.strip() for i in body.split(";" if ";" in body else ",")]
    if len(items) == 1 and " - " not in items[0]:
        return ("text", items[0])
    pairs = [i.split(" - ", 1) if " - " in i else [i, ""] for i in items]
    if all(meaning in ("min", "max", "min value", "max value") for _, meaning in pairs) and len(pairs) == 2:
        return ("range", pairs[0][0], pairs[1][0])
    return ("enum", [code for code, _ in pairs])


def lengths(description: str) -> dict:
    """minLength/maxLength the page text states ("Max length: 64", "Possible length: 2-10 ...")."""
    out = {}
    if m := re.search(r"Possible length: (\d+)-(\d+)", description):
        out = {"minLength": int(m[1]), "maxLength": int(m[2])}
    elif m := re.search(r"Possible length: (\d+) characters", description):
        out = {"maxLength": int(m[1])}
    if m := re.search(r"Max length: (\d+)", description):
        out["maxLength"] = int(m[1])
    if m := re.search(r"Min length: (\d+)", description):
        out["minLength"] = int(m[1])
    return out


def check_row(doc: dict, api: Api, row: Row) -> list[str]:
    """Every disagreement between a page row and the spec; empty means the row is covered.

    A property carrying `x-accountkit-wire` documents a deliberate departure from the table (the wire
    wins, specs/README.md), so it may differ in type or turn a contradictory value list into a note.
    """
    target = locate(doc, api, row)
    if target is None:
        return [f"{row.location} field {row.name!r} not found in {api.spec}"]
    problems = []

    def ann(key: str) -> list:
        return ([target.holder[key]] if target.holder and key in target.holder else []) + annotations(
            doc, target.schema, key
        )

    wire = bool(ann("x-accountkit-wire"))
    if target.schema is not None and not compatible(doc, target.schema, canon(row.page_type)) and not wire:
        problems.append(f"page type {row.page_type!r}, spec {_shape(doc, target.schema)}")

    sentence = first_sentence(row.description)
    texts = [" ".join(d.split()).lower() for d in ann("description") if isinstance(d, str)]
    if sentence and not any(sentence.lower() in t for t in texts):
        problems.append(f"description lacks the page's {sentence!r}")

    if row.required and not target.required:
        problems.append("page says required; spec does not")
    if "read-only" in row.description.lower() and True not in ann("readOnly"):
        problems.append("page says read-only; spec has no readOnly: true")
    if row.pattern and row.pattern not in ann("pattern"):
        problems.append(f"page pattern {row.pattern!r}, spec {ann('pattern')}")

    values = possible_values(row.description)
    if values and values[0] == "enum":
        codes = values[1]
        enums = [{str(e) for e in enum} for enum in ann("enum")]
        contradicts = canon(row.page_type) == ("integer",) and not all(re.fullmatch(r"-?\d+", c) for c in codes)
        if set(codes) not in enums and not (contradicts and wire):
            problems.append(f"page values {codes}, spec enum {ann('enum') or 'missing'}")
    elif values and values[0] == "range":
        lo, hi = int(values[1]), int(values[2])
        as_number = lo in ann("minimum") and hi in ann("maximum")
        as_length = lo in ann("minLength") and hi in ann("maxLength")
        if not (as_number or as_length or wire):
            problems.append(f"page range {lo}..{hi}: spec has no minimum/maximum, lengths or wire note")
    elif values and values[0] == "text" and not (ann("pattern") or wire):
        problems.append(f"page says {values[1]!r}: spec has no pattern or wire note")

    for key, n in lengths(row.description).items():
        if n not in ann(key):
            problems.append(f"page {key} {n}, spec {ann(key) or 'none'}")
    return problems


# --- examples ------------------------------------------------------------------------------------


def path_tokens(path: str) -> list[str]:
    """A JSON pointer ("/a/0/b") or a dotted path ("a.0.b", "a[0].b", "$.a.b") as tokens."""
    if path.startswith("/"):
        return [t.replace("~1", "/").replace("~0", "~") for t in path.split("/")[1:]]
    path = re.sub(r"^\$\.?", "", path)
    return [t for t in re.split(r"\.|\[(\d+)\]", path) if t]


def _step(node: Any, token: str) -> Any:
    return node[int(token)] if isinstance(node, list) else node[token]


def apply_substitutions(page_value: Any, substitutions: list[dict]) -> Any:
    """The page example with each documented substitution made; a substitution whose `page_value`
    is not what the page has raises ValueError (the note went stale). An empty path is the whole value."""
    box = [copy.deepcopy(page_value)]
    for sub in substitutions:
        tokens = ["0", *path_tokens(sub["path"])]  # walk from the box, so "" replaces the whole value
        parent = box
        for t in tokens[:-1]:
            parent = _step(parent, t)
        last = int(tokens[-1]) if isinstance(parent, list) else tokens[-1]
        current = parent[last]
        if not same(current, sub["page_value"]):
            raise ValueError(f"{sub['path']}: page has {current!r}, substitution says {sub['page_value']!r}")
        parent[last] = sub["value"]
    return box[0]


def same(a: Any, b: Any) -> bool:
    """JSON equality: 1 == 1.0, but true is not 1 and "1" is not 1."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def first_difference(a: Any, b: Any, path: str = "") -> str | None:
    """Where two JSON values first differ, for failure messages."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(a.keys() | b.keys()):
            if k not in a or k not in b:
                return f"{path}/{k}: only in {'page' if k in a else 'spec'}"
            if d := first_difference(a[k], b[k], f"{path}/{k}"):
                return d
        return None
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return next(
            (d for i, (x, y) in enumerate(zip(a, b, strict=True)) if (d := first_difference(x, y, f"{path}/{i}"))),
            None,
        )
    return None if same(a, b) else f"{path or '/'}: page {a!r}, spec {b!r}"
