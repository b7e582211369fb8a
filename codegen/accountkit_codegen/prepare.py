"""The Python generators' view of a spec.

The committed spec is written for every consumer (TypeScript, HTML docs, other languages); a few of its
contents are things openapi-python-client cannot take and would otherwise skip or fail on. This module
derives, in memory, the document the Python generators read. It never changes meaning for JSON clients.
"""

from __future__ import annotations

import copy
from typing import Any

from .specs import operations

JSON_MEDIA_TYPE = "application/json"


def _keep_json_only(content: dict[str, Any]) -> dict[str, Any]:
    """Keep only ``application/json`` where the vendor also accepts XML or ``text/json``.

    The Python clients speak JSON only; openapi-python-client refuses XML bodies and would generate a
    second, ambiguous body type for ``text/json``.
    """
    if JSON_MEDIA_TYPE in content:
        return {JSON_MEDIA_TYPE: content[JSON_MEDIA_TYPE]}
    return content


def for_python(document: dict[str, Any]) -> dict[str, Any]:
    """A deep copy of ``document`` as the Python generators should see it."""
    prepared = copy.deepcopy(document)
    for _path, _method, operation in operations(prepared):
        body = operation.get("requestBody")
        if isinstance(body, dict) and "content" in body:
            body["content"] = _keep_json_only(body["content"])
        for response in (operation.get("responses") or {}).values():
            if isinstance(response, dict) and "content" in response:
                response["content"] = _keep_json_only(response["content"])
    return prepared
