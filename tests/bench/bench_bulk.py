"""Bulk: 5,000 PortaBilling updates with the async client at concurrency 50, on each async transport.

Five variants, all ``update_account`` with the same body against the same local server (another
process, so the server never competes for the client's event loop):

- ``client``: the client as ``connect()`` makes it (async calls over httpx's own pool);
- ``client_aiohttp``: the client with ``connect(async_transport="aiohttp")``;
- ``raw``: raw ``httpx.AsyncClient``;
- ``raw_httpx_aiohttp``: raw ``httpx.AsyncClient`` over httpx-aiohttp's ``AiohttpTransport``;
- ``raw_aiohttp``: raw ``aiohttp.ClientSession``, the floor.

Throughput: one fresh subprocess runs every variant on one event loop, never two at the same time.
Each run sends 5,000 calls per variant in chunks of 500, the variants taking turns chunk by chunk in
an order that rotates (so drift from other load on the machine falls on all alike); a chunk is 50
worker tasks sharing one counter. Requests per second of a run = 5,000 / the variant's summed chunk
times; ratios are taken per run.

For reference, one more throughput run of ``client`` and ``raw`` with a ``sniffio`` module importable.
httpcore 1.0.9 asks ``import sniffio`` each time it creates an async lock or event, several times per
request; without sniffio each of those imports fails after searching all of ``sys.path``. The stub
answers ``"asyncio"``, exactly what sniffio answers here.

Memory: one fresh subprocess per variant imports only what that variant needs, opens the session,
sends 1,000 calls at concurrency 50 and reports its peak resident set (``VmHWM``, which unlike
``ru_maxrss`` is not inherited from the parent across fork/exec), then the tracemalloc peak over a
further 500 calls (tracemalloc slows Python down, so that pass is never timed).

Profile: one fresh subprocess sends 2,000 calls of ``client_aiohttp`` under pyinstrument and reports
where the time went (own time per function, grouped by package), so that a missed target is
explained by this run's measurement.

    python tests/bench/bench_bulk.py throughput PORT RUNS CALLS CONCURRENCY VARIANT,... [sniffio]
    python tests/bench/bench_bulk.py memory VARIANT PORT CONCURRENCY
    python tests/bench/bench_bulk.py profile VARIANT PORT CONCURRENCY CALLS
(each prints one JSON line)
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
PROFILE_CALLS = 2000
VARIANTS = ("client", "client_aiohttp", "raw", "raw_httpx_aiohttp", "raw_aiohttp")
LABELS = {
    "client": "client (httpx transport)",
    "client_aiohttp": 'client, `async_transport="aiohttp"`',
    "raw": "raw `httpx.AsyncClient`",
    "raw_httpx_aiohttp": "raw `httpx.AsyncClient` over httpx-aiohttp",
    "raw_aiohttp": "raw `aiohttp.ClientSession`",
}

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
    """(one call, close) for one of ``VARIANTS``; imports only what that variant needs."""
    base_url = f"http://127.0.0.1:{port}{PORTABILLING_BASE}"
    headers = {"Authorization": f"Bearer {PORTABILLING_TOKEN}", "Content-Type": "application/json"}
    if name == "raw_aiohttp":
        import aiohttp

        session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30.0, sock_connect=5.0))
        url = f"{base_url}/Account/update_account"

        async def aiohttp_call() -> Any:
            async with session.post(url, json=PORTABILLING_BODY, headers=headers) as response:
                if response.status != 200:
                    raise RuntimeError(f"HTTP {response.status}")
                return await response.json()

        return aiohttp_call, session.close

    import httpx

    if name in ("client", "client_aiohttp"):
        from bench_common import portabilling_client_logged_in
        from portabilling_client.api.account import update_account
        from portabilling_client.models import UpdateAccountRequest, UpdateAccountResponse

        transport = "aiohttp" if name == "client_aiohttp" else "httpx"
        client = portabilling_client_logged_in(base_url, async_transport=transport)
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
    if name == "raw_httpx_aiohttp":
        from httpx_aiohttp import AiohttpTransport

        http = httpx.AsyncClient(base_url=base_url, timeout=timeout, transport=AiohttpTransport())
    else:
        assert name == "raw", name
        http = httpx.AsyncClient(base_url=base_url, timeout=timeout)

    async def raw_call() -> Any:
        response = await http.post("/Account/update_account", json=PORTABILLING_BODY, headers=headers)
        if response.status_code != 200:
            raise RuntimeError(f"HTTP {response.status_code}")
        return response.json()

    async def raw_close() -> None:
        await http.aclose()

    return raw_call, raw_close


async def _throughput(port: int, runs: int, calls: int, concurrency: int, names: list[str]) -> dict[str, Any]:
    variants = {name: _variant(name, port) for name in names}
    try:
        for call, _close in variants.values():
            await _drive(call, WARMUP, concurrency)
        rps: dict[str, list[float]] = {name: [] for name in variants}
        for _ in range(runs):
            spent = dict.fromkeys(variants, 0.0)
            for chunk in range(calls // CHUNK):
                shift = chunk % len(names)
                order = names[shift:] + names[:shift]
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


async def _profile(name: str, port: int, concurrency: int, calls: int) -> dict[str, Any]:
    """Own time per function (top entries) and per package over ``calls`` calls of one variant."""
    from pyinstrument import Profiler

    call, close = _variant(name, port)
    try:
        await _drive(call, WARMUP, concurrency)
        profiler = Profiler(interval=0.0005, async_mode="disabled")
        profiler.start()
        seconds = await _drive(call, calls, concurrency)
        profiler.stop()
    finally:
        await close()
    functions: dict[str, float] = {}
    packages: dict[str, float] = {}
    waiting = 0.0

    def walk(frame: Any, parent: Any) -> None:
        nonlocal waiting
        if frame.is_synthetic:  # "[self]": its parent's own time
            if frame.function == "[self]" and parent is not None:
                if parent.function.endswith(".poll"):  # the event loop waiting for the network
                    waiting += frame.time
                    return
                name = f"`{parent.function}` ({parent.file_path_short}:{parent.line_no})"
                functions[name] = functions.get(name, 0.0) + frame.time
                package = _package_of(parent.file_path or parent.file_path_short or "")
                packages[package] = packages.get(package, 0.0) + frame.time
            return
        for child in frame.children:
            walk(child, frame)

    session = profiler.last_session
    if session is not None:
        walk(session.root_frame(), None)
    busy = sum(packages.values()) or 1.0
    top = sorted(functions.items(), key=lambda item: -item[1])[:12]
    return {
        "variant": name,
        "calls": calls,
        "seconds": seconds,
        "waiting_share": waiting / (busy + waiting),
        "functions": [[function, own / busy, own / calls * 1e6] for function, own in top],
        "packages": [
            [package, own / busy, own / calls * 1e6]
            for package, own in sorted(packages.items(), key=lambda item: -item[1])[:12]
        ],
    }


def _package_of(path: str) -> str:
    """The top-level package a source file belongs to (``accountkit_runtime``, ``httpx``, ``asyncio``, ...)."""
    parts = Path(path).parts
    for marker in ("site-packages", "runtime", "generated"):
        if marker in parts:
            index = parts.index(marker) + 1
            if marker == "generated":
                index += 1
            if index < len(parts):
                return parts[index].removesuffix(".py")
    if "python3" in "".join(parts):
        return f"stdlib: {Path(path).parent.name if Path(path).parent.name != 'lib' else Path(path).stem}"
    return Path(path).stem or "?"


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


# The ratios reported per run: (name, numerator variant, denominator variant).
RATIOS = (
    ("client_vs_raw", "client", "raw"),
    ("aiohttp_vs_raw", "client_aiohttp", "raw"),
    ("aiohttp_vs_raw_httpx_aiohttp", "client_aiohttp", "raw_httpx_aiohttp"),
    ("aiohttp_vs_raw_aiohttp", "client_aiohttp", "raw_aiohttp"),
)


def run(port: int, runs: int = RUNS, calls: int = CALLS, concurrency: int = CONCURRENCY) -> dict[str, Any]:
    rps = _subprocess("throughput", str(port), str(runs), str(calls), str(concurrency), ",".join(VARIANTS))
    summary: dict[str, Any] = {"calls": calls, "concurrency": concurrency, "variants": list(VARIANTS), "ratios": {}}
    for name, numerator, denominator in RATIOS:
        per_run = [n / d for n, d in zip(rps[numerator], rps[denominator], strict=True)]
        summary["ratios"][name] = {"median": median(per_run), "runs": per_run}
    summary["ratio"] = summary["ratios"]["client_vs_raw"]["median"]
    summary["sniffio"] = _subprocess(
        "throughput", str(port), "1", str(calls), str(concurrency), "client,raw", "sniffio"
    )
    summary["profile"] = _subprocess("profile", "client_aiohttp", str(port), str(concurrency), str(PROFILE_CALLS))
    for name in VARIANTS:
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
        if sys.argv[7:] == ["sniffio"]:
            _stub_sniffio()
        print(json.dumps(asyncio.run(_throughput(port_, runs_, calls_, concurrency_, sys.argv[6].split(",")))))
    elif sys.argv[1] == "profile":
        print(json.dumps(asyncio.run(_profile(sys.argv[2], *map(int, sys.argv[3:6])))))
    else:
        print(json.dumps(asyncio.run(_memory(sys.argv[2], int(sys.argv[3]), int(sys.argv[4])))))
