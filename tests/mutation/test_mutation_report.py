"""docs/mutation.md is the generated report of a mutation run, and it states a score for what it covers.

The mutation run itself is not part of the suite (too slow); this checks that the committed report is
one run.py wrote: an overall score consistent with its per-module rows, modules that
tests/mutation/modules.toml names, and every equivalent mutant with a reason.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "docs" / "mutation.md"
ROW = re.compile(
    r"^\| `(?P<module>[^`]+)` \| (?P<score>[\d.]+) % \| (?P<killed>\d+) \| \d+ \| (?P<survived>\d+) \| "
    r"(?P<equivalent>\d+) \|"
)
OVERALL = re.compile(r"^Overall: \*\*(?P<score>[\d.]+) %\*\* of (?P<judged>\d+) non-equivalent mutants killed", re.M)


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
    with (ROOT / "tests" / "mutation" / "modules.toml").open("rb") as file:
        configured = set(tomllib.load(file)["modules"])
    text = REPORT.read_text(encoding="utf-8")
    reported = {match["module"] for line in text.splitlines() if (match := ROW.match(line))}
    assert reported <= configured, reported - configured
    equivalents = text.split("## Equivalent mutants", 1)[1].split("\n## ", 1)[0]
    for line in equivalents.strip().splitlines():
        assert line == "None." or re.search(r"`: \S", line), f"an equivalent mutant without a reason: {line}"
