"""``./dev -s publish`` (its npm step): upload every npm package in dist/npm/ to the registry, safely.

The registry is NPM_REGISTRY_URL, the token NPM_TOKEN. The rules are the Python index's (``publish``): a
version must never mean two different things, so each package is compared with what the registry
already has for its version before anything is sent:

- nothing there: ``npm publish`` it (``uploaded``), then check the registry now lists it as built;
- there with the same ``dist.integrity`` (the tarball's sha512; builds are reproducible, see
  ``npmpack``): nothing to do (``skipped (identical on registry)``);
- there with another: ``REFUSED``, with the fix (a new version of the Python package the npm package
  follows).

One summary line per package, then a non-zero exit if any was refused or failed. Without
NPM_REGISTRY_URL nothing is published and a line says so (exit 0): a team with a Python index only keeps
its ``./dev -s publish``.

The token never reaches a command line, a file or the output: npm reads it from its environment through
a temporary user config that holds only ``//<host>/:_authToken=${NPM_TOKEN}`` (npm expands the
variable itself), our own reads of the registry send it in a header and never follow a redirect (which
would carry that header to wherever it points), and npm's output is scrubbed before it is shown.
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote, urlsplit

from packaging.version import InvalidVersion, Version

from .credentials import Credentials
from .npmpack import DIST, integrity

TIMEOUT_SECONDS = 30
PUBLISH_TIMEOUT_SECONDS = 300
# A registry document lists every version of a package; far below this even for large packages.
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024


class NpmPublishError(Exception):
    """A tarball or the registry could not be read; the message names which and why, never the token."""


@dataclass(frozen=True)
class Tarball:
    """A built package: its file, and the name, version and Python package its package.json gives."""

    path: Path
    name: str
    version: str
    python_package: str

    @property
    def integrity(self) -> str:
        return integrity(self.path)


@dataclass(frozen=True)
class Plan:
    """What to do with one package: ``upload``, ``skip``, or ``refuse`` (and why)."""

    action: str
    reason: str = ""


def read_tarball(path: Path) -> Tarball:
    """The package.json facts of an npm tarball (``package/package.json`` inside it)."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            member = archive.extractfile("package/package.json")
            manifest = json.loads(member.read()) if member else None
    except (OSError, tarfile.TarError, KeyError, ValueError) as exc:
        raise NpmPublishError(f"{path.name} is not a readable npm tarball with package/package.json ({exc})") from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("name"), str):
        raise NpmPublishError(f"{path.name}: package/package.json has no name")
    if not isinstance(manifest.get("version"), str):
        raise NpmPublishError(f"{path.name}: package/package.json has no version")
    accountkit = manifest["accountkit"] if isinstance(manifest.get("accountkit"), dict) else {}
    python_package = str(accountkit.get("pythonPackage") or "the Python package")
    return Tarball(path, manifest["name"], manifest["version"], python_package)


def tarballs(folder: Path) -> list[Tarball]:
    """Every npm tarball in ``folder``, sorted by package name."""
    found = [read_tarball(path) for path in sorted(folder.glob("*.tgz"))] if folder.is_dir() else []
    return sorted(found, key=lambda tarball: (tarball.name, tarball.version))


def registry_base(url: str) -> str:
    """The registry URL with exactly one trailing slash, refused unless it is http(s) with a host."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise NpmPublishError("NPM_REGISTRY_URL must be an http:// or https:// URL with a host")
    return url.strip().rstrip("/") + "/"


def npmrc_text(registry: str) -> str:
    """The user config npm gets: the registry's token *reference* (npm reads ``${NPM_TOKEN}`` from its env).

    The key is npm's "nerf dart" of the registry, ``//host[:port]/path/``: npm sends the token to that
    registry only.
    """
    parts = urlsplit(registry)
    return f"//{parts.netloc}{parts.path}:_authToken=${{NPM_TOKEN}}\n"


def document_url(registry: str, name: str) -> str:
    """``<registry>/@scope%2fname``: where a registry serves a package's document (its versions)."""
    return registry + quote(name, safe="@")


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect would carry the Authorization header to wherever it points: it is an error instead."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        return None


def registry_document(registry: str, name: str, credentials: Credentials) -> dict[str, Any] | None:
    """The registry's document of package ``name``; None when it has never heard of it (404)."""
    url = document_url(registry, name)
    headers = {"Accept": "application/json"}
    if credentials.password:
        headers["Authorization"] = f"Bearer {credentials.password}"
    opener = urllib.request.build_opener(_NoRedirects)
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=TIMEOUT_SECONDS) as response:
            body = response.read(MAX_DOCUMENT_BYTES + 1)
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return None
        raise NpmPublishError(f"{credentials.redact(url)} answered HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = credentials.redact(str(getattr(exc, "reason", exc)))
        raise NpmPublishError(f"cannot reach {credentials.redact(url)}: {reason}") from None
    if len(body) > MAX_DOCUMENT_BYTES:
        raise NpmPublishError(f"{credentials.redact(url)} answered more than {MAX_DOCUMENT_BYTES} bytes")
    try:
        document = json.loads(body)
    except ValueError:
        raise NpmPublishError(f"{credentials.redact(url)} did not answer a JSON package document") from None
    if not isinstance(document, dict):
        raise NpmPublishError(f"{credentials.redact(url)} did not answer a JSON package document")
    return document


def _shasum(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()  # noqa: S324 - npm's legacy dist.shasum is sha1


def plan_package(tarball: Tarball, document: dict[str, Any] | None) -> Plan:
    """Compare ``tarball`` with what the registry's document lists for its version."""
    versions = (document or {}).get("versions")
    entry = versions.get(tarball.version) if isinstance(versions, dict) else None
    if entry is None:
        return Plan("upload")
    dist = entry.get("dist") if isinstance(entry, dict) else None
    dist = dist if isinstance(dist, dict) else {}
    listed = dist.get("integrity")
    sha512 = [item for item in listed.split() if item.startswith("sha512-")] if isinstance(listed, str) else []
    if sha512:  # an SRI string may list several hashes
        same = tarball.integrity in sha512
        shown = f"registry {sha512[0][:27]}..., built {tarball.integrity[:27]}..."
    elif isinstance(dist.get("shasum"), str):
        same = dist["shasum"].lower() == _shasum(tarball.path)
        shown = f"registry sha1 {dist['shasum']}, built {_shasum(tarball.path)}"
    else:
        return Plan("refuse", f"the registry lists {tarball.version} without an integrity or shasum to compare")
    return Plan("skip") if same else Plan("refuse", f"{tarball.path.name}: differs from the registry's ({shown})")


def dist_tag(version: str, document: dict[str, Any] | None) -> str:
    """``latest``, unless ``version`` is a pre-release (``next``) or older than the registry's latest (``previous``).

    npm refuses to move ``latest`` backwards without being told a tag, and a pre-release must not become
    what ``npm install <name>`` picks.
    """
    try:
        ours = Version(version)
    except InvalidVersion:
        return "latest"
    if ours.is_prerelease:
        return "next"
    tags = (document or {}).get("dist-tags")
    latest = tags.get("latest") if isinstance(tags, dict) else None
    try:
        newer = isinstance(latest, str) and Version(latest) > ours
    except InvalidVersion:
        newer = False
    return "previous" if newer else "latest"


def npm_env(token: str | None) -> dict[str, str]:
    """The environment of an npm command: ours without npm_config_* overrides, and the token (if any)."""
    env = {key: value for key, value in os.environ.items() if not key.lower().startswith("npm_config_")}
    env.pop("NPM_TOKEN", None)
    if token:
        env["NPM_TOKEN"] = token
    return env


def npm_publish(tarball: Tarball, registry: str, tag: str, credentials: Credentials) -> tuple[int, str]:
    """``npm publish <tarball>`` to ``registry``; (exit code, scrubbed combined output)."""
    npm = shutil.which("npm")
    if npm is None:
        return 127, "npm is not on PATH"
    with tempfile.TemporaryDirectory(prefix="accountkit-npmrc-") as tmp:
        userconfig = Path(tmp) / ".npmrc"
        userconfig.write_text(npmrc_text(registry), encoding="utf-8")
        try:
            result = subprocess.run(
                [
                    npm, "publish", str(tarball.path.resolve()),  # a path, never "dir/x.tgz": that is a GitHub name
                    "--registry", registry, "--userconfig", str(userconfig), "--tag", tag,
                    "--ignore-scripts", "--logs-max=0", "--no-audit", "--no-fund", "--color=false",
                ],
                cwd=tmp,
                env=npm_env(credentials.password),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                timeout=PUBLISH_TIMEOUT_SECONDS,
                check=False,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            return 124, f"npm publish did not finish in {PUBLISH_TIMEOUT_SECONDS} s"
    output = "\n".join(line for line in result.stdout.splitlines() if not line.startswith("npm notice"))
    return result.returncode, credentials.redact(output)


def refusal(tarball: Tarball) -> str:
    return (
        f"REFUSED: {tarball.version} is on the registry with different content; "
        f"release a new version of {tarball.python_package} (its npm package follows it)"
    )


def _indent(text: str) -> str:
    return "".join(f"    {line.rstrip()}\n" for line in text.strip().splitlines())


def publish_package(tarball: Tarball, registry: str, credentials: Credentials, dry_run: bool) -> tuple[bool, str]:
    """Publish one package; (ok, its summary line without the name and version)."""
    document = registry_document(registry, tarball.name, credentials)
    plan = plan_package(tarball, document)
    if plan.action == "skip":
        return True, "skipped (identical on registry)"
    if plan.action == "refuse":
        sys.stdout.write(_indent(plan.reason))
        return False, refusal(tarball)
    if dry_run:
        return True, f"would upload {tarball.path.name}"
    code, output = npm_publish(tarball, registry, dist_tag(tarball.version, document), credentials)
    if code != 0:
        sys.stdout.write(_indent(output))
        return False, f"FAILED: npm publish exited with {code} (its output is above)"
    if plan_package(tarball, registry_document(registry, tarball.name, credentials)).action != "skip":
        return False, "FAILED: published, but the registry does not list the same integrity"
    return True, "uploaded"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="publish-npm", description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="say what would be uploaded; upload nothing")
    parser.add_argument("--dist", type=Path, default=DIST, help="the dist folder; packages are in its npm/")
    args = parser.parse_args(argv)
    folder = args.dist / "npm"
    raw_url = os.environ.get("NPM_REGISTRY_URL", "").strip()
    try:
        found = tarballs(folder)
        registry = registry_base(raw_url) if raw_url else ""
    except NpmPublishError as exc:
        print(f"publish-npm: {exc}", file=sys.stderr)
        return 2
    if not registry:
        if args.dry_run:
            for tarball in found:
                unchecked = "(NPM_REGISTRY_URL is not set: the registry was not checked)"
                print(f"{tarball.name} {tarball.version}: would upload {tarball.path.name} {unchecked}")
        else:
            print(f"publish-npm: NPM_REGISTRY_URL is not set; the npm packages in {folder} were not published")
        return 0
    if not found:
        print(f"publish-npm: no npm packages in {folder}; run ./dev -s build first", file=sys.stderr)
        return 2

    credentials = Credentials(None, os.environ.get("NPM_TOKEN") or None)
    mode = " (dry run)" if args.dry_run else ""
    print(f"publish-npm: {len(found)} package(s) from {folder} to {credentials.redact(registry)}{mode}")
    failures = 0
    for tarball in found:
        try:
            ok, line = publish_package(tarball, registry, credentials, args.dry_run)
        except NpmPublishError as exc:
            ok, line = False, f"FAILED: {exc}"
        failures += not ok
        print(f"{tarball.name} {tarball.version}: {credentials.redact(line)}", flush=True)
    if failures:
        print(f"publish-npm: {failures} of {len(found)} package(s) refused or failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
