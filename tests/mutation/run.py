"""Mutation testing with cosmic-ray, module by module, and the report docs/mutation.md.

Usage (through ``./dev -s mutate``): ``run.py [module ...]`` mutates the named modules (all of
tests/mutation/modules.toml when none is named), each with its own fast test subset as the oracle, then
rewrites the report; ``run.py --sample N --seed S [module ...]`` runs only N mutants of each module, drawn
at random from the seed (tests/mutation/sampling.py), and the report says so, with a confidence interval;
``run.py --survivors [module ...]`` runs the kept survivors again (once tests are written for them) and
updates their outcomes; ``run.py --report`` only rewrites the report from the results already kept.

Each module's results keep the sha256 of the source they were taken from: the report calls a module whose
source changed since "stale" and leaves it out of the overall figure, so that a result never describes code
that no longer exists. ``run.py --adopt-unchanged`` stamps the hash into results kept before hashes were,
where git shows the module unchanged since the commit that wrote them.

Why module by module: a mutant costs one run of its oracle, so the oracle must be the few test files
that exercise the module, not the suite. Each module's results are kept in tests/mutation/results/ (what
each mutant was, and what the oracle made of it; cosmic-ray's own session stays in .mutation/), so that one
module can be run again without the others, and the report is always made from every module's last
results.

Every surviving mutant is either killed by a new test or listed in tests/mutation/equivalent.toml with
the reason it cannot be told apart from the original (matched by module, operator, occurrence and the
text of the mutated line, so that an entry goes stale, and is reported so, when the code changes).
"""

from __future__ import annotations

import ast
import hashlib
import json
import subprocess
import sys
import time
import tomllib
from pathlib import Path
from typing import Any

from report import render_report, target_met
from sampling import draw, sample_arguments

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
WORK = ROOT / ".mutation"
REPORT = ROOT / "docs" / "mutation.md"
RESULTS = HERE / "results"  # one JSON file per module: what the report is made from, committed with it


def load(name: str) -> dict[str, Any]:
    try:
        with (HERE / name).open("rb") as file:
            return tomllib.load(file)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SystemExit(f"tests/mutation/{name}: {exc}") from None


OUTCOMES = ("killed", "incompetent", "survived")
_RECORD_FIELDS = {"module": str, "population": int, "skipped": int, "seconds": (int, float), "mutants": list}
_MUTANT_FIELDS = {"operator": str, "occurrence": int, "line": int, "text": str, "outcome": str}
_ENTRY_FIELDS = {"module": str, "operator": str, "occurrence": int, "line": str, "reason": str}


def _shape_problem(item: Any, fields: dict[str, Any]) -> str | None:
    """What is wrong with ``item`` as a table of ``fields`` (name -> type), None if nothing."""
    if not isinstance(item, dict):
        return f"not a table but {type(item).__name__}"
    for name, kind in fields.items():
        if name not in item:
            return f"no {name!r}"
        if not isinstance(item[name], kind) or isinstance(item[name], bool):
            return f"{name!r} is {item[name]!r}"
    return None


def read_record(path: Path) -> dict[str, Any]:
    """A module's kept results, checked: a damaged or hand-edited file is named, not half-read."""
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SystemExit(f"{shown}: not a results file ({exc}); run its module again") from None
    problem = _shape_problem(record, _RECORD_FIELDS)
    if problem is None and path.name != f"{slug(record['module'])}.json":
        problem = f"it names another module, {record['module']!r}"
    for mutant in record.get("mutants", []) if problem is None else []:
        problem = _shape_problem(mutant, _MUTANT_FIELDS)
        if problem is None and mutant["outcome"] not in OUTCOMES:
            problem = f"an outcome {mutant['outcome']!r} (one of {', '.join(OUTCOMES)})"
        if problem is not None:
            problem = f"a mutant with {problem}"
            break
    if problem is not None:
        raise SystemExit(f"{shown}: not a results file: {problem}; run its module again")
    checked: dict[str, Any] = record
    return checked


def equivalent_entries() -> list[dict[str, Any]]:
    """tests/mutation/equivalent.toml's entries, each checked to have what matching and the report need."""
    entries = load("equivalent.toml").get("equivalent", [])
    if not isinstance(entries, list):
        raise SystemExit("tests/mutation/equivalent.toml: each entry is an [[equivalent]] table")
    checked: list[dict[str, Any]] = entries
    for number, entry in enumerate(checked, start=1):
        problem = _shape_problem(entry, _ENTRY_FIELDS)
        if problem is None and not entry["reason"].strip():
            problem = "an empty reason"
        if problem is not None:
            raise SystemExit(f"tests/mutation/equivalent.toml: entry {number} has {problem}")
    return checked


def slug(module: str) -> str:
    return module.replace("/", "__").removesuffix(".py")


def mutated_path(module: str) -> Path:
    """The file cosmic-ray mutates: the module itself, or for a vendor module the generated copy tests import."""
    path = Path(module)
    if path.parts[:2] == ("codegen", "vendors"):
        api = path.stem
        copy = ROOT / "generated" / api / f"{api}_client" / "_vendor.py"
        # The generator reformats the copy (ruff), so the code must be the same, not the bytes; line numbers
        # in the results are the copy's.
        if ast.dump(ast.parse(copy.read_bytes())) != ast.dump(ast.parse((ROOT / path).read_bytes())):
            raise SystemExit(f"{copy} differs from {module}: run ./dev -s generate first")
        return copy
    return ROOT / path


def source_hash(module: str) -> str:
    """The sha256 of the source cosmic-ray mutates for ``module``, kept with its results: the report marks
    results taken from other source than today's as stale, so that old figures never pass for current ones."""
    return hashlib.sha256(mutated_path(module).read_bytes()).hexdigest()


def current_sources(modules: list[str]) -> dict[str, str]:
    """Each module's source hash as it is now (what the report checks the kept results against)."""
    return {module: source_hash(module) for module in modules}


def config_text(module: str, settings: dict[str, Any], defaults: dict[str, Any]) -> str:
    tests = " ".join(settings["tests"])
    # -x: a mutant is killed by the first failure. Plugins the oracle does not need are left out (each costs
    # start-up time on every mutant): modules.toml's `plugins-off`, per module or by default.
    off = settings.get("plugins-off", defaults["plugins-off"])
    plugins = " ".join(f"-p no:{name}" for name in ["cacheprovider", "randomly", *off])
    command = f"{sys.executable} -m pytest -x -q {plugins} {tests}"
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


def results_path(module: str) -> Path:
    return RESULTS / f"{slug(module)}.json"


def mutant_order(item: Any) -> tuple[str, int]:
    """A stable order of cosmic-ray's work items (its job ids are random): operator, then occurrence."""
    [mutation] = item.mutations
    return mutation.operator_name, int(mutation.occurrence)


def run_module(
    module: str,
    settings: dict[str, Any],
    defaults: dict[str, Any],
    sample: tuple[int, int] | None = None,
    only: set[tuple[str, int]] | None = None,
) -> None:
    """Mutate ``module`` with cosmic-ray (only a seeded draw of ``sample = (size, seed)`` mutants when given),
    then keep its results in tests/mutation/results/.

    ``only`` (operator, occurrence pairs) re-runs just those mutants of the kept results, e.g. the survivors
    once new tests are written for them, and updates their outcomes there; the rest of the record stays."""
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import WorkerOutcome

    SKIPPED = WorkerOutcome.SKIPPED  # noqa: N806 (what the operator filter marks its left-out mutants with)
    source = source_hash(module)  # before any mutant: cosmic-ray restores the file after each one
    WORK.mkdir(exist_ok=True)
    config, session = WORK / f"{slug(module)}.toml", WORK / f"{slug(module)}.sqlite"
    config.write_text(config_text(module, settings, defaults), encoding="utf-8")
    session.unlink(missing_ok=True)
    started = time.monotonic()
    subprocess.run([tool("cosmic-ray"), "init", str(config), str(session)], cwd=ROOT, check=True)
    subprocess.run([tool("cr-filter-operators"), str(session), str(config)], cwd=ROOT, check=True)
    with use_db(str(session), WorkDB.Mode.open) as db:
        skipped = len(db.completed_work_items)  # the operator filter marks what it leaves out as done
        pending = db.pending_work_items
        chosen = pending
        if only is not None:
            chosen = [item for item in pending if mutant_order(item) in only]
        elif sample is not None:
            size, seed = sample
            chosen = draw(pending, size, seed=seed, stratum=module, key=mutant_order)
        if chosen is not pending:
            db.clear()  # cosmic-ray runs every work item it holds: keep only the chosen ones
            db.add_work_items(chosen)
    baseline = subprocess.run([tool("cosmic-ray"), "baseline", str(config)], cwd=ROOT)
    if baseline.returncode != 0:
        raise SystemExit(f"{module}: the oracle fails without any mutation; fix the tests first")
    subprocess.run([tool("cosmic-ray"), "exec", str(config), str(session)], cwd=ROOT, check=True)
    seconds = time.monotonic() - started
    if source_hash(module) != source:
        raise SystemExit(f"{module} changed during its run (or a mutant was left in it): its results are not kept")
    lines = mutated_path(module).read_text(encoding="utf-8").splitlines()
    with use_db(str(session), WorkDB.Mode.open) as db:
        done = db.completed_work_items
    mutants = [mutant_result(item, result, lines) for item, result in done if result.worker_outcome != SKIPPED]
    if only is not None:
        rerun(module, mutants, seconds)
        return
    record = {
        "module": module,
        "source_sha256": source,
        "sample": None if sample is None else {"size": sample[0], "seed": sample[1]},
        "population": len(pending),
        "skipped": skipped,
        "seconds": round(seconds, 1),
        "mutants": sorted(mutants, key=lambda m: (m["operator"], m["occurrence"])),
    }
    RESULTS.mkdir(exist_ok=True)
    results_path(module).write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    print(f"{module}: {len(mutants)} of {len(pending)} mutants in {seconds:.0f} s", flush=True)


def rerun(module: str, mutants: list[dict[str, Any]], seconds: float) -> None:
    """Put the outcomes of re-run mutants into ``module``'s kept record, in place of their earlier ones."""
    record = read_record(results_path(module))
    fresh = {(m["operator"], m["occurrence"]): m for m in mutants}
    record["mutants"] = [fresh.get((m["operator"], m["occurrence"]), m) for m in record["mutants"]]
    record["seconds"] = round(record["seconds"] + seconds, 1)
    record["rerun"] = record.get("rerun", 0) + len(mutants)
    results_path(module).write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    killed = sum(m["outcome"] != "survived" for m in mutants)
    print(f"{module}: {killed} of {len(mutants)} re-run survivors killed in {seconds:.0f} s", flush=True)


def survivors(module: str, equivalent: set[tuple[str, str, int, str]]) -> set[tuple[str, int]]:
    """The kept survivors of ``module`` not judged equivalent: what ``--survivors`` runs again."""
    if not results_path(module).exists():
        return set()
    record = read_record(results_path(module))
    if record.get("source_sha256") != source_hash(module):
        # The occurrence numbers name mutants of the source the results were taken from, not of today's.
        raise SystemExit(f"{module}: its kept results are stale (source changed since the run): run it afresh")
    return {
        (m["operator"], m["occurrence"])
        for m in record["mutants"]
        if m["outcome"] == "survived" and (module, m["operator"], m["occurrence"], m["text"]) not in equivalent
    }


def mutant_result(item: Any, result: Any, lines: list[str]) -> dict[str, Any]:
    """One mutant as kept in the results: where it is, the text of its line, and what the oracle made of it."""
    from cosmic_ray.work_item import TestOutcome

    [mutation] = item.mutations
    row = mutation.start_pos[0]
    if result.test_outcome == TestOutcome.KILLED:
        outcome = "killed"
    elif result.test_outcome == TestOutcome.INCOMPETENT:
        outcome = "incompetent"  # the mutant does not even import or run: counted as killed, shown apart
    else:
        outcome = "survived"
    return {
        "operator": mutation.operator_name,
        "occurrence": int(mutation.occurrence),
        "line": row,
        "text": lines[row - 1].strip() if row <= len(lines) else "",
        "outcome": outcome,
    }


def kept_results() -> list[dict[str, Any]]:
    return [read_record(path) for path in sorted(RESULTS.glob("*.json"))]


def adopt_unchanged() -> None:
    """Stamp today's source hash into kept results written before hashes were kept, where git shows the
    module unchanged since the commit that wrote them (the source they were taken from is today's). The
    rest stay without a hash, so the report calls them stale until they are run again."""
    for path in sorted(RESULTS.glob("*.json")):
        record = read_record(path)
        if "source_sha256" in record:
            continue
        git = ["git", "-C", str(ROOT)]
        written = subprocess.run([*git, "log", "-1", "--format=%H", "--", str(path)], capture_output=True, text=True)
        source = mutated_path(record["module"]).relative_to(ROOT)
        unchanged = written.stdout.strip() and (
            subprocess.run([*git, "diff", "--quiet", written.stdout.strip(), "--", str(source)]).returncode == 0
        )
        if unchanged:
            path.write_text(
                json.dumps({**record, "source_sha256": source_hash(record["module"])}, indent=1) + "\n",
                encoding="utf-8",
            )
        print(f"{record['module']}: {'unchanged since its run' if unchanged else 'stale: run it again'}")


def write_report(modules: list[str]) -> bool:
    """docs/mutation.md from every module's kept results; True when the target is met everywhere run."""
    entries = equivalent_entries()
    text = render_report(modules, kept_results(), entries, current_sources(modules))
    REPORT.write_text(text, encoding="utf-8")
    print(f"wrote {REPORT.relative_to(ROOT)}")
    return target_met(text)


KNOWN_OPTIONS = frozenset({"--adopt-unchanged", "--report", "--survivors"})


def main(argv: list[str]) -> int:
    config = load("modules.toml")
    modules = list(config["modules"])
    if "-h" in argv or "--help" in argv:
        print(__doc__)
        return 0
    argv, sample = sample_arguments(argv)
    unknown_options = [arg for arg in argv if arg.startswith("-") and arg not in KNOWN_OPTIONS]
    if unknown_options:  # a misspelt option must not start a run of every module (hours)
        raise SystemExit(f"unknown option(s) {unknown_options}; known: {sorted(KNOWN_OPTIONS)} and --sample N --seed S")
    if "--adopt-unchanged" in argv:
        adopt_unchanged()
    elif "--report" not in argv:
        chosen = [arg for arg in argv if not arg.startswith("-")] or modules
        unknown = [m for m in chosen if m not in config["modules"]]
        if unknown:
            raise SystemExit(f"not in tests/mutation/modules.toml: {unknown}")
        if "--survivors" in argv:  # again, against today's tests: the kept survivors only
            entries = equivalent_entries()
            equivalent = {(e["module"], e["operator"], int(e["occurrence"]), e["line"].strip()) for e in entries}
            for module in chosen:
                if only := survivors(module, equivalent):
                    run_module(module, config["modules"][module], config["defaults"], only=only)
        else:
            for module in chosen:
                run_module(module, config["modules"][module], config["defaults"], sample)
    return 0 if write_report(modules) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
