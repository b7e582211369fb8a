"""What the templates need to know about an API beyond the generator's view of its spec.

openapi-python-client reads a spec's paths and schemas; a package also shows its users things that
live elsewhere, and ``pythonclient`` hands them to the templates as ``api``:

- from the spec: the client object's name (``info.x-accountkit-client-name``: ``PortaBilling`` gives
  ``PortaBilling`` and ``AsyncPortaBilling``), the first server (with its variables' defaults), the
  security schemes' descriptions, and the quickstart: the operation whose request examples are named
  ``quickstart`` (the package README's first call), with those values;
- from the vendor module (``codegen/vendors/<api>.py``, read with ``ast``, never imported):
  ``connect()``'s parameters and docstring, which the client object repeats, and the environment
  variables it reads: its ``credential(argument, value, ENV_VAR, ...)`` and
  ``resolve_base_url(value, ENV_VAR, default)`` calls.

``facts`` gives them as plain JSON data; a module without a ``connect()`` of that shape, or a spec
without a quickstart, is a ``FactsError`` naming the file and what is missing.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

from ..spec.specs import operations

QUICKSTART = "quickstart"
_CLIENT_NAME = re.compile(r"[A-Z][A-Za-z0-9]*")


class FactsError(ValueError):
    """The spec or the vendor module lacks something the package's client object and README are made from."""


def _resolve(document: dict[str, Any], node: Any) -> Any:
    """``node`` with a local ``$ref`` followed (examples may live under ``components/examples``)."""
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/"):
        ref = node["$ref"]
        if ref in seen:
            return None
        seen.add(ref)
        target: Any = document
        for part in ref[2:].split("/"):
            target = target.get(part.replace("~1", "/").replace("~0", "~")) if isinstance(target, dict) else None
        node = target
    return node


def _named_example(document: dict[str, Any], holder: Any, name: str) -> tuple[bool, Any]:
    examples = holder.get("examples") if isinstance(holder, dict) else None
    if not isinstance(examples, dict) or name not in examples:
        return False, None
    example = _resolve(document, examples[name])
    return (True, example["value"]) if isinstance(example, dict) and "value" in example else (False, None)


def _fallback_example(document: dict[str, Any], parameter: dict[str, Any]) -> tuple[bool, Any]:
    """A parameter's ``example``, or its first named example."""
    if "example" in parameter:
        return True, parameter["example"]
    for example in (parameter.get("examples") or {}).values():
        example = _resolve(document, example)
        if isinstance(example, dict) and "value" in example:
            return True, example["value"]
    return False, None


def quickstart(document: dict[str, Any]) -> dict[str, Any] | None:
    """The first operation with a request example named ``quickstart``: its id, parameter values and body.

    The example may be on the JSON body or on any parameter; a required parameter without one takes its
    ``example`` (or its first named example), so that the call is complete.
    """
    for _path, _method, operation in operations(document):
        parameters = [_resolve(document, parameter) for parameter in operation.get("parameters") or []]
        values: dict[str, Any] = {}
        for parameter in parameters:
            has, value = _named_example(document, parameter, QUICKSTART)
            if has:
                values[parameter["name"]] = value
        content = ((_resolve(document, operation.get("requestBody")) or {}).get("content") or {}).get(
            "application/json"
        )
        has_body, body = _named_example(document, content, QUICKSTART)
        if not values and not has_body:
            continue
        for parameter in parameters:
            if parameter.get("required") and parameter["name"] not in values:
                has, value = _fallback_example(document, parameter)
                if not has:
                    raise FactsError(
                        f"operation {operation['operationId']}: the quickstart has no value for the required "
                        f"parameter {parameter['name']} (give it an example)"
                    )
                values[parameter["name"]] = value
        return {"operation": operation["operationId"], "parameters": values, "body": body if has_body else None}
    return None


def first_server(document: dict[str, Any]) -> str | None:
    """The first server's URL, its variables replaced by their defaults."""
    servers = document.get("servers") or []
    if not servers or not isinstance(servers[0], dict) or not isinstance(servers[0].get("url"), str):
        return None
    url: str = servers[0]["url"]
    for name, variable in (servers[0].get("variables") or {}).items():
        url = url.replace("{" + name + "}", str((variable or {}).get("default", name)))
    return url


def spec_facts(document: dict[str, Any], spec: Path) -> dict[str, Any]:
    name = (document.get("info") or {}).get("x-accountkit-client-name")
    if not isinstance(name, str) or not _CLIENT_NAME.fullmatch(name):
        raise FactsError(
            f"{spec.name}: info.x-accountkit-client-name must name the client object in PascalCase "
            f"(e.g. PortaBilling), found {name!r}"
        )
    start = quickstart(document)
    if start is None:
        raise FactsError(
            f"{spec.name}: no operation has request examples named '{QUICKSTART}' (the package README's first call)"
        )
    schemes = ((document.get("components") or {}).get("securitySchemes")) or {}
    return {
        "client_name": name,
        "server": first_server(document),
        "quickstart": start,
        "security": [
            {"name": key, "description": str((scheme or {}).get("description") or "").strip()}
            for key, scheme in schemes.items()
        ],
    }


# -- the vendor module ------------------------------------------------------------------------------


def _called(node: ast.Call, name: str) -> bool:
    func = node.func
    return (isinstance(func, ast.Name) and func.id == name) or (isinstance(func, ast.Attribute) and func.attr == name)


def _string(node: ast.AST | None, constants: dict[str, Any]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name) and isinstance(constants.get(node.id), str):
        return str(constants[node.id])
    return None


def vendor_facts(path: Path) -> dict[str, Any]:
    """``connect()``'s signature, docstring and environment variables, read from the vendor module's source."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    constants = {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    connect = next((node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == "connect"), None)
    if connect is None:
        raise FactsError(f"{path.name}: no connect() function")
    if connect.args.args or connect.args.posonlyargs or connect.args.vararg or connect.args.kwarg:
        raise FactsError(f"{path.name}: connect() must take keyword-only arguments (def connect(*, ...))")
    parameters = []
    for argument, default in zip(connect.args.kwonlyargs, connect.args.kw_defaults, strict=True):
        if argument.annotation is None:
            raise FactsError(f"{path.name}: connect()'s argument {argument.arg} has no type annotation")
        parameters.append(
            {
                "name": argument.arg,
                "annotation": ast.unparse(argument.annotation),
                "default": None if default is None else ast.unparse(default),
            }
        )
    credentials: dict[str, dict[str, Any]] = {}
    base_url: dict[str, Any] | None = None
    for node in ast.walk(connect):
        if not isinstance(node, ast.Call):
            continue
        if _called(node, "credential") and len(node.args) >= 3:
            argument_name, variable = _string(node.args[0], constants), _string(node.args[2], constants)
            required = next((kw.value for kw in node.keywords if kw.arg == "required"), None)
            if argument_name and variable:
                entry = credentials.setdefault(argument_name, {"argument": argument_name, "env": variable})
                is_required = not (isinstance(required, ast.Constant) and required.value is False)
                entry["required"] = entry.get("required", False) or is_required
        elif _called(node, "resolve_base_url") and len(node.args) >= 3:
            variable = _string(node.args[1], constants)
            if variable:
                base_url = {"env": variable, "default": _string(node.args[2], constants)}
    if base_url is None:
        raise FactsError(f"{path.name}: connect() does not call resolve_base_url(base_url, ENV_VAR, default)")
    return {
        "connect": {"parameters": parameters, "docstring": ast.get_docstring(connect) or ""},
        "credentials": list(credentials.values()),
        "base_url": base_url,
    }


def facts(document: dict[str, Any], spec: Path, vendor: Path) -> dict[str, Any]:
    """Everything ``api`` holds in the templates (see the module docstring)."""
    return {**spec_facts(document, spec), **vendor_facts(vendor)}
