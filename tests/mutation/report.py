"""The text of docs/mutation.md, from the results tests/mutation/run.py keeps of each module's last run.

Kept apart from run.py (which drives cosmic-ray) so that the report's arithmetic (scores, samples, their
confidence intervals, equivalent mutants) is tested without running any mutant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sampling import wilson

TARGET = 0.90  # share of non-equivalent mutants to kill, per module and overall


@dataclass
class Outcome:
    module: str
    population: int  # mutants after the operator filter: what a full run runs
    run: int  # mutants run: all of them, or the sample
    sample: dict[str, int] | None = None  # {"size", "seed"} of a sampled run
    seconds: float | None = None
    killed: int = 0
    incompetent: int = 0
    skipped: int = 0  # left out by the operator filter
    rerun: int = 0  # survivors run again (run.py --survivors) once tests were written for them
    equivalent: list[tuple[str, str]] = field(default_factory=list)  # (where, reason)
    survivors: list[str] = field(default_factory=list)  # where, for a mutant no test kills

    @property
    def judged(self) -> int:
        return self.killed + self.incompetent + len(self.survivors)

    @property
    def score(self) -> float | None:
        return (self.killed + self.incompetent) / self.judged if self.judged else None

    @property
    def sampled(self) -> bool:
        return self.sample is not None and self.run < self.population


EquivalentKey = tuple[str, str, int, str]


def outcome_of(record: dict[str, Any], equivalents: dict[EquivalentKey, str], used: set[EquivalentKey]) -> Outcome:
    """A module's counts from its kept results, with the survivors judged equivalent set apart."""
    module = record["module"]
    outcome = Outcome(
        module,
        population=record["population"],
        run=len(record["mutants"]),
        sample=record["sample"],
        seconds=record["seconds"],
        skipped=record["skipped"],
        rerun=record.get("rerun", 0),
    )
    for mutant in record["mutants"]:
        key = (module, mutant["operator"], mutant["occurrence"], mutant["text"])
        where = f"line {mutant['line']}, {mutant['operator']} #{mutant['occurrence']}: `{mutant['text']}`"
        if mutant["outcome"] == "killed":
            outcome.killed += 1
        elif mutant["outcome"] == "incompetent":
            outcome.incompetent += 1
        elif key in equivalents:
            used.add(key)
            outcome.equivalent.append((where, equivalents[key]))
        else:
            outcome.survivors.append(where)
    return outcome


def percent(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f} %"


def interval(killed: int, judged: int) -> str:
    low, high = wilson(killed, judged)
    return f"{100 * low:.1f}–{100 * high:.1f} %"


def is_current(record: dict[str, Any], sources: dict[str, str]) -> bool:
    """Whether ``record`` was taken from the module's source as it is now (``sources``: module -> sha256).

    Results kept without a hash (from before hashes were kept) cannot show that, so they count as stale."""
    taken_from = record.get("source_sha256")
    return taken_from is not None and taken_from == sources.get(record["module"])


def render_report(
    modules: list[str], records: list[dict[str, Any]], entries: list[dict[str, Any]], sources: dict[str, str]
) -> str:
    """The text of docs/mutation.md: ``records`` (kept results) judged against ``entries`` (equivalent.toml).

    ``sources`` (module -> sha256 of its source today) sets apart the stale records, taken from source that
    has changed since: they are named, and neither their figures nor their survivors count."""
    equivalents = {(e["module"], e["operator"], int(e["occurrence"]), e["line"].strip()): e["reason"] for e in entries}
    used: set[EquivalentKey] = set()
    by_module = {record["module"]: record for record in records}
    current = [m for m in modules if m in by_module and is_current(by_module[m], sources)]
    stale_modules = [m for m in modules if m in by_module and m not in current]
    outcomes = [outcome_of(by_module[m], equivalents, used) for m in current]
    not_run = [m for m in modules if m not in by_module]
    killed = sum(o.killed + o.incompetent for o in outcomes)
    survived = sum(len(o.survivors) for o in outcomes)
    judged = killed + survived
    overall = killed / judged if judged else None
    sampled = [o for o in outcomes if o.sampled]
    out = [
        "# Mutation testing",
        "",
        "Written by `./dev -s mutate` (tests/mutation/run.py) from the results it keeps in tests/mutation/results/:",
        "do not edit by hand. Each module is mutated with its own test subset as the oracle",
        "(tests/mutation/modules.toml). The score is the share of non-equivalent mutants the oracle kills (a",
        f"mutant that no longer imports or runs counts as killed); the target is {TARGET:.0%}. Equivalent mutants",
        "are listed, with their reasons, in tests/mutation/equivalent.toml. Each module's results keep the sha256",
        "of the source they were taken from: a module whose source has changed since is named as stale and counts",
        "in no figure until its mutants are drawn anew.",
        "",
    ]
    if sampled:
        seeds = sorted({o.sample["seed"] for o in sampled if o.sample})
        run = sum(o.run for o in outcomes)
        population = sum(o.population for o in outcomes)
        out += [
            f"**This is a sample, not a full run**: {run} of the {population} mutants of the modules below were run",
            f"({len(sampled)} of {len(outcomes)} modules sampled, seed {', '.join(map(str, seeds))}; "
            "`run.py --sample N --seed S` draws N mutants",
            "at random in each module). A sampled score is an estimate, given with its 95 % Wilson confidence",
            "interval; the overall figure pools the sampled mutants of every module (each module weighs by the",
            "number of its mutants that were run, not by its size).",
            "",
        ]
    rerun = [(o.module, o.rerun) for o in outcomes if o.rerun]
    if rerun:
        out += [
            f"The survivors of {len(rerun)} modules were run again once tests were written for them "
            f"(`run.py --survivors`: {sum(n for _, n in rerun)} mutants); their outcomes below are the later ones.",
            "",
        ]
    ci = f" (95 % CI {interval(killed, judged)})" if sampled and judged else ""
    out += [
        f"Overall: **{percent(overall)}**{ci} of {judged} non-equivalent mutants killed "
        f"({killed} killed, {survived} survived, {sum(len(o.equivalent) for o in outcomes)} equivalent, "
        f"{sum(o.skipped for o in outcomes)} left out by the operator filter).",
        "",
        "| module | mutants run | score | 95 % CI | killed | of which incompetent | survived | equivalent | run time |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for o in outcomes:
        if o.sampled and o.sample:
            run_of = f"sample: {o.run} of {o.population}, seed {o.sample['seed']}"
            ci_cell = interval(o.killed + o.incompetent, o.judged) if o.judged else "n/a"
        else:
            run_of, ci_cell = f"all {o.run}", "exact"
        run_time = f"{o.seconds:.0f} s" if o.seconds is not None else "n/a"
        out.append(
            f"| `{o.module}` | {run_of} | {percent(o.score)} | {ci_cell} | {o.killed + o.incompetent} | "
            f"{o.incompetent} | {len(o.survivors)} | {len(o.equivalent)} | {run_time} |"
        )
    if stale_modules:
        out += [
            "",
            "Stale (source changed since the run), left out of every figure above until run again: "
            + ", ".join(f"`{m}`" for m in stale_modules)
            + ".",
        ]
    if not_run:
        out += ["", "Not run yet: " + ", ".join(f"`{m}`" for m in not_run) + "."]
    for title, rows in (
        ("Surviving mutants (no test kills them yet)", [(o.module, w, "") for o in outcomes for w in o.survivors]),
        ("Equivalent mutants", [(o.module, w, r) for o in outcomes for w, r in o.equivalent]),
    ):
        out += ["", f"## {title}", ""]
        out += [f"- `{m}` {w}" + (f": {r}" if r else "") for m, w, r in rows] or ["None."]
    # An entry of a fully run module that matched no survivor is stale (the code changed under it); in a
    # sampled module it may simply not have been drawn.
    full = {o.module for o in outcomes if not o.sampled}
    stale = [e for e in entries if (e["module"], e["operator"], int(e["occurrence"]), e["line"].strip()) not in used]
    stale = [e for e in stale if e["module"] in full]
    if stale:
        out += ["", "## Stale entries in equivalent.toml (no such surviving mutant in the last run)", ""]
        out += [f"- `{e['module']}` {e['operator']} #{e['occurrence']}: `{e['line'].strip()}`" for e in stale]
    return "\n".join(out) + "\n"


def target_met(report: str) -> bool:
    """Whether every module row of a report scores at least the target."""
    scores = [float(match[1]) for match in re.finditer(r"^\| `[^`]+` \| [^|]+ \| ([\d.]+) %", report, re.M)]
    return all(score >= 100 * TARGET for score in scores)
