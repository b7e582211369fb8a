"""The small spec the spec-diff tests mutate: one of everything a rule looks at.

A path and a query parameter, a closed request schema with bounds, a pattern, an enum and a nested
component, an open response schema with an enum and a typed format, security: each test changes one
thing and expects exactly one change.
"""

from __future__ import annotations

from typing import Any

OPERATION = "POST /things/{id}"


def small_spec() -> dict[str, Any]:
    """A fresh copy of the small spec (version 1.2.3, above 1.0 so bumps are not shifted)."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "Things", "version": "1.2.3", "description": "A small API for the tests."},
        "servers": [{"url": "https://things.example.com"}],
        "security": [{"token": []}],
        "paths": {
            "/things/{id}": {
                "post": {
                    "operationId": "update_thing",
                    "tags": ["things"],
                    "summary": "Update a thing",
                    "security": [{"token": []}],
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}},
                        {"name": "verbose", "in": "query", "schema": {"type": "boolean"}},
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ThingUpdate"}}},
                    },
                    "responses": {
                        "200": {
                            "description": "The updated thing.",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}},
                        }
                    },
                }
            }
        },
        "components": {
            "securitySchemes": {
                "token": {"type": "apiKey", "in": "header", "name": "X-Token"},
                "bearer": {"type": "http", "scheme": "bearer"},
            },
            "schemas": {
                "ThingUpdate": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["name"],
                    "properties": {
                        "name": {"type": "string", "minLength": 1, "maxLength": 20, "pattern": "^[a-z]+$"},
                        "age": {"type": "integer", "minimum": 0, "maximum": 150},
                        "kind": {"type": "string", "enum": ["a", "b"]},
                        "email": {"type": "string", "description": "Where to write."},
                        "born": {"type": "string", "format": "date"},
                        "nickname": {"type": ["string", "null"]},
                        "address": {"$ref": "#/components/schemas/Address"},
                    },
                },
                "Address": {"type": "object", "properties": {"city": {"type": "string"}}},
                "Thing": {
                    "type": "object",
                    "required": ["id"],
                    "properties": {
                        "id": {"type": "integer"},
                        "status": {"type": "string", "enum": ["active", "closed"]},
                        "note": {"type": "string", "maxLength": 200},
                        "created": {"type": "string", "format": "date-time"},
                    },
                },
            },
        },
    }
