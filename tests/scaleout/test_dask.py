"""examples/bulk_dask.py on a real Dask cluster: 2 worker processes, a loopback PortaBilling server.

The server is the tests' threaded ``support.mockserver.MockServer`` with the stateful PortaBilling
session service of ``support.kits``; on top of it it records which account each update applied and
which worker process sent each request (``scaleout_hooks.tag_with_pid``), fails every 500th account
with a fault and answers the first attempt of every 700th with a retryable 503. The credentials exist
only in the workers' environment (``LocalCluster(env=...)``): were a client made in this process,
``connect()`` would refuse for lack of a password.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import json
import os
import pickle
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import dask.config
import psutil
import pytest
from distributed import Client, LocalCluster

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "bulk_dask.py"

# bulk_dask (examples/, on pytest's pythonpath) and scaleout_hooks (beside this file, which pytest puts on
# sys.path) by name: the worker processes import them from the sys.path they inherit.
import bulk_dask  # noqa: E402
import portabilling_client  # noqa: E402
import scaleout_hooks  # noqa: E402
from portabilling_client.models import AccountInfo  # noqa: E402
from support.credentials import all_env_names, arguments  # noqa: E402
from support.kits import PortaBillingKit, fault  # noqa: E402
from support.mockserver import MockServer, Recorded, Reply  # noqa: E402

ITEMS = 10_000
LOGIN, PASSWORD = arguments("portabilling")["login"], arguments("portabilling")["password"]
ACCOUNT_PASSWORD = "AccountPass-SECRET-9"  # an account's own password, sent in some updates' bodies
VENDOR_ENV = all_env_names()
FAULTCODE = "Server.Account.update_account.locked"


def account_of(failure: bulk_dask.ItemFailure) -> int:
    """The account a failure names: every item of these runs has one."""
    assert failure.i_account is not None, failure
    return failure.i_account


def fails(i_account: int) -> bool:
    """The server refuses these with a fault (no retry helps)."""
    return i_account % 500 == 0


def flaky(i_account: int) -> bool:
    """The server answers these 503 the first time (the client retries)."""
    return i_account % 700 == 1


def invalid(i_account: int) -> bool:
    """These items break the spec (a login with a space): refused before sending."""
    return i_account % 1000 == 250


def make_items(count: int) -> list[AccountInfo]:
    items = []
    for i_account in range(1, count + 1):
        info = AccountInfo(i_account=i_account, firstname=f"Ann {i_account}")
        if i_account % 100 == 7:
            info.password = ACCOUNT_PASSWORD
        if invalid(i_account):
            info.login = "not allowed"
        items.append(info)
    return items


class BulkPortaBilling(PortaBillingKit):
    """PortaBilling's session service, plus a record of every applied update and every worker's requests."""

    def __init__(self, server: MockServer) -> None:
        self.lock = threading.Lock()
        self.applied: collections.Counter[int] = collections.Counter()
        self.logins_by_pid: collections.Counter[str] = collections.Counter()
        self.tokens_by_pid: dict[str, set[str]] = collections.defaultdict(set)
        self.refused_once: set[int] = set()
        super().__init__(server)

    def pid(self, request: Recorded) -> str:
        return request.headers.get(scaleout_hooks.WORKER_HEADER.lower(), "untagged")

    def account(self, request: Recorded) -> int | None:
        """The update's i_account; None for a body cut short (its sender was killed while sending it)."""
        try:
            return int(request.json()["params"]["account_info"]["i_account"])
        except ValueError:
            return None

    def _login(self, request: Recorded) -> Reply:
        with self.lock:
            self.logins_by_pid[self.pid(request)] += 1
        return super()._login(request)

    def _update(self, request: Recorded) -> Reply:
        token = self.bearer(request)
        if token not in self.valid_access:
            return super()._update(request)  # the session fault
        i_account = self.account(request)
        if i_account is None:
            return Reply(400, json={"error": "incomplete body"})
        with self.lock:
            self.tokens_by_pid[self.pid(request)].add(token)
            if flaky(i_account) and i_account not in self.refused_once:
                self.refused_once.add(i_account)
                return Reply(
                    503, json={"faultcode": "Server.busy", "faultstring": "try again"}, headers={"Retry-After": "0"}
                )
            if fails(i_account):
                return fault(FAULTCODE, f"account {i_account} is locked by another operation")
            self.applied[i_account] += 1
        return Reply(json={"i_account": i_account})


@pytest.fixture
def pb() -> Iterator[BulkPortaBilling]:
    server = MockServer()
    yield BulkPortaBilling(server)
    server.stop()
    assert not server.errors, f"test server handler errors: {server.errors}"


@pytest.fixture(autouse=True)
def _no_vendor_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither the developer's credentials nor the test's own are in this process's environment."""
    for name in VENDOR_ENV:
        monkeypatch.delenv(name, raising=False)


def worker_env() -> dict[str, str]:
    return {"PORTABILLING_LOGIN": LOGIN, "PORTABILLING_PASSWORD": PASSWORD}


def child_processes() -> set[psutil.Process]:
    return set(psutil.Process().children(recursive=True))


@contextlib.contextmanager
def local_cluster(env: dict[str, str], **config: Any) -> Iterator[tuple[LocalCluster, Client]]:
    """A cluster of 2 worker processes (4 threads each) with ``env``; on exit, asserts none of its processes is left."""
    before = child_processes()
    with (
        dask.config.set(config),
        LocalCluster(
            n_workers=2, threads_per_worker=4, processes=True, dashboard_address="127.0.0.1:0", env=env
        ) as cluster,
        Client(cluster) as dask_client,
    ):
        yield cluster, dask_client
    # multiprocessing's resource tracker (started with the first spawned process) lives as long as we do.
    started = [p for p in child_processes() - before if "multiprocessing.resource_tracker" not in _cmdline(p)]
    _, alive = psutil.wait_procs(started, timeout=15)
    assert not alive, f"processes left behind: {[(p.pid, _cmdline(p)) for p in alive]}"


def _cmdline(process: psutil.Process) -> str:
    with contextlib.suppress(psutil.Error):
        return " ".join(process.cmdline())
    return "?"


def tagged_connect(pb: BulkPortaBilling) -> functools.partial[Any]:
    """``connect`` for the workers: the test server's URL and the pid hook; credentials from the environment."""
    return functools.partial(
        portabilling_client.connect,
        base_url=pb.base_url,
        httpx_args={"event_hooks": {"request": [scaleout_hooks.tag_with_pid]}},
    )


def assert_no_secret(pb: BulkPortaBilling, *texts: str, blobs: Iterable[bytes] = ()) -> None:
    secrets = [PASSWORD, ACCOUNT_PASSWORD, *pb.issued]
    assert len(secrets) > 2  # the tokens the server issued are among them
    for secret in secrets:
        for text in texts:
            assert secret not in text, f"secret {secret!r} in the output"
        for blob in blobs:
            assert secret.encode() not in blob, f"secret {secret!r} in a pickle"


@pytest.mark.timeout(240)
def test_ten_thousand_updates_on_two_worker_processes(
    pb: BulkPortaBilling, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    items = make_items(ITEMS)
    connect = tagged_connect(pb)
    started = time.perf_counter()
    with local_cluster(worker_env()) as (cluster, dask_client):
        worker_pids = sorted(dask_client.run(scaleout_hooks.verbose_logs).values())
        run_started = time.perf_counter()
        result = bulk_dask.update_accounts(connect, items, dask_client=dask_client)
        run_took = time.perf_counter() - run_started
        with pb.lock:
            applied = collections.Counter(pb.applied)
        again = bulk_dask.update_accounts(connect, items[:50], dask_client=dask_client, progress=False)
        assert cluster.scheduler is not None
        plugin_pickles = list(cluster.scheduler.worker_plugins.values())
    elapsed = time.perf_counter() - started
    output = capfd.readouterr()

    # Every update applied exactly once, server-side; the refused and the invalid ones not at all.
    expected = {i for i in range(1, ITEMS + 1) if not fails(i) and not invalid(i)}
    assert set(applied) == expected
    assert set(applied.values()) == {1}
    assert result.total == ITEMS and result.updated == len(expected)
    assert len(pb.refused_once) == len([i for i in range(1, ITEMS + 1) if flaky(i)])  # retried, then applied once

    # Failures, per item, with their type: faults from the server, validation before sending.
    failures = {account_of(failure): failure for failure in result.failures}
    assert sorted(failures) == [i for i in range(1, ITEMS + 1) if fails(i) or invalid(i)]
    assert [failure.index for failure in result.failures] == [i - 1 for i in sorted(failures)]
    for i_account, failure in failures.items():
        if fails(i_account):
            assert (failure.error, failure.status_code, failure.code) == ("ServerError", 500, FAULTCODE)
            assert f"account {i_account} is locked" in failure.message
        else:
            assert (failure.error, failure.status_code) == ("RequestValidationError", None)
            assert "account_info.login" in failure.message
    assert pickle.loads(pickle.dumps(result)) == result

    # One client per worker process: exactly one login each, every update of a worker on its one session.
    assert sorted(int(pid) for pid in pb.logins_by_pid) == worker_pids
    assert set(pb.logins_by_pid.values()) == {1}
    assert sorted(int(pid) for pid in pb.tokens_by_pid) == worker_pids
    assert all(len(tokens) == 1 for tokens in pb.tokens_by_pid.values())
    # A second run reuses the workers' clients and their sessions: no new login.
    assert again.updated == 50 and not again.failures
    assert pb.applied - applied == collections.Counter(range(1, 51))
    assert pb.sessions == 2

    # A progress bar ran (tqdm, on stderr) to the last item; the workers' client logs were on, and captured.
    shown = {int(done) for done in re.findall(rf"(\d+)/{ITEMS}", output.err)}
    assert ITEMS in shown and [done for done in shown if 0 < done < ITEMS], "no progress bar while it ran"
    assert "portabilling_client DEBUG request POST" in output.err
    # No secret in any output, in the result, or in what was pickled to the workers.
    texts = [output.out, output.err, caplog.text, repr(result)]
    assert_no_secret(pb, *texts, blobs=[pickle.dumps(result), *plugin_pickles])
    print(f"{ITEMS} updates on 2 worker processes: {run_took:.1f} s; with cluster start and stop {elapsed:.1f} s")


@pytest.mark.timeout(120)
def test_a_lost_worker_fails_only_its_batches_and_its_replacement_logs_in_once(
    pb: BulkPortaBilling, capfd: pytest.CaptureFixture[str]
) -> None:
    count, batch_size, victim = 2_000, 50, 1_234
    killed: list[int] = []
    update = pb.server.handler("POST", pb.path)

    def kill_the_sender_of_one_update(request: Any) -> Any:
        if pb.account(request) == victim and not killed:
            killed.append(int(pb.pid(request)))
            os.kill(killed[0], signal.SIGKILL)  # a worker process this test's cluster started
        return update(request)

    pb.server.route("POST", pb.path, kill_the_sender_of_one_update)
    connect = tagged_connect(pb)
    # No second try for a task whose worker died, so that the lost batches show up as failures.
    with local_cluster(worker_env(), **{"distributed.scheduler.allowed-failures": 0}) as (_, dask_client):
        first = set(dask_client.run(os.getpid).values())
        result = bulk_dask.update_accounts(connect, make_items(count), dask_client=dask_client, batch_size=batch_size)
        dask_client.wait_for_workers(2, timeout=60)  # the nanny replaces the lost process
        replacement = {address: pid for address, pid in dask_client.run(os.getpid).items() if pid not in first}
        one = [(0, {"i_account": 1, "firstname": "Ann"})]
        name = bulk_dask.ClientPerWorker(connect).name
        on_replacement = dask_client.submit(bulk_dask.update_batch, name, one, workers=list(replacement), pure=False)
        assert on_replacement.result() == (1, [])
    output = capfd.readouterr()

    # The lost worker's batches failed whole (the victim's and those running beside it), each item named.
    assert killed and killed[0] in first and len(replacement) == 1
    lost = {account_of(f) for f in result.failures if f.error == "KilledWorker"}
    assert victim in lost
    assert all(f.message.startswith("its batch failed: ") for f in result.failures if f.error == "KilledWorker")
    lost_batches = {(i - 1) // batch_size for i in lost}
    assert len(lost) == batch_size * len(lost_batches)
    # Every other item went on as usual: applied, or refused with its own error.
    refused = {i for i in range(1, count + 1) if fails(i) or invalid(i)}
    assert {f.i_account for f in result.failures if f.error != "KilledWorker"} == refused - lost
    assert set(range(1, count + 1)) - lost - refused <= set(pb.applied)
    assert result.updated == count - len(lost | refused)
    # Each worker process logged in once: the two first ones, and the replacement on its first update.
    assert pb.logins_by_pid[str(killed[0])] == 1
    assert pb.logins_by_pid[str(next(iter(replacement.values())))] == 1
    assert set(pb.logins_by_pid.values()) == {1}
    assert {int(pid) for pid in pb.logins_by_pid} <= first | set(replacement.values())
    assert_no_secret(pb, output.out, output.err, repr(result))


@pytest.mark.timeout(120)
def test_missing_credentials_on_the_workers_are_one_clear_error_and_nothing_is_sent(pb: BulkPortaBilling) -> None:
    with local_cluster({"PORTABILLING_LOGIN": LOGIN}) as (cluster, dask_client):
        with pytest.raises(portabilling_client.errors.ConfigurationError, match="PORTABILLING_PASSWORD"):
            bulk_dask.update_accounts(tagged_connect(pb), make_items(10), dask_client=dask_client)
        assert cluster.scheduler is not None
        assert not [name for name in cluster.scheduler.worker_plugins if name.startswith("portabilling-client-")]
    assert not pb.server.requests


def run_example(*args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``python examples/bulk_dask.py ...`` as a user runs it, with ``env`` added to this environment."""
    return subprocess.run(
        [sys.executable, str(EXAMPLE), *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.mark.timeout(180)
def test_the_example_runs_from_the_command_line(pb: BulkPortaBilling, tmp_path: Path) -> None:
    rows = [item.to_dict() for item in make_items(300)]
    rows += [{"i_account": 500, "firstname": "Ann"}, {"i_account": 301, "firstnme": "Ann"}]
    updates = tmp_path / "updates.jsonl"
    updates.write_text("".join(json.dumps(row) + "\n" for row in rows))

    done = run_example(
        str(updates), "--base-url", pb.base_url, "--threads", "2", "--batch-size", "20", env=worker_env()
    )

    assert done.returncode == 1, done.stderr  # some updates failed
    summary = done.stdout.splitlines()
    assert summary[0] == "updated 299 of 302 accounts, 3 failed"
    assert summary[1].startswith("  item 249 (i_account 250): RequestValidationError: ")
    assert "account_info.login" in summary[1]
    assert summary[2].startswith("  item 300 (i_account 500): ServerError: ")
    assert f"HTTP 500 {FAULTCODE}: account 500 is locked" in summary[2]
    assert summary[3].startswith("  item 301 (i_account 301): RequestValidationError: ")
    assert "account_info.firstnme: Extra inputs are not permitted" in summary[3]
    assert len(summary) == 4
    assert "302/302" in done.stderr  # the progress bar
    assert set(pb.applied) == set(range(1, 301)) - {250} and set(pb.applied.values()) == {1}
    assert pb.sessions == 2  # one login per worker process
    assert_no_secret(pb, done.stdout, done.stderr)


def test_the_example_refuses_an_unreadable_file_before_sending_anything(pb: BulkPortaBilling, tmp_path: Path) -> None:
    updates = tmp_path / "updates.jsonl"
    updates.write_text('{"i_account": 1, "firstname": "Ann"}\n{"i_account": 2,\n\n[3]\n')

    done = run_example(str(updates), "--base-url", pb.base_url, env=worker_env(), timeout=60)

    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert lines[0].startswith(f"error: {updates}:2: not JSON: ")
    assert lines[1] == f"{updates}:4: expected a JSON object (account_info), got list"
    assert len(lines) == 2
    assert not pb.server.requests
