"""Releases of their own, end to end: change, release, build, publish, install from a real index, call.

A throwaway git copy of the repository goes through one release after another, each committed and
tagged, each built into a dist folder of its own and published to a private pypiserver on 127.0.0.1:

0. the base: accountkit-runtime and the five clients, all uploaded;
1. a runtime-only fix (``## Unreleased (patch)``): only accountkit-runtime is bumped and uploaded, the
   clients are skipped as identical, and a client installed now gets the fixed runtime and works;
2. a template change: every client gets a patch and a changelog line naming the template;
3. a spec change: that client alone, bumped by the spec differ's verdict;
4. a runtime minor: accountkit-runtime and, as their range moves, every client.

Then the mix: today's clients with the runtime from the previous minor are refused by the installer
through the version range (nothing is installed, so nothing half-works), and a client from before the
minor with today's runtime installs and works. The publish summaries are printed (``pytest -s``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from distsupport import (  # noqa: E402
    PackageIndex,
    call_with_installed_client,
    clean_env,
    codegen_env,
    fresh_venv,
    install_from,
)
from pytest_httpserver import HTTPServer
from support.repocopy import RepoCopy, copy_repo  # noqa: E402

pytestmark = pytest.mark.timeout(1200)  # a whole release history: many builds, on a shared 2-core machine

APIS = ["activeplatform", "intandem", "octopush", "portabilling", "twosms"]
CLIENTS = [f"{api}-client" for api in APIS]
DATE = {"SOURCE_DATE_EPOCH": "1767225600"}


@dataclass
class History:
    repo: RepoCopy
    index: PackageIndex
    after_fix: dict[str, Any] = field(default_factory=dict)  # a client installed right after step 1: what it ran on
    summaries: dict[str, list[str]] = field(default_factory=dict)  # step -> the publish summary lines
    versions: dict[str, dict[str, str]] = field(default_factory=dict)  # step -> package -> version
    dists: dict[str, Path] = field(default_factory=dict)

    def run(self, module: str, *args: str, env: dict[str, str] | None = None) -> str:
        result = self.repo.run(module, *args, env={**codegen_env(), **DATE, **(env or {})})
        assert result.returncode == 0, f"{module} {args}: {result.stdout}\n{result.stderr}"
        return result.stdout

    def record_versions(self) -> dict[str, str]:
        folder = self.repo.root / "releases"
        return {path.stem: json.loads(path.read_text())["version"] for path in sorted(folder.glob("*.json"))}

    def step(self, name: str, previous: str | None) -> None:
        """Release since the previous step's tag, check, commit and tag, build, publish."""
        if previous is not None:
            self.run("changes.release", previous)
            self.run("changes.versioncheck")
        self.repo.commit(name, tag=name)
        dist = self.repo.root.parent / f"dist-{name}"
        self.run("dist.distbuild", "--outdir", str(dist))
        index = self.index
        env = {"PUBLISH_INDEX_URL": index.url, "PUBLISH_USERNAME": index.username, "PUBLISH_PASSWORD": index.password}
        output = self.run("dist.publish", "--dist", str(dist), env=env)
        print(f"\n== {name}\n{output}", end="")
        self.summaries[name] = [line for line in output.splitlines() if not line.startswith("publish:")]
        self.versions[name] = self.record_versions()
        self.dists[name] = dist

    def line(self, step: str, name: str) -> str:
        return next(line for line in self.summaries[step] if line.startswith(f"{name} "))


def declare(repo: RepoCopy, level: str, text: str) -> None:
    repo.edit(
        "runtime/CHANGELOG.md",
        lambda log: log.replace("\n## ", f"\n## Unreleased ({level})\n\n### Changed\n\n- {text}\n\n## ", 1),
    )


@pytest.fixture(scope="module")
def history(package_index: PackageIndex, api_server: HTTPServer, tmp_path_factory: pytest.TempPathFactory) -> History:
    repo = copy_repo(tmp_path_factory.mktemp("history") / "repo", git=True)
    repo.stamp_all()
    history = History(repo, package_index)
    history.step("step0-base", None)

    repo.edit("runtime/accountkit_runtime/errors.py", lambda text: text + "\nFIXED_IN = 'step1'\n")
    declare(repo, "patch", "A fix in errors.py.")
    history.step("step1-runtime-fix", "step0-base")
    # Right after the fix: a client asked for alone, at its version from before, brings the fixed runtime.
    python = fresh_venv(tmp_path_factory.mktemp("after-fix"))
    client = f"portabilling-client=={history.versions['step0-base']['portabilling-client']}"
    result = install_from(package_index, python, client)
    assert result.returncode == 0, result.stderr
    history.after_fix = call_with_installed_client(python, "portabilling", spec_of(history, "portabilling"), api_server)
    history.after_fix["fixed_in"] = installed(python, "import accountkit_runtime.errors as e; print(e.FIXED_IN)")

    repo.edit("codegen/templates/README.md.jinja", lambda text: text + "\nRebuilt for step 2.\n")
    history.step("step2-template", "step1-runtime-fix")

    repo.edit(
        "specs/octopush.yaml",
        lambda text: text.replace(
            "description: First name to be associated with the sub-account.",
            "description: First name to be associated with the sub-account (step 3).",
            1,
        ),
    )
    history.step("step3-spec", "step2-template")

    repo.edit("runtime/accountkit_runtime/options.py", lambda text: text + "\nADDED_IN = 'step4'\n")
    declare(repo, "minor", "ADDED_IN, a new constant.")
    history.step("step4-runtime-minor", "step3-spec")
    return history


def spec_of(history: History, api: str) -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load((history.repo.root / "specs" / f"{api}.yaml").read_text())
    return document


def installed(python: Path, code: str) -> str:
    """What ``code`` prints in the venv of ``python`` (with nothing from the repository on its path)."""
    result = subprocess.run(
        [str(python), "-c", code], capture_output=True, text=True, timeout=60, cwd="/", env=clean_env()
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_base_uploads_the_runtime_first_then_every_client(history: History) -> None:
    lines = history.summaries["step0-base"]
    assert lines[0] == f"accountkit-runtime {history.versions['step0-base']['accountkit-runtime']}: uploaded"
    assert sorted(lines[1:]) == sorted(f"{name} {history.versions['step0-base'][name]}: uploaded" for name in CLIENTS)


def test_a_runtime_only_fix_publishes_only_the_runtime(history: History) -> None:
    before, after = history.versions["step0-base"], history.versions["step1-runtime-fix"]
    fixed = patch_of(before["accountkit-runtime"])
    assert after == {**before, "accountkit-runtime": fixed}
    assert history.summaries["step1-runtime-fix"] == [
        f"accountkit-runtime {fixed}: uploaded",
        *(f"{name} {before[name]}: skipped (identical on index)" for name in CLIENTS),
    ]


def test_a_client_installed_after_the_fix_gets_the_fixed_runtime_and_works(history: History) -> None:
    outcome = history.after_fix
    assert outcome["fixed_in"] == "step1"
    assert outcome["runtime_version"] == patch_of(history.versions["step0-base"]["accountkit-runtime"])
    assert all(outcome[mode]["status"] == outcome["plan"]["status"] for mode in ("sync", "async"))
    assert len(outcome["calls"]) == 2  # one sync call, one async


def test_a_template_change_publishes_a_patch_of_every_client_naming_the_cause(history: History) -> None:
    before, after = history.versions["step1-runtime-fix"], history.versions["step2-template"]
    runtime = before["accountkit-runtime"]
    skipped = f"accountkit-runtime {runtime}: skipped (identical on index)"
    assert history.line("step2-template", "accountkit-runtime") == skipped
    for name in CLIENTS:
        assert after[name] == patch_of(before[name])
        assert history.line("step2-template", name) == f"{name} {after[name]}: uploaded"
        log = sdist_file(history.dists["step2-template"], name, after[name], "CHANGELOG.md")
        assert f"## {after[name]} (2026-01-01)" in log
        assert "- Rebuilt with changed templates or pipeline: `codegen/templates/README.md.jinja`." in log


def test_a_spec_change_publishes_that_client_only(history: History) -> None:
    before, after = history.versions["step2-template"], history.versions["step3-spec"]
    assert after == {**before, "octopush-client": patch_of(before["octopush-client"])}
    uploaded = [line for line in history.summaries["step3-spec"] if line.endswith(": uploaded")]
    assert uploaded == [f"octopush-client {after['octopush-client']}: uploaded"]


def test_a_runtime_minor_publishes_the_runtime_and_every_client(history: History) -> None:
    before, after = history.versions["step3-spec"], history.versions["step4-runtime-minor"]
    assert after["accountkit-runtime"] == minor_of(before["accountkit-runtime"])
    assert all(after[name] == patch_of(before[name]) for name in CLIENTS)
    assert all(line.endswith(": uploaded") for line in history.summaries["step4-runtime-minor"])
    assert len(history.summaries["step4-runtime-minor"]) == 6


def test_todays_clients_with_the_previous_minors_runtime_are_refused_by_the_range(
    history: History, tmp_path: Path
) -> None:
    python = fresh_venv(tmp_path)
    client = f"portabilling-client=={history.versions['step4-runtime-minor']['portabilling-client']}"
    previous = history.versions["step3-spec"]["accountkit-runtime"]
    result = install_from(history.index, python, client, f"accountkit-runtime=={previous}")

    print(result.stderr)
    assert result.returncode != 0
    required = ".".join(history.versions["step4-runtime-minor"]["accountkit-runtime"].split(".")[:2])
    assert "accountkit-runtime" in result.stderr and f">={required}" in result.stderr, result.stderr
    listed = subprocess.run(
        [shutil.which("uv") or "uv", "pip", "list", "--python", str(python), "--format", "json"],
        capture_output=True,
        text=True,
        env=clean_env(),
        check=True,
    )
    names = {item["name"] for item in json.loads(listed.stdout)}
    assert not names & {"portabilling-client", "accountkit-runtime"}  # nothing half-installed


def test_a_client_from_before_the_minor_works_with_todays_runtime(
    history: History, tmp_path: Path, api_server: HTTPServer
) -> None:
    python = fresh_venv(tmp_path)
    client = f"portabilling-client=={history.versions['step3-spec']['portabilling-client']}"
    todays = history.versions["step4-runtime-minor"]["accountkit-runtime"]
    result = install_from(history.index, python, client, f"accountkit-runtime=={todays}")
    assert result.returncode == 0, result.stderr

    outcome = call_with_installed_client(python, "portabilling", spec_of(history, "portabilling"), api_server)
    assert all(outcome[mode]["status"] == outcome["plan"]["status"] for mode in ("sync", "async"))
    assert len(outcome["calls"]) == 2  # one sync call, one async
    assert outcome["runtime_version"] == todays


# -- helpers --------------------------------------------------------------------------------------


def patch_of(version: str) -> str:
    major, minor, patch = (int(part) for part in version.split("."))
    return f"{major}.{minor}.{patch + 1}"


def minor_of(version: str) -> str:
    major, minor, _ = (int(part) for part in version.split("."))
    return f"{major}.{minor + 1}.0"


def sdist_file(dist: Path, name: str, version: str, member: str) -> str:
    sdist = dist / f"{name.replace('-', '_')}-{version}.tar.gz"
    with tarfile.open(sdist) as archive:
        extracted = archive.extractfile(f"{name.replace('-', '_')}-{version}/{member}")
        assert extracted is not None
        return extracted.read().decode()
