"""What a request model's ``from_dict`` accepts: the keys of its schema, and each required one.

Request schemas are closed (``additionalProperties: false``); openapi-python-client's ``from_dict``
would drop an unknown key silently, so a misspelt field (``"firstnme"``) meant an update that never
happened, and a missing required key was a bare ``KeyError``. The generated ``from_dict`` of every closed
model calls ``check_keys`` first. Response models stay open (unknown keys are kept), so that a vendor
adding a field does not break parsing.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from .errors import RequestValidationError


def check_keys(model: str, data: Mapping[Any, Any], known: Collection[str], required: Collection[str]) -> None:
    """Raise ``RequestValidationError`` naming every unknown and every missing required key of ``data``."""
    unknown = [key for key in data if key not in known]
    missing = [key for key in required if key not in data]
    if unknown or missing:
        raise RequestValidationError(
            f"{model}.from_dict",
            [
                (str(key), f"unknown field: {model} has no such field (its schema is closed); misspelt?")
                for key in unknown
            ]
            + [(key, "required field missing") for key in missing],
        )
