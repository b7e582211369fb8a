"""``./dev -s release -- <git-ref> [name ...]``: a new version for every package whose content changed since a release.

``<git-ref>`` is the last release (a tag, branch or commit); names (``runtime``, API names) limit the
run to those packages. Package versions are the packages' own (``records``); a client changes for
more reasons than its spec (``sources``), and each reason is a cause of a bump:

1. **accountkit-runtime** first, when its files changed since the ref: the level declared under
   ``## Unreleased (patch|minor|major)`` in ``runtime/CHANGELOG.md`` (``runtimelog``) bumps its version
   at the ref; that section becomes the version's entry and ``runtime/pyproject.toml`` gets the version.
   A changed runtime without such a section is an error, and nothing is written for it.
2. **Every client whose content changed**, whatever the cause, after regenerating them all:

   - its spec: the spec differ's verdict (``versioning``), as today; ``info.version``, the API
     document's own version, is bumped by the same verdict;
   - templates, pipeline, generator pins or its vendor module: what the rebuild did to its public
     surface (``surface``): patch, minor where it adds, major where it breaks;
   - the runtime range: patch, or major when the range left a major of the runtime behind (each client
     re-exports the runtime's classes, so what breaks there breaks the client's users).

   The largest bump wins, shifted one place below 1.0.0 (``semver.shifted``), applied to the version
   at the ref. The changelog entry lists the spec's changes by section and every other cause under
   ``Package``.
3. The released clients are regenerated, and every package's record is written: version, content, and
   what it was built from.

Running it again changes nothing: a version already far enough is kept, and an entry already there
(an unreleased version, written by an earlier run) is rewritten whole from what changed since the ref.
A package whose inputs changed without changing its files (a pipeline refactor) is not released; its
record is refreshed.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..generate.records import Record, RecordError, client_version, read_record, spec_version, write_record
from ..generate.runtimerange import RuntimeVersionError, runtime_version, set_runtime_version
from ..generate.semver import ORDER, Bump, bumped, parse, satisfies, shifted
from ..generate.sources import (
    WHERE,
    changed,
    client_sources,
    content_digest,
    runtime_sources,
    template_changes,
)
from ..spec.layout import REPO, RUNTIME_DISTRIBUTION, changelog_path
from ..spec.specversion import VersionLineError, set_version
from . import changelog, gitrefs
from .apidiff import ApiDiff, SpecReadError, compare_with_ref
from .diffmodel import Change
from .gitrefs import GitError
from .runtimelog import UnreleasedError, released, unreleased_level
from .surface import package_surface, verdict
from .versioning import semver_bump

RUNTIME_NAMES = ("runtime", RUNTIME_DISTRIBUTION)
SHOWN_FILES = 5  # a changelog line names at most this many changed files


class ReleaseError(Exception):
    """A package changed but cannot be released as it is; the message says what to do."""


def release_version(result: ApiDiff) -> str | None:
    """The ``info.version`` to give the spec (the API document's version); None when it stays.

    ``ValueError`` when a version is needed but cannot be worked out (an old version that is not
    MAJOR.MINOR.PATCH, or a new one that is not): the message says which and why.
    """
    if not result.new_exists:
        return None  # the spec was removed: there is no package left to release
    if not result.old_exists:
        return result.new_version  # a new API is first released at the version its spec gives
    if result.no_bump_reason:
        raise ValueError(f"no bump can be suggested: {result.no_bump_reason}; set info.version by hand")
    target = result.next_version
    if target is None:
        return None
    return result.new_version if satisfies(result.new_version or "", target) else target


# -- the runtime ----------------------------------------------------------------------------------


def _describe(causes: list[str], api: str = "") -> str:
    return ", ".join(f"{cause} ({WHERE.get(cause, cause).format(api=api)})" for cause in causes)


def release_runtime(root: Path, old_root: Path, ref: str, date: str) -> str | None:
    """Release accountkit-runtime if it changed since ``ref`` (exported at ``old_root``); the line to print."""
    project = root / "runtime"
    if not (project / "pyproject.toml").is_file():
        return None
    current = runtime_version(project)
    record_then = read_record(old_root, RUNTIME_DISTRIBUTION)
    existed = (old_root / "runtime" / "pyproject.toml").is_file()
    base = record_then.version if record_then else runtime_version(old_root / "runtime") if existed else None
    log = project / "CHANGELOG.md"
    text = log.read_text(encoding="utf-8") if log.is_file() else ""
    level = unreleased_level(text)
    name = RUNTIME_DISTRIBUTION
    if base is None:
        version, line = current, f"release: {name} {current} (new package)"
        if level is not None:
            log.write_text(released(text, version, date), encoding="utf-8")
    elif content_digest(root, name) == content_digest(old_root, name):
        version, line = current, f"release: {name}: nothing to release since {ref}"
    elif level is None:
        record = read_record(root, name)
        if current != base and record and record.version == current and record.content == content_digest(root, name):
            version, line = current, f"release: {name} {current}: already released since {ref}"
        else:
            causes = _describe(changed(runtime_sources(old_root), runtime_sources(root)))
            raise ReleaseError(
                f"{name} changed since {ref} ({causes}), but runtime/CHANGELOG.md has no "
                "'## Unreleased (patch|minor|major)' section: say there what changed, at its level, and run "
                "release again"
            )
    else:
        bump = shifted(level, base)
        target = bumped(base, bump)
        version = current if satisfies(current, target) else target
        log.write_text(released(text, version, date), encoding="utf-8")
        if version != current:
            set_runtime_version(project, version)
        line = f"release: {name} {version} ({bump} bump, declared in runtime/CHANGELOG.md, from {base} at {ref})"
    write_record(root, Record(name, version, content_digest(root, name), runtime_sources(root)))
    return line


# -- the clients ----------------------------------------------------------------------------------


@dataclass
class ClientRelease:
    """What one client's release does: its version and the lines of its changelog entry."""

    api: str
    version: str
    bump: str  # "minor", ..., or "new API"
    causes: list[str]  # cause names, for the summary line
    document: str | None = None  # the spec's new info.version, when it changes
    changes: list[Change] = field(default_factory=list)  # the spec's changes
    lines: list[str] = field(default_factory=list)  # the entry's "Package" lines


def _upper_bound(specifier: str) -> str | None:
    return next((part for part in specifier.split(",") if part.strip().startswith("<")), None)


def _shown(paths: list[str]) -> str:
    named = ", ".join(f"`{path}`" for path in paths[:SHOWN_FILES])
    return named + (f" and {len(paths) - SHOWN_FILES} more" if len(paths) > SHOWN_FILES else "")


def _cause_bump(
    cause: str, api: str, old_root: Path, root: Path, before: dict[str, str], now: dict[str, str], surface: Bump
) -> tuple[Bump, str]:
    """The bump one non-spec cause calls for, and its changelog line."""
    if cause == "runtime_range":
        old, new = before[cause], now[cause]
        runtime = f"accountkit-runtime {runtime_version(root / 'runtime')}"
        if old == "none":
            return "patch", (
                f"Depends on `accountkit-runtime{new}` ({runtime}) instead of carrying a copy of the runtime: its "
                "errors and client class are the runtime's, the same in every accountkit client."
            )
        moved_major = _upper_bound(old) != _upper_bound(new)
        level: Bump = "major" if moved_major else "patch"
        why = ", a new major of the runtime" if moved_major else ""
        return level, f"Depends on `accountkit-runtime{new}` (was `{old}`): {runtime}{why}."
    if cause == "templates":
        return surface, f"Rebuilt with changed templates or pipeline: {_shown(template_changes(old_root, root, api))}."
    if cause == "vendor":
        return surface, f"Its vendor module changed: `codegen/vendors/{api}.py`."
    if cause == "generators":
        return surface, f"Built with other generators: {before[cause]} → {now[cause]}."
    return "patch", f"Its changelog was edited (`specs/changelog/{api}.md`)."


def plan_client(root: Path, old_root: Path, result: ApiDiff, ref: str, *, generated: bool) -> ClientRelease | None:
    """What releasing ``result.api``'s client means, or None when its content did not change since ``ref``."""
    api, name = result.api, f"{result.api}-client"
    if not result.new_exists:
        return None
    current = client_version(root, api) or ""
    if not result.old_exists:  # a new API: first released at its version (its spec's, until it has a record)
        return ClientRelease(api, current, "new API", ["spec"], changes=result.changes)
    record_then = read_record(old_root, name)
    base = record_then.version if record_then else result.old_version or ""
    spec_changed = result.bump is not None or result.no_bump_reason is not None
    levels: list[Bump] = []
    plan = ClientRelease(api, current, "", [])
    if spec_changed:
        plan.document = release_version(result)
        plan.changes = result.changes
        plan.causes.append("spec")
        levels.append(semver_bump(result.changes, text_changed=True) or "patch")
    before, now = client_sources(old_root, api), client_sources(root, api)
    others = [cause for cause in changed(before, now) if cause != "spec"]
    if "changelog" in others and len(others) + spec_changed > 1:
        others.remove("changelog")  # this release's own entry, not a cause
    if generated and not spec_changed and content_digest(old_root, name) == content_digest(root, name):
        others = []  # inputs changed, the package's files did not
    if not levels and not others:
        return None
    try:
        parse(base)
    except ValueError:
        raise ValueError(f"its version at {ref} {base!r} is not MAJOR.MINOR.PATCH; set the record's by hand") from None
    surface: Bump = "patch"
    rebuilt = {"templates", "vendor", "generators"} & set(others)
    then, built = old_root / "generated" / api, root / "generated" / api
    if rebuilt and generated and then.is_dir():
        surface, decided = verdict(package_surface(then), package_surface(built))
    for cause in others:
        level, line = _cause_bump(cause, api, old_root, root, before, now, surface)
        levels.append(level)
        plan.lines.append(line)
        plan.causes.append(cause)
    if surface != "patch":
        verb = "adds" if surface == "minor" else "removes or newly requires"
        plan.lines.append(f"Public surface: {verb} {_shown(decided)}.")
    plan.bump = shifted(max(levels, key=ORDER.index), base)
    target = bumped(base, plan.bump)
    plan.version = current if satisfies(current, target) else target
    return plan


def entry(version: str, date: str, changes: list[Change], lines: list[str]) -> str:
    """The changelog entry: the spec's changes by section (``changelog.entry``), then ``Package``."""
    text = changelog.entry(version, date, changes) if changes or not lines else f"## {version} ({date})\n"
    if lines:
        text = text.rstrip("\n") + "\n\n### Package\n\n" + "".join(f"- {line}\n" for line in lines)
    return text


def with_entry(text: str, version: str, date: str, plan: ClientRelease) -> str:
    """``text`` with its ``version`` entry rewritten from ``plan``, keeping the entry's date.

    The plan compares the package with the last release, so it holds everything the entry must say: an
    entry written by an earlier run for the same unreleased version (before more changes landed) is
    replaced whole, never appended to, so nothing is said twice and no change of the spec is left out.
    """
    start = text.index(f"## {version} ")
    heading = text[start : text.index("\n", start)] if "\n" in text[start:] else text[start:]
    kept = re.fullmatch(rf"## {re.escape(version)} \((.+)\)", heading.strip())
    following = text.find("\n## ", start)
    end = len(text) if following < 0 else following + 1
    fresh = entry(version, kept.group(1) if kept else date, plan.changes, plan.lines)
    return text[:start] + fresh + ("\n" if following >= 0 else "") + text[end:]


def apply_client(root: Path, plan: ClientRelease, date: str) -> list[str]:
    """Write one client's release: the spec's version, the changelog entry, the record's version."""
    done = []
    spec = root / "specs" / f"{plan.api}.yaml"
    document = spec_version(root, plan.api)
    if plan.document is not None and plan.document != document:
        spec.write_text(set_version(spec.read_text(encoding="utf-8"), plan.document), encoding="utf-8")
        done.append(f"info.version {document} -> {plan.document} (the API document)")
    path = changelog_path(spec)
    text = path.read_text(encoding="utf-8") if path.exists() else None
    shown = path.relative_to(root)
    if text is not None and changelog.has_version(text, plan.version):
        updated = with_entry(text, plan.version, date, plan)
        if updated != text:
            path.write_text(updated, encoding="utf-8")
        done.append(f"{shown}: {plan.version} " + ("entry rewritten" if updated != text else "already there"))
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        new_entry = entry(plan.version, date, plan.changes, plan.lines)
        path.write_text(changelog.prepend(text, plan.api, new_entry), encoding="utf-8")
        done.append(f"{shown}: added {plan.version} ({date})")
    name = f"{plan.api}-client"
    record = read_record(root, name)
    if record is None or record.version != plan.version:
        kept = record or Record(name, plan.version, "")
        write_record(root, Record(name, plan.version, kept.content, kept.built_from))
        done.append(f"releases/{name}.json: {record.version if record else '(new)'} -> {plan.version}")
    return done


# -- the command ----------------------------------------------------------------------------------


def regenerate(root: Path, apis: list[str]) -> int:
    """Run ``generate`` for ``apis`` with the pipeline of the repository at ``root``."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root / "codegen"), env.get("PYTHONPATH")]))
    command = [sys.executable, "-m", "accountkit_codegen.generate.generate", *apis]
    return subprocess.run(command, cwd=root, env=env, check=False).returncode


def write_client_records(root: Path, apis: list[str], *, generated: bool) -> None:
    """Record each client as it is now (content only when generated/ was rebuilt from its inputs)."""
    for api in apis:
        name = f"{api}-client"
        record = read_record(root, name)
        content = content_digest(root, name) if generated else (record.content if record else "")
        write_record(root, Record(name, client_version(root, api) or "", content, client_sources(root, api)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="release", description=__doc__.splitlines()[0])
    parser.add_argument("ref", help="the git ref of the last release (a tag, branch or commit)")
    parser.add_argument("names", nargs="*", help="'runtime' and/or APIs to release (default: every changed one)")
    parser.add_argument("--root", type=Path, default=REPO, help="the repository (default: this one)")
    parser.add_argument("--no-generate", action="store_true", help="write versions and changelogs only")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    apis = [name for name in args.names if name not in RUNTIME_NAMES]
    with_runtime = not args.names or len(apis) < len(args.names)
    try:
        results = compare_with_ref(root, args.ref, apis) if apis or not args.names else []
    except (GitError, SpecReadError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    date = changelog.release_date()
    generated = not args.no_generate
    failed = False
    with tempfile.TemporaryDirectory(prefix="release-") as tmp:
        old_root = Path(tmp)
        try:
            gitrefs.export(root, args.ref, old_root)
        except GitError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        if with_runtime:
            try:
                line = release_runtime(root, old_root, args.ref, date)
            except (ReleaseError, UnreleasedError, RecordError, RuntimeVersionError, ValueError) as exc:
                print(f"error: {exc}", file=sys.stderr)
                failed, line = True, None
            if line:
                print(line)
        existing = [result.api for result in results if result.new_exists]
        if generated and existing and regenerate(root, existing) != 0:
            return 1
        released_apis, recorded = [], []
        for result in results:
            try:
                plan = plan_client(root, old_root, result, args.ref, generated=generated)
                if plan is not None:
                    done = apply_client(root, plan, date)
            except (ValueError, RecordError, RuntimeVersionError) as exc:
                print(f"error: specs/{result.api}.yaml: {exc}", file=sys.stderr)
                failed = True
                continue
            except VersionLineError as exc:
                print(f"error: specs/{result.api}.yaml: {exc}", file=sys.stderr)
                return 1
            recorded += [result.api] if result.new_exists else []
            if plan is None:
                print(f"release: {result.api}: nothing to release since {args.ref}")
                continue
            released_apis.append(result.api)
            bump = plan.bump if plan.bump == "new API" else f"{plan.bump} bump"
            print(f"release: {result.api} {plan.version} ({bump}) for {', '.join(plan.causes)}: {'; '.join(done)}")
    if not generated:
        write_client_records(root, recorded, generated=False)
        if released_apis:
            print(f"release: not regenerating (--no-generate); run ./dev -s release -- {args.ref} again to finish")
        return 1 if failed else 0
    status = regenerate(root, released_apis) if released_apis else 0
    if status == 0:
        write_client_records(root, recorded, generated=True)
    if not released_apis and not failed:
        print(f"release: no client changed since {args.ref}")
    return status or (1 if failed else 0)


if __name__ == "__main__":
    sys.exit(main())
