"""Every spec's npm package through a real private npm registry, into a fresh TypeScript project, and called.

The registry is verdaccio on loopback (``npmsupport``), holding openapi-fetch too, so a fresh project
installs everything from it and nothing from the public registry. ``./dev -s build``'s npm step builds the
five packages and ``./dev -s publish``'s npm step publishes them: first with a wrong token (fails, prints
no token), then for real. A fresh TypeScript project installs the PortaBilling package, type-checks the
README's call (``tsc --strict`` passes) and the same call with a misspelt field (``tsc`` fails, naming
it), and runs the call against Prism serving the package's own bundled spec: login, update, 200 and the
parsed body. A second project installs all five and checks each one's auth on the wire against a loopback
server, with PortaBilling's session and 2sms's token renewed when the server says they went stale. Then
publishing again skips everything, and a changed build under the same version is refused.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest
from accountkit_codegen.dist import npmpack, npmpublish, specsdist
from accountkit_codegen.dist.credentials import Credentials
from accountkit_codegen.spec.layout import REPO, all_apis
from clientcall import TOKEN_ANSWER, call_plan
from distsupport import build, codegen_env, member_bytes
from npmsupport import Registry, RegistryNotReady, npm, running_registry
from pytest_httpserver import HTTPServer
from support.credentials import arguments, environment
from support.prism import PRISM, PrismServer, start_all, stop_all
from support.specs import HTTP_METHODS, read_spec, resolve
from werkzeug import Request as ServerRequest
from werkzeug import Response

HERE = Path(__file__).parent
Completed = subprocess.CompletedProcess[str]

APIS = {api.name: api for api in all_apis()}
SCOPE = npmpack.DEFAULT_SCOPE
DRIVER = HERE / "typescript" / "npm_call.mjs"
JSON = "application/json"

# The README's documented call style, as a user writes it, and the same call with one field misspelt.
CORRECT_CALL = """\
import { connect } from "@accountkit/portabilling-spec";

// baseUrl, login and password from PORTABILLING_BASE_URL, PORTABILLING_LOGIN, PORTABILLING_PASSWORD
const api = connect();
const { data, error, response } = await api.POST("/Account/update_account", {
  body: { params: { account_info: { i_account: 55, firstname: "Ada" } } },
});
console.log(JSON.stringify({ status: response.status, data, error }));
"""
MISSPELT_CALL = CORRECT_CALL.replace("firstname", "firstnmae")
TSCONFIG = {
    "compilerOptions": {
        "strict": True,
        "target": "ES2022",
        "module": "NodeNext",
        "moduleResolution": "NodeNext",
        "lib": ["ES2022", "DOM"],
        "types": [],
        "outDir": "out",
    }
}

# What each API's connect() reads from the environment, and what must then be on the wire.
CREDENTIALS = {api: environment(api) for api in APIS}
OCTOPUSH = arguments("octopush")


def package_name(api: str) -> str:
    return f"{SCOPE}/{api}-spec"


def version(api: str) -> str:
    return npmpack.npm_version(npmpack.python_version(APIS[api]))


def summary(api: str) -> str:
    """The start of ``api``'s summary line: ``<name> <version>:``, as the Python index's lines."""
    return f"{package_name(api)} {version(api)}:"


def env_without_npm_settings(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in codegen_env().items() if not key.startswith("NPM_")}
    return {**env, **extra}


def run_publish(dist: Path, registry: Registry, *args: str, token: str | None = None) -> Completed:
    env = env_without_npm_settings(NPM_REGISTRY_URL=registry.url, NPM_TOKEN=token or registry.token)
    return subprocess.run(
        [sys.executable, "-m", "accountkit_codegen.dist.npmpublish", "--dist", str(dist), *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def assert_no_secret(result: subprocess.CompletedProcess[str], *secrets: str) -> None:
    for secret in secrets:
        assert secret not in result.stdout + result.stderr, "a secret was printed"


def registry_integrity(registry: Registry, api: str) -> str | None:
    """The ``dist.integrity`` the registry lists for ``api``'s package at the version built here."""
    document = npmpublish.registry_document(registry.url, package_name(api), Credentials(None, registry.token))
    integrity: str | None = (
        ((document or {}).get("versions", {}).get(version(api)) or {}).get("dist", {}).get("integrity")
    )
    return integrity


@pytest.fixture(scope="module")
def npm_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``./dev -s build``'s npm step, run once into a temporary dist/ (packages in its npm/)."""
    return build("dist.npmpack", tmp_path_factory.mktemp("npm-dist"), env_without_npm_settings())


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    """verdaccio for this module, with a user and openapi-fetch (and its dependencies) published."""
    try:
        with running_registry(tmp_path_factory.mktemp("verdaccio")) as running:
            yield running
    except RegistryNotReady as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="module")
def first_publish(npm_dist: Path, registry: Registry) -> tuple[Completed, Completed, Completed]:
    """Publishes that must fail and publish nothing (a wrong token, one without publish rights), then the real one."""
    wrong = run_publish(npm_dist, registry, token="wrong-" + registry.token)
    reader = run_publish(npm_dist, registry, token=registry.reader_token)
    right = run_publish(npm_dist, registry)
    print(wrong.stdout, reader.stdout, right.stdout, sep="\n")  # the summary lines, shown with -s or on failure
    return wrong, reader, right


def test_wrong_token_fails_without_printing_it(
    first_publish: tuple[Completed, Completed, Completed], registry: Registry
) -> None:
    wrong, _, _ = first_publish
    assert wrong.returncode == 1, wrong.stdout + wrong.stderr
    for api in APIS:
        where = npmpublish.document_url(registry.url, package_name(api))
        assert f"{summary(api)} FAILED: {where} answered HTTP 401 Unauthorized" in wrong.stdout.splitlines()
    assert_no_secret(wrong, "wrong-" + registry.token, registry.token)


def test_token_without_publish_rights_fails_in_npm_without_printing_it(
    first_publish: tuple[Completed, Completed, Completed], registry: Registry
) -> None:
    _, reader, _ = first_publish
    assert reader.returncode == 1, reader.stdout + reader.stderr
    for api in APIS:
        assert f"{summary(api)} FAILED: npm publish exited with 1 (its output is above)" in reader.stdout.splitlines()
    assert "403" in reader.stdout, reader.stdout  # npm's own output is shown, scrubbed
    assert_no_secret(reader, registry.reader_token, registry.token)


def test_first_publish_uploads_every_package(
    first_publish: tuple[Completed, Completed, Completed], npm_dist: Path, registry: Registry
) -> None:
    _, _, result = first_publish
    assert result.returncode == 0, result.stdout + result.stderr
    for api in APIS:
        assert f"{summary(api)} uploaded" in result.stdout.splitlines()
        tarball = npm_dist / "npm" / npmpack.tarball_name(package_name(api), version(api))
        assert registry_integrity(registry, api) == npmpack.integrity(tarball)
    assert_no_secret(result, registry.token)


def test_versions_follow_the_python_packages(npm_dist: Path) -> None:
    for api in APIS:
        with tarfile.open(npm_dist / "npm" / npmpack.tarball_name(package_name(api), version(api))) as archive:
            manifest = json.loads(member_bytes(archive, "package/package.json"))
        assert manifest["version"] == npmpack.python_version(APIS[api])  # plain X.Y.Z today: the same text
        assert manifest["accountkit"]["pythonPackage"] == f"{api}-client"


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def _project(root: Path, registry: Registry, *apis: str) -> Path:
    """A new TypeScript project (ESM) that ``npm install``s ``apis``' packages from ``registry``."""
    project = root / "project"
    project.mkdir()
    _write_json(project / "package.json", {"name": "fresh-ts-project", "private": True, "type": "module"})
    result = npm(["install", *(f"{package_name(api)}@{version(api)}" for api in apis)], project, registry)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def _tsc(project: Path, config: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [specsdist.node_tool("tsc"), "-p", config], cwd=project, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def fresh_project(
    first_publish: tuple[Completed, Completed, Completed], registry: Registry, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A fresh TypeScript project with the PortaBilling package installed, and the two calls in it."""
    project = _project(tmp_path_factory.mktemp("fresh-ts"), registry, "portabilling")
    (project / "call.ts").write_text(CORRECT_CALL, encoding="utf-8")
    (project / "misspelt.ts").write_text(MISSPELT_CALL, encoding="utf-8")
    _write_json(project / "tsconfig.json", {**TSCONFIG, "files": ["call.ts"]})
    _write_json(
        project / "tsconfig.misspelt.json",
        {"extends": "./tsconfig.json", "compilerOptions": {"noEmit": True}, "files": ["misspelt.ts"]},
    )
    return project


def test_fresh_project_has_the_package_and_its_dependencies(fresh_project: Path, npm_dist: Path) -> None:
    modules = fresh_project / "node_modules"
    installed = json.loads((modules / SCOPE / "portabilling-spec" / "package.json").read_text())
    assert installed["version"] == version("portabilling")
    fetch = json.loads((modules / "openapi-fetch" / "package.json").read_text())
    assert fetch["version"] == npmpack.node_manifest("openapi-fetch")["version"]
    with tarfile.open(
        npm_dist / "npm" / npmpack.tarball_name(package_name("portabilling"), version("portabilling"))
    ) as t:
        built_spec = member_bytes(t, "package/openapi.yaml")
    assert (modules / SCOPE / "portabilling-spec" / "openapi.yaml").read_bytes() == built_spec


def test_correct_call_type_checks(fresh_project: Path) -> None:
    result = _tsc(fresh_project, "tsconfig.json")
    print(f"tsc --strict call.ts: exit {result.returncode}\n{result.stdout}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (fresh_project / "out" / "call.js").is_file()


def test_misspelt_field_is_a_compile_error(fresh_project: Path) -> None:
    result = _tsc(fresh_project, "tsconfig.misspelt.json")
    print(f"tsc --strict misspelt.ts: exit {result.returncode}\n{result.stdout}")
    assert result.returncode != 0
    errors = [line for line in result.stdout.splitlines() if line.startswith("misspelt.ts(")]
    assert len(errors) == 1, result.stdout
    assert "'firstnmae' does not exist" in errors[0] and "Did you mean to write 'firstname'?" in errors[0]


class BundledSpecPrism(PrismServer):
    """Prism serving a spec file from anywhere (here: the installed package's own openapi.yaml)."""

    @property
    def command(self) -> list[str]:
        return [str(PRISM), "mock", "-h", "127.0.0.1", "-p", str(self.port), "--errors", str(self.spec)]


def test_correct_call_runs_against_prism(fresh_project: Path) -> None:
    compiled = _tsc(fresh_project, "tsconfig.json")
    assert compiled.returncode == 0, compiled.stdout
    server = BundledSpecPrism(
        "portabilling", fresh_project / "node_modules" / SCOPE / "portabilling-spec" / "openapi.yaml"
    )
    try:
        start_all([server])
        env = {
            **env_without_npm_settings(),
            "PORTABILLING_BASE_URL": server.base_url,
            "PORTABILLING_LOGIN": "ada",
            "PORTABILLING_PASSWORD": "pw-prism",
        }
        result = subprocess.run(
            ["node", "out/call.js"], cwd=fresh_project, env=env, capture_output=True, text=True, timeout=60
        )
        log = server.log()
    finally:
        stop_all([server])
    print(f"node out/call.js: {result.stdout.strip()}")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"status": 200, "data": {"i_account": 55}}
    assert "/Session/login" in log and "/Account/update_account" in log, log


@pytest.fixture(scope="module")
def all_packages(
    first_publish: tuple[Completed, Completed, Completed], registry: Registry, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A project with all five packages installed from the registry, and the driver that calls them."""
    project = _project(tmp_path_factory.mktemp("all-five"), registry, *APIS)
    shutil.copy(DRIVER, project / DRIVER.name)
    return project


def operation_plan(api: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """(clientcall's plan of ``api``'s first operation, the same call in openapi-fetch's terms)."""
    document = read_spec(api)
    plan = call_plan(api, document)
    path, method, operation, item = next(
        (path, method, item[method], item)
        for path, item in document["paths"].items()
        for method in HTTP_METHODS
        if isinstance(item.get(method), dict)
    )
    params: dict[str, dict[str, Any]] = {}
    for parameter in [resolve(document, p) for p in [*item.get("parameters", []), *operation.get("parameters", [])]]:
        if parameter["name"] in plan["arguments"]:
            params.setdefault(parameter["in"], {})[parameter["name"]] = plan["arguments"][parameter["name"]]
    init = {"params": params} if params else {}
    if plan["body"] is not None:
        init["body"] = plan["body"]
    return plan, {"method": method.upper(), "path": path, "init": init}


def run_driver(project: Path, api: str, plan: dict[str, Any], server_url: str, **env: str) -> Any:
    environment = {**env_without_npm_settings(), f"{api.upper()}_BASE_URL": server_url, **env}
    result = subprocess.run(
        ["node", DRIVER.name, package_name(api), json.dumps(plan)],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _json_answer(body: object, status: int = 200) -> Response:
    return Response(json.dumps(body), status=status, content_type=JSON)


def check_credentials(api: str, call: ServerRequest, log: list[ServerRequest], access_tokens: dict[str, str]) -> None:
    """What ``api``'s auth must have put on the wire for ``call`` (and the token request before it).

    ``access_tokens``: the access token the server answered, by the path of the call that gave it.
    """
    sent = arguments(api)  # what run_driver exported as the environment (CREDENTIALS)
    if api == "intandem":
        assert call.headers["Authorization"] == f'Token token="{sent["token"]}"'
    elif api == "activeplatform":
        assert call.args.getlist("api_token") == [sent["api_token"]]
        assert "Authorization" not in call.headers
    elif api == "octopush":
        assert (call.headers["api-login"], call.headers["api-key"]) == (sent["api_login"], sent["api_key"])
    elif api == "portabilling":
        (login,) = [request for request in log if request.path == "/Session/login"]
        assert json.loads(login.get_data()) == {"params": {"login": sent["login"], "password": sent["password"]}}
        assert "Authorization" not in login.headers
        assert call.headers["Authorization"] == f"Bearer {access_tokens['/Session/login']}"
    elif api == "twosms":
        (token,) = [request for request in log if request.path == "/Token"]
        assert token.mimetype == "application/x-www-form-urlencoded"
        assert parse_qs(token.get_data(as_text=True)) == {
            "grant_type": ["client_credentials"],
            "client_id": [sent["client_id"]],
            "client_secret": [sent["client_secret"]],
        }
        assert call.headers["Authorization"] == f"Bearer {access_tokens['/Token']}"
    else:
        pytest.fail(f"no wire expectation for {api}: add it here")


@pytest.mark.parametrize("api", list(APIS))
def test_each_package_sends_its_apis_credentials(api: str, all_packages: Path, api_server: HTTPServer) -> None:
    plan, call = operation_plan(api)
    api_server.clear()
    api_server.expect_request(plan["path"], method=plan["method"]).respond_with_data(
        plan["answer"], status=plan["status"], content_type=JSON
    )
    access_tokens: dict[str, str] = {"/Token": str(TOKEN_ANSWER["access_token"])}
    for method, path, answer in plan["auth_answers"]:
        api_server.expect_request(path, method=method).respond_with_data(answer, content_type=JSON)
        access_tokens[path] = json.loads(answer)["access_token"]
    api_server.expect_request("/Token", method="POST").respond_with_json(TOKEN_ANSWER)

    outcome = run_driver(all_packages, api, call, api_server.url_for("/").rstrip("/"), **CREDENTIALS[api])

    print(api, outcome)
    assert outcome == [{"status": plan["status"], "data": json.loads(plan["answer"]), "error": None}]
    log = [request for request, _response in api_server.log]
    calls = [request for request in log if request.path == plan["path"]]
    assert len(calls) == 1, [(request.method, request.path) for request in log]
    check_credentials(api, calls[0], log, access_tokens)
    if plan["body"] is not None:
        assert json.loads(calls[0].get_data()) == plan["body"]


def test_portabilling_session_is_renewed_once_on_a_session_fault(all_packages: Path, api_server: HTTPServer) -> None:
    """Three calls at once on a cold client: one login; all three meet an expired session; one refresh."""
    plan, call = operation_plan("portabilling")
    expired = {"faultcode": "Server.Session.check_auth.auth_failed", "faultstring": "Session expired"}

    def update(request: ServerRequest) -> Response:
        if request.headers.get("Authorization") == "Bearer access-1":
            return _json_answer(expired, 500)
        return _json_answer({"i_account": 55})

    api_server.clear()
    api_server.expect_request("/Session/login", method="POST").respond_with_json(
        {"access_token": "access-1", "refresh_token": "refresh-1"}
    )
    api_server.expect_request("/Session/refresh_access_token", method="POST").respond_with_json(
        {"access_token": "access-2", "refresh_token": "refresh-2"}
    )
    api_server.expect_request(plan["path"], method="POST").respond_with_handler(update)

    outcome = run_driver(all_packages, "portabilling", {**call, "concurrent": 3}, api_server.url_for("/").rstrip("/"),
                         **CREDENTIALS["portabilling"])  # fmt: skip

    assert outcome == [{"status": 200, "data": {"i_account": 55}, "error": None}] * 3
    log = [request for request, _response in api_server.log]
    paths = [request.path for request in log]
    assert paths.count("/Session/login") == 1 and paths.count("/Session/refresh_access_token") == 1, paths
    (refresh,) = [request for request in log if request.path == "/Session/refresh_access_token"]
    assert json.loads(refresh.get_data()) == {"params": {"refresh_token": "refresh-1"}}
    bearers = [request.headers.get("Authorization", "") for request in log if request.path == plan["path"]]
    assert sorted(bearers) == ["Bearer access-1"] * 3 + ["Bearer access-2"] * 3


def test_twosms_token_is_renewed_once_after_a_401(all_packages: Path, api_server: HTTPServer) -> None:
    plan, call = operation_plan("twosms")
    tokens = iter(["token-1", "token-2"])

    def token(_request: ServerRequest) -> Response:
        return _json_answer({"access_token": next(tokens), "token_type": "Bearer", "expires_in": 28800})

    def update(request: ServerRequest) -> Response:
        if request.headers.get("Authorization") == "Bearer token-1":
            return Response("", status=401)
        return Response(plan["answer"], status=plan["status"], content_type=JSON)

    api_server.clear()
    api_server.expect_request("/Token", method="POST").respond_with_handler(token)
    api_server.expect_request(plan["path"], method="PUT").respond_with_handler(update)

    outcome = run_driver(all_packages, "twosms", call, api_server.url_for("/").rstrip("/"), **CREDENTIALS["twosms"])

    assert outcome == [{"status": plan["status"], "data": json.loads(plan["answer"]), "error": None}]
    sequence = [(request.path, request.headers.get("Authorization")) for request, _response in api_server.log]
    assert sequence == [
        ("/Token", None),
        (plan["path"], "Bearer token-1"),
        ("/Token", None),
        (plan["path"], "Bearer token-2"),
    ]


def test_refused_login_is_an_authentication_error_without_the_password(
    all_packages: Path, api_server: HTTPServer
) -> None:
    plan, call = operation_plan("portabilling")
    login, password = arguments("portabilling")["login"], arguments("portabilling")["password"]
    api_server.clear()
    api_server.expect_request("/Session/login", method="POST").respond_with_json(
        {"faultcode": "Server.Session.auth_failed", "faultstring": f"Login failed for {login}/{password}\r\nForged: x"},
        status=500,
    )
    outcome = run_driver(all_packages, "portabilling", call, api_server.url_for("/").rstrip("/"),
                         **CREDENTIALS["portabilling"])  # fmt: skip
    assert outcome == {
        "thrown": "AuthenticationError",
        "message": "PortaBilling login failed: HTTP 500 Server.Session.auth_failed: "
        f"Login failed for {login}/********\\u000d\\u000aForged: x",
    }
    assert [request.path for request, _response in api_server.log] == ["/Session/login"]


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "missing credential: pass apiKey to connect() or set OCTOPUSH_API_KEY"),
        (
            {"OCTOPUSH_API_KEY": OCTOPUSH["api_key"] + "\n"},
            "apiKey (from OCTOPUSH_API_KEY) contains a control character",
        ),
        ({"OCTOPUSH_API_KEY": "kéy"}, "apiKey (from OCTOPUSH_API_KEY) contains a non-ASCII character"),
    ],
)
def test_unusable_credentials_are_refused_before_sending(
    all_packages: Path, api_server: HTTPServer, env: dict[str, str], message: str
) -> None:
    _plan, call = operation_plan("octopush")
    api_server.clear()
    outcome = run_driver(all_packages, "octopush", call, api_server.url_for("/").rstrip("/"),
                         OCTOPUSH_API_LOGIN=OCTOPUSH["api_login"], **env)  # fmt: skip
    assert outcome["thrown"] == "ConfigurationError"
    assert outcome["message"].startswith(message), outcome
    assert OCTOPUSH["api_key"] not in outcome["message"] and "kéy" not in outcome["message"]
    assert api_server.log == []


def test_timeout_bounds_the_whole_call_login_included(all_packages: Path) -> None:
    """A server that takes the connection and never answers: the login hangs, the call ends at timeoutMs."""
    _plan, call = operation_plan("portabilling")
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()  # connections complete in the backlog; nothing is ever read or answered
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        started = time.monotonic()
        outcome = run_driver(all_packages, "portabilling", {**call, "options": {"timeoutMs": 1000}}, url,
                             **CREDENTIALS["portabilling"])  # fmt: skip
        elapsed = time.monotonic() - started
    assert outcome["thrown"] == "TimeoutError", outcome
    assert elapsed < 30, f"the call took {elapsed:.1f}s"  # did not hang (node's start included)


def test_plain_http_to_another_host_is_refused(all_packages: Path) -> None:
    _plan, call = operation_plan("intandem")
    outcome = run_driver(all_packages, "intandem", call, "http://api.vcita.biz", **CREDENTIALS["intandem"])
    assert outcome["thrown"] == "ConfigurationError"
    assert outcome["message"].startswith(
        "refusing plain http:// to api.vcita.biz: credentials would travel unencrypted"
    )


def test_publishing_again_skips_every_package(
    first_publish: tuple[Completed, Completed, Completed], npm_dist: Path, registry: Registry
) -> None:
    result = run_publish(npm_dist, registry)
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    for api in APIS:
        assert f"{summary(api)} skipped (identical on registry)" in result.stdout.splitlines()
    assert_no_secret(result, registry.token)


def test_dry_run_publishes_nothing(
    first_publish: tuple[Completed, Completed, Completed], npm_dist: Path, registry: Registry
) -> None:
    before = sorted(str(path) for path in registry.storage.rglob("*"))
    result = run_publish(npm_dist, registry, "--dry-run")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(dry run)" in result.stdout
    assert sorted(str(path) for path in registry.storage.rglob("*")) == before


def test_changed_build_under_the_same_version_is_refused(
    first_publish: tuple[Completed, Completed, Completed], npm_dist: Path, registry: Registry, tmp_path: Path
) -> None:
    api = "portabilling"
    name = npmpack.tarball_name(package_name(api), version(api))
    unpacked = tmp_path / "unpacked"
    with tarfile.open(npm_dist / "npm" / name) as archive:
        archive.extractall(unpacked, filter="data")
    with (unpacked / "package" / "README.md").open("a", encoding="utf-8") as readme:
        readme.write("\nA change that was not given a new version.\n")
    (tmp_path / "dist" / "npm").mkdir(parents=True)
    npmpack.write_tarball(unpacked / "package", tmp_path / "dist" / "npm" / name)
    before = registry_integrity(registry, api)

    result = run_publish(tmp_path / "dist", registry)
    print(result.stdout)

    assert result.returncode == 1, result.stdout + result.stderr
    expected = (
        f"{summary(api)} REFUSED: {version(api)} is on the registry with different content; "
        f"release a new version of {api}-client (its npm package follows it)"
    )
    assert expected in result.stdout.splitlines()
    assert registry_integrity(registry, api) == before
    assert_no_secret(result, registry.token)
