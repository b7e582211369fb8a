"""Import time of each client package in a cold interpreter (``python -X importtime``), httpx as baseline.

Each figure is the sum of the cumulative times of the top-level imports the statement triggers (the
lines ``-X importtime`` prints at nesting level 0 that ``python -c pass`` does not print, i.e. not the
interpreter's own start-up). One unrecorded run first, so bytecode caches are warm for all.

Two environments. "venv": the bench session's environment as it is. It holds click, rich and pygments
(brought by the code generators), and ``import httpx`` imports its optional command-line interface
whenever those are importable. "deps": what a user of a client package has, its declared
dependencies only; emulated in the same venv by making those three modules unimportable
(``sys.modules[name] = None``), which is exactly what httpx's ``try: from ._main import main`` sees
when they are not installed. No other optional import of httpx, attrs or pydantic finds anything
here (brotli, zstandard, h2, socksio are absent), so the two differ only by httpx's CLI.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from typing import Any

from bench_common import APIS, GENERATED, median

RUNS = 5


ENVIRONMENTS = {
    "venv": "",
    "deps": "import sys; sys.modules.update(dict.fromkeys(('click', 'rich', 'pygments'))); ",
}


def _top_level(statement: str) -> dict[str, int]:
    """Module -> cumulative microseconds of each level-0 import printed while running ``statement``."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
        check=True,
        timeout=60,
    )
    found: dict[str, int] = {}
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _self, cumulative, name = line.removeprefix("import time:").split("|", 2)
        if cumulative.strip().isdigit() and not name.startswith("  "):  # level 0: one space after "|"
            found[name.strip()] = found.get(name.strip(), 0) + int(cumulative)
    return found


def _deferred_imports(api: str) -> list[str]:
    """The modules ``<api>_client._checks`` names validator functions in (``{"import": "module:qualname"}``):
    imported by the first value that reaches such a field, which the main call's request has (Octopush's
    e-mail parameter)."""
    text = (GENERATED / api / f"{api}_client" / "_checks.py").read_text(encoding="utf-8")
    return sorted(set(re.findall(r'"import":"([\w.]+):', text)))


def _statements() -> dict[str, tuple[str, str]]:
    """Figure name -> (what it measures, statement).

    A first call imports the package, its attrs models, the endpoint modules, and the request checks
    (``_checks``, with the validators it names); not ``schemas``, the pydantic models, which only a
    refused request imports (to word its problems)."""
    statements = {"httpx": ("baseline", "import httpx")}
    for api in APIS:
        package = f"{api}_client"
        endpoints = sorted(
            ".".join(path.relative_to(GENERATED / api).with_suffix("").parts)
            for path in (GENERATED / api / package / "api").glob("*/*.py")
            if path.name != "__init__.py"
        )
        statements[package] = ("package", f"import {package}")
        modules = [package, f"{package}.models", f"{package}._checks", *_deferred_imports(api), *endpoints]
        statements[f"{package} (first call)"] = ("first_call", "import " + ", ".join(modules))
    statements["portabilling_client (first call, aiohttp)"] = (
        "first_call",
        statements["portabilling_client (first call)"][1] + ", accountkit_runtime.aiohttp_transport",
    )
    return statements


def breakdown(statement: str, top: int = 12) -> list[tuple[str, float, float]]:
    """The modules with the most own import time in one run of ``statement``: (module, own ms, cumulative ms)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", ENVIRONMENTS["deps"] + statement],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
        check=True,
        timeout=60,
    )
    rows = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        own, cumulative, name = line.removeprefix("import time:").split("|", 2)
        if own.strip().isdigit():
            rows.append((name.strip(), int(own) / 1000, int(cumulative) / 1000))
    return sorted(rows, key=lambda row: -row[1])[:top]


def run(runs: int = RUNS) -> dict[str, Any]:
    startup = set(_top_level("pass"))
    statements = _statements()
    jobs = {
        (env, name): prefix + statement
        for env, prefix in ENVIRONMENTS.items()
        for name, (kind, statement) in statements.items()
        if env == "deps" or kind != "first_call"  # "venv" only adds the same httpx CLI cost to every figure
    }
    for statement in jobs.values():  # warm the bytecode caches; not recorded
        _top_level(statement)
    samples: dict[tuple[str, str], list[float]] = {job: [] for job in jobs}
    for _ in range(runs):
        for job, statement in jobs.items():
            times = _top_level(statement)
            samples[job].append(sum(us for module, us in times.items() if module not in startup) / 1000)
    first_call = statements["portabilling_client (first call)"][1]
    return {
        "breakdown": {"statement": "portabilling_client (first call)", "modules": breakdown(first_call)},
        **{
            name: {
                "kind": kind,
                "statement": statement,
                **{env: median(samples[env, name]) for env in ENVIRONMENTS if (env, name) in samples},
                "samples": {env: samples[env, name] for env in ENVIRONMENTS if (env, name) in samples},
            }
            for name, (kind, statement) in statements.items()
        },
    }
