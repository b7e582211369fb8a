"""accountkit's tasks. Run them through ./dev, which installs the pinned nox and uv first.

    ./dev -s generate [-- api ...]   regenerate generated/ from specs/ (the main job)
    ./dev -t ci                      everything CI runs: lint, check, tests
    ./dev -s lint | check | tests    one of those
    ./dev -s docs -- <api> <page>    what changed on a vendor's page, and what the spec now lacks
    ./dev -s lock                    re-lock constraints.txt after changing a pin in pyproject.toml
    ./dev -s mutate [-- module ...]  mutation testing (not in CI): writes docs/mutation.md

Every session installs exact versions: the groups in pyproject.toml, constrained by constraints.txt.
Node tools come from package.json / package-lock.json via `npm ci`.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import nox
import nox.command

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv"
nox.options.reuse_venv = "yes"
nox.options.error_on_missing_interpreters = True
nox.options.sessions = ["generate"]

ROOT = Path(__file__).parent
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
CONSTRAINTS = str(ROOT / "constraints.txt")
PYTHON = "3.11"
PYTHON_SOURCES = ["codegen", "runtime", "examples", "tests", "noxfile.py"]


def install(session: nox.Session, *groups: str) -> None:
    """Install the pinned dependency groups (a no-op in a venv that already has them)."""
    requirements = [req for group in groups for req in nox.project.dependency_groups(PYPROJECT, group)]
    session.install("-c", CONSTRAINTS, *requirements)
    session.env["PYTHONPATH"] = str(ROOT / "codegen")


def npm_ci(session: nox.Session) -> None:
    """`npm ci` when node_modules/ does not match package-lock.json; afterwards a no-op."""
    lock = hashlib.sha256((ROOT / "package-lock.json").read_bytes()).hexdigest()
    marker = ROOT / "node_modules" / ".accountkit-lock"
    if not marker.exists() or marker.read_text() != lock:
        session.run("npm", "ci", "--no-audit", "--no-fund", external=True)
        marker.write_text(lock)
    session.env["PATH"] = os.pathsep.join(
        [str(ROOT / "node_modules" / ".bin"), session.env.get("PATH") or os.environ["PATH"]]
    )
    session.env.update(REDOCLY_TELEMETRY="off", REDOCLY_SUPPRESS_UPDATE_NOTICE="true")


def with_generated_clients(session: nox.Session) -> None:
    """Make accountkit-runtime and every generated/<api> package importable as they are in the working tree."""
    generated = [str(path) for path in sorted((ROOT / "generated").glob("*")) if path.is_dir()]
    session.env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "codegen"), str(ROOT / "runtime"), *generated])


def node_tool(name: str) -> str:
    """The path of a pinned Node tool (nox looks programs up on its own PATH, not the session's)."""
    return str(ROOT / "node_modules" / ".bin" / name)


@nox.session(python=PYTHON)
def generate(session: nox.Session) -> None:
    """Regenerate generated/<api>/ for every API (or those named after --) whose inputs changed."""
    install(session, "codegen")
    session.run("python", "-m", "accountkit_codegen.generate.generate", *session.posargs)


@nox.session(python=PYTHON, tags=["ci"])
def lint(session: nox.Session) -> None:
    """Specs (openapi-spec-validator, Redocly), the toolkit's own Python (ruff), mypy on all handwritten code."""
    install(session, "lint")
    npm_ci(session)
    specs = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "specs").glob("*.yaml"))
    session.run("openapi-spec-validator", *specs)
    session.run(node_tool("redocly"), "lint", "--format", "stylish", *specs, external=True)
    session.run("ruff", "check", *PYTHON_SOURCES)
    session.run("ruff", "format", "--check", *PYTHON_SOURCES)
    session.run("mypy")  # --strict on runtime/, codegen/vendors/ and the pipeline, where they are written ([tool.mypy])
    # The tests, strictly too: one run per folder, as each folder's modules import each other by name
    # (two folders' conftest.py would be one module to a single run); tests/support by `support`.
    generated = [str(path) for path in sorted((ROOT / "generated").glob("*")) if path.is_dir()]
    mypy_path = os.pathsep.join([str(ROOT / "codegen"), str(ROOT / "tests"), str(ROOT / "examples"), *generated])
    for folder in sorted(path for path in (ROOT / "tests").iterdir() if any(path.glob("*.py"))):
        session.run("mypy", str(folder.relative_to(ROOT)), env={"MYPYPATH": mypy_path})


@nox.session(python=PYTHON, tags=["ci"])
def check(session: nox.Session) -> None:
    """Fail when generated/ is not what specs/ produce, or a package changed without a new version."""
    install(session, "codegen")
    session.run("python", "-m", "accountkit_codegen.generate.drift")
    session.run("python", "-m", "accountkit_codegen.changes.versioncheck")  # each package against releases/<name>.json
    session.run("python", "-m", "accountkit_codegen.changes.compat")  # breaking spec change since a release tag?


@nox.session(python=PYTHON, tags=["ci"])
def tests(session: nox.Session) -> None:
    """The test suite (pass pytest options after --)."""
    install(session, "test", "publish")
    npm_ci(session)
    with_generated_clients(session)
    session.run("pytest", "--ignore=tests/contract", *session.posargs)


@nox.session(python=PYTHON, venv_backend="none")
def lock(session: nox.Session) -> None:
    """Re-resolve every dependency group into constraints.txt (exact versions, no index URLs)."""
    groups = [arg for group in PYPROJECT["dependency-groups"] for arg in ("--group", f"pyproject.toml:{group}")]
    session.run(
        "uv", "pip", "compile", *groups, "--universal", "--python-version", PYTHON,
        "--no-header", "--annotation-style", "line", "-o", "constraints.in.txt",
    )  # fmt: skip
    header = (
        "# Every Python package the toolkit's sessions install, at the exact version they install.\n"
        "# Regenerate with ./dev -s lock after changing a pin in pyproject.toml.\n"
    )
    compiled = ROOT / "constraints.in.txt"
    (ROOT / "constraints.txt").write_text(header + compiled.read_text())
    compiled.unlink()


@nox.session(python=PYTHON)
def build(session: nox.Session) -> None:
    """Reproducible sdists and wheels (runtime and clients) in dist/, each spec's npm package in dist/npm/."""
    install(session, "publish")
    npm_ci(session)
    session.run("python", "-m", "accountkit_codegen.dist.distbuild", *session.posargs)
    session.run("python", "-m", "accountkit_codegen.dist.npmpack", *session.posargs)


@nox.session(python=PYTHON)
def publish(session: nox.Session) -> None:
    """Upload dist/ to PUBLISH_INDEX_URL (runtime first), then dist/npm/ to NPM_REGISTRY_URL; skip identical ones."""
    install(session, "publish")
    session.run("python", "-m", "accountkit_codegen.dist.publish", *session.posargs)
    session.run("python", "-m", "accountkit_codegen.dist.npmpublish", *session.posargs)


@nox.session(python=PYTHON)
def specs(session: nox.Session) -> None:
    """dist/specs/: bundled YAML and JSON, offline HTML reference and TypeScript types of every spec."""
    npm_ci(session)
    session.env["PYTHONPATH"] = str(ROOT / "codegen")  # specsdist needs only the standard library
    session.run("python", "-m", "accountkit_codegen.dist.specsdist", *session.posargs)


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """A newly saved vendor page against its snapshot and the spec (-- <api> <page file> [--update] [--json])."""
    install(session, "pages")
    try:
        session.run("python", "-m", "accountkit_codegen.spec.docscli", *session.posargs)
    except nox.command.CommandFailed as failed:
        # Keep the command's own status (1: the spec does not cover the page, 2: unreadable input) for
        # scripts and CI; nox would turn every failure into 1.
        raise SystemExit(failed.return_code or 1) from None


@nox.session(python=PYTHON)
def diff(session: nox.Session) -> None:
    """What changed in specs/ since a git ref, breaking or not, and the version bump (-- <ref> [--json])."""
    install(session, "codegen")
    session.run("python", "-m", "accountkit_codegen.changes.diffcli", *session.posargs)


@nox.session(python=PYTHON)
def release(session: nox.Session) -> None:
    """A new version for every package whose content changed since -- <ref> (any cause): changelogs, records."""
    install(session, "codegen")
    session.run("python", "-m", "accountkit_codegen.changes.release", *session.posargs)


@nox.session(python=PYTHON, tags=["ci"])
def contract(session: nox.Session) -> None:
    """Contract tests: every client against Prism mock servers of its spec, and the vendors' own examples."""
    install(session, "test")
    npm_ci(session)
    with_generated_clients(session)
    session.run("pytest", "tests/contract", *session.posargs)


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Benchmarks (regeneration, import, per-call overhead, models, bulk): writes docs/benchmarks.md."""
    install(session, "bench")
    with_generated_clients(session)
    session.env["PYTHONPATH"] += os.pathsep + str(ROOT / "tests")  # the shared test helpers (tests/support)
    session.run("python", "tests/bench/run.py", *session.posargs)


@nox.session(python=PYTHON)
def mutate(session: nox.Session) -> None:
    """Mutation testing (cosmic-ray) of the runtime, the vendor modules and the release decisions.

    Too slow for CI. Each module is mutated with its own fast test subset as the oracle
    (tests/mutation/modules.toml); the report, docs/mutation.md, is rewritten from every module's
    last results (-- module ... runs only those; --report rewrites it without running anything).
    """
    install(session, "mutate")
    with_generated_clients(session)
    session.run("python", "tests/mutation/run.py", *session.posargs)
