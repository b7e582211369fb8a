"""Every package README's code, as a user copies it: each ```python block runs and type-checks.

The README tells users which environment variables to set (its ```sh block of ``export`` lines);
the test sets exactly those, to the loopback server's URL and the kit's credentials, and runs every
python block in its own interpreter against that server. All the blocks of every README are then
checked with ``mypy --strict``, together with the typed call files in ``typed/`` (``assert_type`` of
what each call returns), so neither the README nor the types a user sees can rot.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
APIS = ("activeplatform", "intandem", "octopush", "portabilling", "twosms")
TYPED = Path(__file__).parent / "typed"
FENCE = re.compile(r"^```(\w+)\n(.*?)^```$", re.M | re.S)


def blocks(api: str, language: str) -> list[str]:
    return _fenced(ROOT / "generated" / api / "README.md", language)


def _fenced(readme: Path, language: str) -> list[str]:
    return [body for lang, body in FENCE.findall(readme.read_text(encoding="utf-8")) if lang == language]


def exported(api: str) -> list[str]:
    """The environment variables the README's Credentials section tells users to export."""
    return [name for block in blocks(api, "sh") for name in re.findall(r"^export (\w+)=", block, re.M)]


def _routes(kit: Any) -> None:
    """Routes for the quickstart's own example values, where they differ from the kit's."""
    if kit.name == "octopush":
        path = "/v1/public/subaccount/leonardo@sub-accounts.com/edit"
        kit.server.route("PATCH", path, kit.server.Reply(201, json={"first_name": "Ann"}))
    elif kit.name == "twosms":
        kit.server.route("PUT", "/api/v2/admin/accounts/f3cf5cc6-a44f-43da-81ec-04c8d2f91294", kit._update)


def _environment(kit: Any) -> dict[str, str]:
    values = {variable: kit.credentials.get(argument) for argument, variable in kit.env.items()}
    values[kit.env["base_url"]] = kit.base_url
    env = {name: value for name, value in os.environ.items() if not name.startswith(kit.name.upper() + "_")}
    wanted = exported(kit.name)
    assert kit.env["base_url"] in wanted, f"{kit.name}: the README does not say to set {kit.env['base_url']}"
    for name in wanted:
        if values.get(name):
            env[name] = str(values[name])
    return env


@pytest.mark.parametrize("api", APIS)
def test_every_python_block_of_the_readme_runs(kit_for: Any, api: str, tmp_path: Path) -> None:
    kit = kit_for(api)
    _routes(kit)
    env = _environment(kit)
    code = blocks(api, "python")
    assert len(code) >= 6, f"{api}: the README lost code blocks"
    for number, block in enumerate(code, 1):
        script = tmp_path / f"block_{number}.py"
        script.write_text(block, encoding="utf-8")
        before = len(kit.server.requests)
        result = subprocess.run(
            [sys.executable, "-W", "ignore::DeprecationWarning", str(script)],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=120,
        )
        assert result.returncode == 0, f"{api} README block {number}:\n{block}\n{result.stdout}{result.stderr}"
        if "client." in block:
            assert len(kit.server.requests) > before, f"{api} README block {number} sent nothing"
        for secret in kit.secrets:
            assert secret not in result.stdout + result.stderr, f"{api} README block {number} showed a secret"


def _mypy(files: list[Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    paths = [str(ROOT / "runtime"), *(str(ROOT / "generated" / api) for api in APIS)]
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file=", "--strict", "--no-incremental", "--python-version", "3.11"]
        + [str(path) for path in files],
        capture_output=True,
        text=True,
        env={**os.environ, "MYPYPATH": os.pathsep.join(paths)},
        cwd=cwd,
        timeout=600,
    )


def test_readme_blocks_and_typed_calls_pass_mypy_strict(tmp_path: Path) -> None:
    files = []
    for api in APIS:
        for number, block in enumerate(blocks(api, "python"), 1):
            path = tmp_path / f"readme_{api}_{number}.py"
            path.write_text(block, encoding="utf-8")
            files.append(path)
    files += sorted(TYPED.glob("typed_*.py"))
    example = tmp_path / "repository_readme.py"  # the repository README's first example
    example.write_text(_fenced(ROOT / "README.md", "python")[0], encoding="utf-8")
    files.append(example)
    assert len(files) > len(APIS) * 6
    result = _mypy(files, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_refuses_a_misspelt_key_and_an_error_model_in_the_result(tmp_path: Path) -> None:
    """The typed checks can fail: a misspelt dict key, a wrong expected type and a misspelt model name (the
    models module imports each on first use, behind a ``__getattr__`` type checkers do not see) are mypy errors."""
    wrong = tmp_path / "wrong.py"
    wrong.write_text(
        "from typing import assert_type\n"
        "from portabilling_client import PortaBilling\n"
        "from portabilling_client.models import AccountInfoDict, Fault\n"
        "pb = PortaBilling()\n"
        'pb.account.update_account(params={"account_info": {"i_account": 55, "firstnme": "Ada"}})\n'
        'assert_type(pb.account.update_account(params={"account_info": {"i_account": 55}}), Fault)\n'
        'info: AccountInfoDict = {"i_account": 55, "firstnme": "Ada"}\n'
        "from portabilling_client.models import AcountInfo\n",
        encoding="utf-8",
    )
    result = _mypy([wrong], tmp_path)
    assert result.returncode == 1
    assert "wrong.py:5: error:" in result.stdout, result.stdout  # the misspelt key in the call
    assert "wrong.py:6: error:" in result.stdout and "[assert-type]" in result.stdout, result.stdout
    assert 'wrong.py:7: error: Extra key "firstnme"' in result.stdout, result.stdout
    assert 'wrong.py:8: error: Module "portabilling_client.models" has no attribute "AcountInfo"' in result.stdout
