"""A fully populated instance of a spec schema: every property set to a valid value, 3 items per array.

Built by walking the spec's JSON schema (``$ref``, ``type``, ``enum``, ``format``, ``pattern``, lengths,
bounds), so the model benchmarks exercise every field the generated models have. The result is checked
against the spec with jsonschema before anyone times anything with it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from support.specs import resolve

ARRAY_ITEMS = 3

# Candidate strings for properties with a ``pattern``: the first one that fits (pattern and lengths) wins.
_PATTERN_CANDIDATES = (
    "bench-sample",
    "Ab12cd34",
    "12345",
    "8000",
    "0123456789abcdef0123456789abcdef",
    "8901260123456789012",
    "123456789",
    "2022-04-01 00:00:00",
    "+375295555555",
    "BY",
)


def load_spec(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return document


class SampleBuilder:
    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.fields = 0  # how many object properties were filled in (all levels, all array items)
        self.paths: set[str] = set()  # the distinct properties filled in ("a.b[].c"), whatever the array sizes

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        resolved: dict[str, Any] = resolve(self.document, schema)
        return resolved

    def schema(self, name: str) -> dict[str, Any]:
        schema: dict[str, Any] = self.document["components"]["schemas"][name]
        return schema

    def value(self, schema: dict[str, Any], name: str = "value", index: int = 0, path: str = "") -> Any:
        schema = self.resolve(schema)
        for key in ("allOf", "oneOf", "anyOf"):
            if key in schema:
                merged = {k: v for k, v in schema.items() if k != key}
                return self.value({**merged, **self.resolve(schema[key][0])}, name, index, path)
        if "const" in schema:
            return schema["const"]
        if "enum" in schema:
            choices = [c for c in schema["enum"] if c is not None]
            return choices[index % len(choices)]
        kind = schema.get("type")
        if isinstance(kind, list):
            kind = next(k for k in kind if k != "null")
        if kind is None:
            kind = "object" if "properties" in schema else "string"
        if kind == "object":
            result = {}
            for prop, sub in schema.get("properties", {}).items():
                where = f"{path}.{prop}" if path else prop
                result[prop] = self.value(sub, prop, index, where)
                self.fields += 1
                self.paths.add(where)
            return result
        if kind == "array":
            return [self.value(schema.get("items", {}), name, i, f"{path}[]") for i in range(ARRAY_ITEMS)]
        if kind == "integer":
            low = schema.get("minimum", 1)
            high = schema.get("maximum", low + 1000)
            return min(high, low + 7 + index)
        if kind == "number":
            return 12.5 + index
        if kind == "boolean":
            return index % 2 == 0
        return self.string(schema, name, index)

    def string(self, schema: dict[str, Any], name: str, index: int) -> str:
        fmt = schema.get("format")
        if fmt == "date":
            return f"2024-0{1 + index % 9}-1{index % 10}"
        if fmt == "date-time":
            return f"2024-0{1 + index % 9}-1{index % 10}T10:20:30+00:00"
        if fmt == "email":
            return f"user{index}@example.com"
        low, high = schema.get("minLength", 0), schema.get("maxLength", 10_000)
        if "pattern" in schema:
            pattern = re.compile(schema["pattern"])
            candidates = [*schema.get("examples", []), *_PATTERN_CANDIDATES]
            for candidate in candidates:
                if isinstance(candidate, str) and low <= len(candidate) <= high and pattern.search(candidate):
                    return candidate
            raise ValueError(f"no sample string for {name} matches {schema['pattern']!r}: add one to bench_sample")
        text = f"{name}-{index}"
        if len(text) > high:
            text = text[:high]
        return text.ljust(low, "x")


def fully_populated(spec: Path, schema_name: str) -> tuple[dict[str, Any], SampleBuilder]:
    """An instance of components/schemas/<schema_name> with every property set, and its builder (counts)."""
    document = load_spec(spec)
    builder = SampleBuilder(document)
    instance = builder.value(builder.schema(schema_name), schema_name)
    check(document, schema_name, instance)
    return instance, builder


def check(document: dict[str, Any], schema_name: str, instance: Any) -> None:
    """Raise if ``instance`` is not valid against the spec's schema (OpenAPI 3.1 = JSON Schema 2020-12)."""
    from jsonschema import Draft202012Validator, FormatChecker

    root = {**document, "$ref": f"#/components/schemas/{schema_name}"}
    validator = Draft202012Validator(root, format_checker=FormatChecker())
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    if errors:
        raise ValueError(f"sample {schema_name} is invalid: {errors[0].message} at {list(errors[0].absolute_path)}")


def count_values(value: Any) -> int:
    """Leaf values in a JSON-like structure (how big the sample is)."""
    if isinstance(value, dict):
        return sum(count_values(v) for v in value.values())
    if isinstance(value, list):
        return sum(count_values(v) for v in value)
    return 1
