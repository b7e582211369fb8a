"""Package versions of their own: `release` bumps a package for any change to its content, `check` fails without.

Each test mutates a throwaway git copy of the repository (tagged ``base``), then runs the real commands
there: ``versioncheck`` (the part of ``./dev -s check`` that compares each package with its record),
``release -- base`` and ``generate``. The copies start from the committed records, so the base itself
passes the check, as a fresh clone does.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from support.repocopy import RepoCopy, copy_repo, tree_digest

APIS = ["activeplatform", "intandem", "octopush", "portabilling", "twosms"]
CLIENTS = [f"{api}-client" for api in APIS]
DATE = {"SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01: the changelog entries' date
RUNTIME_FIX = "\n# Fixed: a comment that stands for a fix.\n"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> RepoCopy:
    copy = copy_repo(tmp_path_factory.mktemp("base") / "repo", git=True)
    copy.stamp_all()
    return copy


@pytest.fixture
def repo(base: RepoCopy, tmp_path: Path) -> RepoCopy:
    """A copy of the base (its git history and stamps too), for one test to change."""
    shutil.copytree(base.root, tmp_path / "repo", symlinks=True)
    return RepoCopy(tmp_path / "repo")


def record(repo: RepoCopy, name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((repo.root / "releases" / f"{name}.json").read_text())
    return loaded


def versions(repo: RepoCopy) -> dict[str, str]:
    return {name: record(repo, name)["version"] for name in ["accountkit-runtime", *CLIENTS]}


def release(repo: RepoCopy, *args: str) -> str:
    result = repo.run("changes.release", "base", *args, env=DATE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def check(repo: RepoCopy) -> tuple[int, str]:
    result = repo.run("changes.versioncheck")
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout + result.stderr


def declare(repo: RepoCopy, level: str, text: str) -> None:
    """What a developer writes above the newest entry of runtime/CHANGELOG.md for a change to the runtime."""
    repo.edit(
        "runtime/CHANGELOG.md",
        lambda log: log.replace("\n## ", f"\n## Unreleased ({level})\n\n### Changed\n\n- {text}\n\n## ", 1),
    )


def bumped(version: str, level: str) -> str:
    """``version`` after a ``level`` bump (the tests derive every expected version from the committed records)."""
    major, minor, patch = (int(part) for part in version.split("."))
    if level == "major":
        return f"{major + 1}.0.0"
    if level == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def runtime_range(version: str) -> str:
    """The dependency range a client declares on runtime ``version``: its minor and up, below the next major."""
    major, minor, _ = version.split(".")
    return f">={major}.{minor},<{int(major) + 1}"


def changelog(repo: RepoCopy, api: str) -> str:
    return (repo.root / "specs" / "changelog" / f"{api}.md").read_text()


def test_the_committed_records_match_the_committed_packages(base: RepoCopy) -> None:
    status, output = check(base)
    assert status == 0, output
    assert output.count(": ok") == 6 and "inputs changed" not in output


def test_a_runtime_only_fix_bumps_only_the_runtime(repo: RepoCopy) -> None:
    before = versions(repo)
    clients = tree_digest(repo.generated)
    repo.edit("runtime/accountkit_runtime/errors.py", lambda text: text + RUNTIME_FIX)

    status, output = check(repo)
    assert status == 1
    assert (
        f"versions: accountkit-runtime: FAILED: its built content changed since {before['accountkit-runtime']} "
        "(code (runtime/accountkit_runtime/)) without a new version; run ./dev -s release -- <last release>, "
        "after saying what changed under '## Unreleased (patch|minor|major)' in runtime/CHANGELOG.md"
    ) in output
    assert output.count("FAILED") == 1  # the clients are untouched

    refused = repo.run("changes.release", "base", env=DATE)  # no level declared: nothing is released, one clear error
    assert refused.returncode == 1
    assert "has no '## Unreleased (patch|minor|major)' section" in refused.stderr
    assert versions(repo) == before

    declare(repo, "patch", "A fix.")
    output = release(repo)
    fixed = bumped(before["accountkit-runtime"], "patch")
    assert f"release: accountkit-runtime {fixed} (patch bump, declared in runtime/CHANGELOG.md" in output
    assert all(f"release: {api}: nothing to release since base" in output for api in APIS)
    assert versions(repo) == {**before, "accountkit-runtime": fixed}
    assert tree_digest(repo.generated) == clients  # not a byte of any client changed
    assert f'version = "{fixed}"' in (repo.root / "runtime" / "pyproject.toml").read_text()
    log = (repo.root / "runtime" / "CHANGELOG.md").read_text()
    assert f"## {fixed} (2026-01-01)\n\n### Changed\n\n- A fix." in log and "Unreleased" not in log
    assert check(repo)[0] == 0

    files = tree_digest(repo.root / "runtime") | tree_digest(repo.root / "releases")
    assert f"accountkit-runtime {fixed}: already released since base" in release(repo)  # again: no change
    assert tree_digest(repo.root / "runtime") | tree_digest(repo.root / "releases") == files


def test_an_unreadable_level_is_refused_naming_the_fix(repo: RepoCopy) -> None:
    repo.edit("runtime/accountkit_runtime/errors.py", lambda text: text + RUNTIME_FIX)
    declare(repo, "tiny", "A fix.")
    result = repo.run("changes.release", "base", env=DATE)
    assert result.returncode == 1
    assert "'## Unreleased' section has 'tiny': write '## Unreleased (patch)', '(minor)' or '(major)'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_template_change_gives_every_client_a_patch_naming_the_cause(repo: RepoCopy) -> None:
    before = versions(repo)
    repo.edit("codegen/templates/README.md.jinja", lambda text: text + "\nOne more sentence for every client.\n")
    assert repo.run("generate.generate").returncode == 0

    status, output = check(repo)
    assert status == 1
    for name in CLIENTS:
        assert f"versions: {name}: FAILED: its built content changed since {before[name]} (templates (" in output
    assert f"accountkit-runtime {before['accountkit-runtime']}: ok" in output

    output = release(repo)
    assert "release: accountkit-runtime: nothing to release since base" in output
    for api in APIS:
        patched = bumped(before[f"{api}-client"], "patch")
        assert f"release: {api} {patched} (patch bump) for templates:" in output
        assert "- Rebuilt with changed templates or pipeline: `codegen/templates/README.md.jinja`." in changelog(
            repo, api
        )
        assert f"## {patched} (2026-01-01)\n\n### Package\n\n" in changelog(repo, api)
        assert f'version = "{patched}"' in (repo.generated / api / "pyproject.toml").read_text()
        assert (repo.generated / api / "CHANGELOG.md").read_text() == changelog(repo, api)  # shipped with it
    assert versions(repo)["accountkit-runtime"] == before["accountkit-runtime"]
    assert check(repo)[0] == 0


def test_a_template_change_that_adds_surface_is_a_minor_shifted_below_one(repo: RepoCopy) -> None:
    # portabilling-client at 1.2.3 shows the minor; the others, below 1.0.0, get it shifted to a patch.
    octopush = versions(repo)["octopush-client"]
    assert octopush.startswith("0.")
    path = repo.root / "releases" / "portabilling-client.json"
    path.write_text(json.dumps({**record(repo, "portabilling-client"), "version": "1.2.3"}))
    assert repo.run("generate.generate").returncode == 0
    release(repo)  # records the hand-set version's content, as a release would have
    repo.commit("portabilling-client 1.2.3", tag="v-1.2.3")
    repo.edit(
        "codegen/templates/endpoint_module.py.jinja",
        lambda text: text + '\n\ndef operation_name() -> str:\n    return "{{ endpoint.name }}"\n',
    )

    result = repo.run("changes.release", "v-1.2.3", env=DATE)
    assert result.returncode == 0, result.stdout + result.stderr
    output = result.stdout
    assert "release: portabilling 1.3.0 (minor bump) for templates:" in output
    assert f"release: octopush {bumped(octopush, 'patch')} (patch bump) for templates:" in output
    log = changelog(repo, "portabilling")
    assert "- Public surface: adds `portabilling_client.api.account.update_account:operation_name`" in log


def test_a_vendor_change_bumps_that_client_only(repo: RepoCopy) -> None:
    before = versions(repo)
    repo.edit(
        "codegen/vendors/twosms.py", lambda text: text.replace('"2sms token request"', '"2sms OAuth2 token request"')
    )

    output = release(repo)
    patched = bumped(before["twosms-client"], "patch")
    assert f"release: twosms {patched} (patch bump) for vendor:" in output
    assert versions(repo) == {**before, "twosms-client": patched}
    assert "- Its vendor module changed: `codegen/vendors/twosms.py`." in changelog(repo, "twosms")
    assert check(repo)[0] == 0


def test_a_spec_change_is_bumped_by_the_differs_verdict_as_before(repo: RepoCopy) -> None:
    before = versions(repo)
    repo.edit(
        "specs/octopush.yaml",
        lambda text: text.replace(
            "description: First name to be associated with the sub-account.",
            "description: First name to be associated with the sub-account (as shown to it).",
            1,
        ),
    )
    document = yaml.safe_load((repo.root / "specs" / "octopush.yaml").read_text())["info"]["version"]

    output = release(repo)
    patched = bumped(before["octopush-client"], "patch")
    assert f"release: octopush {patched} (patch bump) for spec:" in output
    assert versions(repo) == {**before, "octopush-client": patched}
    assert "### Documentation" in changelog(repo, "octopush").split(f"## {before['octopush-client']}")[0]
    spec = yaml.safe_load((repo.root / "specs" / "octopush.yaml").read_text())
    assert spec["info"]["version"] != document  # the API document's own version follows its change, as before
    assert check(repo)[0] == 0


@pytest.mark.parametrize(
    ("level", "bump", "why"),
    [("minor", "patch", ""), ("major", "minor", ", a new major of the runtime")],
)
def test_a_runtime_minor_or_major_moves_every_clients_range(repo: RepoCopy, level: str, bump: str, why: str) -> None:
    # The clients are below 1.0.0, so a runtime minor is a patch of theirs and a major a minor (shifted below one).
    before = versions(repo)
    assert all(before[name].startswith("0.") for name in CLIENTS)
    runtime = bumped(before["accountkit-runtime"], level)
    new_range = runtime_range(runtime)
    repo.edit("runtime/accountkit_runtime/options.py", lambda text: text + "\nDEFAULT_POOL_SIZE = 10\n")
    declare(repo, level, "Something callers see.")

    output = release(repo)
    assert f"release: accountkit-runtime {runtime} ({level} bump" in output
    was = runtime_range(before["accountkit-runtime"])
    line = f"- Depends on `accountkit-runtime{new_range}` (was `{was}`): accountkit-runtime {runtime}{why}."
    for api in APIS:
        client = bumped(before[f"{api}-client"], bump)
        assert f"release: {api} {client} ({bump} bump) for runtime_range:" in output
        assert line in changelog(repo, api)
        assert f'"accountkit-runtime{new_range}",' in (repo.generated / api / "pyproject.toml").read_text()
    assert check(repo)[0] == 0


def test_inputs_that_change_no_package_need_no_release(repo: RepoCopy) -> None:
    before = versions(repo)
    repo.edit("codegen/accountkit_codegen/generate/build.py", lambda text: text + "\n# A comment: no output changes.\n")

    status, output = check(repo)
    assert status == 0, output
    assert "ok (inputs changed without changing it: templates" in output

    output = release(repo)
    assert all(f"release: {api}: nothing to release since base" in output for api in APIS)
    assert versions(repo) == before
    assert "inputs changed" not in check(repo)[1]  # the records now say what the packages are built from


def test_a_new_api_is_first_released_at_its_specs_version_with_a_record(repo: RepoCopy) -> None:
    spec, count = re.subn(
        r"^(  version: ).*$", r"\g<1>0.3.0", (repo.root / "specs" / "octopush.yaml").read_text(), count=1, flags=re.M
    )
    assert count == 1  # info.version, whatever octopush's own is
    (repo.root / "specs" / "newapi.yaml").write_text(spec)
    shutil.copyfile(repo.root / "codegen" / "vendors" / "octopush.py", repo.root / "codegen" / "vendors" / "newapi.py")

    output = release(repo)
    assert "release: newapi 0.3.0 (new API) for spec: specs/changelog/newapi.md: added 0.3.0 (2026-01-01)" in output
    assert record(repo, "newapi-client")["version"] == "0.3.0"
    assert 'version = "0.3.0"' in (repo.generated / "newapi" / "pyproject.toml").read_text()
    assert all(f"release: {api}: nothing to release since base" in output for api in APIS)
    assert check(repo)[0] == 0


def test_a_second_run_for_the_same_unreleased_version_rewrites_its_entry_whole(repo: RepoCopy) -> None:
    # A template change is released (a patch), then the spec changes before that version is published: the
    # entry of the same version then says both, each once, and the spec's change is not left out.
    before = versions(repo)
    patched = bumped(before["octopush-client"], "patch")
    repo.edit("codegen/templates/README.md.jinja", lambda text: text + "\nOne more sentence for every client.\n")
    release(repo)
    repo.edit(
        "specs/octopush.yaml",
        lambda text: text.replace(
            "description: First name to be associated with the sub-account.",
            "description: First name to be associated with the sub-account (as shown to it).",
            1,
        ),
    )

    output = release(repo)
    assert f"release: octopush {patched} (patch bump) for spec, templates:" in output
    assert f"{patched} entry rewritten" in output
    entry = changelog(repo, "octopush").split(f"## {patched} (2026-01-01)\n", 1)[1].split("\n## ", 1)[0]
    assert "### Documentation" in entry and "First name" not in entry.split("### Package")[1]
    assert entry.count("- Rebuilt with changed templates or pipeline: `codegen/templates/README.md.jinja`.") == 1
    assert versions(repo)["octopush-client"] == patched
    assert f"specs/changelog/octopush.md: {patched} already there" in release(repo)  # again: nothing changes
    assert check(repo)[0] == 0
