"""docs/mutation.md is the generated report of a mutation run, and it states a score for what it covers.

The mutation run itself is not part of the suite (too slow). This checks the report's arithmetic on
made-up results (a sample is called a sample, with its seed, its size and a Wilson interval; a full run
is not), the seeded draw, and that the committed report is exactly what run.py makes of the committed
results in tests/mutation/results/.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from report import render_report, target_met
from run import current_sources, source_hash
from sampling import draw, sample_arguments, wilson

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
REPORT = ROOT / "docs" / "mutation.md"
ROW = re.compile(
    r"^\| `(?P<module>[^`]+)` \| (?P<run>[^|]+) \| (?P<score>[\d.]+) % \| (?P<ci>[^|]+) \| (?P<killed>\d+) \| \d+ \| "
    r"(?P<survived>\d+) \| (?P<equivalent>\d+) \|"
)
OVERALL = re.compile(r"^Overall: \*\*(?P<score>[\d.]+) %\*\*.* of (?P<judged>\d+) non-equivalent mutants killed", re.M)


def mutant(occurrence: int, outcome: str, text: str = "x = 1") -> dict[str, Any]:
    return {"operator": "core/NumberReplacer", "occurrence": occurrence, "line": 3, "text": text, "outcome": outcome}


def record(module: str, mutants: list[dict[str, Any]], population: int, seed: int | None = None) -> dict[str, Any]:
    sample = None if seed is None else {"size": len(mutants), "seed": seed}
    return {
        "module": module,
        "sample": sample,
        "population": population,
        "skipped": 4,
        "seconds": 12.0,
        "mutants": mutants,
        "source_sha256": f"sha-of-{module}",
    }


def render(modules: list[str], records: list[dict[str, Any]], entries: list[dict[str, Any]]) -> str:
    """The report of ``records``, each taken from its module's source as it is now."""
    return render_report(modules, records, entries, {r["module"]: r["source_sha256"] for r in records})


# -- the seeded draw ------------------------------------------------------------------------------------


def by_name(item: tuple[str, int]) -> tuple[str, int]:
    return item


MUTANTS = [(f"core/Operator{n % 7}", n) for n in range(200)]


def test_the_same_seed_draws_the_same_mutants_whatever_order_they_come_in() -> None:
    first = draw(MUTANTS, 15, seed=1, stratum="a.py", key=by_name)
    again = draw(list(reversed(MUTANTS)), 15, seed=1, stratum="a.py", key=by_name)

    assert first == again
    assert len(set(first)) == 15 and set(first) <= set(MUTANTS)


def test_another_seed_or_another_module_draws_other_mutants() -> None:
    first = set(draw(MUTANTS, 15, seed=1, stratum="a.py", key=by_name))

    assert set(draw(MUTANTS, 15, seed=2, stratum="a.py", key=by_name)) != first
    assert set(draw(MUTANTS, 15, seed=1, stratum="b.py", key=by_name)) != first


def test_the_draw_is_spread_over_the_module_not_taken_from_its_start() -> None:
    drawn = [n for _, n in draw(MUTANTS, 40, seed=1, stratum="a.py", key=lambda m: (str(m[1]).zfill(3), 0))]

    assert min(drawn) < 50 and max(drawn) >= 150


def test_a_sample_larger_than_the_module_runs_every_mutant_once() -> None:
    assert sorted(draw(MUTANTS[:5], 15, seed=1, stratum="a.py", key=by_name)) == sorted(MUTANTS[:5])


def test_an_empty_sample_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one"):
        draw(MUTANTS, 0, seed=1, stratum="a.py", key=by_name)


# -- the confidence interval ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("killed", "judged", "low", "high"),
    # Wilson score intervals at 95 % (z = 1.96): 0 of 10 and 5 of 10 as published tables give them.
    [
        (0, 10, 0.0, 0.2775),
        (10, 10, 0.7225, 1.0),
        (15, 15, 0.7961, 1.0),
        (14, 15, 0.7018, 0.9881),
        (5, 10, 0.2366, 0.7634),
    ],
)
def test_the_wilson_interval_matches_its_published_values(killed: int, judged: int, low: float, high: float) -> None:
    got = wilson(killed, judged)

    assert got == pytest.approx((low, high), abs=5e-5)


@pytest.mark.parametrize(("killed", "judged"), [(16, 16), (0, 21), (40, 40), (0, 37)])
def test_the_interval_never_leaves_zero_to_one(killed: int, judged: int) -> None:
    """Rounding takes the raw formula a hair past 1 (16 of 16) or below 0 (0 of 21): "-0.0 %" in a report."""
    low, high = wilson(killed, judged)

    assert 0.0 <= low <= high <= 1.0


@pytest.mark.parametrize(("killed", "judged"), [(0, 0), (3, 2), (-1, 4)])
def test_no_interval_without_a_proportion(killed: int, judged: int) -> None:
    with pytest.raises(ValueError, match="no interval"):
        wilson(killed, judged)


# -- the command line -----------------------------------------------------------------------------------


def test_sample_and_seed_are_read_and_the_modules_kept() -> None:
    assert sample_arguments(["--sample", "20", "a.py", "--seed", "7", "b.py"]) == (["a.py", "b.py"], (20, 7))
    assert sample_arguments(["a.py"]) == (["a.py"], None)


@pytest.mark.parametrize(
    "argv",
    [
        ["--sample", "20"],
        ["--seed", "1"],
        ["--sample", "x", "--seed", "1"],
        ["--sample", "0", "--seed", "1"],
        ["--sample"],
    ],
)
def test_a_sample_without_a_seed_or_a_size_is_refused(argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        sample_arguments(argv)


# -- the report -------------------------------------------------------------------------------------------


def test_a_sampled_module_is_reported_as_a_sample_with_its_seed_size_and_interval() -> None:
    mutants = [mutant(n, "killed") for n in range(13)] + [mutant(13, "incompetent"), mutant(14, "survived", "y = 2")]

    text = render(["a.py"], [record("a.py", mutants, population=120, seed=3)], [])

    assert "**This is a sample, not a full run**: 15 of the 120 mutants" in text
    assert "seed 3" in text
    [row] = [match.groupdict() for line in text.splitlines() if (match := ROW.match(line))]
    assert row["run"] == "sample: 15 of 120, seed 3"
    assert (row["score"], row["killed"], row["survived"]) == ("93.3", "14", "1")
    assert row["ci"] == "70.2–98.8 %"
    assert "Overall: **93.3 %** (95 % CI 70.2–98.8 %) of 15 non-equivalent mutants killed" in text
    assert "- `a.py` line 3, core/NumberReplacer #14: `y = 2`" in text  # the survivor, listed


def test_a_full_run_is_reported_as_exact_and_not_as_a_sample() -> None:
    mutants = [mutant(n, "killed") for n in range(9)] + [mutant(9, "survived")]

    text = render(["b.py"], [record("b.py", mutants, population=10)], [])

    assert "sample" not in text.lower().split("## surviving")[0].replace("`run.py --sample", "")
    [row] = [match.groupdict() for line in text.splitlines() if (match := ROW.match(line))]
    assert (row["run"], row["score"], row["ci"]) == ("all 10", "90.0", "exact")
    assert "Overall: **90.0 %** of 9 non-equivalent" not in text  # 10 judged, not 9
    assert "Overall: **90.0 %** of 10 non-equivalent mutants killed" in text


def test_a_sample_as_large_as_the_module_is_a_full_run() -> None:
    mutants = [mutant(n, "killed") for n in range(6)]

    text = render(["a.py"], [record("a.py", mutants, population=6, seed=1)], [])

    assert "This is a sample" not in text
    [row] = [match.groupdict() for line in text.splitlines() if (match := ROW.match(line))]
    assert (row["run"], row["ci"]) == ("all 6", "exact")


def test_survivors_run_again_are_reported_as_such() -> None:
    again = {**record("a.py", [mutant(0, "killed"), mutant(1, "killed")], population=30, seed=1), "rerun": 1}

    text = render(["a.py", "b.py"], [again, record("b.py", [mutant(0, "killed")], population=1)], [])

    assert "The survivors of 1 modules were run again" in text and "--survivors`: 1 mutants" in text
    assert "run again" not in render(["b.py"], [record("b.py", [mutant(0, "killed")], population=1)], [])


def test_an_equivalent_survivor_leaves_the_score_and_shows_its_reason() -> None:
    mutants = [mutant(0, "killed"), mutant(1, "survived", "y = 2")]
    entries = [{"module": "a.py", "operator": "core/NumberReplacer", "occurrence": 1, "line": "y = 2", "reason": "why"}]

    text = render(["a.py"], [record("a.py", mutants, population=2)], entries)

    assert "Overall: **100.0 %** of 1 non-equivalent mutants killed" in text
    assert "- `a.py` line 3, core/NumberReplacer #1: `y = 2`: why" in text
    assert "Stale" not in text


def test_an_entry_matching_no_survivor_is_stale_only_where_every_mutant_ran() -> None:
    entries = [
        {"module": m, "operator": "core/NumberReplacer", "occurrence": 5, "line": "gone = 1", "reason": "r"}
        for m in ("full.py", "sampled.py")
    ]
    records = [
        record("full.py", [mutant(0, "killed")], population=1),
        record("sampled.py", [mutant(0, "killed")], population=30, seed=1),  # #5 may just not have been drawn
    ]

    text = render(["full.py", "sampled.py", "later.py"], records, entries)

    stale = text.split("## Stale entries", 1)[1]
    assert "`full.py`" in stale and "`sampled.py`" not in stale
    assert "Not run yet: `later.py`." in text


def test_the_target_is_met_only_when_every_row_reaches_it() -> None:
    good = record("a.py", [mutant(n, "killed") for n in range(9)] + [mutant(9, "survived")], population=10)
    bad = record("b.py", [mutant(0, "killed"), mutant(1, "survived")], population=40, seed=1)

    assert target_met(render(["a.py"], [good], []))
    assert not target_met(render(["a.py", "b.py"], [good, bad], []))


def test_results_taken_from_other_source_are_stale_and_left_out_of_every_figure() -> None:
    fresh = record("a.py", [mutant(0, "killed"), mutant(1, "killed")], population=2)
    old = record("b.py", [mutant(0, "survived", "old = 1")], population=1)

    text = render_report(["a.py", "b.py"], [fresh, old], [], {"a.py": "sha-of-a.py", "b.py": "changed since"})

    assert "Stale (source changed since the run)" in text and "`b.py`." in text
    assert [m["module"] for line in text.splitlines() if (m := ROW.match(line))] == ["a.py"]
    assert "Overall: **100.0 %** of 2 non-equivalent mutants killed" in text
    assert "old = 1" not in text  # its survivor describes code that no longer exists
    assert target_met(text)


def test_results_kept_without_a_source_hash_are_stale() -> None:
    unhashed = record("a.py", [mutant(0, "killed")], population=1)
    del unhashed["source_sha256"]

    text = render_report(["a.py"], [unhashed], [], {"a.py": "sha-of-a.py"})

    assert "Stale (source changed since the run), left out of every figure above until run again: `a.py`." in text
    assert not any(ROW.match(line) for line in text.splitlines())
    assert "Overall: **n/a** of 0 non-equivalent mutants killed" in text


def test_a_module_neither_run_nor_stale_is_not_run_yet() -> None:
    text = render_report(["a.py", "b.py"], [record("a.py", [mutant(0, "killed")], population=1)], [], {})

    assert "Stale (source changed since the run), left out of every figure above until run again: `a.py`." in text
    assert "Not run yet: `b.py`." in text


# -- the committed report -----------------------------------------------------------------------------------


def committed_results() -> list[dict[str, Any]]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted((HERE / "results").glob("*.json"))]


def test_the_committed_report_is_what_run_py_makes_of_the_committed_results() -> None:
    with (HERE / "modules.toml").open("rb") as file:
        modules = list(tomllib.load(file)["modules"])
    with (HERE / "equivalent.toml").open("rb") as file:
        entries = tomllib.load(file).get("equivalent", [])

    expected = render_report(modules, committed_results(), entries, current_sources(modules))

    assert REPORT.read_text(encoding="utf-8") == expected, "docs/mutation.md is stale: ./dev -s mutate -- --report"


def test_the_report_states_a_score_consistent_with_its_rows() -> None:
    text = REPORT.read_text(encoding="utf-8")
    overall = OVERALL.search(text)
    assert overall, "docs/mutation.md states no overall score"
    rows = [match.groupdict() for line in text.splitlines() if (match := ROW.match(line))]
    assert rows, "docs/mutation.md has no module rows"
    killed = sum(int(row["killed"]) for row in rows)
    judged = killed + sum(int(row["survived"]) for row in rows)
    assert int(overall["judged"]) == judged
    assert abs(float(overall["score"]) - 100 * killed / judged) < 0.06
    for row in rows:
        row_judged = int(row["killed"]) + int(row["survived"])
        assert abs(float(row["score"]) - 100 * int(row["killed"]) / row_judged) < 0.06, row


def test_the_report_covers_only_configured_modules_and_gives_reasons() -> None:
    with (HERE / "modules.toml").open("rb") as file:
        configured = set(tomllib.load(file)["modules"])
    text = REPORT.read_text(encoding="utf-8")
    reported = {match["module"] for line in text.splitlines() if (match := ROW.match(line))}
    assert reported <= configured, reported - configured
    assert {r["module"] for r in committed_results()} <= configured
    equivalents = text.split("## Equivalent mutants", 1)[1].split("\n## ", 1)[0]
    for line in equivalents.strip().splitlines():
        assert line == "None." or re.search(r"`: \S", line), f"an equivalent mutant without a reason: {line}"


def test_the_source_hash_is_of_the_file_mutated_the_generated_copy_for_a_vendor_module() -> None:
    def sha(path: str) -> str:
        return hashlib.sha256((ROOT / path).read_bytes()).hexdigest()

    assert source_hash("runtime/accountkit_runtime/retries.py") == sha("runtime/accountkit_runtime/retries.py")
    assert source_hash("codegen/vendors/twosms.py") == sha("generated/twosms/twosms_client/_vendor.py")
    assert source_hash("codegen/vendors/twosms.py") != source_hash("codegen/vendors/octopush.py")


def test_every_oracle_names_test_files_that_exist() -> None:
    """A test file renamed or removed leaves its module's oracle failing before any mutant runs."""
    with (HERE / "modules.toml").open("rb") as file:
        modules = tomllib.load(file)["modules"]

    missing = [(module, test) for module, settings in modules.items() for test in settings["tests"]]
    assert [(module, test) for module, test in missing if not (ROOT / test.split("::")[0]).is_file()] == []


@pytest.mark.parametrize(
    "argv", [["--help"], ["-h"], ["--survivor", "runtime/accountkit_runtime/loops.py"], ["--reprot"]]
)
def test_help_or_a_misspelt_option_never_starts_a_run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    import run

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a mutation run was started")

    patch = pytest.MonkeyPatch()
    patch.setattr(run, "run_module", refuse)
    patch.setattr(run, "write_report", refuse)
    try:
        if argv[0] in ("--help", "-h"):
            assert run.main(argv) == 0
            assert "Usage" in capsys.readouterr().out
        else:
            with pytest.raises(SystemExit, match="unknown option"):
                run.main(argv)
    finally:
        patch.undo()


GOOD_RECORD = record("runtime/accountkit_runtime/forks.py", [mutant(0, "killed"), mutant(1, "survived")], 2)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("{not json", "not a results file (Expecting property name"),
        ("[]", "not a table but list"),
        (json.dumps({**GOOD_RECORD, "population": None}), "'population' is None"),
        (json.dumps({k: v for k, v in GOOD_RECORD.items() if k != "mutants"}), "no 'mutants'"),
        (json.dumps({**GOOD_RECORD, "module": "runtime/accountkit_runtime/loops.py"}), "names another module"),
        (json.dumps({**GOOD_RECORD, "mutants": [{**mutant(0, "dead")}]}), "an outcome 'dead'"),
        (json.dumps({**GOOD_RECORD, "mutants": [{"operator": "core/AddNot"}]}), "a mutant with no 'occurrence'"),
    ],
)
def test_a_damaged_results_file_is_named_not_half_read(text: str, named: str, tmp_path: Path) -> None:
    import run

    path = tmp_path / "runtime__accountkit_runtime__forks.json"
    path.write_text(text, encoding="utf-8")

    with pytest.raises(SystemExit) as caught:
        run.read_record(path)

    assert str(caught.value).startswith(f"{path}: not a results file")
    assert named in str(caught.value)


def test_a_whole_results_file_is_read_as_it_was_written(tmp_path: Path) -> None:
    import run

    path = tmp_path / "runtime__accountkit_runtime__forks.json"
    path.write_text(json.dumps(GOOD_RECORD), encoding="utf-8")

    assert run.read_record(path) == GOOD_RECORD


@pytest.mark.parametrize(
    ("entry", "named"),
    [
        ('module = "a.py"\noperator = "x"\noccurrence = 1\nline = "y"\n', "entry 1 has no 'reason'"),
        ('module = "a.py"\noperator = "x"\noccurrence = "1"\nline = "y"\nreason = "r"\n', "'occurrence' is '1'"),
        ('module = "a.py"\noperator = "x"\noccurrence = 1\nline = "y"\nreason = " "\n', "an empty reason"),
        (None, "each entry is an \\[\\[equivalent\\]\\] table"),
    ],
)
def test_an_equivalence_without_what_matching_needs_is_refused(
    entry: str | None, named: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import run

    text = '[equivalent]\nmodule = "a.py"\n' if entry is None else "[[equivalent]]\n" + entry
    (tmp_path / "equivalent.toml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(run, "HERE", tmp_path)

    with pytest.raises(SystemExit, match=named):
        run.equivalent_entries()


def test_the_committed_equivalences_are_all_well_formed() -> None:
    import run

    assert len(run.equivalent_entries()) == len(tomllib.loads((HERE / "equivalent.toml").read_text())["equivalent"])
