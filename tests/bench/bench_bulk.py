"""Bulk: 5,000 PortaBilling updates with the async client at concurrency 50 vs raw ``httpx.AsyncClient``.

Throughput: one fresh subprocess runs both variants on one event loop, never at the same time, against
the local server in another process (so the server never competes for the client's event loop).
Each run sends 5,000 calls per variant in chunks of 500 that alternate between the variants (so drift
from other load on the machine falls on both alike); a chunk is 50 worker tasks sharing one counter.
Requests per second of a run = 5,000 / the variant's summed chunk times; the ratio is per run.

For reference, one more throughput run with a ``sniffio`` module importable. httpcore 1.0.9 asks
``import sniffio`` each time it creates an async lock or event, several times per request; sniffio is
not among the pinned packages (anyio no longer needs it), so each of those imports fails after
searching all of ``sys.path``. The stub answers ``"asyncio"``, exactly what sniffio answers here.

Memory: one fresh subprocess per variant imports only what that variant needs, opens the session,
sends 1,000 calls at concurrency 50 and reports its peak resident set (``VmHWM``, which unlike
``ru_maxrss`` is not inherited from the parent across fork/exec), then the tracemalloc peak over a
further 500 calls (tracemalloc slows Python down, so that pass is never timed).

    python tests/bench/bench_bulk.py throughput PORT RUNS CALLS CONCURRENCY [sniffio]   (one JSON line)
    python tests/bench/bench_bulk.py memory VARIANT PORT CONCURRENCY          (one JSON line)
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from bench_common import PORTABILLING_BASE, PORTABILLING_BODY, PORTABILLING_TOKEN, median

CALLS = 5000
CONCURRENCY = 50
RUNS = 3
CHUNK = 500
WARMUP = 200
MEMORY_CALLS = 1000
MEMORY_TRACED = 500

Call = Callable[[], Awaitable[Any]]


async def _drive(call: Call, calls: int, concurrency: int) -> float:
    remaining = calls

    async def worker() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            await call()

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - start


def _variant(name: str, port: int) -> tuple[Call, Callable[[], Awaitable[None]]]:
    """(one call, close) for ``client`` or ``raw``; imports only what that variant needs."""
    import httpx

    base_url = f"http://127.0.0.1:{port}{PORTABILLING_BASE}"
    if name == "client":
        from bench_common import portabilling_client_logged_in
        from portabilling_client.api.account import update_account
        from portabilling_client.models import UpdateAccountRequest, UpdateAccountResponse

        client = portabilling_client_logged_in(base_url)
        body = UpdateAccountRequest.from_dict(PORTABILLING_BODY)

        async def call() -> Any:
            result = await update_account.asyncio(client=client, body=body)
            if not isinstance(result, UpdateAccountResponse):
                raise RuntimeError(f"unexpected result {result!r}")
            return result

        async def close() -> None:
            await client.aclose()
            client.close()

        return call, close

    timeout = httpx.Timeout(30.0, connect=5.0)  # the clients' default (``accountkit_runtime.options.DEFAULT_TIMEOUT``)
    http = httpx.AsyncClient(base_url=base_url, timeout=timeout)
    headers = {"Authorization": f"Bearer {PORTABILLING_TOKEN}", "Content-Type": "application/json"}

    async def raw_call() -> Any:
        response = await http.post("/Account/update_account", json=PORTABILLING_BODY, headers=headers)
        if response.status_code != 200:
            raise RuntimeError(f"HTTP {response.status_code}")
        return response.json()

    async def raw_close() -> None:
        await http.aclose()

    return raw_call, raw_close


async def _throughput(port: int, runs: int, calls: int, concurrency: int) -> dict[str, Any]:
    variants = {name: _variant(name, port) for name in ("client", "raw")}
    try:
        for call, _close in variants.values():
            await _drive(call, WARMUP, concurrency)
        rps: dict[str, list[float]] = {name: [] for name in variants}
        for _ in range(runs):
            spent = dict.fromkeys(variants, 0.0)
            for chunk in range(calls // CHUNK):
                order = list(variants) if chunk % 2 == 0 else list(reversed(variants))
                for name in order:
                    spent[name] += await _drive(variants[name][0], CHUNK, concurrency)
            for name, seconds in spent.items():
                rps[name].append(calls / seconds)
    finally:
        for _call, close in variants.values():
            await close()
    return rps


def _peak_rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


async def _memory(name: str, port: int, concurrency: int) -> dict[str, Any]:
    call, close = _variant(name, port)
    try:
        await _drive(call, MEMORY_CALLS, concurrency)
        rss = _peak_rss_kib()
        tracemalloc.start()
        baseline = tracemalloc.get_traced_memory()[0]
        await _drive(call, MEMORY_TRACED, concurrency)
        peak = tracemalloc.get_traced_memory()[1] - baseline
        tracemalloc.stop()
    finally:
        await close()
    return {"rss_kib": rss, "traced_peak": peak}


def _subprocess(*args: str) -> Any:
    result = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, timeout=400, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"bench_bulk {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _stub_sniffio() -> None:
    import types

    module = types.ModuleType("sniffio")
    module.current_async_library = lambda: "asyncio"  # type: ignore[attr-defined]
    sys.modules["sniffio"] = module


def run(port: int, runs: int = RUNS, calls: int = CALLS, concurrency: int = CONCURRENCY) -> dict[str, Any]:
    rps = _subprocess("throughput", str(port), str(runs), str(calls), str(concurrency))
    ratios = [c / r for c, r in zip(rps["client"], rps["raw"], strict=True)]
    summary: dict[str, Any] = {"calls": calls, "concurrency": concurrency, "ratio": median(ratios), "ratios": ratios}
    summary["sniffio"] = _subprocess("throughput", str(port), "1", str(calls), str(concurrency), "sniffio")
    for name in ("client", "raw"):
        memory = _subprocess("memory", name, str(port), str(concurrency))
        summary[name] = {
            "rps": median(rps[name]),
            "rps_samples": rps[name],
            "rss_mib": memory["rss_kib"] / 1024,
            "traced_peak_mib": memory["traced_peak"] / 2**20,
        }
    return summary


if __name__ == "__main__":
    if sys.argv[1] == "throughput":
        port_, runs_, calls_, concurrency_ = map(int, sys.argv[2:6])
        if sys.argv[6:] == ["sniffio"]:
            _stub_sniffio()
        print(json.dumps(asyncio.run(_throughput(port_, runs_, calls_, concurrency_))))
    else:
        print(json.dumps(asyncio.run(_memory(sys.argv[2], int(sys.argv[3]), int(sys.argv[4])))))
