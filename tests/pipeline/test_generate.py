"""The generate command: deterministic, incremental, atomic, with one clear error for a bad spec."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from support.repocopy import RepoCopy, tree_digest


def test_full_regeneration_reproduces_the_committed_tree_byte_for_byte(repo_copy: RepoCopy) -> None:
    committed = tree_digest(repo_copy.generated)
    for _ in range(2):  # twice: the second run must not differ from the first either
        result = repo_copy.run("generate.generate", "--force")
        assert result.returncode == 0, result.stderr
        assert tree_digest(repo_copy.generated) == committed


def test_a_fresh_checkout_regenerates_everything_then_skips_unchanged_inputs(repo_copy: RepoCopy) -> None:
    committed = tree_digest(repo_copy.generated)
    first = repo_copy.run("generate.generate")  # no stamps yet, as in a fresh clone
    assert first.returncode == 0, first.stderr
    assert "regenerated activeplatform, intandem, octopush, portabilling, twosms" in first.stdout
    assert tree_digest(repo_copy.generated) == committed
    second = repo_copy.run("generate.generate")
    assert second.returncode == 0, second.stderr
    assert "5 up to date" in second.stdout and "nothing to do" in second.stdout


def test_a_hand_edit_of_generated_code_is_repaired_by_the_next_generate(repo_copy: RepoCopy) -> None:
    repo_copy.stamp_all()
    committed = tree_digest(repo_copy.generated)
    target = repo_copy.generated / "twosms" / "twosms_client" / "client.py"
    target.write_text(target.read_text() + "\n# hand edit\n")
    result = repo_copy.run("generate.generate")
    assert result.returncode == 0, result.stderr
    assert "regenerated twosms in" in result.stdout and "4 unchanged" in result.stdout
    assert tree_digest(repo_copy.generated) == committed


def test_only_the_changed_api_is_rebuilt(repo_copy: RepoCopy) -> None:
    repo_copy.stamp_all()
    spec = repo_copy.spec("octopush")
    spec.write_text(spec.read_text().replace("info:\n", "info:\n  x-accountkit-test: touched\n", 1))
    before = tree_digest(repo_copy.generated)
    result = repo_copy.run("generate.generate")
    assert result.returncode == 0, result.stderr
    assert "regenerated octopush in" in result.stdout
    assert "4 unchanged" in result.stdout
    after = tree_digest(repo_copy.generated)
    changed = {path.split("/")[0] for path, _digest in set(before.items()) ^ set(after.items())}
    assert changed == {"octopush"}


# name -> (how the spec is broken, what the one error must say)
BREAKAGES: dict[str, tuple[Callable[[str], str], str]] = {
    "yaml syntax": (lambda text: text.replace("paths:", "paths: [unclosed", 1), "is not valid YAML at line"),
    "openapi schema": (
        lambda text: text.replace("openapi: 3.1.0", "openapi: 3.1.0\nwebhooks: 42", 1),
        "invalid OpenAPI 3.1 at webhooks",
    ),
    "project rule": (
        lambda text: text.replace("operationId: edit_subaccount", "x-removed: edit_subaccount", 1),
        "has no operationId",
    ),
    "not a document": (lambda text: "- just\n- a list\n", "is not an OpenAPI document"),
    "any body on an error status": (
        lambda text: text.replace(
            "description: The request was rejected.\n",
            "description: The request was rejected.\n          x-accountkit-any-body: true\n",
            1,
        ),
        "response 400: x-accountkit-any-body must be true and on a success status",
    ),
    "pattern without a linear-time check": (
        lambda text: text.replace(
            "description: First name to be associated with the sub-account.\n",
            "description: First name to be associated with the sub-account.\n          pattern: ^(\\w+) \\1$\n",
            1,
        ),
        "components.schemas.SubaccountEdit.properties.first_name.pattern: pattern '^(\\w+) \\1$': backreferences",
    ),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_a_broken_spec_leaves_generated_untouched_with_one_clear_error(repo_copy: RepoCopy, breakage: str) -> None:
    break_it, expected = BREAKAGES[breakage]
    repo_copy.stamp_all()
    spec = repo_copy.spec("octopush")
    spec.write_text(break_it(spec.read_text()))
    # Another API changes too: it must not be swapped in while octopush fails.
    other = repo_copy.spec("intandem")
    other.write_text(other.read_text().replace("info:\n", "info:\n  x-accountkit-test: touched\n", 1))
    before = tree_digest(repo_copy.generated)

    result = repo_copy.run("generate.generate")

    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith("error: specs/octopush.yaml: ")
    assert expected in errors[0]
    assert "Traceback" not in result.stderr
    assert "generated/ is unchanged" in result.stderr
    assert tree_digest(repo_copy.generated) == before
    leftovers = [path for path in (repo_copy.root / ".cache").glob("*") if path.name != "stamps"]
    assert leftovers == [], leftovers


def test_unknown_api_name_is_refused_up_front(repo_copy: RepoCopy) -> None:
    result = repo_copy.run("generate.generate", "nosuchapi")
    assert result.returncode != 0
    assert "unknown API nosuchapi" in result.stderr + result.stdout


def test_drift_check_reports_a_hand_edit_with_a_diff(repo_copy: RepoCopy) -> None:
    target = repo_copy.generated / "octopush" / "octopush_client" / "client.py"
    target.write_text(target.read_text() + "\n# hand edit\n")
    result = repo_copy.run("generate.drift")
    assert result.returncode == 1
    assert "generated/octopush/octopush_client/client.py (committed)" in result.stdout
    assert "+# hand edit" not in result.stdout and "-# hand edit" in result.stdout
    assert "run ./dev -s generate" in result.stderr


def test_drift_check_passes_on_a_faithful_tree(repo_copy: RepoCopy) -> None:
    result = repo_copy.run("generate.drift")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "generated/ matches specs/ (5 packages" in result.stdout
