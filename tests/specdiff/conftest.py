"""Fixtures for the spec-diff tests: a small spec to mutate, and a throwaway git repository.

The small spec has one of everything a rule looks at (a path and a query parameter, a closed request
schema with bounds, a pattern, an enum and a nested component, an open response schema with an enum and
a typed format, security), so each test changes one thing and expects exactly one change. The git
repository lives in ``tmp_path``: nothing here reads or writes the real ``specs/`` or ``generated/``.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

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


@pytest.fixture
def spec() -> dict[str, Any]:
    return small_spec()


def spec_text(document: dict[str, Any], comment: str = "# A hand-written spec: keep this comment.") -> str:
    """YAML text of a spec, with a leading comment (release must keep comments)."""
    return f"{comment}\n" + yaml.safe_dump(document, sort_keys=False)


@dataclass
class GitRepo:
    """A git repository in a temporary directory, with just enough commands for the tests."""

    root: Path

    def git(self, *args: str) -> str:
        command = [
            "git",
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.com",
            "-c",
            "commit.gpgsign=false",
        ]
        command += ["-c", "tag.gpgsign=false", "-C", str(self.root), *args]
        return subprocess.run(command, check=True, capture_output=True, text=True).stdout

    def write_spec(self, api: str, document: dict[str, Any] | str) -> Path:
        path = self.root / "specs" / f"{api}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(document if isinstance(document, str) else spec_text(document), encoding="utf-8")
        return path

    def commit(self, message: str = "change") -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)

    def tag(self, name: str) -> None:
        self.git("tag", name)


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    root = tmp_path / "repo"
    root.mkdir()
    repository = GitRepo(root)
    repository.git("init", "-q")
    return repository
