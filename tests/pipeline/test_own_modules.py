"""The modules accountkit writes into each package itself (``generate/modules.py``, from templates).

``_operations.py`` must carry every fact of the spec exactly, whatever characters the spec's strings
hold (quotes, braces, backslashes, non-ASCII): it is the one place a package states an operation's
method and path.
"""

from __future__ import annotations

from typing import Any

import jinja2
import pytest
from accountkit_codegen.generate import modules
from accountkit_codegen.spec.layout import TEMPLATES
from accountkit_runtime.operation import Operation

REPLACEMENT = 'use "new_thing" \\ {not a field} — instead'

DOCUMENT: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "t", "version": "1.0.0"},
    "paths": {
        "/things/{thing_id}": {
            "put": {
                "operationId": "put_thing",
                "x-idempotent": False,
                "deprecated": True,
                "x-accountkit-replacement": REPLACEMENT,
                "parameters": [{"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {"id": {"type": "string", "readOnly": True}, "name": {"type": "string"}},
                            }
                        }
                    }
                },
                "responses": {"204": {"description": "done"}},
            }
        },
        "/things": {"get": {"operationId": "list_things", "responses": {"200": {"description": "ok"}}}},
    },
}


def _operations() -> dict[str, Operation]:
    namespace: dict[str, Any] = {}
    exec(modules.operations_module(DOCUMENT, "demo_client"), namespace)  # noqa: S102
    operations: dict[str, Operation] = namespace["OPERATIONS"]
    return operations


def test_operations_module_states_every_fact_of_the_spec() -> None:
    assert _operations() == {
        "put_thing": Operation(
            name="put_thing",
            method="PUT",
            path="/things/{thing_id}",
            package="demo_client",
            declared_idempotent=False,
            deprecated=REPLACEMENT,
            parameters_model="PutThingRequestParameters",
            body_model="PutThingRequestBody",
            read_only=("id",),
        ),
        "list_things": Operation(name="list_things", method="GET", path="/things", package="demo_client"),
    }


def test_a_name_missing_from_a_template_fails_the_build() -> None:
    # The environment the templates are rendered with: a misspelt name must not render as "".
    with pytest.raises(jinja2.UndefinedError, match="operation_list"):
        modules._environment(TEMPLATES).from_string("{{ operation_list }}").render(operations=[])
