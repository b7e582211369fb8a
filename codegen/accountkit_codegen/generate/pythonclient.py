"""``python -m accountkit_codegen.generate.pythonclient``: openapi-python-client with what our templates need besides.

``build`` runs this in a subprocess instead of openapi-python-client's command line. It does what that
command does (read the config, parse the prepared spec, render the project from ``codegen/templates/``
over the built-in templates, and fail on any warning, such as an operation the generator would skip),
and two things the command cannot:

- **More context for the templates.** Every template also sees ``api`` (``clientfacts``: the client
  object's name, the vendor's ``connect()`` and environment variables, the quickstart example),
  ``quickstart`` (that example as a method call) and the functions of ``methods`` (success types,
  error models, TypedDicts, method signatures).
- **Modules of our own**, rendered from templates of the same directory into the package beside the
  generator's: ``EXTRA_MODULES``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml
from openapi_python_client import Project
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser.errors import GeneratorError
from openapi_python_client.parser.openapi import GeneratorData

from . import methods

# Template -> module of the package: connect(), the client objects' resources, and the error body table.
EXTRA_MODULES = {
    "_connect.py.jinja": "_connect.py",
    "resources.py.jinja": "resources.py",
    "clients.py.jinja": "clients.py",
    "error_models.py.jinja": "_error_models.py",
}

TEMPLATE_FUNCTIONS = {
    name: getattr(methods, name)
    for name in (
        "argument",
        "dict_type",
        "error_model_names",
        "error_models",
        "has_body",
        "input_type",
        "is_closed",
        "method",
        "method_props",
        "success_responses",
        "success_type",
        "type_imports",
        "type_names",
        "typeddict",
        "typeddict_name",
    )
}


def _shown(error: GeneratorError) -> str:
    return f"{error.level.value}: {error.header}" + (f": {error.detail}" if error.detail else "")


def generate(spec: Path, config_path: Path, templates: Path, output: Path, facts: dict[str, object]) -> list[str]:
    """Write the package project to ``output``; return the problems (none: it was written completely)."""
    config = Config.from_sources(ConfigFile.load_from_path(config_path), MetaType.UV, spec, "utf-8", False, output)
    data = GeneratorData.from_dict(yaml.safe_load(spec.read_text(encoding="utf-8")), config=config)
    if isinstance(data, GeneratorError):
        return [_shown(data)]
    project = Project(openapi=data, config=config, custom_template_path=templates)
    endpoints = {
        str(endpoint.name): (str(tag), endpoint)
        for tag, collection in data.endpoint_collections_by_tag.items()
        for endpoint in collection.endpoints
    }
    start = facts["quickstart"]
    assert isinstance(start, dict)
    if start["operation"] not in endpoints:
        return [f"error: the quickstart operation {start['operation']} was not generated"]
    tag, endpoint = endpoints[start["operation"]]
    try:
        quickstart = methods.example_call(endpoint, tag, start)
    except ValueError as exc:
        return [f"error: quickstart: {exc}"]
    project.env.globals.update(api=facts, quickstart=quickstart, call_options=methods.CALL_OPTIONS)
    project.env.globals.update(TEMPLATE_FUNCTIONS, literal=repr)
    problems = [_shown(error) for error in project.build()]
    if problems:
        return problems
    for template, module in EXTRA_MODULES.items():
        text = project.env.get_template(template).render()
        (project.package_dir / module).write_text(text, encoding=config.file_encoding)
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pythonclient", description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, required=True, help="the prepared spec (prepare.for_python)")
    parser.add_argument("--config", type=Path, required=True, help="openapi-python-client's config file")
    parser.add_argument("--templates", type=Path, required=True, help="codegen/templates/")
    parser.add_argument("--output", type=Path, required=True, help="the project directory to write (must not exist)")
    parser.add_argument("--facts", type=Path, required=True, help="clientfacts.facts(), as JSON")
    args = parser.parse_args(argv)
    facts = json.loads(args.facts.read_text(encoding="utf-8"))
    problems = generate(args.spec, args.config, args.templates, args.output, facts)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
