"""What the templates need to know about an API beyond the generator's view of its spec.

openapi-python-client reads a spec's paths and schemas; a package also shows its users things that
live elsewhere, and ``pythonclient`` hands them to the templates as ``api``:

- from the spec: the client object's name (``info.x-accountkit-client-name``: ``PortaBilling`` gives
  ``PortaBilling`` and ``AsyncPortaBilling``), the first server (with its variables' defaults), the
  security schemes' descriptions, the quickstart: the operation whose request examples are named
  ``quickstart`` (the package README's first call), with those values; and how ``connect()`` finds
  what it is not given (``connection``): each security scheme's ``x-accountkit-env`` (its credentials'
  arguments and environment variables), the first server's ``x-accountkit-env`` (the base URL's) and
  ``x-accountkit-default`` (whether that server is the default base URL), and the session faultcodes
  of a ``Fault`` schema. ``generate/modules.py`` writes the same facts into the package's ``_facts.py``,
  which the vendor module reads: they are stated once, in the spec;
- ``connect()`` itself (``connect``), which ``templates/_connect.py.jinja`` writes and the client object
  repeats: the parameters every package shares (``COMMON_BEFORE``, ``COMMON_AFTER``), the credentials
  between them, and a docstring whose fallbacks come from the spec; from the vendor module
  (``codegen/vendors/<api>.py``, read with ``ast``, never imported) only what the spec cannot say:
  ``authenticate()``'s credential arguments (their order) and docstring (summary and notes), and whether
  it has its own ``resolve_credentials()`` rule.

``facts`` gives them as plain JSON data; a module without an ``authenticate()`` of that shape, or a spec
without a quickstart, is a ``FactsError`` naming the file and what is missing.
"""

from __future__ import annotations

import ast
import inspect
import re
import textwrap
from pathlib import Path
from typing import Any

from ..spec.specresolve import deref
from ..spec.specs import operations

QUICKSTART = "quickstart"
_CLIENT_NAME = re.compile(r"[A-Z][A-Za-z0-9]*")


class FactsError(ValueError):
    """The spec or the vendor module lacks something the package's client object and README are made from."""


def _resolve(document: dict[str, Any], node: Any) -> Any:
    """``node`` with its local ``$ref``s followed (examples may live under ``components/examples``)."""
    return deref(document, node)[0]


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


# -- how connect() finds what it is not given ----------------------------------------------------------

_ENV_VAR = re.compile(r"[A-Z][A-Z0-9_]*")
_KEYS = {"argument", "env", "required", "secret"}


def _env_var(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _ENV_VAR.fullmatch(value):
        raise FactsError(f"{where}: x-accountkit-env must be an environment variable's name (A_Z0_9), found {value!r}")
    return value


def _credentials(schemes: dict[str, Any], where: str) -> list[dict[str, Any]]:
    credentials: list[dict[str, Any]] = []
    for key, scheme in schemes.items():
        entries = (scheme or {}).get("x-accountkit-env") if isinstance(scheme, dict) else None
        if not isinstance(entries, list) or not entries:
            raise FactsError(
                f"{where}: security scheme {key}: x-accountkit-env must list its credentials "
                "({argument: <connect() argument>, env: <VARIABLE>, required: true, secret: true})"
            )
        for entry in entries:
            if not isinstance(entry, dict) or not isinstance(entry.get("argument"), str) or entry.keys() - _KEYS:
                raise FactsError(
                    f"{where}: security scheme {key}: each x-accountkit-env entry takes argument, env, "
                    f"required and secret only, found {entry!r}"
                )
            flags = {name: entry.get(name, True) for name in ("required", "secret")}
            if not all(isinstance(flag, bool) for flag in flags.values()):
                raise FactsError(f"{where}: security scheme {key}: required and secret are true or false: {entry!r}")
            credentials.append(
                {
                    "argument": entry["argument"],
                    "env": _env_var(entry.get("env"), f"{where}: {key}"),
                    **flags,
                    # A key sent as an HTTP header must be ASCII: connect() refuses any other before use.
                    "header": scheme.get("type") == "apiKey" and scheme.get("in") == "header",
                }
            )
    return credentials


def _faultcodes(document: dict[str, Any], extension: str, where: str) -> list[str]:
    """The faultcodes a schema of the spec lists under ``extension`` (PortaBilling's ``Fault``), sorted."""
    schemas = (document.get("components") or {}).get("schemas") or {}
    codes: set[str] = set()
    for schema in schemas.values() if isinstance(schemas, dict) else ():
        listed = schema.get(extension) if isinstance(schema, dict) else None
        if listed is not None:
            if not isinstance(listed, list) or not all(isinstance(code, str) for code in listed):
                raise FactsError(f"{where}: {extension} must be a list of faultcodes, found {listed!r}")
            codes.update(listed)
    return sorted(codes)


def connection(document: dict[str, Any], spec: Path) -> dict[str, Any]:
    """How ``connect()`` finds what it is not given, as the spec states it (see the module docstring).

    ``credentials``: each ``{argument, env, required, secret}``; ``base_url``: ``{env, default}``, the
    default being the first server with its variables' defaults, or None when that server is only an
    example of the customer's own installation (``x-accountkit-default: false``); the faultcodes that mean
    "log in again" and "the login was refused".
    """
    schemes = ((document.get("components") or {}).get("securitySchemes")) or {}
    servers = document.get("servers") or []
    server = servers[0] if isinstance(servers, list) and servers and isinstance(servers[0], dict) else {}
    default = server.get("x-accountkit-default")
    if not isinstance(default, bool):
        raise FactsError(
            f"{spec.name}: the first server must say x-accountkit-default: true (connect()'s default base URL) "
            f"or false (an example of the customer's own installation), found {default!r}"
        )
    return {
        "credentials": _credentials(schemes if isinstance(schemes, dict) else {}, spec.name),
        "base_url": {
            "env": _env_var(server.get("x-accountkit-env"), f"{spec.name}: the first server"),
            "default": first_server(document) if default else None,
        },
        "session_faultcodes": _faultcodes(document, "x-accountkit-session-faultcodes", spec.name),
        "login_refused_faultcodes": _faultcodes(document, "x-accountkit-login-refused-faultcodes", spec.name),
    }


# -- connect(): the parameters every package shares, and the vendor module's part ------------------

# connect()'s parameters around the credentials, (name, annotation, default): the same in every package,
# stated here only. The credentials (``str | None = None`` each) go between the two groups.
COMMON_BEFORE = (
    ("base_url", "str | None", "None"),
    ("timeout", "float | httpx.Timeout | None", "None"),
    ("max_retries", "int | None", "None"),
    ("validate_requests", "bool", "True"),
    ("async_transport", "str | None", "None"),
)
COMMON_AFTER = (
    ("allow_insecure_http", "bool", "False"),
    ("httpx_args", "dict[str, Any] | None", "None"),
)
AUTHENTICATE = "authenticate"
RESOLVE_CREDENTIALS = "resolve_credentials"
CONNECT_DOC = "CONNECT_DOC"


def _function(tree: ast.Module, name: str) -> ast.FunctionDef | None:
    return next((node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == name), None)


def _connect_docstring(summary: str, notes: str, connection: dict[str, Any]) -> str:
    """connect()'s docstring: the vendor's summary, where each argument falls back to (the spec's), its notes."""
    arguments = [(credential["argument"], credential["env"]) for credential in connection["credentials"]]
    base_url = connection["base_url"]
    then = f"and then {base_url['default']}" if base_url["default"] else "and is required"
    fallbacks = [f"``{argument}`` to ``{env}``" for argument, env in arguments]
    fallbacks.append(f"``base_url`` to ``{base_url['env']}`` {then}")
    fallbacks[0] = fallbacks[0].replace(" to ", " falls back to ", 1)
    text = summary + "\n\n" + textwrap.fill("; ".join(fallbacks) + ".", width=100, break_on_hyphens=False)
    return text + ("\n" + notes if notes else "")


def vendor_facts(path: Path) -> dict[str, Any]:
    """What the vendor module says about ``connect()``, read from its source.

    ``authenticate(base_url, *, <credential>: ..., ...)`` turns the credentials into an auth flow and a
    redactor: its keyword arguments are connect()'s credential arguments, in their order. ``CONNECT_DOC``
    (a string): connect()'s summary (its first line) and notes (the rest), around the fallbacks the spec
    states. ``resolve_credentials`` (optional) replaces the usual lookup (argument, else environment
    variable) when a vendor has its own rule.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    authenticate = _function(tree, AUTHENTICATE)
    if authenticate is None:
        raise FactsError(f"{path.name}: no {AUTHENTICATE}() function")
    arguments = authenticate.args
    if (
        [argument.arg for argument in arguments.posonlyargs + arguments.args] != ["base_url"]
        or arguments.vararg
        or arguments.kwarg
        or not arguments.kwonlyargs
    ):
        raise FactsError(
            f"{path.name}: {AUTHENTICATE}() must take the base URL, then each credential by keyword "
            f"(def {AUTHENTICATE}(base_url: str, *, token: str) -> ...)"
        )
    docstring = next(
        (
            node.value.value
            for node in tree.body
            if isinstance(node, ast.Assign)
            and [getattr(target, "id", None) for target in node.targets] == [CONNECT_DOC]
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ),
        "",
    )
    summary, _, notes = inspect.cleandoc(docstring).partition("\n")
    if not summary:
        raise FactsError(
            f"{path.name}: {CONNECT_DOC} must be a string: connect()'s summary line, then its notes (if any)"
        )
    return {
        "credential_arguments": [argument.arg for argument in arguments.kwonlyargs],
        "summary": summary,
        "notes": notes.strip(),
        "resolves_credentials": _function(tree, RESOLVE_CREDENTIALS) is not None,
    }


def _connect(vendor: dict[str, Any], found: dict[str, Any]) -> dict[str, Any]:
    """connect()'s parameters (``{name, annotation, default, common}``) and docstring."""

    def parameter(name: str, annotation: str, default: str, common: bool) -> dict[str, Any]:
        return {"name": name, "annotation": annotation, "default": default, "common": common}

    return {
        "parameters": [
            *(parameter(*entry, common=True) for entry in COMMON_BEFORE),
            *(parameter(name, "str | None", "None", common=False) for name in vendor["credential_arguments"]),
            *(parameter(*entry, common=True) for entry in COMMON_AFTER),
        ],
        "docstring": _connect_docstring(vendor["summary"], vendor["notes"], found),
        "resolves_credentials": vendor["resolves_credentials"],
    }


def facts(document: dict[str, Any], spec: Path, vendor: Path) -> dict[str, Any]:
    """Everything ``api`` holds in the templates (see the module docstring)."""
    known = spec_facts(document, spec)
    found = connection(document, spec)
    module = vendor_facts(vendor)
    # connect() takes the credentials in the order authenticate() does; the spec and the vendor module
    # must name the same ones (an argument without a variable, or a variable without an argument, is a gap).
    order = module["credential_arguments"]
    stated = [credential["argument"] for credential in found["credentials"]]
    for argument in stated:
        if argument not in order:
            raise FactsError(
                f"{spec.name}: x-accountkit-env names the credential {argument!r}, "
                f"which {vendor.name}'s {AUTHENTICATE}() does not take"
            )
    for argument in order:
        if argument not in stated:
            raise FactsError(
                f"{vendor.name}: {AUTHENTICATE}() takes {argument!r}, which no x-accountkit-env of {spec.name} names"
            )
    found["credentials"].sort(key=lambda credential: order.index(credential["argument"]))
    return {**known, **found, "connect": _connect(module, found)}
