"""``./dev -s build`` (its npm step): every API's spec as an npm package, a reproducible tarball in dist/npm/.

Per API one package, ``<scope>/<api>-spec`` (the scope from NPM_SCOPE or ``--scope``, default
``@accountkit``), so a TypeScript team installs the spec instead of copying it:

- ``openapi.yaml``, ``openapi.json``: the spec bundled by Redocly, and ``schema.d.ts``: its types from
  openapi-typescript (the same steps as ``./dev -s specs``, see ``specsdist``);
- ``index.js`` / ``index.d.ts``: ``connect()``, an openapi-fetch client with the API's authentication
  wired in and exact request types, compiled by the pinned ``tsc`` from ``codegen/npm/vendors/<api>.ts``
  and the shared ``codegen/npm/runtime/`` (copied into each package, as the Python runtime is);
  ``spec.js``: what the code reads from the spec (its version, the credentials' and base URL's environment
  variables, the default base URL, PortaBilling's session faultcodes; from ``codegen/npm/spec.ts.jinja``);
- ``README.md`` with the API's example from ``codegen/npm/examples/<api>.ts``, type-checked with
  ``tsc --strict`` against the built package as a user installs it before anything ships;
- ``CHANGELOG.md`` (the Python package's entries) and a generated ``package.json``.

One release, both ecosystems: the version is the one of the generated Python package of the same API,
read from ``generated/<api>/pyproject.toml`` (``python_version``), never from the spec, so it stays right
when package versions stop being ``info.version``.

Reproducible: ``npmpublish`` decides "already on the registry" by comparing the tarball's sha512 with
the registry's ``dist.integrity``, so the same inputs must give the same bytes. The tarball is written
here rather than by ``npm pack`` (whose bytes follow the npm version on the machine): files in sorted
order under ``package/``, every mtime npm's own fixed 1985-10-26, owner 0, mode 0644, and a gzip header
without a time or a name.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import sys
import tarfile
import tempfile
import tomllib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from packaging.version import InvalidVersion, Version

from . import specsdist
from ..generate import modules
from ..generate.clientfacts import FactsError, connection
from ..spec.layout import CODEGEN, REPO, Api, select_apis

DIST = REPO / "dist"
SOURCES = CODEGEN / "npm"
DEFAULT_SCOPE = "@accountkit"
# npm's own fixed file time (npm pack stamps every file with it): plainly not a build date.
TARBALL_MTIME = 499162500  # 1985-10-26T08:15:00Z
CLIENT_LIBRARY = "openapi-fetch"
_SCOPE = re.compile(r"@[a-z0-9][a-z0-9._~-]*")
_PRE_RELEASE = {"a": "alpha", "b": "beta", "rc": "rc"}
TSCONFIG_BASE: dict[str, Any] = {
    "strict": True,
    "target": "ES2022",
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "lib": ["ES2022", "DOM"],
    "types": [],
    "skipLibCheck": False,
    "newLine": "lf",
}


class NpmPackError(Exception):
    """A package could not be built, or broke one of the promises in the module docstring."""


@dataclass(frozen=True)
class NpmPackage:
    """One built package: its name, version and tarball."""

    api: str
    name: str
    version: str
    tarball: Path


def python_version(api: Api) -> str:
    """The version of ``api``'s generated Python package as it is built: its pyproject's ``[project].version``.

    The one place the npm version comes from.
    """
    pyproject = api.output / "pyproject.toml"
    try:
        with pyproject.open("rb") as handle:
            version = tomllib.load(handle)["project"]["version"]
    except FileNotFoundError:
        raise NpmPackError(f"{pyproject.relative_to(REPO)} is missing; run ./dev -s generate first") from None
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise NpmPackError(f"{pyproject} has no readable [project].version ({exc})") from None
    if not isinstance(version, str):
        raise NpmPackError(f"{pyproject}: [project].version is not a string")
    return version


def npm_version(version: str) -> str:
    """``version`` (PEP 440) as npm's semver: ``1.2.0`` stays, ``1.2`` is ``1.2.0``, ``1.2.0rc1`` is ``1.2.0-rc.1``.

    A version semver cannot say in the same order (a post, dev or local release, an epoch, four parts) is
    refused rather than published under a name that sorts differently on npm than on the Python index.
    """
    try:
        parsed = Version(version)
    except InvalidVersion:
        raise NpmPackError(f"version {version!r} is not a valid version") from None
    if parsed.epoch or parsed.post is not None or parsed.dev is not None or parsed.local or len(parsed.release) > 3:
        raise NpmPackError(
            f"version {version} has no npm (semver) equivalent; npm packages follow final and a/b/rc releases only"
        )
    core = ".".join(str(part) for part in (*parsed.release, 0, 0)[:3])
    if parsed.pre is None:
        return core
    kind, number = parsed.pre
    return f"{core}-{_PRE_RELEASE[kind]}.{number}"


def check_scope(scope: str) -> str:
    """``scope`` if npm accepts it as a package scope (``@`` and lowercase URL-safe characters)."""
    if not _SCOPE.fullmatch(scope) or len(scope) > 100:
        raise NpmPackError(f"npm scope {scope!r} is not valid: '@' then lowercase letters, digits, '-', '.', '_', '~'")
    return scope


def package_name(scope: str, api: Api) -> str:
    return f"{scope}/{api.name}-spec"


def tarball_name(name: str, version: str) -> str:
    """The name ``npm pack`` gives the tarball: ``@scope/x`` 1.0.0 → ``scope-x-1.0.0.tgz``."""
    return f"{name.removeprefix('@').replace('/', '-')}-{version}.tgz"


def node_manifest(name: str) -> dict[str, Any]:
    """The package.json of an installed Node package (``npm ci`` put it in node_modules/)."""
    path = REPO / "node_modules" / name / "package.json"
    if not path.is_file():
        raise NpmPackError(f"{path} is missing; run npm ci (./dev -s build does)")
    manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return manifest


def dependency_range() -> str:
    """The range the packages accept openapi-fetch in: compatible with the version pinned in package.json."""
    pinned = json.loads((REPO / "package.json").read_text(encoding="utf-8"))["devDependencies"][CLIENT_LIBRARY]
    return f"^{pinned}"


def package_json(api: Api, name: str, version: str, document: dict[str, Any]) -> dict[str, Any]:
    info = document.get("info", {})
    title = info.get("title", api.name)
    return {
        "name": name,
        "version": version,
        "description": f"{title}: the OpenAPI spec, its TypeScript types and an openapi-fetch client",
        "keywords": ["openapi", "openapi-fetch", "typescript", api.name],
        "type": "module",
        "main": "./index.js",
        "types": "./index.d.ts",
        "exports": {
            ".": {"types": "./index.d.ts", "default": "./index.js"},
            "./schema": {"types": "./schema.d.ts"},
            "./openapi.yaml": "./openapi.yaml",
            "./openapi.json": "./openapi.json",
            "./package.json": "./package.json",
        },
        "sideEffects": False,
        "dependencies": {CLIENT_LIBRARY: dependency_range()},
        "engines": {"node": ">=20.19"},
        "accountkit": {"api": api.name, "specVersion": str(info.get("version", "")), "pythonPackage": api.distribution},
    }


def spec_module(api: Api, document: dict[str, Any]) -> str:
    """``spec.ts`` (from ``codegen/npm/spec.ts.jinja``): what the entry point reads from the spec.

    The spec's title and version, and what ``clientfacts.connection`` reads for the Python package's
    ``_facts.py``: each credential's environment variable, the base URL's and its default, the session
    faultcodes. Stated once, in the spec, for both languages.
    """
    try:
        facts = connection(document, api.spec)
    except FactsError as exc:
        raise NpmPackError(str(exc)) from None
    info = document.get("info", {})
    spec = {"title": str(info.get("title", "")), "version": str(info.get("version", ""))}
    return modules.render("spec.ts.jinja", folder=SOURCES, api=api.name, spec=spec, connection=facts)


def example(api: Api, scope: str) -> str:
    """The API's usage example (``codegen/npm/examples/<api>.ts``), importing from the package as named."""
    path = SOURCES / "examples" / f"{api.name}.ts"
    if not path.is_file():
        raise NpmPackError(f"{path.relative_to(REPO)} is missing: every API's package documents one call")
    return path.read_text(encoding="utf-8").replace(f'"{DEFAULT_SCOPE}/', f'"{scope}/')


def readme(api: Api, name: str, version: str, document: dict[str, Any], usage: str) -> str:
    info = document.get("info", {})
    return f"""# {name}

{info.get("title", api.name)} (spec version {info.get("version", "?")}) for TypeScript: the bundled OpenAPI
document, its types, and `connect()`, an [openapi-fetch](https://openapi-ts.dev/openapi-fetch/) client with
the API's authentication wired in. Released with the Python package `{api.distribution}` {version}, under the
same version.

```sh
npm install {name}
```

```ts
{usage.rstrip()}
```

Request types are exact: a field the schema does not have, at any depth of an object literal, is a compile
error. A call returns openapi-fetch's `{{ data, error, response }}`. `connect()` takes `baseUrl` and the
API's credentials (each falls back to the environment variable the Python client reads), `timeoutMs` for
the whole call, its login or token request included (default 30000), `headers`, `fetch`, and
`allowInsecureHttp` (plain `http://` is refused except to this machine). Redirects are not followed. Errors
thrown on purpose are `ConfigurationError` and `AuthenticationError`; their messages never hold a secret.

| file | what it is |
|---|---|
| `openapi.yaml`, `openapi.json` | the spec, bundled into one file |
| `schema.d.ts` | the types: `paths`, `components`, `operations` (also exported by the package) |
| `CHANGELOG.md` | what changed, release by release |

The spec as data: `import spec from "{name}/openapi.json" with {{ type: "json" }};`
"""


def changelog(api: Api, name: str, version: str, document: dict[str, Any]) -> str:
    """The Python package's changelog entries (one release, both ecosystems) under this package's title."""
    head = (
        f"# Changelog of {name}\n\n"
        f"Released with the Python package {api.distribution} under the same version; both follow "
        f"specs/{api.name}.yaml. Newest first.\n\n"
    )
    source = api.output / "CHANGELOG.md"
    text = source.read_text(encoding="utf-8") if source.is_file() else ""
    start = text.find("## ")
    if start >= 0:
        return head + text[start:].rstrip() + "\n"
    spec_version = document.get("info", {}).get("version", "?")
    return head + f"## {version}\n\n- Built from version {spec_version} of the spec; no changes were recorded.\n"


def _link_node_modules(root: Path, package_dirs: dict[str, Path]) -> None:
    """``root/node_modules``: openapi-fetch and its dependencies from the repository, and the built packages.

    The examples are checked the way a user's project sees the packages: through node_modules and each
    package.json's ``exports``, not through paths into the build.
    """
    modules = root / "node_modules"
    modules.mkdir()
    pending, linked = [CLIENT_LIBRARY], set()
    while pending:
        name = pending.pop()
        if name in linked:
            continue
        linked.add(name)
        target = modules / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(REPO / "node_modules" / name, target_is_directory=True)
        pending += list(node_manifest(name).get("dependencies", {}))
    for name, directory in package_dirs.items():
        target = modules / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(directory, target_is_directory=True)


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def _tsc(what: str, tsconfig: Path) -> None:
    specsdist.run_tool(what, [specsdist.node_tool("tsc"), "-p", str(tsconfig)], cwd=tsconfig.parent)


def write_tarball(package_dir: Path, target: Path) -> None:
    """``package_dir`` as an npm tarball at ``target``, byte for byte the same for the same files."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        for path in sorted(p for p in package_dir.rglob("*") if p.is_file()):
            data = path.read_bytes()
            entry = tarfile.TarInfo(f"package/{path.relative_to(package_dir).as_posix()}")
            entry.size, entry.mtime, entry.mode = len(data), TARBALL_MTIME, 0o644
            entry.uid = entry.gid = 0
            entry.uname = entry.gname = ""
            archive.addfile(entry, io.BytesIO(data))
    with target.open("wb") as out, gzip.GzipFile(filename="", mode="wb", fileobj=out, compresslevel=9, mtime=0) as gz:
        gz.write(raw.getvalue())


def integrity(path: Path) -> str:
    """The Subresource Integrity string npm records for a tarball (``dist.integrity``): ``sha512-<base64>``."""
    return "sha512-" + base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode("ascii")


def _spec_outputs(api: Api, outdir: Path) -> dict[str, Any]:
    """Bundle ``api`` and make its types into ``outdir`` (specsdist's steps); its bundled document."""
    specsdist.bundle(api, outdir)
    specsdist.typescript_types(api, outdir)
    bundled: dict[str, Any] = json.loads((outdir / f"{api.name}.json").read_text(encoding="utf-8"))
    return bundled


def build_packages(apis: list[Api], outdir: Path, scope: str = DEFAULT_SCOPE) -> list[NpmPackage]:
    """Build every API's package into ``outdir`` (replacing older tarballs of the same packages there).

    Everything is built and checked in a temporary folder first: when one API fails, ``outdir`` is as it was.
    """
    scope = check_scope(scope)
    versions = {api.name: npm_version(python_version(api)) for api in apis}
    names = {api.name: package_name(scope, api) for api in apis}
    outdir = outdir.resolve()
    with tempfile.TemporaryDirectory(prefix="accountkit-npm-") as tmp:
        root = Path(tmp)
        specs_dir, src, pkg, examples = root / "specs", root / "src", root / "pkg", root / "examples"
        for folder in (specs_dir, src, pkg, examples):
            folder.mkdir()
        with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1, len(apis)) or 1) as pool:
            futures = {api.name: pool.submit(_spec_outputs, api, specs_dir) for api in apis}
            documents = {name: future.result() for name, future in futures.items()}
        _write_json(root / "package.json", {"private": True, "type": "module"})
        for api in apis:
            source = src / api.name
            shutil.copytree(SOURCES / "runtime", source / "runtime")
            vendor = SOURCES / "vendors" / f"{api.name}.ts"
            if not vendor.is_file():
                raise NpmPackError(f"{vendor.relative_to(REPO)} is missing: every API's package needs its connect()")
            shutil.copyfile(vendor, source / "index.ts")
            shutil.copyfile(specs_dir / f"{api.name}.d.ts", source / "schema.d.ts")
            (source / "spec.ts").write_text(spec_module(api, documents[api.name]), encoding="utf-8")
        build_config = {**TSCONFIG_BASE, "declaration": True, "rootDir": "src", "outDir": "pkg", "noEmitOnError": True}
        _write_json(root / "tsconfig.json", {"compilerOptions": build_config, "include": ["src"]})
        _link_node_modules(root, {})
        _tsc("tsc (the packages' entry points)", root / "tsconfig.json")

        for api in apis:
            package, document = pkg / api.name, documents[api.name]
            usage = example(api, scope)
            (examples / f"{api.name}.ts").write_text(usage, encoding="utf-8")
            shutil.copyfile(src / api.name / "schema.d.ts", package / "schema.d.ts")
            shutil.copyfile(specs_dir / f"{api.name}.yaml", package / "openapi.yaml")
            shutil.copyfile(specs_dir / f"{api.name}.json", package / "openapi.json")
            _write_json(package / "package.json", package_json(api, names[api.name], versions[api.name], document))
            text = readme(api, names[api.name], versions[api.name], document, usage)
            (package / "README.md").write_text(text, encoding="utf-8")
            text = changelog(api, names[api.name], versions[api.name], document)
            (package / "CHANGELOG.md").write_text(text, encoding="utf-8")

        shutil.rmtree(root / "node_modules")
        _link_node_modules(root, {names[api.name]: pkg / api.name for api in apis})
        _write_json(
            examples / "tsconfig.json",
            {"compilerOptions": {**TSCONFIG_BASE, "noEmit": True}, "include": ["*.ts"]},
        )
        _tsc("tsc --strict (the README examples against the built packages)", examples / "tsconfig.json")

        staged = []
        for api in apis:
            tarball = root / tarball_name(names[api.name], versions[api.name])
            write_tarball(pkg / api.name, tarball)
            staged.append(NpmPackage(api.name, names[api.name], versions[api.name], tarball))
        return move_into(staged, outdir)


def move_into(staged: list[NpmPackage], outdir: Path) -> list[NpmPackage]:
    """Move built tarballs into ``outdir``, first removing the older versions of the same packages there."""
    outdir.mkdir(parents=True, exist_ok=True)
    moved = []
    for package in staged:
        prefix = tarball_name(package.name, "").removesuffix(".tgz")  # "scope-api-spec-", then a version
        for old in outdir.glob(f"{prefix}*.tgz"):
            if old.name[len(prefix) : len(prefix) + 1].isdigit():
                old.unlink()
        target = Path(shutil.move(package.tarball, outdir / package.tarball.name))
        moved.append(NpmPackage(package.api, package.name, package.version, target))
    return moved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="npmpack", description=__doc__.splitlines()[0])
    parser.add_argument("apis", nargs="*", help="APIs to build (default: all)")
    parser.add_argument("--outdir", type=Path, default=DIST, help="the dist folder; packages go to its npm/")
    parser.add_argument("--scope", default=os.environ.get("NPM_SCOPE") or DEFAULT_SCOPE, help="npm scope (NPM_SCOPE)")
    args = parser.parse_args(argv)
    target = args.outdir / "npm"
    try:
        built = build_packages(select_apis(args.apis), target, args.scope)
    except (NpmPackError, specsdist.SpecsDistError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for package in built:
        print(f"{integrity(package.tarball)}  {package.tarball.name}")
    print(f"npm: {len(built)} packages in {target}, reproducible; entry points and README examples tsc --strict clean")
    return 0


if __name__ == "__main__":
    sys.exit(main())
