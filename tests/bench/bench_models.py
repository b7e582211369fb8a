"""Models: parse + serialise a fully populated PortaBilling ``account_info`` (every field, 3 items per array).

Variants, each a round trip from the JSON-like dict to a typed object and back:

- attrs (the generated client models): ``AccountInfo.from_dict(d).to_dict()``;
- pydantic (``portabilling_client.schemas``): ``model_validate(d)`` + ``model_dump(mode="json", by_alias=True,
  exclude_none=True)``;
- msgspec, the floor: ``msgspec.convert(d, AccountInfo)`` + ``msgspec.to_builtins`` with ``msgspec.Struct``
  types built from the same JSON schema (types, enums, patterns, lengths, bounds all checked);
- for reference, untyped ``msgspec.json.decode`` + ``encode`` of the same document as bytes, and the
  request validation the client runs before sending such an account (``json.dumps`` + strict
  ``model_validate_json`` of the whole ``update_account`` body).
"""

from __future__ import annotations

import datetime
import json
from typing import Annotated, Any, Literal

import msgspec
from bench_common import SPECS, interleaved, median
from bench_sample import SampleBuilder, count_values, fully_populated

REPEATS = 7


class StructBuilder:
    """msgspec Struct types mirroring a spec's component schemas (the typed floor)."""

    def __init__(self, builder: SampleBuilder) -> None:
        self.builder = builder
        self.structs: dict[str, type[msgspec.Struct]] = {}

    def struct(self, name: str) -> type[msgspec.Struct]:
        if name not in self.structs:
            schema = self.builder.schema(name)
            fields = []
            for prop, sub in schema.get("properties", {}).items():
                kind = self.type_of(sub)
                fields.append((prop, kind | msgspec.UnsetType, msgspec.UNSET))
            self.structs[name] = msgspec.defstruct(
                name, fields, kw_only=True, omit_defaults=True, forbid_unknown_fields=True
            )
        return self.structs[name]

    def type_of(self, schema: dict[str, Any]) -> Any:
        if "$ref" in schema and set(schema) - {"$ref"} <= {"description", "readOnly", "x-accountkit-wire"}:
            target = schema["$ref"].rsplit("/", 1)[1]
            if self.builder.schema(target).get("type", "object") == "object":
                return self.struct(target)
        schema = self.builder.resolve(schema)
        if "enum" in schema:
            return Literal[tuple(schema["enum"])]
        kind = schema.get("type", "object")
        if kind == "array":
            return list[self.type_of(schema.get("items", {}))]  # type: ignore[misc]
        if kind == "integer":
            meta: dict[str, Any] = {k: schema[k] for k in ("minimum", "maximum") if k in schema}
            return Annotated[int, msgspec.Meta(ge=meta.get("minimum"), le=meta.get("maximum"))] if meta else int
        if kind == "number":
            return float
        if kind == "boolean":
            return bool
        if kind == "string":
            if schema.get("format") == "date":
                return datetime.date
            meta = {
                "pattern": schema.get("pattern"),
                "min_length": schema.get("minLength"),
                "max_length": schema.get("maxLength"),
            }
            return Annotated[str, msgspec.Meta(**meta)] if any(v is not None for v in meta.values()) else str
        raise ValueError(f"no msgspec type for {schema}")


def run(repeats: int = REPEATS) -> dict[str, Any]:
    from portabilling_client import schemas
    from portabilling_client.models import AccountInfo

    data, builder = fully_populated(SPECS / "portabilling.yaml", "AccountInfo")
    struct = StructBuilder(builder).struct("AccountInfo")
    encoded = msgspec.json.encode(data)
    body = {"params": {"account_info": data}}
    body_model = schemas.UpdateAccountRequestBody

    def attrs_round_trip() -> Any:
        return AccountInfo.from_dict(data).to_dict()

    def pydantic_round_trip() -> Any:
        return schemas.AccountInfo.model_validate(data).model_dump(mode="json", by_alias=True, exclude_none=True)

    def msgspec_round_trip() -> Any:
        return msgspec.to_builtins(msgspec.convert(data, struct))

    def msgspec_json() -> Any:
        return msgspec.json.encode(msgspec.json.decode(encoded))

    def client_validation() -> Any:
        return body_model.model_validate_json(json.dumps(body), strict=True)

    # Every variant must give the document back unchanged, or the comparison means nothing.
    for name, fn in (("attrs", attrs_round_trip), ("pydantic", pydantic_round_trip), ("msgspec", msgspec_round_trip)):
        if fn() != data:
            raise AssertionError(f"{name} round trip changed the account_info document")
    assert msgspec.json.decode(msgspec_json()) == data

    samples = interleaved(
        {
            "attrs": attrs_round_trip,
            "pydantic": pydantic_round_trip,
            "msgspec": msgspec_round_trip,
            "msgspec_json": msgspec_json,
            "client_validation": client_validation,
        },
        repeats,
    )
    us = {name: median(values) * 1e6 for name, values in samples.items()}
    return {
        "us": us,
        "floor": us["msgspec"],
        "properties": len(builder.paths),
        "fields": builder.fields,
        "values": count_values(data),
        "json_bytes": len(encoded),
    }
