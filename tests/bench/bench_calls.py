"""Per-call overhead: one update call through a generated client vs the same request with raw httpx.

Two cases, sync and async each:

- PortaBilling ``update_account`` on a client already logged in (the session flow: a Bearer token
  reused from the login, renewal armed), the heaviest of the five layers: a nested request body
  validated against the spec, a token auth flow that must read response bodies, retries armed
  (the operation is ``x-idempotent: true``), a vendor-specific error reader;
- ActivePlatform ``update_account`` (PUT with a path parameter and the ``api_token`` query token), the
  common "static credential" shape of the other vendors, with parameters *and* body validated.

The raw variant sends the same method, URL, query, headers and JSON body with a plain ``httpx.Client``
/ ``httpx.AsyncClient`` (same timeout) and does what a careful caller does with the answer: check the
status and parse the JSON. Both variants talk to the same local server (another process).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import time
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import httpx
from bench_common import (
    ACTIVEPLATFORM_ACCOUNT,
    ACTIVEPLATFORM_TOKEN,
    PORTABILLING_BASE,
    PORTABILLING_BODY,
    PORTABILLING_TOKEN,
    activeplatform_example,
    median,
    portabilling_client_logged_in,
)

ROUNDS = 5
CALLS = 300
WARMUP = 100
BLOCK = 10  # A and B alternate every 10 calls: drift on a busy 2-core machine cancels out within a round


@dataclass
class Case:
    """One API's client call and its raw-httpx twin, sync and async."""

    name: str
    client_sync: Callable[[], Any]
    raw_sync: Callable[[], Any]
    client_async: Callable[[], Awaitable[Any]]
    raw_async: Callable[[], Awaitable[Any]]
    close: Callable[[], Coroutine[Any, Any, None]]
    api: str  # short name, e.g. "PortaBilling"
    endpoint: ModuleType  # the generated endpoint module
    runtime: str  # the runtime the package runs on: "accountkit_runtime"
    client: Any  # the generated client object (its sync httpx client carries the auth flow)


def _check(response: httpx.Response) -> Any:
    if response.status_code != 200:
        raise RuntimeError(f"raw call failed: HTTP {response.status_code} {response.text[:200]}")
    return response.json()


def portabilling_case(port: int) -> Case:
    from accountkit_runtime.options import DEFAULT_TIMEOUT
    from portabilling_client.api.account import update_account
    from portabilling_client.models import UpdateAccountRequest, UpdateAccountResponse

    base_url = f"http://127.0.0.1:{port}{PORTABILLING_BASE}"
    client = portabilling_client_logged_in(base_url)
    body = UpdateAccountRequest.from_dict(PORTABILLING_BODY)
    headers = {"Authorization": f"Bearer {PORTABILLING_TOKEN}", "Content-Type": "application/json"}
    raw = httpx.Client(base_url=base_url, timeout=DEFAULT_TIMEOUT)
    holder: dict[str, httpx.AsyncClient] = {}

    def client_sync() -> Any:
        return update_account.sync(client=client, body=body)

    def raw_sync() -> Any:
        return _check(raw.post("/Account/update_account", json=PORTABILLING_BODY, headers=headers))

    async def client_async() -> Any:
        return await update_account.asyncio(client=client, body=body)

    async def raw_async() -> Any:
        if "raw" not in holder:
            holder["raw"] = httpx.AsyncClient(base_url=base_url, timeout=DEFAULT_TIMEOUT)
        return _check(await holder["raw"].post("/Account/update_account", json=PORTABILLING_BODY, headers=headers))

    async def close() -> None:
        await client.aclose()
        client.close()
        raw.close()
        if "raw" in holder:
            await holder.pop("raw").aclose()

    result = client_sync()
    assert isinstance(result, UpdateAccountResponse) and result.i_account == 55, result
    assert raw_sync() == {"i_account": 55}
    return Case(
        "PortaBilling update_account (session login, Bearer)",
        client_sync,
        raw_sync,
        client_async,
        raw_async,
        close,
        "PortaBilling",
        update_account,
        "accountkit_runtime",
        client,
    )


def activeplatform_case(port: int) -> Case:
    import activeplatform_client
    from accountkit_runtime.options import DEFAULT_TIMEOUT
    from activeplatform_client.api.accounts import update_account
    from activeplatform_client.models import Account, AccountUpdate

    base_url = f"http://127.0.0.1:{port}"
    client = activeplatform_client.connect(base_url=base_url, api_token=ACTIVEPLATFORM_TOKEN)
    request_body, response_body = activeplatform_example("request"), activeplatform_example("response")
    body = AccountUpdate.from_dict(request_body)
    url = f"/api/vendor/v1/accounts/{ACTIVEPLATFORM_ACCOUNT}.json"
    params = {"api_token": ACTIVEPLATFORM_TOKEN}
    headers = {"Content-Type": "application/json"}
    raw = httpx.Client(base_url=base_url, timeout=DEFAULT_TIMEOUT)
    holder: dict[str, httpx.AsyncClient] = {}

    def client_sync() -> Any:
        return update_account.sync(ACTIVEPLATFORM_ACCOUNT, client=client, body=body)

    def raw_sync() -> Any:
        return _check(raw.put(url, params=params, json=request_body, headers=headers))

    async def client_async() -> Any:
        return await update_account.asyncio(ACTIVEPLATFORM_ACCOUNT, client=client, body=body)

    async def raw_async() -> Any:
        if "raw" not in holder:
            holder["raw"] = httpx.AsyncClient(base_url=base_url, timeout=DEFAULT_TIMEOUT)
        return _check(await holder["raw"].put(url, params=params, json=request_body, headers=headers))

    async def close() -> None:
        await client.aclose()
        client.close()
        raw.close()
        if "raw" in holder:
            await holder.pop("raw").aclose()

    result = client_sync()
    assert isinstance(result, Account) and result.id == response_body["id"], result
    assert raw_sync() == response_body
    return Case(
        "ActivePlatform update_account (api_token query)",
        client_sync,
        raw_sync,
        client_async,
        raw_async,
        close,
        "ActivePlatform",
        update_account,
        "accountkit_runtime",
        client,
    )


def _rounds_sync(client: Callable[[], Any], raw: Callable[[], Any], rounds: int, calls: int) -> dict[str, list[float]]:
    """Seconds per call, one sample per round; within a round A and B alternate every BLOCK calls."""
    for _ in range(WARMUP):
        client()
        raw()
    out: dict[str, list[float]] = {"client": [], "raw": []}
    for _ in range(rounds):
        spent = {"client": 0.0, "raw": 0.0}
        gc.collect()
        for block in range(calls // BLOCK):
            order = [("client", client), ("raw", raw)]
            for name, fn in order if block % 2 == 0 else order[::-1]:
                start = time.perf_counter()
                for _ in range(BLOCK):
                    fn()
                spent[name] += time.perf_counter() - start
        for name, total in spent.items():
            out[name].append(total / calls)
    return out


async def _rounds_async(
    client: Callable[[], Awaitable[Any]], raw: Callable[[], Awaitable[Any]], rounds: int, calls: int
) -> dict[str, list[float]]:
    for _ in range(WARMUP):
        await client()
        await raw()
    out: dict[str, list[float]] = {"client": [], "raw": []}
    for _ in range(rounds):
        spent = {"client": 0.0, "raw": 0.0}
        gc.collect()
        for block in range(calls // BLOCK):
            order = [("client", client), ("raw", raw)]
            for name, fn in order if block % 2 == 0 else order[::-1]:
                start = time.perf_counter()
                for _ in range(BLOCK):
                    await fn()
                spent[name] += time.perf_counter() - start
        for name, total in spent.items():
            out[name].append(total / calls)
    return out


def _summary(samples: dict[str, list[float]]) -> dict[str, Any]:
    ratios = [c / r for c, r in zip(samples["client"], samples["raw"], strict=True)]
    return {
        "client_us": median(samples["client"]) * 1e6,
        "raw_us": median(samples["raw"]) * 1e6,
        "ratio": median(ratios),
        "ratios": ratios,
    }


def run(port: int, rounds: int = ROUNDS, calls: int = CALLS) -> list[dict[str, Any]]:
    results = []
    for make in (portabilling_case, activeplatform_case):
        case = make(port)
        sync = _rounds_sync(case.client_sync, case.raw_sync, rounds, calls)

        async def measure(case: Case = case) -> dict[str, list[float]]:
            try:
                return await _rounds_async(case.client_async, case.raw_async, rounds, calls)
            finally:
                await case.close()

        results.append({"case": case.name, "mode": "sync", **_summary(sync)})
        results.append({"case": case.name, "mode": "async", **_summary(asyncio.run(measure()))})
    return results


# -- where the client's extra time goes ------------------------------------------------------------------
class _Clock:
    """Accumulates the time spent inside wrapped functions during real client calls.

    A function wrapped ``within`` another step is timed only while that step runs (e.g. the body read
    inside the auth flow, not the one httpx does itself for calls whose flow does not read). A step
    entered again while it runs (``copy_merge_params`` calls ``copy_with``) is timed once.
    """

    def __init__(self) -> None:
        self.ns: dict[str, int] = {}
        self.active: dict[str, int] = {}

    def _enter(self, name: str) -> int:
        self.active[name] = self.active.get(name, 0) + 1
        return time.perf_counter_ns()

    def _leave(self, name: str, start: int) -> None:
        self.ns[name] = self.ns.get(name, 0) + time.perf_counter_ns() - start
        self.active[name] -= 1

    def wrap(self, name: str, fn: Callable[..., Any], within: str | None = None) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            if (within is not None and not self.active.get(within)) or self.active.get(name):
                return fn(*args, **kwargs)  # outside its step, or inside itself (counted once)
            start = self._enter(name)
            try:
                return fn(*args, **kwargs)
            finally:
                self._leave(name, start)

        return timed

    def wrap_flow(self, name: str, flow: Callable[[Any], Any]) -> Callable[[Any], Any]:
        """An httpx auth flow generator, timing only its own steps (not the exchanges it yields to)."""

        def timed(request: Any) -> Any:
            steps = flow(request)
            start = self._enter(name)
            try:
                outgoing = next(steps)
            finally:
                self._leave(name, start)
            while True:
                response = yield outgoing
                start = self._enter(name)
                try:
                    outgoing = steps.send(response)
                except StopIteration:
                    return
                finally:
                    self._leave(name, start)

        return timed


@contextlib.contextmanager
def _patched(target: Any, name: str, value: Any) -> Any:
    original = target.__dict__[name] if isinstance(target, type) else getattr(target, name)
    setattr(target, name, value)
    try:
        yield
    finally:
        setattr(target, name, original)


STEPS = (
    ("_get_kwargs", "`_get_kwargs`: attrs `body.to_dict()`, URL"),
    (
        "check_request",
        "`validation.check_request`: encode once, strict `model_validate_json`, read-only fields",
    ),
    ("auth", "auth flow: its own steps"),
    ("read", "&nbsp;&nbsp;of which `Response.read()` of the body (httpx reads it right after anyway)"),
    (
        "merge",
        "&nbsp;&nbsp;of which the query token added to the URL (`URL.copy_merge_params` or `copy_with`; raw "
        "httpx pays the like when given `params=`)",
    ),
    ("raise_for_error", "`transport.raise_for_error`"),
    ("parse", "`transport.parse`: `_build_response` (`HTTPStatus`, attrs `from_dict`, `Response`)"),
    ("json", "&nbsp;&nbsp;of which `Response.json()` (raw callers do the same)"),
)


BREAKDOWN_CALLS = 1500  # client calls per API in the step breakdown


def in_context(case: Case, calls: int = BREAKDOWN_CALLS) -> dict[str, float]:
    """Microseconds per call spent in each step of real client calls (sync), by wrapping the steps.

    Raw calls alternate with the client calls (every BLOCK calls), so ``difference`` (client − raw,
    timers included) comes from the same run as the steps.
    """
    import importlib

    validation = importlib.import_module(f"{case.runtime}.validation")
    transport = importlib.import_module(f"{case.runtime}.transport")
    http = case.client.get_httpx_client()
    clock = _Clock()
    with contextlib.ExitStack() as stack:
        stack.enter_context(
            _patched(case.endpoint, "_get_kwargs", clock.wrap("_get_kwargs", case.endpoint._get_kwargs))
        )
        stack.enter_context(
            _patched(validation, "check_request", clock.wrap("check_request", validation.check_request))
        )
        stack.enter_context(
            _patched(transport, "raise_for_error", clock.wrap("raise_for_error", transport.raise_for_error))
        )
        stack.enter_context(_patched(transport, "parse", clock.wrap("parse", transport.parse)))
        stack.enter_context(_patched(httpx.Response, "json", clock.wrap("json", httpx.Response.json, "parse")))
        stack.enter_context(_patched(httpx.Response, "read", clock.wrap("read", httpx.Response.read, "auth")))
        stack.enter_context(
            _patched(httpx.URL, "copy_merge_params", clock.wrap("merge", httpx.URL.copy_merge_params, "auth"))
        )
        stack.enter_context(_patched(httpx.URL, "copy_with", clock.wrap("merge", httpx.URL.copy_with, "auth")))
        http._auth.sync_auth_flow = clock.wrap_flow("auth", http._auth.sync_auth_flow)
        try:
            for _ in range(WARMUP):
                case.client_sync()
                case.raw_sync()
            clock.ns.clear()
            spent = {"client": 0.0, "raw": 0.0}
            for block in range(calls // BLOCK):
                order = [("client", case.client_sync), ("raw", case.raw_sync)]
                for name, fn in order if block % 2 == 0 else order[::-1]:
                    start = time.perf_counter()
                    for _ in range(BLOCK):
                        fn()
                    spent[name] += time.perf_counter() - start
        finally:
            del http._auth.sync_auth_flow
    steps = {step: clock.ns.get(step, 0) / calls / 1000 for step, _label in STEPS}
    steps["difference"] = (spent["client"] - spent["raw"]) / calls * 1e6
    return steps


def without_validation(case: Case, rounds: int = ROUNDS, calls: int = CALLS) -> dict[str, Any]:
    """Client/raw (sync) with ``validate_requests`` off, as ``connect(validate_requests=False)`` sets it."""
    settings = case.client.settings
    settings.validate_requests = False
    try:
        return _summary(_rounds_sync(case.client_sync, case.raw_sync, rounds, calls))
    finally:
        settings.validate_requests = True


def breakdown(port: int) -> list[dict[str, Any]]:
    """Per API: in-context step costs and the ratio without request validation."""
    results = []
    for make in (portabilling_case, activeplatform_case):
        case = make(port)
        try:
            results.append({"api": case.api, "steps": in_context(case), "without_validation": without_validation(case)})
        finally:
            asyncio.run(case.close())
    return results


def profile(port: int, calls: int = 3000) -> str:
    """pyinstrument profiles of ``calls`` sync client calls of each case, as text."""
    from pyinstrument import Profiler

    texts = []
    for make in (portabilling_case, activeplatform_case):
        case = make(port)
        for _ in range(WARMUP):
            case.client_sync()
        profiler = Profiler(interval=0.0001)
        profiler.start()
        for _ in range(calls):
            case.client_sync()
        profiler.stop()
        asyncio.run(case.close())
        texts.append(f"== {case.name}: {calls} sync calls\n" + profiler.output_text(unicode=False, color=False))
    return "\n".join(texts)
