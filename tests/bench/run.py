"""Run every benchmark and write docs/benchmarks.md (``./dev -s bench``; options after ``--``).

    ./dev -s bench                          all five sections, writes docs/benchmarks.md
    ./dev -s bench -- --only calls models   some sections, printed only (nothing written)
    ./dev -s bench -- --profile             also print pyinstrument profiles of the per-call loops

Sections: regen (full and no-op regeneration), imports (cold import time), calls (per-call overhead
against raw httpx, sync and async), models (attrs / pydantic / msgspec round trips), bulk (5,000 async
updates at concurrency 50). Every server and subprocess listens on / talks to 127.0.0.1 only and is
stopped before this script exits.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sys
import time
from importlib.metadata import version
from pathlib import Path
from typing import Any

import bench_bulk  # the sibling modules: run as a script, this file's directory is on sys.path
import bench_calls
import bench_imports
import bench_models
import bench_regen
import bench_server
from bench_common import APIS, LOGIN_NOTES, ROOT, routes

SECTIONS = ("regen", "imports", "calls", "models", "bulk")
OUTPUT = ROOT / "docs" / "benchmarks.md"
VERSIONS = (
    "httpx",
    "httpcore",
    "pydantic",
    "pydantic-core",
    "attrs",
    "openapi-python-client",
    "datamodel-code-generator",
    "msgspec",
    "pyinstrument",
    "aiohttp",
    "httpx-aiohttp",
)
# Every target, once: the summary and the text read them from here.
TARGETS = {
    "regen_full": 20.0,  # seconds, on 2 cores
    "regen_noop": 2.0,  # seconds
    "import": 150.0,  # milliseconds, each package
    "first_call_imports": 2.5,  # the first call's imports / `import httpx`, at most
    "per_call": 1.10,  # client / raw, at most
    "bulk": 0.90,  # client / raw requests per second (both over httpx), at least
    "bulk_aiohttp_vs_raw": 4.0,  # client over aiohttp / raw httpx.AsyncClient, at least
    "bulk_aiohttp_vs_raw_httpx_aiohttp": 0.8,  # client over aiohttp / raw httpx.AsyncClient over aiohttp, at least
}


# Bulk ratios with a target: (ratio in bench_bulk.RATIOS, target in TARGETS, what it compares).
BULK_SUMMARY = (
    ("client_vs_raw", "bulk", "client / raw `httpx.AsyncClient` (both over httpx) req/s"),
    ("aiohttp_vs_raw", "bulk_aiohttp_vs_raw", "client over aiohttp / raw `httpx.AsyncClient` req/s"),
    (
        "aiohttp_vs_raw_httpx_aiohttp",
        "bulk_aiohttp_vs_raw_httpx_aiohttp",
        "client over aiohttp / raw `httpx.AsyncClient` over httpx-aiohttp req/s",
    ),
)


# -- the machine ----------------------------------------------------------------------------------------
def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    memory = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 2**20:.1f} GiB"
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "CPU": cpu,
        "cores": f"{os.cpu_count()} logical ({usable} usable by this process)",
        "memory": memory,
        "OS": platform.platform(),
    }


def load() -> str:
    try:
        return " / ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


# -- formatting -------------------------------------------------------------------------------------------
def met(ok: bool) -> str:
    return "yes" if ok else "**no**"


def table(header: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def spread(values: list[float], fmt: str) -> str:
    return ", ".join(format(v, fmt) for v in values)


def summary_rows(results: dict[str, Any]) -> list[list[Any]]:
    rows: list[list[Any]] = []
    if "regen" in results:
        regen = results["regen"]
        rows.append(
            [
                "1",
                "full regeneration, 5 APIs (`generate --force`)",
                f"< {TARGETS['regen_full']:.0f} s",
                f"{regen['full_s']:.1f} s",
                met(regen["full_s"] < TARGETS["regen_full"]),
            ]
        )
        rows.append(
            [
                "1",
                "no-op regeneration (`generate`)",
                f"< {TARGETS['regen_noop']:.0f} s",
                f"{regen['noop_s']:.2f} s",
                met(regen["noop_s"] < TARGETS["regen_noop"]),
            ]
        )
    if "imports" in results:
        imports = results["imports"]
        for api in APIS:
            figure = imports[f"{api}_client"]
            rows.append(
                [
                    "2",
                    f"`import {api}_client` (client's dependencies only; httpx alone "
                    f"{imports['httpx']['deps']:.0f} ms)",
                    f"< {TARGETS['import']:.0f} ms",
                    f"{figure['deps']:.0f} ms",
                    met(figure["deps"] < TARGETS["import"]),
                ]
            )
        for api in APIS:
            ratio = imports[f"{api}_client (first call)"]["deps"] / imports["httpx"]["deps"]
            rows.append(
                [
                    "2",
                    f"`{api}_client` first call's imports / `import httpx`",
                    f"≤ {TARGETS['first_call_imports']:.1f}×",
                    f"{ratio:.2f}×",
                    met(ratio <= TARGETS["first_call_imports"]),
                ]
            )
    if "calls" in results:
        for row in results["calls"]:
            rows.append(
                [
                    "3",
                    f"per call, {row['case']}, {row['mode']}: client / raw httpx",
                    f"≤ {TARGETS['per_call']:.2f}",
                    f"{row['ratio']:.3f} ({row['client_us'] - row['raw_us']:+.0f} µs)",
                    met(row["ratio"] <= TARGETS["per_call"]),
                ]
            )
    if "models" in results:
        us = results["models"]["us"]
        floor = results["models"]["floor"]
        rows.append(
            [
                "4",
                "account_info round trip: attrs / pydantic / msgspec (µs)",
                "(none: reported)",
                f"{us['attrs']:.0f} / {us['pydantic']:.0f} / {us['msgspec']:.0f} "
                f"({us['attrs'] / floor:.1f}× / {us['pydantic'] / floor:.1f}× msgspec)",
                "n/a",
            ]
        )
    if "bulk" in results:
        bulk = results["bulk"]
        what = f"bulk, {bulk['calls']:,} async updates at concurrency {bulk['concurrency']}"
        for ratio, target, label in BULK_SUMMARY:
            value = bulk["ratios"][ratio]["median"]
            rows.append(
                ["5", f"{what}: {label}", f"≥ {TARGETS[target]:.2f}", f"{value:.3f}", met(value >= TARGETS[target])]
            )
    return rows


def render_bulk(bulk: dict[str, Any]) -> str:
    """Section 5: throughput and memory per variant, the ratios with their targets, and the profile."""
    out = ["## 5. Bulk", ""]
    add = out.append
    add(
        f"{bulk['calls']:,} PortaBilling `update_account` calls per run and variant, {bulk['concurrency']} worker "
        "tasks sharing one counter, the server in another process, every variant with its library's default "
        "pool limits (`connect()` passes none). Throughput: all variants in one fresh subprocess, never two at "
        f"the same time: each run sends {bulk['calls']:,} calls per variant in chunks of {bench_bulk.CHUNK}, the "
        f"variants taking turns chunk by chunk in a rotating order, after {bench_bulk.WARMUP} warm-up calls "
        f"each; {len(bulk['ratios']['client_vs_raw']['runs'])} runs, ratios taken per run. Memory: one fresh "
        "subprocess per variant, importing only what it needs; peak RSS (`VmHWM`, imports included) after "
        f"{bench_bulk.MEMORY_CALLS:,} calls, then the tracemalloc peak over {bench_bulk.MEMORY_TRACED} more "
        "(untimed) calls at the same concurrency."
    )
    add("")
    rows = [
        [
            bench_bulk.LABELS[name],
            f"{bulk[name]['rps']:.0f}",
            spread(bulk[name]["rps_samples"], ".0f"),
            f"{bulk[name]['rss_mib']:.1f}",
            f"{bulk[name]['traced_peak_mib']:.2f}",
        ]
        for name in bulk["variants"]
    ]
    add(table(["variant", "req/s (median)", "runs", "peak RSS (MiB)", "tracemalloc peak (MiB)"], rows))
    add("")
    targets = {ratio: target for ratio, target, _label in BULK_SUMMARY}
    rows = []
    for ratio, numerator, denominator in bench_bulk.RATIOS:
        figure = bulk["ratios"][ratio]
        target = targets.get(ratio)
        rows.append(
            [
                f"{bench_bulk.LABELS[numerator]} / {bench_bulk.LABELS[denominator]}",
                f"≥ {TARGETS[target]:.2f}" if target else "(reported)",
                f"**{figure['median']:.3f}**",
                spread(figure["runs"], ".3f"),
                met(figure["median"] >= TARGETS[target]) if target else "n/a",
            ]
        )
    add(table(["ratio", "target", "median", "runs", "met?"], rows))
    add("")
    profile = bulk["profile"]
    add(f"### Where the time goes: {bench_bulk.LABELS[profile['variant']]}")
    add("")
    add(
        f"pyinstrument over {profile['calls']:,} calls of this variant in a fresh subprocess, after the warm-up "
        f"({profile['seconds']:.2f} s under the profiler; the event loop waited for the network "
        f"{profile['waiting_share']:.0%} of the time, left out below). Own time (not counting callees) per "
        "package and the functions with the most; µs per call are under the profiler, so larger than unprofiled."
    )
    add("")
    add(
        table(
            ["package", "share of busy time", "µs/call"],
            [[name, f"{share:.1%}", f"{us:.0f}"] for name, share, us in profile["packages"]],
        )
    )
    add("")
    add(
        table(
            ["function", "share of busy time", "µs/call"],
            [[name, f"{share:.1%}", f"{us:.0f}"] for name, share, us in profile["functions"]],
        )
    )
    add("")
    sniffio = bulk["sniffio"]
    add(
        "For reference, one more run of the two httpx variants with a `sniffio` module importable (a stub "
        'answering `"asyncio"`, as sniffio does here). httpcore 1.0.9 runs `import sniffio` each time it creates '
        "an async lock or event, several times per request; without sniffio every one of those imports fails "
        "after searching all of `sys.path`: "
        f"client {sniffio['client'][0]:.0f} req/s ({sniffio['client'][0] / bulk['client']['rps']:.2f}× the "
        f"figure above), raw {sniffio['raw'][0]:.0f} req/s ({sniffio['raw'][0] / bulk['raw']['rps']:.2f}×), "
        f"client / raw {sniffio['client'][0] / sniffio['raw'][0]:.3f}."
    )
    add("")
    return "\n".join(out)


def render(results: dict[str, Any], info: dict[str, Any]) -> str:
    out: list[str] = []
    add = out.append
    add("# Benchmarks")
    add("")
    add(
        "> **Generated file: do not edit.** Written by `./dev -s bench` (`tests/bench/run.py`) on "
        f"{info['date']} in {info['wall']:.0f} s; rerun the session to update it."
    )
    add("")
    add(
        "Performance is measured as ratios against a baseline taken in the same process, alternating with it "
        "in short blocks, so that the machine's speed and load cancel out as far as possible; "
        "every figure is the median of several runs (counts below). Everything talks to 127.0.0.1 only."
    )
    add("")
    add("## Machine")
    add("")
    rows = [[key, value] for key, value in info["machine"].items()]
    rows.append(["load average (1/5/15 min) at start", info["load_start"]])
    rows.append(["load average (1/5/15 min) at end", info["load_end"]])
    add(table(["", ""], rows))
    add("")
    add(
        "A load average above the number of cores means other processes competed for the CPU during the run; "
        "absolute times then rise, ratios much less."
    )
    add("")
    add("## Versions")
    add("")
    add(
        table(
            ["package", "version"],
            [["python", platform.python_version()]] + [[n, v] for n, v in info["versions"].items()],
        )
    )
    add("")
    add("## Summary")
    add("")
    add(table(["#", "figure", "target", "measured (median)", "met?"], summary_rows(results)))
    add("")

    if "regen" in results:
        regen = results["regen"]
        add("## 1. Regeneration")
        add("")
        add(
            "`python -m accountkit_codegen.generate.generate --force` and then "
            "`python -m accountkit_codegen.generate.generate` in a "
            f"throwaway copy of `specs/`, `codegen/` and `generated/` (the real `generated/` is not touched), "
            f"{len(regen['full_samples'])} runs each, the bench session's venv already installed."
        )
        add("")
        add(
            table(
                ["run", "median", "runs", "last output"],
                [
                    [
                        "full (`--force`)",
                        f"{regen['full_s']:.2f} s",
                        spread(regen["full_samples"], ".2f"),
                        f"`{regen['full_output']}`",
                    ],
                    [
                        "no-op",
                        f"{regen['noop_s']:.2f} s",
                        spread(regen["noop_samples"], ".2f"),
                        f"`{regen['noop_output']}`",
                    ],
                ],
            )
        )
        add("")
    if "imports" in results:
        imports = results["imports"]
        add("## 2. Import time")
        add("")
        add(
            '`python -X importtime -c "import <package>"` in a fresh interpreter, bytecode cached, '
            f"{len(imports['httpx']['samples']['deps'])} runs; the figure is the sum of the cumulative times of "
            "the top-level imports the statement triggers. **deps**: the client's declared dependencies only "
            "(httpx, attrs, python-dateutil, pydantic, email-validator). **venv**: this session's venv as it is, "
            "which also holds click, rich and pygments (from the code generators); httpx then imports its "
            "optional command-line interface on `import httpx`, which costs every package the same. "
            "**first call**: every module a user's first call imports (the package, the models its request is "
            "built from, the operation's module, `connect()` and one call of the main operation against a loopback "
            "server), found by making that call once in a fresh interpreter, then imported by name; a valid "
            "request imports no pydantic model (`schemas`), only a refused one does."
        )
        add("")
        httpx_deps = imports["httpx"]["deps"]
        rows = []
        for name, figure in imports.items():
            if name == "breakdown":
                continue
            rows.append(
                [
                    f"`{name}`",
                    f"{figure['deps']:.0f}",
                    "(baseline)" if name == "httpx" else f"+{figure['deps'] - httpx_deps:.0f}",
                    f"{figure['deps'] / httpx_deps:.2f}×",
                    f"{figure['venv']:.0f}" if "venv" in figure else "",
                    spread(figure["samples"]["deps"], ".0f"),
                ]
            )
        add(table(["import", "deps (ms)", "vs httpx (ms)", "/ httpx", "venv (ms)", "deps runs (ms)"], rows))
        add("")
        breakdown = imports["breakdown"]
        add(f"### Where the time goes: `{breakdown['statement']}`")
        add("")
        add(
            "The modules with the most own import time (not counting the modules they import) in one more run "
            "of the same statement (`-X importtime`, deps), with their cumulative time:"
        )
        add("")
        add(
            table(
                ["module", "own (ms)", "cumulative (ms)"],
                [[f"`{name}`", f"{own:.1f}", f"{cumulative:.1f}"] for name, own, cumulative in breakdown["modules"]],
            )
        )
        add("")
    if "calls" in results:
        add("## 3. Per-call overhead")
        add("")
        add(
            f"One update call through the generated client against a local HTTP/1.1 keep-alive server (another "
            f"process) versus the same request with raw `httpx.Client` / `httpx.AsyncClient` (same URL, query, "
            f"headers, JSON body and timeout; the raw caller checks the status and parses the JSON). "
            f"{bench_calls.ROUNDS} rounds of {bench_calls.CALLS} calls per variant after {bench_calls.WARMUP} "
            f"warm-up calls; within a round the variants alternate every {bench_calls.BLOCK} calls, and the "
            f"figure is the median of the rounds' client/raw ratios. Client calls: validation, auth and retries "
            f"(2, default) armed, as `connect()` makes them."
        )
        add("")
        if not info["notes"]:
            add(
                "The PortaBilling session is opened by the client's own `Session/login` flow on the first call; "
                "every measured call reuses its token."
            )
            add("")
        add(
            "- **PortaBilling** `update_account` on a logged-in session is the representative case: it is the "
            "README's example, its layer is the heaviest (a nested body validated against the spec, a stateful "
            "session auth flow, an idempotent POST with retries armed, a vendor error reader) and its body is a "
            "realistic edit (contact fields plus an add-on product)."
        )
        add(
            "- **ActivePlatform** `update_account` stands for the static-credential vendors (a token in the "
            "query string; inTandem and Octopush put theirs in headers): a PUT with a path parameter, whose "
            "parameters and body are both validated, and whose response is a whole account with timestamps."
        )
        add("")
        rows = [
            [
                row["case"],
                row["mode"],
                f"{row['client_us']:.0f}",
                f"{row['raw_us']:.0f}",
                f"{row['client_us'] - row['raw_us']:+.0f}",
                f"**{row['ratio']:.3f}**",
                spread(row["ratios"], ".3f"),
            ]
            for row in results["calls"]
        ]
        add(table(["case", "mode", "client µs/call", "raw µs/call", "difference µs", "client / raw", "rounds"], rows))
        add("")
        if "breakdown" in results:
            add("### Where the client's extra time goes (sync)")
            add("")
            add(
                f"Measured inside real client calls ({bench_calls.WARMUP} warm-up, then "
                f"{bench_calls.BREAKDOWN_CALLS:,} calls per API, alternating with raw calls every "
                f"{bench_calls.BLOCK}): each step the generated endpoint runs is wrapped with a timer (the measured "
                "difference row includes the timers' cost), auth flows count only their own steps. The last row "
                "repeats the client/raw measurement on a client with `validate_requests` off."
            )
            add("")
            breakdown = results["breakdown"]
            sync = {row["case"].split()[0]: row for row in results["calls"] if row["mode"] == "sync"}
            rows = []
            for step, label in bench_calls.STEPS:
                rows.append([label] + [f"{entry['steps'][step]:.1f}" for entry in breakdown])
            client_only, measured = [], []
            for entry in breakdown:
                steps = entry["steps"]
                total = sum(steps[s] for s in ("_get_kwargs", "check_request", "auth", "raise_for_error", "parse"))
                client_only.append(total - steps["read"] - steps["merge"] - steps["json"])
                measured.append(steps["difference"])
            rows.append(
                ["**client-only work** (steps minus what raw httpx does too)"] + [f"{v:.1f}" for v in client_only]
            )
            rows.append(["measured client − raw in the same run (timers included)"] + [f"{v:.1f}" for v in measured])
            rows.append(
                ["not attributed: endpoint and transport glue, httpx paths, cache effects, noise"]
                + [f"{m - c:.1f}" for m, c in zip(measured, client_only, strict=True)]
            )
            rows.append(
                ["client / raw with `connect(validate_requests=False)` (vs with validation)"]
                + [
                    f"{entry['without_validation']['ratio']:.3f} (vs {sync[entry['api']]['ratio']:.3f})"
                    for entry in breakdown
                ]
            )
            add(table(["step", *(f"{entry['api']} µs/call" for entry in breakdown)], rows))
            add("")
            target = TARGETS["per_call"]
            if any(row["ratio"] > target for row in results["calls"]):
                add(f"### Why the per-call target (≤ {target:.2f}) is missed")
                add("")
                spent = "; ".join(
                    f"{entry['api']}: `check_request` {entry['steps']['check_request']:.1f} µs, auth flow "
                    f"{entry['steps']['auth'] - entry['steps']['read'] - entry['steps']['merge']:.1f} µs, `parse` "
                    f"{entry['steps']['parse'] - entry['steps']['json']:.1f} µs, `_get_kwargs` "
                    f"{entry['steps']['_get_kwargs']:.1f} µs, not attributed {m - c:.1f} µs"
                    for entry, m, c in zip(breakdown, measured, client_only, strict=True)
                )
                add(
                    "Where the client's extra time per call goes in this run, beyond what raw httpx does too (the "
                    f"table above, timers included): {spent}."
                )
                add("")
                checks = ", ".join(f"{entry['api']} {entry['steps']['check_request']:.1f} µs" for entry in breakdown)
                without = ", ".join(f"{entry['api']} {entry['without_validation']['ratio']:.3f}" for entry in breakdown)
                add(
                    "The request validation the client does before it sends anything (the table above: "
                    f"`check_request`, measured in this run at {checks} per call) checks the body against a "
                    "validator derived once per request model (falling back to the spec's pydantic model in strict "
                    "JSON mode for the error's wording) and looks for read-only fields. Without it, client / raw "
                    f"in this run is {without} (last row). Callers for whom these microseconds matter more than an "
                    "early, named error can pass `connect(validate_requests=False)`."
                )
                add("")
    if "models" in results:
        models = results["models"]
        us, floor = models["us"], models["floor"]
        add("## 4. Models")
        add("")
        add(
            f"A fully populated PortaBilling `account_info`, built by walking the spec's JSON schema: all "
            f"{models['properties']} distinct properties set (every nested object too), {bench_models.REPEATS} "
            f"samples per variant interleaved; {models['fields']} fields and {models['values']} values in all "
            f"with 3 items per array, {models['json_bytes']:,} bytes as JSON, checked valid against the spec. "
            "Every round trip must return the document unchanged."
        )
        add("")
        rows = [
            [
                "attrs (generated models)",
                "`AccountInfo.from_dict(d).to_dict()`",
                f"{us['attrs']:.0f}",
                f"{us['attrs'] / floor:.1f}×",
            ],
            [
                "pydantic (`schemas`)",
                '`AccountInfo.model_validate(d)` + `model_dump(mode="json", by_alias=True, exclude_none=True)`',
                f"{us['pydantic']:.0f}",
                f"{us['pydantic'] / floor:.1f}×",
            ],
            [
                "msgspec Struct (floor)",
                "`msgspec.to_builtins(msgspec.convert(d, AccountInfo))`, Structs built from the same schema",
                f"{us['msgspec']:.0f}",
                f"{us['msgspec'] / floor:.1f}×",
            ],
            [
                "msgspec, untyped (reference)",
                "`msgspec.json.encode(msgspec.json.decode(b))`",
                f"{us['msgspec_json']:.0f}",
                f"{us['msgspec_json'] / floor:.1f}×",
            ],
            [
                "client request validation (reference)",
                "`UpdateAccountRequestBody.model_validate_json(json.dumps(body), strict=True)`, "
                "what `check_request` runs before sending this account",
                f"{us['client_validation']:.0f}",
                f"{us['client_validation'] / floor:.1f}×",
            ],
        ]
        add(table(["variant", "round trip", "µs", "× msgspec"], rows))
        add("")
    if "bulk" in results:
        add(render_bulk(results["bulk"]))
    if info["notes"]:
        add("## Notes from this run")
        add("")
        for note in info["notes"]:
            add(f"- {note}")
        add("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=SECTIONS, help="run these sections only (nothing is written)")
    parser.add_argument("--profile", action="store_true", help="print pyinstrument profiles of the per-call loops")
    args = parser.parse_args(argv)
    sections = args.only or list(SECTIONS)
    started = time.perf_counter()
    info: dict[str, Any] = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "load_start": load(),
        "versions": {name: version(name) for name in VERSIONS},
    }
    results: dict[str, Any] = {}

    def step(name: str) -> None:
        print(f"bench: {name} ({time.perf_counter() - started:.0f} s)", flush=True)

    if "regen" in sections:
        step("regeneration")
        results["regen"] = bench_regen.run()
    if "imports" in sections:
        step("import times")
        results["imports"] = bench_imports.run()
    if "models" in sections:
        step("models")
        results["models"] = bench_models.run()
    if {"calls", "bulk"} & set(sections) or args.profile:
        with bench_server.running(routes()) as port:
            if "calls" in sections:
                step("per-call overhead")
                results["calls"] = bench_calls.run(port)
                results["breakdown"] = bench_calls.breakdown(port)
            if "bulk" in sections:
                step("bulk")
                results["bulk"] = bench_bulk.run(port)
            if args.profile:
                step("profiles")
                print(bench_calls.profile(port))
    info["load_end"] = load()
    info["wall"] = time.perf_counter() - started
    info["notes"] = list(LOGIN_NOTES)

    print(table(["#", "figure", "target", "measured (median)", "met?"], summary_rows(results)))
    if args.only:
        print(json.dumps(results, indent=1, default=str))
    else:
        OUTPUT.parent.mkdir(parents=True, exist_ok=True)
        OUTPUT.write_text(render(results, info) + "\n", encoding="utf-8")
        print(f"bench: wrote {OUTPUT.relative_to(ROOT)} in {info['wall']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
