"""``./dev -s specs`` writes what other languages need, and each file keeps its promise.

Bundled YAML and JSON with no external ``$ref`` (and still valid OpenAPI 3.1), an HTML reference that
loads nothing from the network, and TypeScript types that compile under ``tsc --strict`` and are usable:
typescript/usage.ts builds a request body from them and must compile, while the bodies it marks with
``@ts-expect-error`` must not.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from accountkit_codegen.dist import specsdist
from accountkit_codegen.spec.layout import all_apis
from openapi_spec_validator import validate

APIS = [api.name for api in all_apis()]
USAGE = Path(__file__).parent / "typescript" / "usage.ts"


def _only_typescript(_folder: str, names: list[str]) -> list[str]:
    """copytree's ignore: everything but the .d.ts files and tsconfig.json."""
    return [name for name in names if not name.endswith(".d.ts") and name != "tsconfig.json"]


@pytest.fixture(scope="module")
def specs_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The specs command, run once into a temporary dist/specs/ (it type-checks the .d.ts itself)."""
    if not specsdist.NODE_BIN.is_dir():
        pytest.fail("node_modules/.bin is missing: run the tests through ./dev -s tests (it runs npm ci)")
    out = tmp_path_factory.mktemp("specs")
    assert specsdist.main(["--outdir", str(out)]) == 0
    return out


@pytest.mark.parametrize("api", APIS)
def test_every_output_is_written(api: str, specs_dir: Path) -> None:
    for suffix in (".yaml", ".json", ".html", ".d.ts"):
        path = specs_dir / f"{api}{suffix}"
        assert path.is_file() and path.stat().st_size > 0, f"{path.name} missing or empty"


@pytest.mark.parametrize("api", APIS)
def test_bundles_are_self_contained_valid_openapi(api: str, specs_dir: Path) -> None:
    from_json = json.loads((specs_dir / f"{api}.json").read_text(encoding="utf-8"))
    from_yaml = yaml.safe_load((specs_dir / f"{api}.yaml").read_text(encoding="utf-8"))
    for document in (from_json, from_yaml):
        assert specsdist.external_refs(document) == []
        assert all(ref.startswith("#/") for ref in specsdist.refs(document))
    validate(from_json)
    assert from_yaml["info"] == from_json["info"]
    assert list(from_yaml["paths"]) == list(from_json["paths"])


@pytest.mark.parametrize("api", APIS)
def test_html_reference_works_offline(api: str, specs_dir: Path) -> None:
    html = (specs_dir / f"{api}.html").read_text(encoding="utf-8")
    assert specsdist.external_assets(html) == []
    assert not re.search(r"<script\b[^>]*\bsrc\s*=", html, re.IGNORECASE), "a script is loaded, not inlined"
    document = json.loads((specs_dir / f"{api}.json").read_text(encoding="utf-8"))
    for _path, item in document["paths"].items():
        for operation in item.values():
            if isinstance(operation, dict) and "operationId" in operation:
                assert operation["operationId"] in html, f"{operation['operationId']} is not in the page"


def test_external_assets_are_detected() -> None:
    """The offline check above would catch a CDN script or stylesheet (it is not vacuous)."""
    page = '<script src="https://cdn.example/redoc.js"></script><link rel="stylesheet" href="//fonts.example/x.css">'
    assert specsdist.external_assets(page) == ["//fonts.example/x.css", "https://cdn.example/redoc.js"]
    assert specsdist.external_assets("<script>inline()</script>") == []


def test_typescript_types_are_usable(specs_dir: Path, tmp_path: Path) -> None:
    if "portabilling" not in APIS:
        pytest.skip("usage.ts is written against portabilling's types")
    work = tmp_path / "ts"
    shutil.copytree(specs_dir, work, ignore=_only_typescript)
    shutil.copy(USAGE, work / USAGE.name)
    tsc = specsdist.node_tool("tsc")
    result = subprocess.run([tsc, "-p", str(work / "tsconfig.json")], cwd=work, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_typescript_check_fails_on_a_wrong_body(specs_dir: Path, tmp_path: Path) -> None:
    """A body the types reject makes tsc fail: the check really reads usage files and the .d.ts."""
    if "portabilling" not in APIS:
        pytest.skip("written against portabilling's types")
    work = tmp_path / "ts"
    shutil.copytree(specs_dir, work, ignore=_only_typescript)
    (work / "wrong.ts").write_text(
        'import type { operations } from "./portabilling";\n'
        'type Body = operations["update_account"]["requestBody"]["content"]["application/json"];\n'
        "export const body: Body = { params: { account_info: { i_account: true } } };\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [specsdist.node_tool("tsc"), "-p", str(work / "tsconfig.json")],
        cwd=work,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "wrong.ts" in result.stdout


def test_specs_command_runs_as_a_module(tmp_path: Path) -> None:
    """``python -m accountkit_codegen.dist.specsdist`` (what ``./dev -s specs`` runs) for one API, end to end."""
    api = APIS[0]
    result = subprocess.run(
        [sys.executable, "-m", "accountkit_codegen.dist.specsdist", api, "--outdir", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        [f"{api}.yaml", f"{api}.json", f"{api}.html", f"{api}.d.ts", "tsconfig.json"]
    )
