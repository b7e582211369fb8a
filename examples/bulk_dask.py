"""Bulk PortaBilling account updates on a Dask cluster, one logged-in client per worker process.

Run it against a server (the credentials come from each worker's own environment, never from here):

    export PORTABILLING_BASE_URL=https://billing.example.net/rest
    export PORTABILLING_LOGIN=... PORTABILLING_PASSWORD=...
    python examples/bulk_dask.py updates.jsonl                      # a local cluster of 2 worker processes
    python examples/bulk_dask.py updates.jsonl --scheduler tcp://scheduler.internal:8786

``updates.jsonl`` holds one ``account_info`` object per line, e.g. ``{"i_account": 55, "firstname": "Ada"}``.
It prints a progress bar while it runs, then a summary and one line per failed update; it exits 0 when
every update was applied, 1 when some failed, and 2 (sending nothing) when the file cannot be read.

Or use it from your own code, with any ``distributed.Client``::

    import functools, portabilling_client
    from bulk_dask import update_accounts

    connect = functools.partial(portabilling_client.connect, base_url="https://billing.example.net/rest")
    result = update_accounts(connect, [AccountInfo(i_account=55, firstname="Ada"), ...], dask_client=dask_client)
    for failure in result.failures:
        print(failure.index, failure.i_account, failure.error, failure.message)

Why it is built this way:

- A client holds a connection pool and a logged-in session: it is made on each worker process, once, by
  the ``ClientPerWorker`` plugin, and shared by that worker's threads (the session's login is serialised,
  so a worker logs in exactly once). What travels to the workers is ``connect``, a picklable callable
  without secrets (``connect()`` reads the login and password from the worker's environment), and the
  items as the JSON objects they are sent as.
- Items go out in batches (one task per ``batch_size`` items) so that the scheduler's per-task cost stays
  small next to the HTTP calls; a worker runs as many batches at once as it has threads.
- Every item ends as a success or an ``ItemFailure`` (the error's type name, HTTP status, vendor code
  and message, which the client keeps free of secrets) — plain data, so failures pickle back to the
  caller whatever the exception was, and a response's request headers (the bearer token) stay on the
  worker. A batch that fails as a whole (a worker lost more often than Dask retries) marks each of its
  items failed. ``update_account`` is idempotent (the spec says so), so a batch Dask re-runs after
  losing a worker applies the same values again and does no harm.

The workers must be able to import this module: a local cluster's workers share this interpreter's
``sys.path``; on a remote cluster install it with your code, or send it with ``dask_client.upload_file``.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import dask.base
import distributed
import portabilling_client
from distributed.diagnostics.plugin import WorkerPlugin
from portabilling_client.api.account import update_account
from portabilling_client.client import AuthenticatedClient
from portabilling_client.errors import AccountkitError, ApiError
from portabilling_client.models import AccountInfo, UpdateAccountParams, UpdateAccountRequest
from tqdm import tqdm

Connect = Callable[[], AuthenticatedClient]


# --------------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemFailure:
    """One update that was not applied: which item, and the error it ended in."""

    index: int  # position of the item in the input
    i_account: int | None
    error: str  # the exception's class name, e.g. "ServerError", "RequestValidationError"
    message: str
    status_code: int | None = None
    code: str | None = None  # the vendor's faultcode, when it sent one

    @classmethod
    def from_exception(
        cls, index: int, i_account: int | None, exc: BaseException, *, batch: bool = False
    ) -> ItemFailure:
        """``batch``: the item's whole batch failed (it may have been applied before that happened)."""
        api = exc if isinstance(exc, ApiError) else None
        return cls(
            index=index,
            i_account=i_account,
            error=type(exc).__name__,
            message=f"its batch failed: {exc}" if batch else str(exc),
            status_code=api.status_code if api else None,
            code=api.code if api else None,
        )


@dataclass
class BulkResult:
    """What a bulk run did: how many updates were applied, and every failure, in input order."""

    total: int
    updated: int = 0
    failures: list[ItemFailure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures and self.updated == self.total


# --------------------------------------------------------------------------------------------------
# On the workers
# --------------------------------------------------------------------------------------------------


class ClientPerWorker(WorkerPlugin):
    """Makes one API client on each worker process, when the worker joins the job; closes it with the worker.

    Registered once per ``connect`` (the plugin's name is derived from it), so later runs with the same
    ``connect`` reuse the worker's client and its session, and workers that join later get one too.
    """

    idempotent = True  # registering the same plugin again keeps the workers' existing clients

    def __init__(self, connect: Connect) -> None:
        self.connect = connect
        self.name = "portabilling-client-" + dask.base.tokenize(connect)
        self.client: AuthenticatedClient | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "client": None}  # a client never travels: each worker makes its own

    def setup(self, worker: distributed.Worker) -> None:
        client = self.connect()  # reads the credentials from this worker's environment
        # Make the connection pool now, before the worker's threads share the client.
        client.get_httpx_client()
        self.client = client

    def teardown(self, worker: distributed.Worker) -> None:
        client, self.client = self.client, None
        if client is not None:
            client.close()


def worker_client(plugin_name: str) -> AuthenticatedClient:
    """This worker's client, made by the ``ClientPerWorker`` plugin called ``plugin_name``."""
    plugin = distributed.get_worker().plugins.get(plugin_name)
    client: AuthenticatedClient | None = getattr(plugin, "client", None)
    if client is None:
        raise RuntimeError(f"this worker has no API client: plugin {plugin_name!r} did not set up (see its log)")
    return client


def update_batch(plugin_name: str, batch: Sequence[tuple[int, dict[str, Any]]]) -> tuple[int, list[ItemFailure]]:
    """Apply one batch of updates on this worker; returns how many were applied and the failures."""
    client = worker_client(plugin_name)
    failures = []
    for index, account_info in batch:
        # account_info is the JSON of the caller's AccountInfo: a model given a plain dict for a nested
        # model sends it as it is, and the client checks it against the spec before sending, as it would
        # the model's own JSON (an unknown field or a wrong value is a RequestValidationError, by field).
        body = UpdateAccountRequest(params=UpdateAccountParams(account_info=account_info))  # type: ignore[arg-type]
        try:
            update_account.sync(client=client, body=body)
        except AccountkitError as exc:  # anything else is a bug: it fails the batch, and so every item in it
            failures.append(ItemFailure.from_exception(index, _i_account(account_info), exc))
    return len(batch) - len(failures), failures


# --------------------------------------------------------------------------------------------------
# On the caller's side
# --------------------------------------------------------------------------------------------------


def update_accounts(
    connect: Connect,
    items: Iterable[AccountInfo | Mapping[str, Any]],
    *,
    dask_client: distributed.Client,
    batch_size: int = 100,
    progress: bool = True,
    progress_file: IO[str] | None = None,
) -> BulkResult:
    """Apply ``Account/update_account`` to every item on the cluster behind ``dask_client``.

    ``connect`` makes a client on a worker (e.g. ``functools.partial(portabilling_client.connect,
    base_url=...)``); it is pickled to the workers, so it must not carry credentials. A failing item
    never stops the others: it is reported in ``BulkResult.failures``. With ``progress``, a bar counts
    finished items on ``progress_file`` (standard error by default).
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    numbered = [(index, as_json(item)) for index, item in enumerate(items)]
    batches = [numbered[start : start + batch_size] for start in range(0, len(numbered), batch_size)]
    result = BulkResult(total=len(numbered))
    if not batches:
        return result

    plugin = ClientPerWorker(connect)
    try:
        dask_client.register_plugin(plugin)  # raises what a worker's setup raised, e.g. a missing credential
    except Exception:
        with contextlib.suppress(Exception):  # so that a corrected retry sets up again
            dask_client.unregister_worker_plugin(plugin.name)
        raise

    futures = dask_client.map(update_batch, [plugin.name] * len(batches), batches, pure=False)
    batch_of = dict(zip((future.key for future in futures), batches, strict=True))
    with tqdm(total=len(numbered), unit="update", file=progress_file, disable=not progress) as bar:
        for future in distributed.as_completed(futures):
            batch = batch_of.pop(future.key)
            try:
                updated, failures = future.result()
            except Exception as exc:  # the whole batch failed: a bug, or its worker died more often than Dask retries
                updated = 0
                failures = [
                    ItemFailure.from_exception(index, _i_account(item), exc, batch=True) for index, item in batch
                ]
            future.release()
            result.updated += updated
            result.failures.extend(failures)
            bar.update(len(batch))
            if result.failures:
                bar.set_postfix(failed=len(result.failures), refresh=False)
    result.failures.sort(key=lambda failure: failure.index)
    return result


def _i_account(account_info: dict[str, Any]) -> int | None:
    i_account = account_info.get("i_account")
    return i_account if isinstance(i_account, int) and not isinstance(i_account, bool) else None


def as_json(item: AccountInfo | Mapping[str, Any]) -> dict[str, Any]:
    """An item as the JSON object sent as ``account_info``: what travels to the workers.

    Plain JSON pickles small, carries nothing but the update, and does not depend on how the models
    pickle (or on the workers having the very same client version).
    """
    if isinstance(item, AccountInfo):
        return item.to_dict()
    if isinstance(item, Mapping):
        return dict(item)
    raise TypeError(f"an item must be an AccountInfo or a mapping of its JSON fields, not {type(item).__name__}")


# --------------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------------


class InputError(ValueError):
    """The updates file cannot be used; nothing was sent."""


def read_updates(path: Path) -> list[dict[str, Any]]:
    """Every line of a JSON-lines file: one ``account_info`` object each (the client checks its fields)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from None
    items, problems = [], []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            problems.append(f"{path}:{number}: not JSON: {exc}")
            continue
        if not isinstance(row, dict):
            problems.append(f"{path}:{number}: expected a JSON object (account_info), got {type(row).__name__}")
            continue
        items.append(row)
    if problems:
        shown = problems[:20] + ([f"... and {len(problems) - 20} more"] if len(problems) > 20 else [])
        raise InputError("\n".join(shown))
    return items


def _summary(result: BulkResult, out: IO[str]) -> None:
    print(f"updated {result.updated} of {result.total} accounts, {len(result.failures)} failed", file=out)
    for failure in result.failures:  # the message names the operation, the HTTP status and the vendor's code
        print(f"  item {failure.index} (i_account {failure.i_account}): {failure.error}: {failure.message}", file=out)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("updates", type=Path, help="JSON lines, one account_info object per line")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (default: a local cluster)")
    parser.add_argument("--workers", type=_positive, default=2, help="worker processes of the local cluster")
    parser.add_argument("--threads", type=_positive, default=4, help="threads per worker process of the local cluster")
    parser.add_argument("--base-url", help="the server's REST root (default: PORTABILLING_BASE_URL on the workers)")
    parser.add_argument("--batch-size", type=_positive, default=100, help="updates per task")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)

    try:
        items = read_updates(args.updates)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    connect = functools.partial(portabilling_client.connect, base_url=args.base_url)
    # A local cluster listens on loopback only; its scheduler's web page (the dashboard, with bokeh
    # installed) on any free port rather than a fixed one.
    cluster = None
    if not args.scheduler:
        cluster = distributed.LocalCluster(
            n_workers=args.workers,
            threads_per_worker=args.threads,
            processes=True,
            dashboard_address="127.0.0.1:0",
        )
    try:
        try:
            dask_client = distributed.Client(args.scheduler or cluster)
        except OSError as exc:
            print(f"error: cannot reach the Dask scheduler at {args.scheduler}: {exc}", file=sys.stderr)
            return 2
        with dask_client:
            result = update_accounts(
                connect, items, dask_client=dask_client, batch_size=args.batch_size, progress=not args.no_progress
            )
    except AccountkitError as exc:  # e.g. missing credentials on the workers: one message, nothing sent
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    finally:
        if cluster is not None:
            cluster.close()
    _summary(result, sys.stdout)
    return 0 if result.ok else 1


if __name__ == "__main__":
    # Run as a script, this file is ``__main__``; import it by name so that the workers (which share
    # this sys.path, where the script's folder comes first) find the same functions by reference.
    from bulk_dask import main as _main

    sys.exit(_main())
