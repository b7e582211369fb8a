"""``./dev -s docs -- <api> <page file> [--update] [--json]``: a newly saved vendor page against the spec.

Reads the page (saved as text, or as HTML) with the API's reader and prints:

1. what changed on the page since its snapshot (``specs/pages/<api>.json``): rows added, removed,
   retyped or re-constrained, examples and auth notes changed;
2. what ``specs/<api>.yaml`` lacks or contradicts, row by row, each with the place to edit (file and
   line, and the JSON pointer);
3. a one-line verdict.

Exit status: 0 when the spec covers the page, 1 when it does not, 2 when the page (or the snapshot, or
the spec) cannot be read. ``--update`` rewrites the snapshot with what was read, only once the spec
covers the page; on an unchanged page it says so and writes nothing. ``--json`` prints one object
for CI: ``{api, page, reader, spec, snapshot: {file, read_on}, changes: [{kind, operation, subject,
details}], findings: [{subject, pointer, line, problems}], checked: {rows, examples}, covered,
unchanged, updated, notes, verdict}``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .layout import REPO, SPECS
from .pages.apis import PAGES, PageBinding
from .pages.model import Page
from .pages.pagediff import Change, compare_pages
from .pages.snapshot import (
    SNAPSHOTS,
    Snapshot,
    SnapshotError,
    load_snapshot,
    make_snapshot,
    snapshot_path,
    write_snapshot,
)
from .pages.speccheck import SpecShapeError, check_example, check_operation, check_row_at
from .pages.text import PageReadError


class DocsInputError(Exception):
    """Input the command cannot work with (exit status 2)."""


@dataclass(frozen=True)
class Finding:
    """Something the spec lacks or contradicts: what, where to edit, and why."""

    subject: str
    pointer: str
    line: int | None
    problems: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"subject": self.subject, "pointer": self.pointer, "line": self.line, "problems": list(self.problems)}


@dataclass
class Report:
    api: str
    page_file: str
    reader: str
    spec_file: str
    snapshot_file: str
    snapshot: Snapshot | None
    page: Page
    changes: list[Change]
    findings: list[Finding]
    checked_rows: int
    checked_examples: int
    updated: bool | None = None  # None: no --update asked
    notes: list[str] = field(default_factory=list)

    @property
    def covered(self) -> bool:
        return not self.findings

    @property
    def unchanged(self) -> bool:
        return self.snapshot is not None and not self.changes

    def verdict(self) -> str:
        if self.covered:
            tail = "" if self.unchanged or self.updated else "; run again with --update to record the page"
            return f"covered: {self.spec_file} covers every row and example of the page{tail}"
        missing = sum(1 for f in self.findings if any("not found" in p or "not in the spec" in p for p in f.problems))
        return (
            f"not covered: {len(self.findings)} finding(s) ({missing} missing, {len(self.findings) - missing} "
            f"contradicted); edit {self.spec_file}, then run again"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "api": self.api,
            "page": self.page_file,
            "reader": self.reader,
            "spec": self.spec_file,
            "snapshot": {"file": self.snapshot_file, "read_on": self.snapshot.read_on if self.snapshot else None},
            "changes": [c.to_json() for c in self.changes],
            "findings": [f.to_json() for f in self.findings],
            "checked": {"rows": self.checked_rows, "examples": self.checked_examples},
            "covered": self.covered,
            "unchanged": self.unchanged,
            "updated": self.updated,
            "notes": self.notes,
            "verdict": self.verdict(),
        }


# --- building the report -------------------------------------------------------------------------


def load_spec_document(path: Path) -> tuple[dict[str, Any], Any]:
    """(the spec as a dict, its YAML node tree for line numbers); problems are DocsInputError."""
    try:
        text = path.read_text(encoding="utf-8")
        doc, tree = yaml.safe_load(text), yaml.compose(text)
    except OSError as exc:
        raise DocsInputError(f"{path}: cannot read the spec: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise DocsInputError(f"{path}: not YAML: {' '.join(str(exc).split())}") from None
    except RecursionError:
        raise DocsInputError(f"{path}: nested too deeply to be an OpenAPI document") from None
    if not isinstance(doc, dict):
        raise DocsInputError(f"{path}: not an OpenAPI document")
    return doc, tree


def line_of(tree: Any, pointer: str) -> int | None:
    """The 1-based line of the deepest node on ``pointer`` that exists in the YAML file."""
    node, line = tree, (tree.start_mark.line + 1 if tree is not None else None)
    for token in pointer.split(" ")[0].split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == token), None)
        elif isinstance(node, yaml.SequenceNode) and token.isdigit() and int(token) < len(node.value):
            child = node.value[int(token)]
        if child is None:
            break
        node, line = child, child.start_mark.line + 1
    return line


def check_spec(binding: PageBinding, page: Page, doc: dict[str, Any], tree: Any) -> tuple[list[Finding], int, int]:
    """(findings, rows checked, examples checked) of the page against the spec."""
    findings: list[Finding] = []
    rows = examples = 0
    try:
        for op in page.operations:
            for at, problem in check_operation(doc, binding, op):
                findings.append(Finding(f"operation {op.operation_id}", at, line_of(tree, at), (problem,)))
            for r in op.rows:
                rows += 1
                result = check_row_at(doc, binding, r)
                if result.problems:
                    subject = f"{r.location} field {r.name!r}"
                    findings.append(Finding(subject, result.pointer, line_of(tree, result.pointer), result.problems))
            for direction in ("request", "response"):
                values = [e.value for e in op.examples if e.direction == direction]
                for i, value in enumerate(values):
                    examples += 1
                    checked = check_example(doc, binding, direction, i, value)
                    if checked.problems:
                        subject = f"{direction} example {i + 1}"
                        findings.append(
                            Finding(subject, checked.pointer, line_of(tree, checked.pointer), checked.problems)
                        )
    except (SpecShapeError, ValueError) as exc:
        raise DocsInputError(f"{binding.spec_path}: {exc}") from None
    return findings, rows, examples


def build_report(
    binding: PageBinding, page_file: Path, specs_dir: Path = SPECS, snapshots_dir: Path = SNAPSHOTS
) -> Report:
    page = binding.read_file(page_file)
    try:
        snapshot: Snapshot | None = load_snapshot(binding.api, snapshots_dir)
    except SnapshotError as exc:
        if snapshot_path(binding.api, snapshots_dir).exists():
            raise DocsInputError(str(exc)) from None
        snapshot = None
    spec_path = specs_dir / binding.spec_file
    doc, tree = load_spec_document(spec_path)
    findings, rows, examples = check_spec(binding, page, doc, tree)
    changes = compare_pages(snapshot.page, page) if snapshot else []
    report = Report(
        binding.api,
        str(page_file),
        binding.reader,
        _shown(spec_path),
        _shown(snapshot_path(binding.api, snapshots_dir)),
        snapshot,
        page,
        changes,
        findings,
        rows,
        examples,
    )
    if snapshot is None:
        report.notes.append(f"no snapshot yet ({report.snapshot_file}): every row of the page is new")
    return report


def update_snapshot(report: Report, binding: PageBinding, read_on: str, snapshots_dir: Path) -> None:
    """Record the page, only when the spec covers it and something (facts or source) changed."""
    if not report.covered:
        report.updated = False
        report.notes.append(f"snapshot not updated: {report.spec_file} does not cover the page yet")
        return
    fresh = make_snapshot(binding, report.page, read_on)
    old = report.snapshot
    if old is not None and old.page == fresh.page and old.source == fresh.source and old.reader == fresh.reader:
        report.updated = False
        report.notes.append(f"page unchanged since the snapshot read on {old.read_on}: nothing written")
        return
    write_snapshot(fresh, snapshots_dir)
    report.updated = True
    report.notes.append(f"snapshot {report.snapshot_file} written (read on {read_on})")


# --- rendering -----------------------------------------------------------------------------------


def render_text(report: Report) -> str:
    lines = [
        f"docs: {report.api}: page {report.page_file} (reader {report.reader}, title {report.page.title!r})",
        f"      snapshot {report.snapshot_file}"
        + (f" (read on {report.snapshot.read_on})" if report.snapshot else " (none yet)")
        + f", spec {report.spec_file}",
        "",
    ]
    if report.snapshot is None:
        lines.append("1. Page changes: no snapshot to compare with.")
    elif not report.changes:
        lines.append(f"1. Page changes: none; the page says what it said on {report.snapshot.read_on}.")
    else:
        lines.append(f"1. Page changes since {report.snapshot.read_on} ({len(report.changes)}):")
        width = max(len(c.kind) for c in report.changes)
        for c in report.changes:
            head = f"   {c.kind:<{width}}  {c.subject}"
            if len(c.details) == 1 and len(head) + len(c.details[0]) < 140:
                lines.append(f"{head}: {c.details[0]}")
            else:
                lines.append(head)
                lines += [f"      {d}" for d in c.details]
    lines.append("")
    checked = f"{report.checked_rows} rows, {report.checked_examples} examples checked"
    if report.covered:
        lines.append(f"2. Spec: nothing lacking or contradicting ({checked}).")
    else:
        lines.append(f"2. Spec: {len(report.findings)} finding(s) ({checked}):")
        for f in report.findings:
            where = f"{report.spec_file}:{f.line}" if f.line else report.spec_file
            lines.append(f"   {f.subject}")
            lines += [f"      {p}" for p in f.problems]
            lines.append(f"      edit {where}  {f.pointer}")
    lines.append("")
    lines += [f"note: {n}" for n in report.notes]
    lines.append(f"verdict: {report.verdict()}")
    return "\n".join(lines)


def render_json(report: Report) -> str:
    return json.dumps(report.to_json(), indent=2, ensure_ascii=False)


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO))
    except ValueError:
        return str(path)


# --- command line --------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="docs", description=__doc__.splitlines()[0])
    parser.add_argument("api", help=f"the API whose page this is ({', '.join(PAGES)})")
    parser.add_argument("page", type=Path, help="the saved page: its text, or the HTML file")
    parser.add_argument("--update", action="store_true", help="rewrite the snapshot (only if the spec covers the page)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    parser.add_argument("--read-on", default=None, help="the date the page was saved (YYYY-MM-DD; default today)")
    parser.add_argument("--specs", type=Path, default=SPECS, help="the specs directory (default: specs/)")
    parser.add_argument("--snapshots", type=Path, default=SNAPSHOTS, help="the snapshots (default: specs/pages/)")
    args = parser.parse_args(argv)
    try:
        if args.api not in PAGES:
            raise DocsInputError(f"unknown API {args.api!r}; known: {', '.join(PAGES)}")
        read_on = _date(args.read_on)
        binding = PAGES[args.api]
        report = build_report(binding, args.page, args.specs, args.snapshots)
        if args.update:
            update_snapshot(report, binding, read_on, args.snapshots)
    except (DocsInputError, PageReadError) as exc:
        print(f"docs: error: {exc}", file=sys.stderr)
        return 2
    print(render_json(report) if args.json else render_text(report))
    return 0 if report.covered else 1


def _date(text: str | None) -> str:
    if text is None:
        return datetime.date.today().isoformat()
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        raise DocsInputError(f"--read-on {text!r} is not a date (YYYY-MM-DD)") from None


if __name__ == "__main__":
    sys.exit(main())
