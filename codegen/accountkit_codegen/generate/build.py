"""Build one API's complete package project into a fresh directory.

The steps, in order: validate the spec; derive the Python generators' view of it; run
openapi-python-client (attrs models + httpx client, our templates and config, through ``pythonclient``,
which also gives the templates what the spec and the vendor module say beyond the generator's view:
``clientfacts``) and datamodel-code-generator (pydantic v2 models as ``<api>_client.schemas``); add the
vendor module and the spec itself as package data; name the accountkit-runtime versions the package
works with; format everything with the pinned ruff. The runtime is not copied in: it is a package of
its own. The version is the package's own (``records``), not the spec's ``info.version``.
Every tool is the one installed next to this interpreter, so output depends only on the pins.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from ..spec.layout import (
    CACHE,
    CODEGEN,
    GENERATOR_CONFIG,
    REPO,
    RUFF_CONFIG,
    RUNTIME,
    RUNTIME_DISTRIBUTION,
    TEMPLATES,
    Api,
)
from ..spec.specs import load_spec, operations
from . import modules, prepare
from .clientfacts import FactsError, facts
from .records import RecordError, client_version
from .runtimerange import MARKER, RuntimeVersionError, requirement, runtime_version


class ToolError(Exception):
    """A generator exited with an error on an otherwise valid spec."""

    def __init__(self, api: Api, tool: str, output: str) -> None:
        super().__init__(api, tool, output)
        self.api, self.tool, self.output = api, tool, output

    def __str__(self) -> str:
        lines = [line for line in self.output.strip().splitlines() if line.strip()]
        tail = "\n  ".join(lines[-15:]) or "(no output)"
        return f"specs/{self.api.name}.yaml: {self.tool} failed:\n  {tail}"


def _tool(name: str) -> str:
    """The console script ``name`` from this interpreter's environment (never whatever is on PATH)."""
    path = Path(sys.executable).parent / name
    return str(path) if path.exists() else name


def _run(
    api: Api,
    tool: str,
    args: list[str | Path],
    cwd: Path,
    *,
    command: list[str] | None = None,
    path: tuple[Path, ...] = (),
) -> None:
    """Run ``tool`` (or ``command``, named ``tool`` in errors) with ``args``; ``ToolError`` when it fails.

    ``path``: more import roots (``checks`` imports the generated models, whose ``_patterns`` import
    this checkout's runtime)."""
    # The pipeline's own modules (``pythonclient``) run with this interpreter, from this checkout's codegen/.
    roots = [str(CODEGEN), *map(str, path), os.environ.get("PYTHONPATH")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, roots))}
    result = subprocess.run(
        [*(command or [_tool(tool)]), *map(str, args)],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )
    if result.returncode != 0 or "Warning(s) encountered" in result.stdout:
        raise ToolError(api, tool, result.stdout)


def _request_models(document: dict[str, Any]) -> list[str]:
    """The names of the pydantic models that validate a request (``_operations.py`` names the same)."""
    return sorted(
        {name for _, _, operation in operations(document) for name in prepare.request_model_names(operation) if name}
    )


def _name_runtime_range(api: Api, pyproject: Path, runtime: str) -> None:
    """Write the runtime range into the package's pyproject.toml, where the template marks it."""
    text = pyproject.read_text(encoding="utf-8")
    placeholder = f'"{RUNTIME_DISTRIBUTION}{MARKER}"'
    if text.count(placeholder) != 1 or text.count(MARKER) != 1:
        raise ToolError(api, "build", f"templates/pyproject.toml.jinja must hold {placeholder} exactly once")
    pyproject.write_text(text.replace(placeholder, f'"{runtime}"'), encoding="utf-8")


def build(api: Api, dest: Path) -> None:
    """Write ``api``'s package project to ``dest`` (which must not exist yet)."""
    document = load_spec(api.spec)
    try:
        runtime = requirement(runtime_version())
        version = client_version(REPO, api.name)
    except (RuntimeVersionError, RecordError) as exc:
        raise ToolError(api, "build", str(exc)) from None
    CACHE.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f"build-{api.name}-", dir=CACHE) as tmp:
        work = Path(tmp)
        # A fixed file name: the generators quote it in headers, and a temp path would break determinism.
        for name, view in (
            ("openapi.yaml", prepare.for_python(document)),
            ("pydantic.yaml", prepare.for_pydantic(document, api.spec, api.package)),
        ):
            (work / name).write_text(yaml.safe_dump(view, sort_keys=False, allow_unicode=True), encoding="utf-8")
        # The settings every API shares, then what is derived: the names (layout) and the package's own
        # version (its record's: records.py), not the spec's info.version.
        config = yaml.safe_load(GENERATOR_CONFIG.read_text(encoding="utf-8")) or {}
        config["project_name_override"] = api.distribution
        config["package_name_override"] = api.package
        config["package_version_override"] = version
        (work / "config.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
        try:
            known = facts(document, api.spec, api.vendor)
        except FactsError as exc:
            raise ToolError(api, "clientfacts", str(exc)) from None
        (work / "facts.json").write_text(json.dumps(known, indent=1), encoding="utf-8")
        project = work / "project"
        _run(
            api,
            "openapi-python-client",
            [
                "--spec", "openapi.yaml",
                "--output", project,
                "--config", "config.yaml",
                "--templates", TEMPLATES,
                "--facts", "facts.json",
            ],
            cwd=work,
            command=[sys.executable, "-m", "accountkit_codegen.generate.pythonclient"],
        )  # fmt: skip
        package = project / api.package
        _run(
            api,
            "datamodel-codegen",
            [
                "--input", "pydantic.yaml",
                "--input-file-type", "openapi",
                "--output", package / "schemas.py",
                "--output-model-type", "pydantic_v2.BaseModel",
                "--target-python-version", "3.11",
                "--openapi-scopes", "schemas",
                "--set-default-enum-member",
                "--formatters", "ruff-format",
                "--field-constraints",
                "--use-annotated",
                "--use-standard-collections",
                "--use-union-operator",
                "--use-schema-description",
                "--use-field-description",
                "--allow-population-by-field-name",
                "--strict-nullable",
                # An optional field that is not nullable may be left out but is never null: MISSING,
                # not None, is its default, so a None given for it is refused instead of sent as null.
                "--use-missing-sentinel",
                "--target-pydantic-version", "2.14",
                "--disable-timestamp",
                "--custom-file-header", modules.schemas_header(api.name),
            ],
            cwd=work,
        )  # fmt: skip
        shutil.copyfile(api.vendor, package / "_vendor.py")
        (package / "_operations.py").write_text(modules.operations_module(document, api.package), encoding="utf-8")
        (package / "_patterns.py").write_text(modules.patterns_module(document, api.spec), encoding="utf-8")
        (package / "_facts.py").write_text(modules.facts_module(known), encoding="utf-8")
        # Last of the modules: it imports the generated schemas (and _patterns) to derive the checks.
        _run(
            api,
            "request checks",
            [project, api.package, *_request_models(document)],
            cwd=work,
            command=[sys.executable, "-m", "accountkit_codegen.generate.checks"],
            path=(RUNTIME,),
        )
        shutil.copyfile(api.spec, package / "openapi.yaml")
        # The changelog is kept beside the specs (generated/ is rewritten on every build) and shipped in
        # the package as CHANGELOG.md, the name its sdist lists; stamp.py hashes it like the spec.
        changelog = api.changelog
        if changelog.exists():
            shutil.copyfile(changelog, project / "CHANGELOG.md")
        _name_runtime_range(api, project / "pyproject.toml", runtime)
        for ruff_args in (["check", "--fix-only", "--exit-zero"], ["format"]):
            _run(api, "ruff", [*ruff_args, "--no-cache", "--quiet", "--config", RUFF_CONFIG, "."], cwd=project)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(project, dest)
