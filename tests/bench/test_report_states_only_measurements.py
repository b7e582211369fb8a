"""The benchmark report states only what its run measured, and each target in one place.

A figure written into the report's prose ("28 µs to 2 µs") stays in the report after the code it
described changes, and a target repeated as a literal ("≤ 1.10") disagrees with ``TARGETS`` the day one
of them is edited. So the text ``run.py`` writes may hold no number with a unit, and no number in it may
equal a target: every figure comes from ``results`` or ``TARGETS`` through a format field.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

RUN = Path(__file__).with_name("run.py")
# A number followed by a unit of time or a share: the shape of a measured figure.
FIGURE = re.compile(r"\d[\d.,]*\s*(?:µs|ms|ns|s\b|seconds|%|×)")
# A comparison sign and a number: the shape of a target written out ("≤ 1.10", "< 20").
THRESHOLD = re.compile(r"(?:[<>≤≥]=?)\s*\d")


def literal_text(tree: ast.AST) -> list[str]:
    """Every string constant in the module, the literal parts of f-strings included, docstrings excepted."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    # The format spec of an f-string field ({share:.1%}) says how a measured value is shown, not a figure.
    format_specs = {
        id(part)
        for node in ast.walk(tree)
        if isinstance(node, ast.FormattedValue) and node.format_spec is not None
        for part in ast.walk(node.format_spec)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and id(node) not in format_specs
    ]


def compared_numbers(tree: ast.Module) -> list[float]:
    """Numbers a comparison in the code tests against (``ratio > 1.10``): thresholds, i.e. targets."""
    return [
        float(operand.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Compare)
        for operand in [node.left, *node.comparators]
        if isinstance(operand, ast.Constant) and isinstance(operand.value, int | float)
    ]


def targets(tree: ast.Module) -> dict[str, float]:
    assignment = next(
        node
        for node in tree.body
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "TARGETS" for t in node.targets)
    )
    value: dict[str, float] = ast.literal_eval(assignment.value)
    return value


def test_the_report_prose_holds_no_figure() -> None:
    tree = ast.parse(RUN.read_text(encoding="utf-8"))
    figures = [match.group(0) for text in literal_text(tree) for match in FIGURE.finditer(text)]
    assert figures == [], f"figures written as prose in {RUN.name}: {figures}"


def test_no_target_is_repeated_as_a_literal() -> None:
    tree = ast.parse(RUN.read_text(encoding="utf-8"))
    wanted = set(targets(tree).values())
    assert wanted, "TARGETS is empty"
    thresholds = [value for value in compared_numbers(tree) if value in wanted]
    stated = [match.group(0) for text in literal_text(tree) for match in THRESHOLD.finditer(text)]
    assert thresholds == [] and stated == [], f"targets repeated outside TARGETS: {thresholds} {stated}"
