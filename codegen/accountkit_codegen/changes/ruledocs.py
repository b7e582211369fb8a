"""Write docs/diff-rules.md: the spec-diff rules (``diffrules``) and how oasdiff's rules map to them.

``PYTHONPATH=codegen python -m accountkit_codegen.changes.ruledocs`` rewrites the page;
tests/specdiff/test_rule_table.py fails when the committed page is not what this module writes, so the
page cannot drift from the tables.
"""

from __future__ import annotations

import sys
from collections import Counter

from ..spec.layout import REPO
from .diffrules import LEVELS, RULES, SECTION_BUMPS
from .oasdiffmap import Catalogue, catalogue

PAGE = REPO / "docs" / "diff-rules.md"

INTRO = """\
# Spec-diff rules

> **Generated file: do not edit.** Written by `PYTHONPATH=codegen python -m accountkit_codegen.changes.ruledocs` from
> `codegen/accountkit_codegen/changes/diffrules.py` and `codegen/accountkit_codegen/changes/oasdiff_rules.yaml`.

`./dev -s diff` reports every change between two versions of a spec under one of the rules below, for
the users of the generated client. Each rule has a **level**:

- **breaking**: code that worked with the old client can fail with the new one (major bump);
- **warning**: the client keeps working, but code that relied on what the old spec promised may not
  (minor bump, listed under *Warnings* in the changelog);
- **info**: an addition or a change nobody's code trips over (minor bump), or words only (patch).

A **direction** says whose data it is: `request` for what the client sends (it must accept everything
it accepted), `response` for what it receives (it must not get what it did not expect). Webhooks run
the other way: a webhook's payload is judged by the response rules, the answer by the request rules.
Inside a readOnly request property (never sent) or a writeOnly response property (never returned),
every change is reported under one info rule instead.

Changelog sections and the bump each asks for: {bumps}.
"""


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return lines


def _our_rules() -> list[str]:
    rows = [[f"`{rule.id}`", rule.level, rule.direction, rule.section, rule.summary] for rule in RULES.values()]
    levels = Counter(rule.level for rule in RULES.values())
    counted = ", ".join(f"{levels[level]} {level}" for level in LEVELS)
    return [
        "## accountkit's rules",
        "",
        f"{len(RULES)} rules: {counted}.",
        "",
        *_table(["rule", "level", "direction", "changelog", "what changed"], rows),
        "",
    ]


def _oasdiff(data: Catalogue) -> list[str]:
    source = data.source
    counts = data.counts()
    link = f"https://github.com/{source['repository']}/blob/{source['commit']}/{source['file']}"
    lines = [
        "## oasdiff's rules, mapped",
        "",
        f"Every rule of oasdiff's [`{source['file']}`]({link}) at commit `{source['commit']}`, with its level",
        "there (ERR, WARN, INFO), mapped to the accountkit rule reporting the same change. *same*: ours has",
        "the same level (ERR is breaking, WARN warning, INFO info); *deliberately different*: ours reports it",
        "at another level, for the reason given; *not applicable*: it cannot concern the specs and clients",
        "of this project, for the reason given.",
        "",
        *_table(["figure", "count"], [[name, str(value)] for name, value in counts.items()]),
        "",
        "### Reasons",
        "",
        *_table(["key", "reason"], [[f"`{key}`", text] for key, text in data.reasons.items()]),
        "",
        "### Every rule",
        "",
    ]
    rows = []
    for rule in data.rules:
        ours = f"`{rule.ours}` ({RULES[rule.ours].level})" if rule.ours in RULES else "—"
        why = " ".join(f"`{key}`" for key in (rule.differs or rule.na, rule.note) if key)
        rows.append([f"`{rule.id}`", rule.level, ours, rule.status, why])
    return [*lines, *_table(["oasdiff rule", "level", "ours", "status", "reason"], rows), ""]


def render() -> str:
    bumps = ", ".join(f"{section}: {bump}" for section, bump in SECTION_BUMPS.items())
    return "\n".join([INTRO.format(bumps=bumps), *_our_rules(), *_oasdiff(catalogue())])


def main() -> int:
    PAGE.write_text(render(), encoding="utf-8")
    print(f"ruledocs: wrote {PAGE.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
