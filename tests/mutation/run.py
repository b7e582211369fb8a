"""Mutation testing with cosmic-ray, module by module, and the report docs/mutation.md.

Usage (through ``./dev -s mutate``): ``run.py [module ...]`` mutates the named modules (all of
tests/mutation/modules.toml when none is named), each with its own fast test subset as the oracle, then
rewrites the report; ``run.py --report`` only rewrites the report from the results already there.

Why module by module: a mutant costs one run of its oracle, so the oracle must be the few test files
that exercise the module, not the suite. Results stay in .mutation/ (one cosmic-ray session per module,
plus the run's duration), so that one module can be run again without the others, and the report is
always made from every module's last results.

Every surviving mutant is either killed by a new test or listed in tests/mutation/equivalent.toml with
the reason it cannot be told apart from the original (matched by module, operator, occurrence and the
text of the mutated line, so that an entry goes stale, and is reported so, when the code changes).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
WORK = ROOT / ".mutation"
REPORT = ROOT / "docs" / "mutation.md"
TARGET = 0.90  # share of non-equivalent mutants to kill, per module and overall


def load(name: str) -> dict[str, Any]:
    with (HERE / name).open("rb") as file:
        return tomllib.load(file)


def slug(module: str) -> str:
    return module.replace("/", "__").removesuffix(".py")


def mutated_path(module: str) -> Path:
    """The file cosmic-ray mutates: the module itself, or for a vendor module the generated copy tests import."""
    path = Path(module)
    if path.parts[:2] == ("codegen", "vendors"):
        api = path.stem
        copy = ROOT / "generated" / api / f"{api}_client" / "_vendor.py"
        if copy.read_bytes() != (ROOT / path).read_bytes():
            raise SystemExit(f"{copy} differs from {module}: run ./dev -s generate first")
        return copy
    return ROOT / path


def config_text(module: str, settings: dict[str, Any], defaults: dict[str, Any]) -> str:
    tests = " ".join(settings["tests"])
    command = f"{sys.executable} -m pytest -x -q -p no:cacheprovider -p no:randomly {tests}"
    excluded = ", ".join(json.dumps(pattern) for pattern in defaults["exclude-operators"])
    return (
        "[cosmic-ray]\n"
        f"module-path = {json.dumps(str(mutated_path(module).relative_to(ROOT)))}\n"
        f"timeout = {float(settings.get('timeout', defaults['timeout']))}\n"
        "excluded-modules = []\n"
        f"test-command = {json.dumps(command)}\n"
        "[cosmic-ray.distributor]\n"
        'name = "local"\n'
        "[cosmic-ray.filters.operators-filter]\n"
        f"exclude-operators = [{excluded}]\n"
    )


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def run_module(module: str, settings: dict[str, Any], defaults: dict[str, Any]) -> None:
    """Mutate ``module`` with cosmic-ray and record how long it took."""
    WORK.mkdir(exist_ok=True)
    config, session = WORK / f"{slug(module)}.toml", WORK / f"{slug(module)}.sqlite"
    config.write_text(config_text(module, settings, defaults), encoding="utf-8")
    session.unlink(missing_ok=True)
    started = time.monotonic()
    subprocess.run([tool("cosmic-ray"), "init", str(config), str(session)], cwd=ROOT, check=True)
    subprocess.run([tool("cr-filter-operators"), str(session), str(config)], cwd=ROOT, check=True)
    baseline = subprocess.run([tool("cosmic-ray"), "baseline", str(config)], cwd=ROOT)
    if baseline.returncode != 0:
        raise SystemExit(f"{module}: the oracle fails without any mutation; fix the tests first")
    subprocess.run([tool("cosmic-ray"), "exec", str(config), str(session)], cwd=ROOT, check=True)
    seconds = time.monotonic() - started
    (WORK / f"{slug(module)}.json").write_text(json.dumps({"seconds": round(seconds, 1)}), encoding="utf-8")
    print(f"{module}: {seconds:.0f} s", flush=True)


@dataclass
class Outcome:
    module: str
    seconds: float | None = None
    killed: int = 0
    incompetent: int = 0  # the mutant does not even import or run: counted as killed, shown apart
    skipped: int = 0  # left out by the operator filter
    equivalent: list[tuple[str, str]] = field(default_factory=list)  # (where, reason)
    survivors: list[str] = field(default_factory=list)  # where, for a mutant no test kills

    @property
    def judged(self) -> int:
        return self.killed + self.incompetent + len(self.survivors)

    @property
    def score(self) -> float | None:
        return (self.killed + self.incompetent) / self.judged if self.judged else None


def mutation_key(module: str, mutation: Any, lines: list[str]) -> tuple[str, str, int, str]:
    line = lines[mutation.start_pos[0] - 1].strip() if mutation.start_pos[0] <= len(lines) else ""
    return module, mutation.operator_name, int(mutation.occurrence), line


def read_outcome(
    module: str, equivalents: dict[tuple[str, str, int, str], str], used: set[tuple[str, str, int, str]]
) -> Outcome | None:
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import TestOutcome, WorkerOutcome

    session = WORK / f"{slug(module)}.sqlite"
    if not session.exists():
        return None
    outcome = Outcome(module)
    timing = WORK / f"{slug(module)}.json"
    if timing.exists():
        outcome.seconds = json.loads(timing.read_text(encoding="utf-8"))["seconds"]
    lines = (ROOT / module).read_text(encoding="utf-8").splitlines()
    with use_db(str(session), WorkDB.Mode.open) as db:
        for item, result in db.completed_work_items:
            [mutation] = item.mutations
            key = mutation_key(module, mutation, lines)
            where = f"line {mutation.start_pos[0]}, {mutation.operator_name} #{mutation.occurrence}: `{key[3]}`"
            if result.worker_outcome == WorkerOutcome.SKIPPED:
                outcome.skipped += 1
            elif result.test_outcome == TestOutcome.KILLED:
                outcome.killed += 1
            elif result.test_outcome == TestOutcome.INCOMPETENT:
                outcome.incompetent += 1
            elif key in equivalents:
                used.add(key)
                outcome.equivalent.append((where, equivalents[key]))
            else:
                outcome.survivors.append(where)
    return outcome


def percent(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f} %"


def write_report(modules: list[str]) -> bool:
    """docs/mutation.md from every module's last results; True when the target is met everywhere run."""
    entries = load("equivalent.toml").get("equivalent", [])
    equivalents = {(e["module"], e["operator"], int(e["occurrence"]), e["line"].strip()): e["reason"] for e in entries}
    used: set[tuple[str, str, int, str]] = set()
    outcomes = [o for o in (read_outcome(m, equivalents, used) for m in modules) if o is not None]
    not_run = [m for m in modules if m not in {o.module for o in outcomes}]
    total: Counter[str] = Counter()
    for o in outcomes:
        total.update(
            killed=o.killed + o.incompetent, survived=len(o.survivors), equivalent=len(o.equivalent), skipped=o.skipped
        )
    judged = total["killed"] + total["survived"]
    overall = total["killed"] / judged if judged else None
    out = [
        "# Mutation testing",
        "",
        "Written by `./dev -s mutate` (tests/mutation/run.py) from cosmic-ray's results: do not edit by hand.",
        "Each module is mutated with its own test subset as the oracle (tests/mutation/modules.toml). The score",
        "is the share of non-equivalent mutants the oracle kills (a mutant that no longer imports or runs",
        f"counts as killed); the target is {TARGET:.0%}. Equivalent mutants are listed, with their reasons, in",
        "tests/mutation/equivalent.toml.",
        "",
        f"Overall: **{percent(overall)}** of {judged} non-equivalent mutants killed "
        f"({total['killed']} killed, {total['survived']} survived, {total['equivalent']} equivalent, "
        f"{total['skipped']} left out by the operator filter).",
        "",
        "| module | score | killed | of which incompetent | survived | equivalent | run time |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for o in outcomes:
        run_time = f"{o.seconds:.0f} s" if o.seconds is not None else "n/a"
        out.append(
            f"| `{o.module}` | {percent(o.score)} | {o.killed + o.incompetent} | {o.incompetent} | "
            f"{len(o.survivors)} | {len(o.equivalent)} | {run_time} |"
        )
    if not_run:
        out += ["", "Not run yet: " + ", ".join(f"`{m}`" for m in not_run) + "."]
    for title, rows in (
        ("Surviving mutants (no test kills them yet)", [(o.module, w, "") for o in outcomes for w in o.survivors]),
        ("Equivalent mutants", [(o.module, w, r) for o in outcomes for w, r in o.equivalent]),
    ):
        out += ["", f"## {title}", ""]
        out += [f"- `{m}` {w}" + (f": {r}" if r else "") for m, w, r in rows] or ["None."]
    stale = [e for e in entries if (e["module"], e["operator"], int(e["occurrence"]), e["line"].strip()) not in used]
    stale = [e for e in stale if e["module"] in {o.module for o in outcomes}]
    if stale:
        out += ["", "## Stale entries in equivalent.toml (no such surviving mutant in the last run)", ""]
        out += [f"- `{e['module']}` {e['operator']} #{e['occurrence']}: `{e['line'].strip()}`" for e in stale]
    REPORT.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {REPORT.relative_to(ROOT)}: overall {percent(overall)}")
    return all(o.score is None or o.score >= TARGET for o in outcomes)


def main(argv: list[str]) -> int:
    config = load("modules.toml")
    modules = list(config["modules"])
    if "--report" not in argv:
        chosen = [arg for arg in argv if not arg.startswith("-")] or modules
        unknown = [m for m in chosen if m not in config["modules"]]
        if unknown:
            raise SystemExit(f"not in tests/mutation/modules.toml: {unknown}")
        for module in chosen:
            run_module(module, config["modules"][module], config["defaults"])
    return 0 if write_report(modules) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
