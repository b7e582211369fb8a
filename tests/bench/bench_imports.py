"""Import time of each client package in a cold interpreter (``python -X importtime``), httpx as baseline.

Each figure is the sum of the cumulative times of the top-level imports the statement triggers (the
lines ``-X importtime`` prints at nesting level 0 that ``python -c pass`` does not print, i.e. not the
interpreter's own start-up). One unrecorded run first, so bytecode caches are warm for all (written even
where ``PYTHONDONTWRITEBYTECODE`` is set: ``_environment``).

A first call's figure is what a user's first call really imports: the call (``FIRST_CALLS``: the package,
the models its request is built from, ``connect()``, one call of the main operation against a loopback
server started here) is made once in a fresh interpreter, and the statement measured imports by name
every module that left behind. So a module loaded on first use (a model, ``_checks``, a validator the
checks name) counts when, and only when, the call loads it.

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
import subprocess
import sys
from typing import Any

from bench_common import APIS, median

RUNS = 5


ENVIRONMENTS = {
    "venv": "",
    "deps": "import sys; sys.modules.update(dict.fromkeys(('click', 'rich', 'pygments'))); ",
}


def _environment() -> dict[str, str]:
    """The subprocesses' environment: warnings off, and bytecode written (an installed package has its
    ``.pyc`` files; with ``PYTHONDONTWRITEBYTECODE`` set, the warm-up run would leave none, and every run
    would compile the runtime's and the client's modules from source)."""
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    return {**environment, "PYTHONWARNINGS": "ignore"}


def _top_level(statement: str) -> dict[str, int]:
    """Module -> cumulative microseconds of each level-0 import printed while running ``statement``."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement],
        capture_output=True,
        text=True,
        env=_environment(),
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


# Per API, what a user's first call is: the package, the models the request is built from, the main
# operation's module, connect() and one call (``ARGUMENTS``: connect()'s keyword arguments).
FIRST_CALLS = {
    "activeplatform": """
import activeplatform_client
from activeplatform_client.api.accounts import update_account
from activeplatform_client.models import AccountUpdate
client = activeplatform_client.connect(**ARGUMENTS)
CALL(update_account, 505, body=AccountUpdate(first_name="Ada"), client=client)
""",
    "intandem": """
import intandem_client
from intandem_client.api.accounts import change_package
client = intandem_client.connect(**ARGUMENTS)
CALL(change_package, "88pzdbz1hmkdoel4", package_name="gold", client=client)
""",
    "octopush": """
import octopush_client
from octopush_client.api.subaccounts import edit_subaccount
from octopush_client.models import SubaccountEdit
client = octopush_client.connect(**ARGUMENTS)
CALL(edit_subaccount, "team@sub-accounts.example.com", body=SubaccountEdit(first_name="Ada"), client=client)
""",
    "portabilling": """
import portabilling_client
from portabilling_client.api.account import update_account
from portabilling_client.models import AccountInfo, UpdateAccountParams, UpdateAccountRequest
client = portabilling_client.connect(**ARGUMENTS)
body = UpdateAccountRequest(params=UpdateAccountParams(account_info=AccountInfo(i_account=7, firstname="Ada")))
CALL(update_account, body=body, client=client)
""",
    "twosms": """
import uuid
import twosms_client
from twosms_client.api.accounts import update_account
from twosms_client.models import AccountV3
client = twosms_client.connect(**ARGUMENTS)
account = AccountV3(
    contact_number="+44 20 7946 0000", email_address="ops@example.com", sms_password="SmsPass-1",
    sms_username="ops", time_zone="GMT Standard Time",
)
CALL(update_account, uuid.UUID("3f2504e0-4f89-41d3-9a0c-0305e82c3301"), body=account, client=client)
""",
}
# How CALL makes the call: sync, or async (in asyncio.run).
CALLERS = {
    "sync": "def CALL(module, *args, **kwargs):\n    return module.sync(*args, **kwargs)\n",
    "async": (
        "def CALL(module, *args, **kwargs):\n    import asyncio\n"
        "    return asyncio.run(module.asyncio(*args, **kwargs))\n"
    ),
}


def first_call_modules(api: str, arguments: dict[str, Any], mode: str = "sync") -> list[str]:
    """The modules a first call of ``api`` imports, found by making it (against the server ``arguments``
    name, in a fresh interpreter with the client's dependencies only): each is then imported by name in the
    measured statement, so that every one is timed (``-X importtime`` does not see an
    ``importlib.import_module``, which the models and the runtime use for what they load on first use)."""
    script = (
        ENVIRONMENTS["deps"]
        + "before = set(sys.modules)\n"
        + f"ARGUMENTS = {arguments!r}\n"
        + CALLERS[mode]
        + FIRST_CALLS[api]
        + "client.close()\n"
        # Only what an import statement can name: not aliases (typing.io) nor modules an extension module
        # registers under another name (Cython's _cython_3_1_4), which their importers bring anyway.
        + "spec = lambda m: getattr(m, '__spec__', None)\n"
        + "print(' '.join(n for n, m in sys.modules.items() if n not in before and spec(m) and spec(m).name == n))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=_environment(),
        check=False,
        timeout=60,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{api}'s first call failed:\n{result.stderr[-3000:]}")
    return sorted(result.stdout.split())


def _statements(modules: dict[tuple[str, str], list[str]]) -> dict[str, tuple[str, str]]:
    """Figure name -> (what it measures, statement), given each API's first call's modules per mode.

    A first call's figure imports exactly the modules the call imported (``first_call_modules``): the
    package, the models the request is built from and those they refer to, the operation's module, the
    runtime modules the call goes through and the validators its checks name; not the pydantic models
    (``schemas``), which only a refused request imports, to word its problems."""
    statements = {"httpx": ("baseline", "import httpx")}
    for api in APIS:
        package = f"{api}_client"
        statements[package] = ("package", f"import {package}")
        statements[f"{package} (first call)"] = ("first_call", "import " + ", ".join(modules[api, "sync"]))
    statements["portabilling_client (first call, aiohttp)"] = (
        "first_call",
        "import " + ", ".join(modules["portabilling", "aiohttp"]),
    )
    return statements


def _first_calls() -> dict[tuple[str, str], list[str]]:
    """Each API's first call's modules (sync), and PortaBilling's async one over aiohttp, each call made
    against a loopback server started here (tests/support's, with every API's routes) and stopped after."""
    from support.kits import KITS  # the tests' server and vendor routes; only this section needs them
    from support.mockserver import MockServer

    server = MockServer()
    try:
        kits = {api: KITS[api](server) for api in APIS}
        found = {}
        for api, kit in kits.items():
            found[api, "sync"] = first_call_modules(api, {"base_url": kit.base_url, **kit.credentials})
        portabilling = kits["portabilling"]
        arguments = {"base_url": portabilling.base_url, **portabilling.credentials, "async_transport": "aiohttp"}
        found["portabilling", "aiohttp"] = first_call_modules("portabilling", arguments, "async")
        return found
    finally:
        server.stop()


def breakdown(statement: str, top: int = 12) -> list[tuple[str, float, float]]:
    """The modules with the most own import time in one run of ``statement``: (module, own ms, cumulative ms)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", ENVIRONMENTS["deps"] + statement],
        capture_output=True,
        text=True,
        env=_environment(),
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
    statements = _statements(_first_calls())
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
