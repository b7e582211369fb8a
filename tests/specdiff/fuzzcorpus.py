"""A corpus of varied spec documents for the spec-diff fuzz test, built the same way on every run.

Three sources: the project's own history (every ``specs/*.yaml`` at every commit of ``git log``, read
with ``git show``), the small spec of conftest.py, and mutations of both made by a seeded random
generator: types changed, properties removed and added, ``$ref``s into cycles, schemas wrapped in
``allOf``, OpenAPI 3.0 spellings, and garbage where a schema, a mapping or a list is expected.
"""

from __future__ import annotations

import copy
import random
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml
from smallspec import small_spec

REPO = Path(__file__).resolve().parents[2]
Doc = dict[str, Any]
Slot = tuple[Any, Any]  # (container, key): container[key] is a schema

GARBAGE: list[Any] = [
    42, "text", [1, 2], None, True, False, 3.5, {"type": 7}, {"type": ["string", 4]}, {"properties": "x"},
    {"properties": [1]}, {"required": "name"}, {"required": [1, None]}, {"enum": "x"}, {"enum": [{"a": []}, None]},
    {"allOf": "x"}, {"allOf": [1, "two"]}, {"anyOf": [None]}, {"oneOf": {}}, {"$ref": 5}, {"$ref": "#/nowhere"},
    {"$ref": "other.yaml#/X"}, {"$ref": "#/components/schemas"}, {"items": [1]}, {"minimum": "low"},
    {"maximum": float("inf")}, {"multipleOf": 0}, {"pattern": 9}, {"format": ["date"]}, {"nullable": "yes"},
    {"exclusiveMinimum": "yes"}, {"additionalProperties": 3}, {"default": {"nested": [1, {"x": None}]}},
    {"not": 1}, {"if": {}, "then": None}, {"const": [1]}, {"type": "string", "enum": []},
]  # fmt: skip
TYPES: list[Any] = [
    "string", "integer", "number", "boolean", "array", "object", "null", ["string", "null"], ["integer", "string"],
]  # fmt: skip


def history_texts() -> list[str]:
    """Every distinct text of every spec at every commit of this repository."""
    commits = subprocess.run(
        ["git", "-C", str(REPO), "log", "--format=%H"], capture_output=True, text=True, check=True
    ).stdout.split()
    texts: dict[str, None] = {}
    for commit in commits:
        listing = subprocess.run(
            ["git", "-C", str(REPO), "ls-tree", "--name-only", commit, "specs/"], capture_output=True, text=True
        ).stdout.split()
        for path in listing:
            if path.endswith(".yaml"):
                shown = subprocess.run(
                    ["git", "-C", str(REPO), "show", f"{commit}:{path}"], capture_output=True, text=True
                )
                texts.setdefault(shown.stdout, None)
    for path in sorted((REPO / "specs").glob("*.yaml")):  # and the working tree's
        texts.setdefault(path.read_text(encoding="utf-8"), None)
    return list(texts)


# -- where things are in a document ---------------------------------------------------------------------


def schema_slots(doc: Doc) -> list[Slot]:
    """Every place in ``doc`` that holds a schema (as far as its shape lets one tell)."""
    slots: list[Slot] = []

    def visit_schema(container: Any, key: Any, depth: int) -> None:
        slots.append((container, key))
        node = container[key]
        if not isinstance(node, dict) or depth > 12:
            return
        for name in ("items", "additionalProperties", "not"):
            if isinstance(node.get(name), dict):
                visit_schema(node, name, depth + 1)
        for name in ("properties", "patternProperties"):
            if isinstance(node.get(name), dict):
                for prop in list(node[name]):
                    visit_schema(node[name], prop, depth + 1)
        for name in ("allOf", "anyOf", "oneOf"):
            if isinstance(node.get(name), list):
                for index in range(len(node[name])):
                    visit_schema(node[name], index, depth + 1)

    def visit_media(content: Any) -> None:
        if isinstance(content, dict):
            for media in content.values():
                if isinstance(media, dict) and "schema" in media:
                    visit_schema(media, "schema", 0)

    components = doc.get("components") if isinstance(doc.get("components"), dict) else {}
    schemas = components.get("schemas")
    for name in list(schemas) if isinstance(schemas, dict) else []:
        visit_schema(schemas, name, 0)
    for operation in operations(doc):
        parameters = operation.get("parameters")
        for parameter in parameters if isinstance(parameters, list) else []:
            if isinstance(parameter, dict) and "schema" in parameter:
                visit_schema(parameter, "schema", 0)
        body = operation.get("requestBody")
        if isinstance(body, dict):
            visit_media(body.get("content"))
        for response in (
            (operation.get("responses") or {}).values() if isinstance(operation.get("responses"), dict) else []
        ):
            if isinstance(response, dict):
                visit_media(response.get("content"))
    return slots


def operations(doc: Doc) -> Iterator[Doc]:
    for section in ("paths", "webhooks"):
        items = doc.get(section)
        for item in items.values() if isinstance(items, dict) else []:
            for operation in item.values() if isinstance(item, dict) else []:
                if isinstance(operation, dict) and ("responses" in operation or "operationId" in operation):
                    yield operation


def object_slots(doc: Doc) -> list[Slot]:
    return [(c, k) for c, k in schema_slots(doc) if isinstance(c[k], dict) and isinstance(c[k].get("properties"), dict)]


def pick(rng: random.Random, items: list[Any]) -> Any:
    return items[rng.randrange(len(items))] if items else None


def random_schema(rng: random.Random, depth: int = 0) -> Any:
    roll = rng.random()
    if roll < 0.1:
        return copy.deepcopy(pick(rng, GARBAGE))
    kind = pick(rng, TYPES)
    schema: Doc = {"type": kind}
    if kind == "object" and depth < 2:
        schema["properties"] = {f"p{i}": random_schema(rng, depth + 1) for i in range(rng.randrange(3))}
    if kind == "array" and depth < 2:
        schema["items"] = random_schema(rng, depth + 1)
    for keyword, value in (
        ("minLength", 1),
        ("maximum", 10),
        ("enum", ["a", "b"]),
        ("pattern", "^x"),
        ("format", "date"),
    ):
        if rng.random() < 0.15:
            schema[keyword] = value
    return schema


# -- mutations ----------------------------------------------------------------------------------------


def change_type(doc: Doc, rng: random.Random) -> None:
    slot = pick(rng, [s for s in schema_slots(doc) if isinstance(s[0][s[1]], dict)])
    if slot:
        slot[0][slot[1]]["type"] = copy.deepcopy(pick(rng, TYPES + [7, None]))


def remove_property(doc: Doc, rng: random.Random) -> None:
    slot = pick(rng, object_slots(doc))
    if slot and slot[0][slot[1]]["properties"]:
        props = slot[0][slot[1]]["properties"]
        props.pop(pick(rng, list(props)))


def add_property(doc: Doc, rng: random.Random) -> None:
    slot = pick(rng, object_slots(doc))
    if slot:
        node = slot[0][slot[1]]
        name = f"fuzz{rng.randrange(1000)}"
        node["properties"][name] = random_schema(rng)
        if rng.random() < 0.5:
            node["required"] = [*node.get("required", []), name] if isinstance(node.get("required"), list) else [name]


def cycle_ref(doc: Doc, rng: random.Random) -> None:
    """A component referring to itself, or two referring to each other, through a random keyword."""
    components = doc.setdefault("components", {})
    if not isinstance(components, dict):  # an earlier mutation may have replaced it with junk
        return
    schemas = components.setdefault("schemas", {})
    if not isinstance(schemas, dict):
        return
    a, b = f"Loop{rng.randrange(100)}", f"Loop{rng.randrange(100)}"
    ref_b = {"$ref": f"#/components/schemas/{b}"}
    via = pick(rng, ["allOf", "anyOf", "oneOf", "items", "properties", "additionalProperties"])
    schemas[a] = {
        "allOf": {"allOf": [ref_b, {"type": "object"}]},
        "anyOf": {"type": "object", "anyOf": [ref_b, {"type": "string"}]},
        "oneOf": {"oneOf": [ref_b]},
        "items": {"type": "array", "items": ref_b},
        "properties": {"type": "object", "properties": {"next": ref_b, "label": {"type": "string"}}},
        "additionalProperties": {"type": "object", "additionalProperties": ref_b},
    }[via]
    if a != b and rng.random() < 0.7:
        schemas[b] = {"allOf": [{"$ref": f"#/components/schemas/{a}"}], "description": "mutual"}
    slot = pick(rng, object_slots(doc))
    if slot:
        slot[0][slot[1]]["properties"][f"loop{rng.randrange(10)}"] = {"$ref": f"#/components/schemas/{a}"}


def wrap_all_of(doc: Doc, rng: random.Random) -> None:
    slot = pick(rng, schema_slots(doc))
    if slot:
        piece = pick(
            rng, [{"maxLength": 5}, {"minimum": 3}, {"required": ["x"]}, {"type": "string"}, {"enum": [1]}, {}]
        )
        slot[0][slot[1]] = {
            "allOf": [slot[0][slot[1]], piece],
            **({"description": "wrapped"} if rng.random() < 0.3 else {}),
        }


def openapi_30(doc: Doc, rng: random.Random) -> None:
    doc["openapi"] = "3.0.3"
    for container, key in schema_slots(doc):
        node = container[key]
        if not isinstance(node, dict) or rng.random() < 0.5:
            continue
        if isinstance(node.get("type"), list) and "null" in node["type"] and len(node["type"]) == 2:
            node["type"] = next(kind for kind in node["type"] if kind != "null")
            node["nullable"] = True
        if isinstance(node.get("exclusiveMinimum"), int | float):
            node["minimum"], node["exclusiveMinimum"] = node["exclusiveMinimum"], True
        elif rng.random() < 0.2:
            node.update(minimum=0, exclusiveMinimum=rng.random() < 0.5)


def garbage_schema(doc: Doc, rng: random.Random) -> None:
    slot = pick(rng, schema_slots(doc))
    if slot:
        slot[0][slot[1]] = copy.deepcopy(pick(rng, GARBAGE))


def garbage_structure(doc: Doc, rng: random.Random) -> None:
    """Garbage where the document has a mapping or a list that is not a schema."""
    operation = pick(rng, list(operations(doc)))
    target, key = pick(
        rng,
        [
            (operation, "parameters"), (operation, "responses"), (operation, "requestBody"), (operation, "security"),
            (operation, "tags"), (operation, "operationId"), (doc, "paths"), (doc, "info"), (doc, "security"),
            (doc, "components"), (doc, "servers"), (doc, "webhooks"),
        ],
    )  # fmt: skip
    if isinstance(target, dict):
        target[key] = copy.deepcopy(pick(rng, GARBAGE + [{200: {"description": 1}}, {"x": [None]}]))


def int_status(doc: Doc, rng: random.Random) -> None:
    for operation in operations(doc):
        responses = operation.get("responses")
        if isinstance(responses, dict):
            operation["responses"] = {int(k) if str(k).isdigit() else k: v for k, v in responses.items()}


CONSTRAINT_KEYWORDS = [
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems",
    "minProperties", "maxProperties", "multipleOf", "uniqueItems", "pattern", "format", "enum", "default",
    "readOnly", "writeOnly", "const", "not",
]  # fmt: skip


def tweak_constraints(doc: Doc, rng: random.Random) -> None:
    slot = pick(rng, [s for s in schema_slots(doc) if isinstance(s[0][s[1]], dict)])
    if slot:
        node = slot[0][slot[1]]
        keyword = pick(rng, CONSTRAINT_KEYWORDS)
        if keyword in node and rng.random() < 0.4:
            del node[keyword]
        else:
            node[keyword] = {
                "uniqueItems": True, "readOnly": True, "writeOnly": True, "pattern": "^[a-z]+$", "format": "date-time",
                "enum": ["a", "c"], "default": "a", "const": "a", "not": {"type": "null"}, "multipleOf": 3,
            }.get(keyword, rng.randrange(0, 20))  # fmt: skip


def version(doc: Doc, rng: random.Random) -> None:
    info = doc.get("info")
    if isinstance(info, dict):
        choice = rng.randrange(3)
        if choice == 0:
            info.pop("version", None)
        else:
            info["version"] = "2.0" if choice == 1 else 7


def rename_component(doc: Doc, rng: random.Random) -> None:
    schemas = (doc.get("components") or {}).get("schemas") if isinstance(doc.get("components"), dict) else None
    if isinstance(schemas, dict) and schemas:
        name = pick(rng, list(schemas))
        schemas[f"{name}Renamed"] = schemas.pop(name)  # references to it now dangle, or are rewritten below
        if rng.random() < 0.5:
            text = (
                yaml.safe_dump(doc).replace(f"/{name}'", f"/{name}Renamed'").replace(f"/{name}\n", f"/{name}Renamed\n")
            )
            doc.clear()
            doc.update(yaml.safe_load(text))


def operation_moves(doc: Doc, rng: random.Random) -> None:
    paths = doc.get("paths")
    if isinstance(paths, dict) and paths:
        path = pick(rng, list(paths))
        if rng.random() < 0.5:
            paths[f"{path}/moved"] = paths.pop(path)
        else:
            del paths[path]


def webhook(doc: Doc, rng: random.Random) -> None:
    body = {"content": {"application/json": {"schema": random_schema(rng)}}}
    hooks = doc.setdefault("webhooks", {})
    if isinstance(hooks, dict):
        hooks[f"hook{rng.randrange(3)}"] = {"post": {"requestBody": body, "responses": {"200": {"description": "ok"}}}}


def tweak_operation(doc: Doc, rng: random.Random) -> None:
    """One of the operation-level edits: flags, parameters, body, media types, headers, security."""
    operation = pick(rng, list(operations(doc)))
    if not isinstance(operation, dict):
        return
    listed = operation.get("parameters")
    parameters = [p for p in listed if isinstance(p, dict)] if isinstance(listed, list) else []
    parameter = pick(rng, parameters) or {}
    responses = operation.get("responses") if isinstance(operation.get("responses"), dict) else {}
    response = pick(rng, [r for r in responses.values() if isinstance(r, dict)]) or {}
    content = response.get("content") if isinstance(response.get("content"), dict) else {}
    headers = response.setdefault("headers", {}) if isinstance(response.get("headers", {}), dict) else {}
    body = operation.get("requestBody") if isinstance(operation.get("requestBody"), dict) else {}
    edits = [
        lambda: operation.update(deprecated=not operation.get("deprecated")),
        lambda: operation.update({"x-idempotent": rng.random() < 0.5}),
        lambda: operation.update(servers=[{"url": "https://elsewhere.example.com"}]),
        lambda: operation.update(summary=f"summary {rng.randrange(9)}", examples={"a": {"value": 1}}),
        lambda: parameter.update(required=not parameter.get("required")),
        lambda: (
            parameter.setdefault("schema", {}).update(default=rng.randrange(3))
            if isinstance(parameter.get("schema", {}), dict)
            else None
        ),  # noqa: E501
        lambda: parameter.update(style="form", explode=rng.random() < 0.5),
        lambda: body.update(required=not body.get("required")),
        lambda: operation.pop("requestBody", None),
        lambda: content.update({"text/plain": {"schema": {"type": "string"}}}),
        lambda: content.pop(pick(rng, list(content)), None) if content else None,
        lambda: headers.update({"X-Fuzz": {"required": rng.random() < 0.5, "schema": random_schema(rng)}}),
        lambda: headers.pop(pick(rng, list(headers)), None) if headers else None,
        lambda: [
            header.update(required=not header.get("required"))
            for header in headers.values()
            if isinstance(header, dict)
        ],  # noqa: E501
        lambda: operation.update(security=[{f"scheme{rng.randrange(3)}": [f"scope{rng.randrange(2)}"]}]),
        lambda: (
            doc.setdefault("components", {})
            .setdefault("securitySchemes", {})
            .update(scheme0={"type": "http", "scheme": "basic"})
        ),  # noqa: E501
    ]
    pick(rng, edits)()


MUTATIONS: list[Callable[[Doc, random.Random], None]] = [
    change_type, remove_property, add_property, cycle_ref, wrap_all_of, openapi_30, garbage_schema,
    garbage_structure, int_status, tweak_constraints, tweak_constraints, tweak_operation, tweak_operation,
    version, rename_component, operation_moves, webhook,
]  # fmt: skip


def mutate(base: Doc, rng: random.Random) -> Doc:
    doc = copy.deepcopy(base)
    for _ in range(rng.randint(1, 4)):
        pick(rng, MUTATIONS)(doc, rng)
    return doc


def corpus(seed: int, mutations_per_base: int) -> list[tuple[str, Doc]]:
    """(family, document) for the history, the small spec, and ``mutations_per_base`` mutations of each."""
    rng = random.Random(seed)
    bases: list[tuple[str, Doc]] = []
    for text in history_texts():
        doc = yaml.safe_load(text)
        family = str((doc.get("info") or {}).get("title") or "?")[:20]
        bases.append((family, doc))
    bases.append(("small", small_spec()))
    documents = list(bases)
    for family, base in bases:
        documents += [(family, mutate(base, rng)) for _ in range(mutations_per_base)]
    return documents
