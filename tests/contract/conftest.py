"""Contract tests: every generated client against Prism mock servers of its spec, and the vendors' examples.

Run with `./dev -s contract`. The five Prism servers start together once per session (fixture
`prism`), are stopped in a `finally` (SIGTERM, then SIGKILL), and `atexit` plus PR_SET_PDEATHSIG back
that up. The local recording server of the wire tests (pytest-httpserver) listens on 127.0.0.1.
Set ACCOUNTKIT_PRISM_SEED to start Prism with `--seed` (reproducible dynamic answers; with a seed
Prism generates the same body for every request of one operation and status, hence off by default).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from contract_clients import Harness  # noqa: E402
from contract_spec import APIS  # noqa: E402
from contract_stats import anything_recorded, table  # noqa: E402
from support.prism import PrismServer, start_all, stop_all  # noqa: E402
from support.specs import SPECS  # noqa: E402


@pytest.fixture(scope="session")
def prism() -> Iterator[dict[str, PrismServer]]:
    seed = os.environ.get("ACCOUNTKIT_PRISM_SEED")
    extra = ("--seed", seed) if seed else ()
    servers = [PrismServer(api, SPECS / f"{api}.yaml", extra) for api in APIS]
    try:
        start_all(servers)
        yield {server.api: server for server in servers}
    finally:
        stop_all(servers)


@pytest.fixture(scope="session")
def harnesses(prism: dict[str, PrismServer]) -> Iterator[dict[str, Harness]]:
    made = {api: Harness(api, server.base_url) for api, server in prism.items()}
    try:
        yield made
    finally:
        for harness in made.values():
            harness.close()


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    return ("127.0.0.1", 0)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not anything_recorded():
        return
    terminalreporter.section("contract coverage per API")
    for line in table():
        terminalreporter.write_line(line)
    terminalreporter.write_line(
        "ops: operations driven through Prism / in the spec; example reqs / example resps: distinct spec "
        "examples sent / served through Prism; wire examples: examples checked byte-for-byte against a local "
        "recording server; generated: hypothesis requests through Prism; dynamic: Prism-generated answers "
        "parsed; error statuses: distinct (operation, status) pairs raised and parsed; Prism calls: all HTTP "
        "exchanges with Prism, auth logins included."
    )
