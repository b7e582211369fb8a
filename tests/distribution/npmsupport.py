"""What the npm tests run against: a private npm registry (the pinned verdaccio) and the npm CLI, on loopback.

``running_registry`` starts verdaccio on 127.0.0.1 and a free port, with its config and storage in a
temporary folder, login required to read, and no uplink: a package it does not hold is a 404, never a
fetch from the public registry. It creates two users (the tokens npm would get from ``npm adduser``),
one who may publish and one who may only install; publishes openapi-fetch and its dependencies from the
repository's node_modules (so a fresh project installs every dependency from here); and always stops
verdaccio, whatever happened.

``npm`` runs the npm CLI with a throwaway cache and user config, no update check or audit, and only
the registry it is given.
"""

from __future__ import annotations

import json
import secrets
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from accountkit_codegen.dist.credentials import Credentials
from accountkit_codegen.dist.npmpack import CLIENT_LIBRARY, node_manifest
from accountkit_codegen.dist.npmpublish import npm_env, npm_publish, npmrc_text, read_tarball
from accountkit_codegen.spec.layout import REPO
from support.loopback import free_port, stop_process_group

READY_TIMEOUT_SECONDS = 60
STOP_TIMEOUT_SECONDS = 10
VERDACCIO = REPO / "node_modules" / ".bin" / "verdaccio"
PUBLISHER = "publisher"


def package_folder(root: Path, readme: str) -> Path:
    """A minimal npm package folder (package.json, README, one runtime file): what packing and publishing read."""
    (root / "runtime").mkdir(parents=True)
    (root / "package.json").write_text('{"name": "@x/y", "version": "1.0.0"}')
    (root / "README.md").write_text(readme)
    (root / "runtime" / "auth.js").write_text("export {};\n")
    return root


class RegistryNotReady(Exception):
    """verdaccio exited or did not answer its ping in time; the message has its log."""


@dataclass(frozen=True)
class Registry:
    """A running verdaccio: its URL (with the trailing slash npm wants), tokens, where it stores packages.

    ``token`` is the publisher's; ``reader_token`` a user's who may install but not publish.
    """

    url: str
    token: str
    reader_token: str
    storage: Path


def npm(args: list[str], cwd: Path, registry: Registry, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``npm <args>`` against ``registry`` only, with a user config and a cache of its own under ``cwd``'s parent."""
    home = cwd.parent / f".npm-{cwd.name}"
    home.mkdir(exist_ok=True)
    userconfig = home / "npmrc"
    userconfig.write_text(npmrc_text(registry.url), encoding="utf-8")  # the token as ${NPM_TOKEN}, not its value
    return subprocess.run(
        [
            "npm", *args, "--registry", registry.url, "--userconfig", str(userconfig), "--cache", str(home / "cache"),
            "--no-audit", "--no-fund", "--no-update-notifier", "--logs-max=0", "--color=false",
        ],
        cwd=cwd,
        env=npm_env(registry.token),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
    )  # fmt: skip


def _config(root: Path, port: int) -> str:
    """verdaccio's config (JSON is YAML): login to read, only the publisher publishes, no uplinks, no web UI."""
    rules = {"access": "$authenticated", "publish": PUBLISHER}
    config = {
        "storage": str(root / "storage"),
        "auth": {"htpasswd": {"file": str(root / "htpasswd")}},
        "uplinks": {},
        "packages": {"@*/*": rules, "**": rules},
        "web": {"enable": False},
        "listen": f"127.0.0.1:{port}",
        "log": {"type": "stdout", "format": "pretty", "level": "warn"},
    }
    return json.dumps(config, indent=2)


def _ping(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}-/ping", timeout=1) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def _wait_until_ready(process: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RegistryNotReady(f"verdaccio exited with {process.returncode}:\n{log.read_text()}")
        if _ping(url):
            return
        time.sleep(0.1)
    raise RegistryNotReady(f"verdaccio did not answer {url}-/ping in {READY_TIMEOUT_SECONDS}s:\n{log.read_text()}")


def _create_user(url: str, name: str) -> str:
    """A new user on the registry (what ``npm adduser`` does); its token."""
    password = f"pw-{secrets.token_hex(8)}"
    body = json.dumps({"name": name, "password": password}).encode()
    request = urllib.request.Request(
        f"{url}-/user/org.couchdb.user:{name}", data=body, method="PUT", headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        token: str = json.loads(response.read())["token"]
        return token


def publish_dependencies(registry: Registry, workdir: Path) -> list[str]:
    """openapi-fetch and what it depends on, packed from the repository's node_modules and published."""
    published, pending = [], [CLIENT_LIBRARY]
    credentials = Credentials(None, registry.token)
    while pending:
        name = pending.pop()
        if name in published:
            continue
        packed = subprocess.run(
            ["npm", "pack", str(REPO / "node_modules" / name), "--ignore-scripts", "--json",
             "--pack-destination", str(workdir), "--logs-max=0"],
            cwd=workdir, env=npm_env(None), capture_output=True, text=True, timeout=120, check=True,
        )  # fmt: skip
        tarball = read_tarball(workdir / json.loads(packed.stdout)[0]["filename"])
        code, output = npm_publish(tarball, registry.url, "latest", credentials)
        if code != 0:
            raise RegistryNotReady(f"publishing {name} to the test registry failed:\n{output}")
        published.append(name)
        pending += list(node_manifest(name).get("dependencies", {}))
    return published


@contextmanager
def running_registry(root: Path) -> Iterator[Registry]:
    """Start verdaccio keeping everything under ``root``; stop it on the way out, whatever happened."""
    if not VERDACCIO.exists():
        raise RegistryNotReady(f"{VERDACCIO} is missing: run the tests through ./dev -s tests (it runs npm ci)")
    port = free_port()
    (root / "config.yaml").write_text(_config(root, port), encoding="utf-8")
    log = root / "verdaccio.log"
    with log.open("w") as log_file:
        process = subprocess.Popen(
            [str(VERDACCIO), "--config", str(root / "config.yaml")],
            cwd=root,
            env=npm_env(None),
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped as a whole
        )
    try:
        url = f"http://127.0.0.1:{port}/"
        try:
            _wait_until_ready(process, url, log)
            registry = Registry(url, _create_user(url, PUBLISHER), _create_user(url, "reader"), root / "storage")
            (root / "dependencies").mkdir()
            publish_dependencies(registry, root / "dependencies")
        except (OSError, urllib.error.URLError, subprocess.CalledProcessError) as exc:
            raise RegistryNotReady(f"setting up verdaccio failed: {exc}\n{log.read_text()}") from exc
        yield registry
    finally:
        stop_process_group(process, STOP_TIMEOUT_SECONDS)
