"""The package modules accountkit writes itself, beside the generators' output: data from the spec, text
from ``codegen/templates/``.

``_operations.py`` (what the runtime knows about each operation), ``_patterns.py`` (the pattern types
one linear-time regex cannot check) and ``_facts.py`` (how ``connect()`` finds credentials and the base
URL, which the vendor module reads) are Python like the rest of the package, so they are written the
same way: a Jinja template per module, filled with what ``prepare`` reads from the spec. Values go in
through ``repr``, so any string the spec holds comes out as a valid literal; the pinned ruff then
formats the whole package, so a template's layout never decides a byte. The same goes for the header
datamodel-code-generator writes atop ``schemas.py`` (``schemas_header``) and for the npm packages'
``spec.ts`` (``dist/npmpack.py``, with ``codegen/npm/`` as the folder and ``json`` for literals).
(``_connect.py`` and the client objects are rendered by openapi-python-client's own environment, in
``pythonclient``, as they need its view of the operations.)
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import jinja2

from ..spec.layout import TEMPLATES
from . import prepare


@functools.cache
def _environment(folder: Path) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        undefined=jinja2.StrictUndefined,  # a misspelt name in a template fails the build, never renders as ""
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # source code, not HTML
    )
    environment.filters["py"] = repr  # a Python literal
    environment.filters["json"] = json.dumps  # a JSON (and so TypeScript) literal
    return environment


def render(template: str, *, folder: Path = TEMPLATES, **values: Any) -> str:
    """``<folder>/<template>`` (``codegen/templates/`` unless told) filled with ``values``."""
    return _environment(folder).get_template(template).render(**values)


def operations_module(document: dict[str, Any], package: str) -> str:
    """Source of ``<package>/_operations.py``: what the runtime needs to know about each operation."""
    return render("_operations.py.jinja", operations=prepare.operation_facts(document, package))


def patterns_module(document: dict[str, Any], spec_path: Path) -> str:
    """Source of ``<package>/_patterns.py``: a type per field whose pattern needs several linear-time checks."""
    return render("_patterns.py.jinja", types=prepare.pattern_types(document, spec_path))


def facts_module(connection: dict[str, Any]) -> str:
    """Source of ``<package>/_facts.py``: ``clientfacts.connection``'s facts, for the vendor module."""
    return render("_facts.py.jinja", connection=connection)


def schemas_header(api: str) -> str:
    """The comment lines atop ``<package>/schemas.py`` (datamodel-code-generator's ``--custom-file-header``)."""
    return render("_schemas_header.py.jinja", api=api).rstrip("\n")
