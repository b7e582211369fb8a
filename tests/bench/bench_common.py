"""What the benchmark modules share: paths, the canned server, the request bodies, timing helpers."""

from __future__ import annotations

import functools
import gc
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"
GENERATED = ROOT / "generated"
APIS = sorted(path.stem for path in SPECS.glob("*.yaml"))

# -- the local server's canned answers and the requests sent to it -----------------------------------
PORTABILLING_LOGIN, PORTABILLING_PASSWORD = "bench-user", "bench-password-1"
PORTABILLING_TOKEN = "bench-access-token-0123456789"
PORTABILLING_BASE = "/rest"
# A realistic update: the page's example (an add-on product) plus the contact fields people change.
PORTABILLING_BODY: dict[str, Any] = {
    "params": {
        "account_info": {
            "i_account": 55,
            "firstname": "Ada",
            "lastname": "Lovelace",
            "email": "ada@example.com",
            "phone1": "+441234567890",
            "baddr1": "12 Analytical Row",
            "city": "London",
            "zip": "N1 9GU",
            "credit_limit": 250.0,
            "assigned_addons": [
                {
                    "addon_effective_from": "2022-04-01 00:00:00",
                    "addon_effective_to": "2022-05-01 00:00:00",
                    "i_product": 604,
                }
            ],
        }
    }
}
ACTIVEPLATFORM_TOKEN = "bench-api-token-0123456789"
ACTIVEPLATFORM_ACCOUNT = 505


_AP_PATH = "/api/vendor/v1/accounts/{account_id}.json"


@functools.cache
def activeplatform_example(where: str) -> dict[str, Any]:
    """The spec's own first example of the request body (``"request"``) or of the 200 response."""
    import yaml  # only here: the bulk memory subprocesses import this module and must stay lean

    operation = yaml.safe_load((SPECS / "activeplatform.yaml").read_text(encoding="utf-8"))["paths"][_AP_PATH]["put"]
    holder = operation["requestBody"] if where == "request" else operation["responses"]["200"]
    examples = holder["content"]["application/json"]["examples"]
    value: dict[str, Any] = next(iter(examples.values()))["value"]
    return value


def routes() -> dict[str, object]:
    """The local server's canned answers (path suffix -> JSON body)."""
    return {
        "/Session/login": {
            "access_token": PORTABILLING_TOKEN,
            "refresh_token": "bench-refresh-token-0123456789",
            "expires_at": "2099-01-01 00:00:00",
        },
        "/Account/update_account": {"i_account": 55},
        f"/api/vendor/v1/accounts/{ACTIVEPLATFORM_ACCOUNT}.json": activeplatform_example("response"),
    }


# -- timing ------------------------------------------------------------------------------------------
def median(values: list[float]) -> float:
    return statistics.median(values)


def timed(fn: Callable[[], Any], number: int) -> float:
    """Seconds per call of ``fn`` over ``number`` calls (garbage collected first, then left on)."""
    gc.collect()
    start = time.perf_counter()
    for _ in range(number):
        fn()
    return (time.perf_counter() - start) / number


def calibrate(fn: Callable[[], Any], budget: float = 0.1) -> int:
    """How many calls of ``fn`` take about ``budget`` seconds."""
    number = 1
    while True:
        start = time.perf_counter()
        for _ in range(number):
            fn()
        took = time.perf_counter() - start
        if took >= budget / 4:
            return max(1, int(number * budget / took))
        number *= 4


def interleaved(variants: dict[str, Callable[[], Any]], repeats: int, budget: float = 0.1) -> dict[str, list[float]]:
    """Seconds per call of each variant, ``repeats`` samples each, taken in rotating order to cancel drift."""
    numbers = {name: calibrate(fn, budget) for name, fn in variants.items()}
    samples: dict[str, list[float]] = {name: [] for name in variants}
    names = list(variants)
    for repeat in range(repeats):
        shift = repeat % len(names)
        for name in names[shift:] + names[:shift]:
            samples[name].append(timed(variants[name], numbers[name]))
    return samples


# -- clients ------------------------------------------------------------------------------------------
LOGIN_NOTES: list[str] = []  # what happened when the benchmarks logged in (reported in docs/benchmarks.md)


def portabilling_client_logged_in(base_url: str, **connect: Any) -> Any:
    """A PortaBilling client whose session is open, as after its first call on a live server.

    The first call logs in through the client's own auth flow. Should that fail against a real HTTP
    server, the token the server hands out is stored the way a successful login stores it (so the
    steady-state call can still be measured) and the failure is noted for the report.
    """
    import portabilling_client
    from accountkit_runtime.auth import Token
    from portabilling_client.api.account import update_account
    from portabilling_client.models import UpdateAccountRequest

    client = portabilling_client.connect(
        base_url=base_url, login=PORTABILLING_LOGIN, password=PORTABILLING_PASSWORD, **connect
    )
    try:
        update_account.sync(client=client, body=UpdateAccountRequest.from_dict(PORTABILLING_BODY))
    except Exception as exc:
        note = (
            "PortaBilling: the first call's login through the client's session auth flow failed against the "
            f"local server with `{type(exc).__module__}.{type(exc).__name__}: {exc}`; the benchmarks store the "
            "session token the way a successful login does and measure the logged-in call."
        )
        if note not in LOGIN_NOTES:
            LOGIN_NOTES.append(note)
        auth: Any = client.get_httpx_client()._auth  # the runtime's session auth flow
        auth._store(Token(access=PORTABILLING_TOKEN, refresh="bench-refresh-token-0123"))
    return client
